// The public knowledge base: the compact search index (ETag, cacheable), one article (its HTML was
// rendered and sanitised when it was published), feedback and settled searches. Only published,
// public articles with a publication in the language asked for; internal articles never appear.
import { createRoute, z } from '@hono/zod-openapi';
import type { App, RouteDeps } from '../app-types.ts';
import { ErrorSchema, apiError, errorBody, errorResponses } from '../platform/http/errors.ts';
import { LangQuery, pickLang } from '../platform/http/lang.ts';
import { revalidated } from '../platform/http/caching.ts';
import { clientAddress, rateLimitSubject } from '../platform/http/client-address.ts';
import { hitRateLimits, rateLimited, type RateLimitRule } from '../platform/http/rate-limit.ts';
import { errorLang } from '../platform/http/validation-messages.ts';
import { TownParam } from '../towns/routes.ts';
import { findPublicArticle, listPublicArticles, listPublicCategories, relatedArticles } from './publishing.ts';
import { popularity, recordFeedback, recordSearch, recordView } from './insight.ts';
import { registerKbStaffRoutes } from './staff-routes.ts';

const Lang = z.enum(['en', 'fr']);

/**
 * Rate-limit keys for feedback and searches use the address like every other limit (intake, sign-in):
 * the bucket lives in the database so the limit holds across instances, and it is deleted when its
 * window ends. The address is never stored with the feedback or search itself.
 */
const addressToken = (address: string): string => rateLimitSubject(address);

/** Feedback and search records per address (the address is only a rate-limit key, never stored with them). */
const FEEDBACK_LIMITS: RateLimitRule[] = [
  { limit: 10, windowSeconds: 10 * 60 },
  { limit: 50, windowSeconds: 24 * 60 * 60 },
];
const SEARCH_LIMITS: RateLimitRule[] = [
  { limit: 60, windowSeconds: 10 * 60 },
  { limit: 1000, windowSeconds: 24 * 60 * 60 },
];

const CategorySchema = z
  .object({ id: z.string(), slug: z.string(), name: z.string(), articleCount: z.number().int() })
  .openapi('KbCategory');

const ArticleSummarySchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    categoryId: z.string().nullable(),
    categoryName: z.string().nullable(),
    title: z.string(),
    summary: z.string(),
    keywords: z.array(z.string()),
    updatedAt: z.string(),
  })
  .openapi('KbArticleSummary');

const IndexCategorySchema = z
  .object({ id: z.string(), slug: z.string(), name: z.string(), articleCount: z.number().int(), sort: z.number().int() })
  .openapi('KbIndexCategory');

const IndexArticleSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    summary: z.string(),
    keywords: z.array(z.string()).openapi({ description: 'Keywords and synonyms' }),
    categoryId: z.string().nullable(),
    categoryName: z.string().nullable(),
    popularity: z.number().int().openapi({ description: 'Views in the last 90 days' }),
    updatedAt: z.string(),
  })
  .openapi('KbIndexArticle');

const IndexSchema = z
  .object({ lang: Lang, categories: z.array(IndexCategorySchema), articles: z.array(IndexArticleSchema) })
  .openapi('KbIndex');

const OtherLanguageSchema = z.object({ lang: Lang, slug: z.string(), title: z.string() }).openapi('KbOtherLanguage');

const ArticleSchema = z
  .object({
    lang: Lang,
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    summary: z.string(),
    bodyHtml: z.string().openapi({ description: 'Rendered from Markdown and sanitised once, when it was published' }),
    categoryId: z.string().nullable(),
    categoryName: z.string().nullable(),
    updatedAt: z.string(),
    related: z.array(z.object({ id: z.string(), slug: z.string(), title: z.string() })),
    otherLanguage: OtherLanguageSchema.nullable(),
  })
  .openapi('KbArticle');

const ArticleNotFoundSchema = ErrorSchema.extend({ otherLanguage: OtherLanguageSchema.optional() }).openapi('KbArticleNotFound');

const categoriesRoute = createRoute({
  method: 'get',
  path: '/api/v1/towns/{town}/kb/categories',
  tags: ['Knowledge base'],
  summary: 'Knowledge base categories with their number of public articles',
  request: { params: TownParam, query: LangQuery },
  responses: {
    200: {
      description: 'Categories',
      content: { 'application/json': { schema: z.object({ lang: Lang, categories: z.array(CategorySchema) }) } },
    },
    ...errorResponses(400, 404),
  },
});

const articlesRoute = createRoute({
  method: 'get',
  path: '/api/v1/towns/{town}/kb/articles',
  tags: ['Knowledge base'],
  summary: 'Public articles (no bodies)',
  request: { params: TownParam, query: LangQuery },
  responses: {
    200: {
      description: 'Articles',
      content: { 'application/json': { schema: z.object({ lang: Lang, articles: z.array(ArticleSummarySchema) }) } },
    },
    ...errorResponses(400, 404),
  },
});

const indexRoute = createRoute({
  method: 'get',
  path: '/api/v1/towns/{town}/kb/index',
  tags: ['Knowledge base'],
  summary: 'The compact search index: categories and public articles without bodies (strong ETag; If-None-Match answers 304)',
  request: {
    params: TownParam,
    query: LangQuery,
    headers: z.object({ 'if-none-match': z.string().optional() }),
  },
  responses: {
    200: { description: 'The index', content: { 'application/json': { schema: IndexSchema } } },
    304: { description: 'Not modified since the ETag sent in If-None-Match' },
    ...errorResponses(400, 404),
  },
});

const articleRoute = createRoute({
  method: 'get',
  path: '/api/v1/towns/{town}/kb/articles/{idOrSlug}',
  tags: ['Knowledge base'],
  summary: 'One public article with its sanitised HTML; counts a view (aggregated per article and day)',
  request: {
    params: TownParam.extend({ idOrSlug: z.string().min(1).max(100).openapi({ param: { name: 'idOrSlug', in: 'path' } }) }),
    query: LangQuery,
  },
  responses: {
    200: { description: 'The article', content: { 'application/json': { schema: ArticleSchema } } },
    404: {
      description: 'not_found; or translation_missing when it is published only in the other language (otherLanguage says which)',
      content: { 'application/json': { schema: ArticleNotFoundSchema } },
    },
    ...errorResponses(400),
  },
});

const feedbackRoute = createRoute({
  method: 'post',
  path: '/api/v1/towns/{town}/kb/articles/{id}/feedback',
  tags: ['Knowledge base'],
  summary: 'Was this article helpful? (no personal data is stored)',
  request: {
    params: TownParam.extend({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }) }),
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({ lang: Lang, helpful: z.boolean(), comment: z.string().max(1000).optional() })
            .openapi('KbFeedback'),
        },
      },
    },
  },
  responses: { 204: { description: 'Recorded' }, ...errorResponses(400, 404, 429) },
});

const searchRoute = createRoute({
  method: 'post',
  path: '/api/v1/towns/{town}/kb/searches',
  tags: ['Knowledge base'],
  summary: 'A search the resident settled on (aggregated per folded query and day; no address, cookie or user agent)',
  request: {
    params: TownParam,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              lang: Lang,
              query: z.string().max(200),
              resultCount: z.number().int().min(0).max(100000),
              openedArticleId: z.string().max(100).optional(),
            })
            .openapi('KbSearch'),
        },
      },
    },
  },
  responses: { 204: { description: 'Recorded' }, ...errorResponses(400, 404, 429) },
});

export function registerKbRoutes(app: App, deps: RouteDeps) {
  const { db, config } = deps;

  app.openapi(categoriesRoute, async (c) => {
    const town = c.var.town;
    const lang = pickLang(c, c.req.valid('query').lang, town.defaultLanguage);
    const categories = (await listPublicCategories(db, town.id, lang)).map(({ id, slug, name, articleCount }) => ({ id, slug, name, articleCount }));
    return c.json({ lang, categories }, 200);
  });

  app.openapi(articlesRoute, async (c) => {
    const town = c.var.town;
    const lang = pickLang(c, c.req.valid('query').lang, town.defaultLanguage);
    return c.json({ lang, articles: await listPublicArticles(db, town.id, lang) }, 200);
  });

  app.openapi(indexRoute, async (c) => {
    const town = c.var.town;
    const lang = pickLang(c, c.req.valid('query').lang, town.defaultLanguage);
    const [categories, articles, views] = await Promise.all([
      listPublicCategories(db, town.id, lang),
      listPublicArticles(db, town.id, lang),
      popularity(db, town.id),
    ]);
    const body = {
      lang,
      categories,
      articles: articles.map((a) => ({
        id: a.id,
        slug: a.slug,
        title: a.title,
        summary: a.summary,
        keywords: a.keywords,
        categoryId: a.categoryId,
        categoryName: a.categoryName,
        popularity: views.get(a.id) ?? 0,
        updatedAt: a.updatedAt,
      })),
    };
    c.header('Vary', 'Accept-Language', { append: true });
    if (revalidated(c, body)) return c.body(null, 304);
    return c.json(body, 200);
  });

  app.openapi(articleRoute, async (c) => {
    const { idOrSlug } = c.req.valid('param');
    const town = c.var.town;
    const lang = pickLang(c, c.req.valid('query').lang, town.defaultLanguage);
    const found = await findPublicArticle(db, town.id, idOrSlug, lang);
    const fr = errorLang(c) === 'fr';
    if (found.kind === 'translation_missing') {
      const message =
        lang === 'fr'
          ? 'Cet article n’est pas encore publié en français.'
          : 'This article is not published in English yet.';
      return c.json({ ...errorBody('translation_missing', message), otherLanguage: found.otherLanguage }, 404);
    }
    if (found.kind === 'not_found') {
      return c.json(errorBody('not_found', fr ? 'Aucun article publié ne porte cet identifiant.' : 'There is no published article with this id.'), 404);
    }
    const a = found.article;
    const views = await popularity(db, town.id);
    const related = await relatedArticles(db, town.id, a, lang, views);
    await recordView(db, a.id, lang);
    return c.json(
      {
        lang,
        id: a.id,
        slug: a.slug,
        title: a.title,
        summary: a.summary,
        bodyHtml: a.bodyHtml,
        categoryId: a.categoryId,
        categoryName: a.categoryName,
        updatedAt: a.updatedAt,
        related,
        otherLanguage: found.otherLanguage,
      },
      200,
    );
  });

  app.openapi(feedbackRoute, async (c) => {
    const town = c.var.town;
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const found = await findPublicArticle(db, town.id, id, body.lang);
    if (found.kind !== 'found' || found.article.id !== id) {
      return apiError(c, 404, 'not_found', errorLang(c) === 'fr' ? 'Aucun article publié ne porte cet identifiant.' : 'There is no published article with this id.');
    }
    const limit = await hitRateLimits(db, `kbfeedback:${town.id}:${addressToken(clientAddress(c, config.trustProxyHops))}`, FEEDBACK_LIMITS);
    if (!limit.allowed) return rateLimited(c, limit.retryAfterSeconds, body.lang);
    const comment = body.comment?.trim() || null;
    await recordFeedback(db, { townId: town.id, articleId: id, lang: body.lang, helpful: body.helpful, comment });
    return c.body(null, 204);
  });

  app.openapi(searchRoute, async (c) => {
    const town = c.var.town;
    const body = c.req.valid('json');
    const limit = await hitRateLimits(db, `kbsearch:${town.id}:${addressToken(clientAddress(c, config.trustProxyHops))}`, SEARCH_LIMITS);
    if (!limit.allowed) return rateLimited(c, limit.retryAfterSeconds, body.lang);
    await recordSearch(db, town.id, { lang: body.lang, query: body.query, resultCount: body.resultCount, opened: body.openedArticleId !== undefined });
    return c.body(null, 204);
  });

  registerKbStaffRoutes(app, deps);
}
