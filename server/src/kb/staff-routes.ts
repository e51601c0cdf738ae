// The knowledge base for staff, under /api/v1/staff/towns/{town}/kb: articles (working drafts,
// publishing, archiving), every revision with diffs and restore, categories, the editor's preview and
// insight. Reads need kb.read (every role), writes kb.edit (editors and admins); every write is
// audited. Writes carry the version they started from: a stale one answers 409 edit_conflict with the
// current article, and nothing is overwritten.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { App, AppEnv, RouteDeps } from '../app-types.ts';
import { audit } from '../accounts/audit.ts';
import { guard } from '../accounts/permissions.ts';
import { say } from '../accounts/messages.ts';
import { ErrorSchema, apiError, errorBody, errorResponses, validationFailed } from '../platform/http/errors.ts';
import type { DbOrTx, Lang } from '../platform/database/schema.ts';
import { listActiveServices } from '../services/store.ts';
import { TownParam } from '../towns/routes.ts';
import { createCategory, deleteCategory, getStaffCategory, listStaffCategories, updateCategory } from './categories.ts';
import { diffRevisions } from './diff.ts';
import {
  createArticle,
  listStaffArticles,
  publishArticle,
  restoreRevision,
  saveArticle,
  setArticleStatus,
  staffArticle,
  type ArticleInput,
  type StaffArticle,
  type WriteResult,
} from './editing.ts';
import { insight } from './insight.ts';
import { renderMarkdown } from './markdown.ts';
import { latestPublications } from './publishing.ts';
import { getArticle, getRevision, listRevisions, slugTaken } from './store.ts';

const Lang = z.enum(['en', 'fr']);
const Status = z.enum(['draft', 'published', 'archived']);
const Visibility = z.enum(['public', 'internal']);
const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date as YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'Not a real date');

const LangTextSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    summary: z.string().trim().max(500),
    body: z.string().max(60000).openapi({ description: 'Markdown' }),
    keywords: z.array(z.string().trim().min(1).max(100)).max(60).openapi({ description: 'Keywords and synonyms residents might type' }),
  })
  .openapi('KbLangText');

const ArticleInputSchema = z
  .object({
    slug: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Lower-case letters, digits and dashes'),
    categoryId: z.string().max(100).nullable(),
    visibility: Visibility,
    serviceCodes: z.array(z.string().min(1).max(100)).max(50),
    reviewBy: DateOnly.nullable(),
    en: LangTextSchema.nullable(),
    fr: LangTextSchema.nullable(),
  })
  .openapi('KbArticleInput');

const PublicationSchema = z.object({ revisionId: z.string(), publishedAt: z.string() }).nullable();

const StaffArticleSchema = ArticleInputSchema.extend({
  slug: z.string(),
  reviewBy: z.string().nullable(),
  id: z.string(),
  status: Status,
  version: z.number().int(),
  publishAt: z.string().nullable().openapi({ description: 'A scheduled publish still to come' }),
  published: z.object({ en: PublicationSchema, fr: PublicationSchema }),
  missing: z.array(Lang),
  unpublishedChanges: z.boolean(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
}).openapi('KbStaffArticle');

const StaffArticleListItemSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    categoryId: z.string().nullable(),
    visibility: Visibility,
    status: Status,
    titleEn: z.string().nullable(),
    titleFr: z.string().nullable(),
    missing: z.array(Lang),
    unpublishedChanges: z.boolean(),
    publishAt: z.string().nullable(),
    reviewBy: z.string().nullable(),
    updatedAt: z.string(),
    updatedByName: z.string().nullable(),
    serviceCodes: z.array(z.string()),
  })
  .openapi('KbStaffArticleListItem');

const ConflictSchema = ErrorSchema.extend({ current: StaffArticleSchema.optional().openapi({ description: 'With edit_conflict: the article as it is now' }) }).openapi('KbEditConflict');
const conflictResponse = {
  409: {
    description: 'Another editor changed the article since `version` (edit_conflict; `current` is the article now; nothing was written), or the slug is taken (slug_taken)',
    content: { 'application/json': { schema: ConflictSchema } },
  },
};

const CategorySchema = z
  .object({
    id: z.string(),
    slugEn: z.string(),
    slugFr: z.string(),
    nameEn: z.string(),
    nameFr: z.string(),
    sort: z.number().int(),
    articleCount: z.number().int(),
  })
  .openapi('KbStaffCategory');

const CategorySlug = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Lower-case letters, digits and dashes');
const CategoryInputSchema = z
  .object({
    nameEn: z.string().trim().min(1).max(120),
    nameFr: z.string().trim().min(1).max(120),
    slugEn: CategorySlug.optional(),
    slugFr: CategorySlug.optional(),
    sort: z.number().int().min(0).max(100000).optional(),
  })
  .openapi('KbCategoryInput');
const CategoryChangeSchema = CategoryInputSchema.partial().openapi('KbCategoryChange');

const ChangeSchema = z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() }).openapi('KbChange');

const RevisionSummarySchema = z
  .object({
    id: z.string(),
    lang: Lang,
    number: z.number().int(),
    title: z.string(),
    createdAt: z.string(),
    authorName: z.string().nullable(),
    published: z.boolean().openapi({ description: 'This is the revision published (or scheduled) in its language' }),
  })
  .openapi('KbRevisionSummary');

const RevisionSchema = z
  .object({
    id: z.string(),
    lang: Lang,
    number: z.number().int(),
    title: z.string(),
    summary: z.string(),
    body: z.string(),
    keywords: z.array(z.string()),
    createdAt: z.string(),
    authorName: z.string().nullable(),
  })
  .openapi('KbRevision');

const InsightSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    totalSearches: z.number().int(),
    topSearches: z.array(z.object({ query: z.string(), lang: Lang, count: z.number().int() })),
    noResultSearches: z.array(z.object({ query: z.string(), lang: Lang, count: z.number().int() })),
    articles: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        lang: Lang,
        views: z.number().int(),
        helpful: z.number().int(),
        unhelpful: z.number().int(),
        comments: z.array(z.object({ text: z.string(), helpful: z.boolean(), createdAt: z.string() })),
      }),
    ),
  })
  .openapi('KbInsight');

const P = '/api/v1/staff/towns/{town}/kb';
const tags = ['Knowledge base (staff)'];
const IdParam = TownParam.extend({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }) });
const RevisionParam = IdParam.extend({ revisionId: z.string().min(1).max(100).openapi({ param: { name: 'revisionId', in: 'path' } }) });
const json = <T extends z.ZodType>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });
const ok = <T extends z.ZodType>(description: string, schema: T) => ({ description, content: { 'application/json': { schema } } });
const VersionBody = z.object({ version: z.number().int().min(1) });

const listRoute = createRoute({
  method: 'get',
  path: `${P}/articles`,
  tags,
  summary: 'Every article of the town (public and internal, any status), newest change first',
  request: {
    params: TownParam,
    query: z.object({
      status: Status.optional(),
      categoryId: z.string().max(100).optional(),
      visibility: Visibility.optional(),
      service: z.string().max(100).optional(),
      q: z.string().max(200).optional(),
    }),
  },
  responses: { 200: ok('Articles', z.object({ articles: z.array(StaffArticleListItemSchema) })), ...errorResponses(400, 401, 403) },
});
const createArticleRoute = createRoute({
  method: 'post',
  path: `${P}/articles`,
  tags,
  summary: 'Create an article (a draft)',
  request: { params: TownParam, body: json(ArticleInputSchema) },
  responses: { 201: ok('The article', StaffArticleSchema), ...errorResponses(400, 401, 403, 409) },
});
const getArticleRoute = createRoute({
  method: 'get',
  path: `${P}/articles/{id}`,
  tags,
  summary: 'One article: the latest revision of each language (the working draft) and what is published',
  request: { params: IdParam },
  responses: { 200: ok('The article', StaffArticleSchema), ...errorResponses(401, 403, 404) },
});
const putArticleRoute = createRoute({
  method: 'put',
  path: `${P}/articles/{id}`,
  tags,
  summary: 'Save an article: a new revision of each language whose text changed. Does not change what the public sees.',
  request: { params: IdParam, body: json(ArticleInputSchema.extend({ version: z.number().int().min(1) }).openapi('KbArticleSave')) },
  responses: { 200: ok('The article', StaffArticleSchema), ...errorResponses(400, 401, 403, 404), ...conflictResponse },
});
const publishRoute = createRoute({
  method: 'post',
  path: `${P}/articles/{id}/publish`,
  tags,
  summary: 'Publish the latest revision of each language (rendered and sanitised once); a future publishAt schedules it',
  request: {
    params: IdParam,
    body: json(VersionBody.extend({ publishAt: z.iso.datetime({ offset: true }).optional() }).openapi('KbPublish')),
  },
  responses: { 200: ok('The article', StaffArticleSchema), ...errorResponses(400, 401, 403, 404), ...conflictResponse },
});
const archiveRoute = createRoute({
  method: 'post',
  path: `${P}/articles/{id}/archive`,
  tags,
  summary: 'Archive an article (no longer public)',
  request: { params: IdParam, body: json(VersionBody) },
  responses: { 200: ok('The article', StaffArticleSchema), ...errorResponses(400, 401, 403, 404), ...conflictResponse },
});
const unarchiveRoute = createRoute({
  method: 'post',
  path: `${P}/articles/{id}/unarchive`,
  tags,
  summary: 'Take an article out of the archive, back to draft',
  request: { params: IdParam, body: json(VersionBody) },
  responses: { 200: ok('The article', StaffArticleSchema), ...errorResponses(400, 401, 403, 404), ...conflictResponse },
});
const revisionsRoute = createRoute({
  method: 'get',
  path: `${P}/articles/{id}/revisions`,
  tags,
  summary: 'Every revision of an article, newest first',
  request: { params: IdParam },
  responses: { 200: ok('Revisions', z.object({ revisions: z.array(RevisionSummarySchema) })), ...errorResponses(401, 403, 404) },
});
const revisionRoute = createRoute({
  method: 'get',
  path: `${P}/articles/{id}/revisions/{revisionId}`,
  tags,
  summary: 'One revision',
  request: { params: RevisionParam },
  responses: { 200: ok('The revision', RevisionSchema), ...errorResponses(401, 403, 404) },
});
const diffRoute = createRoute({
  method: 'get',
  path: `${P}/articles/{id}/diff`,
  tags,
  summary: 'What changed between two revisions: line by line for the body, word by word for the rest',
  request: {
    params: IdParam,
    query: z.object({
      from: z.string().min(1).max(100).optional().openapi({ description: 'Revision id (required)' }),
      to: z.string().min(1).max(100).optional().openapi({ description: 'Revision id (required)' }),
    }),
  },
  responses: {
    200: ok(
      'The difference',
      z
        .object({
          from: z.string().openapi({ description: 'The revision id compared from' }),
          to: z.string().openapi({ description: 'The revision id compared to' }),
          fields: z.object({ title: z.array(ChangeSchema), summary: z.array(ChangeSchema), body: z.array(ChangeSchema), keywords: z.array(ChangeSchema) }),
        })
        .openapi('KbDiff'),
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});
const restoreRoute = createRoute({
  method: 'post',
  path: `${P}/articles/{id}/revisions/{revisionId}/restore`,
  tags,
  summary: 'Restore an old revision: a new revision with its content (not published until you publish)',
  request: { params: RevisionParam, body: json(VersionBody) },
  responses: { 200: ok('The article', StaffArticleSchema), ...errorResponses(400, 401, 403, 404), ...conflictResponse },
});
const previewRoute = createRoute({
  method: 'post',
  path: `${P}/preview`,
  tags,
  summary: "The editor's live preview: Markdown rendered and sanitised exactly as publishing does",
  request: { params: TownParam, body: json(z.object({ markdown: z.string().max(60000) }).openapi('KbPreview')) },
  responses: { 200: ok('HTML', z.object({ html: z.string() })), ...errorResponses(400, 401, 403) },
});
const categoriesRoute = createRoute({
  method: 'get',
  path: `${P}/categories`,
  tags,
  summary: 'Categories with their number of articles (any status)',
  request: { params: TownParam },
  responses: { 200: ok('Categories', z.object({ categories: z.array(CategorySchema) })), ...errorResponses(401, 403) },
});
const createCategoryRoute = createRoute({
  method: 'post',
  path: `${P}/categories`,
  tags,
  summary: 'Add a category (slugs made from the names when not given)',
  request: { params: TownParam, body: json(CategoryInputSchema) },
  responses: { 201: ok('The category', CategorySchema), ...errorResponses(400, 401, 403) },
});
const patchCategoryRoute = createRoute({
  method: 'patch',
  path: `${P}/categories/{id}`,
  tags,
  summary: 'Change a category (only the fields sent)',
  request: { params: IdParam, body: json(CategoryChangeSchema) },
  responses: { 200: ok('The category', CategorySchema), ...errorResponses(400, 401, 403, 404) },
});
const deleteCategoryRoute = createRoute({
  method: 'delete',
  path: `${P}/categories/{id}`,
  tags,
  summary: 'Delete an empty category (409 category_not_empty while articles are filed under it)',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404, 409) },
});
const insightRoute = createRoute({
  method: 'get',
  path: `${P}/insight`,
  tags,
  summary: 'Top searches, searches with no result, and articles rated unhelpful (most first) with their comments, for a period',
  request: {
    params: TownParam,
    query: z.object({ from: DateOnly.optional().openapi({ description: 'First day; default 29 days before `to`' }), to: DateOnly.optional().openapi({ description: 'Last day; default today' }) }),
  },
  responses: { 200: ok('Insight', InsightSchema), ...errorResponses(400, 401, 403) },
});

const notFound = (c: Context) => apiError(c, 404, 'not_found', say(c, 'There is no article with this id in this town.', 'Aucun article ne porte cet identifiant dans cette municipalité.'));

/** An audit-friendly picture of an article: what changed, never the whole body. */
const auditView = (a: StaffArticle | undefined) =>
  a
    ? {
        slug: a.slug,
        status: a.status,
        visibility: a.visibility,
        categoryId: a.categoryId,
        serviceCodes: a.serviceCodes,
        reviewBy: a.reviewBy,
        publishAt: a.publishAt,
        version: a.version,
        titleEn: a.en?.title ?? null,
        titleFr: a.fr?.title ?? null,
      }
    : null;

export function registerKbStaffRoutes(app: App, { db }: RouteDeps) {
  /** 400 naming the field for references that do not hold: category, service codes, slug taken (409). */
  async function checkInput(c: Context<AppEnv>, townId: string, input: ArticleInput, exceptId?: string) {
    if (!input.en && !input.fr) {
      return validationFailed(c, [{ field: 'en', message: say(c, 'Write the article in English or French (or both).', 'Rédigez l’article en anglais ou en français (ou les deux).') }]);
    }
    if (input.categoryId && !(await getStaffCategory(db, townId, input.categoryId))) {
      return validationFailed(c, [{ field: 'categoryId', message: say(c, 'There is no such category.', 'Cette catégorie n’existe pas.') }]);
    }
    if (input.serviceCodes.length > 0) {
      const codes = new Set((await listActiveServices(db, townId)).map((s) => s.code));
      const i = input.serviceCodes.findIndex((s) => !codes.has(s));
      if (i >= 0) return validationFailed(c, [{ field: `serviceCodes.${i}`, message: say(c, 'There is no such service.', 'Ce service n’existe pas.') }]);
    }
    if (await slugTaken(db, townId, input.slug, exceptId)) {
      return c.json(
        errorBody('slug_taken', say(c, 'Another article already uses this slug.', 'Un autre article utilise déjà cet identifiant.'), [
          { field: 'slug', message: say(c, 'Choose another slug.', 'Choisissez un autre identifiant.') },
        ]),
        409,
      );
    }
    return null;
  }

  /** Runs a versioned write in a transaction; answers the article, or 409 with the current one. */
  async function versioned(
    c: Context<AppEnv>,
    townId: string,
    id: string,
    action: string,
    write: (trx: DbOrTx) => Promise<WriteResult>,
    extra: Record<string, unknown> = {},
  ) {
    const before = await staffArticle(db, townId, id);
    if (!before) return notFound(c);
    const result = await db.transaction().execute(async (trx) => {
      const r = await write(trx);
      if (r.ok) {
        const after = await staffArticle(trx, townId, id);
        await audit(c, action, { type: 'kb_article', id }, auditView(before), auditView(after), { db: trx, extra: { ...extra, langs: r.changedLangs } });
      }
      return r;
    });
    const current = (await staffArticle(db, townId, id))!;
    if (!result.ok) {
      return c.json(
        {
          ...errorBody(
            'edit_conflict',
            say(
              c,
              'Someone else changed this article while you were editing. Nothing was overwritten: compare with the current version and save again.',
              'Quelqu’un d’autre a modifié cet article pendant que vous le modifiiez. Rien n’a été écrasé : comparez avec la version actuelle et enregistrez de nouveau.',
            ),
          ),
          current,
        },
        409,
      );
    }
    return c.json(current, 200);
  }

  app.openapi(guard(listRoute, 'kb.read'), async (c) => {
    const { town } = c.req.valid('param');
    const q = c.req.valid('query');
    return c.json({ articles: await listStaffArticles(db, town, q) }, 200);
  });

  app.openapi(guard(createArticleRoute, 'kb.edit'), async (c) => {
    const { town } = c.req.valid('param');
    const input = c.req.valid('json');
    const bad = await checkInput(c, town, input);
    if (bad) return bad;
    const userId = c.var.session?.userId ?? null;
    const id = await db.transaction().execute(async (trx) => {
      const id = await createArticle(trx, town, input, userId);
      await audit(c, 'kb.article_created', { type: 'kb_article', id }, null, auditView(await staffArticle(trx, town, id)), { db: trx });
      return id;
    });
    return c.json((await staffArticle(db, town, id))!, 201);
  });

  app.openapi(guard(getArticleRoute, 'kb.read'), async (c) => {
    const { town, id } = c.req.valid('param');
    const a = await staffArticle(db, town, id);
    return a ? c.json(a, 200) : notFound(c);
  });

  app.openapi(guard(putArticleRoute, 'kb.edit'), async (c) => {
    const { town, id } = c.req.valid('param');
    const { version, ...input } = c.req.valid('json');
    if (!(await getArticle(db, town, id))) return notFound(c);
    const bad = await checkInput(c, town, input, id);
    if (bad) return bad;
    const userId = c.var.session?.userId ?? null;
    return versioned(c, town, id, 'kb.article_saved', (trx) => saveArticle(trx, town, id, version, input, userId));
  });

  app.openapi(guard(publishRoute, 'kb.edit'), async (c) => {
    const { town, id } = c.req.valid('param');
    const { version, publishAt } = c.req.valid('json');
    const at = publishAt ? new Date(publishAt).toISOString() : null;
    const userId = c.var.session?.userId ?? null;
    return versioned(c, town, id, 'kb.article_published', (trx) => publishArticle(trx, town, id, version, at, userId), { publishAt: at });
  });

  app.openapi(guard(archiveRoute, 'kb.edit'), async (c) => {
    const { town, id } = c.req.valid('param');
    const { version } = c.req.valid('json');
    const userId = c.var.session?.userId ?? null;
    return versioned(c, town, id, 'kb.article_archived', (trx) => setArticleStatus(trx, town, id, version, 'archived', userId));
  });

  app.openapi(guard(unarchiveRoute, 'kb.edit'), async (c) => {
    const { town, id } = c.req.valid('param');
    const { version } = c.req.valid('json');
    const userId = c.var.session?.userId ?? null;
    return versioned(c, town, id, 'kb.article_unarchived', (trx) => setArticleStatus(trx, town, id, version, 'draft', userId));
  });

  app.openapi(guard(revisionsRoute, 'kb.read'), async (c) => {
    const { town, id } = c.req.valid('param');
    if (!(await getArticle(db, town, id))) return notFound(c);
    const [revisions, pubs] = await Promise.all([listRevisions(db, id), latestPublications(db, [id])]);
    const published = new Set(Object.values(pubs.get(id) ?? {}).map((p) => p.revisionId));
    return c.json(
      {
        revisions: revisions.map((r) => ({
          id: r.id,
          lang: r.lang,
          number: r.number,
          title: r.title,
          createdAt: r.createdAt,
          authorName: r.authorName,
          published: published.has(r.id),
        })),
      },
      200,
    );
  });

  const revisionNotFound = (c: Context, field?: string) =>
    apiError(
      c,
      404,
      'not_found',
      say(c, 'There is no revision with this id for this article.', 'Cet article n’a pas de révision portant cet identifiant.'),
      field ? [{ field, message: say(c, 'Unknown revision.', 'Révision inconnue.') }] : undefined,
    );

  app.openapi(guard(revisionRoute, 'kb.read'), async (c) => {
    const { town, id, revisionId } = c.req.valid('param');
    if (!(await getArticle(db, town, id))) return notFound(c);
    const r = await getRevision(db, id, revisionId);
    if (!r) return revisionNotFound(c);
    return c.json(
      { id: r.id, lang: r.lang, number: r.number, title: r.title, summary: r.summary, body: r.body, keywords: r.keywords, createdAt: r.createdAt, authorName: r.authorName },
      200,
    );
  });

  app.openapi(guard(diffRoute, 'kb.read'), async (c) => {
    const { town, id } = c.req.valid('param');
    const { from, to } = c.req.valid('query');
    if (!(await getArticle(db, town, id))) return notFound(c);
    if (!from || !to) {
      const field = from ? 'to' : 'from';
      return validationFailed(c, [{ field, message: say(c, 'Choose the two revisions to compare.', 'Choisissez les deux révisions à comparer.') }]);
    }
    const a = await getRevision(db, id, from);
    if (!a) return revisionNotFound(c, 'from');
    const b = await getRevision(db, id, to);
    if (!b) return revisionNotFound(c, 'to');
    return c.json({ from: a.id, to: b.id, fields: diffRevisions(a, b) }, 200);
  });

  app.openapi(guard(restoreRoute, 'kb.edit'), async (c) => {
    const { town, id, revisionId } = c.req.valid('param');
    const { version } = c.req.valid('json');
    if (!(await getArticle(db, town, id))) return notFound(c);
    const old = await getRevision(db, id, revisionId);
    if (!old) return revisionNotFound(c);
    const userId = c.var.session?.userId ?? null;
    return versioned(c, town, id, 'kb.revision_restored', (trx) => restoreRevision(trx, town, id, version, old, userId), {
      restoredRevisionId: old.id,
      restoredNumber: old.number,
      lang: old.lang as Lang,
    });
  });

  app.openapi(guard(previewRoute, 'kb.edit'), async (c) => {
    const { markdown } = c.req.valid('json');
    return c.json({ html: renderMarkdown(markdown) }, 200);
  });

  app.openapi(guard(categoriesRoute, 'kb.read'), async (c) => {
    const { town } = c.req.valid('param');
    return c.json({ categories: await listStaffCategories(db, town) }, 200);
  });

  app.openapi(guard(createCategoryRoute, 'kb.edit'), async (c) => {
    const { town } = c.req.valid('param');
    const input = c.req.valid('json');
    const id = await createCategory(db, town, input);
    const after = (await getStaffCategory(db, town, id))!;
    await audit(c, 'kb.category_created', { type: 'kb_category', id }, null, { ...after });
    return c.json(after, 201);
  });

  app.openapi(guard(patchCategoryRoute, 'kb.edit'), async (c) => {
    const { town, id } = c.req.valid('param');
    const change = c.req.valid('json');
    const before = await getStaffCategory(db, town, id);
    if (!before) return apiError(c, 404, 'not_found', say(c, 'There is no such category.', 'Cette catégorie n’existe pas.'));
    await updateCategory(db, town, id, change);
    const after = (await getStaffCategory(db, town, id))!;
    await audit(c, 'kb.category_changed', { type: 'kb_category', id }, { ...before }, { ...after });
    return c.json(after, 200);
  });

  app.openapi(guard(deleteCategoryRoute, 'kb.edit'), async (c) => {
    const { town, id } = c.req.valid('param');
    const before = await getStaffCategory(db, town, id);
    if (!before) return apiError(c, 404, 'not_found', say(c, 'There is no such category.', 'Cette catégorie n’existe pas.'));
    if (!(await deleteCategory(db, town, id))) {
      return c.json(
        errorBody(
          'category_not_empty',
          say(c, 'Move or delete the articles of this category first.', 'Déplacez ou supprimez d’abord les articles de cette catégorie.'),
        ),
        409,
      );
    }
    await audit(c, 'kb.category_deleted', { type: 'kb_category', id }, { ...before }, null);
    return c.body(null, 204);
  });

  app.openapi(guard(insightRoute, 'kb.read'), async (c) => {
    const { town } = c.req.valid('param');
    const q = c.req.valid('query');
    const to = q.to ?? new Date().toISOString().slice(0, 10);
    const from = q.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86400000).toISOString().slice(0, 10);
    if (from > to) return validationFailed(c, [{ field: 'from', message: say(c, 'The first day must not be after the last.', 'Le premier jour ne peut pas suivre le dernier.') }]);
    if (Date.parse(to) - Date.parse(from) > 366 * 86400000) {
      return validationFailed(c, [{ field: 'from', message: say(c, 'Choose a period of at most a year.', 'Choisissez une période d’au plus un an.') }]);
    }
    return c.json(await insight(db, town, from, to), 200);
  });
}
