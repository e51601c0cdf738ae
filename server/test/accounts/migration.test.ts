// Migration 0005 on a database that already has staff (SQLite, and PostgreSQL when configured):
// the role `staff` becomes `agent`, and password hashes move to password_credentials untouched.
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigrator, migrateToLatest } from '../../src/platform/database/migrate.ts';
import { dialects, openPostgresTestDb, TEST_DATABASE_URL, type TestDb } from '../support/harness.ts';

for (const dialect of dialects) {
  describe.skipIf(dialect.skip)(`migration 0005 on ${dialect.name}`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await dialect.open();
    });
    afterAll(async () => {
      await t?.cleanup();
    });

    it('turns staff into agents and keeps every password', async () => {
      const raw = t.db as unknown as Kysely<unknown>;
      const migrator = await createMigrator(t.db);
      const first = await migrator.migrateTo('0001_core');
      expect(first.error).toBeUndefined();
      const now = new Date().toISOString();
      await sql`INSERT INTO towns (id, name_en, name_fr, reference_prefix, timezone, created_at)
                VALUES ('t1', 'T', 'T', 'TT', 'UTC', ${now})`.execute(raw);
      for (const [id, role] of [['u1', 'staff'], ['u2', 'admin'], ['u3', 'viewer']] as const) {
        await sql`INSERT INTO users (id, email, name, password_hash, created_at, disabled)
                  VALUES (${id}, ${id + '@x.example'}, ${id}, ${'scrypt$16384$8$1$salt-' + id + '$hash'}, ${now}, 0)`.execute(raw);
        await sql`INSERT INTO user_town_roles (user_id, town_id, role) VALUES (${id}, 't1', ${role})`.execute(raw);
      }

      await migrateToLatest(t.db);

      const roles = await t.db.selectFrom('user_town_roles').select(['user_id', 'role', 'department_ids']).orderBy('user_id').execute();
      expect(roles).toEqual([
        { user_id: 'u1', role: 'agent', department_ids: '[]' },
        { user_id: 'u2', role: 'admin', department_ids: '[]' },
        { user_id: 'u3', role: 'viewer', department_ids: '[]' },
      ]);
      const creds = await t.db.selectFrom('password_credentials').select(['user_id', 'password_hash']).orderBy('user_id').execute();
      expect(creds.map((c) => c.password_hash)).toEqual(['scrypt$16384$8$1$salt-u1$hash', 'scrypt$16384$8$1$salt-u2$hash', 'scrypt$16384$8$1$salt-u3$hash']);
      const user = await t.db.selectFrom('users').selectAll().where('id', '=', 'u1').executeTakeFirstOrThrow();
      expect(user).not.toHaveProperty('password_hash');
      expect(user.language).toBeNull();
    });
  });
}

describe.skipIf(!TEST_DATABASE_URL)('migrations in two schemas of one PostgreSQL server', () => {
  it('keep their bookkeeping apart (another schema’s kysely_migration_lock is not ours)', async () => {
    const a = await openPostgresTestDb(TEST_DATABASE_URL!);
    const b = await openPostgresTestDb(TEST_DATABASE_URL!);
    try {
      await migrateToLatest(a.db);
      expect((await migrateToLatest(b.db)).length).toBeGreaterThan(0);
      expect(await migrateToLatest(b.db)).toEqual([]);
    } finally {
      await a.cleanup();
      await b.cleanup();
    }
  });
});
