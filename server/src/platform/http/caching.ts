// Public answers a resident's browser may keep (the service catalogue, a town, the knowledge-base
// index): on a slow line a repeat visit then costs nothing for a minute, and a 304 after that.
import { createHash } from 'node:crypto';
import type { Context } from 'hono';

/** Fresh for a minute, then used once more while the browser asks again in the background. */
export const PUBLIC_SHORT_CACHE = 'public, max-age=60, stale-while-revalidate=86400';

/**
 * Sets a strong ETag (a hash of the JSON answer) and Cache-Control on a public answer; true when the
 * request's If-None-Match already holds that tag, so the handler answers 304 instead. (A tag of a
 * compressed copy is answered by compression.ts.)
 */
export function revalidated(c: Context, body: unknown, cacheControl = PUBLIC_SHORT_CACHE): boolean {
  const etag = `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 32)}"`;
  c.header('ETag', etag);
  c.header('Cache-Control', cacheControl);
  return c.req.header('if-none-match')?.split(',').some((t) => t.trim() === etag || t.trim() === '*') ?? false;
}
