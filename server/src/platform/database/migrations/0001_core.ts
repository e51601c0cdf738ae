// 0001: the foundation's tables. Landed: never edit; later changes are new migrations.
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('towns')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('name_fr', 'text', (c) => c.notNull())
      .addColumn('default_language', 'text', (c) => c.notNull().defaultTo('en'))
      .addColumn('site_origins', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('reference_prefix', 'text', (c) => c.notNull())
      .addColumn('timezone', 'text', (c) => c.notNull())
      .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('departments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id').onDelete('cascade'))
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('name_fr', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('departments_town_idx').on('departments').column('town_id').execute();

    await db.schema
      .createTable('services')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id').onDelete('cascade'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('name_fr', 'text', (c) => c.notNull())
      .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('description_fr', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('group_en', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('group_fr', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('keywords_en', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('keywords_fr', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('department_id', 'text', (c) => c.references('departments.id').onDelete('set null'))
      .addColumn('questions', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('target_days', 'integer')
      .addColumn('anonymous_allowed', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('services_town_code_uq', ['town_id', 'code'])
      .execute();

    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    await db.schema
      .createTable('requests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id').onDelete('cascade'))
      .addColumn('reference', 'text', (c) => c.notNull())
      .addColumn('service_id', 'text', (c) => c.notNull().references('services.id'))
      .addColumn('service_code', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('priority', 'text', (c) => c.notNull().defaultTo('normal'))
      .addColumn('department_id', 'text', (c) => c.references('departments.id').onDelete('set null'))
      .addColumn('assignee_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('location_text', 'text', (c) => c.notNull())
      .addColumn('lat', 'double precision')
      .addColumn('lng', 'double precision')
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('answers', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('idempotency_key', 'text')
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'text')
      .addUniqueConstraint('requests_town_reference_uq', ['town_id', 'reference'])
      .addUniqueConstraint('requests_town_idempotency_uq', ['town_id', 'idempotency_key'])
      .execute();
    await db.schema
      .createIndex('requests_town_status_created_idx')
      .on('requests')
      .columns(['town_id', 'status', 'created_at'])
      .execute();
    await db.schema.createIndex('requests_town_created_idx').on('requests').columns(['town_id', 'created_at']).execute();

    await db.schema
      .createTable('request_contacts')
      .addColumn('request_id', 'text', (c) => c.primaryKey().references('requests.id').onDelete('cascade'))
      .addColumn('name', 'text')
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('device_id', 'text')
      .addColumn('account_id', 'text')
      .execute();

    await db.schema
      .createTable('request_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id').onDelete('cascade'))
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('status', 'text')
      .addColumn('note', 'text')
      .addColumn('visibility', 'text', (c) => c.notNull())
      .addColumn('actor_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('request_events_request_idx')
      .on('request_events')
      .columns(['request_id', 'created_at'])
      .execute();

    await db.schema
      .createTable('reference_counters')
      .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id').onDelete('cascade'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('value', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('reference_counters_pk', ['town_id', 'year'])
      .execute();

    await db.schema
      .createTable('kb_categories')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id').onDelete('cascade'))
      .addColumn('slug_en', 'text', (c) => c.notNull())
      .addColumn('slug_fr', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('name_fr', 'text', (c) => c.notNull())
      .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('kb_categories_town_idx').on('kb_categories').column('town_id').execute();

    await db.schema
      .createTable('kb_articles')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id').onDelete('cascade'))
      .addColumn('category_id', 'text', (c) => c.references('kb_categories.id').onDelete('set null'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('kb_articles_town_status_idx').on('kb_articles').columns(['town_id', 'status']).execute();

    await db.schema
      .createTable('kb_article_versions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('article_id', 'text', (c) => c.notNull().references('kb_articles.id').onDelete('cascade'))
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('body_markdown', 'text', (c) => c.notNull())
      .addColumn('keywords', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('author_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('kb_article_versions_revision_uq', ['article_id', 'lang', 'revision'])
      .execute();

    await db.schema
      .createTable('user_town_roles')
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('user_town_roles_pk', ['user_id', 'town_id'])
      .execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();
    await db.schema.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute();

    await db.schema
      .createTable('api_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('key_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();

    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('town_id', 'text')
      .addColumn('actor_user_id', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('subject_type', 'text')
      .addColumn('subject_id', 'text')
      .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_log_town_created_idx').on('audit_log').columns(['town_id', 'created_at']).execute();

    await db.schema
      .createTable('rate_limit_buckets')
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('window_start', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('rate_limit_buckets_pk', ['key', 'window_start'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const t of [
      'rate_limit_buckets', 'audit_log', 'api_keys', 'sessions', 'user_town_roles', 'kb_article_versions',
      'kb_articles', 'kb_categories', 'reference_counters', 'request_events', 'request_contacts', 'requests',
      'users', 'services', 'departments', 'towns',
    ]) {
      await db.schema.dropTable(t).ifExists().execute();
    }
  },
};
