// Single sign-on against a real OpenID provider (oidc-provider) started on a loopback port: town
// settings (secret write-only), the public list, sign-in (new user, linked user), refusals (domain,
// unverified email, disabled user, replayed or unknown state) and a provider that is down. On both
// dialects.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALLBACK_PATH } from '../../src/accounts/oidc.ts';
import { linkOrigin } from '../../src/accounts/links.ts';
import { setUserDisabled } from '../../src/accounts/users-store.ts';
import { confirmTotp, currentCode, startTotpEnrolment } from '../../src/accounts/totp.ts';
import { ADMIN, createTestApp, dialects, testConfig } from '../support/harness.ts';
import { jsonPost, makeStaff, signIn, type Signed } from './helpers.ts';
import { deadIssuer, startTestProvider, type TestProvider } from './oidc-provider.ts';

for (const dialect of dialects) {
  describe.skipIf(dialect.skip)(`single sign-on on ${dialect.name}`, () => {
    let t: Awaited<ReturnType<typeof createTestApp>>;
    let op: TestProvider;
    let admin: Signed;
    let redirectUri: string;

    // A fresh provider, database and app for every test, so none depends on another (one test stops its provider).
    beforeEach(async () => {
      redirectUri = `${linkOrigin(testConfig())}${CALLBACK_PATH}`;
      op = await startTestProvider(redirectUri);
      op.accounts.set('u-new', { email: 'newbie@testville.example', email_verified: true, name: 'New Bie' });
      op.accounts.set('u-known', { email: 'Known@Testville.example', email_verified: true, name: 'Known Person' });
      op.accounts.set('u-other', { email: 'someone@elsewhere.example', email_verified: true, name: 'Other' });
      op.accounts.set('u-unverified', { email: 'unverified@testville.example', email_verified: false, name: 'Unverified' });
      op.accounts.set('u-disabled', { email: 'gone@testville.example', email_verified: true, name: 'Gone' });
      t = await createTestApp({ db: await dialect.open() });
      admin = await signIn(t.app, ADMIN.email, ADMIN.password);
    });
    afterEach(async () => {
      await op?.close().catch(() => undefined);
      await t?.cleanup();
    });

    const put = (body: unknown, s: Signed = admin) => t.app.request('/api/v1/staff/towns/testville/sso', jsonPost(body, s.write, 'PUT'));
    const settings = () => ({
      enabled: true,
      name: 'Testville Microsoft 365',
      issuer: op.issuer,
      clientId: op.clientId,
      allowedDomains: ['testville.example'],
      defaultRole: 'agent',
    });

    /** Starts a sign-in through the API, logs in at the provider, and calls the callback. */
    async function ssoSignIn(accountId: string) {
      const start = await t.app.request('/api/v1/auth/sso/start', jsonPost({ town: 'testville' }));
      expect(start.status).toBe(200);
      const { authorizationUrl } = (await start.json()) as { authorizationUrl: string };
      const back = await op.authorize(authorizationUrl, accountId, redirectUri);
      const res = await t.app.request(`${CALLBACK_PATH}${back.search}`);
      return { res, back };
    }
    const locationOf = (res: Response) => res.headers.get('location');
    /** The town's provider, as an admin saves it in the console. */
    async function configure() {
      expect((await put({ ...settings(), clientSecret: op.clientSecret })).status).toBe(200);
    }

    it('keeps the provider in town settings, never answering the client secret', async () => {
      const missingSecret = await put(settings());
      expect(missingSecret.status).toBe(400);
      const insecure = await put({ ...settings(), issuer: 'http://login.example.com', clientSecret: 'x' });
      expect(insecure.status).toBe(400);
      expect(((await insecure.json()) as { error: { field: string } }).error.field).toBe('issuer');

      const res = await put({ ...settings(), clientSecret: op.clientSecret });
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).not.toContain(op.clientSecret);
      expect(JSON.parse(text)).toMatchObject({ configured: true, clientSecretSet: true, clientId: op.clientId, redirectUri, defaultRole: 'agent' });

      // Saving again without the secret keeps it.
      expect((await put(settings())).status).toBe(200);
      const got = await t.app.request('/api/v1/staff/towns/testville/sso', { headers: { cookie: admin.cookie } });
      expect(await got.text()).not.toContain(op.clientSecret);
      const audit = JSON.stringify(await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'town.sso_changed').execute());
      expect(audit).toContain(op.clientId);
      expect(audit).not.toContain(op.clientSecret);

      await makeStaff(t.db, 'viewer@testville.example', { testville: 'viewer' });
      const viewer = await signIn(t.app, 'viewer@testville.example');
      expect((await put({ ...settings(), clientSecret: 'x' }, viewer)).status).toBe(403);
      expect((await t.app.request('/api/v1/staff/towns/testville/sso', { headers: { cookie: viewer.cookie } })).status).toBe(403);
    });

    it('lists the towns that offer it, publicly and without secrets', async () => {
      await configure();
      const res = await t.app.request('/api/v1/auth/sso/providers');
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ providers: [{ town: { id: 'testville', name: { en: expect.any(String), fr: expect.any(String) } }, name: 'Testville Microsoft 365' }] });
      expect(text).not.toContain(op.clientSecret);
      expect(text).not.toContain(op.clientId);
    });

    it('signs a new person in, creating an SSO-only account with the default role', async () => {
      await configure();
      const { res, back } = await ssoSignIn('u-new');
      expect(back.searchParams.get('code')).toBeTruthy();
      expect(res.status).toBe(303);
      expect(locationOf(res)).toBe('/staff');
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
      expect(cookie).toMatch(/^munikit_session=/);
      const session = await t.app.request('/api/v1/auth/session', { headers: { cookie } });
      expect(session.status).toBe(200);
      const body = (await session.json()) as { user: { email: string; name: string; id: string }; towns: unknown };
      expect(body.user).toMatchObject({ email: 'newbie@testville.example', name: 'New Bie' });
      expect(body.towns).toEqual([{ id: 'testville', role: 'agent' }]);
      expect(await t.db.selectFrom('password_credentials').selectAll().where('user_id', '=', body.user.id).execute()).toEqual([]);
      const login = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'auth.login').where('actor_user_id', '=', body.user.id).executeTakeFirstOrThrow();
      expect(JSON.parse(login.details)).toMatchObject({ method: 'sso' });
      // The state was used once: the same callback again is refused.
      const replay = await t.app.request(`${CALLBACK_PATH}${back.search}`);
      expect(locationOf(replay)).toBe('/staff/sign-in?sso_error=expired');
      expect(replay.headers.get('set-cookie')).toBeNull();
    });

    it('links to the existing account by email, keeping its role', async () => {
      await configure();
      const id = await makeStaff(t.db, 'known@testville.example', { testville: 'editor' });
      const { res } = await ssoSignIn('u-known');
      expect(locationOf(res)).toBe('/staff');
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
      const body = (await (await t.app.request('/api/v1/auth/session', { headers: { cookie } })).json()) as { user: { id: string }; towns: unknown };
      expect(body.user.id).toBe(id);
      expect(body.towns).toEqual([{ id: 'testville', role: 'editor' }]);
    });

    it('refuses an email outside the allowed domains, an unverified email and a disabled account', async () => {
      await configure();
      const users = async () => (await t.db.selectFrom('users').select('email').execute()).map((u) => u.email);
      const other = await ssoSignIn('u-other');
      expect(locationOf(other.res)).toBe('/staff/sign-in?sso_error=domain_not_allowed');
      expect(other.res.headers.get('set-cookie')).toBeNull();
      expect(await users()).not.toContain('someone@elsewhere.example');

      const unverified = await ssoSignIn('u-unverified');
      expect(locationOf(unverified.res)).toBe('/staff/sign-in?sso_error=email_not_verified');

      const id = await makeStaff(t.db, 'gone@testville.example', { testville: 'agent' }, null);
      await setUserDisabled(t.db, id, true);
      const disabled = await ssoSignIn('u-disabled');
      expect(locationOf(disabled.res)).toBe('/staff/sign-in?sso_error=disabled');
      expect(disabled.res.headers.get('set-cookie')).toBeNull();
      const audit = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'auth.login_failed').execute();
      expect(audit.map((a) => JSON.parse(a.details).reason)).toEqual(expect.arrayContaining(['domain_not_allowed', 'email_not_verified', 'disabled']));
    });

    it('refuses an unknown or missing state, and a code without its PKCE verifier', async () => {
      await configure();
      expect(locationOf(await t.app.request(`${CALLBACK_PATH}?state=forged&code=abc`))).toBe('/staff/sign-in?sso_error=expired');
      expect(locationOf(await t.app.request(`${CALLBACK_PATH}?code=abc`))).toBe('/staff/sign-in?sso_error=expired');
      // A real code presented with another sign-in's state (so another verifier and nonce) is refused.
      const a = await t.app.request('/api/v1/auth/sso/start', jsonPost({ town: 'testville' }));
      const urlA = new URL(((await a.json()) as { authorizationUrl: string }).authorizationUrl);
      const b = await t.app.request('/api/v1/auth/sso/start', jsonPost({ town: 'testville' }));
      const backB = await op.authorize(((await b.json()) as { authorizationUrl: string }).authorizationUrl, 'u-new', redirectUri);
      const mixed = await t.app.request(`${CALLBACK_PATH}?code=${encodeURIComponent(backB.searchParams.get('code')!)}&state=${urlA.searchParams.get('state')}&iss=${encodeURIComponent(op.issuer)}`);
      expect(locationOf(mixed)).toBe('/staff/sign-in?sso_error=refused');
      expect(mixed.headers.get('set-cookie')).toBeNull();
    });

    it('asks for the authenticator code after the provider when the account has two-factor on', async () => {
      await configure();
      const id = await makeStaff(t.db, 'known2@testville.example', { testville: 'agent' }, null);
      op.accounts.set('u-totp', { email: 'known2@testville.example', email_verified: true, name: 'Two Factor' });
      const secret = await startTotpEnrolment(t.db, id);
      await confirmTotp(t.db, id);
      const { res } = await ssoSignIn('u-totp');
      expect(res.status).toBe(303);
      expect(res.headers.get('set-cookie')).toBeNull();
      const location = locationOf(res)!;
      expect(location).toMatch(/^\/staff\/sign-in#totp=/);
      const pendingToken = decodeURIComponent(location.split('#totp=')[1]!);
      const ok = await t.app.request('/api/v1/auth/login/totp', jsonPost({ pendingToken, code: currentCode(secret) }));
      expect(ok.status).toBe(200);
      expect(ok.headers.get('set-cookie')).toMatch(/^munikit_session=/);
      const login = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'auth.login').where('actor_user_id', '=', id).executeTakeFirstOrThrow();
      expect(JSON.parse(login.details)).toMatchObject({ method: 'sso+totp' });
    });

    it('says clearly, in English and French, when the provider is down (never a 500)', async () => {
      await configure();
      // Down at the callback: the sign-in started, then the provider went away.
      const start = await t.app.request('/api/v1/auth/sso/start', jsonPost({ town: 'testville' }));
      const back = await op.authorize(((await start.json()) as { authorizationUrl: string }).authorizationUrl, 'u-new', redirectUri);
      await op.close();
      const late = await t.app.request(`${CALLBACK_PATH}${back.search}`);
      expect(late.status).toBe(303);
      expect(locationOf(late)).toBe('/staff/sign-in?sso_error=provider_unavailable');

      // Down at the start.
      expect((await put({ ...settings(), issuer: await deadIssuer() })).status).toBe(200);
      const en = await t.app.request('/api/v1/auth/sso/start', jsonPost({ town: 'testville' }));
      expect(en.status).toBe(502);
      expect(((await en.json()) as { error: { code: string; message: string } }).error).toEqual({
        code: 'provider_unavailable',
        message: 'Testville Microsoft 365 cannot be reached right now. Try again in a few minutes, or sign in with your email address and password.',
      });
      const fr = await t.app.request('/api/v1/auth/sso/start', jsonPost({ town: 'testville' }, { 'accept-language': 'fr-CA' }));
      expect(fr.status).toBe(502);
      expect(((await fr.json()) as { error: { message: string } }).error.message).toMatch(/^Testville Microsoft 365 est injoignable pour le moment/);

      expect((await t.app.request('/api/v1/auth/sso/start', jsonPost({ town: 'nowhere' }))).status).toBe(404);
    });
  });
}
