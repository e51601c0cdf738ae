import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { App, AppEnv, RouteDeps } from '../app-types.ts';
import { requireCsrf, requireSession } from '../accounts/session.ts';
import { apiError, errorResponses } from '../platform/http/errors.ts';
import type { Db } from '../platform/database/schema.ts';
import { listTownRequests } from './staff-store.ts';
import { listTownRoles } from '../accounts/users-store.ts';
import { TownParam } from '../towns/routes.ts';
import { PhotoSummarySchema } from './photos/schemas.ts';

const Status = z.enum(['received', 'in_progress', 'on_hold', 'resolved', 'declined']);

const StaffRequestSchema = z
  .object({
    reference: z.string(),
    status: Status,
    priority: z.string(),
    serviceCode: z.string(),
    serviceName: z.object({ en: z.string(), fr: z.string() }),
    description: z.string(),
    location: z.object({ text: z.string(), lat: z.number().nullable(), lng: z.number().nullable() }),
    contact: z.object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }).nullable(),
    channel: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    photos: z.array(PhotoSummarySchema),
  })
  .openapi('StaffServiceRequest');

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/staff/towns/{town}/requests',
  tags: ['Staff'],
  summary: "A town's requests, newest first",
  security: [{ session: [] }],
  request: {
    params: TownParam,
    query: z.object({
      status: Status.optional(),
      page: z.coerce.number().int().min(1).max(100000).default(1),
      pageSize: z.coerce.number().int().min(1).max(200).default(50),
    }),
  },
  responses: {
    200: {
      description: 'Requests',
      content: {
        'application/json': {
          schema: z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), requests: z.array(StaffRequestSchema) }),
        },
      },
    },
    ...errorResponses(400, 401, 403),
  },
});

/** Requires any role in the `{town}` of the path. Run after requireSession. */
export function requireTownRole(db: Db): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const s = c.get('session')!;
    const town = c.req.param('town');
    const roles = await listTownRoles(db, s.userId);
    if (!roles.some((r) => r.id === town)) return apiError(c, 403, 'forbidden', 'You do not have access to this town.');
    await next();
  };
}

export function registerStaffRequestRoutes(app: App, { db }: RouteDeps) {
  app.openapi({ ...listRoute, middleware: [requireSession, requireCsrf, requireTownRole(db)] as const }, async (c) => {
    const { town } = c.req.valid('param');
    const { status, page, pageSize } = c.req.valid('query');
    const result = await listTownRequests(db, town, { status, page, pageSize });
    return c.json({ total: result.total, page, pageSize, requests: result.requests }, 200);
  });
}
