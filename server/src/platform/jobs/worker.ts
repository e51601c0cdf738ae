// The outbox worker: polls for due jobs, runs each kind's handler, records the result or the error.
// main.ts starts one per server process; stop() waits for the jobs in hand.
//
// Leases: claimed jobs are locked for `leaseMs` (5 min). While a batch is in hand the worker renews the
// lease of its unfinished jobs every leaseMs / 3 (heartbeat), so a slow job is never claimed by
// another worker; a worker that dies stops renewing, and its jobs are claimed again once the lease
// ends. If a renewal finds the job claimed by another worker (this one was cut off for longer than a
// lease), the job's `signal` is aborted and its result is dropped: the attempt number fences it out.
import type { Db } from '../database/schema.ts';
import type { Logger } from '../http/logger.ts';
import { claimDueJobs, completeJob, failJob, renewLease, type Job } from './outbox.ts';

/**
 * Runs one job; returns what to keep as its result (shown to admins), or throws to retry later.
 * `signal` is aborted when the worker lost the job's lease: stop early, another worker has it.
 */
export type JobHandler = (job: Job, ctx: { db: Db; signal?: AbortSignal }) => Promise<unknown>;
export type JobHandlers = Record<string, JobHandler>;

export interface WorkerOptions {
  db: Db;
  handlers: JobHandlers;
  logger?: Logger;
  pollMs?: number;
  batchSize?: number;
  leaseMs?: number;
  /** How often the leases of the jobs in hand are renewed; default leaseMs / 3. */
  heartbeatMs?: number;
}

export interface Worker {
  start(): void;
  stop(): Promise<void>;
  /** Claims and runs the due jobs once; returns how many ran. */
  runOnce(now?: Date): Promise<number>;
}

export function createWorker({ db, handlers, logger, pollMs = 2000, batchSize = 10, leaseMs = 5 * 60 * 1000, heartbeatMs }: WorkerOptions): Worker {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = true;

  async function runJob(job: Job, signal: AbortSignal) {
    const handler = handlers[job.kind];
    let recorded: boolean;
    try {
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      if (signal.aborted) throw new Error('the job lease was lost before it started');
      const result = await handler(job, { db, signal });
      recorded = await completeJob(db, job, result);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      logger?.warn(`job ${job.id} (${job.kind}) attempt ${job.attempts} failed: ${message}`);
      recorded = await failJob(db, job, message);
    }
    if (!recorded) logger?.warn(`job ${job.id} (${job.kind}) attempt ${job.attempts}: lease lost to another worker, outcome not recorded`);
  }

  async function runOnce(now?: Date): Promise<number> {
    const jobs = await claimDueJobs(db, batchSize, leaseMs, now);
    if (jobs.length === 0) return 0;
    const inHand = new Map(jobs.map((j) => [j.id, { job: j, lost: new AbortController() }]));
    let beat: Promise<unknown> = Promise.resolve();
    const heartbeat = setInterval(() => {
      beat = beat.then(async () => {
        for (const { job, lost } of inHand.values()) {
          if (lost.signal.aborted) continue;
          const still = await renewLease(db, job, leaseMs).catch((err: unknown) => {
            logger?.warn(`job ${job.id}: lease renewal failed`, err);
            return true; // the database is unreachable: keep going, the next beat tries again
          });
          if (!still) lost.abort();
        }
      });
    }, heartbeatMs ?? Math.max(1, Math.floor(leaseMs / 3)));
    heartbeat.unref?.();
    try {
      for (const [id, { job, lost }] of inHand) {
        await runJob(job, lost.signal);
        inHand.delete(id);
      }
    } finally {
      clearInterval(heartbeat);
      await beat;
    }
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
