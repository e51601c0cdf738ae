// The outbox: one table of jobs, shared by every server instance. A job is added in the same
// transaction as the change that causes it (pass the transaction as `db`), claimed by one worker at a
// time (FOR UPDATE SKIP LOCKED on PostgreSQL; SQLite has a single writer), retried with exponential
// back-off and finally marked failed. A claim is a lease fenced by the attempt number (see Lease):
// the worker renews it while the job runs, and only the current holder can complete or fail it.
// Later issues add kinds (webhooks, retention), not queues.
import { PostgresAdapter } from 'kysely';
import type { DbOrTx, JobsTable } from '../database/schema.ts';
import { newId, nowIso } from '../database/schema.ts';
import type { Keyset } from '../database/keyset.ts';
import { preparedQuery } from '../database/prepared.ts';

export interface Job<P = unknown> {
  id: string;
  kind: string;
  townId: string | null;
  payload: P;
  runAt: string;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  doneAt: string | null;
  failedAt: string | null;
  result: unknown;
  createdAt: string;
}

const toJob = (r: JobsTable): Job => ({
  id: r.id,
  kind: r.kind,
  townId: r.town_id,
  payload: JSON.parse(r.payload) as unknown,
  runAt: r.run_at,
  attempts: r.attempts,
  maxAttempts: r.max_attempts,
  lastError: r.last_error,
  doneAt: r.done_at,
  failedAt: r.failed_at,
  result: r.result === null ? null : (JSON.parse(r.result) as unknown),
  createdAt: r.created_at,
});

export const DEFAULT_MAX_ATTEMPTS = 8;

/**
 * A job to queue, described: what enqueue() inserts. A caller that writes its change in one statement
 * (requests/intake-store.ts on PostgreSQL) inserts the jobRow()s of its specs there instead.
 */
export interface JobSpec {
  kind: string;
  payload: unknown;
  townId: string | null;
  runAt?: Date;
  maxAttempts?: number;
  /** A chosen id makes the job once-only: the same id enqueued again (another instance, a later tick) adds nothing. */
  id?: string;
}

/** The columns of a jobs row, in the order jobRow() and the compiled INSERT give them. */
export const JOB_COLUMNS = [
  'id',
  'kind',
  'town_id',
  'payload',
  'run_at',
  'attempts',
  'max_attempts',
  'last_error',
  'locked_until',
  'done_at',
  'failed_at',
  'result',
  'created_at',
] as const satisfies readonly (keyof JobsTable)[];

/** The row a new job is stored as: due at once (or at `runAt`), no attempt yet. */
export function jobRow(spec: JobSpec, now: string = nowIso()): JobsTable {
  return {
    id: spec.id ?? newId(),
    kind: spec.kind,
    town_id: spec.townId,
    payload: JSON.stringify(spec.payload),
    run_at: spec.runAt ? spec.runAt.toISOString() : now,
    attempts: 0,
    max_attempts: spec.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    last_error: null,
    locked_until: null,
    done_at: null,
    failed_at: null,
    result: null,
    created_at: now,
  };
}

/** Queues a job (in the caller's transaction when `db` is one); answers its id. */
export async function enqueueJob(db: DbOrTx, spec: JobSpec): Promise<string> {
  const row = jobRow(spec);
  await insertJob(db, ...JOB_COLUMNS.map((c) => row[c]));
  return row.id;
}

export async function enqueue(
  db: DbOrTx,
  kind: string,
  payload: unknown,
  runAt?: Date,
  opts: { townId?: string | null; maxAttempts?: number; id?: string } = {},
): Promise<string> {
  return enqueueJob(db, { kind, payload, townId: opts.townId ?? null, runAt, maxAttempts: opts.maxAttempts, id: opts.id });
}

// Compiled once (platform/database/prepared.ts): every filing queues a job or two.
const insertJob = preparedQuery<unknown[], never>((db, arg) =>
  db
    .insertInto('jobs')
    .values(Object.fromEntries(JOB_COLUMNS.map((c, i) => [c, arg(i)])) as unknown as JobsTable)
    .onConflict((oc) => oc.column('id').doNothing()),
);

const isPostgres = (db: DbOrTx): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * Claims up to `limit` due jobs for `leaseMs`: counts the attempt and locks them until the lease ends,
 * so a worker that dies leaves its jobs to another once the lease is over.
 */
export async function claimDueJobs(db: DbOrTx, limit: number, leaseMs: number, now = new Date()): Promise<Job[]> {
  const at = now.toISOString();
  const lockedUntil = new Date(now.getTime() + leaseMs).toISOString();
  const due = (q: DbOrTx) =>
    q
      .selectFrom('jobs')
      .select('id')
      .where('done_at', 'is', null)
      .where('failed_at', 'is', null)
      .where('run_at', '<=', at)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', at)]))
      .orderBy('run_at')
      .orderBy('id')
      .limit(limit);
  if (isPostgres(db)) {
    // One statement (atomic on its own, no BEGIN/COMMIT): the due jobs locked (SKIP LOCKED: another
    // worker's claim in progress is passed over) in a CTE, which PostgreSQL runs once, then updated.
    const rows = await db
      .with('due', () => due(db).forUpdate().skipLocked())
      .updateTable('jobs')
      .from('due')
      .set((eb) => ({ locked_until: lockedUntil, attempts: eb('jobs.attempts', '+', 1) }))
      .whereRef('jobs.id', '=', 'due.id')
      .returningAll('jobs')
      .execute();
    return rows.sort((a, b) => (a.run_at < b.run_at ? -1 : a.run_at > b.run_at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(toJob);
  }
  const claim = async (trx: DbOrTx) => {
    const ids = (await due(trx).execute()).map((r) => r.id);
    if (ids.length === 0) return [];
    await trx
      .updateTable('jobs')
      .set((eb) => ({ locked_until: lockedUntil, attempts: eb('attempts', '+', 1) }))
      .where('id', 'in', ids)
      .execute();
    const rows = await trx.selectFrom('jobs').selectAll().where('id', 'in', ids).orderBy('run_at').orderBy('id').execute();
    return rows.map(toJob);
  };
  return db.isTransaction ? claim(db) : (db as Exclude<DbOrTx, { isTransaction: true }>).transaction().execute(claim);
}

/**
 * The claim a worker holds: the job's id and its attempt number, which every claim increments. That
 * number is the fencing token: a worker whose lease ran out and whose job was claimed again by another
 * worker holds an older attempt, so its renewal, completion or failure changes nothing.
 */
export type Lease = Pick<Job, 'id' | 'attempts'>;

const held = (db: DbOrTx, lease: Lease) =>
  db.updateTable('jobs').where('id', '=', lease.id).where('attempts', '=', lease.attempts).where('done_at', 'is', null).where('failed_at', 'is', null);

/** Extends the lease of a job still held (the worker's heartbeat); false when another worker has it now. */
export async function renewLease(db: DbOrTx, lease: Lease, leaseMs: number, now = new Date()): Promise<boolean> {
  const r = await held(db, lease).set({ locked_until: new Date(now.getTime() + leaseMs).toISOString() }).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Records the result of the attempt the lease holds; false (nothing written) when the lease was lost. */
export async function completeJob(db: DbOrTx, lease: Lease, result: unknown): Promise<boolean> {
  const r = await held(db, lease)
    .set({ done_at: nowIso(), locked_until: null, last_error: null, result: JSON.stringify(result ?? null) })
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Back-off after the n-th failed attempt: 30 s, 1 min, 2 min, … at most 6 h. */
export const retryDelayMs = (attempts: number): number => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 60 * 60 * 1000);

/** Records a failed attempt: due again after the back-off, or failed after the last one. False when the lease was lost. */
export async function failJob(db: DbOrTx, job: Lease & Pick<Job, 'maxAttempts'>, error: string, now = new Date()): Promise<boolean> {
  const lastError = error.slice(0, 1000);
  const r =
    job.attempts >= job.maxAttempts
      ? await held(db, job).set({ failed_at: now.toISOString(), locked_until: null, last_error: lastError }).executeTakeFirst()
      : await held(db, job)
          .set({ run_at: new Date(now.getTime() + retryDelayMs(job.attempts)).toISOString(), locked_until: null, last_error: lastError })
          .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function getJob(db: DbOrTx, id: string): Promise<Job | undefined> {
  const r = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toJob(r) : undefined;
}

/** A town's jobs, newest first, keyset-paginated on (created_at, id). */
export async function listTownJobs(
  db: DbOrTx,
  townId: string,
  opts: { kind?: string; status?: 'pending' | 'done' | 'failed'; before?: Keyset; limit?: number } = {},
): Promise<Job[]> {
  let q = db.selectFrom('jobs').selectAll().where('town_id', '=', townId);
  if (opts.kind) q = q.where('kind', '=', opts.kind);
  if (opts.status === 'done') q = q.where('done_at', 'is not', null);
  if (opts.status === 'failed') q = q.where('failed_at', 'is not', null);
  if (opts.status === 'pending') q = q.where('done_at', 'is', null).where('failed_at', 'is', null);
  if (opts.before) {
    const b = opts.before;
    q = q.where((eb) => eb.or([eb('created_at', '<', b.createdAt), eb.and([eb('created_at', '=', b.createdAt), eb('id', '<', b.id)])]));
  }
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(opts.limit ?? 50).execute();
  return rows.map(toJob);
}

export const jobStatus = (j: Job): 'pending' | 'done' | 'failed' => (j.doneAt ? 'done' : j.failedAt ? 'failed' : 'pending');

/**
 * Gives a failed job of the town another round of attempts, due now ("retry now" in the console).
 * Returns false when there is no such failed job.
 */
export async function retryFailedJob(db: DbOrTx, townId: string, id: string, now = new Date()): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set((eb) => ({ failed_at: null, run_at: now.toISOString(), locked_until: null, max_attempts: eb('attempts', '+', DEFAULT_MAX_ATTEMPTS) }))
    .where('id', '=', id)
    .where('town_id', '=', townId)
    .where('failed_at', 'is not', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
