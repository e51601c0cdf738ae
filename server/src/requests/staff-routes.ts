import { createRoute, z } from '@hono/zod-openapi';
import { REQUEST_STATUSES } from './statuses.ts';
import type { App, RouteDeps } from '../app-types.ts';
import { guard } from '../accounts/permissions.ts';
import { errorResponses } from '../platform/http/errors.ts';
import { listTownRequests } from './staff-store.ts';
import { TownParam } from '../towns/routes.ts';
import { PhotoSummarySchema } from './photos/schemas.ts';
import { registerStaffRequestPageRoutes } from './staff-request-routes.ts';
import { registerServiceTargetRoutes } from './staff-targets.ts';

const Status = z.enum(REQUEST_STATUSES);

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

/** The departments an agent is limited to; empty (every department) for other roles. */
export const agentDepartments = (access: { role: string; departmentIds: string[] } | undefined): string[] =>
  access?.role === 'agent' ? access.departmentIds : [];

export function registerStaffRequestRoutes(app: App, deps: RouteDeps) {
  const { db } = deps;
  // Every staff route declares its permission through guard() (accounts/permissions.ts).
  app.openapi(guard(listRoute, 'requests.read'), async (c) => {
    const { town } = c.req.valid('param');
    const { status, page, pageSize } = c.req.valid('query');
    const result = await listTownRequests(db, town, { status, page, pageSize, departmentIds: agentDepartments(c.var.access) });
    return c.json({ total: result.total, page, pageSize, requests: result.requests }, 200);
  });
  // The inbox, a request's page and its changes.
  registerStaffRequestPageRoutes(app, deps);
  registerServiceTargetRoutes(app, deps);
}
