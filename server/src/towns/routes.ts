import { createRoute, z } from '@hono/zod-openapi';
import type { App, RouteDeps } from '../app-types.ts';
import { errorResponses } from '../platform/http/errors.ts';
import { revalidated } from '../platform/http/caching.ts';
import { listTowns, type Town } from './store.ts';
import { retentionMonthsOf } from '../privacy/retention.ts';

export const TownParam = z.object({
  town: z.string().min(1).max(100).openapi({ param: { name: 'town', in: 'path' }, example: 'lakeview' }),
});

const TownSchema = z
  .object({
    id: z.string(),
    name: z.object({ en: z.string(), fr: z.string() }),
    defaultLanguage: z.enum(['en', 'fr']),
    retentionMonths: z.number().int().openapi({ description: "Months the town keeps a closed request's contact details and photos (the form's privacy notice states it)" }),
  })
  .openapi('Town');

const publicTown = (t: Town) => ({ id: t.id, name: t.name, defaultLanguage: t.defaultLanguage, retentionMonths: retentionMonthsOf(t) });

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/towns',
  tags: ['Towns'],
  summary: 'Towns served by this server',
  responses: {
    200: { description: 'The towns', content: { 'application/json': { schema: z.object({ towns: z.array(TownSchema) }) } } },
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/towns/{town}',
  tags: ['Towns'],
  summary: 'One town (strong ETag, kept a minute; If-None-Match answers 304)',
  request: { params: TownParam },
  responses: {
    200: { description: 'The town', content: { 'application/json': { schema: TownSchema } } },
    304: { description: 'Not modified since the ETag sent in If-None-Match' },
    ...errorResponses(404),
  },
});

export function registerTownRoutes(app: App, { db }: RouteDeps) {
  app.openapi(listRoute, async (c) => c.json({ towns: (await listTowns(db)).map(publicTown) }, 200));
  app.openapi(getRoute, (c) => {
    const town = publicTown(c.var.town);
    return revalidated(c, town) ? c.body(null, 304) : c.json(town, 200);
  });
}
