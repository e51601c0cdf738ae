// 0010: knowledge-base publishing. An article gets a status (draft / published / archived, already
// there), a visibility (public / internal), its own slug, scheduled publish and review-by dates, a
// version for optimistic concurrency and who changed it last. What the public sees is a publication:
// one revision of one language, its Markdown rendered and sanitised once (body_html), effective from
// published_at (a future published_at is a scheduled publish). Aggregated counters for insight store
// no IP address, cookie or user agent: views per article, language and day; searches per folded query,
// language, result count and day; feedback (helpful or not, an optional comment).
// Existing published articles get a publication of their latest revision per language.
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { renderMarkdown } from '../../../kb/markdown.ts';

export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('kb_articles').addColumn('slug', 'text', (c) => c.notNull().defaultTo('')).execute();
    await db.schema.alterTable('kb_articles').addColumn('visibility', 'text', (c) => c.notNull().defaultTo('public')).execute();
    await db.schema.alterTable('kb_articles').addColumn('publish_at', 'text').execute();
    await db.schema.alterTable('kb_articles').addColumn('review_by', 'text').execute();
    await db.schema.alterTable('kb_articles').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
    await db.schema.alterTable('kb_articles').addColumn('updated_by_user_id', 'text').execute();

    await db.schema
      .createTable('kb_article_services')
      .addColumn('article_id', 'text', (c) => c.notNull().references('kb_articles.id').onDelete('cascade'))
      .addColumn('service_code', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('kb_article_services_pk', ['article_id', 'service_code'])
      .execute();

    await db.schema
      .createTable('kb_publications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('article_id', 'text', (c) => c.notNull().references('kb_articles.id').onDelete('cascade'))
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('revision_id', 'text', (c) => c.notNull().references('kb_article_versions.id').onDelete('cascade'))
      .addColumn('body_html', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('published_by_user_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('kb_publications_article_lang_idx')
      .on('kb_publications')
      .columns(['article_id', 'lang', 'published_at'])
      .execute();

    await db.schema
      .createTable('kb_article_views')
      .addColumn('article_id', 'text', (c) => c.notNull().references('kb_articles.id').onDelete('cascade'))
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('kb_article_views_pk', ['article_id', 'lang', 'day'])
      .execute();

    await db.schema
      .createTable('kb_searches')
      .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id').onDelete('cascade'))
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('query', 'text', (c) => c.notNull())
      .addColumn('result_count', 'integer', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('opened_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('kb_searches_pk', ['town_id', 'day', 'lang', 'query', 'result_count'])
      .execute();

    await db.schema
      .createTable('kb_feedback')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id').onDelete('cascade'))
      .addColumn('article_id', 'text', (c) => c.notNull().references('kb_articles.id').onDelete('cascade'))
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('helpful', 'integer', (c) => c.notNull())
      .addColumn('comment', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('kb_feedback_town_created_idx').on('kb_feedback').columns(['town_id', 'created_at']).execute();

    // Backfill: each article's slug from its latest English (else French) revision; a publication of the
    // latest revision per language of every published article.
    const revisions = await sql<{ id: string; article_id: string; lang: string; slug: string; body_markdown: string; created_at: string; status: string }>`
      SELECT v.id, v.article_id, v.lang, v.slug, v.body_markdown, v.created_at, a.status
      FROM kb_article_versions v JOIN kb_articles a ON a.id = v.article_id
      WHERE v.revision = (SELECT max(v2.revision) FROM kb_article_versions v2 WHERE v2.article_id = v.article_id AND v2.lang = v.lang)
      ORDER BY v.article_id, v.lang`.execute(db);
    const now = new Date().toISOString();
    const slugOf = new Map<string, string>();
    for (const r of revisions.rows) {
      if (r.lang === 'en' || !slugOf.has(r.article_id)) slugOf.set(r.article_id, r.slug);
      if (r.status !== 'published') continue;
      await sql`INSERT INTO kb_publications (id, article_id, lang, revision_id, body_html, published_at, published_by_user_id, created_at)
        VALUES (${crypto.randomUUID()}, ${r.article_id}, ${r.lang}, ${r.id}, ${renderMarkdown(r.body_markdown)}, ${r.created_at}, ${null}, ${now})`.execute(db);
    }
    for (const [id, slug] of slugOf) await sql`UPDATE kb_articles SET slug = ${slug} WHERE id = ${id}`.execute(db);
    await db.schema.createIndex('kb_articles_town_slug_idx').on('kb_articles').columns(['town_id', 'slug']).execute();
  },
};
