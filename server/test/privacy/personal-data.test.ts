// A resident's request to see or erase their data, on every dialect: admins only; found by email in
// any case or phone in any punctuation; JSON export as a download; erasure of contact details,
// photos (with bytes) and that email's subscriptions, keeping the requests; every step audited
// without the email or phone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalisePhone } from '../../src/privacy/residents.ts';
import { databasePhotoStorage, filePhotoStorage, type PhotoStorage } from '../../src/requests/photos/bytes.ts';
import { jsonPost, makeStaff, signIn, type Signed } from '../accounts/helpers.ts';
import { createTestApp, dialects } from '../support/harness.ts';
import { fileWithData, type Filed } from './support.ts';

const BASE = '/api/v1/staff/towns/testville/personal-data';

it('normalises phones to their digits', () => {
  expect(normalisePhone('+1 (613) 555-0199')).toBe('6135550199');
  expect(normalisePhone('613.555.0199')).toBe('6135550199');
});

for (const dialect of dialects) {
  describe.skipIf(dialect.skip)(`personal data on ${dialect.name}`, () => {
    let t: Awaited<ReturnType<typeof createTestApp>>;
    let admin: Signed;
    let agent: Signed;
    let storage: PhotoStorage;
    let dir: string;
    let mine: Filed;
    let byPhone: Filed;
    let followed: Filed;
    let other: Filed;
    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'munikit-pd-'));
      t = await createTestApp({ db: await dialect.open(), config: { DATA_DIR: dir } });
      storage = dialect.name === 'postgres' ? databasePhotoStorage(t.db) : filePhotoStorage(t.db, path.join(dir, 'uploads'));
      await makeStaff(t.db, 'boss@testville.example', { testville: 'admin' });
      await makeStaff(t.db, 'agent@testville.example', { testville: 'agent' });
      admin = await signIn(t.app, 'boss@testville.example');
      agent = await signIn(t.app, 'agent@testville.example');
      mine = await fileWithData(t.db, storage, { email: 'Pat.Resident@Example.org', phone: '613-555-0199', subscriber: 'pat.resident@example.org' });
      byPhone = await fileWithData(t.db, storage, { email: null, phone: '(613) 555 0199', photo: false });
      followed = await fileWithData(t.db, storage, { email: 'sam@example.org', phone: null, name: 'Sam', subscriber: 'pat.resident@example.org' });
      other = await fileWithData(t.db, storage, { email: 'sam@example.org', phone: '613-555-0100', name: 'Sam', subscriber: 'sam@example.org' });
    });
    afterAll(async () => {
      await t.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    const post = (who: Signed, what: string, body: unknown) => t.app.request(`${BASE}/${what}`, jsonPost(body, who.write));

    it('is for administrators only and names the missing field', async () => {
      expect((await post(agent, 'search', { email: 'pat.resident@example.org' })).status).toBe(403);
      const none = await post(admin, 'search', {});
      expect(none.status).toBe(400);
      expect(((await none.json()) as { error: { field: string } }).error.field).toBe('email');
      const short = await post(admin, 'search', { phone: '555' });
      expect(((await short.json()) as { error: { field: string } }).error.field).toBe('phone');
      const badEmail = await post(admin, 'search', { email: 'not an email' });
      expect(badEmail.status).toBe(400);
      expect(JSON.stringify(await badEmail.json())).toContain('email');
    });

    it('finds every request by email (any case) or phone (any punctuation), with what is held', async () => {
      const res = await post(admin, 'search', { email: 'PAT.resident@example.ORG ' });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { requests: { reference: string; contact: unknown; photos: unknown[]; subscriptions: { email: string }[] }[] };
      expect(body.requests.map((r) => r.reference).sort()).toEqual([mine.reference, followed.reference].sort());
      const m = body.requests.find((r) => r.reference === mine.reference)!;
      expect(m.contact).toEqual({ name: 'Pat Resident', email: 'Pat.Resident@Example.org', phone: '613-555-0199' });
      expect(m.photos).toHaveLength(1);
      expect(m.subscriptions.map((s) => s.email)).toEqual(['pat.resident@example.org']);
      const f = body.requests.find((r) => r.reference === followed.reference)!;
      expect(f.contact).toBeNull(); // only a subscriber there: Sam's details are not Pat's
      expect(f.photos).toEqual([]);

      const phone = (await (await post(admin, 'search', { phone: '+1 613 555 0199' })).json()) as { requests: { reference: string }[] };
      expect(phone.requests.map((r) => r.reference).sort()).toEqual([mine.reference, byPhone.reference, followed.reference].sort());
    });

    it('exports it as a JSON download', async () => {
      const res = await post(admin, 'export', { email: 'pat.resident@example.org' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="personal-data-testville-\d{4}-\d{2}-\d{2}\.json"$/);
      const body = (await res.json()) as { town: { id: string }; query: { email: string }; requests: unknown[] };
      expect(body.town.id).toBe('testville');
      expect(body.query.email).toBe('pat.resident@example.org');
      expect(body.requests).toHaveLength(2);
    });

    it('erases contact details, photos and the email’s subscriptions, keeping the requests and others’ data', async () => {
      expect((await post(admin, 'erase', { email: 'pat.resident@example.org' })).status).toBe(400); // no confirm
      const res = await post(admin, 'erase', { email: 'pat.resident@example.org', phone: '613 555 0199', confirm: true });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ references: [mine.reference, byPhone.reference, followed.reference].sort(), contacts: 2, photos: 1, subscriptions: 2 });
      expect(await storage.read(mine.photoId)).toBeUndefined();
      for (const r of [mine, byPhone]) {
        expect(await t.db.selectFrom('request_contacts').select(['name', 'email', 'phone']).where('request_id', '=', r.id).executeTakeFirstOrThrow()).toEqual({ name: null, email: null, phone: null });
      }
      expect(await t.db.selectFrom('requests').select('id').where('id', 'in', [mine.id, byPhone.id, followed.id]).execute()).toHaveLength(3);
      // Sam's details, photo and subscription stay.
      expect((await t.db.selectFrom('request_contacts').select('email').where('request_id', '=', followed.id).executeTakeFirstOrThrow()).email).toBe('sam@example.org');
      expect(await storage.read(followed.photoId)).toBeDefined();
      expect(await t.db.selectFrom('request_subscribers').select('email').where('request_id', '=', other.id).execute()).toEqual([{ email: 'sam@example.org' }]);
      expect(await t.db.selectFrom('request_subscribers').select('id').where('email', '=', 'pat.resident@example.org').execute()).toEqual([]);
      const again = (await (await post(admin, 'search', { email: 'pat.resident@example.org', phone: '6135550199' })).json()) as { requests: unknown[] };
      expect(again.requests).toEqual([]);
    });

    it('audits every step with references and counts, never the email or phone', async () => {
      const rows = await t.db.selectFrom('audit_log').selectAll().where('action', 'like', 'privacy.%').orderBy('created_at').execute();
      expect(rows.map((r) => r.action)).toEqual(['privacy.searched', 'privacy.searched', 'privacy.exported', 'privacy.erased', 'privacy.searched']);
      const erased = JSON.parse(rows[3]!.details) as Record<string, unknown>;
      expect(erased).toMatchObject({ by: ['email', 'phone'], contacts: 2, photos: 1, subscriptions: 2 });
      expect(rows[3]!.actor_user_id).toBe(admin.userId);
      for (const r of rows) {
        for (const secret of ['pat.resident', 'Pat Resident', '555-0199', '5550199', '555 0199']) expect(r.details).not.toContain(secret);
      }
    });
  });
}
