// Migration 0011 on a database that already has public notes (SQLite, and PostgreSQL when
// configured): each public note moves to the column of its town's language; internal notes stay.
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigrator, migrateToLatest } from '../../src/platform/database/migrate.ts';
import { dialects, type TestDb } from '../support/harness.ts';

for (const dialect of dialects) {
  describe.skipIf(dialect.skip)(`migration 0011 on ${dialect.name}`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await dialect.open();
    });
    afterAll(async () => {
      await t?.cleanup();
    });

    it('moves public notes to their town language and leaves internal notes alone', async () => {
      const raw = t.db as unknown as Kysely<unknown>;
      const migrator = await createMigrator(t.db);
      expect((await migrator.migrateTo('0007_sso')).error).toBeUndefined();
      const now = new Date().toISOString();
      for (const [town, lang] of [['en-town', 'en'], ['fr-town', 'fr']] as const) {
        await sql`INSERT INTO towns (id, name_en, name_fr, default_language, reference_prefix, timezone, created_at)
                  VALUES (${town}, 'T', 'T', ${lang}, 'TT', 'UTC', ${now})`.execute(raw);
        await sql`INSERT INTO services (id, town_id, code, name_en, name_fr, created_at, updated_at)
                  VALUES (${'s-' + town}, ${town}, 'pothole', 'Pothole', 'Nid-de-poule', ${now}, ${now})`.execute(raw);
        await sql`INSERT INTO requests (id, town_id, reference, service_id, service_code, status, location_text, description, channel, lang, created_at, updated_at)
                  VALUES (${'r-' + town}, ${town}, ${'TT-' + town}, ${'s-' + town}, 'pothole', 'in_progress', 'x', 'y', 'web', ${lang}, ${now}, ${now})`.execute(raw);
        for (const [id, type, visibility, note] of [
          ['pub', 'public_note', 'public', `public ${lang}`],
          ['int', 'internal_note', 'internal', `internal ${lang}`],
        ] as const) {
          await sql`INSERT INTO request_events (id, request_id, type, note, visibility, created_at)
                    VALUES (${id + '-' + town}, ${'r-' + town}, ${type}, ${note}, ${visibility}, ${now})`.execute(raw);
        }
      }

      await migrateToLatest(t.db);

      const rows = await t.db.selectFrom('request_events').select(['id', 'note', 'note_en', 'note_fr']).orderBy('id').execute();
      expect(rows).toEqual([
        { id: 'int-en-town', note: 'internal en', note_en: null, note_fr: null },
        { id: 'int-fr-town', note: 'internal fr', note_en: null, note_fr: null },
        { id: 'pub-en-town', note: null, note_en: 'public en', note_fr: null },
        { id: 'pub-fr-town', note: null, note_en: null, note_fr: 'public fr' },
      ]);
    });
  });
}
