// Publishing: what residents see. Publishing a language stores a publication of its latest revision
// with the Markdown rendered and sanitised once (body_html); reads never render. A publication is
// effective from its published_at, so a scheduled publish (a future published_at) takes effect at
// that moment on every read, on both databases, with no job to run; until then the previous
// publication stays public. Public answers only ever include articles that are published, public
// (never internal) and have an effective publication in the language asked for.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { DbOrTx, Lang } from '../platform/database/schema.ts';
import { newId, nowIso } from '../platform/database/schema.ts';
import { renderMarkdown } from './markdown.ts';
import { LANGS, latestRevisions } from './store.ts';

export interface Publication {
  revisionId: string;
  publishedAt: string;
}

/**
 * Publishes the latest revision of each language the article has, at `at` (now, or a future time for
 * a scheduled publish). Returns the languages published.
 */
export async function publishLatest(db: DbOrTx, articleId: string, userId: string | null, at: string = nowIso()): Promise<Lang[]> {
  const latest = (await latestRevisions(db, [articleId])).get(articleId) ?? {};
  const done: Lang[] = [];
  for (const lang of LANGS) {
    const rev = latest[lang];
    if (!rev) continue;
    await db
      .insertInto('kb_publications')
      .values({
        id: newId(),
        article_id: articleId,
        lang,
        revision_id: rev.id,
        body_html: renderMarkdown(rev.body),
        published_at: at,
        published_by_user_id: userId,
        created_at: nowIso(),
      })
      .execute();
    done.push(lang);
  }
  return done;
}

/** The latest publication (effective or scheduled) of each language of the given articles. */
export async function latestPublications(db: DbOrTx, articleIds: string[]): Promise<Map<string, Partial<Record<Lang, Publication>>>> {
  const out = new Map<string, Partial<Record<Lang, Publication>>>();
  if (articleIds.length === 0) return out;
  const rows = await db
    .selectFrom('kb_publications')
    .select(['article_id', 'lang', 'revision_id', 'published_at'])
    .where('article_id', 'in', articleIds)
    .orderBy('published_at')
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const m = out.get(r.article_id) ?? {};
    m[r.lang] = { revisionId: r.revision_id, publishedAt: r.published_at };
    out.set(r.article_id, m);
  }
  return out;
}

/**
 * Public, published articles of a town with their effective publication in `lang` (the latest whose
 * published_at has come) and its revision's texts.
 */
function effective(db: DbOrTx, townId: string, lang: Lang, now: string) {
  return db
    .selectFrom('kb_publications as p')
    .innerJoin('kb_articles as a', 'a.id', 'p.article_id')
    .innerJoin('kb_article_versions as v', 'v.id', 'p.revision_id')
    .leftJoin('kb_categories as c', 'c.id', 'a.category_id')
    .where('a.town_id', '=', townId)
    .where('a.status', '=', 'published')
    .where('a.visibility', '=', 'public')
    .where('p.lang', '=', lang)
    .where('p.published_at', '<=', now)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('kb_publications as p2')
            .select('p2.id')
            .whereRef('p2.article_id', '=', 'p.article_id')
            .whereRef('p2.lang', '=', 'p.lang')
            .where('p2.published_at', '<=', now)
            .where(
              (eb): Expression<SqlBool> =>
                eb.or([
                  eb('p2.published_at', '>', eb.ref('p.published_at')),
                  eb.and([eb('p2.published_at', '=', eb.ref('p.published_at')), eb('p2.id', '>', eb.ref('p.id'))]),
                ]),
            ),
        ),
      ),
    )
    .select([
      'a.id',
      'a.slug as article_slug',
      'a.category_id',
      'p.published_at',
      'v.slug',
      'v.title',
      'v.summary',
      'v.keywords',
      'c.name_en as category_name_en',
      'c.name_fr as category_name_fr',
    ]);
}

export interface PublicArticleSummary {
  id: string;
  slug: string;
  categoryId: string | null;
  categoryName: string | null;
  title: string;
  summary: string;
  keywords: string[];
  updatedAt: string;
}

type EffectiveRow = Awaited<ReturnType<ReturnType<typeof effective>['execute']>>[number];

const toSummary = (r: EffectiveRow, lang: Lang): PublicArticleSummary => ({
  id: r.id,
  slug: r.slug,
  categoryId: r.category_id,
  categoryName: (lang === 'fr' ? r.category_name_fr : r.category_name_en) ?? null,
  title: r.title,
  summary: r.summary,
  keywords: JSON.parse(r.keywords) as string[],
  updatedAt: r.published_at,
});

export async function listPublicArticles(db: DbOrTx, townId: string, lang: Lang, now = nowIso()): Promise<PublicArticleSummary[]> {
  const rows = await effective(db, townId, lang, now).orderBy('v.title').orderBy('a.id').execute();
  return rows.map((r) => toSummary(r, lang));
}

export interface PublicCategory {
  id: string;
  slug: string;
  name: string;
  articleCount: number;
  sort: number;
}

/** The town's categories, each with its number of public articles in `lang`. */
export async function listPublicCategories(db: DbOrTx, townId: string, lang: Lang, now = nowIso()): Promise<PublicCategory[]> {
  const [cats, articles] = await Promise.all([
    db.selectFrom('kb_categories').selectAll().where('town_id', '=', townId).orderBy('sort').orderBy('id').execute(),
    listPublicArticles(db, townId, lang, now),
  ]);
  const counts = new Map<string, number>();
  for (const a of articles) if (a.categoryId) counts.set(a.categoryId, (counts.get(a.categoryId) ?? 0) + 1);
  return cats.map((c) => ({
    id: c.id,
    slug: lang === 'fr' ? c.slug_fr : c.slug_en,
    name: lang === 'fr' ? c.name_fr : c.name_en,
    articleCount: counts.get(c.id) ?? 0,
    sort: Number(c.sort),
  }));
}

export interface PublicArticle extends PublicArticleSummary {
  bodyHtml: string;
}

async function effectiveOne(db: DbOrTx, townId: string, articleId: string, lang: Lang, now: string): Promise<PublicArticle | undefined> {
  const r = await effective(db, townId, lang, now).select('p.body_html').where('a.id', '=', articleId).executeTakeFirst();
  return r ? { ...toSummary(r, lang), bodyHtml: r.body_html } : undefined;
}

/** The article an id or slug (the article's, or any language's) names in a town. */
async function resolveArticleId(db: DbOrTx, townId: string, idOrSlug: string): Promise<string | undefined> {
  const direct = await db
    .selectFrom('kb_articles')
    .select('id')
    .where('town_id', '=', townId)
    .where((eb) => eb.or([eb('id', '=', idOrSlug), eb('slug', '=', idOrSlug)]))
    .orderBy(sql`case when id = ${idOrSlug} then 0 else 1 end`)
    .executeTakeFirst();
  if (direct) return direct.id;
  const bySlug = await db
    .selectFrom('kb_article_versions as v')
    .innerJoin('kb_articles as a', 'a.id', 'v.article_id')
    .select('a.id')
    .where('a.town_id', '=', townId)
    .where('v.slug', '=', idOrSlug)
    .orderBy('v.created_at', 'desc')
    .executeTakeFirst();
  return bySlug?.id;
}

export type PublicLookup =
  | { kind: 'found'; article: PublicArticle; otherLanguage: { lang: Lang; slug: string; title: string } | null }
  | { kind: 'translation_missing'; otherLanguage: { lang: Lang; slug: string; title: string } }
  | { kind: 'not_found' };

export async function findPublicArticle(db: DbOrTx, townId: string, idOrSlug: string, lang: Lang, now = nowIso()): Promise<PublicLookup> {
  const id = await resolveArticleId(db, townId, idOrSlug);
  if (!id) return { kind: 'not_found' };
  const other: Lang = lang === 'en' ? 'fr' : 'en';
  const [mine, theirs] = await Promise.all([effectiveOne(db, townId, id, lang, now), effectiveOne(db, townId, id, other, now)]);
  const otherLanguage = theirs ? { lang: other, slug: theirs.slug, title: theirs.title } : null;
  if (mine) return { kind: 'found', article: mine, otherLanguage };
  if (otherLanguage) return { kind: 'translation_missing', otherLanguage };
  return { kind: 'not_found' };
}

/** Up to `limit` other public articles of the same category, most read first. */
export async function relatedArticles(
  db: DbOrTx,
  townId: string,
  article: PublicArticleSummary,
  lang: Lang,
  popularity: Map<string, number>,
  limit = 5,
  now = nowIso(),
): Promise<{ id: string; slug: string; title: string }[]> {
  if (!article.categoryId) return [];
  const rows = await effective(db, townId, lang, now).where('a.category_id', '=', article.categoryId).where('a.id', '!=', article.id).execute();
  const mine = new Set(article.keywords.map((k) => k.toLowerCase()));
  const shared = (r: EffectiveRow) => (JSON.parse(r.keywords) as string[]).filter((k) => mine.has(k.toLowerCase())).length;
  return rows
    .map((r) => ({ r, shared: shared(r), views: popularity.get(r.id) ?? 0 }))
    .sort((x, y) => y.shared - x.shared || y.views - x.views || x.r.title.localeCompare(y.r.title))
    .slice(0, limit)
    .map(({ r }) => ({ id: r.id, slug: r.slug, title: r.title }));
}
