// Runs the migrations in platform/database/migrations/ on either dialect. Each file there is one
// forward-only migration named NNNN_name.ts and exporting `migration`; add a file, then list it below.
import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import type { Database } from './schema.ts';
import { migration as m0001 } from './migrations/0001_core.ts';
import { migration as m0005 } from './migrations/0005_accounts.ts';
import { migration as m0006 } from './migrations/0006_jobs.ts';

export const migrations: Record<string, Migration> = {
  '0001_core': m0001,
  '0005_accounts': m0005,
  '0006_jobs': m0006,
};
class InCodeMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  // Migrations see the schema as it was when they were written, not today's row types.
  const migrator = new Migrator({ db: db as unknown as Kysely<unknown>, provider: new InCodeMigrationProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
