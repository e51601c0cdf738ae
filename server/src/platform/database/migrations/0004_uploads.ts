// 0004: residents' photos (issue 5). `uploads` holds what we know about each photo; the bytes live in
// `upload_bytes` when the server runs on PostgreSQL (so every instance sees them) and in files under
// DATA_DIR/uploads/ on SQLite, where upload_bytes stays empty. Photos are personal data: only the
// requests/photos/ module reads these tables. Landed: never edit; later changes are new migrations.
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('uploads')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id').onDelete('cascade'))
      // A deleted request leaves its photos unattached; the next orphan sweep of the town removes them.
      .addColumn('request_id', 'text', (c) => c.references('requests.id').onDelete('set null'))
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('bytes', 'integer', (c) => c.notNull())
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('height', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('attached_at', 'text')
      .execute();
    await db.schema.createIndex('uploads_request_idx').on('uploads').column('request_id').execute();
    await db.schema.createIndex('uploads_town_orphan_idx').on('uploads').columns(['town_id', 'request_id', 'created_at']).execute();

    // bytea on PostgreSQL; SQLite accepts the name and stores the value as a BLOB.
    await db.schema
      .createTable('upload_bytes')
      .addColumn('upload_id', 'text', (c) => c.primaryKey().references('uploads.id').onDelete('cascade'))
      .addColumn('data', 'bytea', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('upload_bytes').ifExists().execute();
    await db.schema.dropTable('uploads').ifExists().execute();
  },
};
