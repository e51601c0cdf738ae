import { createRoute, z } from '@hono/zod-openapi';
import type { App, RouteDeps } from '../app-types.ts';
import { apiError, errorResponses, validationFailed } from '../platform/http/errors.ts';
import { LangQuery, pickLang } from '../platform/http/lang.ts';
import { getPublicRequestStatus } from './status-store.ts';
import { fileServiceRequest } from './intake.ts';
import { TownParam } from '../towns/routes.ts';
import { PhotoIdsSchema } from './photos/schemas.ts';

const Status = z.enum(['received', 'in_progress', 'on_hold', 'resolved', 'declined']);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

const NewRequestSchema = z
  .object({
    serviceCode: z.string().trim().min(1).max(100),
    description: z.string().trim().min(1).max(4000),
    location: z.object({
      text: z.string().trim().min(1).max(500),
      lat: z.number().min(-90).max(90).nullable().optional(),
      lng: z.number().min(-180).max(180).nullable().optional(),
    }),
    contact: z
      .object({
        name: optionalText(200),
        email: z.union([z.literal(''), z.email().max(254)]).nullable().optional(),
        phone: optionalText(40),
      })
      .nullable()
      .optional(),
    answers: z.record(z.string(), z.union([z.string().max(2000), z.number(), z.boolean(), z.array(z.string().max(200))])).optional(),
    lang: z.enum(['en', 'fr']).optional(),
    photos: PhotoIdsSchema,
  })
  .openapi('NewServiceRequest');

const FiledSchema = z
  .object({ reference: z.string().openapi({ example: 'LKV-2026-00001' }), status: Status, createdAt: z.string() })
  .openapi('FiledServiceRequest');

const createRequestRoute = createRoute({
  method: 'post',
  path: '/api/v1/towns/{town}/requests',
  tags: ['Service requests'],
  summary: 'File a service request',
  request: {
    params: TownParam,
    headers: z.object({
      'idempotency-key': z
        .string()
        .min(8)
        .max(200)
        .optional()
        .openapi({ description: 'Replays with the same key answer 200 with the first reply' }),
    }),
    body: { required: true, content: { 'application/json': { schema: NewRequestSchema } } },
  },
  responses: {
    201: { description: 'Filed', content: { 'application/json': { schema: FiledSchema } } },
    200: { description: 'Already filed with this Idempotency-Key', content: { 'application/json': { schema: FiledSchema } } },
    ...errorResponses(400, 404, 413),
  },
});

const StatusSchema = z
  .object({
    reference: z.string(),
    status: Status,
    serviceCode: z.string(),
    serviceName: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    timeline: z.array(
      z.object({
        type: z.enum(['status_changed', 'public_note']),
        status: Status.nullable(),
        note: z.string().nullable(),
        at: z.string(),
      }),
    ),
  })
  .openapi('ServiceRequestStatus');

const statusRoute = createRoute({
  method: 'get',
  path: '/api/v1/towns/{town}/requests/{reference}',
  tags: ['Service requests'],
  summary: 'Status and public timeline of a request (no personal data)',
  request: {
    params: TownParam.extend({
      reference: z.string().min(1).max(40).openapi({ param: { name: 'reference', in: 'path' }, example: 'LKV-2026-00001' }),
    }),
    query: LangQuery,
  },
  responses: {
    200: { description: 'Status', content: { 'application/json': { schema: StatusSchema } } },
    ...errorResponses(400, 404),
  },
});

export function registerRequestRoutes(app: App, { db }: RouteDeps) {
  app.openapi(createRequestRoute, async (c) => {
    const town = c.var.town;
    const body = c.req.valid('json');
    const result = await fileServiceRequest(db, {
      town,
      serviceCode: body.serviceCode,
      description: body.description,
      location: body.location,
      contact: body.contact,
      answers: body.answers,
      lang: pickLang(c, body.lang, town.defaultLanguage),
      channel: 'web',
      idempotencyKey: c.req.valid('header')['idempotency-key'] ?? null,
      photos: body.photos,
    });
    if (!result.ok) return validationFailed(c, result.errors, pickLang(c, body.lang, town.defaultLanguage));
    const filed = result.filed;
    const reply = { reference: filed.reference, status: filed.status, createdAt: filed.createdAt };
    return filed.replayed ? c.json(reply, 200) : c.json(reply, 201);
  });

  app.openapi(statusRoute, async (c) => {
    const { reference } = c.req.valid('param');
    const town = c.var.town;
    const lang = pickLang(c, c.req.valid('query').lang, town.defaultLanguage);
    const status = await getPublicRequestStatus(db, town.id, reference.trim().toUpperCase(), lang);
    if (!status) return apiError(c, 404, 'not_found', 'There is no request with this reference number.');
    return c.json(status, 200);
  });
}
