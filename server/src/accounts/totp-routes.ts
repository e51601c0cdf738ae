// Two-factor sign-in: the login's second step (POST /api/v1/auth/login/totp) and the account's
// authenticator (/api/v1/auth/totp: status, enrol, confirm, new recovery codes, disable).
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { App, RouteDeps } from '../app-types.ts';
import { apiError, errorResponses, validationFailed } from '../platform/http/errors.ts';
import { clientAddress } from '../platform/http/client-address.ts';
import { audit } from './audit.ts';
import { say } from './messages.ts';
import { verifyPassword } from './passwords.ts';
import { declaredPermissions, guard } from './permissions.ts';
import { sessionBody, tooMany } from './routes.ts';
import { SessionSchema } from './schemas.ts';
import { sessionExpiry, startSession } from './session.ts';
import { ACCOUNT_RULE, accountKey, ADDRESS_RULE, addressKey, forgetFailures, lockedFor, recordFailure } from './sign-in-limits.ts';
import {
  confirmTotp,
  consumePendingLogin,
  enrolmentPicture,
  getTotp,
  newRecoveryCodes,
  peekPendingLogin,
  recoveryCodesLeft,
  removeTotp,
  startTotpEnrolment,
  twoFactorRequired,
  useRecoveryCode,
  useTotpCode,
} from './totp.ts';
import { findUserById, getPasswordHash } from './users-store.ts';

const json = <S extends z.ZodType>(schema: S) => ({ required: true, content: { 'application/json': { schema } } });
const CodeSchema = z.string().trim().min(1).max(40);

const loginTotpRoute = createRoute({
  method: 'post',
  path: '/api/v1/auth/login/totp',
  tags: ['Staff auth'],
  summary: "Sign-in's second step: a code from the authenticator app, or a recovery code (sets the session cookie)",
  request: {
    body: json(
      z
        .object({
          pendingToken: z.string().min(1).max(200),
          code: CodeSchema.openapi({ description: 'Six digits from the app, or one recovery code (e.g. k7m2-x9qp-4d)' }),
        })
        .openapi('LoginTotp'),
    ),
  },
  responses: {
    200: { description: 'Signed in', content: { 'application/json': { schema: SessionSchema } } },
    ...errorResponses(400, 401, 429),
  },
});
declaredPermissions.set(`POST ${loginTotpRoute.path}`, 'public');

const TotpStatusSchema = z
  .object({
    enabled: z.boolean(),
    required: z.boolean().openapi({ description: 'A town of this account requires two-factor sign-in' }),
    recoveryCodesLeft: z.number().int(),
    hasPassword: z.boolean(),
  })
  .openapi('TotpStatus');

const statusRoute = createRoute({
  method: 'get',
  path: '/api/v1/auth/totp',
  tags: ['Staff auth'],
  summary: 'My two-factor sign-in',
  responses: { 200: { description: 'Status', content: { 'application/json': { schema: TotpStatusSchema } } }, ...errorResponses(401) },
});

const enrolRoute = createRoute({
  method: 'post',
  path: '/api/v1/auth/totp/enrolment',
  tags: ['Staff auth'],
  summary: 'Start enrolling an authenticator app: a new secret, as a QR code and as text (shown now only; confirm with a first code)',
  responses: {
    200: {
      description: 'The secret to add to the app',
      content: {
        'application/json': {
          schema: z.object({ secret: z.string(), otpauthUri: z.string(), qrCode: z.string().openapi({ description: 'data:image/svg+xml URL' }) }).openapi('TotpEnrolment'),
        },
      },
    },
    ...errorResponses(401, 403, 409),
  },
});

const RecoveryCodesSchema = z
  .object({ recoveryCodes: z.array(z.string()).openapi({ description: 'Single-use codes, shown once' }) })
  .openapi('RecoveryCodes');

const confirmRoute = createRoute({
  method: 'post',
  path: '/api/v1/auth/totp/confirm',
  tags: ['Staff auth'],
  summary: 'Confirm the enrolment with a first code: two-factor sign-in is on; answers the recovery codes',
  request: { body: json(z.object({ code: CodeSchema }).openapi('TotpConfirm')) },
  responses: {
    200: { description: 'Enabled', content: { 'application/json': { schema: RecoveryCodesSchema } } },
    ...errorResponses(400, 401, 403, 429),
  },
});

const recoveryRoute = createRoute({
  method: 'post',
  path: '/api/v1/auth/totp/recovery-codes',
  tags: ['Staff auth'],
  summary: 'New recovery codes (the old ones stop working), with a current code',
  request: { body: json(z.object({ code: CodeSchema }).openapi('TotpRecoveryCodesRequest')) },
  responses: {
    200: { description: 'New codes', content: { 'application/json': { schema: RecoveryCodesSchema } } },
    ...errorResponses(400, 401, 403, 429),
  },
});

const disableRoute = createRoute({
  method: 'post',
  path: '/api/v1/auth/totp/disable',
  tags: ['Staff auth'],
  summary: 'Turn two-factor sign-in off, with a current code (or recovery code) or the password',
  request: {
    body: json(z.object({ code: CodeSchema.optional(), password: z.string().min(1).max(1024).optional() }).openapi('TotpDisable')),
  },
  responses: { 204: { description: 'Disabled' }, ...errorResponses(400, 401, 403, 409, 429) },
});

const badCode = (c: Context, field = 'code') =>
  validationFailed(c, [
    {
      field,
      message: say(
        c,
        'This code is not correct or was already used. Enter the current code from your authenticator app.',
        'Ce code n’est pas exact ou a déjà été utilisé. Entrez le code actuel de votre application d’authentification.',
      ),
    },
  ]);

export function registerTotpRoutes(app: App, { db, config }: RouteDeps) {
  app.openapi(loginTotpRoute, async (c) => {
    const { pendingToken, code } = c.req.valid('json');
    const address = clientAddress(c, config.trustProxyHops);
    const addressWait = await lockedFor(db, addressKey(address), ADDRESS_RULE);
    if (addressWait) return tooMany(c, addressWait);
    const pending = await peekPendingLogin(db, pendingToken);
    const user = pending ? await findUserById(db, pending.userId) : undefined;
    if (!pending || !user || user.disabled) {
      await recordFailure(db, addressKey(address), ADDRESS_RULE);
      return apiError(
        c,
        401,
        'unauthenticated',
        say(c, 'This sign-in has expired. Enter your email address and password again.', 'Cette connexion a expiré. Entrez de nouveau votre adresse courriel et votre mot de passe.'),
      );
    }
    const subject = { type: 'user', id: user.id };
    const account = accountKey(user.email);
    const wait = await lockedFor(db, account, ACCOUNT_RULE);
    if (wait) {
      await audit(c, 'auth.login_throttled', subject, null, null, { actorUserId: null, townId: null, extra: { address, step: 'totp' } });
      return tooMany(c, wait);
    }
    const byApp = await useTotpCode(db, user.id, code);
    const byRecovery = !byApp && (await useRecoveryCode(db, user.id, code));
    if (!byApp && !byRecovery) {
      await recordFailure(db, addressKey(address), ADDRESS_RULE);
      await recordFailure(db, account, ACCOUNT_RULE);
      await audit(c, 'auth.login_failed', subject, null, null, { actorUserId: null, townId: null, extra: { reason: 'wrong_totp', address } });
      return badCode(c);
    }
    if (!(await consumePendingLogin(db, pendingToken))) {
      return apiError(c, 401, 'unauthenticated', say(c, 'This sign-in has expired. Enter your email address and password again.', 'Cette connexion a expiré. Entrez de nouveau votre adresse courriel et votre mot de passe.'));
    }
    await forgetFailures(db, account, ACCOUNT_RULE);
    const { csrfToken } = await startSession(c, db, user.id, config.cookieSecure);
    await audit(c, 'auth.login', subject, null, null, {
      actorUserId: user.id,
      townId: null,
      extra: { address, method: `${pending.method}+${byApp ? 'totp' : 'recovery_code'}` },
    });
    const now = Date.now();
    return c.json(await sessionBody(db, user, csrfToken, sessionExpiry(now, now)), 200);
  });

  app.openapi(guard(statusRoute, 'self'), async (c) => {
    const userId = c.get('session')!.userId;
    const t = await getTotp(db, userId);
    return c.json(
      {
        enabled: t?.confirmed ?? false,
        required: await twoFactorRequired(db, userId),
        recoveryCodesLeft: t?.confirmed ? await recoveryCodesLeft(db, userId) : 0,
        hasPassword: (await getPasswordHash(db, userId)) !== undefined,
      },
      200,
    );
  });

  app.openapi(guard(enrolRoute, 'self'), async (c) => {
    const s = c.get('session')!;
    if ((await getTotp(db, s.userId))?.confirmed) {
      return apiError(c, 409, 'conflict', say(c, 'Two-factor sign-in is already on. Turn it off first to use another app.', 'La connexion à deux facteurs est déjà activée. Désactivez-la d’abord pour utiliser une autre application.'));
    }
    const secret = await startTotpEnrolment(db, s.userId);
    return c.json({ secret, ...(await enrolmentPicture(secret, s.user.email)) }, 200);
  });

  app.openapi(guard(confirmRoute, 'self'), async (c) => {
    const s = c.get('session')!;
    const { code } = c.req.valid('json');
    const key = accountKey(s.user.email);
    const wait = await lockedFor(db, key, ACCOUNT_RULE);
    if (wait) return tooMany(c, wait);
    if (!(await useTotpCode(db, s.userId, code, { pending: true }))) {
      await recordFailure(db, key, ACCOUNT_RULE);
      return badCode(c);
    }
    const recoveryCodes = await db.transaction().execute(async (trx) => {
      await confirmTotp(trx, s.userId);
      return newRecoveryCodes(trx, s.userId);
    });
    await audit(c, 'account.totp_enabled', { type: 'user', id: s.userId }, null, null, { townId: null });
    return c.json({ recoveryCodes }, 200);
  });

  app.openapi(guard(recoveryRoute, 'self'), async (c) => {
    const s = c.get('session')!;
    const { code } = c.req.valid('json');
    const key = accountKey(s.user.email);
    const wait = await lockedFor(db, key, ACCOUNT_RULE);
    if (wait) return tooMany(c, wait);
    if (!(await useTotpCode(db, s.userId, code))) {
      await recordFailure(db, key, ACCOUNT_RULE);
      return badCode(c);
    }
    const recoveryCodes = await newRecoveryCodes(db, s.userId);
    await audit(c, 'account.recovery_codes_renewed', { type: 'user', id: s.userId }, null, null, { townId: null });
    return c.json({ recoveryCodes }, 200);
  });

  app.openapi(guard(disableRoute, 'self'), async (c) => {
    const s = c.get('session')!;
    const { code, password } = c.req.valid('json');
    if (!(await getTotp(db, s.userId))?.confirmed) {
      return apiError(c, 409, 'conflict', say(c, 'Two-factor sign-in is not on.', 'La connexion à deux facteurs n’est pas activée.'));
    }
    if (!code && !password) {
      return validationFailed(c, [{ field: 'code', message: say(c, 'Enter a current code or your password.', 'Entrez un code actuel ou votre mot de passe.') }]);
    }
    const key = accountKey(s.user.email);
    const wait = await lockedFor(db, key, ACCOUNT_RULE);
    if (wait) return tooMany(c, wait);
    let ok = false;
    if (code) ok = (await useTotpCode(db, s.userId, code)) || (await useRecoveryCode(db, s.userId, code));
    else {
      const stored = await getPasswordHash(db, s.userId);
      ok = stored !== undefined && (await verifyPassword(password!, stored));
    }
    if (!ok) {
      await recordFailure(db, key, ACCOUNT_RULE);
      if (code) return badCode(c);
      return validationFailed(c, [{ field: 'password', message: say(c, 'Your password is not correct.', 'Votre mot de passe n’est pas exact.') }]);
    }
    await removeTotp(db, s.userId);
    await audit(c, 'account.totp_disabled', { type: 'user', id: s.userId }, null, null, { townId: null, extra: { with: code ? 'code' : 'password' } });
    return c.body(null, 204);
  });
}
