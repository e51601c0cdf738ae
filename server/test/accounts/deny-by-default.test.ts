// Deny by default: every staff operation in the route table and the OpenAPI document declares a
// permission; each answers 401 without a session, 403 without the CSRF token (writes) and 403 for a
// role whose permissions lack it; and one town's staff can never read or change another town's data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, can, declaredPermissions, PERMISSIONS, ROLES, type Action } from '../../src/accounts/permissions.ts';
import { seedTown } from '../../src/seed/seed.ts';
import type { Role } from '../../src/platform/database/schema.ts';
import { ADMIN, createTestApp } from '../support/harness.ts';
import { otherTown } from '../support/test-town.ts';
import { jsonPost, makeStaff, signIn, type Signed } from './helpers.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
const as: Record<Role, Signed> = {} as Record<Role, Signed>;
let otherAdmin: Signed;
let targetUserId: string;
let otherUserId: string;

type Op = { method: string; path: string; permission: string };
let ops: Op[];
let doc: { paths: Record<string, Record<string, { 'x-permission'?: string; security?: unknown }>> };

/** The auth calls anyone may make without a session, by design. */
const PUBLIC_AUTH = [
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/password-reset',
  'POST /api/v1/auth/password-reset/confirm',
  'POST /api/v1/auth/invitations/inspect',
  'POST /api/v1/auth/invitations/accept',
  // Two-factor sign-in's second step (with the pending-login token) and single sign-on.
  'POST /api/v1/auth/login/totp',
  'GET /api/v1/auth/sso/providers',
  'POST /api/v1/auth/sso/start',
  'GET /api/v1/auth/sso/callback',
].sort();

const toOpenApi = (p: string) => p.replace(/:([A-Za-z]+)/g, '{$1}');
const url = (path: string, town = 'testville', userId = targetUserId) => path.replace('{town}', town).replace('{userId}', userId);
const bodyFor = (method: string) => (method === 'GET' || method === 'DELETE' ? undefined : '{}');

async function call(op: Op, headers: Record<string, string>, town = 'testville', userId = targetUserId) {
  return t.app.request(url(op.path, town, userId), {
    method: op.method,
    headers: { 'content-type': 'application/json', ...headers },
    body: bodyFor(op.method),
  });
}

beforeAll(async () => {
  t = await createTestApp();
  await seedTown(t.db, otherTown);
  as.admin = await signIn(t.app, ADMIN.email, ADMIN.password);
  for (const role of ['editor', 'agent', 'viewer'] as const) {
    await makeStaff(t.db, `${role}@testville.example`, { testville: role });
    as[role] = await signIn(t.app, `${role}@testville.example`);
  }
  await makeStaff(t.db, 'admin@otherville.example', { otherville: 'admin' });
  otherAdmin = await signIn(t.app, 'admin@otherville.example');
  targetUserId = await makeStaff(t.db, 'target@testville.example', { testville: 'viewer' });
  otherUserId = await makeStaff(t.db, 'clerk@otherville.example', { otherville: 'agent' });

  const methods = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
  const seen = new Set<string>();
  ops = [];
  for (const r of t.app.routes) {
    if (!methods.has(r.method)) continue;
    const isStaff = r.path.startsWith('/api/v1/staff/');
    const isAuthWrite = r.path.startsWith('/api/v1/auth/') && r.method !== 'GET';
    const isAuthRead = r.path.startsWith('/api/v1/auth/') && r.method === 'GET';
    if (!isStaff && !isAuthWrite && !isAuthRead) continue;
    const key = `${r.method} ${toOpenApi(r.path)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    ops.push({ method: r.method, path: toOpenApi(r.path), permission: declaredPermissions.get(key) ?? 'UNDECLARED' });
  }
  doc = (await (await t.app.request('/api/v1/openapi.json')).json()) as typeof doc;
});

afterAll(async () => {
  await t.cleanup();
});

describe('the permission map', () => {
  it('gives admin every action and the other roles less', () => {
    expect([...PERMISSIONS.admin].sort()).toEqual([...ACTIONS].sort());
    expect(PERMISSIONS.editor).toContain('kb.edit');
    expect(PERMISSIONS.editor).not.toContain('requests.read');
    expect(PERMISSIONS.agent).toEqual(expect.arrayContaining(['requests.read', 'requests.update']));
    expect(PERMISSIONS.viewer.every((a) => a.endsWith('.read'))).toBe(true);
    for (const admin of ['users.manage', 'apikeys.manage', 'settings.manage', 'audit.read', 'outbox.read'] as Action[]) {
      for (const role of ['editor', 'agent', 'viewer'] as const) expect(can(role, admin)).toBe(false);
    }
  });
});

describe('every staff operation declares a permission', () => {
  it('finds the staff routes in the route table', () => {
    expect(ops.length).toBeGreaterThanOrEqual(15);
    expect(ops.map((o) => `${o.method} ${o.path}`)).toContain('GET /api/v1/staff/towns/{town}/requests');
  });

  it('declares one for each route of the table, and the OpenAPI document shows it', () => {
    for (const op of ops) {
      expect(op.permission, `${op.method} ${op.path}`).not.toBe('UNDECLARED');
      const documented = doc.paths[op.path]?.[op.method.toLowerCase()];
      expect(documented, `${op.method} ${op.path} in openapi.json`).toBeDefined();
      if (op.permission !== 'public') {
        expect(documented?.['x-permission'], `${op.method} ${op.path}`).toBe(op.permission);
        expect(documented?.security).toEqual(op.method === 'GET' ? [{ session: [] }] : [{ session: [], csrf: [] }]);
      }
    }
  });

  it('has no staff operation in the OpenAPI document that the route table lacks', () => {
    const inTable = new Set(ops.map((o) => `${o.method} ${o.path}`));
    for (const [path, item] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/v1/staff/') && !path.startsWith('/api/v1/auth/')) continue;
      for (const method of Object.keys(item)) expect(inTable.has(`${method.toUpperCase()} ${path}`), `${method} ${path}`).toBe(true);
    }
  });

  it('leaves only the sign-in, reset and invitation calls public, and nothing under /staff', () => {
    const publicOps = ops.filter((o) => o.permission === 'public').map((o) => `${o.method} ${o.path}`).sort();
    expect(publicOps).toEqual(PUBLIC_AUTH);
    expect(ops.filter((o) => o.path.startsWith('/api/v1/staff/') && o.permission === 'public')).toEqual([]);
  });
});

describe('deny by default', () => {
  it('answers 401 to every non-public operation without a session', async () => {
    for (const op of ops.filter((o) => o.permission !== 'public')) {
      const res = await call(op, {});
      expect(res.status, `${op.method} ${op.path}`).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    }
  });

  it('answers 403 csrf_failed to every state-changing operation without the CSRF token', async () => {
    for (const op of ops.filter((o) => o.permission !== 'public' && o.method !== 'GET')) {
      const res = await call(op, { cookie: as.admin.cookie });
      expect(res.status, `${op.method} ${op.path}`).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('csrf_failed');
    }
  });

  it('answers 403 forbidden to each role whose permissions lack the action', async () => {
    let denials = 0;
    for (const op of ops.filter((o) => (ACTIONS as readonly string[]).includes(o.permission))) {
      for (const role of ROLES) {
        if (can(role, op.permission as Action)) continue;
        const res = await call(op, as[role].write);
        expect(res.status, `${role}: ${op.method} ${op.path}`).toBe(403);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
        denials++;
      }
    }
    expect(denials).toBeGreaterThan(20);
  });

  it('lets each role read what its permissions allow', async () => {
    let allowed = 0;
    for (const op of ops.filter((o) => o.method === 'GET' && (ACTIONS as readonly string[]).includes(o.permission))) {
      for (const role of ROLES) {
        if (!can(role, op.permission as Action)) continue;
        const res = await call(op, as[role].write);
        // Past the permission check: 200, or 404 for a made-up id in the path; never 401/403 or a 5xx.
        expect(res.status === 200 || (res.status === 404 && /\{(?!town\})/.test(op.path)), `${role}: ${op.method} ${op.path} → ${res.status}`).toBe(true);
        allowed++;
      }
    }
    expect(allowed).toBeGreaterThanOrEqual(9);
  });
});

describe('towns are walled off from each other', () => {
  it("refuses every town operation to another town's admin", async () => {
    for (const op of ops.filter((o) => o.path.includes('{town}'))) {
      const res = await call(op, otherAdmin.write, 'testville');
      expect(res.status, `otherville admin: ${op.method} ${op.path}`).toBe(403);
    }
  });

  it("never shows one town's requests, staff, audit or outbox in another's", async () => {
    const reads = ['requests', 'users', 'audit', 'outbox', 'settings', 'departments'];
    for (const what of reads) {
      const res = await t.app.request(`/api/v1/staff/towns/testville/${what}`, { headers: { cookie: as.admin.cookie } });
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text, what).not.toContain('other-town-marker');
      expect(text, what).not.toContain('other.resident@example.com');
      expect(text, what).not.toContain('clerk@otherville.example');
      expect(text, what).not.toContain('admin@otherville.example');
      expect(text, what).not.toContain('OTH-');
      expect(text, what).not.toContain('other-roads');
    }
  });

  it("cannot change or remove a person of another town through one's own town", async () => {
    const patch = await t.app.request(
      `/api/v1/staff/towns/testville/users/${otherUserId}`,
      jsonPost({ role: 'viewer', disabled: true }, as.admin.write, 'PATCH'),
    );
    expect(patch.status).toBe(404);
    const del = await t.app.request(`/api/v1/staff/towns/testville/users/${otherUserId}`, { method: 'DELETE', headers: as.admin.write });
    expect(del.status).toBe(404);
    const row = await t.db.selectFrom('users').select('disabled').where('id', '=', otherUserId).executeTakeFirstOrThrow();
    expect(row.disabled).toBe(0);
    const role = await t.db.selectFrom('user_town_roles').select('role').where('user_id', '=', otherUserId).executeTakeFirstOrThrow();
    expect(role.role).toBe('agent');
  });

  it("does not let an admin of one town disable someone who also works for a town they do not administer", async () => {
    const shared = await makeStaff(t.db, 'shared@example.com', { testville: 'agent', otherville: 'agent' });
    const res = await t.app.request(`/api/v1/staff/towns/testville/users/${shared}`, jsonPost({ disabled: true }, as.admin.write, 'PATCH'));
    expect(res.status).toBe(403);
    const remove = await t.app.request(`/api/v1/staff/towns/testville/users/${shared}`, { method: 'DELETE', headers: as.admin.write });
    expect(remove.status).toBe(204);
    const roles = await t.db.selectFrom('user_town_roles').select('town_id').where('user_id', '=', shared).execute();
    expect(roles.map((r) => r.town_id)).toEqual(['otherville']);
  });
});
