// zod schemas shared by the account routes (they become the OpenAPI components the console uses).
import { z } from '@hono/zod-openapi';
import { ACTIONS, ROLES } from './permissions.ts';
import { MAX_PASSWORD_LENGTH } from './passwords.ts';

export const RoleSchema = z.enum(ROLES).openapi('Role');
export const ActionSchema = z.enum(ACTIONS).openapi('Action');
export const LangSchema = z.enum(['en', 'fr']);

export const EmailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());
/** Length and common-password checks happen in the handler (passwordProblem), with EN/FR messages. */
export const NewPasswordSchema = z.string().min(1).max(MAX_PASSWORD_LENGTH * 4);

export const SessionSchema = z
  .object({
    next: z.enum(['done', 'enrol_totp']).openapi({
      description:
        "What the console does next: 'done' (signed in); 'enrol_totp' (signed in, but a town of this account requires two-factor sign-in and the account has none yet: open enrolment).",
    }),
    user: z.object({ id: z.string(), email: z.string(), name: z.string(), language: LangSchema.nullable() }),
    csrfToken: z.string().openapi({ description: 'Send as X-CSRF-Token on every state-changing staff call' }),
    towns: z.array(z.object({ id: z.string(), role: RoleSchema })),
    permissions: z.record(RoleSchema, z.array(ActionSchema)).openapi({ description: 'The role → actions map, so the console shows only what a role may do' }),
    expiresAt: z.string().openapi({ description: 'When the session ends unless used (idle 30 min; at most 12 h after sign-in)' }),
  })
  .openapi('StaffSession');

export const MessageSchema = z.object({ message: z.string() }).openapi('Message');

export const TotpChallengeSchema = z
  .object({
    next: z.enum(['totp']).openapi({ description: "'totp': the password was right; send a code from the authenticator app (or a recovery code) with pendingToken to /api/v1/auth/login/totp. No session exists yet." }),
    pendingToken: z.string().openapi({ description: 'Single use, 5 minutes' }),
    expiresAt: z.string(),
  })
  .openapi('TotpChallenge');
