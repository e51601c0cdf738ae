// /api/v1/auth: sign-in, the session, sign-out (here or everywhere), password reset by emailed link,
// and accepting an invitation. Sign-in is one step today; the answer's `next` leaves room for a
// second one (TOTP) without changing its shape.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { App, RouteDeps } from '../app-types.ts';
import { apiError, errorResponses, validationFailed } from '../platform/http/errors.ts';
import { errorLang } from '../platform/http/validation-messages.ts';
import type { Db, Role } from '../platform/database/schema.ts';
import { enqueueEmail } from '../platform/jobs/email.ts';
import { audit } from './audit.ts';
import { consumeToken, issueToken, peekToken, RESET_TTL_MS, revokeTokens } from './auth-tokens.ts';
import { consoleLink, EMAIL_TEMPLATES_DIR, enqueuePasswordChangedEmail, linkOrigin } from './links.ts';
import { say } from './messages.ts';
import { dummyPasswordHash, hashPassword, needsRehash, passwordProblem, passwordProblemMessage, verifyPassword } from './passwords.ts';
import { declaredPermissions, guard, PERMISSIONS, ROLES, type Action } from './permissions.ts';
import { EmailSchema, LangSchema, MessageSchema, NewPasswordSchema, SessionSchema, TotpChallengeSchema } from './schemas.ts';
import { hasTotp, issuePendingLogin, twoFactorRequired } from './totp.ts';
import { clearSessionCookie, sessionExpiry, startSession } from './session.ts';
import { deleteSession, deleteUserSessions } from './sessions-store.ts';
import {
  ACCOUNT_RULE,
  accountKey,
  ADDRESS_RULE,
  addressKey,
  forgetFailures,
  lockedFor,
  recordFailure,
  RESET_ADDRESS_RULE,
  resetAddressKey,
} from './sign-in-limits.ts';
import { hitRateLimit, rateLimited } from '../platform/http/rate-limit.ts';
import { createUser, findUserByEmail, findUserById, getPasswordHash, listTownRoles, setTownRole, setUserPassword, type User } from './users-store.ts';
import { getTown } from '../towns/store.ts';
import { clientAddress } from '../platform/http/client-address.ts';

/** A public auth route (no session): recorded as such for the deny-by-default test. */
function publicRoute<R extends { method: string; path: string }>(route: R): R {
  declaredPermissions.set(`${route.method.toUpperCase()} ${route.path}`, 'public');
  return route;
}

const json = <S extends z.ZodType>(schema: S) => ({ required: true, content: { 'application/json': { schema } } });

const loginRoute = publicRoute(
  createRoute({
    method: 'post',
    path: '/api/v1/auth/login',
    tags: ['Staff auth'],
    summary: 'Sign in (sets the session cookie; a session the browser had is replaced)',
    request: {
      body: json(z.object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(1024) }).openapi('Login')),
    },
    responses: {
      200: {
        description: "Signed in (next 'done' or 'enrol_totp'), or a second step is needed (next 'totp')",
        content: { 'application/json': { schema: z.union([SessionSchema, TotpChallengeSchema]) } },
      },
      ...errorResponses(400, 401, 429),
    },
  }),
);

const sessionRoute = createRoute({
  method: 'get',
  path: '/api/v1/auth/session',
  tags: ['Staff auth'],
  summary: 'The current session',
  responses: {
    200: { description: 'Signed in', content: { 'application/json': { schema: SessionSchema } } },
    ...errorResponses(401),
  },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/api/v1/auth/logout',
  tags: ['Staff auth'],
  summary: 'Sign out (ends this session, clears the cookie)',
  responses: { 204: { description: 'Signed out' }, ...errorResponses(401, 403) },
});

const logoutEverywhereRoute = createRoute({
  method: 'post',
  path: '/api/v1/auth/logout-everywhere',
  tags: ['Staff auth'],
  summary: 'Sign out everywhere (ends every session of this account, this one included)',
  responses: { 204: { description: 'Signed out everywhere' }, ...errorResponses(401, 403) },
});

const resetRequestRoute = publicRoute(
  createRoute({
    method: 'post',
    path: '/api/v1/auth/password-reset',
    tags: ['Staff auth'],
    summary: 'Ask for a password-reset link by email (the answer is the same whether the address has an account or not)',
    request: { body: json(z.object({ email: EmailSchema }).openapi('PasswordResetRequest')) },
    responses: {
      202: { description: 'If the address has an account, a link is on its way', content: { 'application/json': { schema: MessageSchema } } },
      ...errorResponses(400, 429),
    },
  }),
);

const resetConfirmRoute = publicRoute(
  createRoute({
    method: 'post',
    path: '/api/v1/auth/password-reset/confirm',
    tags: ['Staff auth'],
    summary: 'Set a new password with the emailed token (single use, 1 hour); ends every session of the account',
    request: { body: json(z.object({ token: z.string().min(1).max(200), password: NewPasswordSchema }).openapi('PasswordResetConfirm')) },
    responses: { 204: { description: 'Password changed' }, ...errorResponses(400) },
  }),
);

const InvitationSchema = z
  .object({ email: z.string(), town: z.object({ id: z.string(), name: z.object({ en: z.string(), fr: z.string() }) }), role: z.string(), expiresAt: z.string() })
  .openapi('Invitation');

const invitationInspectRoute = publicRoute(
  createRoute({
    method: 'post',
    path: '/api/v1/auth/invitations/inspect',
    tags: ['Staff auth'],
    summary: 'Whom an invitation token is for (does not use it)',
    request: { body: json(z.object({ token: z.string().min(1).max(200) })) },
    responses: { 200: { description: 'The invitation', content: { 'application/json': { schema: InvitationSchema } } }, ...errorResponses(400) },
  }),
);

const invitationAcceptRoute = publicRoute(
  createRoute({
    method: 'post',
    path: '/api/v1/auth/invitations/accept',
    tags: ['Staff auth'],
    summary: 'Accept an invitation (single use, 72 hours): choose a name and a password, then sign in',
    request: {
      body: json(
        z
          .object({ token: z.string().min(1).max(200), name: z.string().trim().min(1).max(200), password: NewPasswordSchema, language: LangSchema.optional() })
          .openapi('InvitationAccept'),
      ),
    },
    responses: {
      201: { description: 'Account ready', content: { 'application/json': { schema: z.object({ email: z.string() }) } } },
      ...errorResponses(400),
    },
  }),
);

export async function sessionBody(db: Db, user: Pick<User, 'id' | 'email' | 'name' | 'language'>, csrfToken: string, expiresAt: string) {
  const enrol = (await twoFactorRequired(db, user.id)) && !(await hasTotp(db, user.id));
  return {
    next: enrol ? ('enrol_totp' as const) : ('done' as const),
    user: { id: user.id, email: user.email, name: user.name, language: user.language },
    csrfToken,
    towns: await listTownRoles(db, user.id),
    permissions: Object.fromEntries(ROLES.map((r) => [r, [...PERMISSIONS[r]]])) as Record<Role, Action[]>,
    expiresAt,
  };
}

const BAD_LOGIN = {
  en: 'The email address or password is not correct.',
  fr: 'L’adresse courriel ou le mot de passe n’est pas exact.',
};

export function tooMany(c: Context, retryAfter: number) {
  const minutes = Math.max(1, Math.ceil(retryAfter / 60));
  c.header('Retry-After', String(retryAfter));
  return apiError(
    c,
    429,
    'rate_limited',
    say(
      c,
      `Too many attempts. For your security, wait ${minutes} minute${minutes > 1 ? 's' : ''} and try again, or reset your password.`,
      `Trop de tentatives. Pour votre sécurité, attendez ${minutes} minute${minutes > 1 ? 's' : ''} et réessayez, ou réinitialisez votre mot de passe.`,
    ),
  );
}

const badToken = (c: Context) =>
  validationFailed(c, [
    {
      field: 'token',
      message: say(c, 'This link is not valid or has expired. Ask for a new one.', 'Ce lien n’est pas valide ou a expiré. Demandez-en un nouveau.'),
    },
  ]);

export const passwordFieldError = (c: Context, field: string, password: string, email?: string) => {
  const problem = passwordProblem(password, email);
  return problem ? validationFailed(c, [{ field, message: passwordProblemMessage(problem, errorLang(c)) }]) : undefined;
};

export function registerAuthRoutes(app: App, { db, config }: RouteDeps) {
  app.openapi(loginRoute, async (c) => {
    const { email, password } = c.req.valid('json');
    const address = clientAddress(c, config.trustProxyHops);
    const account = accountKey(email);
    const user = await findUserByEmail(db, email);
    const subject = user ? { type: 'user', id: user.id } : null;
    const wait = (await lockedFor(db, addressKey(address), ADDRESS_RULE)) ?? (await lockedFor(db, account, ACCOUNT_RULE));
    if (wait) {
      await audit(c, 'auth.login_throttled', subject, null, null, { actorUserId: null, townId: null, extra: { address } });
      return tooMany(c, wait);
    }
    const stored = user ? await getPasswordHash(db, user.id) : undefined;
    // Unknown emails (and accounts without a password) still pay for a scrypt check, so timing does not
    // reveal who has an account.
    const ok = await verifyPassword(password, stored ?? (await dummyPasswordHash()));
    if (!user || !stored || !ok || user.disabled) {
      await recordFailure(db, addressKey(address), ADDRESS_RULE);
      await recordFailure(db, account, ACCOUNT_RULE);
      await audit(c, 'auth.login_failed', subject, null, null, {
        actorUserId: null,
        townId: null,
        extra: { reason: !user ? 'unknown_email' : !stored ? 'no_password' : !ok ? 'wrong_password' : 'disabled', address },
      });
      return apiError(c, 401, 'unauthenticated', say(c, BAD_LOGIN.en, BAD_LOGIN.fr));
    }
    if (needsRehash(stored)) await setUserPassword(db, user.id, await hashPassword(password));
    if (await hasTotp(db, user.id)) {
      // Second step (totp-routes.ts): no session until a code is given; failures are forgotten only then.
      const pending = await issuePendingLogin(db, user.id);
      await audit(c, 'auth.login_password_ok', subject, null, null, { actorUserId: null, townId: null, extra: { address, next: 'totp' } });
      return c.json({ next: 'totp' as const, pendingToken: pending.token, expiresAt: pending.expiresAt }, 200);
    }
    await forgetFailures(db, account, ACCOUNT_RULE);
    const { csrfToken } = await startSession(c, db, user.id, config.cookieSecure);
    await audit(c, 'auth.login', subject, null, null, { actorUserId: user.id, townId: null, extra: { address, method: 'password' } });
    const now = Date.now();
    return c.json(await sessionBody(db, user, csrfToken, sessionExpiry(now, now)), 200);
  });

  app.openapi(guard(sessionRoute, 'self'), async (c) => {
    const s = c.get('session')!;
    return c.json(await sessionBody(db, s.user, s.csrfToken, s.expiresAt), 200);
  });

  app.openapi(guard(logoutRoute, 'self'), async (c) => {
    const s = c.get('session')!;
    await deleteSession(db, s.id);
    await audit(c, 'auth.logout', { type: 'user', id: s.userId }, null, null, { townId: null });
    clearSessionCookie(c, config.cookieSecure);
    return c.body(null, 204);
  });

  app.openapi(guard(logoutEverywhereRoute, 'self'), async (c) => {
    const s = c.get('session')!;
    const ended = await deleteUserSessions(db, s.userId);
    await audit(c, 'auth.logout_everywhere', { type: 'user', id: s.userId }, null, null, { townId: null, extra: { sessions: ended } });
    clearSessionCookie(c, config.cookieSecure);
    return c.body(null, 204);
  });

  app.openapi(resetRequestRoute, async (c) => {
    const { email } = c.req.valid('json');
    const limit = await hitRateLimit(db, resetAddressKey(clientAddress(c, config.trustProxyHops)), RESET_ADDRESS_RULE);
    if (!limit.allowed) return rateLimited(c, limit.retryAfterSeconds);
    const user = await findUserByEmail(db, email);
    if (user && !user.disabled && (await getPasswordHash(db, user.id))) {
      const lang = user.language ?? errorLang(c);
      await db.transaction().execute(async (trx) => {
        await revokeTokens(trx, { purpose: 'password_reset', userId: user.id });
        const { token } = await issueToken(trx, { purpose: 'password_reset', email: user.email, userId: user.id }, RESET_TTL_MS);
        await enqueueEmail(trx, {
          to: user.email,
          lang,
          templateDir: EMAIL_TEMPLATES_DIR,
          template: 'password-reset',
          vars: { name: user.name, link: consoleLink(linkOrigin(config), 'reset-password', token) },
          townId: null, // a reset belongs to no town: no town's admins can read its link in their outbox
        });
        await audit(c, 'auth.password_reset_requested', { type: 'user', id: user.id }, null, null, { db: trx, actorUserId: null, townId: null });
      });
    }
    return c.json(
      {
        message: say(
          c,
          'If this address belongs to a staff account, a link to choose a new password is on its way. It works for one hour.',
          'Si cette adresse appartient à un compte du personnel, un lien pour choisir un nouveau mot de passe est en route. Il est valable une heure.',
        ),
      },
      202,
    );
  });

  app.openapi(resetConfirmRoute, async (c) => {
    const { token, password } = c.req.valid('json');
    const pending = await peekToken(db, token, 'password_reset');
    if (!pending) return badToken(c);
    const weak = passwordFieldError(c, 'password', password, pending.email);
    if (weak) return weak;
    const passwordHash = await hashPassword(password);
    const used = await db.transaction().execute(async (trx) => {
      const t = await consumeToken(trx, token, 'password_reset');
      if (!t?.userId) return undefined;
      await setUserPassword(trx, t.userId, passwordHash);
      await deleteUserSessions(trx, t.userId);
      const u = await findUserById(trx, t.userId);
      if (u) await enqueuePasswordChangedEmail(trx, config, u, errorLang(c));
      await audit(c, 'auth.password_reset', { type: 'user', id: t.userId }, null, null, { db: trx, actorUserId: t.userId, townId: null });
      return t;
    });
    if (!used) return badToken(c);
    await forgetFailures(db, accountKey(used.email), ACCOUNT_RULE);
    return c.body(null, 204);
  });

  app.openapi(invitationInspectRoute, async (c) => {
    const { token } = c.req.valid('json');
    const t = await peekToken(db, token, 'invitation');
    const town = t?.town_id ? await getTown(db, t.town_id) : undefined;
    if (!t || !town || !t.role) return badToken(c);
    return c.json({ email: t.email, town: { id: town.id, name: town.name }, role: t.role, expiresAt: t.expires_at }, 200);
  });

  app.openapi(invitationAcceptRoute, async (c) => {
    const { token, name, password, language } = c.req.valid('json');
    const pending = await peekToken(db, token, 'invitation');
    if (!pending) return badToken(c);
    const weak = passwordFieldError(c, 'password', password, pending.email);
    if (weak) return weak;
    const passwordHash = await hashPassword(password);
    const email = await db.transaction().execute(async (trx) => {
      const t = await consumeToken(trx, token, 'invitation');
      if (!t?.townId || !t.role) return undefined;
      const existing = await findUserByEmail(trx, t.email);
      // An account made in the meantime keeps its password: the invitation only adds the role.
      const userId = existing?.id ?? (await createUser(trx, { email: t.email, name, passwordHash, language: language ?? null }));
      await setTownRole(trx, userId, t.townId, t.role, t.departmentIds);
      await audit(c, 'user.invitation_accepted', { type: 'user', id: userId }, null, { role: t.role, departmentIds: t.departmentIds }, {
        db: trx,
        actorUserId: userId,
        townId: t.townId,
        extra: { invitedBy: t.createdBy },
      });
      return t.email;
    });
    if (!email) return badToken(c);
    return c.json({ email }, 201);
  });
}
