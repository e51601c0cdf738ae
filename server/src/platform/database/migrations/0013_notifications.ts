// 0013: notifications and webhooks.
// - webhooks: a town's outgoing webhooks (url, signing secret, events JSON, active).
// - webhook_deliveries: the log of each attempt (status code, duration, error), for admins.
// - request_fix_answers.token_hash: "did we fix it?" records one answer per emailed link.
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('webhooks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id').onDelete('cascade'))
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('events', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('webhooks_town_idx').on('webhooks').columns(['town_id', 'created_at']).execute();

    await db.schema
      .createTable('webhook_deliveries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id').onDelete('cascade'))
      .addColumn('webhook_id', 'text', (c) => c.notNull().references('webhooks.id').onDelete('cascade'))
      .addColumn('job_id', 'text', (c) => c.notNull())
      .addColumn('event', 'text', (c) => c.notNull())
      .addColumn('status_code', 'integer')
      .addColumn('duration_ms', 'integer', (c) => c.notNull())
      .addColumn('error', 'text')
      .addColumn('attempt', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('webhook_deliveries_webhook_idx').on('webhook_deliveries').columns(['webhook_id', 'created_at']).execute();

    await db.schema.alterTable('request_fix_answers').addColumn('token_hash', 'text').execute();
    await db.schema.createIndex('request_fix_answers_token_idx').on('request_fix_answers').column('token_hash').unique().execute();
  },
};
