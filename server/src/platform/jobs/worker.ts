// The outbox worker: polls for due jobs, runs each kind's handler, records the result or the error.
// main.ts starts one per server process; stop() waits for the jobs in hand.
import type { Db } from '../database/schema.ts';
import type { Logger } from '../http/logger.ts';
import { inTransaction, isSqlite } from '../database/group-commit.ts';
import type { DbOrTx } from '../database/schema.ts';
import { claimDueJobs, completeJob, failJob, type Job } from './outbox.ts';

/** Runs one job; returns what to keep as its result (shown to admins), or throws to retry later. */
export type JobHandler = (job: Job, ctx: { db: Db }) => Promise<unknown>;
export type JobHandlers = Record<string, JobHandler>;

export interface WorkerOptions {
  db: Db;
  handlers: JobHandlers;
  logger?: Logger;
  pollMs?: number;
  batchSize?: number;
  leaseMs?: number;
}

export interface Worker {
  start(): void;
  stop(): Promise<void>;
  /** Claims and runs the due jobs once; returns how many ran. */
  runOnce(now?: Date): Promise<number>;
}

export function createWorker({ db, handlers, logger, pollMs = 2000, batchSize = 10, leaseMs = 5 * 60 * 1000 }: WorkerOptions): Worker {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = true;

  // A job's outcome is recorded as soon as its handler returns, without waiting for that write before
  // the next job: on SQLite the records of a batch (and any filings meanwhile) share one COMMIT
  // (group-commit.ts) instead of one disk flush each; on PostgreSQL each is one autocommit statement.
  const record = (write: (d: DbOrTx) => Promise<void>): Promise<void> => (isSqlite(db as never) ? inTransaction(db, write) : write(db));
  async function runJob(job: Job): Promise<{ recorded: Promise<void> }> {
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      const result = await handler(job, { db });
      return { recorded: record((d) => completeJob(d, job.id, result)) };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      logger?.warn(`job ${job.id} (${job.kind}) attempt ${job.attempts} failed: ${message}`);
      return { recorded: record((d) => failJob(d, job, message)) };
    }
  }

  async function runOnce(now?: Date): Promise<number> {
    const jobs = await inTransaction(db, (trx) => claimDueJobs(trx, batchSize, leaseMs, now));
    const recorded: Promise<void>[] = [];
    for (const job of jobs) {
      const r = (await runJob(job)).recorded;
      r.catch(() => undefined); // handled by Promise.all below, once the batch has run
      recorded.push(r);
    }
    await Promise.all(recorded);
    return jobs.length;
  }

  function schedule(delay: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce()
        .catch((err: unknown) => logger?.error('outbox worker failed', err))
        .then((n) => schedule(typeof n === 'number' && n >= batchSize ? 0 : pollMs));
    }, delay);
    timer.unref?.();
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
    runOnce,
  };
}
