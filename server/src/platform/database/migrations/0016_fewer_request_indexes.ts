// 0016: two indexes of 0001 that the inbox indexes of 0014 repeat with `id` added, dropped. Every
// index is written on every filing; these two answered nothing the longer ones do not:
//   requests_town_status_created_idx (town_id, status, created_at)  ⊂ requests_inbox_status_idx
//   requests_town_created_idx        (town_id, created_at)          ⊂ requests_inbox_created_idx
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.dropIndex('requests_town_status_created_idx').ifExists().execute();
    await db.schema.dropIndex('requests_town_created_idx').ifExists().execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.createIndex('requests_town_status_created_idx').on('requests').columns(['town_id', 'status', 'created_at']).execute();
    await db.schema.createIndex('requests_town_created_idx').on('requests').columns(['town_id', 'created_at']).execute();
  },
};
