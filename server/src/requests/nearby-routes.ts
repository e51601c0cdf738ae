// GET /api/v1/towns/{town}/requests/nearby: duplicates at the door (see nearby-store.ts). Registered
// before the tracker's /requests/{reference}, which would otherwise read "nearby" as a reference.
import { createRoute, z } from '@hono/zod-openapi';
import type { App, RouteDeps } from '../app-types.ts';
import { errorResponses, validationFailed } from '../platform/http/errors.ts';
import { pickLang } from '../platform/http/lang.ts';
import { rateLimited } from '../platform/http/rate-limit.ts';
import { TownParam } from '../towns/routes.ts';
import { REQUEST_STATUSES } from './statuses.ts';
import { NEARBY_METRES, nearbyByAddress, nearbyByPoint } from './nearby-store.ts';
import { publicLimit } from './status-lookup-limit.ts';

const NearbyQuery = z.object({
  service: z.string().min(1).max(64).openapi({ description: 'The service code the resident chose' }),
  lat: z.coerce.number().min(-90).max(90).optional(),
  lng: z.coerce.number().min(-180).max(180).optional(),
  address: z.string().max(200).optional().openapi({ description: 'What the resident typed as the address (used without lat/lng)' }),
  lang: z.enum(['en', 'fr']).optional(),
});

const NearbySchema = z
  .object({
    requests: z.array(
      z
        .object({
          reference: z.string(),
          status: z.enum(REQUEST_STATUSES),
          createdAt: z.string(),
          distanceM: z.number().nullable().openapi({ description: 'Metres from the given point; null for a match by address' }),
        })
        .openapi('NearbyRequest'),
    ),
  })
  .openapi('NearbyRequests');

const nearbyRoute = createRoute({
  method: 'get',
  path: '/api/v1/towns/{town}/requests/nearby',
  tags: ['Service requests'],
  summary: `Open requests of a service within ${NEARBY_METRES} m of a point, or at the same street address (newest first, at most 5; nothing about who reported them)`,
  request: { params: TownParam, query: NearbyQuery },
  responses: {
    200: { description: 'Open requests nearby', content: { 'application/json': { schema: NearbySchema } } },
    ...errorResponses(400, 404, 429),
  },
});

const M = {
  where: {
    en: 'Give lat and lng together, or an address.',
    fr: 'Donnez lat et lng ensemble, ou une adresse.',
  },
};

export function registerNearbyRoutes(app: App, { db, config }: RouteDeps) {
  app.openapi(nearbyRoute, async (c) => {
    const town = c.var.town;
    const q = c.req.valid('query');
    const lang = pickLang(c, q.lang, town.defaultLanguage);
    const hasPoint = q.lat !== undefined && q.lng !== undefined;
    const address = q.address?.trim() ?? '';
    if (!hasPoint && !address) {
      const field = q.lat !== undefined ? 'lng' : q.lng !== undefined ? 'lat' : 'address';
      return validationFailed(c, [{ field, message: M.where[lang] }], lang);
    }
    const limit = await publicLimit(c, db, config, town.id, 'status');
    if (!limit.allowed) return rateLimited(c, limit.retryAfterSeconds, lang);
    const requests = hasPoint ? await nearbyByPoint(db, town.id, q.service, { lat: q.lat!, lng: q.lng! }) : await nearbyByAddress(db, town.id, q.service, address);
    return c.json({ requests }, 200);
  });
}
