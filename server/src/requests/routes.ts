import { createRoute, z } from '@hono/zod-openapi';
import { REQUEST_STATUSES } from './statuses.ts';
import type { App, RouteDeps } from '../app-types.ts';
import { apiError, errorResponses, validationFailed } from '../platform/http/errors.ts';
import { LangQuery, pickLang } from '../platform/http/lang.ts';
import { errorLang } from '../platform/http/validation-messages.ts';
import { clientAddress } from '../platform/http/client-address.ts';
import { rateLimited } from '../platform/http/rate-limit.ts';
import { findPublicRequestStatus } from './status-store.ts';
import { PUBLIC_TIMELINE_TYPES } from './status-timeline.ts';
import { publicLimit } from './status-lookup-limit.ts';
import { fileServiceRequest, INTAKE_LIMITS } from './intake.ts';
import { TownParam } from '../towns/routes.ts';
import { PhotoIdsSchema } from './photos/schemas.ts';

const Status = z.enum(REQUEST_STATUSES);
const optionalText = (max: number, description?: string) =>
  z.string().nullable().optional().openapi({ maxLength: max, ...(description ? { description } : {}) });

// Types only: the content rules (lengths, formats, the location rule, the service's questions) are
// intake's (intake.ts), written once for every channel, so one answer names every wrong field. The
// limits below document the same INTAKE_LIMITS.
const NewRequestSchema = z
  .object({
    serviceCode: z.string().openapi({ maxLength: INTAKE_LIMITS.serviceCode }),
    description: z
      .string()
      .openapi({ minLength: 1, maxLength: INTAKE_LIMITS.description, description: 'Plain text; stored and shown as text, never as HTML' }),
    location: z.object({
      text: optionalText(INTAKE_LIMITS.locationText, 'Where the problem is, in words; may be empty when lat and lng are both given'),
      lat: z.number().nullable().optional().openapi({ minimum: -90, maximum: 90 }),
      lng: z.number().nullable().optional().openapi({ minimum: -180, maximum: 180 }),
    }),
    contact: z
      .object({
        name: optionalText(INTAKE_LIMITS.name),
        email: optionalText(INTAKE_LIMITS.email, 'An email address'),
        phone: optionalText(
          INTAKE_LIMITS.phone,
          'At least 7 digits; spaces and + - ( ) . allowed, and an extension (ext, ext., x, #, poste followed by digits)',
        ),
      })
      .nullable()
      .optional(),
    answers: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]))
      .optional()
      .openapi({ description: "Answers to the service's questions, by question code" }),
    lang: z.enum(['en', 'fr']).optional(),
    subscribe: z
      .boolean()
      .optional()
      .openapi({ description: 'Email me when this request changes: with contact.email, a confirmation email is sent (double opt-in)' }),
    photos: PhotoIdsSchema,
    website: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: 'Honeypot: forms hide this field from people and send it empty; anything in it is refused' }),
  })
  .openapi('NewServiceRequest');

const FiledSchema = z
  .object({ reference: z.string().openapi({ example: 'LKV-7K4Q2-M9XCR' }), status: Status, createdAt: z.string() })
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
        .openapi({
          description:
            'Replays with the same key and the same body answer 200 with the first reply; the same key with a different body answers 422 idempotency_key_reused',
        }),
    }),
    body: { required: true, content: { 'application/json': { schema: NewRequestSchema } } },
  },
  responses: {
    201: { description: 'Filed', content: { 'application/json': { schema: FiledSchema } } },
    200: { description: 'Already filed with this Idempotency-Key', content: { 'application/json': { schema: FiledSchema } } },
    ...errorResponses(400, 404, 413, 422, 429),
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
    expectedDate: z
      .string()
      .nullable()
      .openapi({ description: "The service's target date (YYYY-MM-DD, the town's time zone, working days); null without a target" }),
    timeline: z.array(
      z
        .object({
          type: z.enum(PUBLIC_TIMELINE_TYPES).openapi({
            description:
              'created (received), status_changed, public_note, department_changed (assigned to `department`), merged (a duplicate of `intoReference`)',
          }),
          status: Status.nullable(),
          note: z.string().nullable(),
          noteLang: z.enum(['en', 'fr']).nullable().openapi({ description: 'The language of `note`; another than the asked one when staff wrote only that' }),
          department: z.string().nullable(),
          intoReference: z.string().nullable(),
          at: z.string(),
        })
        .openapi('ServiceRequestTimelineEntry'),
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
      reference: z.string().min(1).max(40).openapi({
        param: { name: 'reference', in: 'path' },
        example: 'LKV-7K4Q2-M9XCR',
        description: 'Case, spaces and dashes do not matter; the town prefix may be left out',
      }),
    }),
    query: LangQuery,
  },
  responses: {
    200: { description: 'Status', content: { 'application/json': { schema: StatusSchema } } },
    ...errorResponses(400, 404, 429),
  },
});

/**
 * The one answer for a reference that finds nothing, mistyped or unknown alike, so references cannot
 * be probed (the widget checks the check symbol itself and tells the resident about a typo).
 */
export const REFERENCE_NOT_FOUND = {
  en: 'There is no request with this reference number.',
  fr: 'Aucune demande ne porte ce numéro de référence.',
};

export function registerRequestRoutes(app: App, { db, config }: RouteDeps) {
  app.openapi(createRequestRoute, async (c) => {
    const town = c.var.town;
    const body = c.req.valid('json');
    // The request's language: the body's, else the town's. Messages follow ?lang= or Accept-Language
    // like every validation answer (the form sends its language in both), else the request's.
    const lang = pickLang(c, body.lang, town.defaultLanguage);
    const messageLang = c.req.query('lang') || c.req.header('accept-language') ? errorLang(c) : lang;
    const result = await fileServiceRequest(db, {
      town,
      serviceCode: body.serviceCode,
      description: body.description,
      location: body.location,
      contact: body.contact,
      answers: body.answers,
      lang,
      messageLang,
      channel: 'web',
      idempotencyKey: c.req.valid('header')['idempotency-key'] ?? null,
      website: body.website,
      photos: body.photos,
      subscribe: body.subscribe === true,
      rateLimit: { clientAddress: clientAddress(c, config.trustProxyHops), rules: config.intakeRateLimits },
    });
    if (!result.ok) {
      switch (result.reason) {
        case 'invalid':
          return validationFailed(c, result.errors, messageLang);
        case 'idempotency_key_reused':
          return apiError(c, 422, 'idempotency_key_reused', result.message);
        case 'rate_limited':
          return rateLimited(c, result.retryAfterSeconds, messageLang);
      }
    }
    const filed = result.filed;
    const reply = { reference: filed.reference, status: filed.status, createdAt: filed.createdAt };
    return filed.replayed ? c.json(reply, 200) : c.json(reply, 201);
  });

  app.openapi(statusRoute, async (c) => {
    const { reference } = c.req.valid('param');
    const town = c.var.town;
    const lang = pickLang(c, c.req.valid('query').lang, town.defaultLanguage);
    const limit = await publicLimit(c, db, config, town.id, 'status');
    if (!limit.allowed) return rateLimited(c, limit.retryAfterSeconds, lang);
    const found = await findPublicRequestStatus(db, town, reference, lang);
    if (!found.found) return apiError(c, 404, 'not_found', REFERENCE_NOT_FOUND[lang]);
    return c.json(found.status, 200);
  });
}
