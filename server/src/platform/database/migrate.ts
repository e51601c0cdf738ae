// Runs the migrations in platform/database/migrations/ on either dialect. Each file there is one
// forward-only migration named NNNN_name.ts and exporting `migration`; add a file, then list it below.
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import type { Database } from './schema.ts';
import { migration as m0001 } from './migrations/0001_core.ts';
import { migration as m0002 } from './migrations/0002_intake.ts';
import { migration as m0004 } from './migrations/0004_uploads.ts';
import { migration as m0005 } from './migrations/0005_accounts.ts';
import { migration as m0006 } from './migrations/0006_jobs.ts';
import { migration as m0007 } from './migrations/0007_sso.ts';
import { migration as m0010 } from './migrations/0010_kb_publishing.ts';
import { migration as m0011 } from './migrations/0011_request_tracking.ts';
import { migration as m0012 } from './migrations/0012_tracker.ts';
import { migration as m0013 } from './migrations/0013_notifications.ts';
import { migration as m0014 } from './migrations/0014_staff_inbox.ts';
import { migration as m0015 } from './migrations/0015_inbox_targets_search.ts';
import { migration as m0016 } from './migrations/0016_fewer_request_indexes.ts';

export const migrations: Record<string, Migration> = {
  '0001_core': m0001,
  '0002_intake': m0002,
  '0004_uploads': m0004,
  '0005_accounts': m0005,
  '0006_jobs': m0006,
  '0007_sso': m0007,
  '0010_kb_publishing': m0010,
  '0011_request_tracking': m0011,
  '0012_tracker': m0012,
  '0013_notifications': m0013,
  '0014_staff_inbox': m0014,
  '0015_inbox_targets_search': m0015,
  '0016_fewer_request_indexes': m0016,
};
class InCodeMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

/**
 * The migrator over our migrations. On PostgreSQL its bookkeeping tables live in the connection's
 * current schema, named explicitly: Kysely otherwise takes a `kysely_migration_lock` in any schema of
 * the database for its own (several schemas on one server — other tenants, parallel test runs — then
 * make it skip creating its table and fail).
 */
export async function createMigrator(db: Kysely<Database>): Promise<Migrator> {
  const raw = db as unknown as Kysely<unknown>;
  let migrationTableSchema: string | undefined;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const r = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(raw);
    migrationTableSchema = r.rows[0]?.schema;
  }
  // Migrations see the schema as it was when they were written, not today's row types.
  return new Migrator({ db: raw, provider: new InCodeMigrationProvider(), migrationTableSchema });
}

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = await createMigrator(db);
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
