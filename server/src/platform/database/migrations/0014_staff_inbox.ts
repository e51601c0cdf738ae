// 0014: the staff inbox, the request page and reports.
// - requests.version: optimistic concurrency (a change names the version it was made on; a stale one
//   answers 409 with the current state).
// - services.ack_target_hours (time to acknowledge; 48 by default) beside the existing target_days
//   (time to close, calendar days). requests.ack_due_at / due_at: the targets applied to the filing
//   time, set by a trigger on insert whatever path files the request (intake, Open311, seed, bench),
//   recomputed by the staff store when an admin changes a service's targets. Indexed: overdue
//   filter and "due date" sort.
// - Full-text search over reference, description and location text: an FTS5 table kept by triggers
//   on SQLite; a generated tsvector column with a GIN index on PostgreSQL.
// - Keyset indexes on (sort key, id) for the inbox's sorts and common filters.
// - response_templates: texts agents insert into a note (per service, or any service).
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    const pg = db.getExecutor().adapter instanceof PostgresAdapter;
    await db.schema.alterTable('requests').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
    await db.schema.alterTable('requests').addColumn('ack_due_at', 'text').execute();
    await db.schema.alterTable('requests').addColumn('due_at', 'text').execute();
    await db.schema.alterTable('services').addColumn('ack_target_hours', 'integer', (c) => c.defaultTo(48)).execute();

    if (pg) {
      await sql`
        CREATE FUNCTION requests_set_due() RETURNS trigger AS $$
        BEGIN
          SELECT
            CASE WHEN s.target_days IS NULL THEN NULL ELSE to_char((NEW.created_at::timestamptz + make_interval(days => s.target_days)) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') END,
            CASE WHEN s.ack_target_hours IS NULL THEN NULL ELSE to_char((NEW.created_at::timestamptz + make_interval(hours => s.ack_target_hours)) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') END
          INTO NEW.due_at, NEW.ack_due_at
          FROM services s WHERE s.id = NEW.service_id;
          RETURN NEW;
        END $$ LANGUAGE plpgsql`.execute(db);
      await sql`CREATE TRIGGER requests_set_due BEFORE INSERT ON requests FOR EACH ROW EXECUTE FUNCTION requests_set_due()`.execute(db);
      await sql`
        UPDATE requests r SET
          due_at = CASE WHEN s.target_days IS NULL THEN NULL ELSE to_char((r.created_at::timestamptz + make_interval(days => s.target_days)) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') END,
          ack_due_at = CASE WHEN s.ack_target_hours IS NULL THEN NULL ELSE to_char((r.created_at::timestamptz + make_interval(hours => s.ack_target_hours)) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') END
        FROM services s WHERE s.id = r.service_id`.execute(db);
      await sql`
        ALTER TABLE requests ADD COLUMN search tsvector GENERATED ALWAYS AS (
          to_tsvector('simple', translate(reference, '-', ' ') || ' ' || description || ' ' || location_text)
        ) STORED`.execute(db);
      await sql`CREATE INDEX requests_search_idx ON requests USING GIN (search)`.execute(db);
    } else {
      const due = (row: string) => sql.raw(`
          due_at = (SELECT CASE WHEN s.target_days IS NULL THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%fZ', ${row}.created_at, '+' || s.target_days || ' days') END FROM services s WHERE s.id = ${row}.service_id),
          ack_due_at = (SELECT CASE WHEN s.ack_target_hours IS NULL THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%fZ', ${row}.created_at, '+' || s.ack_target_hours || ' hours') END FROM services s WHERE s.id = ${row}.service_id)`);
      await sql`CREATE TRIGGER requests_set_due AFTER INSERT ON requests BEGIN UPDATE requests SET ${due('NEW')} WHERE id = NEW.id; END`.execute(db);
      await sql`UPDATE requests SET ${due('requests')}`.execute(db);
      await sql`CREATE VIRTUAL TABLE requests_fts USING fts5(request_id UNINDEXED, reference, description, location_text, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
      await sql`
        CREATE TRIGGER requests_fts_insert AFTER INSERT ON requests BEGIN
          INSERT INTO requests_fts (request_id, reference, description, location_text) VALUES (NEW.id, NEW.reference, NEW.description, NEW.location_text);
        END`.execute(db);
      await sql`
        CREATE TRIGGER requests_fts_delete AFTER DELETE ON requests BEGIN
          DELETE FROM requests_fts WHERE request_id = OLD.id;
        END`.execute(db);
      await sql`
        CREATE TRIGGER requests_fts_update AFTER UPDATE OF reference, description, location_text ON requests BEGIN
          DELETE FROM requests_fts WHERE request_id = OLD.id;
          INSERT INTO requests_fts (request_id, reference, description, location_text) VALUES (NEW.id, NEW.reference, NEW.description, NEW.location_text);
        END`.execute(db);
      await sql`INSERT INTO requests_fts (request_id, reference, description, location_text) SELECT id, reference, description, location_text FROM requests`.execute(db);
    }

    const idx = (name: string, columns: string[]) => db.schema.createIndex(name).on('requests').columns(columns).execute();
    await idx('requests_inbox_created_idx', ['town_id', 'created_at', 'id']);
    await idx('requests_inbox_status_idx', ['town_id', 'status', 'created_at', 'id']);
    await idx('requests_inbox_department_idx', ['town_id', 'department_id', 'created_at', 'id']);
    await idx('requests_inbox_service_idx', ['town_id', 'service_id', 'created_at', 'id']);
    await idx('requests_inbox_assignee_idx', ['town_id', 'assignee_user_id', 'created_at', 'id']);
    // The "due date" sort: requests without a target last on both databases (NULLs sort differently).
    await sql`CREATE INDEX requests_inbox_due_idx ON requests (town_id, (COALESCE(due_at, '9999-12-31T00:00:00.000Z')), id)`.execute(db);
    // Overdue: (open AND due_at < now) OR (received AND ack_due_at < now), one index per branch.
    await idx('requests_inbox_status_due_idx', ['town_id', 'status', 'due_at']);
    await idx('requests_inbox_status_ack_idx', ['town_id', 'status', 'ack_due_at']);
    await idx('requests_inbox_closed_idx', ['town_id', 'closed_at']);
    await db.schema.createIndex('request_events_type_idx').on('request_events').columns(['request_id', 'type', 'created_at']).execute();

    await db.schema
      .createTable('response_templates')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id').onDelete('cascade'))
      .addColumn('service_code', 'text') // NULL: any service
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('text_en', 'text')
      .addColumn('text_fr', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('response_templates_town_idx').on('response_templates').columns(['town_id', 'service_code']).execute();
  },
};
