// Cookie sessions backed by the sessions table (shared by every server instance), and the CSRF check.
//
// Cookie rule: with COOKIE_SECURE=true (the default) the cookie is `__Host-munikit_session; Secure;
// HttpOnly; SameSite=Lax; Path=/` — the __Host- prefix makes the browser refuse it without Secure, from
// a subdomain or for a narrower path. COOKIE_SECURE=false (plain HTTP, allowed by the configuration
// only when the server listens on a loopback address, for the demo) names it `munikit_session`,
// since a __Host- cookie cannot exist without Secure.
//
// Timeouts: a session ends after 30 minutes without a call (idle) and 12 hours after sign-in whatever
// happens (absolute). Tokens are 256 random bits; only their SHA-256 is stored.
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../app-types.ts';
import type { Db } from '../platform/database/schema.ts';
import { deleteSession, extendSession, findSession, insertSession } from './sessions-store.ts';
import { newToken, sha256 } from './tokens.ts';

export const SECURE_SESSION_COOKIE = '__Host-munikit_session';
export const LOOPBACK_SESSION_COOKIE = 'munikit_session';
export const sessionCookieName = (cookieSecure: boolean): string => (cookieSecure ? SECURE_SESSION_COOKIE : LOOPBACK_SESSION_COOKIE);

export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** The idle expiry is written at most this often per session, to keep reads cheap. */
const TOUCH_INTERVAL_MS = 60 * 1000;

const cookieOptions = (cookieSecure: boolean) => ({ httpOnly: true, secure: cookieSecure, sameSite: 'Lax', path: '/' }) as const;

export const sessionExpiry = (createdAt: number, lastSeenAt: number): string =>
  new Date(Math.min(lastSeenAt + SESSION_IDLE_MS, createdAt + SESSION_ABSOLUTE_MS)).toISOString();

/**
 * Starts a new session (a new token: sign-in always rotates) and sets its cookie. A session the
 * browser presented is ended first, so a token planted before sign-in never becomes a signed-in one.
 */
export async function startSession(c: Context, db: Db, userId: string, cookieSecure: boolean) {
  const old = getCookie(c, sessionCookieName(cookieSecure));
  if (old && old.length <= 200) await deleteSession(db, sha256(old));
  const token = newToken();
  const csrfToken = newToken();
  const now = Date.now();
  await insertSession(db, {
    id: sha256(token),
    userId,
    csrfToken,
    createdAt: new Date(now).toISOString(),
    expiresAt: sessionExpiry(now, now),
  });
  // No Max-Age: the browser forgets it on close; the server enforces both timeouts.
  setCookie(c, sessionCookieName(cookieSecure), token, cookieOptions(cookieSecure));
  return { csrfToken, sessionId: sha256(token) };
}

export function clearSessionCookie(c: Context, cookieSecure: boolean) {
  deleteCookie(c, sessionCookieName(cookieSecure), cookieOptions(cookieSecure));
}

/** Loads the session named by the cookie (if valid) into c.var.session; never rejects. */
export function loadSession(db: Db, cookieSecure: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('session', undefined);
    const token = getCookie(c, sessionCookieName(cookieSecure));
    if (token && token.length <= 200) {
      const id = sha256(token);
      const s = await findSession(db, id);
      const now = Date.now();
      if (s && !s.user.disabled && Date.parse(s.expiresAt) > now) {
        if (now - Date.parse(s.lastSeenAt) > TOUCH_INTERVAL_MS) {
          await extendSession(db, id, new Date(now).toISOString(), sessionExpiry(Date.parse(s.createdAt), now));
        }
        c.set('session', s);
      } else if (s) {
        await deleteSession(db, id);
      }
    }
    await next();
  };
}

export const CSRF_FAILED = {
  en: 'The security token is missing or out of date. Reload the page and try again.',
  fr: 'Le jeton de sécurité est absent ou périmé. Rechargez la page et réessayez.',
};

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
