// The public tracker (GET /towns/{town}/requests/{reference}) and duplicates at the door
// (GET /towns/{town}/requests/nearby), on SQLite and (with TEST_DATABASE_URL) PostgreSQL.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { newId } from '../../src/platform/database/schema.ts';
import { addInternalNote, addPublicNote, changeRequestStatus } from '../../src/requests/staff-store.ts';
import { checkSymbol } from '../../src/requests/references.ts';
import { addWorkingDays, expectedDate, townCalendar } from '../../src/requests/service-targets.ts';
import { haversineMetres, normaliseAddress } from '../../src/requests/nearby-store.ts';
import { createTestApp, dialects } from '../support/harness.ts';

type ErrorBody = { error: { code: string; message: string; field?: string } };
type Status = {
  reference: string;
  status: string;
  serviceName: string;
  expectedDate: string | null;
  timeline: { type: string; status: string | null; note: string | null; noteLang: string | null; department: string | null; intoReference: string | null; at: string }[];
};

const CONTACT = { name: 'Zebulon Quixote', email: 'zebulon.private@example.ca', phone: '613-555-0199' };
const DESCRIPTION = 'Secret description text: the hole in front of my house at the blue door';
const LOCATION = '77 Hidden Lane';
const INTERNAL = 'Internal note: the resident sounds upset, call back';

describe('expected date and distances (plain functions)', () => {
  it('adds working days in the town’s time zone', () => {
    expect(addWorkingDays('2026-12-04', 1)).toBe('2026-12-07'); // Friday + 1 → Monday
    expect(addWorkingDays('2026-12-01', 5)).toBe('2026-12-08');
    // 02:00 UTC on Saturday is still Friday evening in Toronto.
    const toronto = townCalendar('America/Toronto', {});
    expect(expectedDate('2026-12-05T02:00:00.000Z', 1, toronto)).toBe('2026-12-07');
    expect(expectedDate('2026-12-05T02:00:00.000Z', null, toronto)).toBeNull();
  });
  it('measures metres and compares addresses', () => {
    const a = { lat: 45.0, lng: -75.0 };
    expect(haversineMetres(a, { lat: 45.0 + 40 / 111_195, lng: -75.0 })).toBeCloseTo(40, 0);
    expect(normaliseAddress('12, Lake Road.')).toBe(normaliseAddress('12 lake rd'));
    expect(normaliseAddress('5 Rue Saint-Étienne')).toBe(normaliseAddress('5 rue st etienne'));
  });
});

for (const dialect of dialects) {
  describe.skipIf(dialect.skip)(`public tracker on ${dialect.name}`, () => {
    let t: Awaited<ReturnType<typeof createTestApp>>;
    let ip = 0;
    const fromNewAddress = () => ({ 'x-forwarded-for': `198.51.100.${++ip % 250}` });
    const file = async (body: Record<string, unknown> = {}) => {
      const res = await t.app.request('/api/v1/towns/testville/requests', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...fromNewAddress() },
        body: JSON.stringify({ serviceCode: 'pothole', description: DESCRIPTION, location: { text: LOCATION }, contact: CONTACT, lang: 'en', ...body }),
      });
      expect(res.status).toBe(201);
      const { reference } = (await res.json()) as { reference: string };
      const row = await t.db.selectFrom('requests').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();
      return { reference, id: row.id };
    };
    const lookup = (ref: string, query = '', headers: Record<string, string> = fromNewAddress()) =>
      t.app.request(`/api/v1/towns/testville/requests/${encodeURIComponent(ref)}${query}`, { headers });

    beforeAll(async () => {
      t = await createTestApp({ db: await dialect.open(), config: { TRUST_PROXY: '1' } });
    });
    afterAll(async () => {
      await t?.cleanup();
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it('shows the expected date and every public step in plain words, each note in the asked language', async () => {
      const { reference, id } = await file();
      const at = (s: number) => new Date(Date.now() + s * 1000).toISOString();
      await changeRequestStatus(t.db, id, 'acknowledged', { at: at(1) });
      await t.db
        .insertInto('request_events')
        .values({ id: newId(), request_id: id, type: 'department_changed', status: null, note: null, note_en: null, note_fr: null, visibility: 'public', actor_user_id: null, created_at: at(2), details: JSON.stringify({ departmentId: 'public-works' }) })
        .execute();
      await changeRequestStatus(t.db, id, 'in_progress', { at: at(3), note: { en: 'The crew is on its way.' } });
      await addInternalNote(t.db, id, INTERNAL, { at: at(4) });
      await addPublicNote(t.db, id, { en: 'Patched today.', fr: 'Réparé aujourd’hui.' }, { at: at(5) });

      const fr = (await (await lookup(reference, '?lang=fr')).json()) as Status;
      expect(fr.serviceName).toBe('Nid-de-poule');
      expect(fr.expectedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(fr.timeline.map((e) => e.type)).toEqual(['created', 'status_changed', 'department_changed', 'status_changed', 'public_note']);
      expect(fr.timeline[0]).toMatchObject({ status: 'received' });
      expect(fr.timeline[2]).toMatchObject({ department: 'Travaux publics' });
      expect(fr.timeline[3]).toMatchObject({ status: 'in_progress', note: 'The crew is on its way.', noteLang: 'en' });
      expect(fr.timeline[4]).toMatchObject({ note: 'Réparé aujourd’hui.', noteLang: 'fr' });
      const en = (await (await lookup(reference, '?lang=en')).json()) as Status;
      expect(en.timeline[2]!.department).toBe('Public Works');
      expect(en.timeline[4]).toMatchObject({ note: 'Patched today.', noteLang: 'en' });
    });

    it('never answers anything personal: no name, email, phone, description, location text, internal note or follower count', async () => {
      const { reference, id } = await file();
      await addInternalNote(t.db, id, INTERNAL);
      await t.db.updateTable('requests').set({ followers: 3 }).where('id', '=', id).execute();
      for (const lang of ['en', 'fr']) {
        const text = await (await lookup(reference, `?lang=${lang}`)).text();
        for (const secret of [CONTACT.name, CONTACT.email, CONTACT.phone, DESCRIPTION, LOCATION, INTERNAL, 'followers', 'Secret', 'Hidden']) {
          expect(text).not.toContain(secret);
        }
      }
    });

    it('shows a duplicate’s reference and a declined request’s note about whom to contact', async () => {
      const first = await file();
      const dup = await file();
      await t.db
        .insertInto('request_events')
        .values({ id: newId(), request_id: dup.id, type: 'merged', status: null, note: null, note_en: null, note_fr: null, visibility: 'public', actor_user_id: null, created_at: new Date(Date.now() + 1000).toISOString(), details: JSON.stringify({ intoReference: first.reference }) })
        .execute();
      await changeRequestStatus(t.db, dup.id, 'duplicate', { at: new Date(Date.now() + 2000).toISOString() });
      const body = (await (await lookup(dup.reference)).json()) as Status;
      expect(body.status).toBe('duplicate');
      expect(body.timeline.find((e) => e.type === 'merged')).toMatchObject({ intoReference: first.reference });

      await changeRequestStatus(t.db, first.id, 'declined', { note: { en: 'This road belongs to the county: call 555-0123.' } });
      const declined = (await (await lookup(first.reference, '?lang=fr')).json()) as Status;
      expect(declined.timeline.at(-1)).toMatchObject({ status: 'declined', note: 'This road belongs to the county: call 555-0123.', noteLang: 'en' });
    });

    it('gives an unknown and a malformed reference the very same 404', async () => {
      const { reference } = await file();
      const last = reference.at(-1)!;
      const typo = reference.slice(0, -1) + (last === 'A' ? 'B' : 'A');
      const symbols = 'ABCDEFGHJ';
      const unknown = `TST-${symbols.slice(0, 5)}-${symbols.slice(5)}${checkSymbol(symbols)}`;
      const answers = await Promise.all(
        [typo, unknown, 'not-a-reference', 'ZZZ'].map(async (ref) => {
          const res = await lookup(ref, '?lang=fr');
          return { status: res.status, body: await res.text() };
        }),
      );
      for (const a of answers) expect(a).toEqual(answers[0]);
      expect(answers[0]!.status).toBe(404);
      expect((JSON.parse(answers[0]!.body) as ErrorBody).error).toEqual({ code: 'not_found', message: 'Aucune demande ne porte ce numéro de référence.' });
    });

    it('limits lookups per address: 429 with Retry-After past 30 a minute, other addresses unaffected', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.parse('2026-06-01T12:00:05.000Z'));
      const { reference } = await file();
      const me = { 'x-forwarded-for': '203.0.113.99' };
      for (let i = 0; i < 30; i++) expect((await lookup(i % 2 ? reference : 'TST-NOPE', '', me)).status).not.toBe(429);
      const refused = await lookup(reference, '', me);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('55');
      expect(((await refused.json()) as ErrorBody).error.code).toBe('rate_limited');
      expect((await lookup(reference, '', { 'x-forwarded-for': '203.0.113.100' })).status).toBe(200);
    });

    describe('duplicates at the door', () => {
      const nearby = (query: string) => t.app.request(`/api/v1/towns/testville/requests/nearby?${query}`, { headers: fromNewAddress() });
      type Nearby = { requests: { reference: string; status: string; createdAt: string; distanceM: number | null }[] };

      it('finds open requests of the service within 50 m, newest first, and nothing personal', async () => {
        const lat = 44.5;
        const lng = -76.25;
        const near = await file({ location: { text: LOCATION, lat: lat + 30 / 111_195, lng } });
        const nearer = await file({ location: { text: LOCATION, lat, lng: lng + 0.0002 } });
        const far = await file({ location: { text: LOCATION, lat: lat + 80 / 111_195, lng } });
        const closed = await file({ location: { text: LOCATION, lat, lng } });
        await changeRequestStatus(t.db, closed.id, 'resolved');
        const other = await file({ serviceCode: 'tree', location: { text: LOCATION, lat, lng }, answers: { blocking: 'no' } }).catch(() => undefined);

        const res = await nearby(`service=pothole&lat=${lat}&lng=${lng}`);
        expect(res.status).toBe(200);
        const text = await res.text();
        const body = JSON.parse(text) as Nearby;
        const refs = body.requests.map((r) => r.reference);
        expect(refs).toContain(near.reference);
        expect(refs).toContain(nearer.reference);
        expect(refs).not.toContain(far.reference);
        expect(refs).not.toContain(closed.reference);
        if (other) expect(refs).not.toContain(other.reference);
        expect(refs.indexOf(nearer.reference)).toBeLessThan(refs.indexOf(near.reference)); // newest first
        expect(body.requests.find((r) => r.reference === near.reference)!.distanceM).toBe(30);
        for (const secret of [CONTACT.name, CONTACT.email, CONTACT.phone, DESCRIPTION, LOCATION]) expect(text).not.toContain(secret);
      });

      it('matches the same street address without coordinates, and asks for a place', async () => {
        const a = await file({ location: { text: '12 Lake Road' } });
        const body = (await (await nearby(`service=pothole&address=${encodeURIComponent('12, lake rd.')}`)).json()) as Nearby;
        expect(body.requests.map((r) => r.reference)).toContain(a.reference);
        expect(body.requests.find((r) => r.reference === a.reference)!.distanceM).toBeNull();
        const none = (await (await nearby(`service=pothole&address=${encodeURIComponent('14 Lake Road')}`)).json()) as Nearby;
        expect(none.requests.map((r) => r.reference)).not.toContain(a.reference);

        const bad = await nearby('service=pothole&lat=44.5');
        expect(bad.status).toBe(400);
        expect(((await bad.json()) as ErrorBody).error.field).toBe('lng');
        const noPlace = await nearby('service=pothole');
        expect(((await noPlace.json()) as ErrorBody).error.field).toBe('address');
      });
    });
  });
}
