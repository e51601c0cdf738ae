// Sign-in: limits per account and per address, hash upgrade, disabled accounts, session rotation and
// timeouts, signing out everywhere, the cookie rule.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/accounts/passwords.ts';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../src/accounts/session.ts';
import { getPasswordHash } from '../../src/accounts/users-store.ts';
import { sha256 } from '../../src/accounts/tokens.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { ADMIN, createTestApp } from '../support/harness.ts';
import { jsonPost, makeStaff, PASSWORD, signIn } from './helpers.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.cleanup();
});

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  t.app.request('/api/v1/auth/login', jsonPost({ email, password }, headers));
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe('sign-in', () => {
  it('answers with the session, the next step and the permission map', async () => {
    const res = await login(ADMIN.email, ADMIN.password);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { next: string; towns: unknown; permissions: Record<string, string[]>; expiresAt: string };
    expect(body.next).toBe('done');
    expect(body.towns).toEqual([{ id: 'testville', role: 'admin' }]);
    expect(body.permissions.viewer).toEqual(['requests.read', 'kb.read', 'reports.read']);
    expect(Date.parse(body.expiresAt) - Date.now()).toBeLessThanOrEqual(SESSION_IDLE_MS);
  });

  it('speaks French to a French browser', async () => {
    const res = await login(ADMIN.email, 'wrong password!!', { 'accept-language': 'fr-CA,fr;q=0.9' });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).message).toBe('L’adresse courriel ou le mot de passe n’est pas exact.');
  });

  it('locks an account for a while after 5 failures, with Retry-After, even for the right password', async () => {
    await makeStaff(t.db, 'locked@testville.example', { testville: 'viewer' });
    for (let i = 0; i < 5; i++) expect((await login('locked@testville.example', `wrong guess ${i}`)).status).toBe(401);
    const res = await login('locked@testville.example', PASSWORD);
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    const error = await errorOf(res);
    expect(error.code).toBe('rate_limited');
    expect(error.message).toMatch(/Too many attempts.*minute/);
    // Another account from the same address is not locked by it.
    expect((await login(ADMIN.email, ADMIN.password)).status).toBe(200);
    // The buckets never hold an email address in clear.
    const keys = (await t.db.selectFrom('rate_limit_buckets').select('key').execute()).map((r) => r.key).join(' ');
    expect(keys).not.toContain('locked@');
  });

  it('limits failures per address across accounts', async () => {
    await t.db.deleteFrom('rate_limit_buckets').execute();
    for (let i = 0; i < 30; i++) expect((await login(`nobody${i}@example.com`, 'wrong password')).status).toBe(401);
    const res = await login(ADMIN.email, ADMIN.password);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBeTruthy();
    await t.db.deleteFrom('rate_limit_buckets').execute();
  });

  it('upgrades a hash made at a lower cost at the next sign-in', async () => {
    const id = await makeStaff(t.db, 'old-hash@testville.example', { testville: 'viewer' }, null);
    const old = await hashPassword(PASSWORD, { N: 2 ** 4, r: 8, p: 1 });
    await t.db.insertInto('password_credentials').values({ user_id: id, password_hash: old, updated_at: new Date().toISOString() }).execute();
    await signIn(t.app, 'old-hash@testville.example');
    const now = (await getPasswordHash(t.db, id))!;
    expect(now).not.toBe(old);
    expect(now).toMatch(/^scrypt\$1024\$/);
    expect(await verifyPassword(PASSWORD, now)).toBe(true);
  });

  it('refuses an account without a password (single sign-on only) like a wrong password', async () => {
    await makeStaff(t.db, 'sso-only@testville.example', { testville: 'viewer' }, null);
    const res = await login('sso-only@testville.example', 'anything at all here');
    expect(res.status).toBe(401);
  });

  it('rotates the session at sign-in: the token the browser had stops working', async () => {
    const first = await signIn(t.app, ADMIN.email, ADMIN.password);
    const res = await login(ADMIN.email, ADMIN.password, { cookie: first.cookie });
    const second = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(second).not.toBe(first.cookie);
    expect((await t.app.request('/api/v1/auth/session', { headers: { cookie: first.cookie } })).status).toBe(401);
    expect((await t.app.request('/api/v1/auth/session', { headers: { cookie: second } })).status).toBe(200);
  });

  it('ends a session after 30 idle minutes and 12 hours after sign-in', async () => {
    const idle = await signIn(t.app, ADMIN.email, ADMIN.password);
    const idOf = (cookie: string) => sha256(cookie.split('=')[1]!);
    await t.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', idOf(idle.cookie)).execute();
    expect((await t.app.request('/api/v1/auth/session', { headers: { cookie: idle.cookie } })).status).toBe(401);

    const old = await signIn(t.app, ADMIN.email, ADMIN.password);
    const created = new Date(Date.now() - SESSION_ABSOLUTE_MS + 30_000).toISOString();
    const seen = new Date(Date.now() - 2 * 60_000).toISOString();
    await t.db
      .updateTable('sessions')
      .set({ created_at: created, last_seen_at: seen, expires_at: new Date(Date.now() + SESSION_IDLE_MS).toISOString() })
      .where('id', '=', idOf(old.cookie))
      .execute();
    // Used now: the idle expiry moves, but never past 12 h after sign-in.
    expect((await t.app.request('/api/v1/auth/session', { headers: { cookie: old.cookie } })).status).toBe(200);
    const row = await t.db.selectFrom('sessions').select('expires_at').where('id', '=', idOf(old.cookie)).executeTakeFirstOrThrow();
    expect(Date.parse(row.expires_at)).toBe(Date.parse(created) + SESSION_ABSOLUTE_MS);
  });

  it('signs out everywhere', async () => {
    const a = await signIn(t.app, ADMIN.email, ADMIN.password);
    const b = await signIn(t.app, ADMIN.email, ADMIN.password);
    const res = await t.app.request('/api/v1/auth/logout-everywhere', { method: 'POST', headers: a.write });
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/munikit_session=;/);
    for (const s of [a, b]) expect((await t.app.request('/api/v1/auth/session', { headers: { cookie: s.cookie } })).status).toBe(401);
  });

  it('audits sign-ins and failures without storing the password', async () => {
    const s = await signIn(t.app, ADMIN.email, ADMIN.password);
    expect((await t.app.request('/api/v1/auth/logout-everywhere', { method: 'POST', headers: s.write })).status).toBe(204);
    // Wrong passwords until the account is throttled.
    for (let i = 0; i < 6; i++) await login(ADMIN.email, `wrong guess ${i}`);
    const rows = await t.db.selectFrom('audit_log').select(['action', 'details']).where('action', 'like', 'auth.%').execute();
    const actions = new Set(rows.map((r) => r.action));
    for (const a of ['auth.login', 'auth.login_failed', 'auth.login_throttled', 'auth.logout_everywhere']) expect(actions).toContain(a);
    expect(JSON.stringify(rows)).not.toContain(PASSWORD);
    expect(JSON.stringify(rows)).not.toContain('wrong guess');
  });
});

describe('a disabled account', () => {
  it('loses its sessions at once and cannot sign in; its history stays', async () => {
    const id = await makeStaff(t.db, 'leaver@testville.example', { testville: 'agent' });
    const leaver = await signIn(t.app, 'leaver@testville.example');
    const admin = await signIn(t.app, ADMIN.email, ADMIN.password);
    const res = await t.app.request(`/api/v1/staff/towns/testville/users/${id}`, jsonPost({ disabled: true }, admin.write, 'PATCH'));
    expect(res.status).toBe(200);
    expect((await t.app.request('/api/v1/staff/towns/testville/requests', { headers: { cookie: leaver.cookie } })).status).toBe(401);
    expect((await login('leaver@testville.example', PASSWORD)).status).toBe(401);
    expect(await t.db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst()).toBeTruthy();
    const audit = await t.db.selectFrom('audit_log').select('action').where('subject_id', '=', id).execute();
    expect(audit.map((r) => r.action)).toEqual(expect.arrayContaining(['auth.login', 'user.disabled']));

    expect((await t.app.request(`/api/v1/staff/towns/testville/users/${id}`, jsonPost({ disabled: false }, admin.write, 'PATCH'))).status).toBe(200);
    expect((await login('leaver@testville.example', PASSWORD)).status).toBe(200);
  });
});

describe('the cookie rule', () => {
  it('is __Host-munikit_session with Secure by default', async () => {
    const secure = await createTestApp({ config: { COOKIE_SECURE: 'true' } });
    try {
      const res = await secure.app.request('/api/v1/auth/login', jsonPost(ADMIN));
      const cookie = res.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^__Host-munikit_session=[A-Za-z0-9_-]{43};/);
      expect(cookie).toMatch(/; Path=\//);
      expect(cookie).toMatch(/; Secure/);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Lax/);
      expect(cookie).not.toMatch(/Domain=/i);
      const doc = (await (await secure.app.request('/api/v1/openapi.json')).json()) as { components: { securitySchemes: { session: { name: string } } } };
      expect(doc.components.securitySchemes.session.name).toBe('__Host-munikit_session');
    } finally {
      await secure.cleanup();
    }
  });

  it('allows plain HTTP (COOKIE_SECURE=false) only on a loopback address', () => {
    expect(() => loadConfig({ COOKIE_SECURE: 'false', HOST: '0.0.0.0' })).toThrow(/COOKIE_SECURE/);
    expect(() => loadConfig({ COOKIE_SECURE: 'false', HOST: '192.168.1.10' })).toThrow(/loopback/);
    expect(loadConfig({ COOKIE_SECURE: 'false', HOST: '127.0.0.1' }).cookieSecure).toBe(false);
    expect(loadConfig({ COOKIE_SECURE: 'false', HOST: '::1' }).cookieSecure).toBe(false);
  });
});

describe('behind a reverse proxy', () => {
  it('counts failures per client address from the last X-Forwarded-For entry only with TRUST_PROXY', async () => {
    const proxied = await createTestApp({ config: { TRUST_PROXY: 'true' } });
    try {
      let n = 0;
      const attempt = (xff: string) =>
        proxied.app.request('/api/v1/auth/login', jsonPost({ email: `nobody${n++}@example.com`, password: 'wrong password' }, { 'x-forwarded-for': xff }));
      // A client cannot escape the limit by writing its own X-Forwarded-For: the proxy appends the real address last.
      for (let i = 0; i < 30; i++) expect((await attempt(`10.0.0.${i}, 203.0.113.7`)).status).toBe(401);
      expect((await attempt('10.9.9.9, 203.0.113.7')).status).toBe(429);
      expect((await attempt('203.0.113.8')).status).toBe(401);
      const failed = await proxied.db.selectFrom('audit_log').select('details').where('action', '=', 'auth.login_failed').executeTakeFirstOrThrow();
      expect(JSON.parse(failed.details)).toMatchObject({ address: '203.0.113.7', reason: 'unknown_email' });
    } finally {
      await proxied.cleanup();
    }
  });
});

describe('emailed links', () => {
  it('never take their address from the Host header (reset poisoning)', async () => {
    await makeStaff(t.db, 'poisoned@testville.example', { testville: 'viewer' });
    await t.db.deleteFrom('rate_limit_buckets').execute();
    const res = await t.app.request('http://evil.example/api/v1/auth/password-reset', jsonPost({ email: 'poisoned@testville.example' }, { host: 'evil.example' }));
    expect(res.status).toBe(202);
    const rows = await t.db.selectFrom('jobs').select('payload').where('kind', '=', 'email').execute();
    const mail = rows.map((r) => JSON.parse(r.payload) as { to: string; text: string }).find((m) => m.to === 'poisoned@testville.example')!;
    expect(mail.text).toContain('http://127.0.0.1:8787/staff/reset-password#token=');
    expect(mail.text).not.toContain('evil.example');
  });
});
