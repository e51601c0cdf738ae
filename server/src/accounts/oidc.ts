// Single sign-on with OpenID Connect (authorization code + PKCE + nonce + state), one provider per
// town, through openid-client. The sign-in in progress (state, nonce, PKCE verifier) lives in the
// database (oidc_states: any instance may receive the callback), is used once and expires after 10
// minutes. The client secret is stored for the token request and never returned by any route.
import * as oidc from 'openid-client';
import { newId, nowIso, type DbOrTx, type Role } from '../platform/database/schema.ts';
import { newToken, sha256 } from './tokens.ts';

export const OIDC_STATE_TTL_MS = 10 * 60 * 1000;
export const CALLBACK_PATH = '/api/v1/auth/sso/callback';
/** How long discovery may take before the provider is reported unavailable. */
const PROVIDER_TIMEOUT_MS = 5000;

export interface OidcProvider {
  townId: string;
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  allowedDomains: string[];
  defaultRole: Role;
  enabled: boolean;
  updatedAt: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** Issuers are https, except on this machine's loopback (tests, a local provider). */
export const isLoopbackHttp = (issuer: string): boolean => {
  const u = new URL(issuer);
  return u.protocol === 'http:' && LOOPBACK.has(u.hostname);
};
export const issuerAllowed = (issuer: string): boolean => {
  try {
    const u = new URL(issuer);
    return (u.protocol === 'https:' || isLoopbackHttp(issuer)) && !u.username && !u.password && !u.search && !u.hash;
  } catch {
    return false;
  }
};

const fromRow = (r: {
  town_id: string;
  name: string;
  issuer: string;
  client_id: string;
  client_secret: string;
  allowed_domains: string;
  default_role: Role;
  enabled: number;
  updated_at: string;
}): OidcProvider => ({
  townId: r.town_id,
  name: r.name,
  issuer: r.issuer,
  clientId: r.client_id,
  clientSecret: r.client_secret,
  allowedDomains: JSON.parse(r.allowed_domains) as string[],
  defaultRole: r.default_role,
  enabled: Number(r.enabled) === 1,
  updatedAt: r.updated_at,
});

export async function getOidcProvider(db: DbOrTx, townId: string): Promise<OidcProvider | undefined> {
  const r = await db.selectFrom('oidc_providers').selectAll().where('town_id', '=', townId).executeTakeFirst();
  return r ? fromRow(r) : undefined;
}

export async function listEnabledOidcProviders(db: DbOrTx) {
  return db
    .selectFrom('oidc_providers')
    .innerJoin('towns', 'towns.id', 'oidc_providers.town_id')
    .select(['oidc_providers.town_id', 'oidc_providers.name', 'towns.name_en', 'towns.name_fr'])
    .where('oidc_providers.enabled', '=', 1)
    .orderBy('towns.name_en')
    .execute();
}

export async function saveOidcProvider(db: DbOrTx, p: Omit<OidcProvider, 'updatedAt'>): Promise<void> {
  const values = {
    name: p.name,
    issuer: p.issuer,
    client_id: p.clientId,
    client_secret: p.clientSecret,
    allowed_domains: JSON.stringify(p.allowedDomains),
    default_role: p.defaultRole,
    enabled: p.enabled ? 1 : 0,
    updated_at: nowIso(),
  };
  await db
    .insertInto('oidc_providers')
    .values({ town_id: p.townId, ...values })
    .onConflict((oc) => oc.column('town_id').doUpdateSet(values))
    .execute();
}

export async function deleteOidcProvider(db: DbOrTx, townId: string): Promise<void> {
  await db.deleteFrom('oidc_providers').where('town_id', '=', townId).execute();
}

/** Raised when the provider cannot be reached or answers nonsense: the console says so, never a 500. */
export class ProviderUnavailable extends Error {}

/** Discovers the provider (its metadata and keys are fetched by openid-client). */
export async function clientConfiguration(p: OidcProvider): Promise<oidc.Configuration> {
  try {
    const options: oidc.DiscoveryRequestOptions = { timeout: PROVIDER_TIMEOUT_MS / 1000 };
    if (isLoopbackHttp(p.issuer)) options.execute = [oidc.allowInsecureRequests];
    return await oidc.discovery(new URL(p.issuer), p.clientId, undefined, oidc.ClientSecretPost(p.clientSecret), options);
  } catch (e) {
    throw new ProviderUnavailable(e instanceof Error ? e.message : String(e));
  }
}

/** Starts a sign-in: stores state, nonce and PKCE verifier; answers the provider's authorization URL. */
export async function beginOidcSignIn(db: DbOrTx, p: OidcProvider, redirectUri: string): Promise<URL> {
  const config = await clientConfiguration(p);
  const state = newToken();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const now = Date.now();
  await db
    .insertInto('oidc_states')
    .values({
      id: sha256(state),
      town_id: p.townId,
      nonce,
      code_verifier: codeVerifier,
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + OIDC_STATE_TTL_MS).toISOString(),
      used_at: null,
    })
    .execute();
  await db.deleteFrom('oidc_states').where('expires_at', '<', new Date(now - OIDC_STATE_TTL_MS).toISOString()).execute();
  return oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
}

/** Uses the stored sign-in named by `state`: once, before it expires. */
export async function consumeOidcState(db: DbOrTx, state: string) {
  if (state.length > 200) return undefined;
  const id = sha256(state);
  const now = nowIso();
  const r = await db
    .updateTable('oidc_states')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return undefined;
  return db.selectFrom('oidc_states').select(['town_id', 'nonce', 'code_verifier']).where('id', '=', id).executeTakeFirstOrThrow();
}

export interface OidcIdentity {
  subject: string;
  email: string;
  emailVerified: boolean;
  name: string | undefined;
}

export class OidcRejected extends Error {}

/** Exchanges the code (checking state, nonce and PKCE) and reads the identity from the ID token. */
export async function finishOidcSignIn(
  p: OidcProvider,
  callbackUrl: URL,
  stored: { nonce: string; code_verifier: string },
  expectedState: string,
): Promise<OidcIdentity> {
  const config = await clientConfiguration(p);
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: stored.code_verifier,
      expectedNonce: stored.nonce,
      expectedState,
      idTokenExpected: true,
    });
  } catch (e) {
    // A network failure is the provider's; anything else (bad code, bad signature) is a refusal.
    if (e instanceof TypeError || (e instanceof Error && /fetch failed|ECONNREFUSED|timeout|aborted/i.test(e.message))) {
      throw new ProviderUnavailable(e.message);
    }
    throw new OidcRejected(e instanceof Error ? e.message : String(e));
  }
  const claims = tokens.claims();
  if (!claims) throw new OidcRejected('no ID token');
  let email = typeof claims.email === 'string' ? claims.email : undefined;
  let verified = claims.email_verified === true;
  let name = typeof claims.name === 'string' ? claims.name : undefined;
  if (!email && tokens.access_token) {
    // Some providers put the email only in the userinfo answer.
    const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
    email = typeof info.email === 'string' ? info.email : undefined;
    verified = info.email_verified === true;
    name ??= typeof info.name === 'string' ? info.name : undefined;
  }
  return { subject: claims.sub, email: (email ?? '').trim().toLowerCase(), emailVerified: verified, name };
}

export const emailDomainAllowed = (email: string, domains: string[]): boolean => {
  const at = email.lastIndexOf('@');
  if (at < 1) return false;
  const domain = email.slice(at + 1).toLowerCase();
  return domains.some((d) => d.toLowerCase() === domain);
};

export const newOidcUserId = newId;
