// /api/v1/staff/towns/{town}/api-keys (apikeys.manage): the town's Open311 API keys. A new key is
// shown once, in the answer that makes it; afterwards only its name and dates are listed.
import { createRoute, z } from '@hono/zod-openapi';
import type { App, RouteDeps } from '../app-types.ts';
import { apiError, errorResponses } from '../platform/http/errors.ts';
import { TownParam } from '../towns/routes.ts';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.ts';
import { audit } from './audit.ts';
import { say } from './messages.ts';
import { guard } from './permissions.ts';

const ApiKeySchema = z
  .object({ id: z.string(), name: z.string(), createdAt: z.string(), revokedAt: z.string().nullable() })
  .openapi('ApiKey');

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/staff/towns/{town}/api-keys',
  tags: ['Open311 API keys'],
  summary: "The town's Open311 API keys (never the keys themselves)",
  request: { params: TownParam },
  responses: {
    200: { description: 'Keys', content: { 'application/json': { schema: z.object({ keys: z.array(ApiKeySchema) }) } } },
    ...errorResponses(401, 403),
  },
});

const createKeyRoute = createRoute({
  method: 'post',
  path: '/api/v1/staff/towns/{town}/api-keys',
  tags: ['Open311 API keys'],
  summary: 'Make a key for an Open311 client; the answer is the only time the key is shown',
  request: {
    params: TownParam,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({ name: z.string().trim().min(1).max(200).openapi({ description: 'Who or what uses the key' }) }).openapi('ApiKeyCreate'),
        },
      },
    },
  },
  responses: {
    201: { description: 'The new key', content: { 'application/json': { schema: ApiKeySchema.extend({ key: z.string() }).openapi('NewApiKey') } } },
    ...errorResponses(400, 401, 403),
  },
});

const revokeRoute = createRoute({
  method: 'delete',
  path: '/api/v1/staff/towns/{town}/api-keys/{id}',
  tags: ['Open311 API keys'],
  summary: 'Revoke a key: it stops working at once',
  request: { params: TownParam.extend({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 204: { description: 'Revoked' }, ...errorResponses(401, 403, 404) },
});

export function registerApiKeyRoutes(app: App, { db }: RouteDeps) {
  app.openapi(guard(listRoute, 'apikeys.manage'), async (c) => {
    const keys = await listApiKeys(db, c.req.valid('param').town);
    return c.json({ keys: keys.map((k) => ({ id: k.id, name: k.name, createdAt: k.createdAt, revokedAt: k.revokedAt })) }, 200);
  });

  app.openapi(guard(createKeyRoute, 'apikeys.manage'), async (c) => {
    const { town } = c.req.valid('param');
    const { name } = c.req.valid('json');
    const { id, key } = await createApiKey(db, town, name);
    await audit(c, 'apikey.created', { type: 'api_key', id }, null, { name });
    const made = (await listApiKeys(db, town)).find((k) => k.id === id)!;
    return c.json({ id, name, createdAt: made.createdAt, revokedAt: null, key }, 201);
  });

  app.openapi(guard(revokeRoute, 'apikeys.manage'), async (c) => {
    const { town, id } = c.req.valid('param');
    const key = (await listApiKeys(db, town)).find((k) => k.id === id);
    if (!key || key.revokedAt) {
      return apiError(c, 404, 'not_found', say(c, 'There is no active API key with this id in this town.', 'Aucune clé d’API active ne porte cet identifiant dans cette municipalité.'));
    }
    await revokeApiKey(db, id);
    await audit(c, 'apikey.revoked', { type: 'api_key', id }, { name: key.name }, null);
    return c.body(null, 204);
  });
}
