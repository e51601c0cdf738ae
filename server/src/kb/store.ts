// Knowledge base storage: categories, articles and their revisions. Every revision of an article is
// kept (kb_article_versions, numbered per language); the latest revision of a language is the working
// draft. What the public sees is a publication (publishing.ts), never simply the latest revision.
import type { ArticleStatus, DbOrTx, Lang, Visibility } from '../platform/database/schema.ts';
import { newId, nowIso } from '../platform/database/schema.ts';

export const LANGS = ['en', 'fr'] as const satisfies readonly Lang[];

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

/** The text of one language of an article, as an editor writes it. */
export interface ArticleText {
  /** The language's own slug (e.g. a French slug); defaults to the article's slug. */
  slug?: string;
  title: string;
  summary: string;
  bodyMarkdown: string;
  keywords: string[];
}

export interface NewArticle {
  id?: string;
  townId: string;
  slug: string;
  categoryId: string | null;
  status?: ArticleStatus;
  visibility?: Visibility;
  serviceCodes?: string[];
  reviewBy?: string | null;
  texts: Partial<Record<Lang, ArticleText>>;
  authorUserId?: string | null;
}

/** Inserts an article (status draft unless told) with a first revision of each language given. */
export async function insertArticle(db: DbOrTx, a: NewArticle): Promise<string> {
  const id = a.id ?? newId();
  const now = nowIso();
  await db
    .insertInto('kb_articles')
    .values({
      id,
      town_id: a.townId,
      slug: a.slug,
      category_id: a.categoryId,
      status: a.status ?? 'draft',
      visibility: a.visibility ?? 'public',
      publish_at: null,
      review_by: a.reviewBy ?? null,
      version: 1,
      updated_by_user_id: a.authorUserId ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await setArticleServices(db, id, a.serviceCodes ?? []);
  for (const lang of LANGS) {
    const text = a.texts[lang];
    if (text) await addArticleRevision(db, id, lang, { ...text, slug: text.slug ?? a.slug }, a.authorUserId ?? null);
  }
  return id;
}

export async function setArticleServices(db: DbOrTx, articleId: string, codes: string[]): Promise<void> {
  await db.deleteFrom('kb_article_services').where('article_id', '=', articleId).execute();
  const unique = [...new Set(codes)];
  if (unique.length > 0) {
    await db
      .insertInto('kb_article_services')
      .values(unique.map((service_code) => ({ article_id: articleId, service_code })))
      .execute();
  }
}

export interface Revision {
  id: string;
  articleId: string;
  lang: Lang;
  number: number;
  slug: string;
  title: string;
  summary: string;
  body: string;
  keywords: string[];
  createdAt: string;
  authorUserId: string | null;
  authorName: string | null;
}

/** Adds the next revision for one language; returns its id and number. */
export async function addArticleRevision(
  db: DbOrTx,
  articleId: string,
  lang: Lang,
  text: ArticleText & { slug: string },
  authorUserId: string | null,
): Promise<{ id: string; number: number }> {
  const last = await db
    .selectFrom('kb_article_versions')
    .select((eb) => eb.fn.max('revision').as('rev'))
    .where('article_id', '=', articleId)
    .where('lang', '=', lang)
    .executeTakeFirst();
  const revision = Number(last?.rev ?? 0) + 1;
  const id = newId();
  await db
    .insertInto('kb_article_versions')
    .values({
      id,
      article_id: articleId,
      lang,
      revision,
      slug: text.slug,
      title: text.title,
      summary: text.summary,
      body_markdown: text.bodyMarkdown,
      keywords: JSON.stringify(text.keywords),
      author_user_id: authorUserId,
      created_at: nowIso(),
    })
    .execute();
  return { id, number: revision };
}

function revisionsQuery(db: DbOrTx) {
  return db
    .selectFrom('kb_article_versions as v')
    .leftJoin('users as u', 'u.id', 'v.author_user_id')
    .select([
      'v.id',
      'v.article_id',
      'v.lang',
      'v.revision',
      'v.slug',
      'v.title',
      'v.summary',
      'v.body_markdown',
      'v.keywords',
      'v.created_at',
      'v.author_user_id',
      'u.name as author_name',
    ]);
}

type RevisionRow = Awaited<ReturnType<ReturnType<typeof revisionsQuery>['execute']>>[number];

const toRevision = (r: RevisionRow): Revision => ({
  id: r.id,
  articleId: r.article_id,
  lang: r.lang,
  number: Number(r.revision),
  slug: r.slug,
  title: r.title,
  summary: r.summary,
  body: r.body_markdown,
  keywords: JSON.parse(r.keywords) as string[],
  createdAt: r.created_at,
  authorUserId: r.author_user_id,
  authorName: r.author_name ?? null,
});

/** Every revision of an article, newest first. */
export async function listRevisions(db: DbOrTx, articleId: string): Promise<Revision[]> {
  const rows = await revisionsQuery(db)
    .where('v.article_id', '=', articleId)
    .orderBy('v.created_at', 'desc')
    .orderBy('v.revision', 'desc')
    .orderBy('v.lang')
    .execute();
  return rows.map(toRevision);
}

export async function getRevision(db: DbOrTx, articleId: string, revisionId: string): Promise<Revision | undefined> {
  const row = await revisionsQuery(db).where('v.article_id', '=', articleId).where('v.id', '=', revisionId).executeTakeFirst();
  return row ? toRevision(row) : undefined;
}

/** The latest revision (the working draft) of each language of the given articles. */
export async function latestRevisions(db: DbOrTx, articleIds: string[]): Promise<Map<string, Partial<Record<Lang, Revision>>>> {
  const out = new Map<string, Partial<Record<Lang, Revision>>>();
  if (articleIds.length === 0) return out;
  const rows = await revisionsQuery(db)
    .where('v.article_id', 'in', articleIds)
    .where((eb) =>
      eb(
        'v.revision',
        '=',
        eb
          .selectFrom('kb_article_versions as v2')
          .select((e) => e.fn.max('v2.revision').as('m'))
          .whereRef('v2.article_id', '=', 'v.article_id')
          .whereRef('v2.lang', '=', 'v.lang'),
      ),
    )
    .execute();
  for (const r of rows) {
    const m = out.get(r.article_id) ?? {};
    m[r.lang] = toRevision(r);
    out.set(r.article_id, m);
  }
  return out;
}

export interface ArticleRow {
  id: string;
  townId: string;
  slug: string;
  categoryId: string | null;
  status: ArticleStatus;
  visibility: Visibility;
  publishAt: string | null;
  reviewBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedByName: string | null;
  serviceCodes: string[];
}

function articlesQuery(db: DbOrTx, townId: string) {
  return db
    .selectFrom('kb_articles as a')
    .leftJoin('users as u', 'u.id', 'a.updated_by_user_id')
    .select([
      'a.id',
      'a.town_id',
      'a.slug',
      'a.category_id',
      'a.status',
      'a.visibility',
      'a.publish_at',
      'a.review_by',
      'a.version',
      'a.created_at',
      'a.updated_at',
      'u.name as updated_by_name',
    ])
    .where('a.town_id', '=', townId);
}

export interface ArticleFilter {
  status?: ArticleStatus;
  categoryId?: string;
  visibility?: Visibility;
  service?: string;
}

export async function listArticles(db: DbOrTx, townId: string, f: ArticleFilter = {}): Promise<ArticleRow[]> {
  let q = articlesQuery(db, townId);
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.categoryId) q = q.where('a.category_id', '=', f.categoryId);
  if (f.visibility) q = q.where('a.visibility', '=', f.visibility);
  if (f.service) {
    const code = f.service;
    q = q.where('a.id', 'in', (eb) => eb.selectFrom('kb_article_services').select('article_id').where('service_code', '=', code));
  }
  const rows = await q.orderBy('a.updated_at', 'desc').orderBy('a.id').execute();
  const services = await servicesOf(db, rows.map((r) => r.id));
  return rows.map((r) => toArticleRow(r, services.get(r.id) ?? []));
}

export async function getArticle(db: DbOrTx, townId: string, id: string): Promise<ArticleRow | undefined> {
  const r = await articlesQuery(db, townId).where('a.id', '=', id).executeTakeFirst();
  if (!r) return undefined;
  return toArticleRow(r, (await servicesOf(db, [id])).get(id) ?? []);
}

type ArticleDbRow = Awaited<ReturnType<ReturnType<typeof articlesQuery>['execute']>>[number];

const toArticleRow = (r: ArticleDbRow, serviceCodes: string[]): ArticleRow => ({
  id: r.id,
  townId: r.town_id,
  slug: r.slug,
  categoryId: r.category_id,
  status: r.status,
  visibility: r.visibility,
  publishAt: r.publish_at,
  reviewBy: r.review_by,
  version: Number(r.version),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  updatedByName: r.updated_by_name ?? null,
  serviceCodes,
});

async function servicesOf(db: DbOrTx, articleIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (articleIds.length === 0) return out;
  const rows = await db
    .selectFrom('kb_article_services')
    .select(['article_id', 'service_code'])
    .where('article_id', 'in', articleIds)
    .orderBy('service_code')
    .execute();
  for (const r of rows) out.set(r.article_id, [...(out.get(r.article_id) ?? []), r.service_code]);
  return out;
}

/** Another article of the town with this slug, if any. */
export async function slugTaken(db: DbOrTx, townId: string, slug: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('kb_articles').select('id').where('town_id', '=', townId).where('slug', '=', slug);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/**
 * Optimistic concurrency: moves the article from `version` to the next one (and records who changed it)
 * only if `version` is still the current one. False means another editor changed it first.
 */
export async function bumpVersion(db: DbOrTx, townId: string, id: string, version: number, userId: string | null): Promise<boolean> {
  const r = await db
    .updateTable('kb_articles')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: nowIso(), updated_by_user_id: userId }))
    .where('id', '=', id)
    .where('town_id', '=', townId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function updateArticleFields(
  db: DbOrTx,
  id: string,
  f: Partial<{ slug: string; categoryId: string | null; visibility: Visibility; reviewBy: string | null; status: ArticleStatus; publishAt: string | null }>,
): Promise<void> {
  const set: Record<string, unknown> = {};
  if (f.slug !== undefined) set.slug = f.slug;
  if (f.categoryId !== undefined) set.category_id = f.categoryId;
  if (f.visibility !== undefined) set.visibility = f.visibility;
  if (f.reviewBy !== undefined) set.review_by = f.reviewBy;
  if (f.status !== undefined) set.status = f.status;
  if (f.publishAt !== undefined) set.publish_at = f.publishAt;
  if (Object.keys(set).length === 0) return;
  await db.updateTable('kb_articles').set(set).where('id', '=', id).execute();
}
