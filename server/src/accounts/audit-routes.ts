// /api/v1/staff/towns/{town}/audit: the town's audit log (audit.read), newest first, keyset-paginated,
// and the same as CSV.
import { createRoute, z } from '@hono/zod-openapi';
import type { App, RouteDeps } from '../app-types.ts';
import { errorResponses, validationFailed } from '../platform/http/errors.ts';
import { TownParam } from '../towns/routes.ts';
import { auditCsv, listTownAudit, type AuditFilter } from './audit.ts';
import { decodeCursor, encodeCursor, type Keyset } from '../platform/database/keyset.ts';
import { say } from './messages.ts';
import { guard } from './permissions.ts';

const AuditEntrySchema = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    action: z.string().openapi({ example: 'user.role_changed' }),
    actor: z.object({ id: z.string(), email: z.string().nullable(), name: z.string().nullable() }).nullable(),
    subject: z.object({ type: z.string(), id: z.string().nullable() }).nullable(),
    details: z.record(z.string(), z.unknown()).openapi({ description: 'before / after of the change, and context' }),
  })
  .openapi('AuditEntry');

const isoTime = z.iso.datetime({ offset: true }).transform((v) => new Date(v).toISOString());

const FilterQuery = z.object({
  action: z.string().min(1).max(100).optional(),
  actor: z.string().min(1).max(100).optional().openapi({ description: "The actor's user id" }),
  from: isoTime.optional().openapi({ description: 'From this time (inclusive), ISO 8601' }),
  to: isoTime.optional().openapi({ description: 'Until this time (exclusive), ISO 8601' }),
});

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/staff/towns/{town}/audit',
  tags: ['Audit'],
  summary: "The town's audit log, newest first",
  request: {
    params: TownParam,
    query: FilterQuery.extend({
      cursor: z.string().max(300).optional().openapi({ description: 'nextCursor of the previous page' }),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
  },
  responses: {
    200: {
      description: 'Entries',
      content: { 'application/json': { schema: z.object({ entries: z.array(AuditEntrySchema), nextCursor: z.string().nullable() }) } },
    },
    ...errorResponses(400, 401, 403),
  },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/api/v1/staff/towns/{town}/audit/export',
  tags: ['Audit'],
  summary: 'The audit log as CSV (same filters; at most 50 000 rows; formula-like cells neutralised)',
  request: { params: TownParam, query: FilterQuery },
  responses: {
    200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
    ...errorResponses(400, 401, 403),
  },
});

const EXPORT_MAX = 50_000;

export function registerAuditRoutes(app: App, { db }: RouteDeps) {
  app.openapi(guard(listRoute, 'audit.read'), async (c) => {
    const { town } = c.req.valid('param');
    const q = c.req.valid('query');
    const before = q.cursor ? decodeCursor(q.cursor) : undefined;
    if (q.cursor && !before) {
      return validationFailed(c, [{ field: 'cursor', message: say(c, 'This page cursor is not valid.', 'Ce curseur de page n’est pas valide.') }]);
    }
    const filter: AuditFilter = { action: q.action, actorUserId: q.actor, from: q.from, to: q.to, before, limit: q.limit + 1 };
    const rows = await listTownAudit(db, town, filter);
    const page = rows.slice(0, q.limit);
    const nextCursor = rows.length > q.limit ? encodeCursor(page[page.length - 1]!) : null;
    return c.json({ entries: page, nextCursor }, 200);
  });

  app.openapi(guard(exportRoute, 'audit.read'), async (c) => {
    const { town } = c.req.valid('param');
    const q = c.req.valid('query');
    const all = [];
    let before: Keyset | undefined;
    while (all.length < EXPORT_MAX) {
      const rows = await listTownAudit(db, town, { action: q.action, actorUserId: q.actor, from: q.from, to: q.to, before, limit: 1000 });
      all.push(...rows);
      if (rows.length < 1000) break;
      before = rows[rows.length - 1]!;
    }
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="audit-${town}.csv"`);
    return c.body(auditCsv(all.slice(0, EXPORT_MAX)), 200);
  });
}
