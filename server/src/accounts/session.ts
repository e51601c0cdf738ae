// Cookie sessions (8 h, sliding) backed by the sessions table, plus the CSRF check for staff writes.
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../app-types.ts';
import { apiError } from '../platform/http/errors.ts';
import type { Db } from '../platform/database/schema.ts';
import { deleteSession, extendSession, findSession, insertSession } from './sessions-store.ts';
import { newToken, sha256 } from './tokens.ts';

export const SESSION_COOKIE = 'munikit_session';
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
/** Sliding expiry is written at most this often per session, to keep reads cheap. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export async function startSession(c: Context, db: Db, userId: string, cookieSecure: boolean) {
  const token = newToken();
  const csrfToken = newToken();
  const now = new Date();
  await insertSession(db, {
    id: sha256(token),
    userId,
    csrfToken,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
  });
  // No Max-Age: the browser forgets it on close; the server enforces the 8 h sliding expiry.
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, secure: cookieSecure, sameSite: 'Strict', path: '/' });
  return { csrfToken };
}

export function clearSessionCookie(c: Context, cookieSecure: boolean) {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, secure: cookieSecure, sameSite: 'Strict', path: '/' });
}

/** Loads the session named by the cookie (if valid) into c.var.session; never rejects. */
export function loadSession(db: Db): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('session', undefined);
    const token = getCookie(c, SESSION_COOKIE);
    if (token && token.length <= 200) {
      const id = sha256(token);
      const s = await findSession(db, id);
      const now = Date.now();
      if (s && !s.user.disabled && Date.parse(s.expiresAt) > now) {
        if (now - Date.parse(s.lastSeenAt) > TOUCH_INTERVAL_MS) {
          await extendSession(db, id, new Date(now).toISOString(), new Date(now + SESSION_TTL_MS).toISOString());
        }
        c.set('session', s);
      } else if (s) {
        await deleteSession(db, id);
      }
    }
    await next();
  };
}

export const requireSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get('session')) return apiError(c, 401, 'unauthenticated', 'Sign in to continue.');
  await next();
};

export const CSRF_FAILED = 'The security token is missing or out of date. Reload the page and try again.';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** State-changing calls must echo the session's CSRF token in X-CSRF-Token. Run after requireSession. */
export const requireCsrf: MiddlewareHandler<AppEnv> = async (c, next) => {
  const s = c.get('session');
  if (!SAFE_METHODS.has(c.req.method) && (!s || !csrfMatches(s.csrfToken, c.req.header('x-csrf-token')))) {
    return apiError(c, 403, 'csrf_failed', CSRF_FAILED);
  }
  await next();
};
