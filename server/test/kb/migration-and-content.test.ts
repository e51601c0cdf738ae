// Migration 0010 on a database that already has articles (every dialect): published articles keep
// their latest text public (rendered and sanitised once), drafts stay private, slugs are filled in.
// And the demo content files: readable, consistent with the demo site, findable by everyday words.
import { readFileSync, readdirSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigrator, migrateToLatest } from '../../src/platform/database/migrate.ts';
import { findPublicArticle, listPublicArticles } from '../../src/kb/publishing.ts';
import { demoTown } from '../../src/seed/demo-town.ts';
import { parseMarkdownFile } from '../../src/seed/kb-content.ts';
import { dialects, type TestDb } from '../support/harness.ts';

for (const dialect of dialects) {
  describe.skipIf(dialect.skip)(`migration 0010 on ${dialect.name}`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await dialect.open();
    });
    afterAll(async () => {
      await t?.cleanup();
    });

    it('publishes the latest revision of published articles and leaves drafts private', async () => {
      const raw = t.db as unknown as Kysely<unknown>;
      const migrator = await createMigrator(t.db);
      expect((await migrator.migrateTo('0007_sso')).error).toBeUndefined();
      const now = '2026-01-02T03:04:05.000Z';
      await sql`INSERT INTO towns (id, name_en, name_fr, reference_prefix, timezone, created_at) VALUES ('t1', 'T', 'T', 'TT', 'UTC', ${now})`.execute(raw);
      for (const [id, status] of [['a1', 'published'], ['a2', 'draft']] as const) {
        await sql`INSERT INTO kb_articles (id, town_id, category_id, status, created_at, updated_at) VALUES (${id}, 't1', NULL, ${status}, ${now}, ${now})`.execute(raw);
      }
      const rev = (id: string, article: string, lang: string, n: number, slug: string, body: string) =>
        sql`INSERT INTO kb_article_versions (id, article_id, lang, revision, slug, title, summary, body_markdown, keywords, author_user_id, created_at)
            VALUES (${id}, ${article}, ${lang}, ${n}, ${slug}, ${`${slug} ${n}`}, '', ${body}, '[]', NULL, ${now})`.execute(raw);
      await rev('r1', 'a1', 'en', 1, 'first', 'old');
      await rev('r2', 'a1', 'en', 2, 'first', 'new <script>alert(1)</script> **bold**');
      await rev('r3', 'a1', 'fr', 1, 'premier', 'texte');
      await rev('r4', 'a2', 'en', 1, 'draft-one', 'draft');

      await migrateToLatest(t.db);

      const articles = await t.db.selectFrom('kb_articles').select(['id', 'slug', 'visibility', 'version']).orderBy('id').execute();
      expect(articles).toEqual([
        { id: 'a1', slug: 'first', visibility: 'public', version: 1 },
        { id: 'a2', slug: 'draft-one', visibility: 'public', version: 1 },
      ]);
      const pubs = await t.db.selectFrom('kb_publications').select(['article_id', 'lang', 'revision_id', 'body_html']).orderBy('lang').execute();
      expect(pubs.map((p) => [p.article_id, p.lang, p.revision_id])).toEqual([
        ['a1', 'en', 'r2'],
        ['a1', 'fr', 'r3'],
      ]);
      expect(pubs[0]!.body_html).toBe('<p>new  <strong>bold</strong></p>\n');
      expect((await listPublicArticles(t.db, 't1', 'en')).map((a) => a.title)).toEqual(['first 2']);
      const fr = await findPublicArticle(t.db, 't1', 'premier', 'fr');
      expect(fr.kind).toBe('found');
      expect((await findPublicArticle(t.db, 't1', 'a2', 'en')).kind).toBe('not_found');
    });
  });
}

describe('demo knowledge-base content', () => {
  const dir = new URL('../../src/seed/content/kb/', import.meta.url);
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md') && f.includes('/'));

  it('is one Markdown file per article and language, with front matter', () => {
    expect(files.length).toBe(demoTown.articles.length * 2);
    for (const f of files) {
      const { meta, body } = parseMarkdownFile(readFileSync(new URL(f, dir), 'utf8'), f);
      expect(Object.keys(meta), f).toEqual(expect.arrayContaining(['title', 'slug', 'category', 'visibility', 'summary', 'keywords']));
      expect(body.length, f).toBeGreaterThan(100);
    }
    for (const a of demoTown.articles) {
      expect(a.en, a.id).toBeDefined();
      expect(a.fr, a.id).toBeDefined();
    }
  });

  it('matches the demo site: 1 Shoreline Road and 613-555 numbers', () => {
    const all = files.map((f) => readFileSync(new URL(f, dir), 'utf8')).join('\n');
    expect(all).not.toMatch(/705-555|1 Main Street|1, rue Main/);
    expect(all).toContain('1 Shoreline Road');
    expect(all).toContain('1, chemin Shoreline');
    const site = readFileSync(new URL('../../../demo/index.html', import.meta.url), 'utf8');
    for (const phone of new Set(all.match(/613-555-01\d\d/g))) {
      if (['613-555-0142', '613-555-0199'].includes(phone)) expect(site).toContain(phone);
    }
    expect(demoTown.town.contact.phone).toBe('613-555-0142');
  });

  it('has internal articles linked to real services', () => {
    const internal = demoTown.articles.filter((a) => a.visibility === 'internal');
    expect(internal.length).toBeGreaterThanOrEqual(2);
    const codes = new Set(demoTown.services.map((s) => s.code));
    for (const a of internal) {
      expect(a.serviceCodes?.length, a.id).toBeGreaterThan(0);
      for (const c of a.serviceCodes ?? []) expect(codes.has(c), `${a.id}: ${c}`).toBe(true);
    }
  });

  it('gives everyday words as keywords (garbage: trash, pick-up, collection day, bin; ordures, poubelles, camion, collecte)', () => {
    const garbage = demoTown.articles.find((a) => a.id === 'art-garbage-collection-schedule')!;
    expect(garbage.en!.keywords).toEqual(expect.arrayContaining(['trash', 'pick-up', 'collection day', 'bin']));
    expect(garbage.fr!.keywords).toEqual(expect.arrayContaining(['ordures', 'poubelles', 'camion', 'collecte']));
  });
});
