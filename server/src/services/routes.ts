import { createRoute, z } from '@hono/zod-openapi';
import type { App, RouteDeps } from '../app-types.ts';
import { errorResponses } from '../platform/http/errors.ts';
import { LangQuery, pickLang } from '../platform/http/lang.ts';
import { revalidated } from '../platform/http/caching.ts';
import { listDepartments } from '../towns/departments-store.ts';
import { listActiveServices, localiseService } from './store.ts';
import { TownParam } from '../towns/routes.ts';

const QuestionSchema = z
  .object({
    code: z.string(),
    datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
    required: z.boolean(),
    variable: z.boolean().openapi({ description: 'false: information only, no answer expected (Open311)' }),
    label: z.string(),
    description: z.string(),
    order: z.number().int(),
    values: z.array(z.object({ key: z.string(), name: z.string() })),
  })
  .openapi('ServiceQuestion');

const ServiceSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    description: z.string(),
    group: z.string(),
    keywords: z.array(z.string()),
    anonymousAllowed: z.boolean(),
    department: z
      .object({ id: z.string(), name: z.string() })
      .nullable()
      .openapi({ description: 'The department that handles it, for grouping the list' }),
    questions: z.array(QuestionSchema),
  })
  .openapi('Service');

const servicesRoute = createRoute({
  method: 'get',
  path: '/api/v1/towns/{town}/services',
  tags: ['Service requests'],
  summary: 'Services a resident can file a request for (strong ETag, kept a minute; If-None-Match answers 304)',
  request: { params: TownParam, query: LangQuery },
  responses: {
    200: {
      description: 'Active services',
      content: {
        'application/json': { schema: z.object({ lang: z.enum(['en', 'fr']), services: z.array(ServiceSchema) }) },
      },
    },
    304: { description: 'Not modified since the ETag sent in If-None-Match' },
    ...errorResponses(400, 404),
  },
});

export function registerServiceRoutes(app: App, { db }: RouteDeps) {
  app.openapi(servicesRoute, async (c) => {
    const town = c.var.town;
    const lang = pickLang(c, c.req.valid('query').lang, town.defaultLanguage);
    const [services, departments] = await Promise.all([listActiveServices(db, town.id), listDepartments(db, town.id)]);
    const departmentById = new Map(departments.map((d) => [d.id, { id: d.id, name: d.name[lang] }]));
    const body = services.map((s) => ({ ...localiseService(s, lang), department: departmentById.get(s.departmentId ?? '') ?? null }));
    const answer = { lang, services: body };
    c.header('Vary', 'Accept-Language', { append: true });
    if (revalidated(c, answer)) return c.body(null, 304);
    return c.json(answer, 200);
  });
}
