// 0002: intake. Landed: never edit; later changes are new migrations.
// - requests.idempotency_hash: SHA-256 of the canonical body filed under an Idempotency-Key, so a
//   reused key with a different body is refused instead of answered with the first request.
// - request_events.details: JSON (as text) about an event for the staff timeline, e.g. the routing
//   decision of a `routed` event.
// - routing_rules: the town's rules that set a new request's priority and assignee.
// - rate_limit_buckets: an index for the sweep of ended windows.
// References change format (random, see requests/references.ts); old ones stay as they are, and
// reference_counters is no longer written.
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('requests').addColumn('idempotency_hash', 'text').execute();
    await db.schema.alterTable('request_events').addColumn('details', 'text').execute();

    await db.schema
      .createTable('routing_rules')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
      // Conditions (all given ones must match; a rule without conditions matches every request).
      .addColumn('service_codes', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('words', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('address_contains', 'text')
      .addColumn('near_lat', 'double precision')
      .addColumn('near_lng', 'double precision')
      .addColumn('near_metres', 'integer')
      // Outcome (NULL: keep the default: the service's department, priority normal, nobody assigned).
      .addColumn('priority', 'text')
      .addColumn('department_id', 'text', (c) => c.references('departments.id').onDelete('set null'))
      .addColumn('assignee_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('routing_rules_town_position_idx').on('routing_rules').columns(['town_id', 'position']).execute();

    await db.schema.createIndex('rate_limit_buckets_window_idx').on('rate_limit_buckets').column('window_start').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('rate_limit_buckets_window_idx').ifExists().execute();
    await db.schema.dropTable('routing_rules').ifExists().execute();
    await db.schema.alterTable('request_events').dropColumn('details').execute();
    await db.schema.alterTable('requests').dropColumn('idempotency_hash').execute();
  },
};
