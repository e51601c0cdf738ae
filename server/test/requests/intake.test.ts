// Filing requests through the JSON API: every field checked, the honeypot, idempotency, references,
// forgiving lookups. On SQLite, and on PostgreSQL when TEST_DATABASE_URL is set.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWebhook, deleteWebhook } from '../../src/notifications/webhooks.ts';
import { getActiveServiceByCode } from '../../src/services/store.ts';
import { getTown } from '../../src/towns/store.ts';
import { fileRequest, insertRequest } from '../../src/requests/intake-store.ts';
import { isValidPhone } from '../../src/requests/intake.ts';
import { checkSymbol } from '../../src/requests/references.ts';
import { createTestApp, dialects } from '../support/harness.ts';

const REFERENCE = /^TST-[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/;

const valid = {
  serviceCode: 'pothole',
  description: 'A deep pothole by the school.',
  location: { text: '1 Lake Road', lat: 45.1, lng: -75.2 },
  contact: { name: 'Sam Resident', email: 'sam.resident@example.com', phone: '613-555-0123' },
  lang: 'en',
};

type ErrorBody = { error: { code: string; message: string; field?: string; fields?: { field: string; message: string }[] } };

let address = 0;
/** Each call files from a fresh address (TRUST_PROXY=1), so these tests never meet the rate limit. */
const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${++address % 250}`, ...headers },
  body: JSON.stringify(body),
});

describe('phone numbers', () => {
  it('accept digits, spaces, + - ( ) . and an extension; refuse letters and short numbers', () => {
    for (const ok of ['613-555-0123', '+1 (613) 555-0123', '613.555.0123', '6135550123 ext. 12', '613 555 0123 x12', '613-555-0123 #7', '613 555-0123 poste 245', '555-0199']) {
      expect(isValidPhone(ok), ok).toBe(true);
    }
    for (const bad of ['abc', '555-012', '613-555-0123 ext', 'call me', '613-555-0123; drop', '++1 613 555 0123', '1'.repeat(41)]) {
      expect(isValidPhone(bad), bad).toBe(false);
    }
  });
});

for (const dialect of dialects) {
  describe.skipIf(dialect.skip)(`intake on ${dialect.name}`, () => {
    let t: Awaited<ReturnType<typeof createTestApp>>;
    const file = (body: unknown, headers: Record<string, string> = {}) => t.app.request('/api/v1/towns/testville/requests', post(body, headers));
    beforeAll(async () => {
      t = await createTestApp({ db: await dialect.open(), config: { TRUST_PROXY: '1' } });
    });
    afterAll(async () => {
      await t?.cleanup();
    });

    it('files a valid request with 201 and a random reference', async () => {
      const res = await file(valid);
      expect(res.status).toBe(201);
      const body = (await res.json()) as { reference: string; status: string };
      expect(body.reference).toMatch(REFERENCE);
      expect(body.status).toBe('received');
    });

    it('refuses a filled honeypot naming `website`, in English or French', async () => {
      const en = await file({ ...valid, website: 'http://spam.example' });
      expect(en.status).toBe(400);
      const enBody = (await en.json()) as ErrorBody;
      expect(enBody.error.code).toBe('validation_failed');
      expect(enBody.error.fields).toEqual([{ field: 'website', message: 'Leave this field empty.' }]);
      const fr = (await (await file({ ...valid, lang: 'fr', website: 'x' }, { 'accept-language': 'fr' })).json()) as ErrorBody;
      expect(fr.error.fields).toEqual([{ field: 'website', message: 'Laissez ce champ vide.' }]);
      expect((await file({ ...valid, website: '' })).status).toBe(201);
    });

    it('refuses a phone number like "abc" with contact.phone, and accepts one with an extension', async () => {
      const bad = await file({ ...valid, contact: { phone: 'abc' } });
      expect(bad.status).toBe(400);
      const body = (await bad.json()) as ErrorBody;
      expect(body.error.fields?.map((f) => f.field)).toEqual(['contact.phone']);
      expect(body.error.fields?.[0]?.message).toMatch(/at least 7 digits/);
      expect((await file({ ...valid, contact: { phone: '+1 (613) 555-0123 poste 12' } })).status).toBe(201);
    });

    it('names every wrong field in one answer', async () => {
      const res = await file({
        serviceCode: 'tree',
        description: '   ',
        location: { text: 'x'.repeat(501), lat: 91 },
        contact: { name: 'n'.repeat(201), email: 'not-an-email', phone: '12' },
        answers: { blocking: 'maybe' },
        website: 'bot',
        lang: 'en',
      });
      expect(res.status).toBe(400);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.fields?.map((f) => f.field).sort()).toEqual(
        ['answers.blocking', 'contact.email', 'contact.name', 'contact.phone', 'description', 'location.lat', 'location.lng', 'location.text', 'website'].sort(),
      );
      expect(body.error.message).toMatch(/9 fields are not valid/);
      // An unknown service is named along with the rest.
      const unknown = (await (await file({ ...valid, serviceCode: 'dragons', description: '' })).json()) as ErrorBody;
      expect(unknown.error.fields?.map((f) => f.field)).toEqual(['serviceCode', 'description']);
    });

    it('takes an empty location text when both coordinates are given, and not otherwise', async () => {
      expect((await file({ ...valid, location: { text: '', lat: 45.2, lng: -75.3 } })).status).toBe(201);
      expect((await file({ ...valid, location: { lat: 45.2, lng: -75.3 } })).status).toBe(201);
      const half = (await (await file({ ...valid, location: { text: '', lat: 45.2 } })).json()) as ErrorBody;
      expect(half.error.fields?.map((f) => f.field)).toEqual(['location.text', 'location.lng']);
      const none = (await (await file({ ...valid, location: { text: '  ' } }, { 'accept-language': 'fr' })).json()) as ErrorBody;
      expect(none.error.fields).toEqual([{ field: 'location.text', message: 'Indiquez où se trouve le problème, ou placez-le sur la carte.' }]);
    });

    it('stores the description as plain text, control characters removed, and never answers 5xx for them', async () => {
      const description = 'Hole <script>alert(1)</script> here\u0000 & there';
      const res = await file({ ...valid, description, contact: { name: 'Nul\u0000 Name' } });
      expect(res.status).toBe(201);
      const { reference } = (await res.json()) as { reference: string };
      const row = await t.db.selectFrom('requests').select('description').where('reference', '=', reference).executeTakeFirstOrThrow();
      expect(row.description).toBe('Hole <script>alert(1)</script> here & there');
      // A NUL (which PostgreSQL refuses) never reaches the database.
      expect((await file({ ...valid, serviceCode: 'pot\u0000hole' })).status).toBe(201);
      const nul = await file({ ...valid, serviceCode: '\u0000' });
      expect(nul.status).toBe(400);
      expect(((await nul.json()) as ErrorBody).error.field).toBe('serviceCode');
      expect((await t.app.request('/api/v1/towns/testville/requests/TST%00')).status).toBe(404);
    });

    it('answers every malformed body with a 4xx naming what is wrong, never a 5xx', async () => {
      const odd: unknown[] = [
        [], null, 'text', 5, {},
        { ...valid, location: null }, { ...valid, location: 'here' }, { ...valid, location: { text: 'a', lat: '45', lng: 1 } },
        { ...valid, location: { text: 'a', lat: 1e308, lng: -1e308 } }, { ...valid, contact: 'me' }, { ...valid, answers: { a: { b: 1 } } },
        { ...valid, answers: [] }, { ...valid, website: 5 }, { ...valid, lang: 'de' }, { ...valid, serviceCode: 'x'.repeat(10_000) },
        { ...valid, description: 'x'.repeat(4001) },
      ];
      for (const body of odd) {
        const res = await file(body);
        expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
        expect(((await res.json()) as ErrorBody).error.code).toBe('validation_failed');
      }
      const text = await t.app.request('/api/v1/towns/testville/requests', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
      expect(text.status).toBe(415);
      const big = await file({ ...valid, description: 'x'.repeat(70 * 1024) });
      expect(big.status).toBe(413);
      expect(((await big.json()) as ErrorBody).error.code).toBe('payload_too_large');
      const shortKey = await file(valid, { 'idempotency-key': 'short' });
      expect(shortKey.status).toBe(400);
      expect(((await shortKey.json()) as ErrorBody).error.field).toBe('idempotency-key');
    });

    it('replays the same Idempotency-Key and body with 200, and refuses the key with another body with 422', async () => {
      const key = `key-${crypto.randomUUID()}`;
      const first = await file(valid, { 'idempotency-key': key });
      expect(first.status).toBe(201);
      const filed = await first.json();
      // Same content, other spacing and key order: the same body.
      const { lang, ...rest } = valid;
      const again = await file({ lang, ...rest, description: `  ${valid.description}  ` }, { 'idempotency-key': key });
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual(filed);

      const other = await file({ ...valid, description: 'Another hole entirely.' }, { 'idempotency-key': key, 'accept-language': 'fr' });
      expect(other.status).toBe(422);
      const body = (await other.json()) as ErrorBody;
      expect(body.error.code).toBe('idempotency_key_reused');
      expect(body.error.message).toMatch(/Idempotency-Key a déjà servi/);
      const rows = await t.db.selectFrom('requests').select(['idempotency_hash']).where('idempotency_key', '=', key).execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]!.idempotency_hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('files a request once when the same key arrives twice at the same moment', async () => {
      const key = `race-${crypto.randomUUID()}`;
      const [a, b] = await Promise.all([file(valid, { 'idempotency-key': key }), file(valid, { 'idempotency-key': key })]);
      expect([a.status, b.status].sort()).toEqual([200, 201]);
      expect(((await a.json()) as { reference: string }).reference).toBe(((await b.json()) as { reference: string }).reference);
    });

    it('finds a request whatever the case, spacing and dashes, with or without the prefix', async () => {
      const { reference } = (await (await file(valid)).json()) as { reference: string };
      const code = reference.slice(4).replace('-', '');
      for (const typed of [reference, reference.toLowerCase(), `tst ${code.slice(0, 5)} ${code.slice(5)}`, code, code.toLowerCase()]) {
        const res = await t.app.request(`/api/v1/towns/testville/requests/${encodeURIComponent(typed)}`);
        expect(res.status, typed).toBe(200);
        expect(((await res.json()) as { reference: string }).reference).toBe(reference);
      }
    });

    it('answers a mistyped reference exactly like an unknown one, so references cannot be probed', async () => {
      const { reference } = (await (await file(valid)).json()) as { reference: string };
      const last = reference.at(-1)!;
      const typo = reference.slice(0, -1) + (last === 'A' ? 'B' : 'A');
      const res = await t.app.request(`/api/v1/towns/testville/requests/${typo}?lang=fr`);
      expect(res.status).toBe(404);
      const body = (await res.json()) as ErrorBody;
      expect(body.error).toEqual({ code: 'not_found', message: 'Aucune demande ne porte ce numéro de référence.' });
      const unknownSymbols = 'ABCDEFGHJ';
      const unknown = await t.app.request(`/api/v1/towns/testville/requests/TST-${unknownSymbols.slice(0, 5)}-${unknownSymbols.slice(5)}${checkSymbol(unknownSymbols)}?lang=fr`);
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toEqual(body);
    });

    it('still finds references of the old sequential format', async () => {
      const { reference } = (await (await file(valid)).json()) as { reference: string };
      await t.db.updateTable('requests').set({ reference: 'TST-2025-00007' }).where('reference', '=', reference).execute();
      for (const typed of ['TST-2025-00007', 'tst 2025 00007', '2025-00007']) {
        const res = await t.app.request(`/api/v1/towns/testville/requests/${encodeURIComponent(typed)}`);
        expect(res.status, typed).toBe(200);
        expect(((await res.json()) as { reference: string }).reference).toBe('TST-2025-00007');
      }
    });

    it('draws another reference when the first one is taken', async () => {
      const town = (await getTown(t.db, 'testville'))!;
      const service = (await getActiveServiceByCode(t.db, 'testville', 'pothole'))!;
      const draws = ['AAAAAAAAA', 'AAAAAAAAA', 'BBBBBBBBB'];
      const random = () => draws.shift()!;
      const base = { town, service, description: 'd', location: { text: 'x' }, lang: 'en' as const, channel: 'web' as const };
      const a = await t.db.transaction().execute((trx) => insertRequest(trx, base, { random }));
      const b = await t.db.transaction().execute((trx) => insertRequest(trx, base, { random }));
      expect(a.reference).toBe(`TST-AAAAA-AAAA${checkSymbol('AAAAAAAAA')}`);
      expect(b.reference).toBe(`TST-BBBBB-BBBB${checkSymbol('BBBBBBBBB')}`);
      expect(draws).toEqual([]);
    });

    it('files the request, its "email me" subscription and the jobs it queues together; a taken reference stores none of them', async () => {
      const town = (await getTown(t.db, 'testville'))!;
      const service = (await getActiveServiceByCode(t.db, 'testville', 'pothole'))!;
      const { webhook } = await createWebhook(t.db, 'testville', 'https://hooks.testville.example/in', ['request.received']);
      try {
        const draws = ['CCCCCCCCC', 'CCCCCCCCC', 'DDDDDDDDD'];
        const random = () => draws.shift()!;
        const filing = {
          town,
          service,
          description: 'd',
          location: { text: '2 Lake Road', lat: 45.1, lng: -75.2 },
          contact: { email: 'Reporter@Example.com' },
          subscribe: true,
          lang: 'fr' as const,
          channel: 'web' as const,
        };
        const a = await fileRequest(t.db, filing, { random });
        const b = await fileRequest(t.db, filing, { random });
        expect(draws).toEqual([]);
        expect(b.reference).toBe(`TST-DDDDD-DDDD${checkSymbol('DDDDDDDDD')}`);
        for (const filed of [a, b]) {
          const subscribers = await t.db.selectFrom('request_subscribers').selectAll().where('request_id', '=', filed.id).execute();
          expect(subscribers).toMatchObject([{ email: 'reporter@example.com', lang: 'fr', source: 'reporter', status: 'pending' }]);
          const jobs = (await t.db.selectFrom('jobs').selectAll().where('created_at', '>=', filed.createdAt).execute())
            .map((j) => ({ kind: j.kind, payload: JSON.parse(j.payload) as Record<string, never> }))
            .filter((j) => JSON.stringify(j.payload).includes(filed.reference));
          // The webhook's payload is the request as stored; the acknowledgement carries the confirm link.
          const stored = await t.db.selectFrom('requests').selectAll().where('id', '=', filed.id).executeTakeFirstOrThrow();
          expect(jobs.map((j) => j.kind).sort()).toEqual(['email', 'webhook']);
          expect(jobs.find((j) => j.kind === 'webhook')!.payload).toMatchObject({
            webhookId: webhook.id,
            body: { type: 'request.received', town: 'testville', request: { reference: stored.reference, status: stored.status, createdAt: stored.created_at, lat: 45.1, lng: -75.2, locationText: '2 Lake Road' } },
          });
          expect(jobs.find((j) => j.kind === 'email')!.payload).toMatchObject({ to: 'Reporter@Example.com', lang: 'fr', template: 'request-received-subscribe' });
        }
        // Nothing was stored under the reference that was taken when `b` drew it, but `a`'s own.
        expect(await t.db.selectFrom('request_subscribers').select('id').where('request_id', 'in', [a.id, b.id]).execute()).toHaveLength(2);
      } finally {
        await deleteWebhook(t.db, 'testville', webhook.id);
      }
    });

    it.skipIf(dialect.name !== 'postgres')('on PostgreSQL, writes a filing without photos in one statement, outside any transaction', async () => {
      const query = vi.spyOn(pg.Client.prototype, 'query');
      try {
        expect((await file({ ...valid, subscribe: true })).status).toBe(201);
        const texts = query.mock.calls.map(([q]) => String(typeof q === 'string' ? q : (q as { text: string }).text).trim().toLowerCase());
        expect(texts.filter((q) => /^(begin|commit|rollback|savepoint)\b/.test(q))).toEqual([]);
        // The filing's writes (rate limits and the server's secrets aside): the request, its contact, events, subscription and jobs at once.
        const writes = texts.filter((q) => !q.startsWith('select') && /"?(requests|request_contacts|request_events|request_subscribers|jobs)"? \(/.test(q));
        expect(writes).toHaveLength(1);
        for (const table of ['requests', 'request_contacts', 'request_events', 'request_subscribers', 'jobs']) expect(writes[0]).toContain(`insert into ${table} (`);
      } finally {
        query.mockRestore();
      }
    });
  });
}
