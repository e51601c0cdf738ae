// CORS for the public API: a town's widgets may be embedded only on that town's own site(s) (its
// settings, plus MUNIKIT_ALLOWED_ORIGINS for the default town), and the server's own origin. The check
// reads the town directory's cache, never the database per request; a settings change clears this
// instance's cache, and other instances see it within the cache's few seconds. Credentials are never
// allowed; staff and auth routes get no CORS headers at all.
import type { Context, MiddlewareHandler } from 'hono';
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
 *
 * Preflights (OPTIONS) are hono/cors's. Other requests get the same headers as hono/cors gives them
 * (Access-Control-Allow-Origin when allowed, `Vary: Origin`), but set on the response's own headers
 * after the handler: hono/cors adds Vary with c.header(), which rebuilds a finished response around
 * its body stream, and @hono/node-server then writes that response the slow way. A request without an
 * Origin header (not a cross-origin browser call) is not looked up at all.
 */
export function publicCors(towns: TownDirectory, publicOrigin: string | undefined, allowedOrigins: readonly string[] = []): MiddlewareHandler {
  /** MUNIKIT_ALLOWED_ORIGINS belong to the default town: the only one, else the first by id. */
  const configured = async (origin: string, townId: string | undefined): Promise<boolean> => {
    if (!allowedOrigins.includes(origin)) return false;
    const defaultTown = (await towns.all())[0];
    return defaultTown !== undefined && (townId === undefined || townId === defaultTown.id);
  };
  const allowOrigin = async (origin: string, c: Context): Promise<string | null> => {
    if (!origin) return null;
    const selfOrigin = publicOrigin ?? new URL(c.req.url).origin;
    if (origin === selfOrigin) return origin;
    const m = TOWN_PATH.exec(c.req.path);
    if (m) {
      const id = decodeSegment(m[1]!);
      const town = id === undefined ? undefined : await towns.get(id);
      if (!town) return null;
      return town.siteOrigins.includes(origin) || (await configured(origin, town.id)) ? origin : null;
    }
    return (await towns.all()).some((t) => t.siteOrigins.includes(origin)) || (await configured(origin, undefined)) ? origin : null;
  };
  const preflight = cors({
    origin: allowOrigin,
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Idempotency-Key', 'Accept-Language'],
    maxAge: 600,
    credentials: false,
  });
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    const allowed = await allowOrigin(c.req.header('origin') ?? '', c);
    await next();
    try {
      const headers = c.res.headers;
      if (allowed) headers.set('Access-Control-Allow-Origin', allowed);
      headers.append('Vary', 'Origin');
    } catch {
      // A response with immutable headers (e.g. one passed through from fetch()): rebuilt by c.header().
      if (allowed) c.header('Access-Control-Allow-Origin', allowed);
      c.header('Vary', 'Origin', { append: true });
    }
  };
}
