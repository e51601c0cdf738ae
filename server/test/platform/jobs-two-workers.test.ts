// Two server instances on one PostgreSQL database: every job is worked exactly once (FOR UPDATE SKIP
// LOCKED), a slow job is not taken over while its instance renews the lease, and a job held by an
// instance that died is worked by the other once its lease ends. Plus the
// admins' view: the outbox filtered by status and "retry now" for a failed job (audited).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrateToLatest } from '../../src/platform/database/migrate.ts';
import { createPostgresDatabase, type DatabaseHandle } from '../../src/platform/database/database.ts';
import { claimDueJobs, enqueue, getJob } from '../../src/platform/jobs/outbox.ts';
import { createWorker } from '../../src/platform/jobs/worker.ts';
import { seedTown } from '../../src/seed/seed.ts';
import { ADMIN, createTestApp, openPostgresTestDb, TEST_DATABASE_URL, type TestDb } from '../support/harness.ts';
import { testTown } from '../support/test-town.ts';
import { jsonPost, signIn } from '../accounts/helpers.ts';

describe.skipIf(!TEST_DATABASE_URL)('two workers on one PostgreSQL database', () => {
  let a: TestDb;
  let b: DatabaseHandle;
  beforeAll(async () => {
    a = await openPostgresTestDb(TEST_DATABASE_URL!);
    await migrateToLatest(a.db);
    await seedTown(a.db, testTown);
    const schema = (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(a.db)).rows[0]!.s;
    // A second pool, as a second server process would have.
    b = createPostgresDatabase(TEST_DATABASE_URL!, { options: `-c search_path=${schema}`, max: 5 });
  });
  afterAll(async () => {
    await b?.db.destroy();
    await a?.cleanup();
  });

  it('works each of 200 jobs exactly once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 200; i++) ids.push(await enqueue(a.db, 'test.once', { i }, undefined, { townId: 'testville' }));
    const seen = new Map<string, string[]>();
    const handler = (name: string) => async (job: { id: string }) => {
      await new Promise((r) => setTimeout(r, Math.random() * 3));
      seen.set(job.id, [...(seen.get(job.id) ?? []), name]);
      return name;
    };
    const workers = [
      createWorker({ db: a.db, batchSize: 7, handlers: { 'test.once': handler('a') } }),
      createWorker({ db: b.db, batchSize: 7, handlers: { 'test.once': handler('b') } }),
    ];
    await Promise.all(workers.map(async (w) => {
      while ((await w.runOnce()) > 0);
    }));
    expect(seen.size).toBe(200);
    for (const id of ids) expect(seen.get(id), id).toHaveLength(1);
    const byWorker = [...seen.values()].flat();
    expect(byWorker.filter((n) => n === 'a').length).toBeGreaterThan(0);
    expect(byWorker.filter((n) => n === 'b').length).toBeGreaterThan(0);
    const rows = await a.db.selectFrom('jobs').select(['done_at', 'attempts']).where('kind', '=', 'test.once').execute();
    expect(rows.every((r) => r.done_at !== null && r.attempts === 1)).toBe(true);
  });

  it('works a slow job once although it outlives its first lease: the instance holding it renews the lease', async () => {
    const id = await enqueue(a.db, 'test.slow', {}, undefined, { townId: 'testville' });
    const runs: string[] = [];
    const slow = (name: string) => async () => {
      runs.push(name);
      await new Promise((r) => setTimeout(r, 2500));
      return name;
    };
    // A 1 s lease renewed every 100 ms: the job lasts two and a half leases.
    const opts = { leaseMs: 1000, heartbeatMs: 100, pollMs: 20 };
    const wa = createWorker({ db: a.db, ...opts, handlers: { 'test.slow': slow('a') } });
    const wb = createWorker({ db: b.db, ...opts, handlers: { 'test.slow': slow('b') } });
    wa.start();
    wb.start();
    await expect.poll(async () => (await getJob(a.db, id))?.doneAt, { timeout: 10_000 }).toBeTruthy();
    await new Promise((r) => setTimeout(r, 300)); // both keep polling past the end of the job
    await Promise.all([wa.stop(), wb.stop()]);
    expect(runs).toHaveLength(1);
    expect(await getJob(a.db, id)).toMatchObject({ attempts: 1, lastError: null });
  }, 15_000);

  it('works a job claimed by an instance that died, once its lease is over', async () => {
    const id = await enqueue(a.db, 'test.orphan', {}, undefined, { townId: 'testville' });
    // Instance A claims it with a 60 s lease, then dies without finishing.
    const claimed = await claimDueJobs(a.db, 10, 60_000);
    expect(claimed.map((j) => j.id)).toContain(id);
    const ran: string[] = [];
    const other = createWorker({ db: b.db, handlers: { 'test.orphan': async (job) => void ran.push(job.id) } });
    expect(await other.runOnce()).toBe(0);
    expect(await other.runOnce(new Date(Date.now() + 61_000))).toBe(1);
    expect(ran).toEqual([id]);
    expect(await getJob(b.db, id)).toMatchObject({ attempts: 2 });
    expect((await getJob(b.db, id))?.doneAt).toBeTruthy();
  });
});

describe('the outbox for admins', () => {
  it('filters jobs by status and retries a failed one now, audited', async () => {
    const t = await createTestApp();
    try {
      const admin = await signIn(t.app, ADMIN.email, ADMIN.password);
      const failing = await enqueue(t.db, 'test.down', {}, undefined, { townId: 'testville', maxAttempts: 1 });
      const fine = await enqueue(t.db, 'test.fine', {}, undefined, { townId: 'testville' });
      const pending = await enqueue(t.db, 'test.later', {}, new Date(Date.now() + 3600_000), { townId: 'testville' });
      let up = false;
      const worker = createWorker({
        db: t.db,
        handlers: {
          'test.down': async () => {
            if (!up) throw new Error('receiver down');
            return 'sent';
          },
          'test.fine': async () => 'ok',
        },
      });
      while ((await worker.runOnce()) > 0);
      const list = async (status: string) => {
        const res = await t.app.request(`/api/v1/staff/towns/testville/outbox?status=${status}`, { headers: { cookie: admin.cookie } });
        expect(res.status).toBe(200);
        return ((await res.json()) as { jobs: { id: string; status: string; lastError: string | null }[] }).jobs;
      };
      expect((await list('failed')).map((j) => [j.id, j.lastError])).toEqual([[failing, 'receiver down']]);
      expect((await list('done')).map((j) => j.id)).toEqual([fine]);
      expect((await list('pending')).map((j) => j.id)).toEqual([pending]);
      expect((await t.app.request('/api/v1/staff/towns/testville/outbox?status=lost', { headers: { cookie: admin.cookie } })).status).toBe(400);

      // Only a failed job can be retried; without the CSRF token, nothing happens.
      expect((await t.app.request(`/api/v1/staff/towns/testville/outbox/${fine}/retry`, { method: 'POST', headers: admin.write })).status).toBe(404);
      expect((await t.app.request(`/api/v1/staff/towns/testville/outbox/${failing}/retry`, { method: 'POST', headers: { cookie: admin.cookie } })).status).toBe(403);
      const retry = await t.app.request(`/api/v1/staff/towns/testville/outbox/${failing}/retry`, jsonPost({}, admin.write));
      expect(retry.status).toBe(200);
      expect(await retry.json()).toEqual({ id: failing, status: 'pending' });
      up = true;
      while ((await worker.runOnce()) > 0);
      expect(await getJob(t.db, failing)).toMatchObject({ attempts: 2, result: 'sent' });
      const audits = await t.db.selectFrom('audit_log').select(['action', 'subject_id']).where('action', '=', 'outbox.retried').execute();
      expect(audits).toEqual([{ action: 'outbox.retried', subject_id: failing }]);
    } finally {
      await t.cleanup();
    }
  });
});
