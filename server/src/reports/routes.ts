// /api/v1/staff/towns/{town}/reports: figures for any period, as JSON (the console's charts, tables
// and council report) and as CSV for Excel. Permission reports.read; an agent sees their departments.
import { createRoute, z } from '@hono/zod-openapi';
import type { App, RouteDeps } from '../app-types.ts';
import { say } from '../accounts/messages.ts';
import { guard } from '../accounts/permissions.ts';
import { errorResponses, validationFailed } from '../platform/http/errors.ts';
import { TownParam } from '../towns/routes.ts';
import { reportCsv } from './csv.ts';
import { townReport } from './store.ts';

/** A day (YYYY-MM-DD, the start of that day in UTC) or an ISO 8601 time. */
const When = z
  .string()
  .max(40)
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) || !Number.isNaN(Date.parse(v)), { message: 'Enter a date (YYYY-MM-DD) or a time (ISO 8601).' })
  .transform((v) => new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00.000Z` : v).toISOString());

const PeriodQuery = z.object({
  from: When.optional().openapi({ description: 'From this day or time (inclusive); default: the start of the current quarter' }),
  to: When.optional().openapi({ description: 'Until this day or time (exclusive); default: now' }),
});

const Count = z.object({ key: z.string(), name: z.object({ en: z.string(), fr: z.string() }).nullable(), count: z.number().int() });

const ReportSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    total: z.number().int(),
    byDepartment: z.array(Count),
    byService: z.array(Count),
    byStatus: z.array(Count),
    byChannel: z.array(Count),
    medianHoursToAcknowledge: z.number().nullable(),
    medianHoursToClose: z.number().nullable(),
    closedWithTarget: z.number().int(),
    closedWithinTarget: z.number().int(),
    shareClosedWithinTarget: z.number().nullable(),
    fixAnswers: z.object({ yes: z.number().int(), no: z.number().int() }),
  })
  .openapi('TownReport');

const reportRoute = createRoute({
  method: 'get',
  path: '/api/v1/staff/towns/{town}/reports',
  tags: ['Reports'],
  summary: 'Figures for a period: counts, median times, share within target, "did we fix it?" answers',
  request: { params: TownParam, query: PeriodQuery },
  responses: {
    200: { description: 'The report', content: { 'application/json': { schema: ReportSchema } } },
    ...errorResponses(400, 401, 403),
  },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/api/v1/staff/towns/{town}/reports/export',
  tags: ['Reports'],
  summary: 'The report as CSV (UTF-8 with BOM, CRLF; formula cells neutralised)',
  request: { params: TownParam, query: PeriodQuery },
  responses: {
    200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
    ...errorResponses(400, 401, 403),
  },
});

export function quarterStart(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3, 1)).toISOString();
}

export function registerReportRoutes(app: App, { db }: RouteDeps) {
  const period = (q: { from?: string; to?: string }) => {
    const now = new Date();
    return { from: q.from ?? quarterStart(now), to: q.to ?? now.toISOString() };
  };
  const scope = (access: { role: string; departmentIds: string[] } | undefined) => (access?.role === 'agent' ? access.departmentIds : []);
  const badPeriod = (c: Parameters<typeof validationFailed>[0]) =>
    validationFailed(c, [{ field: 'to', message: say(c, 'The end of the period must come after its start.', 'La fin de la période doit suivre son début.') }]);

  app.openapi(guard(reportRoute, 'reports.read'), async (c) => {
    const { town } = c.req.valid('param');
    const { from, to } = period(c.req.valid('query'));
    if (to <= from) return badPeriod(c);
    return c.json(await townReport(db, town, from, to, scope(c.var.access)), 200);
  });

  app.openapi(guard(exportRoute, 'reports.read'), async (c) => {
    const { town } = c.req.valid('param');
    const { from, to } = period(c.req.valid('query'));
    if (to <= from) return badPeriod(c);
    const report = await townReport(db, town, from, to, scope(c.var.access));
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="report-${town}-${from.slice(0, 10)}-${to.slice(0, 10)}.csv"`);
    return c.body(reportCsv(report), 200);
  });
}
