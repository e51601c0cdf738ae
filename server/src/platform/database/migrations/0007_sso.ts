// 0007: two-factor sign-in (TOTP) and single sign-on (OpenID Connect).
// - totp_credentials: one authenticator per user; confirmed_at is NULL while enrolment waits for a
//   first code; last_step is the last accepted 30-second step, so a code is never accepted twice.
// - recovery_codes: single-use, only their SHA-256 stored.
// - pending_logins: the short-lived, single-use token between a right password and a right code.
// - oidc_providers: one OpenID provider per town (client secret stored, never returned).
// - oidc_states: state / nonce / PKCE verifier of a sign-in in progress (single use, expiring).
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('totp_credentials')
      .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('confirmed_at', 'text')
      .addColumn('last_step', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('recovery_codes')
      .addColumn('id', 'text', (c) => c.primaryKey()) // SHA-256 of user id and code
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
    await db.schema.createIndex('recovery_codes_user_idx').on('recovery_codes').column('user_id').execute();

    await db.schema
      .createTable('pending_logins')
      .addColumn('id', 'text', (c) => c.primaryKey()) // SHA-256 of the token given to the browser
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('method', 'text', (c) => c.notNull()) // the first step: 'password' | 'sso'
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();

    await db.schema
      .createTable('oidc_providers')
      .addColumn('town_id', 'text', (c) => c.primaryKey().references('towns.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('issuer', 'text', (c) => c.notNull())
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('client_secret', 'text', (c) => c.notNull())
      .addColumn('allowed_domains', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('default_role', 'text', (c) => c.notNull())
      .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('oidc_states')
      .addColumn('id', 'text', (c) => c.primaryKey()) // SHA-256 of the state parameter
      .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id').onDelete('cascade'))
      .addColumn('nonce', 'text', (c) => c.notNull())
      .addColumn('code_verifier', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
  },
};
