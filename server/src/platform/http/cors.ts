// CORS for the public API: a town's widgets may be embedded only on that town's own site(s), plus the
// server's own origin. Credentials are never allowed; staff and auth routes get no CORS headers at all.
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { TownDirectory } from '../../towns/directory.ts';

const TOWN_PATH = /^\/api\/v1\/towns\/([^/]+)/;

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined; // broken %-encoding: no town can match it
  }
}

/**
 * `selfOrigin` is PUBLIC_ORIGIN when set; without it (the demo on loopback) the request's own origin,
 * which is what the browser calls same-origin there.
 */
export function publicCors(towns: TownDirectory, publicOrigin: string | undefined): MiddlewareHandler {
  return cors({
    origin: async (origin, c) => {
      const selfOrigin = publicOrigin ?? new URL(c.req.url).origin;
      if (origin === selfOrigin) return origin;
      const m = TOWN_PATH.exec(c.req.path);
      if (m) {
        const id = decodeSegment(m[1]!);
        const town = id === undefined ? undefined : await towns.get(id);
        return town?.siteOrigins.includes(origin) ? origin : null;
      }
      return (await towns.all()).some((t) => t.siteOrigins.includes(origin)) ? origin : null;
    },
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Idempotency-Key', 'Accept-Language'],
    maxAge: 600,
    credentials: false,
  });
}
