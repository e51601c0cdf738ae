// Single sign-on routes: the public list of towns' providers, starting a sign-in, the provider's
// callback, and each town's SSO settings (settings.manage; the client secret is write-only).
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { App, RouteDeps } from '../app-types.ts';
import { apiError, ErrorSchema, errorResponses, validationFailed } from '../platform/http/errors.ts';
import { clientAddress } from '../platform/http/client-address.ts';
import { hitRateLimit, rateLimited } from '../platform/http/rate-limit.ts';
import { rateLimitSubject } from '../platform/http/client-address.ts';
import { TownParam } from '../towns/routes.ts';
import { audit } from './audit.ts';
import { linkOrigin } from './links.ts';
import { say } from './messages.ts';
import { declaredPermissions, guard, ROLES } from './permissions.ts';
import { startSession } from './session.ts';
import {
  beginOidcSignIn,
  CALLBACK_PATH,
  consumeOidcState,
  deleteOidcProvider,
  emailDomainAllowed,
  finishOidcSignIn,
  getOidcProvider,
  issuerAllowed,
  listEnabledOidcProviders,
  OidcRejected,
  ProviderUnavailable,
  saveOidcProvider,
  type OidcProvider,
} from './oidc.ts';
import { createUser, findUserByEmail, listTownRoles, setTownRole } from './users-store.ts';
import { hasTotp, issuePendingLogin } from './totp.ts';

const json = <S extends z.ZodType>(schema: S) => ({ required: true, content: { 'application/json': { schema } } });
const publicRoute = <R extends { method: string; path: string }>(route: R): R => {
  declaredPermissions.set(`${route.method.toUpperCase()} ${route.path}`, 'public');
  return route;
};

/** Sign-ins started per client address (each one stores a row). */
const START_RULE = { limit: 30, windowSeconds: 15 * 60 };

/** Why a callback failed, as the sign-in screen's ?sso_error= (it shows the EN/FR message). */
export const SSO_ERRORS = ['expired', 'provider_unavailable', 'refused', 'email_not_verified', 'domain_not_allowed', 'disabled'] as const;
type SsoError = (typeof SSO_ERRORS)[number];

const providersRoute = publicRoute(
  createRoute({
    method: 'get',
    path: '/api/v1/auth/sso/providers',
    tags: ['Staff auth'],
    summary: 'Towns that offer single sign-on, for the sign-in screen (no secrets)',
    responses: {
      200: {
        description: 'Providers',
        content: {
          'application/json': {
            schema: z
              .object({ providers: z.array(z.object({ town: z.object({ id: z.string(), name: z.object({ en: z.string(), fr: z.string() }) }), name: z.string() })) })
              .openapi('SsoProviders'),
          },
        },
      },
    },
  }),
);

const startRoute = publicRoute(
  createRoute({
    method: 'post',
    path: '/api/v1/auth/sso/start',
    tags: ['Staff auth'],
    summary: "Start signing in with a town's provider: answers the provider's address to open",
    request: { body: json(z.object({ town: z.string().min(1).max(100) }).openapi('SsoStart')) },
    responses: {
      200: { description: 'Open this address', content: { 'application/json': { schema: z.object({ authorizationUrl: z.string() }).openapi('SsoRedirect') } } },
      ...errorResponses(400, 404, 429),
      502: { description: 'The provider cannot be reached (provider_unavailable)', content: { 'application/json': { schema: ErrorSchema } } },
    },
  }),
);

const callbackRoute = publicRoute(
  createRoute({
    method: 'get',
    path: CALLBACK_PATH,
    tags: ['Staff auth'],
    summary: "The provider's redirect back: checks state, nonce and PKCE, then signs in and goes to /staff (or back to /staff/sign-in?sso_error=…)",
    request: {
      query: z.object({
        state: z.string().max(500).optional(),
        code: z.string().max(4000).optional(),
        error: z.string().max(200).optional(),
        iss: z.string().max(500).optional(),
      }),
    },
    responses: { 303: { description: 'To the console' } },
  }),
);

const SsoSettingsSchema = z
  .object({
    configured: z.boolean(),
    enabled: z.boolean(),
    name: z.string(),
    issuer: z.string(),
    clientId: z.string(),
    clientSecretSet: z.boolean().openapi({ description: 'The secret itself is never returned' }),
    allowedDomains: z.array(z.string()),
    defaultRole: z.enum(ROLES),
    redirectUri: z.string().openapi({ description: "Register this address as the client's redirect URI at the provider" }),
  })
  .openapi('SsoSettings');

const DomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/);

const SsoSettingsChangeSchema = z
  .object({
    enabled: z.boolean(),
    name: z.string().trim().min(1).max(100),
    issuer: z.string().trim().max(500),
    clientId: z.string().trim().min(1).max(500),
    clientSecret: z.string().min(1).max(2000).optional().openapi({ description: 'Leave out to keep the stored secret' }),
    allowedDomains: z.array(DomainSchema).min(1).max(20),
    defaultRole: z.enum(ROLES),
  })
  .openapi('SsoSettingsChange');

const getSettingsRoute = createRoute({
  method: 'get',
  path: '/api/v1/staff/towns/{town}/sso',
  tags: ['Town settings'],
  summary: "The town's single sign-on settings (the client secret is never returned)",
  request: { params: TownParam },
  responses: { 200: { description: 'Settings', content: { 'application/json': { schema: SsoSettingsSchema } } }, ...errorResponses(401, 403) },
});

const putSettingsRoute = createRoute({
  method: 'put',
  path: '/api/v1/staff/towns/{town}/sso',
  tags: ['Town settings'],
  summary: "Set the town's single sign-on provider",
  request: { params: TownParam, body: json(SsoSettingsChangeSchema) },
  responses: { 200: { description: 'Settings', content: { 'application/json': { schema: SsoSettingsSchema } } }, ...errorResponses(400, 401, 403) },
});

const deleteSettingsRoute = createRoute({
  method: 'delete',
  path: '/api/v1/staff/towns/{town}/sso',
  tags: ['Town settings'],
  summary: "Remove the town's single sign-on provider",
  request: { params: TownParam },
  responses: { 204: { description: 'Removed' }, ...errorResponses(401, 403) },
});

export function registerOidcRoutes(app: App, { db, config, logger }: RouteDeps) {
  const redirectUri = `${linkOrigin(config)}${CALLBACK_PATH}`;

  const view = (p: OidcProvider | undefined) => ({
    configured: p !== undefined,
    enabled: p?.enabled ?? false,
    name: p?.name ?? '',
    issuer: p?.issuer ?? '',
    clientId: p?.clientId ?? '',
    clientSecretSet: p !== undefined && p.clientSecret.length > 0,
    allowedDomains: p?.allowedDomains ?? [],
    defaultRole: p?.defaultRole ?? ('viewer' as const),
    redirectUri,
  });
  const auditView = (p: OidcProvider | undefined) => {
    if (!p) return null;
    const { clientSecret: _secret, updatedAt: _at, ...rest } = p;
    return rest;
  };

  app.openapi(providersRoute, async (c) => {
    const rows = await listEnabledOidcProviders(db);
    return c.json({ providers: rows.map((r) => ({ town: { id: r.town_id, name: { en: r.name_en, fr: r.name_fr } }, name: r.name })) }, 200);
  });

  app.openapi(startRoute, async (c) => {
    const { town } = c.req.valid('json');
    const limit = await hitRateLimit(db, `sso:address:${rateLimitSubject(clientAddress(c, config.trustProxyHops))}`, START_RULE);
    if (!limit.allowed) return rateLimited(c, limit.retryAfterSeconds);
    const p = await getOidcProvider(db, town);
    if (!p || !p.enabled) {
      return apiError(c, 404, 'not_found', say(c, 'This town does not offer single sign-on.', 'Cette municipalité n’offre pas l’authentification unique.'));
    }
    try {
      const url = await beginOidcSignIn(db, p, redirectUri);
      return c.json({ authorizationUrl: url.href }, 200);
    } catch (e) {
      if (!(e instanceof ProviderUnavailable)) throw e;
      logger.warn(`SSO provider of ${town} unavailable: ${e.message}`);
      return apiError(c, 502, 'provider_unavailable', providerDown(c, p.name));
    }
  });

  app.openapi(callbackRoute, async (c) => {
    const q = c.req.valid('query');
    const fail = (reason: SsoError) => c.redirect(`/staff/sign-in?sso_error=${reason}`, 303);
    const stored = q.state ? await consumeOidcState(db, q.state) : undefined;
    if (!stored || !q.state) return fail('expired');
    const p = await getOidcProvider(db, stored.town_id);
    if (!p || !p.enabled) return fail('expired');
    const subjectless = { actorUserId: null, townId: p.townId };
    if (q.error || !q.code) {
      await audit(c, 'auth.login_failed', null, null, null, { ...subjectless, extra: { method: 'sso', reason: 'provider_error' } });
      return fail('refused');
    }
    const callbackUrl = new URL(redirectUri);
    for (const [k, v] of new URL(c.req.url).searchParams) callbackUrl.searchParams.append(k, v);
    let identity;
    try {
      identity = await finishOidcSignIn(p, callbackUrl, stored, q.state);
    } catch (e) {
      if (e instanceof ProviderUnavailable) {
        logger.warn(`SSO provider of ${p.townId} unavailable at callback: ${e.message}`);
        return fail('provider_unavailable');
      }
      if (e instanceof OidcRejected) {
        await audit(c, 'auth.login_failed', null, null, null, { ...subjectless, extra: { method: 'sso', reason: 'token_rejected' } });
        return fail('refused');
      }
      throw e;
    }
    if (!identity.email || !identity.emailVerified) {
      await audit(c, 'auth.login_failed', null, null, null, { ...subjectless, extra: { method: 'sso', reason: 'email_not_verified' } });
      return fail('email_not_verified');
    }
    if (!emailDomainAllowed(identity.email, p.allowedDomains)) {
      await audit(c, 'auth.login_failed', null, null, null, { ...subjectless, extra: { method: 'sso', reason: 'domain_not_allowed' } });
      return fail('domain_not_allowed');
    }
    const existing = await findUserByEmail(db, identity.email);
    if (existing?.disabled) {
      await audit(c, 'auth.login_failed', { type: 'user', id: existing.id }, null, null, { ...subjectless, extra: { method: 'sso', reason: 'disabled' } });
      return fail('disabled');
    }
    const userId = await db.transaction().execute(async (trx) => {
      const id = existing?.id ?? (await createUser(trx, { email: identity.email, name: identity.name?.trim().slice(0, 200) || identity.email.split('@')[0]!, passwordHash: null }));
      const roles = await listTownRoles(trx, id);
      if (!roles.some((r) => r.id === p.townId)) {
        await setTownRole(trx, id, p.townId, p.defaultRole);
        await audit(c, existing ? 'user.role_granted_by_sso' : 'user.created_by_sso', { type: 'user', id }, null, { role: p.defaultRole }, {
          db: trx,
          actorUserId: id,
          townId: p.townId,
        });
      }
      return id;
    });
    if (await hasTotp(db, userId)) {
      // Two-factor applies to every way in: the console asks for the code with this pending token,
      // passed in the fragment so it never reaches a server log.
      const pending = await issuePendingLogin(db, userId, 'sso');
      await audit(c, 'auth.login_sso_ok', { type: 'user', id: userId }, null, null, { actorUserId: null, townId: p.townId, extra: { next: 'totp' } });
      return c.redirect(`/staff/sign-in#totp=${encodeURIComponent(pending.token)}`, 303);
    }
    await startSession(c, db, userId, config.cookieSecure);
    await audit(c, 'auth.login', { type: 'user', id: userId }, null, null, { actorUserId: userId, townId: p.townId, extra: { method: 'sso', address: clientAddress(c, config.trustProxyHops) } });
    return c.redirect('/staff', 303);
  });

  app.openapi(guard(getSettingsRoute, 'settings.manage'), async (c) => {
    const { town } = c.req.valid('param');
    return c.json(view(await getOidcProvider(db, town)), 200);
  });

  app.openapi(guard(putSettingsRoute, 'settings.manage'), async (c) => {
    const { town } = c.req.valid('param');
    const change = c.req.valid('json');
    const before = await getOidcProvider(db, town);
    if (!issuerAllowed(change.issuer)) {
      return validationFailed(c, [
        {
          field: 'issuer',
          message: say(c, 'Enter the provider’s https:// address (its issuer URL).', 'Entrez l’adresse https:// du fournisseur (son URL d’émetteur).'),
        },
      ]);
    }
    const clientSecret = change.clientSecret ?? before?.clientSecret;
    if (!clientSecret) {
      return validationFailed(c, [{ field: 'clientSecret', message: say(c, 'Enter the client secret.', 'Entrez le secret client.') }]);
    }
    await saveOidcProvider(db, {
      townId: town,
      enabled: change.enabled,
      name: change.name,
      issuer: change.issuer,
      clientId: change.clientId,
      clientSecret,
      allowedDomains: [...new Set(change.allowedDomains)],
      defaultRole: change.defaultRole,
    });
    const after = await getOidcProvider(db, town);
    await audit(c, 'town.sso_changed', { type: 'town', id: town }, auditView(before), {
      ...auditView(after),
      clientSecretChanged: change.clientSecret !== undefined && change.clientSecret !== before?.clientSecret,
    });
    return c.json(view(after), 200);
  });

  app.openapi(guard(deleteSettingsRoute, 'settings.manage'), async (c) => {
    const { town } = c.req.valid('param');
    const before = await getOidcProvider(db, town);
    await deleteOidcProvider(db, town);
    if (before) await audit(c, 'town.sso_removed', { type: 'town', id: town }, auditView(before), null);
    return c.body(null, 204);
  });
}

const providerDown = (c: Context, name: string) =>
  say(
    c,
    `${name} cannot be reached right now. Try again in a few minutes, or sign in with your email address and password.`,
    `${name} est injoignable pour le moment. Réessayez dans quelques minutes, ou connectez-vous avec votre adresse courriel et votre mot de passe.`,
  );
