// 0005: staff accounts. Roles become admin | editor | agent | viewer (staff → agent), with the
// departments an agent works for; passwords move to their own table so an account can exist without
// one (single sign-on later); the user's language; single-use tokens for invitations and resets.
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`UPDATE user_town_roles SET role = 'agent' WHERE role = 'staff'`.execute(db);
    await db.schema
      .alterTable('user_town_roles')
      .addColumn('department_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
    await db.schema.createIndex('user_town_roles_town_idx').on('user_town_roles').column('town_id').execute();

    await db.schema
      .createTable('password_credentials')
      .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await sql`INSERT INTO password_credentials (user_id, password_hash, updated_at)
              SELECT id, password_hash, created_at FROM users`.execute(db);
    await db.schema.alterTable('users').dropColumn('password_hash').execute();
    await db.schema.alterTable('users').addColumn('language', 'text').execute();

    await db.schema
      .createTable('auth_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey()) // SHA-256 of the token sent by email
      .addColumn('purpose', 'text', (c) => c.notNull()) // 'password_reset' | 'invitation'
      .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('town_id', 'text', (c) => c.references('towns.id').onDelete('cascade'))
      .addColumn('role', 'text')
      .addColumn('department_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
    await db.schema.createIndex('auth_tokens_town_idx').on('auth_tokens').columns(['town_id', 'purpose']).execute();
    await db.schema.createIndex('auth_tokens_user_idx').on('auth_tokens').column('user_id').execute();

    await db.schema.createIndex('audit_log_town_created_id_idx').on('audit_log').columns(['town_id', 'created_at', 'id']).execute();
    await db.schema.createIndex('audit_log_subject_idx').on('audit_log').columns(['subject_type', 'subject_id']).execute();
  },
};
