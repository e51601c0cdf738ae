// Open311 GeoReport v2 conformance, written from the spec (/work/shared/reference/open311-georeport-v2.md
// and http://wiki.open311.org/GeoReport_v2): every method in both formats, every error case, the JSON
// and XML shapes, an XML parser round trip for every XML answer, and no personal data in public GETs.
// Runs through app.request() on both dialects (PostgreSQL when TEST_DATABASE_URL is set).
import '../../server/test/support/setup.ts';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, revokeApiKey } from '../../server/src/accounts/api-keys.ts';
import type { Db } from '../../server/src/platform/database/schema.ts';
import { fileRequest } from '../../server/src/requests/intake-store.ts';
import { expectedDate, townCalendar } from '../../server/src/requests/service-targets.ts';
import { changeRequestStatus } from '../../server/src/requests/staff-store.ts';
import { getActiveServiceByCode, insertService } from '../../server/src/services/store.ts';
import { seedTown } from '../../server/src/seed/seed.ts';
import { createTestApp, dialects } from '../../server/test/support/harness.ts';
import { otherTown } from '../../server/test/support/test-town.ts';

type App = Awaited<ReturnType<typeof createTestApp>>['app'];
type Json = Record<string, unknown>;

const BASE = '/open311/v2';
/** W3C ISO 8601 with an explicit zone, as the spec requires of every date-time. */
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})$/;
const PERSONAL = ['Resident One', 'resident.one@example.com', 'secret-description-marker', 'Ada', 'Lovelace', 'ada@example.com', '613-555-0199', 'device-xyz', 'acct-123'];

/** Elements that are lists in the spec's XML; the parser keeps them arrays even with one child. */
const LISTS = new Set(['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format']);
const parser = new XMLParser({ isArray: (name) => LISTS.has(name), parseTagValue: false, ignoreDeclaration: false, ignoreAttributes: false });

interface XmlAnswer {
  status: number;
  type: string | null;
  text: string;
  doc: Record<string, unknown>;
}

/** An XML answer: well-formed (validator), with the declaration, parsed back (round trip). */
async function xml(res: Response | Promise<Response>): Promise<XmlAnswer> {
  const r = await res;
  const text = await r.text();
  expect(r.headers.get('content-type')).toBe('text/xml; charset=utf-8');
  expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  expect(XMLValidator.validate(text)).toBe(true);
  const doc = parser.parse(text) as Record<string, unknown>;
  return { status: r.status, type: r.headers.get('content-type'), text, doc };
}

async function json<T = unknown>(res: Response | Promise<Response>): Promise<{ status: number; body: T; text: string }> {
  const r = await res;
  expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
  const text = await r.text();
  return { status: r.status, body: JSON.parse(text) as T, text };
}

const form = (fields: Record<string, string | string[]>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
  return p;
};

const post = (app: App, path: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) =>
  app.request(`${BASE}/${path}`, {
    method: 'POST',
    body: form(fields).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
  });

const expectErrors = (body: unknown, status: number) => {
  expect(Array.isArray(body)).toBe(true);
  const list = body as { code: string; description: string }[];
  expect(list.length).toBeGreaterThan(0);
  for (const e of list) {
    expect(Object.keys(e).sort()).toEqual(['code', 'description']);
    expect(typeof e.code).toBe('string');
    expect(e.description.length).toBeGreaterThan(0);
  }
  expect(list.some((e) => e.code === String(status))).toBe(true);
  return list;
};

const xmlErrors = (a: XmlAnswer) => (a.doc.errors as { error: { code: string; description: string }[] }).error;

const countRequests = async (db: Db) => Number((await db.selectFrom('requests').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

for (const dialect of dialects) {
  describe.skipIf(dialect.skip)(`Open311 GeoReport v2 (${dialect.name})`, () => {
    let app: App;
    let db: Db;
    let cleanup: () => Promise<void>;
    let key: string;

    beforeAll(async () => {
      const t = await createTestApp({ db: await dialect.open(), config: { INTAKE_RATE_LIMIT: 'off', PUBLIC_ORIGIN: 'https://311.testville.example' } });
      ({ app, db, cleanup } = t);
      key = (await createApiKey(db, 'testville', 'conformance client')).key;
      // A multi-value list, to file attribute[CODE][]= values.
      await insertService(db, {
        townId: 'testville',
        code: 'sign',
        name: { en: 'Damaged sign', fr: 'Panneau endommagé' },
        description: { en: 'A street sign.', fr: 'Un panneau de rue.' },
        group: { en: 'Roads', fr: 'Routes' },
        keywords: { en: ['sign', 'street'], fr: ['panneau'] },
        departmentId: 'public-works',
        anonymousAllowed: true,
        targetDays: null,
        sort: 5,
        questions: [
          { code: 'info', datatype: 'text', required: false, variable: false, order: 1, label: { en: 'Signs are fixed in a week.', fr: 'Les panneaux sont réparés en une semaine.' } },
          {
            code: 'damage',
            datatype: 'multivaluelist',
            required: true,
            variable: true,
            order: 2,
            label: { en: 'What is wrong?', fr: 'Quel est le problème?' },
            description: { en: 'Pick all that apply.', fr: 'Choisissez tout ce qui s’applique.' },
            values: [
              { key: 'bent', name: { en: 'Bent', fr: 'Plié' } },
              { key: 'missing', name: { en: 'Missing', fr: 'Manquant' } },
              { key: 'graffiti', name: { en: 'Graffiti', fr: 'Graffiti' } },
            ],
          },
        ],
      });
    });
    afterAll(() => cleanup());

    describe('discovery', () => {
      it('answers JSON with the endpoint, formats and key service', async () => {
        const { status, body } = await json<Json>(app.request(`${BASE}/discovery.json`));
        expect(status).toBe(200);
        expect(body.changeset).toMatch(ISO_WITH_ZONE);
        expect(body.contact).toBe('info@testville.example, 555-0100');
        expect(body.key_service).toMatch(/api_key/);
        expect(body.endpoints).toEqual([
          {
            specification: 'http://wiki.open311.org/GeoReport_v2',
            url: 'https://311.testville.example/open311/v2',
            changeset: body.changeset,
            type: 'production',
            formats: ['text/xml', 'application/json'],
          },
        ]);
      });

      it('answers the same in XML under <discovery>', async () => {
        const a = await xml(app.request(`${BASE}/discovery.xml`));
        expect(a.status).toBe(200);
        const d = a.doc.discovery as Json;
        expect(d.contact).toBe('info@testville.example, 555-0100');
        const endpoint = (d.endpoints as { endpoint: Json[] }).endpoint;
        expect(endpoint).toHaveLength(1);
        expect(endpoint[0]!.specification).toBe('http://wiki.open311.org/GeoReport_v2');
        expect((endpoint[0]!.formats as { format: string[] }).format).toEqual(['text/xml', 'application/json']);
      });

      it('speaks French when asked', async () => {
        const { body } = await json<Json>(app.request(`${BASE}/discovery.json?lang=fr`));
        expect(body.key_service).toMatch(/Ville de Testville/);
      });
    });

    describe('services', () => {
      it('lists every active service with metadata, type, keywords and group (JSON)', async () => {
        const { status, body } = await json<Json[]>(app.request(`${BASE}/services.json`));
        expect(status).toBe(200);
        const byCode = Object.fromEntries(body.map((s) => [s.service_code, s]));
        expect(Object.keys(byCode).sort()).toEqual(['pothole', 'sign', 'tree']);
        expect(byCode.pothole).toEqual({
          service_code: 'pothole',
          service_name: 'Pothole',
          description: 'A hole in the road.',
          metadata: false,
          type: 'realtime',
          keywords: 'road,hole',
          group: 'Roads',
        });
        expect(byCode.tree!.metadata).toBe(true);
      });

      it('lists them in XML as <services><service>', async () => {
        const a = await xml(app.request(`${BASE}/services.xml`));
        const list = (a.doc.services as { service: Json[] }).service;
        expect(list.map((s) => s.service_code).sort()).toEqual(['pothole', 'sign', 'tree']);
        const tree = list.find((s) => s.service_code === 'tree')!;
        expect(tree).toMatchObject({ service_name: 'Fallen tree', metadata: 'true', type: 'realtime', keywords: 'tree', group: 'Parks' });
      });

      it('follows ?lang=fr and Accept-Language', async () => {
        const viaQuery = await json<Json[]>(app.request(`${BASE}/services.json?lang=fr`));
        expect(viaQuery.body.find((s) => s.service_code === 'pothole')).toMatchObject({ service_name: 'Nid-de-poule', group: 'Routes', keywords: 'route,trou' });
        const viaHeader = await json<Json[]>(app.request(`${BASE}/services.json`, { headers: { 'Accept-Language': 'fr-CA,fr;q=0.9,en;q=0.5' } }));
        expect(viaHeader.body.find((s) => s.service_code === 'tree')!.service_name).toBe('Arbre tombé');
      });

      it('gives a service definition with its attributes (JSON)', async () => {
        const { status, body } = await json<Json>(app.request(`${BASE}/services/sign.json`));
        expect(status).toBe(200);
        expect(body).toEqual({
          service_code: 'sign',
          attributes: [
            { variable: false, code: 'info', datatype: 'text', required: false, datatype_description: null, order: 1, description: 'Signs are fixed in a week.', values: [] },
            {
              variable: true,
              code: 'damage',
              datatype: 'multivaluelist',
              required: true,
              datatype_description: 'Pick all that apply.',
              order: 2,
              description: 'What is wrong?',
              values: [
                { key: 'bent', name: 'Bent' },
                { key: 'missing', name: 'Missing' },
                { key: 'graffiti', name: 'Graffiti' },
              ],
            },
          ],
        });
      });

      it('gives it in XML as <service_definition><attributes><attribute>…<values><value>', async () => {
        const a = await xml(app.request(`${BASE}/services/tree.xml?lang=fr`));
        const def = a.doc.service_definition as Json;
        expect(def.service_code).toBe('tree');
        const [attr] = (def.attributes as { attribute: Json[] }).attribute;
        expect(attr).toMatchObject({ variable: 'true', code: 'blocking', datatype: 'singlevaluelist', required: 'true', order: '1', description: 'Bloque-t-il la route?' });
        expect((attr!.values as { value: Json[] }).value).toEqual([
          { key: 'yes', name: 'Oui' },
          { key: 'no', name: 'Non' },
        ]);
      });

      it('answers 404 with an error list for an unknown service code, in both formats', async () => {
        const j = await json(app.request(`${BASE}/services/nope.json`));
        expect(j.status).toBe(404);
        expectErrors(j.body, 404);
        const x = await xml(app.request(`${BASE}/services/nope.xml`));
        expect(x.status).toBe(404);
        expect(xmlErrors(x)[0]!.code).toBe('404');
      });
    });

    describe('POST requests', () => {
      it('files a request and answers [{service_request_id, service_notice, account_id}] (JSON), never a token', async () => {
        const before = await countRequests(db);
        const { status, body } = await json<Json[]>(
          post(app, 'requests.json', {
            api_key: key,
            service_code: 'pothole',
            description: 'Open311 pothole by the library',
            address_string: '5 Library Lane',
            lat: '45.2',
            long: '-75.3',
            first_name: 'Ada',
            last_name: 'Lovelace',
            email: 'ada@example.com',
            phone: '613-555-0199',
            device_id: 'device-xyz',
            account_id: 'acct-123',
          }),
        );
        expect(status).toBe(201);
        expect(body).toHaveLength(1);
        expect(Object.keys(body[0]!).sort()).toEqual(['account_id', 'service_notice', 'service_request_id']);
        expect(body[0]!.service_request_id).toMatch(/^TST-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
        expect(body[0]!.service_notice).toBe('We aim to respond within 5 working days.');
        expect(body[0]!.account_id).toBeNull();
        expect(await countRequests(db)).toBe(before + 1);

        // Stored through intake with the Open311 channel; first and last name make the contact's name.
        const row = await db.selectFrom('requests').selectAll().where('reference', '=', body[0]!.service_request_id as string).executeTakeFirstOrThrow();
        expect(row).toMatchObject({ channel: 'open311', location_text: '5 Library Lane', lat: 45.2, lng: -75.3, status: 'received' });
        const contact = await db.selectFrom('request_contacts').selectAll().where('request_id', '=', row.id).executeTakeFirstOrThrow();
        expect(contact).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com', phone: '613-555-0199', device_id: null, account_id: null });
      });

      it('files in XML and answers <service_requests><request>', async () => {
        const a = await xml(post(app, 'requests.xml', { api_key: key, service_code: 'pothole', description: 'XML pothole', lat: '45.3', long: '-75.4' }));
        expect(a.status).toBe(201);
        const [req] = (a.doc.service_requests as { request: Json[] }).request;
        expect(req!.service_request_id).toMatch(/^TST-/);
        expect(req!.account_id).toBe('');
        expect(req).not.toHaveProperty('token');
      });

      it('reads attribute[CODE]=v and attribute[CODE][]=v (multi-value lists)', async () => {
        const single = await json<Json[]>(
          post(app, 'requests.json', { api_key: key, service_code: 'tree', description: 'Tree down', address_string: 'Park Ave', email: 'a@example.com', 'attribute[blocking]': 'yes' }),
        );
        expect(single.status).toBe(201);
        const multi = await json<Json[]>(
          post(app, 'requests.json', { api_key: key, service_code: 'sign', description: 'Sign bent and tagged', address_string: 'Elm St', 'attribute[damage][]': ['bent', 'graffiti'] }),
        );
        expect(multi.status).toBe(201);
        const row = await db.selectFrom('requests').select('answers').where('reference', '=', multi.body[0]!.service_request_id as string).executeTakeFirstOrThrow();
        expect(JSON.parse(row.answers)).toEqual({ damage: ['bent', 'graffiti'] });
        // One value with [] is still a list; an unknown code (even __proto__) is ignored like any other.
        const one = await json<Json[]>(
          post(app, 'requests.json', { api_key: key, service_code: 'sign', description: 'Sign bent', address_string: 'Elm St', 'attribute[damage][]': 'bent', 'attribute[__proto__]': 'x' }),
        );
        expect(one.status).toBe(201);
        const oneRow = await db.selectFrom('requests').select('answers').where('reference', '=', one.body[0]!.service_request_id as string).executeTakeFirstOrThrow();
        expect(JSON.parse(oneRow.answers)).toEqual({ damage: ['bent'] });
        const wrong = await json(post(app, 'requests.json', { api_key: key, service_code: 'sign', description: 'Sign', address_string: 'Elm St', 'attribute[damage][]': ['bent', 'stolen'] }));
        expect(wrong.status).toBe(400);
        expect(expectErrors(wrong.body, 400)[0]!.description).toMatch(/^attribute\[damage\]: /);
      });

      it('treats empty parameters as absent', async () => {
        const { status } = await json(
          post(app, 'requests.json', { api_key: key, service_code: 'pothole', description: 'Empty extras', address_string: 'Oak St', lat: '', long: '', email: '', phone: '', first_name: '', media_url: '', jurisdiction_id: '' }),
        );
        expect(status).toBe(201);
      });

      it('keeps a media_url as a staff-only note, never fetched; refuses one that is not http(s) and files nothing', async () => {
        const url = 'https://photos.example.org/p/123.jpg';
        const ok = await json<Json[]>(post(app, 'requests.json', { api_key: key, service_code: 'pothole', description: 'With photo', address_string: 'Pine St', media_url: url }));
        expect(ok.status).toBe(201);
        const row = await db.selectFrom('requests').select('id').where('reference', '=', ok.body[0]!.service_request_id as string).executeTakeFirstOrThrow();
        const notes = await db.selectFrom('request_events').select(['note', 'visibility']).where('request_id', '=', row.id).where('type', '=', 'internal_note').execute();
        expect(notes).toEqual([{ note: expect.stringContaining(url) as string, visibility: 'internal' }]);

        const before = await countRequests(db);
        const bad = await json(post(app, 'requests.json', { api_key: key, service_code: 'pothole', description: 'Bad photo', address_string: 'Pine St', media_url: 'file:///etc/passwd' }));
        expect(bad.status).toBe(400);
        expect(expectErrors(bad.body, 400)[0]!.description).toMatch(/^media_url: /);
        expect(await countRequests(db)).toBe(before);
      });

      it('answers 403 for a missing, unknown or revoked api_key, in both formats, and files nothing', async () => {
        const before = await countRequests(db);
        const fields = { service_code: 'pothole', description: 'No key', address_string: 'X' };
        for (const extra of [{}, { api_key: '' }, { api_key: 'mk_not-a-real-key-at-all-000000000000' }] as Record<string, string>[]) {
          const j = await json(post(app, 'requests.json', { ...fields, ...extra }));
          expect(j.status).toBe(403);
          expectErrors(j.body, 403);
        }
        const x = await xml(post(app, 'requests.xml', fields));
        expect(x.status).toBe(403);
        expect(xmlErrors(x)[0]).toMatchObject({ code: '403' });

        const revoked = await createApiKey(db, 'testville', 'old app');
        expect((await json(post(app, 'requests.json', { ...fields, api_key: revoked.key }))).status).toBe(201);
        await revokeApiKey(db, revoked.id);
        expect((await json(post(app, 'requests.json', { ...fields, api_key: revoked.key }))).status).toBe(403);
        expect(await countRequests(db)).toBe(before + 1);
      });

      it('answers 400 with every problem in Open311 field names (JSON and XML), in the asked language', async () => {
        const j = await json(post(app, 'requests.json', { api_key: key, service_code: 'tree', lat: '95', email: 'not-an-email' }));
        expect(j.status).toBe(400);
        const fields = expectErrors(j.body, 400).map((e) => e.description.split(':')[0]);
        expect(fields).toEqual(expect.arrayContaining(['description', 'address_string', 'lat', 'long', 'email', 'attribute[blocking]']));
        expect(fields).not.toContain('location.text');

        const x = await xml(post(app, 'requests.xml?lang=fr', { api_key: key, service_code: 'tree', description: 'Arbre', address_string: 'Rue', email: 'a@example.com' }));
        expect(x.status).toBe(400);
        expect(xmlErrors(x)).toEqual([{ code: '400', description: 'attribute[blocking]: Cette question exige une réponse.' }]);
      });

      it('answers 404 for an unknown service_code and 400 without one', async () => {
        const unknown = await json(post(app, 'requests.json', { api_key: key, service_code: 'nope', description: 'd', address_string: 'a' }));
        expect(unknown.status).toBe(404);
        expect(expectErrors(unknown.body, 404)[0]!.description).toMatch(/^service_code: /);
        const missing = await json(post(app, 'requests.json', { api_key: key, description: 'd', address_string: 'a' }));
        expect(missing.status).toBe(400);
      });

      it('answers 400 for a body that is not a form, and 413 for one over 64 KB', async () => {
        const notForm = await json(app.request(`${BASE}/requests.json`, { method: 'POST', body: '{"api_key":"x"}', headers: { 'Content-Type': 'application/json' } }));
        expect(notForm.status).toBe(400);
        const big = await xml(post(app, 'requests.xml', { api_key: key, service_code: 'pothole', description: 'x'.repeat(70_000), address_string: 'a' }));
        expect(big.status).toBe(413);
      });
    });

    describe('GET requests', () => {
      it('lists the last 90 days with every public field and no personal data (JSON)', async () => {
        const { status, body, text } = await json<Json[]>(app.request(`${BASE}/requests.json`));
        expect(status).toBe(200);
        expect(body.length).toBeGreaterThanOrEqual(2);
        // Newest first.
        const times = body.map((r) => Date.parse(r.requested_datetime as string));
        expect([...times].sort((a, b) => b - a)).toEqual(times);
        const school = body.find((r) => r.address === '12 School Road')!;
        expect(Object.keys(school).sort()).toEqual(
          [
            'address',
            'agency_responsible',
            'expected_datetime',
            'lat',
            'long',
            'requested_datetime',
            'service_code',
            'service_name',
            'service_notice',
            'service_request_id',
            'status',
            'status_notes',
            'updated_datetime',
          ].sort(),
        );
        expect(school).toMatchObject({
          status: 'open',
          status_notes: 'Crew scheduled for Tuesday.',
          service_name: 'Pothole',
          service_code: 'pothole',
          agency_responsible: 'Public Works',
          service_notice: 'We aim to respond within 5 working days.',
          lat: 45.1,
          long: -75.2,
        });
        for (const f of ['requested_datetime', 'updated_datetime', 'expected_datetime']) expect(school[f]).toMatch(ISO_WITH_ZONE);
        // The end of the 5th working day after filing, in the town's zone (requests/service-targets.ts).
        const requested = school.requested_datetime as string;
        const expected = expectedDate(new Date(requested).toISOString(), 5, townCalendar('America/Toronto', {}))!;
        expect(school.expected_datetime).toMatch(new RegExp(`^${expected}T23:59:59(\\.999)?-0[45]:00$`));
        for (const p of PERSONAL) expect(text).not.toContain(p);
        for (const r of body) {
          for (const f of ['description', 'email', 'phone', 'first_name', 'last_name', 'device_id', 'account_id', 'media_url']) expect(r).not.toHaveProperty(f);
        }
      });

      it('gives times in the town’s zone with its offset (Toronto: -05:00 in winter, -04:00 in summer)', async () => {
        const pothole = (await getActiveServiceByCode(db, 'testville', 'pothole'))!;
        const town = { id: 'testville', referencePrefix: 'TST', timezone: 'America/Toronto', settings: {} };
        const filed = [];
        for (const createdAt of ['2026-01-15T19:03:00.000Z', '2026-07-15T18:03:00.000Z']) {
          filed.push(
            await fileRequest(db, { town, service: pothole, description: 'old', location: { text: 'Old Rd' }, lang: 'en', channel: 'web', createdAt }),
          );
        }
        const { body } = await json<Json[]>(app.request(`${BASE}/requests.json?service_request_id=${filed.map((f) => f.reference).join(',')}`));
        expect(body.map((r) => r.requested_datetime)).toEqual(['2026-01-15T14:03:00-05:00', '2026-07-15T14:03:00-04:00']);
      });

      it('lists in XML as <service_requests><request>, with the same fields', async () => {
        const a = await xml(app.request(`${BASE}/requests.xml?lang=fr`));
        const list = (a.doc.service_requests as { request: Json[] }).request;
        const school = list.find((r) => r.address === '12 School Road')!;
        expect(school).toMatchObject({ status: 'open', service_name: 'Nid-de-poule', agency_responsible: 'Travaux publics', lat: '45.1', long: '-75.2' });
        // Notes are shown as staff wrote them (one language).
        expect(school.status_notes).toBe('Crew scheduled for Tuesday.');
        expect(school.requested_datetime).toMatch(ISO_WITH_ZONE);
        for (const p of PERSONAL) expect(a.text).not.toContain(p);
        expect(a.text).not.toContain('<description>');
      });

      it('maps statuses (received/in_progress/on_hold → open; resolved/declined → closed) and filters by status', async () => {
        const filed = await json<Json[]>(post(app, 'requests.json', { api_key: key, service_code: 'pothole', description: 'Will close', address_string: 'Closing St' }));
        const ref = filed.body[0]!.service_request_id as string;
        const row = await db.selectFrom('requests').select('id').where('reference', '=', ref).executeTakeFirstOrThrow();
        await changeRequestStatus(db, row.id, 'on_hold');
        expect((await json<Json[]>(app.request(`${BASE}/requests/${ref}.json`))).body[0]!.status).toBe('open');
        await changeRequestStatus(db, row.id, 'resolved', { note: { en: 'Filled.' }, at: '2026-11-20T15:00:00.000Z' });
        const [closed] = (await json<Json[]>(app.request(`${BASE}/requests/${ref}.json`))).body;
        expect(closed).toMatchObject({ status: 'closed', status_notes: 'Filled.', updated_datetime: '2026-11-20T10:00:00-05:00' });

        const onlyClosed = await json<Json[]>(app.request(`${BASE}/requests.json?status=closed`));
        expect(onlyClosed.body.map((r) => r.service_request_id)).toContain(ref);
        expect(onlyClosed.body.every((r) => r.status === 'closed')).toBe(true);
        const onlyOpen = await json<Json[]>(app.request(`${BASE}/requests.json?status=open`));
        expect(onlyOpen.body.map((r) => r.service_request_id)).not.toContain(ref);
        expect(onlyOpen.body.every((r) => r.status === 'open')).toBe(true);
        const both = await json<Json[]>(app.request(`${BASE}/requests.json?status=open,closed`));
        expect(both.body.length).toBe(onlyOpen.body.length + onlyClosed.body.length);
      });

      it('filters by service_code (comma list) and lets service_request_id override every other filter', async () => {
        const trees = await json<Json[]>(app.request(`${BASE}/requests.json?service_code=tree`));
        expect(trees.body.length).toBeGreaterThan(0);
        expect(trees.body.every((r) => r.service_code === 'tree')).toBe(true);
        const two = await json<Json[]>(app.request(`${BASE}/requests.json?service_code=tree,sign`));
        expect(new Set(two.body.map((r) => r.service_code))).toEqual(new Set(['tree', 'sign']));

        const [first, second] = (await json<Json[]>(app.request(`${BASE}/requests.json?service_code=pothole`))).body;
        const ids = `${String(first!.service_request_id).toLowerCase()}, ${second!.service_request_id as string},TST-NOPE0-NOPE0`;
        const byId = await json<Json[]>(app.request(`${BASE}/requests.json?service_request_id=${encodeURIComponent(ids)}&service_code=tree&status=closed&start_date=2020-01-01`));
        expect(byId.status).toBe(200);
        expect(byId.body.map((r) => r.service_request_id)).toEqual([first!.service_request_id, second!.service_request_id]);
      });

      it('filters by start_date and end_date, defaulting to the last 90 days', async () => {
        const pothole = (await getActiveServiceByCode(db, 'testville', 'pothole'))!;
        const old = await fileRequest(db, {
          town: { id: 'testville', referencePrefix: 'TST', timezone: 'America/Toronto', settings: {} },
          service: pothole,
          description: 'old',
          location: { text: 'Old Rd' },
          lang: 'en',
          channel: 'web',
          createdAt: new Date(Date.now() - 120 * 86_400_000).toISOString(),
        });
        const refs = async (q: string) => (await json<Json[]>(app.request(`${BASE}/requests.json${q}`))).body.map((r) => r.service_request_id);
        expect(await refs('')).not.toContain(old.reference);
        const start = new Date(Date.now() - 125 * 86_400_000).toISOString().slice(0, 10);
        const end = new Date(Date.now() - 100 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
        expect(await refs(`?start_date=${start}&end_date=${end}`)).toEqual([old.reference]);
        expect(await refs(`?start_date=${start}`)).toContain(old.reference);
        const endOnly = await refs(`?end_date=${end}`);
        expect(endOnly).toContain(old.reference);
        expect(endOnly).not.toContain((await refs(''))[0]);
        // Offsets are honoured: a window ending one second before it was filed leaves it out.
        const justBefore = new Date(Date.now() - 120 * 86_400_000 - 60_000);
        expect(await refs(`?start_date=${start}&end_date=${encodeURIComponent(justBefore.toISOString())}`)).toEqual([]);
      });

      it('answers 400 for a bad date, a range over 90 days, an end before the start, a bad status or page', async () => {
        for (const q of [
          'start_date=yesterday',
          'start_date=2026-11-01T10:00:00', // no zone
          'end_date=2026-13-40',
          'start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z',
          'start_date=2026-06-01T00:00:00Z&end_date=2026-05-01T00:00:00Z',
          'status=pending',
          'page=0',
          'page_size=1001',
        ]) {
          const j = await json(app.request(`${BASE}/requests.json?${q}`));
          expect(j.status, q).toBe(400);
          expectErrors(j.body, 400);
        }
        const x = await xml(app.request(`${BASE}/requests.xml?status=pending`));
        expect(x.status).toBe(400);
        expect(xmlErrors(x)[0]!.code).toBe('400');
      });

      it('treats empty filters as absent', async () => {
        const all = await json<Json[]>(app.request(`${BASE}/requests.json`));
        const empty = await json<Json[]>(app.request(`${BASE}/requests.json?service_request_id=&service_code=&status=&start_date=&end_date=&jurisdiction_id=`));
        expect(empty.status).toBe(200);
        expect(empty.body).toEqual(all.body);
      });

      it('pages with page and page_size', async () => {
        const all = (await json<Json[]>(app.request(`${BASE}/requests.json`))).body;
        const p1 = (await json<Json[]>(app.request(`${BASE}/requests.json?page_size=2`))).body;
        const p2 = (await json<Json[]>(app.request(`${BASE}/requests.json?page_size=2&page=2`))).body;
        expect([...p1, ...p2]).toEqual(all.slice(0, 4));
      });
    });

    describe('one request and tokens', () => {
      it('answers one request, still in an array, whatever the case and dashes', async () => {
        const [first] = (await json<Json[]>(app.request(`${BASE}/requests.json`))).body;
        const ref = first!.service_request_id as string;
        const j = await json<Json[]>(app.request(`${BASE}/requests/${ref.toLowerCase().replaceAll('-', '')}.json`));
        expect(j.status).toBe(200);
        expect(j.body).toEqual([first]);
        const x = await xml(app.request(`${BASE}/requests/${ref}.xml`));
        expect((x.doc.service_requests as { request: Json[] }).request.map((r) => r.service_request_id)).toEqual([ref]);
      });

      it('answers 404 for an unknown request, in both formats', async () => {
        const j = await json(app.request(`${BASE}/requests/TST-NOPE0-NOPE0.json`));
        expect(j.status).toBe(404);
        expectErrors(j.body, 404);
        const x = await xml(app.request(`${BASE}/requests/nope.xml`));
        expect(x.status).toBe(404);
      });

      it('resolves a token (a reference, minted at once) to [{service_request_id, token}]; 404 for an unknown one', async () => {
        const filed = await json<Json[]>(post(app, 'requests.json', { api_key: key, service_code: 'pothole', description: 'Token', address_string: 'T St' }));
        const ref = filed.body[0]!.service_request_id as string;
        const j = await json<Json[]>(app.request(`${BASE}/tokens/${ref}.json`));
        expect(j.status).toBe(200);
        expect(j.body).toEqual([{ service_request_id: ref, token: ref }]);
        const x = await xml(app.request(`${BASE}/tokens/${ref}.xml`));
        expect((x.doc.service_requests as { request: Json[] }).request).toEqual([{ service_request_id: ref, token: ref }]);
        const unknown = await json(app.request(`${BASE}/tokens/unknown-token.json`));
        expect(unknown.status).toBe(404);
        expectErrors(unknown.body, 404);
        expect((await xml(app.request(`${BASE}/tokens/unknown-token.xml`))).status).toBe(404);
      });
    });

    describe('jurisdiction_id and unknown resources', () => {
      it('accepts the only town’s id and answers 404 for an unknown jurisdiction', async () => {
        expect((await json(app.request(`${BASE}/services.json?jurisdiction_id=testville`))).status).toBe(200);
        const unknown = await json(app.request(`${BASE}/services.json?jurisdiction_id=nowhere`));
        expect(unknown.status).toBe(404);
        expectErrors(unknown.body, 404);
        const x = await xml(app.request(`${BASE}/requests.xml?jurisdiction_id=nowhere`));
        expect(x.status).toBe(404);
        const p = await json(post(app, 'requests.json', { api_key: key, jurisdiction_id: 'nowhere', service_code: 'pothole', description: 'd', address_string: 'a' }));
        expect(p.status).toBe(404);
      });

      it('answers 404 for an unknown resource or a missing format (XML by default)', async () => {
        expect((await json(app.request(`${BASE}/nothing.json`))).status).toBe(404);
        expect((await xml(app.request(`${BASE}/services`))).status).toBe(404);
        expect((await xml(app.request(`${BASE}/services.html`))).status).toBe(404);
        expect((await json(post(app, 'services.json', { api_key: key }))).status).toBe(404);
      });
    });

    describe('several towns on one server', () => {
      let multi: App;
      let multiCleanup: () => Promise<void>;
      let multiDb: Db;
      let testvilleKey: string;
      beforeAll(async () => {
        const t = await createTestApp({ db: await dialect.open(), config: { INTAKE_RATE_LIMIT: 'off' } });
        await seedTown(t.db, otherTown);
        ({ app: multi, cleanup: multiCleanup, db: multiDb } = t);
        testvilleKey = (await createApiKey(multiDb, 'testville', 'testville app')).key;
      });
      afterAll(() => multiCleanup());

      it('requires jurisdiction_id on GETs (400 without it) and keeps each town’s requests apart', async () => {
        for (const path of ['services.json', 'requests.json', 'services/pothole.json']) {
          const j = await json(multi.request(`${BASE}/${path}`));
          expect(j.status, path).toBe(400);
          expect(expectErrors(j.body, 400)[0]!.description).toMatch(/jurisdiction_id/);
        }
        expect((await xml(multi.request(`${BASE}/services.xml`))).status).toBe(400);
        const other = await json<Json[]>(multi.request(`${BASE}/requests.json?jurisdiction_id=otherville`));
        expect(other.body.map((r) => r.address)).toEqual(['3 Rue du Lac']);
        // Otherville speaks French by default, and is in Atlantic time.
        expect(other.body[0]).toMatchObject({ service_name: 'Nid-de-poule', agency_responsible: 'Voirie' });
        expect(other.body[0]!.requested_datetime).toMatch(/-04:00$/);
        expect(other.text).not.toContain('other-town-marker');
      });

      it('files for the key’s town without jurisdiction_id; a key for another town is refused (403)', async () => {
        const own = await json<Json[]>(post(multi, 'requests.json', { api_key: testvilleKey, service_code: 'pothole', description: 'd', address_string: 'a' }));
        expect(own.status).toBe(201);
        expect(own.body[0]!.service_request_id).toMatch(/^TST-/);
        const cross = await json(post(multi, 'requests.json', { api_key: testvilleKey, jurisdiction_id: 'otherville', service_code: 'pothole', description: 'd', address_string: 'a' }));
        expect(cross.status).toBe(403);
        expectErrors(cross.body, 403);
      });
    });
  });
}

describe('the default 1,000-row limit (sqlite)', () => {
  it('answers at most 1,000 requests without page_size, newest first', async () => {
    const t = await createTestApp({ config: { INTAKE_RATE_LIMIT: 'off' } });
    try {
      const pothole = (await getActiveServiceByCode(t.db, 'testville', 'pothole'))!;
      const town = { id: 'testville', referencePrefix: 'TST', timezone: 'America/Toronto', settings: {} };
      const start = Date.now() - 10 * 86_400_000;
      for (let i = 0; i < 1005; i++) {
        await fileRequest(t.db, { town, service: pothole, description: 'bulk', location: { text: `${i} Bulk St` }, lang: 'en', channel: 'web', createdAt: new Date(start + i * 60_000).toISOString() });
      }
      const { body } = await json<Json[]>(t.app.request(`${BASE}/requests.json`));
      expect(body).toHaveLength(1000);
      expect(body[0]!.address).toBe('Main and 2nd'); // the seed's newest (a day ago)
      expect(body.at(-1)!.address).toBe('7 Bulk St');
    } finally {
      await t.cleanup();
    }
  });
});

describe('the intake rate limit through Open311 (sqlite)', () => {
  it('answers 429 with Retry-After and an error list past INTAKE_RATE_LIMIT, like the web form', async () => {
    const t = await createTestApp({ config: { INTAKE_RATE_LIMIT: '2/600' } });
    try {
      const { key } = await createApiKey(t.db, 'testville', 'busy app');
      const fields = { api_key: key, service_code: 'pothole', description: 'd', address_string: 'a' };
      for (let i = 0; i < 2; i++) expect((await post(t.app, 'requests.json', fields)).status).toBe(201);
      const before = await countRequests(t.db);
      const res = await post(t.app, 'requests.xml', { ...fields, lang: 'fr' });
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      const a = await xml(res);
      expect(xmlErrors(a)[0]).toMatchObject({ code: '429' });
      expect(xmlErrors(a)[0]!.description).toMatch(/^Trop de demandes/);
      expect(await countRequests(t.db)).toBe(before);
    } finally {
      await t.cleanup();
    }
  });
});
