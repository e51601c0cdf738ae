// The JSON API the staff console uses: the town's staff, my account, town settings, the audit log.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { neutraliseCell } from '../../src/accounts/audit.ts';
import { trackerLink } from '../../src/notifications/links.ts';
import { ADMIN, createTestApp } from '../support/harness.ts';
import { jsonPost, makeStaff, PASSWORD, signIn, type Signed } from './helpers.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let admin: Signed;
beforeEach(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, ADMIN.email, ADMIN.password);
});
afterEach(async () => {
  await t.cleanup();
});

const patch = (path: string, body: unknown, s: Signed = admin) => t.app.request(path, jsonPost(body, s.write, 'PATCH'));
const get = (path: string, s: Signed = admin) => t.app.request(path, { headers: { cookie: s.cookie } });
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; field?: string; message: string } }).error;

describe("the town's staff", () => {
  it('lists the people with a role in the town', async () => {
    await makeStaff(t.db, 'agent.one@testville.example', { testville: 'agent' });
    const body = (await (await get('/api/v1/staff/towns/testville/users')).json()) as { users: { email: string; role: string; hasPassword: boolean }[] };
    expect(body.users.map((u) => u.email)).toEqual(['admin@testville.example', 'agent.one@testville.example']);
    expect(body.users[1]).toMatchObject({ role: 'agent', hasPassword: true, disabled: false, departmentIds: [] });
  });

  it('changes a role and departments, audited with before and after', async () => {
    const id = await makeStaff(t.db, 'promoted@testville.example', { testville: 'viewer' });
    const res = await patch(`/api/v1/staff/towns/testville/users/${id}`, { role: 'agent', departmentIds: ['public-works'] });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ role: 'agent', departmentIds: ['public-works'] });
    const row = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'user.role_changed').where('subject_id', '=', id).executeTakeFirstOrThrow();
    expect(row.town_id).toBe('testville');
    expect(row.actor_user_id).toBe(admin.userId);
    expect(JSON.parse(row.details)).toEqual({ before: { role: 'viewer', departmentIds: [] }, after: { role: 'agent', departmentIds: ['public-works'] } });
  });

  it('takes effect on the next call of the person concerned', async () => {
    const id = await makeStaff(t.db, 'demoted@testville.example', { testville: 'agent' });
    const s = await signIn(t.app, 'demoted@testville.example');
    expect((await get('/api/v1/staff/towns/testville/requests', s)).status).toBe(200);
    await patch(`/api/v1/staff/towns/testville/users/${id}`, { role: 'editor' });
    expect((await get('/api/v1/staff/towns/testville/requests', s)).status).toBe(403);
  });

  it('keeps at least one active admin and stops admins from lowering themselves', async () => {
    const self = await patch(`/api/v1/staff/towns/testville/users/${admin.userId}`, { role: 'viewer' });
    expect(self.status).toBe(409);
    expect((await patch(`/api/v1/staff/towns/testville/users/${admin.userId}`, { disabled: true })).status).toBe(409);
    const second = await makeStaff(t.db, 'second.admin@testville.example', { testville: 'admin' });
    const other = await signIn(t.app, 'second.admin@testville.example');
    await patch(`/api/v1/staff/towns/testville/users/${second}`, { disabled: true }); // now the admin is the only active one
    const last = await patch(`/api/v1/staff/towns/testville/users/${admin.userId}`, { role: 'viewer' }, other);
    expect(last.status).toBe(401); // the disabled admin's session ended
    expect((await t.app.request(`/api/v1/staff/towns/testville/users/${admin.userId}`, { method: 'DELETE', headers: admin.write })).status).toBe(409);
  });

  it('answers 404 for someone without a role in the town and 400 for a bad body', async () => {
    expect((await patch('/api/v1/staff/towns/testville/users/no-such-user', { role: 'viewer' })).status).toBe(404);
    expect((await patch(`/api/v1/staff/towns/testville/users/${admin.userId}`, { role: 'owner' })).status).toBe(400);
  });
});

describe('my account', () => {
  it('stores my language so the console follows it, audited', async () => {
    await makeStaff(t.db, 'agent.one@testville.example', { testville: 'agent' });
    const s = await signIn(t.app, 'agent.one@testville.example');
    const res = await patch('/api/v1/staff/me', { language: 'fr', name: 'Agent Un' }, s);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ language: 'fr', name: 'Agent Un', hasPassword: true });
    const session = (await (await get('/api/v1/auth/session', s)).json()) as { user: { language: string } };
    expect(session.user.language).toBe('fr');
    expect((await patch('/api/v1/staff/me', { language: 'de' }, s)).status).toBe(400);
    const audit = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'account.updated').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details)).toEqual({ before: { name: 'agent.one', language: null }, after: { name: 'Agent Un', language: 'fr' } });
  });

  it('changes my password with the current one, ending my other sessions only', async () => {
    await makeStaff(t.db, 'changer@testville.example', { testville: 'viewer' });
    const here = await signIn(t.app, 'changer@testville.example');
    const there = await signIn(t.app, 'changer@testville.example');
    const wrong = await t.app.request('/api/v1/staff/me/password', jsonPost({ currentPassword: 'not it at all', newPassword: 'my new passphrase' }, here.write));
    expect(wrong.status).toBe(400);
    expect((await errorOf(wrong)).field).toBe('currentPassword');
    const weak = await t.app.request('/api/v1/staff/me/password', jsonPost({ currentPassword: PASSWORD, newPassword: 'iloveyou' }, here.write));
    expect((await errorOf(weak)).field).toBe('newPassword');
    const ok = await t.app.request('/api/v1/staff/me/password', jsonPost({ currentPassword: PASSWORD, newPassword: 'my new passphrase' }, here.write));
    expect(ok.status).toBe(204);
    expect((await get('/api/v1/auth/session', here)).status).toBe(200);
    const mails = await t.db.selectFrom('jobs').select(['payload', 'town_id']).where('kind', '=', 'email').execute();
    const warning = mails.find((m) => (JSON.parse(m.payload) as { to: string }).to === 'changer@testville.example');
    expect(JSON.parse(warning!.payload)).toMatchObject({ template: 'password-changed', subject: 'Your MuniKit password was changed' });
    expect(warning!.town_id).toBeNull();
    expect((await get('/api/v1/auth/session', there)).status).toBe(401);
    await signIn(t.app, 'changer@testville.example', 'my new passphrase');
  });

  it('tells a single sign-on account it has no password here', async () => {
    const id = await makeStaff(t.db, 'sso@testville.example', { testville: 'viewer' });
    const s = await signIn(t.app, 'sso@testville.example');
    await t.db.deleteFrom('password_credentials').where('user_id', '=', id).execute();
    const res = await t.app.request('/api/v1/staff/me/password', jsonPost({ currentPassword: 'x', newPassword: 'whatever passphrase' }, s.write));
    expect(res.status).toBe(409);
    expect(((await (await get('/api/v1/staff/me', s)).json()) as { hasPassword: boolean }).hasPassword).toBe(false);
  });
});

describe('town settings', () => {
  it('reads and changes names, origins, prefix, time zone and languages; the public API sees it at once', async () => {
    expect((await (await t.app.request('/api/v1/towns/testville')).json()) as unknown).toMatchObject({ name: { en: 'Town of Testville' } });
    const res = await patch('/api/v1/staff/towns/testville/settings', {
      name: { en: 'City of Testville', fr: 'Cité de Testville' },
      siteOrigins: ['HTTPS://WWW.Testville.Example/', 'https://testville.example'],
      referencePrefix: 'TSV',
      timezone: 'America/Winnipeg',
      languages: ['fr', 'en'],
      defaultLanguage: 'fr',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      id: 'testville',
      name: { en: 'City of Testville', fr: 'Cité de Testville' },
      defaultLanguage: 'fr',
      languages: ['fr', 'en'],
      siteOrigins: ['https://www.testville.example', 'https://testville.example'],
      referencePrefix: 'TSV',
      timezone: 'America/Winnipeg',
      requireTwoFactor: false,
      trackerUrl: null,
      holidays: [],
      retentionMonths: 12,
    });
    expect((await (await t.app.request('/api/v1/towns/testville')).json()) as unknown).toMatchObject({ name: { en: 'City of Testville' }, defaultLanguage: 'fr' });
    const cors = await t.app.request('/api/v1/towns/testville/services', { headers: { origin: 'https://testville.example' } });
    expect(cors.headers.get('access-control-allow-origin')).toBe('https://testville.example');
    const row = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'town.settings_changed').executeTakeFirstOrThrow();
    const details = JSON.parse(row.details) as { before: Record<string, unknown>; after: Record<string, unknown> };
    expect(details.before.referencePrefix).toBe('TST');
    expect(details.after.referencePrefix).toBe('TSV');
    expect(details.after.timezone).toBe('America/Winnipeg');
    expect(details.before.defaultLanguage).toBe('en');
  });

  it('refuses origins with a path or without https, unknown time zones, bad prefixes and a default outside the languages', async () => {
    const cases: [unknown, string][] = [
      [{ siteOrigins: ['https://www.testville.example/news'] }, 'siteOrigins.0'],
      [{ siteOrigins: ['http://www.testville.example'] }, 'siteOrigins.0'],
      [{ siteOrigins: ['javascript:alert(1)'] }, 'siteOrigins.0'],
      [{ timezone: 'Mars/Olympus' }, 'timezone'],
      [{ referencePrefix: 'tsv' }, 'referencePrefix'],
      [{ languages: ['fr'] }, 'languages'],
      [{ trackerUrl: 'www.testville.example/track' }, 'trackerUrl'],
      [{ trackerUrl: 'javascript:alert(1)' }, 'trackerUrl'],
      [{ trackerUrl: 'ftp://testville.example/track' }, 'trackerUrl'],
    ];
    for (const [body, field] of cases) {
      const res = await patch('/api/v1/staff/towns/testville/settings', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await errorOf(res)).field, JSON.stringify(body)).toBe(field);
    }
  });

  it("keeps the tracker page's address, which notification emails link to, and clears it with an empty value", async () => {
    const res = await patch('/api/v1/staff/towns/testville/settings', { trackerUrl: ' https://www.testville.example/track?x=1 ' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { trackerUrl: string }).trackerUrl).toBe('https://www.testville.example/track?x=1');
    const town = await t.db.selectFrom('towns').select('settings').where('id', '=', 'testville').executeTakeFirstOrThrow();
    expect(trackerLink({ settings: JSON.parse(town.settings) as Record<string, unknown> }, 'TST-1')).toBe('https://www.testville.example/track?x=1&ref=TST-1');
    const cleared = await patch('/api/v1/staff/towns/testville/settings', { trackerUrl: '' });
    expect(((await cleared.json()) as { trackerUrl: string | null }).trackerUrl).toBeNull();
    const row = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'town.settings_changed').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(row.details)).toEqual({ before: { trackerUrl: 'https://www.testville.example/track?x=1' }, after: { trackerUrl: null } });
  });
});

describe('the audit log', () => {
  it('filters by action, actor and dates, newest first, with keyset pages', async () => {
    // Some history of its own: a sign-in, a role change and settings changes.
    const agentId = await makeStaff(t.db, 'agent.one@testville.example', { testville: 'agent' });
    await signIn(t.app, 'agent.one@testville.example');
    expect((await patch(`/api/v1/staff/towns/testville/users/${agentId}`, { role: 'viewer' })).status).toBe(200);
    for (const en of ['Town of Testville A', 'Town of Testville B', 'Town of Testville']) {
      expect((await patch('/api/v1/staff/towns/testville/settings', { name: { en, fr: 'Ville de Testville' } })).status).toBe(200);
    }
    const all = (await (await get('/api/v1/staff/towns/testville/audit?limit=200')).json()) as { entries: { id: string; createdAt: string; action: string }[] };
    expect(all.entries.length).toBeGreaterThan(5);
    const times = all.entries.map((e) => e.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    // Sign-ins (no town) of the town's people are part of its log.
    expect(all.entries.some((e) => e.action === 'auth.login')).toBe(true);

    const pages: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${cursor}` : '';
      const page = (await (await get(`/api/v1/staff/towns/testville/audit?limit=3${q}`)).json()) as { entries: { id: string }[]; nextCursor: string | null };
      pages.push(...page.entries.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages).toEqual(all.entries.map((e) => e.id));

    const byAction = (await (await get('/api/v1/staff/towns/testville/audit?action=user.role_changed')).json()) as { entries: { action: string; actor: { id: string } }[] };
    expect(byAction.entries.length).toBeGreaterThan(0);
    expect(byAction.entries.every((e) => e.action === 'user.role_changed')).toBe(true);
    const byActor = (await (await get(`/api/v1/staff/towns/testville/audit?actor=${admin.userId}`)).json()) as { entries: { actor: { id: string } }[] };
    expect(byActor.entries.every((e) => e.actor.id === admin.userId)).toBe(true);
    const future = (await (await get('/api/v1/staff/towns/testville/audit?from=2999-01-01T00:00:00Z')).json()) as { entries: unknown[] };
    expect(future.entries).toEqual([]);
    const past = (await (await get('/api/v1/staff/towns/testville/audit?to=2000-01-01T00:00:00Z')).json()) as { entries: unknown[] };
    expect(past.entries).toEqual([]);
    expect((await get('/api/v1/staff/towns/testville/audit?cursor=garbage')).status).toBe(400);
    expect((await get('/api/v1/staff/towns/testville/audit?from=yesterday')).status).toBe(400);
  });

  it('exports CSV with formula-like cells neutralised', async () => {
    await patch('/api/v1/staff/me', { name: '=HYPERLINK("https://evil.example","x")' });
    const res = await get('/api/v1/staff/towns/testville/audit/export?action=account.updated');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="audit-testville.csv"/);
    const text = await res.text();
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('created_at,action,actor_email,actor_name,subject_type,subject_id,details');
    expect(text).toContain(`"'=HYPERLINK(""https://evil.example"",""x"")"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('neutralises every dangerous first character', () => {
    for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseCell(bad)).toBe(`'${bad}`);
    expect(neutraliseCell('plain')).toBe('plain');
  });
});

describe('settings messages', () => {
  it('explain a refused value in the language of the request', async () => {
    const fr = await t.app.request(
      '/api/v1/staff/towns/testville/settings?lang=fr',
      jsonPost({ timezone: 'Mars/Olympus', siteOrigins: ['ftp://x.example'] }, admin.write, 'PATCH'),
    );
    const error = (await fr.json()) as { error: { fields: { field: string; message: string }[] } };
    expect(error.error.fields).toEqual(
      expect.arrayContaining([
        { field: 'timezone', message: 'Entrez un fuseau horaire comme America/Toronto.' },
        { field: 'siteOrigins.0', message: expect.stringMatching(/^Entrez l’adresse d’un site Web/) },
      ]),
    );
    const en = await t.app.request('/api/v1/staff/towns/testville/settings', jsonPost({ referencePrefix: '1AB' }, { ...admin.write, 'accept-language': 'en-CA' }, 'PATCH'));
    expect((await errorOf(en)).message).toBe('The field referencePrefix is not valid.');
  });
});
