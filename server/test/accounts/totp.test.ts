// Two-factor sign-in: enrolment (QR and text, confirmed by a first code), recovery codes, the login's
// second step (no session before it; single-use pending token; codes never reused; limits), disabling,
// and a town that requires two-factor. On both dialects.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentCode, TOTP_PERIOD } from '../../src/accounts/totp.ts';
import { ADMIN, createTestApp, dialects } from '../support/harness.ts';
import { jsonPost, makeStaff, PASSWORD, signIn, type Signed } from './helpers.ts';

const step = (n: number) => Date.now() + n * TOTP_PERIOD * 1000;

for (const dialect of dialects) {
  describe.skipIf(dialect.skip)(`two-factor sign-in on ${dialect.name}`, () => {
    let t: Awaited<ReturnType<typeof createTestApp>>;
    beforeEach(async () => {
      t = await createTestApp({ db: await dialect.open() });
    });
    afterEach(async () => {
      await t?.cleanup();
    });

    const login = (email: string, password = PASSWORD, headers: Record<string, string> = {}) =>
      t.app.request('/api/v1/auth/login', jsonPost({ email, password }, headers));
    const second = (pendingToken: string, code: string, headers: Record<string, string> = {}) =>
      t.app.request('/api/v1/auth/login/totp', jsonPost({ pendingToken, code }, headers));
    const post = (s: Signed, path: string, body: unknown = {}) => t.app.request(path, jsonPost(body, s.write));
    const status = async (s: Signed) => (await (await t.app.request('/api/v1/auth/totp', { headers: { cookie: s.cookie } })).json()) as Record<string, unknown>;

    /** Enrols `email` and answers its secret and recovery codes. */
    async function enrol(email: string) {
      const s = await signIn(t.app, email);
      const res = await post(s, '/api/v1/auth/totp/enrolment');
      expect(res.status).toBe(200);
      const e = (await res.json()) as { secret: string; otpauthUri: string; qrCode: string };
      const confirmed = await post(s, '/api/v1/auth/totp/confirm', { code: currentCode(e.secret) });
      expect(confirmed.status).toBe(200);
      const { recoveryCodes } = (await confirmed.json()) as { recoveryCodes: string[] };
      return { s, secret: e.secret, recoveryCodes, enrolment: e };
    }

    it('enrols with a QR code and the secret as text, confirmed by a first code; the secret is never shown again', async () => {
      await makeStaff(t.db, 'ana@testville.example', { testville: 'agent' });
      const s = await signIn(t.app, 'ana@testville.example');
      expect(await status(s)).toEqual({ enabled: false, required: false, recoveryCodesLeft: 0, hasPassword: true });
      const res = await post(s, '/api/v1/auth/totp/enrolment');
      const e = (await res.json()) as { secret: string; otpauthUri: string; qrCode: string };
      expect(e.secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(e.otpauthUri).toContain(`secret=${e.secret}`);
      expect(e.otpauthUri).toMatch(/^otpauth:\/\/totp\/MuniKit:ana%40testville\.example\?/);
      expect(e.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
      expect(Buffer.from(e.qrCode.split(',')[1]!, 'base64').toString()).toContain('<svg');

      // Not on until confirmed: the password alone still signs in.
      expect(((await (await login('ana@testville.example')).json()) as { next: string }).next).toBe('done');

      const wrong = await post(s, '/api/v1/auth/totp/confirm', { code: '000000' === currentCode(e.secret) ? '111111' : '000000' });
      expect(wrong.status).toBe(400);
      expect(((await wrong.json()) as { error: { field: string } }).error.field).toBe('code');

      const ok = await post(s, '/api/v1/auth/totp/confirm', { code: currentCode(e.secret) });
      expect(ok.status).toBe(200);
      const { recoveryCodes } = (await ok.json()) as { recoveryCodes: string[] };
      expect(recoveryCodes).toHaveLength(10);
      expect(new Set(recoveryCodes).size).toBe(10);
      expect(await status(s)).toEqual({ enabled: true, required: false, recoveryCodesLeft: 10, hasPassword: true });

      // Stored hashed; a second enrolment is refused while one is on.
      const stored = JSON.stringify(await t.db.selectFrom('recovery_codes').selectAll().execute());
      for (const code of recoveryCodes) expect(stored).not.toContain(code);
      expect((await post(s, '/api/v1/auth/totp/enrolment')).status).toBe(409);
      const audit = await t.db.selectFrom('audit_log').select('action').where('action', '=', 'account.totp_enabled').execute();
      expect(audit).toHaveLength(1);
    });

    it('asks for a code after the password, with no session until it is given; a code and a pending token work once', async () => {
      await makeStaff(t.db, 'ben@testville.example', { testville: 'agent' });
      const { secret } = await enrol('ben@testville.example');
      const res = await login('ben@testville.example');
      expect(res.status).toBe(200);
      expect(res.headers.get('set-cookie')).toBeNull();
      const challenge = (await res.json()) as { next: string; pendingToken: string; expiresAt: string; csrfToken?: string };
      expect(challenge.next).toBe('totp');
      expect(challenge.csrfToken).toBeUndefined();
      expect(Date.parse(challenge.expiresAt) - Date.now()).toBeLessThanOrEqual(5 * 60 * 1000);
      // Only its hash is stored.
      const rows = JSON.stringify(await t.db.selectFrom('pending_logins').selectAll().execute());
      expect(rows).not.toContain(challenge.pendingToken);

      // The code that confirmed the enrolment was used: not accepted again within its window.
      const reused = await second(challenge.pendingToken, currentCode(secret));
      expect(reused.status).toBe(400);
      expect(((await reused.json()) as { error: { fields: { message: string }[] } }).error.fields[0]!.message).toMatch(/not correct or was already used/);

      const next = currentCode(secret, step(1));
      const ok = await second(challenge.pendingToken, next);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('set-cookie')).toMatch(/^munikit_session=/);
      const body = (await ok.json()) as { next: string; user: { email: string } };
      expect(body.next).toBe('done');
      expect(body.user.email).toBe('ben@testville.example');

      // The pending token is spent, and the code cannot start another sign-in.
      expect((await second(challenge.pendingToken, currentCode(secret, step(1)))).status).toBe(401);
      const again = (await (await login('ben@testville.example')).json()) as { pendingToken: string };
      expect((await second(again.pendingToken, next)).status).toBe(400);

      const audit = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'auth.login').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
      expect(JSON.parse(audit.details)).toMatchObject({ method: 'password+totp' });
    });

    it('accepts each recovery code once instead of a code', async () => {
      await makeStaff(t.db, 'cy@testville.example', { testville: 'viewer' });
      const { recoveryCodes, s } = await enrol('cy@testville.example');
      const first = (await (await login('cy@testville.example')).json()) as { pendingToken: string };
      const ok = await second(first.pendingToken, recoveryCodes[3]!.toUpperCase());
      expect(ok.status).toBe(200);
      const again = (await (await login('cy@testville.example')).json()) as { pendingToken: string };
      expect((await second(again.pendingToken, recoveryCodes[3]!)).status).toBe(400);
      expect((await second(again.pendingToken, recoveryCodes[4]!)).status).toBe(200);
      expect((await status(s)).recoveryCodesLeft).toBe(8);
    });

    it('limits wrong codes like wrong passwords, in French too', async () => {
      await makeStaff(t.db, 'dee@testville.example', { testville: 'viewer' });
      const { secret } = await enrol('dee@testville.example');
      const { pendingToken } = (await (await login('dee@testville.example')).json()) as { pendingToken: string };
      const wrong = String((Number(currentCode(secret, step(1))) + 500_000) % 1_000_000).padStart(6, '0');
      for (let i = 0; i < 5; i++) expect((await second(pendingToken, wrong)).status).toBe(400);
      const res = await second(pendingToken, currentCode(secret, step(1)), { 'accept-language': 'fr-CA' });
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/Trop de tentatives/);
    });

    it('refuses an expired pending token', async () => {
      await makeStaff(t.db, 'eve@testville.example', { testville: 'viewer' });
      const { secret } = await enrol('eve@testville.example');
      const { pendingToken } = (await (await login('eve@testville.example')).json()) as { pendingToken: string };
      await t.db.updateTable('pending_logins').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).execute();
      const res = await second(pendingToken, currentCode(secret, step(1)), { 'accept-language': 'fr' });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/Cette connexion a expiré/);
    });

    it('turns off with the password (not a wrong one) or a current code', async () => {
      await makeStaff(t.db, 'fay@testville.example', { testville: 'viewer' });
      const { s, secret } = await enrol('fay@testville.example');
      expect((await post(s, '/api/v1/auth/totp/disable', { password: 'not my password' })).status).toBe(400);
      expect((await post(s, '/api/v1/auth/totp/disable', {})).status).toBe(400);
      expect((await post(s, '/api/v1/auth/totp/disable', { password: PASSWORD })).status).toBe(204);
      expect(((await (await login('fay@testville.example')).json()) as { next: string }).next).toBe('done');
      expect(await t.db.selectFrom('recovery_codes').selectAll().where('user_id', '=', s.userId).execute()).toEqual([]);
      void secret;

      await makeStaff(t.db, 'gus@testville.example', { testville: 'viewer' });
      const g = await enrol('gus@testville.example');
      expect((await post(g.s, '/api/v1/auth/totp/disable', { code: currentCode(g.secret, step(1)) })).status).toBe(204);
      expect((await post(g.s, '/api/v1/auth/totp/disable', { code: currentCode(g.secret, step(1)) })).status).toBe(409);
    });

    it('sends staff of a town that requires two-factor to enrol right after sign-in', async () => {
      const admin = await signIn(t.app, ADMIN.email, ADMIN.password);
      const res = await t.app.request('/api/v1/staff/towns/testville/settings', jsonPost({ requireTwoFactor: true }, admin.write, 'PATCH'));
      expect(res.status).toBe(200);
      expect(((await res.json()) as { requireTwoFactor: boolean }).requireTwoFactor).toBe(true);
      await makeStaff(t.db, 'hal@testville.example', { testville: 'agent' });
      const signed = (await (await login('hal@testville.example')).json()) as { next: string };
      expect(signed.next).toBe('enrol_totp');
      const s = await signIn(t.app, 'hal@testville.example');
      const session = (await (await t.app.request('/api/v1/auth/session', { headers: { cookie: s.cookie } })).json()) as { next: string };
      expect(session.next).toBe('enrol_totp');
      expect((await status(s)).required).toBe(true);
      // Until then, staff routes are closed to them (their own account stays open), in French too.
      const closed = await t.app.request('/api/v1/staff/towns/testville/requests', { headers: { cookie: s.cookie, 'accept-language': 'fr' } });
      expect(closed.status).toBe(403);
      expect(((await closed.json()) as { error: { message: string } }).error.message).toMatch(/exige la connexion à deux facteurs/);
      expect((await t.app.request('/api/v1/staff/me', { headers: { cookie: s.cookie } })).status).toBe(200);
      // Once enrolled, the answer is the second step, then done.
      const { secret } = await enrol('hal@testville.example');
      const { pendingToken } = (await (await login('hal@testville.example')).json()) as { pendingToken: string };
      const done = await second(pendingToken, currentCode(secret, step(1)));
      expect(((await done.json()) as { next: string }).next).toBe('done');
      const cookie = (done.headers.get('set-cookie') ?? '').split(';')[0]!;
      expect((await t.app.request('/api/v1/staff/towns/testville/requests', { headers: { cookie } })).status).toBe(200);
      await t.app.request('/api/v1/staff/towns/testville/settings', jsonPost({ requireTwoFactor: false }, admin.write, 'PATCH'));
    });
  });
}
