// The outbox on both dialects: enqueue, claim in a transaction, retry with back-off, give up, and
// never hand one job to two workers.
import fs, { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMAIL_TEMPLATES_DIR } from '../../src/accounts/links.ts';
import { migrateToLatest } from '../../src/platform/database/migrate.ts';
import { EMAIL_KIND, emailHandler, enqueueEmail, keepInOutbox, renderEmailTemplate, type EmailMessage } from '../../src/platform/jobs/email.ts';
import { claimDueJobs, completeJob, enqueue, getJob, renewLease, retryDelayMs } from '../../src/platform/jobs/outbox.ts';
import { createWorker } from '../../src/platform/jobs/worker.ts';
import { seedTown } from '../../src/seed/seed.ts';
import { dialects, type TestDb } from '../support/harness.ts';
import { testTown } from '../support/test-town.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const dialect of dialects) {
  describe.skipIf(dialect.skip)(`outbox on ${dialect.name}`, () => {
    let t: TestDb;
    beforeEach(async () => {
      t = await dialect.open();
      await migrateToLatest(t.db);
      await seedTown(t.db, testTown);
    });
    afterEach(async () => {
      await t.cleanup();
    });

    it('runs a due job once through its handler and keeps the result', async () => {
      const id = await enqueue(t.db, 'test.echo', { n: 1 }, undefined, { townId: 'testville' });
      const seen: unknown[] = [];
      const worker = createWorker({ db: t.db, handlers: { 'test.echo': async (job) => (seen.push(job.payload), { echoed: job.payload }) } });
      expect(await worker.runOnce()).toBe(1);
      expect(await worker.runOnce()).toBe(0);
      expect(seen).toEqual([{ n: 1 }]);
      const job = await getJob(t.db, id);
      expect(job).toMatchObject({ attempts: 1, lastError: null, result: { echoed: { n: 1 } } });
      expect(job?.doneAt).toBeTruthy();
    });

    it('waits for run_at', async () => {
      const id = await enqueue(t.db, 'test.later', {}, new Date(Date.now() + 60_000));
      const worker = createWorker({ db: t.db, handlers: { 'test.later': async () => 'ran' } });
      expect(await worker.runOnce()).toBe(0);
      expect(await worker.runOnce(new Date(Date.now() + 61_000))).toBe(1);
      expect((await getJob(t.db, id))?.doneAt).toBeTruthy();
    });

    it('retries a failing job with growing back-off, then marks it failed', async () => {
      const id = await enqueue(t.db, 'test.flaky', {}, undefined, { maxAttempts: 3 });
      let calls = 0;
      const worker = createWorker({
        db: t.db,
        handlers: {
          'test.flaky': async () => {
            calls++;
            throw new Error(`down ${calls}`);
          },
        },
      });
      let now = Date.now();
      expect(await worker.runOnce(new Date(now))).toBe(1);
      let job = (await getJob(t.db, id))!;
      expect(job).toMatchObject({ attempts: 1, lastError: 'down 1', failedAt: null, doneAt: null });
      const firstDelay = Date.parse(job.runAt) - now;
      expect(firstDelay).toBeGreaterThanOrEqual(retryDelayMs(1) - 1000);
      expect(await worker.runOnce(new Date(now + 1000))).toBe(0); // not due yet

      now = Date.parse(job.runAt) + 1;
      expect(await worker.runOnce(new Date(now))).toBe(1);
      job = (await getJob(t.db, id))!;
      expect(Date.parse(job.runAt) - Date.now()).toBeGreaterThan(firstDelay); // doubled

      expect(await worker.runOnce(new Date(Date.parse(job.runAt) + 1))).toBe(1);
      job = (await getJob(t.db, id))!;
      expect(job).toMatchObject({ attempts: 3, lastError: 'down 3' });
      expect(job.failedAt).toBeTruthy();
      expect(await worker.runOnce(new Date(Date.now() + 24 * 3600_000))).toBe(0);
    });

    it('keeps a job of an unknown kind for a later retry, with the reason', async () => {
      const id = await enqueue(t.db, 'test.unknown', {});
      await createWorker({ db: t.db, handlers: {} }).runOnce();
      expect((await getJob(t.db, id))?.lastError).toMatch(/no handler/);
    });

    it('never hands one job to two workers claiming at the same time', async () => {
      const ids = new Set<string>();
      for (let i = 0; i < 12; i++) ids.add(await enqueue(t.db, 'test.race', { i }));
      const claims = await Promise.all([1, 2, 3].map(() => claimDueJobs(t.db, 5, 60_000)));
      const claimed = claims.flat().filter((j) => j.kind === 'test.race').map((j) => j.id);
      expect(claimed.length).toBe(12);
      expect(new Set(claimed).size).toBe(claimed.length);
      // A claimed job is leased: claiming again before the lease ends finds none of them.
      const again = (await claimDueJobs(t.db, 50, 60_000)).filter((j) => claimed.includes(j.id));
      expect(again).toEqual([]);
      // After the lease (a worker that died), they are claimable again.
      const later = (await claimDueJobs(t.db, 50, 60_000, new Date(Date.now() + 61_000))).filter((j) => claimed.includes(j.id));
      expect(later.length).toBe(claimed.length);
    });

    it('renews the lease of a slow job, so a second worker never runs it again', async () => {
      const id = await enqueue(t.db, 'test.slow', {});
      const runs: string[] = [];
      const slow = (name: string) => async () => {
        runs.push(name);
        await sleep(2500);
        return name;
      };
      // Leases of 1 s renewed every 100 ms: the job lasts two and a half leases.
      const a = createWorker({ db: t.db, leaseMs: 1000, heartbeatMs: 100, handlers: { 'test.slow': slow('a') } });
      const b = createWorker({ db: t.db, leaseMs: 1000, heartbeatMs: 100, handlers: { 'test.slow': slow('b') } });
      const first = a.runOnce();
      let claimedByB = 0;
      const until = Date.now() + 2700;
      while (Date.now() < until) {
        claimedByB += await b.runOnce();
        await sleep(40);
      }
      expect(await first).toBe(1);
      expect(claimedByB).toBe(0);
      expect(runs).toEqual(['a']);
      expect(await getJob(t.db, id)).toMatchObject({ attempts: 1, result: 'a', lastError: null });
    }, 15_000);

    it('runs the job of a worker that died once its lease ends; the dead worker’s late outcome is fenced out', async () => {
      const id = await enqueue(t.db, 'test.orphan', {});
      // Worker A claims with a 1 s lease, then stops answering (no heartbeat, no result).
      const [held] = (await claimDueJobs(t.db, 10, 1000)).filter((j) => j.id === id);
      expect(held).toMatchObject({ attempts: 1 });
      const b = createWorker({ db: t.db, handlers: { 'test.orphan': async () => 'b' } });
      expect(await b.runOnce()).toBe(0); // still A's
      await sleep(1100);
      expect(await b.runOnce()).toBe(1);
      expect(await getJob(t.db, id)).toMatchObject({ attempts: 2, result: 'b' });
      // A comes back: its attempt number is stale, so it can neither renew nor overwrite B's result.
      expect(await renewLease(t.db, held!, 60_000)).toBe(false);
      expect(await completeJob(t.db, held!, 'a')).toBe(false);
      expect(await getJob(t.db, id)).toMatchObject({ attempts: 2, result: 'b' });
    });

    it('tells a running job that its lease was lost, and records nothing for it', async () => {
      const id = await enqueue(t.db, 'test.cutoff', {});
      let aborted = false;
      const a = createWorker({
        db: t.db,
        leaseMs: 60_000,
        heartbeatMs: 30,
        handlers: {
          'test.cutoff': async (_job, { signal }) => {
            // Another worker takes the job over meanwhile (as if A had been cut off for a whole lease).
            const [taken] = (await claimDueJobs(t.db, 10, 60_000, new Date(Date.now() + 120_000))).filter((j) => j.id === id);
            expect(taken).toMatchObject({ attempts: 2 });
            await new Promise<void>((resolve) => signal!.addEventListener('abort', () => resolve(), { once: true }));
            aborted = true;
            throw new Error('stopped');
          },
        },
      });
      expect(await a.runOnce()).toBe(1);
      expect(aborted).toBe(true);
      // Still the other worker's attempt 2: A's failure was not written over it.
      expect(await getJob(t.db, id)).toMatchObject({ attempts: 2, lastError: null, doneAt: null, failedAt: null });
    });

    it('starts, polls and stops cleanly', async () => {
      const id = await enqueue(t.db, 'test.polled', {});
      const worker = createWorker({ db: t.db, pollMs: 20, handlers: { 'test.polled': async () => 'ok' } });
      worker.start();
      await expect.poll(async () => (await getJob(t.db, id))?.doneAt, { timeout: 5000 }).toBeTruthy();
      await worker.stop();
    });

    it('delivers an email by keeping the rendered message in the outbox', async () => {
      const id = await enqueueEmail(t.db, {
        to: 'clerk@example.com',
        lang: 'fr',
        templateDir: EMAIL_TEMPLATES_DIR,
        template: 'password-reset',
        vars: { name: 'Camille', link: 'https://example.test/staff/reset-password#token=x' },
        townId: 'testville',
      });
      const worker = createWorker({ db: t.db, handlers: { [EMAIL_KIND]: emailHandler(keepInOutbox) } });
      await worker.runOnce();
      const job = (await getJob(t.db, id))!;
      const message = job.payload as EmailMessage;
      expect(message).toMatchObject({ to: 'clerk@example.com', lang: 'fr', template: 'password-reset', subject: 'Réinitialiser votre mot de passe MuniKit' });
      expect(message.text).toContain('Bonjour Camille');
      expect(message.text).toContain('https://example.test/staff/reset-password#token=x');
      expect(job.result).toEqual({ delivery: 'kept_in_outbox' });
    });
  });
}

describe('email templates', () => {
  const files = readdirSync(EMAIL_TEMPLATES_DIR).filter((f) => f.endsWith('.txt'));
  const names = [...new Set(files.map((f) => f.replace(/\.(en|fr)\.txt$/, '')))];

  it('exist in English and French for every message', () => {
    expect(names.sort()).toEqual(['access-granted', 'invitation', 'password-changed', 'password-reset']);
    for (const n of names) expect(files).toEqual(expect.arrayContaining([`${n}.en.txt`, `${n}.fr.txt`]));
  });

  it('render with a subject and every placeholder filled', () => {
    const vars = { name: 'N', townName: 'T', inviterName: 'I', roleName: 'R', link: 'https://l.example', expiresAt: '2026-01-01 00:00', changedAt: '2026-01-01 00:00' };
    for (const n of names) {
      for (const lang of ['en', 'fr'] as const) {
        const { subject, text } = renderEmailTemplate(EMAIL_TEMPLATES_DIR, n, lang, vars);
        expect(subject.length).toBeGreaterThan(5);
        expect(text).not.toMatch(/\{\{/);
        expect(text).toContain('https://l.example');
      }
    }
  });

  it('keeps every value on one line, so a name cannot add a header', () => {
    const { subject, text } = renderEmailTemplate(EMAIL_TEMPLATES_DIR, 'invitation', 'en', {
      townName: 'Testville\r\nBcc: victim@example.com',
      inviterName: 'Eve\n\nClick here',
      roleName: 'agent',
      link: 'https://l.example',
      expiresAt: 'soon',
    });
    expect(subject).toBe('You are invited to the Testville Bcc: victim@example.com staff console');
    expect(text).toContain('Eve Click here invited you');
  });

  it('refuses to render with a missing value', () => {
    expect(() => renderEmailTemplate(EMAIL_TEMPLATES_DIR, 'password-reset', 'en', { name: 'N' })).toThrow(/link/);
  });

  it('uses an edited template from the next email on (files are kept until their folder changes)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munikit-templates-'));
    try {
      fs.writeFileSync(path.join(dir, 'note.en.txt'), 'Subject: First {{x}}\n\nBody one\n');
      expect(renderEmailTemplate(dir, 'note', 'en', { x: 'a' }).subject).toBe('First a');
      expect(renderEmailTemplate(dir, 'note', 'en', { x: 'b' }).html).toBeUndefined();
      fs.writeFileSync(path.join(dir, 'note.en.txt'), 'Subject: Second {{x}}\n\nBody two\n');
      fs.writeFileSync(path.join(dir, 'note.en.html'), '<p>{{x}}</p>');
      // The change is seen once the folder's watcher has fired (an event-loop turn or a few).
      await expect.poll(() => renderEmailTemplate(dir, 'note', 'en', { x: '<c>' }), { timeout: 5000 }).toEqual({
        subject: 'Second <c>',
        text: 'Body two\n',
        html: '<p>&lt;c&gt;</p>',
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
