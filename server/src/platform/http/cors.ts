// CORS for the public API: a town's widgets may be embedded only on that town's own site(s).
// Credentials are never allowed; staff and auth routes get no CORS headers at all.
import type { MiddlewareHandler } from 'hono';
import type { Db } from '../database/schema.ts';
import { getTown, listTowns } from '../../towns/store.ts';

const TOWN_PATH = /^\/api\/v1\/towns\/([^/]+)/;

export function publicCors(db: Db, publicOrigin: string | undefined): MiddlewareHandler {
  async function allowed(origin: string, path: string, selfOrigin: string): Promise<boolean> {
    if (origin === selfOrigin || origin === publicOrigin) return true;
    const m = TOWN_PATH.exec(path);
    if (m) {
      const town = await getTown(db, decodeURIComponent(m[1]!));
      return town ? town.siteOrigins.includes(origin) : false;
    }
    const towns = await listTowns(db);
    return towns.some((t) => t.siteOrigins.includes(origin));
  }

  return async (c, next) => {
    const origin = c.req.header('origin');
    const isPreflight = c.req.method === 'OPTIONS';
    if (!origin) {
      if (isPreflight) return c.body(null, 204);
      await next();
      c.header('Vary', 'Origin', { append: true });
      return;
    }
    const ok = await allowed(origin, c.req.path, new URL(c.req.url).origin);
    if (isPreflight) {
      c.header('Vary', 'Origin');
      if (ok) {
        c.header('Access-Control-Allow-Origin', origin);
        c.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
        c.header('Access-Control-Allow-Headers', 'Content-Type, Idempotency-Key, Accept-Language');
        c.header('Access-Control-Max-Age', '600');
      }
      return c.body(null, 204);
    }
    await next();
    c.header('Vary', 'Origin', { append: true });
    if (ok) c.header('Access-Control-Allow-Origin', origin);
  };
}
