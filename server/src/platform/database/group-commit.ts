// Group commit for SQLite. Every COMMIT costs one disk flush (sqlite-durable.ts answers it only after
// an fsync of the WAL), and SQLite has one writer: concurrent writers that each commit alone pay one
// flush each, one after the other. Here, transaction callbacks that
// arrive together run in ONE SQLite transaction, each inside its own SAVEPOINT (a callback that throws
// is rolled back to its savepoint and rejected; the others are kept), and every promise settles only
// after the COMMIT has returned: no caller hears "done" before its rows are durable, and if the COMMIT
// fails, every callback in the batch is rejected.
//
// Nothing waits on a timer: a batch starts as soon as the connection is free and takes whatever
// arrived meanwhile, so a lone writer commits at once and a crowd shares flushes.
//
// PostgreSQL already commits concurrent transactions together (and runs them on several pooled
// connections), so there inTransaction() is exactly db.transaction().execute(fn).
import { type Kysely, SqliteAdapter, sql, type Transaction } from 'kysely';

/** At most this many callbacks share one COMMIT (bounds the latency a batch adds to its last member). */
export const MAX_GROUP_SIZE = 64;

interface Pending<DB> {
  fn: (trx: Transaction<DB>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

interface Group<DB> {
  queue: Pending<DB>[];
  running: boolean;
}

const groups = new WeakMap<object, unknown>();

export function isSqlite(db: Kysely<unknown> | Kysely<never>): boolean {
  return (db as Kysely<unknown>).getExecutor().adapter instanceof SqliteAdapter;
}

/**
 * Runs `fn` in a transaction and resolves with its result once that transaction is committed. On
 * SQLite, concurrent calls on the same `db` may share one transaction (group commit), each in its own
 * savepoint; `fn` must do all its work through `trx` and must not start another transaction. Given a
 * transaction, runs `fn` in it (its outcome is then that transaction's).
 */
export function inTransaction<DB, T>(db: Kysely<DB>, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<DB>);
  if (!isSqlite(db as Kysely<unknown>)) return db.transaction().execute(fn);
  let group = groups.get(db) as Group<DB> | undefined;
  if (!group) {
    group = { queue: [], running: false };
    groups.set(db, group);
  }
  const g = group;
  return new Promise<T>((resolve, reject) => {
    g.queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
    if (!g.running) {
      g.running = true;
      startGroup(db, g);
    }
  });
}

/**
 * One turn of the event loop first: the requests parsed in this turn run their reads (synchronous on
 * node:sqlite) and reach inTransaction() too, so they join this group instead of queueing behind it.
 */
function startGroup<DB>(db: Kysely<DB>, g: Group<DB>) {
  setImmediate(() => {
    void runOneGroup(db, g).finally(() => {
      if (g.queue.length > 0) startGroup(db, g);
      else g.running = false;
    });
  });
}

async function runOneGroup<DB>(db: Kysely<DB>, g: Group<DB>): Promise<void> {
  const taken: { p: Pending<DB>; ok: boolean; value: unknown }[] = [];
  try {
    await db.transaction().execute(async (trx) => {
      // Taken once the connection is ours, and again after each callback: whoever arrived while we
      // waited or worked joins this COMMIT.
      while (g.queue.length > 0 && taken.length < MAX_GROUP_SIZE) {
        const t = { p: g.queue.shift()!, ok: false, value: undefined as unknown };
        taken.push(t);
        const name = `group_commit_${taken.length}`;
        await sql.raw(`SAVEPOINT ${name}`).execute(trx);
        try {
          t.value = await t.p.fn(trx);
          t.ok = true;
        } catch (err) {
          t.value = err;
          await sql.raw(`ROLLBACK TO ${name}`).execute(trx);
        }
        await sql.raw(`RELEASE ${name}`).execute(trx);
      }
    });
  } catch (err) {
    // BEGIN, a savepoint command or the COMMIT failed: nothing of this group is stored.
    for (const t of taken) t.p.reject(err);
    return;
  }
  for (const t of taken) (t.ok ? t.p.resolve : t.p.reject)(t.value);
}
