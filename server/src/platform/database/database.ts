import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import type { Database } from './schema.ts';
import { openSqlite, sqliteAdapter } from './node-sqlite-adapter.ts';

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
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqliteAdapter(raw) }) });
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
