// /api/v1/staff/me: the signed-in person's own account (name, language, password).
import { createRoute, z } from '@hono/zod-openapi';
import type { App, RouteDeps } from '../app-types.ts';
import { apiError, errorResponses, validationFailed } from '../platform/http/errors.ts';
import { audit } from './audit.ts';
import { enqueuePasswordChangedEmail } from './links.ts';
import { errorLang } from '../platform/http/validation-messages.ts';
import { say } from './messages.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { guard } from './permissions.ts';
import { passwordFieldError, tooMany } from './routes.ts';
import { LangSchema, NewPasswordSchema, RoleSchema } from './schemas.ts';
import { deleteUserSessions } from './sessions-store.ts';
import { ACCOUNT_RULE, accountKey, lockedFor, recordFailure } from './sign-in-limits.ts';
import { findUserById, getPasswordHash, listTownRoles, setUserPassword, updateUserProfile } from './users-store.ts';

const MeSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    language: LangSchema.nullable().openapi({ description: "The console's language for this person; null: follow the browser" }),
    hasPassword: z.boolean().openapi({ description: 'false for an account that signs in by single sign-on only' }),
    towns: z.array(z.object({ id: z.string(), role: RoleSchema })),
  })
  .openapi('MyAccount');

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/staff/me',
  tags: ['My account'],
  summary: 'My account',
  responses: { 200: { description: 'My account', content: { 'application/json': { schema: MeSchema } } }, ...errorResponses(401) },
});

const patchRoute = createRoute({
  method: 'patch',
  path: '/api/v1/staff/me',
  tags: ['My account'],
  summary: 'Change my name or language',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({ name: z.string().trim().min(1).max(200).optional(), language: LangSchema.nullable().optional() }).openapi('MyAccountChange'),
        },
      },
    },
  },
  responses: { 200: { description: 'My account', content: { 'application/json': { schema: MeSchema } } }, ...errorResponses(400, 401, 403) },
});

const passwordRoute = createRoute({
  method: 'post',
  path: '/api/v1/staff/me/password',
  tags: ['My account'],
  summary: 'Change my password (ends my other sessions)',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({ currentPassword: z.string().min(1).max(1024), newPassword: NewPasswordSchema }).openapi('PasswordChange'),
        },
      },
    },
  },
  responses: { 204: { description: 'Changed' }, ...errorResponses(400, 401, 403, 409, 429) },
});

export function registerMeRoutes(app: App, { db, config }: RouteDeps) {
  const me = async (userId: string) => {
    const u = (await findUserById(db, userId))!;
    return {
      id: u.id,
      email: u.email,
      name: u.name,
      language: u.language,
      hasPassword: (await getPasswordHash(db, u.id)) !== undefined,
      towns: await listTownRoles(db, u.id),
    };
  };

  app.openapi(guard(getRoute, 'self'), async (c) => c.json(await me(c.get('session')!.userId), 200));

  app.openapi(guard(patchRoute, 'self'), async (c) => {
    const userId = c.get('session')!.userId;
    const change = c.req.valid('json');
    const before = (await findUserById(db, userId))!;
    await updateUserProfile(db, userId, change);
    const b: Record<string, unknown> = {};
    const a: Record<string, unknown> = {};
    if (change.name !== undefined && change.name !== before.name) [b.name, a.name] = [before.name, change.name];
    if (change.language !== undefined && change.language !== before.language) [b.language, a.language] = [before.language, change.language];
    if (Object.keys(a).length > 0) await audit(c, 'account.updated', { type: 'user', id: userId }, b, a, { townId: null });
    return c.json(await me(userId), 200);
  });

  app.openapi(guard(passwordRoute, 'self'), async (c) => {
    const s = c.get('session')!;
    const { currentPassword, newPassword } = c.req.valid('json');
    const stored = await getPasswordHash(db, s.userId);
    if (!stored) {
      return apiError(c, 409, 'conflict', say(c, 'This account signs in with single sign-on and has no password here.', 'Ce compte se connecte par authentification unique et n’a pas de mot de passe ici.'));
    }
    const key = accountKey(s.user.email);
    const wait = await lockedFor(db, key, ACCOUNT_RULE);
    if (wait) return tooMany(c, wait);
    if (!(await verifyPassword(currentPassword, stored))) {
      await recordFailure(db, key, ACCOUNT_RULE);
      await audit(c, 'account.password_change_failed', { type: 'user', id: s.userId }, null, null, { townId: null });
      return validationFailed(c, [{ field: 'currentPassword', message: say(c, 'Your current password is not correct.', 'Votre mot de passe actuel n’est pas exact.') }]);
    }
    const weak = passwordFieldError(c, 'newPassword', newPassword, s.user.email);
    if (weak) return weak;
    const passwordHash = await hashPassword(newPassword);
    const ended = await db.transaction().execute(async (trx) => {
      await setUserPassword(trx, s.userId, passwordHash);
      await enqueuePasswordChangedEmail(trx, config, s.user, errorLang(c));
      return deleteUserSessions(trx, s.userId, s.id);
    });
    await audit(c, 'account.password_changed', { type: 'user', id: s.userId }, null, null, { townId: null, extra: { otherSessionsEnded: ended } });
    return c.body(null, 204);
  });
}
