// A town that requires two-factor sign-in: until its staff member has turned it on, staff routes
// answer 403 except their own account (GET/PATCH /staff/me, the password) — /auth/totp, where they
// enrol, is outside /staff. The console shows "My account" after sign-in for them (next: 'enrol_totp').
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-types.ts';
import type { Db } from '../platform/database/schema.ts';
import { apiError } from '../platform/http/errors.ts';
import { say } from './messages.ts';
import { hasTotp, twoFactorRequired } from './totp.ts';

const OWN_ACCOUNT = new Set(['/api/v1/staff/me', '/api/v1/staff/me/password']);

export function requireEnrolledTotp(db: Db): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const s = c.get('session');
    if (s && !OWN_ACCOUNT.has(c.req.path) && (await twoFactorRequired(db, s.userId)) && !(await hasTotp(db, s.userId))) {
      return apiError(
        c,
        403,
        'forbidden',
        say(
          c,
          'Your town requires two-factor sign-in. Set it up in My account first.',
          'Votre municipalité exige la connexion à deux facteurs. Configurez-la d’abord dans Mon compte.',
        ),
      );
    }
    await next();
  };
}
