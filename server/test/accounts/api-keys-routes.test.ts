// The console's API for Open311 keys: admins make (shown once), list and revoke; a made key files
// through Open311 until revoked; nobody else can manage them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, createTestApp } from '../support/harness.ts';
import { jsonPost, makeStaff, signIn, type Signed } from './helpers.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let admin: Signed;
beforeEach(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, ADMIN.email, ADMIN.password);
});
afterEach(async () => t.cleanup());

const fileWith = (key: string) =>
  t.app.request('/open311/v2/requests.json', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ api_key: key, service_code: 'pothole', description: 'A deep hole', address_string: '12 Lake Rd', 'attribute[size]': 'small' }).toString(),
  });

describe('Open311 API keys in the console', () => {
  it('makes a key shown once, lists it without the key, and revokes it', async () => {
    const made = await t.app.request('/api/v1/staff/towns/testville/api-keys', jsonPost({ name: 'Citizen app' }, admin.write));
    expect(made.status).toBe(201);
    const { id, key } = (await made.json()) as { id: string; key: string };
    expect(key).toMatch(/^mk_/);

    const list = await t.app.request('/api/v1/staff/towns/testville/api-keys', { headers: { cookie: admin.cookie } });
    const text = await list.text();
    expect(JSON.parse(text)).toMatchObject({ keys: [{ id, name: 'Citizen app', revokedAt: null }] });
    expect(text).not.toContain(key);
    expect((await fileWith(key)).status).toBe(201);

    const revoke = await t.app.request(`/api/v1/staff/towns/testville/api-keys/${id}`, { method: 'DELETE', headers: admin.write });
    expect(revoke.status).toBe(204);
    expect((await fileWith(key)).status).toBe(403);
    expect((await t.app.request(`/api/v1/staff/towns/testville/api-keys/${id}`, { method: 'DELETE', headers: admin.write })).status).toBe(404);
    const actions = (await t.db.selectFrom('audit_log').select('action').where('action', 'like', 'apikey.%').execute()).map((r) => r.action);
    expect(actions.sort()).toEqual(['apikey.created', 'apikey.revoked']);
  });

  it('refuses anyone but an administrator, and a missing name', async () => {
    await makeStaff(t.db, 'agent@testville.example', { testville: 'agent' });
    const agent = await signIn(t.app, 'agent@testville.example');
    expect((await t.app.request('/api/v1/staff/towns/testville/api-keys', { headers: { cookie: agent.cookie } })).status).toBe(403);
    expect((await t.app.request('/api/v1/staff/towns/testville/api-keys')).status).toBe(401);
    const noName = await t.app.request('/api/v1/staff/towns/testville/api-keys', jsonPost({ name: ' ' }, admin.write));
    expect(noName.status).toBe(400);
    expect(((await noName.json()) as { error: { field: string } }).error.field).toBe('name');
  });
});
