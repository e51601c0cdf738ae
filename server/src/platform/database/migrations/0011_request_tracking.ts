// 0011: what the tracker and notifications need from requests.
// - request_events.note_en / note_fr: a public note in each language. Staff write one; the other stays
//   NULL (shown as missing, never replaced by the other language). `note` stays for internal notes
//   and the `routed` decision. Existing public notes move to the column of their town's language.
// - request_subscribers: people told about a request's changes (personal data: the email). A
//   subscription is pending until its email link is followed (double opt-in), then confirmed, until
//   unsubscribed. Tokens are stored as SHA-256 only.
// - request_fix_answers: residents' answers to "did we fix it?" after resolution (no personal data).
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('request_events').addColumn('note_en', 'text').execute();
    await db.schema.alterTable('request_events').addColumn('note_fr', 'text').execute();
    for (const lang of ['en', 'fr'] as const) {
      await sql`
        UPDATE request_events SET ${sql.ref(`note_${lang}`)} = note
        WHERE visibility = 'public' AND note IS NOT NULL
          AND request_id IN (
            SELECT r.id FROM requests r JOIN towns t ON t.id = r.town_id WHERE t.default_language = ${lang}
          )`.execute(db);
    }
    await sql`UPDATE request_events SET note = NULL WHERE visibility = 'public'`.execute(db);

    await db.schema
      .createTable('request_subscribers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id').onDelete('cascade'))
      .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id').onDelete('cascade'))
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('lang', 'text', (c) => c.notNull())
      /** 'reporter' (asked when filing), 'follower' ("this is my problem too"), 'tracker' (from the status page) */
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull()) // pending | confirmed | unsubscribed
      .addColumn('confirm_token_hash', 'text')
      .addColumn('unsubscribe_token_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('confirmed_at', 'text')
      .addColumn('unsubscribed_at', 'text')
      .execute();
    await db.schema
      .createIndex('request_subscribers_request_email_idx')
      .on('request_subscribers')
      .columns(['request_id', 'email'])
      .unique()
      .execute();
    await db.schema.createIndex('request_subscribers_confirm_idx').on('request_subscribers').column('confirm_token_hash').execute();
    await db.schema.createIndex('request_subscribers_unsubscribe_idx').on('request_subscribers').column('unsubscribe_token_hash').execute();

    await db.schema
      .createTable('request_fix_answers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id').onDelete('cascade'))
      .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id').onDelete('cascade'))
      .addColumn('fixed', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('request_fix_answers_request_idx').on('request_fix_answers').column('request_id').execute();
    await db.schema.createIndex('request_fix_answers_town_idx').on('request_fix_answers').columns(['town_id', 'created_at']).execute();
  },
};
