// A resident's request to see or erase their data (privacy.manage, administrators):
// POST /api/v1/staff/towns/{town}/personal-data/search   what is held for an email and/or phone
// POST /api/v1/staff/towns/{town}/personal-data/export   the same as a JSON download
// POST /api/v1/staff/towns/{town}/personal-data/erase    erases it (contact details, photos, subscriptions)
// POST, so the email and phone never appear in a URL (access logs). Each step is audited with the
// references and counts found or erased, never the email or phone searched for.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { App, AppEnv, RouteDeps } from '../app-types.ts';
import { audit } from '../accounts/audit.ts';
import { guard } from '../accounts/permissions.ts';
import { errorResponses, validationFailed } from '../platform/http/errors.ts';
import { errorLang } from '../platform/http/validation-messages.ts';
import { createPhotoStorage } from '../requests/photos/bytes.ts';
import { TownParam } from '../towns/routes.ts';
import { eraseResidentData, findResidentData, normalisePhone, type ResidentQuery } from './residents.ts';

const QuerySchema = z
  .object({
    email: z.string().trim().max(320).email().optional().openapi({ example: 'pat@example.org' }),
    phone: z.string().trim().max(40).optional().openapi({ example: '613-555-0199' }),
  })
  .openapi('PersonalDataQuery');

const EraseSchema = QuerySchema.extend({
  confirm: z.literal(true).openapi({ description: 'Must be true: erasing cannot be undone' }),
}).openapi('PersonalDataErase');

const HeldRequestSchema = z
  .object({
    reference: z.string(),
    service: z.object({ code: z.string(), en: z.string(), fr: z.string() }),
    status: z.string(),
    createdAt: z.string(),
    closedAt: z.string().nullable(),
    location: z.string(),
    description: z.string(),
    contact: z.object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }).nullable(),
    photos: z.array(z.object({ id: z.string(), contentType: z.string(), bytes: z.number(), width: z.number(), height: z.number(), createdAt: z.string() })),
    subscriptions: z.array(z.object({ email: z.string(), status: z.string(), source: z.string(), lang: z.string(), createdAt: z.string() })),
  })
  .openapi('PersonalDataRequest');

const HeldSchema = z
  .object({
    town: z.object({ id: z.string(), name: z.object({ en: z.string(), fr: z.string() }) }),
    query: z.object({ email: z.string().nullable(), phone: z.string().nullable() }),
    generatedAt: z.string(),
    requests: z.array(HeldRequestSchema),
  })
  .openapi('PersonalData');

const ErasedSchema = z
  .object({ references: z.array(z.string()), contacts: z.number(), photos: z.number(), subscriptions: z.number() })
  .openapi('PersonalDataErased');

const responses = <R extends z.ZodType>(summary: string, schema: R) => ({
  200: { description: summary, content: { 'application/json': { schema } } },
  ...errorResponses(400, 401, 403),
});
const common = { method: 'post' as const, tags: ['Personal data'] };

const searchRoute = createRoute({
  ...common,
  path: '/api/v1/staff/towns/{town}/personal-data/search',
  summary: 'Everything held about a resident (by email and/or phone)',
  request: { params: TownParam, body: { required: true, content: { 'application/json': { schema: QuerySchema } } } },
  responses: responses('What is held', HeldSchema),
});
const exportRoute = createRoute({
  ...common,
  path: '/api/v1/staff/towns/{town}/personal-data/export',
  summary: 'The same, as a JSON file to give the resident (a download)',
  request: { params: TownParam, body: { required: true, content: { 'application/json': { schema: QuerySchema } } } },
  responses: responses('What is held, as an attachment', HeldSchema),
});
const eraseRoute = createRoute({
  ...common,
  path: '/api/v1/staff/towns/{town}/personal-data/erase',
  summary: "Erase a resident's contact details, photos and subscriptions",
  request: { params: TownParam, body: { required: true, content: { 'application/json': { schema: EraseSchema } } } },
  responses: responses('What was erased', ErasedSchema),
});

/** 400 naming the field when neither an email nor a phone with digits was given. */
function needsQuery(c: Context<AppEnv>, q: ResidentQuery) {
  if (q.email || (q.phone && normalisePhone(q.phone).length >= 7)) return undefined;
  const fr = errorLang(c) === 'fr';
  return validationFailed(c, [
    {
      field: q.phone ? 'phone' : 'email',
      message: q.phone
        ? fr ? 'Entrez un numéro de téléphone complet.' : 'Enter a full phone number.'
        : fr ? 'Entrez une adresse courriel ou un numéro de téléphone.' : 'Enter an email address or a phone number.',
    },
  ]);
}

const searchedBy = (q: ResidentQuery) => [...(q.email ? ['email'] : []), ...(q.phone ? ['phone'] : [])];

export function registerPrivacyRoutes(app: App, { db, config }: RouteDeps) {
  const storage = createPhotoStorage(config, db);

  const held = async (c: Context<AppEnv>, q: ResidentQuery) => {
    const town = c.var.town;
    const found = await findResidentData(db, town.id, q);
    return {
      found,
      body: {
        town: { id: town.id, name: town.name },
        query: { email: q.email ?? null, phone: q.phone ?? null },
        generatedAt: new Date().toISOString(),
        requests: found.requests,
      },
    };
  };
  const counts = (requests: { reference: string; photos: unknown[]; subscriptions: unknown[]; contact: unknown }[]) => ({
    references: requests.map((r) => r.reference),
    contacts: requests.filter((r) => r.contact).length,
    photos: requests.reduce((n, r) => n + r.photos.length, 0),
    subscriptions: requests.reduce((n, r) => n + r.subscriptions.length, 0),
  });

  app.openapi(guard(searchRoute, 'privacy.manage'), async (c) => {
    const q = c.req.valid('json');
    const bad = needsQuery(c, q);
    if (bad) return bad;
    const { body } = await held(c, q);
    await audit(c, 'privacy.searched', { type: 'town', id: c.var.town.id }, null, null, { extra: { by: searchedBy(q), ...counts(body.requests) } });
    return c.json(body, 200);
  });

  app.openapi(guard(exportRoute, 'privacy.manage'), async (c) => {
    const q = c.req.valid('json');
    const bad = needsQuery(c, q);
    if (bad) return bad;
    const { body } = await held(c, q);
    await audit(c, 'privacy.exported', { type: 'town', id: c.var.town.id }, null, null, { extra: { by: searchedBy(q), ...counts(body.requests) } });
    c.header('Content-Disposition', `attachment; filename="personal-data-${c.var.town.id}-${body.generatedAt.slice(0, 10)}.json"`);
    c.header('Cache-Control', 'no-store');
    return c.json(body, 200);
  });

  app.openapi(guard(eraseRoute, 'privacy.manage'), async (c) => {
    const { confirm: _confirm, ...q } = c.req.valid('json');
    const bad = needsQuery(c, q);
    if (bad) return bad;
    const townId = c.var.town.id;
    const erased = await db.transaction().execute(async (trx) => {
      const found = await findResidentData(trx, townId, q);
      const r = await eraseResidentData(trx, townId, found);
      await audit(c, 'privacy.erased', { type: 'town', id: townId }, null, null, {
        db: trx,
        extra: { by: searchedBy(q), references: r.references, contacts: r.contacts, photos: r.photoIds.length, subscriptions: r.subscriptions },
      });
      return r;
    });
    await storage.removeBytes(erased.photoIds);
    return c.json({ references: erased.references, contacts: erased.contacts, photos: erased.photoIds.length, subscriptions: erased.subscriptions }, 200);
  });
}
