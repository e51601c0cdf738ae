// Password reset and invitations by emailed, single-use, expiring links (through the outbox).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmailMessage } from '../../src/platform/jobs/email.ts';
import { ADMIN, createTestApp } from '../support/harness.ts';
import { jsonPost, makeStaff, PASSWORD, signIn, type Signed } from './helpers.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let admin: Signed;
beforeEach(async () => {
  t = await createTestApp({ config: { PUBLIC_ORIGIN: 'https://services.testville.example' } });
  admin = await signIn(t.app, ADMIN.email, ADMIN.password);
});
afterEach(async () => {
  await t.cleanup();
});

async function emailsTo(to: string): Promise<EmailMessage[]> {
  const rows = await t.db.selectFrom('jobs').select(['payload', 'created_at']).where('kind', '=', 'email').orderBy('created_at').execute();
  return rows.map((r) => JSON.parse(r.payload) as EmailMessage).filter((m) => m.to === to);
}
const tokenIn = (m: EmailMessage) => /token=([A-Za-z0-9_-]+)/.exec(m.text)![1]!;
const post = (path: string, body: unknown, headers: Record<string, string> = {}) => t.app.request(path, jsonPost(body, headers));

describe('password reset', () => {
  it('answers the same for a known and an unknown address, and emails only the known one', async () => {
    await makeStaff(t.db, 'forgetful@testville.example', { testville: 'agent' });
    const known = await post('/api/v1/auth/password-reset', { email: 'Forgetful@Testville.example' });
    const unknown = await post('/api/v1/auth/password-reset', { email: 'nobody@testville.example' });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await known.json()).toEqual(await unknown.json());
    expect(await emailsTo('nobody@testville.example')).toEqual([]);
    const [mail] = await emailsTo('forgetful@testville.example');
    expect(mail?.subject).toBe('Reset your MuniKit password');
    expect(mail?.text).toContain('https://services.testville.example/staff/reset-password#token=');
  });

  it('sets a new password once with the link, ends the sessions, and refuses the link again', async () => {
    await makeStaff(t.db, 'forgetful@testville.example', { testville: 'agent' });
    const before = await signIn(t.app, 'forgetful@testville.example');
    await post('/api/v1/auth/password-reset', { email: 'forgetful@testville.example' });
    const token = tokenIn((await emailsTo('forgetful@testville.example')).at(-1)!);
    const weak = await post('/api/v1/auth/password-reset/confirm', { token, password: 'password1234' });
    expect(weak.status).toBe(400);
    expect(((await weak.json()) as { error: { field: string } }).error.field).toBe('password');

    const ok = await post('/api/v1/auth/password-reset/confirm', { token, password: 'a brand new passphrase' });
    expect(ok.status).toBe(204);
    const warning = (await emailsTo('forgetful@testville.example')).at(-1)!;
    expect(warning.template).toBe('password-changed');
    expect(warning.text).toContain('https://services.testville.example/staff/forgot-password');
    expect((await t.app.request('/api/v1/auth/session', { headers: { cookie: before.cookie } })).status).toBe(401);
    await signIn(t.app, 'forgetful@testville.example', 'a brand new passphrase');
    expect((await post('/api/v1/auth/login', { email: 'forgetful@testville.example', password: PASSWORD })).status).toBe(401);

    const again = await post('/api/v1/auth/password-reset/confirm', { token, password: 'yet another passphrase' });
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: { field: string } }).error.field).toBe('token');
  });

  it('refuses an expired link, and a new link replaces the old one', async () => {
    await makeStaff(t.db, 'forgetful@testville.example', { testville: 'agent' });
    await post('/api/v1/auth/password-reset', { email: 'forgetful@testville.example' });
    const first = tokenIn((await emailsTo('forgetful@testville.example')).at(-1)!);
    await post('/api/v1/auth/password-reset', { email: 'forgetful@testville.example' });
    const second = tokenIn((await emailsTo('forgetful@testville.example')).at(-1)!);
    expect((await post('/api/v1/auth/password-reset/confirm', { token: first, password: 'replaced link passphrase' })).status).toBe(400);
    await t.db.updateTable('auth_tokens').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('purpose', '=', 'password_reset').execute();
    expect((await post('/api/v1/auth/password-reset/confirm', { token: second, password: 'expired link passphrase' })).status).toBe(400);
  });

  it('never shows a reset link in a town outbox', async () => {
    const res = await t.app.request('/api/v1/staff/towns/testville/outbox', { headers: { cookie: admin.cookie } });
    const text = await res.text();
    expect(text).not.toContain('reset-password');
  });

  it('limits reset requests per address', async () => {
    await t.db.deleteFrom('rate_limit_buckets').execute();
    for (let i = 0; i < 10; i++) expect((await post('/api/v1/auth/password-reset', { email: `x${i}@example.com` })).status).toBe(202);
    const res = await post('/api/v1/auth/password-reset', { email: 'x@example.com' });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBeTruthy();
    await t.db.deleteFrom('rate_limit_buckets').execute();
  });
});

describe('invitations', () => {
  it('emails a single-use link in the town language; accepting sets name and password and the role', async () => {
    const res = await post(
      '/api/v1/staff/towns/testville/users/invitations',
      { email: 'New.Clerk@testville.example', role: 'agent', departmentIds: ['public-works'], language: 'fr' },
      admin.write,
    );
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ status: 'invited', email: 'new.clerk@testville.example' });
    const [mail] = await emailsTo('new.clerk@testville.example');
    expect(mail?.subject).toBe('Invitation à la console du personnel de Ville de Testville');
    expect(mail?.text).toContain('Test Admin vous invite');
    const token = tokenIn(mail!);

    const outbox = (await (await t.app.request('/api/v1/staff/towns/testville/outbox', { headers: { cookie: admin.cookie } })).json()) as {
      jobs: { kind: string; status: string; payload: EmailMessage }[];
    };
    expect(outbox.jobs.some((j) => j.kind === 'email' && j.payload.to === 'new.clerk@testville.example')).toBe(true);

    const list = (await (await t.app.request('/api/v1/staff/towns/testville/users', { headers: { cookie: admin.cookie } })).json()) as {
      invitations: { email: string; role: string }[];
    };
    expect(list.invitations).toEqual([expect.objectContaining({ email: 'new.clerk@testville.example', role: 'agent' })]);

    const inspect = await post('/api/v1/auth/invitations/inspect', { token });
    expect(await inspect.json()).toMatchObject({ email: 'new.clerk@testville.example', town: { id: 'testville' }, role: 'agent' });

    const weak = await post('/api/v1/auth/invitations/accept', { token, name: 'New Clerk', password: 'short' });
    expect(weak.status).toBe(400);
    const accepted = await post('/api/v1/auth/invitations/accept', { token, name: 'New Clerk', password: 'clerk passphrase here', language: 'fr' });
    expect(accepted.status).toBe(201);
    const session = await signIn(t.app, 'new.clerk@testville.example', 'clerk passphrase here');
    const me = (await (await t.app.request('/api/v1/staff/me', { headers: { cookie: session.cookie } })).json()) as Record<string, unknown>;
    expect(me).toMatchObject({ name: 'New Clerk', language: 'fr', towns: [{ id: 'testville', role: 'agent' }] });
    const role = await t.db.selectFrom('user_town_roles').select('department_ids').where('user_id', '=', session.userId).executeTakeFirstOrThrow();
    expect(JSON.parse(role.department_ids)).toEqual(['public-works']);

    expect((await post('/api/v1/auth/invitations/accept', { token, name: 'Again', password: 'another passphrase' })).status).toBe(400);
  });

  it('gives an existing account the role without touching its password', async () => {
    await makeStaff(t.db, 'elsewhere@example.com', {});
    const res = await post('/api/v1/staff/towns/testville/users/invitations', { email: 'elsewhere@example.com', role: 'viewer' }, admin.write);
    expect(await res.json()).toMatchObject({ status: 'added' });
    expect((await emailsTo('elsewhere@example.com'))[0]?.template).toBe('access-granted');
    const again = await post('/api/v1/staff/towns/testville/users/invitations', { email: 'elsewhere@example.com', role: 'viewer' }, admin.write);
    expect(again.status).toBe(409);
    await signIn(t.app, 'elsewhere@example.com');
  });

  it('can be cancelled: the link stops working', async () => {
    await post('/api/v1/staff/towns/testville/users/invitations', { email: 'mistake@testville.example', role: 'viewer' }, admin.write);
    const token = tokenIn((await emailsTo('mistake@testville.example'))[0]!);
    const revoke = await post('/api/v1/staff/towns/testville/users/invitations/revoke', { email: 'mistake@testville.example' }, admin.write);
    expect(revoke.status).toBe(204);
    expect((await post('/api/v1/auth/invitations/accept', { token, name: 'Mistake', password: 'mistaken passphrase' })).status).toBe(400);
    expect((await post('/api/v1/staff/towns/testville/users/invitations/revoke', { email: 'mistake@testville.example' }, admin.write)).status).toBe(404);
  });

  it("lists the town's departments for choosing an agent's", async () => {
    const res = await t.app.request('/api/v1/staff/towns/testville/departments', { headers: { cookie: admin.cookie } });
    expect(await res.json()).toEqual({ departments: [{ id: 'public-works', name: { en: 'Public Works', fr: 'Travaux publics' } }] });
  });

  it('refuses departments of another town and an invalid email', async () => {
    const res = await post('/api/v1/staff/towns/testville/users/invitations', { email: 'x@example.com', role: 'agent', departmentIds: ['nope'] }, admin.write);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe('departmentIds');
    const bad = await post('/api/v1/staff/towns/testville/users/invitations', { email: 'not an email', role: 'agent' }, admin.write);
    expect(bad.status).toBe(400);
  });
});
