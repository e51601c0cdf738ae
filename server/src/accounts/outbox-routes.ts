// GET /api/v1/staff/towns/{town}/outbox (the outbox of platform/jobs, seen by admins): the town's jobs and the messages they carry (admins only,
// outbox.read). Password-reset emails belong to no town and never show here.
import { createRoute, z } from '@hono/zod-openapi';
import type { App, RouteDeps } from '../app-types.ts';
import { decodeCursor, encodeCursor } from '../platform/database/keyset.ts';
import { apiError, errorResponses, validationFailed } from '../platform/http/errors.ts';
import { getJob, jobStatus, listTownJobs, retryFailedJob } from '../platform/jobs/outbox.ts';
import { audit } from './audit.ts';
import { TownParam } from '../towns/routes.ts';
import { say } from './messages.ts';
import { guard } from './permissions.ts';

const OutboxJobSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    status: z.enum(['pending', 'done', 'failed']),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    runAt: z.string(),
    createdAt: z.string(),
    doneAt: z.string().nullable(),
    failedAt: z.string().nullable(),
    payload: z.unknown().openapi({ description: 'For an email: { to, lang, template, subject, text }' }),
    result: z.unknown(),
  })
  .openapi('OutboxJob');

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/staff/towns/{town}/outbox',
  tags: ['Outbox'],
  summary: "The town's outbox (emails and other jobs), newest first",
  request: {
    params: TownParam,
    query: z.object({
      kind: z.string().min(1).max(50).optional(),
      status: z.enum(['pending', 'done', 'failed']).optional(),
      cursor: z.string().max(300).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
  },
  responses: {
    200: {
      description: 'Jobs',
      content: { 'application/json': { schema: z.object({ jobs: z.array(OutboxJobSchema), nextCursor: z.string().nullable() }) } },
    },
    ...errorResponses(400, 401, 403),
  },
});

const retryRoute = createRoute({
  method: 'post',
  path: '/api/v1/staff/towns/{town}/outbox/{id}/retry',
  tags: ['Outbox'],
  summary: 'Retry a failed job now (another round of attempts)',
  request: { params: TownParam.extend({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: {
    200: { description: 'The job, pending again', content: { 'application/json': { schema: z.object({ id: z.string(), status: z.enum(['pending', 'done', 'failed']) }) } } },
    ...errorResponses(401, 403, 404),
  },
});

export function registerOutboxRoutes(app: App, { db }: RouteDeps) {
  app.openapi(guard(listRoute, 'outbox.read'), async (c) => {
    const { town } = c.req.valid('param');
    const { kind, status, cursor, limit } = c.req.valid('query');
    const before = cursor ? decodeCursor(cursor) : undefined;
    if (cursor && !before) return validationFailed(c, [{ field: 'cursor', message: say(c, 'This page cursor is not valid.', 'Ce curseur de page n’est pas valide.') }]);
    const jobs = await listTownJobs(db, town, { kind, status, before, limit: limit + 1 });
    const page = jobs.slice(0, limit);
    return c.json(
      {
        jobs: page.map((j) => ({
          id: j.id,
          kind: j.kind,
          status: jobStatus(j),
          attempts: j.attempts,
          lastError: j.lastError,
          runAt: j.runAt,
          createdAt: j.createdAt,
          doneAt: j.doneAt,
          failedAt: j.failedAt,
          payload: j.payload,
          result: j.result,
        })),
        nextCursor: jobs.length > limit ? encodeCursor(page[page.length - 1]!) : null,
      },
      200,
    );
  });

  app.openapi(guard(retryRoute, 'outbox.retry'), async (c) => {
    const { town, id } = c.req.valid('param');
    if (!(await retryFailedJob(db, town, id))) {
      return apiError(c, 404, 'not_found', say(c, 'There is no failed job with this id in this town.', 'Aucune tâche en échec ne porte cet identifiant dans cette municipalité.'));
    }
    const job = (await getJob(db, id))!;
    await audit(c, 'outbox.retried', { type: 'job', id }, { status: 'failed' }, { status: 'pending' }, { extra: { kind: job.kind } });
    return c.json({ id, status: jobStatus(job) }, 200);
  });
}
