import { createRoute, z } from '@hono/zod-openapi';
import type { App, RouteDeps } from '../app-types.ts';
import { apiError, errorResponses } from '../platform/http/errors.ts';
import { LangQuery, pickLang } from '../platform/http/lang.ts';
import { getPublishedArticle, listCategories, listPublishedArticles } from './store.ts';
import { TownParam } from '../towns/routes.ts';
import { renderMarkdown } from './markdown.ts';

const Lang = z.enum(['en', 'fr']);

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

const ArticleSchema = z
  .object({
    lang: Lang,
    id: z.string(),
    slug: z.string(),
    categoryId: z.string().nullable(),
    categoryName: z.string().nullable(),
    title: z.string(),
    summary: z.string(),
    bodyHtml: z.string().openapi({ description: 'Rendered from Markdown and sanitised on the server' }),
    updatedAt: z.string(),
  })
  .openapi('KbArticle');

const categoriesRoute = createRoute({
  method: 'get',
  path: '/api/v1/towns/{town}/kb/categories',
  tags: ['Knowledge base'],
  summary: 'Knowledge base categories with their number of published articles',
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
  summary: 'Published articles (no bodies: this is the search index)',
  request: { params: TownParam, query: LangQuery },
  responses: {
    200: {
      description: 'Articles',
      content: { 'application/json': { schema: z.object({ lang: Lang, articles: z.array(ArticleSummarySchema) }) } },
    },
    ...errorResponses(400, 404),
  },
});

const articleRoute = createRoute({
  method: 'get',
  path: '/api/v1/towns/{town}/kb/articles/{id}',
  tags: ['Knowledge base'],
  summary: 'One published article with its body as sanitised HTML',
  request: {
    params: TownParam.extend({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }) }),
    query: LangQuery,
  },
  responses: {
    200: { description: 'The article', content: { 'application/json': { schema: ArticleSchema } } },
    ...errorResponses(400, 404),
  },
});

export function registerKbRoutes(app: App, { db }: RouteDeps) {
  app.openapi(categoriesRoute, async (c) => {
    const town = c.var.town;
    const lang = pickLang(c, c.req.valid('query').lang, town.defaultLanguage);
    return c.json({ lang, categories: await listCategories(db, town.id, lang) }, 200);
  });

  app.openapi(articlesRoute, async (c) => {
    const town = c.var.town;
    const lang = pickLang(c, c.req.valid('query').lang, town.defaultLanguage);
    return c.json({ lang, articles: await listPublishedArticles(db, town.id, lang) }, 200);
  });

  app.openapi(articleRoute, async (c) => {
    const { id } = c.req.valid('param');
    const town = c.var.town;
    const lang = pickLang(c, c.req.valid('query').lang, town.defaultLanguage);
    const a = await getPublishedArticle(db, town.id, id, lang);
    if (!a) return apiError(c, 404, 'not_found', 'There is no published article with this id.');
    return c.json(
      {
        lang,
        id: a.id,
        slug: a.slug,
        categoryId: a.categoryId,
        categoryName: a.categoryName,
        title: a.title,
        summary: a.summary,
        bodyHtml: renderMarkdown(a.bodyMarkdown),
        updatedAt: a.updatedAt,
      },
      200,
    );
  });
}
