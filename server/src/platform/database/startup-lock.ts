// What a starting instance does once (seed an empty database, add the configured admin and API keys) runs
// under one PostgreSQL advisory lock, so instances started at the same moment on one database take turns:
// the first seeds, the others find the town there. (Migrations have Kysely's own lock.) On SQLite there is
// one process, and the lock is not needed.
import { PostgresAdapter, sql } from 'kysely';
import type { Db } from './schema.ts';

/** An arbitrary 64-bit key naming MuniKit's start-up work among the database's advisory locks. */
const STARTUP_LOCK_KEY = 7_246_581_903_114_027n;

export async function withStartupLock<T>(db: Db, work: (db: Db) => Promise<T>): Promise<T> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return work(db);
  return db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${STARTUP_LOCK_KEY.toString()}::bigint)`.execute(conn);
    try {
      return await work(conn);
    } finally {
      await sql`SELECT pg_advisory_unlock(${STARTUP_LOCK_KEY.toString()}::bigint)`.execute(conn);
    }
  });
}
