// 0006: the outbox. One table of jobs (emails, and later webhooks and retention work), claimed by
// the worker in platform/jobs, retried with back-off, readable by a town's admins.
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('jobs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('town_id', 'text', (c) => c.references('towns.id').onDelete('cascade'))
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('run_at', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(8))
      .addColumn('last_error', 'text')
      .addColumn('locked_until', 'text')
      .addColumn('done_at', 'text')
      .addColumn('failed_at', 'text')
      .addColumn('result', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('jobs_due_idx').on('jobs').columns(['done_at', 'failed_at', 'run_at']).execute();
    await db.schema.createIndex('jobs_town_created_idx').on('jobs').columns(['town_id', 'created_at', 'id']).execute();
  },
};
