import { createRoute, z } from '@hono/zod-openapi';
import type { App, RouteDeps } from '../app-types.ts';
import { dummyPasswordHash, verifyPassword } from './passwords.ts';
import { clearSessionCookie, CSRF_FAILED, csrfMatches, requireSession, startSession } from './session.ts';
import { apiError, errorResponses } from '../platform/http/errors.ts';
import { writeAudit } from './audit.ts';
import { deleteSession } from './sessions-store.ts';
import { findUserByEmail, listTownRoles } from './users-store.ts';
import type { Db } from '../platform/database/schema.ts';

const SessionSchema = z
  .object({
    user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
    csrfToken: z.string().openapi({ description: 'Send as X-CSRF-Token on every state-changing staff call' }),
    towns: z.array(z.object({ id: z.string(), role: z.enum(['admin', 'staff', 'viewer']) })),
  })
  .openapi('StaffSession');

const loginRoute = createRoute({
  method: 'post',
  path: '/api/v1/auth/login',
  tags: ['Staff auth'],
  summary: 'Sign in (sets the session cookie)',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(1024) }).openapi('Login'),
        },
      },
    },
  },
  responses: {
    200: { description: 'Signed in', content: { 'application/json': { schema: SessionSchema } } },
    ...errorResponses(400, 401),
  },
});

const sessionRoute = createRoute({
  method: 'get',
  path: '/api/v1/auth/session',
  tags: ['Staff auth'],
  summary: 'The current session',
  security: [{ session: [] }],
  responses: {
    200: { description: 'Signed in', content: { 'application/json': { schema: SessionSchema } } },
    ...errorResponses(401),
  },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/api/v1/auth/logout',
  tags: ['Staff auth'],
  summary: 'Sign out (deletes the session, clears the cookie)',
  security: [{ session: [], csrf: [] }],
  responses: { 204: { description: 'Signed out' }, ...errorResponses(403) },
});

async function sessionBody(db: Db, user: { id: string; email: string; name: string }, csrfToken: string) {
  return { user: { id: user.id, email: user.email, name: user.name }, csrfToken, towns: await listTownRoles(db, user.id) };
}

const BAD_LOGIN = 'The email address or password is not correct.';

export function registerAuthRoutes(app: App, { db, config }: RouteDeps) {
  app.openapi(loginRoute, async (c) => {
    const { email, password } = c.req.valid('json');
    const user = await findUserByEmail(db, email);
    // Unknown emails still pay for a scrypt check, so timing does not reveal who has an account.
    const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
    if (!user || !ok || user.disabled) {
      await writeAudit(db, { actorUserId: user?.id ?? null, action: 'auth.login_failed', subjectType: 'user', subjectId: user?.id ?? null });
      return apiError(c, 401, 'unauthenticated', BAD_LOGIN);
    }
    const { csrfToken } = await startSession(c, db, user.id, config.cookieSecure);
    await writeAudit(db, { actorUserId: user.id, action: 'auth.login', subjectType: 'user', subjectId: user.id });
    return c.json(await sessionBody(db, user, csrfToken), 200);
  });

  app.openapi(
    { ...sessionRoute, middleware: [requireSession] as const },
    async (c) => {
      const s = c.get('session')!;
      return c.json(await sessionBody(db, s.user, s.csrfToken), 200);
    },
  );

  app.openapi(logoutRoute, async (c) => {
    const s = c.get('session');
    if (!s) {
      // Already signed out: nothing to protect, just make sure the cookie is gone.
      clearSessionCookie(c, config.cookieSecure);
      return c.body(null, 204);
    }
    if (!csrfMatches(s.csrfToken, c.req.header('x-csrf-token'))) return apiError(c, 403, 'csrf_failed', CSRF_FAILED);
    await deleteSession(db, s.id);
    await writeAudit(db, { actorUserId: s.userId, action: 'auth.logout', subjectType: 'user', subjectId: s.userId });
    clearSessionCookie(c, config.cookieSecure);
    return c.body(null, 204);
  });
}
