// Knowledge base. Every revision of an article is kept; the current text for a language is the
// version with the highest revision for that (article, lang).
import { sql } from 'kysely';
import type { ArticleStatus, DbOrTx, Lang } from '../platform/database/schema.ts';
import { newId, nowIso } from '../platform/database/schema.ts';

export interface NewCategory {
  id?: string;
  townId: string;
  slug: { en: string; fr: string };
  name: { en: string; fr: string };
  sort: number;
}

export async function insertCategory(db: DbOrTx, c: NewCategory): Promise<string> {
  const id = c.id ?? newId();
  await db
    .insertInto('kb_categories')
    .values({ id, town_id: c.townId, slug_en: c.slug.en, slug_fr: c.slug.fr, name_en: c.name.en, name_fr: c.name.fr, sort: c.sort })
    .execute();
  return id;
}

export interface ArticleText {
  slug: string;
  title: string;
  summary: string;
  bodyMarkdown: string;
  keywords: string[];
}

export interface NewArticle {
  id?: string;
  townId: string;
  categoryId: string | null;
  status: ArticleStatus;
  texts: Partial<Record<Lang, ArticleText>>;
  authorUserId?: string | null;
}

export async function insertArticle(db: DbOrTx, a: NewArticle): Promise<string> {
  const id = a.id ?? newId();
  const now = nowIso();
  await db
    .insertInto('kb_articles')
    .values({ id, town_id: a.townId, category_id: a.categoryId, status: a.status, created_at: now, updated_at: now })
    .execute();
  for (const lang of ['en', 'fr'] as const) {
    const text = a.texts[lang];
    if (text) await addArticleRevision(db, id, lang, text, a.authorUserId ?? null);
  }
  return id;
}

/** Adds the next revision for one language and returns its number. */
export async function addArticleRevision(
  db: DbOrTx,
  articleId: string,
  lang: Lang,
  text: ArticleText,
  authorUserId: string | null,
): Promise<number> {
  const last = await db
    .selectFrom('kb_article_versions')
    .select((eb) => eb.fn.max('revision').as('rev'))
    .where('article_id', '=', articleId)
    .where('lang', '=', lang)
    .executeTakeFirst();
  const revision = Number(last?.rev ?? 0) + 1;
  const now = nowIso();
  await db
    .insertInto('kb_article_versions')
    .values({
      id: newId(),
      article_id: articleId,
      lang,
      revision,
      slug: text.slug,
      title: text.title,
      summary: text.summary,
      body_markdown: text.bodyMarkdown,
      keywords: JSON.stringify(text.keywords),
      author_user_id: authorUserId,
      created_at: now,
    })
    .execute();
  await db.updateTable('kb_articles').set({ updated_at: now }).where('id', '=', articleId).execute();
  return revision;
}

export interface CategorySummary {
  id: string;
  slug: string;
  name: string;
  articleCount: number;
}

export async function listCategories(db: DbOrTx, townId: string, lang: Lang): Promise<CategorySummary[]> {
  const rows = await db
    .selectFrom('kb_categories as c')
    .leftJoin('kb_articles as a', (j) => j.onRef('a.category_id', '=', 'c.id').on('a.status', '=', 'published'))
    .select(['c.id', 'c.slug_en', 'c.slug_fr', 'c.name_en', 'c.name_fr', 'c.sort'])
    .select((eb) => eb.fn.count('a.id').as('n'))
    .where('c.town_id', '=', townId)
    .groupBy(['c.id', 'c.slug_en', 'c.slug_fr', 'c.name_en', 'c.name_fr', 'c.sort'])
    .orderBy('c.sort')
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    slug: lang === 'fr' ? r.slug_fr : r.slug_en,
    name: lang === 'fr' ? r.name_fr : r.name_en,
    articleCount: Number(r.n),
  }));
}

function currentVersions(db: DbOrTx, townId: string, lang: Lang) {
  return db
    .selectFrom('kb_articles as a')
    .innerJoin('kb_article_versions as v', 'v.article_id', 'a.id')
    .leftJoin('kb_categories as c', 'c.id', 'a.category_id')
    .where('a.town_id', '=', townId)
    .where('a.status', '=', 'published')
    .where('v.lang', '=', lang)
    .where(
      'v.revision',
      '=',
      sql<number>`(select max(v2.revision) from kb_article_versions v2 where v2.article_id = v.article_id and v2.lang = v.lang)`,
    )
    .select([
      'a.id',
      'a.category_id',
      'a.updated_at',
      'v.slug',
      'v.title',
      'v.summary',
      'v.keywords',
      'v.created_at as version_created_at',
      'c.name_en as category_name_en',
      'c.name_fr as category_name_fr',
      'c.sort as category_sort',
    ]);
}

export interface ArticleSummary {
  id: string;
  slug: string;
  categoryId: string | null;
  categoryName: string | null;
  title: string;
  summary: string;
  keywords: string[];
  updatedAt: string;
}

type SummaryRow = {
  id: string;
  category_id: string | null;
  updated_at: string;
  slug: string;
  title: string;
  summary: string;
  keywords: string;
  category_name_en: string | null;
  category_name_fr: string | null;
};

const toSummary = (r: SummaryRow, lang: Lang): ArticleSummary => ({
  id: r.id,
  slug: r.slug,
  categoryId: r.category_id,
  categoryName: lang === 'fr' ? r.category_name_fr : r.category_name_en,
  title: r.title,
  summary: r.summary,
  keywords: JSON.parse(r.keywords) as string[],
  updatedAt: r.updated_at,
});

export async function listPublishedArticles(db: DbOrTx, townId: string, lang: Lang): Promise<ArticleSummary[]> {
  const rows = await currentVersions(db, townId, lang).orderBy('v.title').execute();
  return rows.map((r) => toSummary(r, lang));
}

export async function getPublishedArticle(
  db: DbOrTx,
  townId: string,
  id: string,
  lang: Lang,
): Promise<(ArticleSummary & { bodyMarkdown: string }) | undefined> {
  const row = await currentVersions(db, townId, lang)
    .select('v.body_markdown')
    .where('a.id', '=', id)
    .executeTakeFirst();
  return row ? { ...toSummary(row, lang), bodyMarkdown: row.body_markdown } : undefined;
}
