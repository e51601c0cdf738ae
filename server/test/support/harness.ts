import pg from 'pg';
import { createApp } from '../../src/app.ts';
import { ensureAdmin } from '../../src/accounts/bootstrap.ts';
import { loadConfig, type Config } from '../../src/platform/config.ts';
import { createPostgresDatabase, createSqliteDatabase, type DatabaseHandle } from '../../src/platform/database/database.ts';
import { migrateToLatest } from '../../src/platform/database/migrate.ts';
import { seedTown } from '../../src/seed/seed.ts';
import { testTown } from './test-town.ts';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

export const ADMIN = { email: 'admin@testville.example', password: 'a long test password' };

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ COOKIE_SECURE: 'false', SEED_DEMO: 'false', LOG_LEVEL: 'silent', DATA_DIR: '/tmp/munikit-unused', ...overrides });
}

export interface TestDb extends DatabaseHandle {
  cleanup: () => Promise<void>;
}

export async function openSqliteTestDb(): Promise<TestDb> {
  const handle = createSqliteDatabase(':memory:');
  return { ...handle, cleanup: () => handle.db.destroy() };
}

/** A fresh schema on the test PostgreSQL server, dropped by cleanup(). */
export async function openPostgresTestDb(url: string): Promise<TestDb> {
  const schema = `test_${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const handle = createPostgresDatabase(url, { options: `-c search_path=${schema}`, max: 5 });
  return {
    ...handle,
    cleanup: async () => {
      await handle.db.destroy();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

export const dialects: { name: 'sqlite' | 'postgres'; open: () => Promise<TestDb>; skip: boolean }[] = [
  { name: 'sqlite', open: openSqliteTestDb, skip: false },
  { name: 'postgres', open: () => openPostgresTestDb(TEST_DATABASE_URL!), skip: !TEST_DATABASE_URL },
];

/** Migrated, seeded database with an admin, and the app on top of it. */
export async function createTestApp(opts: { db?: TestDb; config?: Record<string, string> } = {}) {
  const tdb = opts.db ?? (await openSqliteTestDb());
  await migrateToLatest(tdb.db);
  await seedTown(tdb.db, testTown);
  await ensureAdmin(tdb.db, ADMIN.email, ADMIN.password, 'Test Admin');
  const config = testConfig(opts.config);
  const app = createApp({ db: tdb.db, config });
  return { app, db: tdb.db, config, cleanup: tdb.cleanup };
}
