import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import type { Database } from './schema.ts';
import { openSqlite, sqliteAdapter } from './node-sqlite-adapter.ts';
import { durableSqliteDialect } from './sqlite-durable.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Human-readable location for logs (never includes a password). */
  location: string;
}

export function createSqliteDatabase(filename: string): DatabaseHandle {
  if (filename !== ':memory:') fs.mkdirSync(path.dirname(filename), { recursive: true });
  const raw = openSqlite(filename);
  // Commits wait for an fsync of the WAL off the event loop (sqlite-durable.ts), as durable as synchronous=FULL.
  const db = new Kysely<Database>({ dialect: durableSqliteDialect(raw, sqliteAdapter(raw), filename) });
  return { db, dialect: 'sqlite', location: filename };
}

export function createPostgresDatabase(connectionString: string, poolOptions: pg.PoolConfig = {}): DatabaseHandle {
  const pool = new pg.Pool({ connectionString, max: 10, ...poolOptions });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const url = new URL(connectionString);
  return { db, dialect: 'postgres', location: `${url.protocol}//${url.host}${url.pathname}` };
}

export function createDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): DatabaseHandle {
  if (config.databaseUrl) return createPostgresDatabase(config.databaseUrl);
  return createSqliteDatabase(path.join(config.dataDir, 'munikit.sqlite'));
}
