// 0015: the inbox at 100,000 requests, due dates in working days, accent-insensitive search.
// - Due dates: the insert triggers of 0014 (calendar days and hours in UTC) are gone; the app computes
//   requests.due_at / ack_due_at from working days in the town's time zone (requests/service-targets.ts)
//   when it files a request and when targets or the town's calendar change. Existing rows recomputed.
// - Open requests: partial indexes (status IN the open statuses, written as literals so SQLite and
//   PostgreSQL match them to the inbox's queries). requests_inbox_open_idx answers "open" and
//   "overdue" newest first and their capped counts from the index alone (the overdue test reads
//   status, due_at and ack_due_at from it); requests_inbox_open_due_idx the "due date" sort of open
//   requests, which otherwise walked every closed request with a due date.
// - PostgreSQL search: the tsvector is built from accent-folded text, and queries are folded the same
//   way, so "deneigement" finds "déneigement" and back (SQLite's FTS5 folds with remove_diacritics).
//   munikit_fold(text) uses the `unaccent` extension when it exists or can be created here (it is a
//   trusted extension: any user with CREATE on the database may create it), else translate() over the
//   accented Latin letters (every French one). Declared IMMUTABLE so a generated column may use it:
//   true of translate(), and of unaccent as long as its rules file is not edited (then rebuild the
//   column with UPDATE … or a REINDEX; the standard wrapper pattern).
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Database } from '../schema.ts';
import { recomputeDueDates } from '../../../requests/service-targets.ts';

const OPEN = "status IN ('received', 'acknowledged', 'in_progress', 'on_hold')";
const NO_DUE = "'9999-12-31T00:00:00.000Z'";

/** Accented Latin letters and their bases, for translate() (Latin-1 and Latin Extended-A). */
export function foldTable(): { from: string; to: string } {
  let from = '';
  let to = '';
  for (let c = 0xc0; c <= 0x17f; c++) {
    const ch = String.fromCodePoint(c);
    const base = ch.normalize('NFD').replace(/\p{M}+/gu, '');
    if (base !== ch && base.length === 1 && /[A-Za-z]/.test(base)) {
      from += ch;
      to += base;
    }
  }
  return { from, to };
}

export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    const pg = db.getExecutor().adapter instanceof PostgresAdapter;
    if (pg) {
      await sql`DROP TRIGGER requests_set_due ON requests`.execute(db);
      await sql`DROP FUNCTION requests_set_due()`.execute(db);
    } else {
      await sql`DROP TRIGGER requests_set_due`.execute(db);
    }
    const towns = await sql<{ id: string }>`SELECT id FROM towns`.execute(db);
    for (const t of towns.rows) await recomputeDueDates(db as unknown as Kysely<Database>, t.id);

    await sql.raw(`CREATE INDEX requests_inbox_open_idx ON requests (town_id, created_at, id, status, due_at, ack_due_at) WHERE ${OPEN}`).execute(db);
    await sql.raw(`CREATE INDEX requests_inbox_open_due_idx ON requests (town_id, (COALESCE(due_at, ${NO_DUE})), id) WHERE ${OPEN}`).execute(db);

    if (pg) {
      // A failed CREATE EXTENSION (not installed, no right) is caught inside the block, so the
      // migration's transaction goes on with the fallback.
      await sql`
        DO $$ BEGIN
          CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
        EXCEPTION WHEN OTHERS THEN
          RAISE NOTICE 'unaccent not available (%): accents folded with translate()', SQLERRM;
        END $$`.execute(db);
      const ext = await sql<{ schema: string }>`
        SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'unaccent'`.execute(db);
      const schema = ext.rows[0]?.schema;
      if (schema) {
        const q = `"${schema.replace(/"/g, '""')}"`;
        await sql.raw(`
          CREATE FUNCTION munikit_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
          AS $f$ SELECT ${q}.unaccent('${q}.unaccent'::regdictionary, t) $f$`).execute(db);
      } else {
        const { from, to } = foldTable();
        await sql.raw(`
          CREATE FUNCTION munikit_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
          AS $f$ SELECT translate(t, '${from}', '${to}') $f$`).execute(db);
      }
      await sql`DROP INDEX requests_search_idx`.execute(db);
      await sql`ALTER TABLE requests DROP COLUMN search`.execute(db);
      await sql`
        ALTER TABLE requests ADD COLUMN search tsvector GENERATED ALWAYS AS (
          to_tsvector('simple', munikit_fold(translate(reference, '-', ' ') || ' ' || description || ' ' || location_text))
        ) STORED`.execute(db);
      await sql`CREATE INDEX requests_search_idx ON requests USING GIN (search)`.execute(db);
    }
  },
};
