// Retention on every dialect: the town's figure in the settings API and the public town answer; the
// daily erasure (contacts, photos with their bytes, subscriptions) of requests closed before the
// cutoff, with a fixed `now`, keeping the anonymous request; audited without the erased data;
// idempotent, and counted once when two runs race.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker } from '../../src/platform/jobs/worker.ts';
import { eraseExpired, RETENTION_KIND, retentionCutoff, retentionHandler, scheduleRetention } from '../../src/privacy/retention.ts';
import { databasePhotoStorage, filePhotoStorage, type PhotoStorage } from '../../src/requests/photos/bytes.ts';
import { jsonPost, makeStaff, signIn, type Signed } from '../accounts/helpers.ts';
import { createTestApp, dialects } from '../support/harness.ts';
import { fileWithData } from './support.ts';

describe('retentionCutoff', () => {
  it('goes back calendar months in UTC, clamped to the shorter month', () => {
    expect(retentionCutoff(new Date('2026-03-31T10:00:00Z'), 1).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(retentionCutoff(new Date('2026-01-15T00:00:00Z'), 12).toISOString()).toBe('2025-01-15T00:00:00.000Z');
    expect(retentionCutoff(new Date('2026-01-15T00:00:00Z'), 120).toISOString()).toBe('2016-01-15T00:00:00.000Z');
  });
});

for (const dialect of dialects) {
  describe.skipIf(dialect.skip)(`retention on ${dialect.name}`, () => {
    let t: Awaited<ReturnType<typeof createTestApp>>;
    let admin: Signed;
    let storage: PhotoStorage;
    let dir: string;
    beforeAll(async () => {
      t = await createTestApp({ db: await dialect.open() });
      dir = mkdtempSync(path.join(tmpdir(), 'munikit-retention-'));
      storage = dialect.name === 'postgres' ? databasePhotoStorage(t.db) : filePhotoStorage(t.db, dir);
      await makeStaff(t.db, 'boss@testville.example', { testville: 'admin' });
      admin = await signIn(t.app, 'boss@testville.example');
    });
    afterAll(async () => {
      await t.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    it('has a default of 12 months, set in the settings (1–120) and shown on the public town', async () => {
      const get = async () => (await (await t.app.request('/api/v1/towns/testville')).json()) as { retentionMonths: number };
      expect((await get()).retentionMonths).toBe(12);
      const bad = await t.app.request('/api/v1/staff/towns/testville/settings', jsonPost({ retentionMonths: 0 }, admin.write, 'PATCH'));
      expect(bad.status).toBe(400);
      expect(JSON.stringify(await bad.json())).toContain('retentionMonths');
      const tooMany = await t.app.request('/api/v1/staff/towns/testville/settings', jsonPost({ retentionMonths: 121 }, admin.write, 'PATCH'));
      expect(tooMany.status).toBe(400);
      const ok = await t.app.request('/api/v1/staff/towns/testville/settings', jsonPost({ retentionMonths: 6 }, admin.write, 'PATCH'));
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as { retentionMonths: number }).retentionMonths).toBe(6);
      expect((await get()).retentionMonths).toBe(6);
      const audit = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'town.settings_changed').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
      expect(JSON.parse(audit.details)).toMatchObject({ before: { retentionMonths: 12 }, after: { retentionMonths: 6 } });
    });

    it('erases what closed before the cutoff, keeps the rest and the anonymous request, and audits it', async () => {
      // 6 months (set above); now = 2024-09-01 → cutoff 2024-03-01.
      const now = new Date('2024-09-01T00:00:00.000Z');
      const old = await fileWithData(t.db, storage, { closedAt: '2024-02-01T00:00:00.000Z', subscriber: 'pat@example.org' });
      const recent = await fileWithData(t.db, storage, { closedAt: '2024-04-01T00:00:00.000Z', subscriber: 'sam@example.org' });
      const open = await fileWithData(t.db, storage, { status: 'in_progress', closedAt: null, subscriber: 'lee@example.org' });
      expect(await storage.read(old.photoId)).toBeDefined();

      const done = await eraseExpired(t.db, storage, now);
      expect(done).toEqual([
        { townId: 'testville', retentionMonths: 6, cutoff: '2024-03-01T00:00:00.000Z', references: [old.reference], contacts: 1, photos: 1, subscriptions: 1 },
      ]);
      const contact = await t.db.selectFrom('request_contacts').selectAll().where('request_id', '=', old.id).executeTakeFirstOrThrow();
      expect(contact).toMatchObject({ name: null, email: null, phone: null });
      expect(await t.db.selectFrom('uploads').select('id').where('request_id', '=', old.id).execute()).toEqual([]);
      expect(await storage.read(old.photoId)).toBeUndefined();
      expect(await t.db.selectFrom('request_subscribers').select('id').where('request_id', '=', old.id).execute()).toEqual([]);
      const kept = await t.db.selectFrom('requests').select(['reference', 'description', 'status', 'closed_at']).where('id', '=', old.id).executeTakeFirstOrThrow();
      expect(kept).toEqual({ reference: old.reference, description: 'Deep pothole', status: 'closed', closed_at: '2024-02-01T00:00:00.000Z' });

      for (const r of [recent, open]) {
        expect((await t.db.selectFrom('request_contacts').select('email').where('request_id', '=', r.id).executeTakeFirstOrThrow()).email).toBe('pat@example.org');
        expect(await storage.read(r.photoId)).toBeDefined();
        expect(await t.db.selectFrom('request_subscribers').select('id').where('request_id', '=', r.id).execute()).toHaveLength(1);
      }

      const audits = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'privacy.retention_erased').execute();
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({ town_id: 'testville', actor_user_id: null, subject_type: 'town', subject_id: 'testville' });
      expect(JSON.parse(audits[0]!.details)).toEqual({ retentionMonths: 6, closedBefore: '2024-03-01T00:00:00.000Z', references: [old.reference], contacts: 1, photos: 1, subscriptions: 1 });
      for (const secret of ['pat@example.org', '613-555-0199', '6135550199', 'Pat Resident']) expect(audits[0]!.details).not.toContain(secret);

      // Again: nothing left, nothing recorded.
      expect(await eraseExpired(t.db, storage, now)).toEqual([]);
      expect(await t.db.selectFrom('audit_log').select('id').where('action', '=', 'privacy.retention_erased').execute()).toHaveLength(1);
    });

    it('erases each request once when two runs race (two instances at the same moment)', async () => {
      const now = new Date('2025-01-01T00:00:00.000Z'); // cutoff 2024-07-01: `recent` (closed 2024-04) is now due
      const more = await fileWithData(t.db, storage, { closedAt: '2024-05-01T00:00:00.000Z', subscriber: 'kim@example.org' });
      const [a, b] = await Promise.all([eraseExpired(t.db, storage, now), eraseExpired(t.db, storage, now)]);
      const total = [...a, ...b].reduce((n, x) => n + x.contacts, 0);
      expect(total).toBe(2);
      const refs = [...a, ...b].flatMap((x) => x.references);
      expect(refs).toContain(more.reference);
      expect(new Set(refs).size).toBe(refs.length);
      const audits = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'privacy.retention_erased').execute();
      const counted = audits.map((x) => JSON.parse(x.details) as { contacts: number }).reduce((n, d) => n + d.contacts, 0);
      expect(counted).toBe(3);
      expect((await t.db.selectFrom('request_contacts').select('email').where('request_id', '=', more.id).executeTakeFirstOrThrow()).email).toBeNull();
    });
  });
}

describe('the daily retention job', () => {
  it('is put in the outbox once a day however often it is asked for, and erases when the worker runs it', async () => {
    const t = await createTestApp();
    const dir = mkdtempSync(path.join(tmpdir(), 'munikit-retention-job-'));
    try {
      const storage = filePhotoStorage(t.db, dir);
      const old = await fileWithData(t.db, storage, { closedAt: '2020-01-01T00:00:00.000Z' });
      const now = new Date();
      await scheduleRetention(t.db, now);
      await scheduleRetention(t.db, new Date(now.getTime() + 1000)); // another instance, the same day
      const jobs = await t.db.selectFrom('jobs').select('id').where('kind', '=', RETENTION_KIND).execute();
      expect(jobs).toHaveLength(1);

      const worker = createWorker({ db: t.db, handlers: { [RETENTION_KIND]: retentionHandler(storage) } });
      expect(await worker.runOnce()).toBe(1);
      const contact = await t.db.selectFrom('request_contacts').selectAll().where('request_id', '=', old.id).executeTakeFirstOrThrow();
      expect([contact.name, contact.email, contact.phone]).toEqual([null, null, null]);
      const job = await t.db.selectFrom('jobs').select(['done_at', 'result']).where('kind', '=', RETENTION_KIND).executeTakeFirstOrThrow();
      expect(job.done_at).not.toBeNull();
      expect(JSON.parse(job.result!)).toEqual({ towns: [{ townId: 'testville', requests: 1 }] });
    } finally {
      await t.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
