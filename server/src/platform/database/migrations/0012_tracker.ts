// 0012: the public tracker, subscriptions and duplicates at the door.
// - requests.followers: residents who said "this is my problem too" (a count, no personal data).
// - requests_nearby_idx: open requests of one service near a point are found by a bounding box on
//   (lat, lng) within the town and service (see requests/nearby-store.ts).
// - request_subscribers.confirm_sent_at: when the current confirm link was sent (it expires after 7 days).
// - server_secrets: secrets the server makes itself on first use and every instance shares (the HMAC
//   keys of links in residents' emails; platform/database/server-secrets.ts). Never shown in any answer.
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('requests')
      .addColumn('followers', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('requests_nearby_idx').on('requests').columns(['town_id', 'service_code', 'lat', 'lng']).execute();
    await db.schema.alterTable('request_subscribers').addColumn('confirm_sent_at', 'text').execute();
    await db.schema
      .createTable('server_secrets')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
};
