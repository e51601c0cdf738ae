// The HTTP API through app.request() (no socket), on a seeded in-memory SQLite database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/accounts/users-store.ts';
import { hashPassword } from '../src/accounts/passwords.ts';
import { ADMIN, createTestApp } from './support/harness.ts';
import { TEST_ORIGIN } from './support/test-town.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.cleanup();
});

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

const validRequest = {
  serviceCode: 'pothole',
  description: 'A deep pothole, secret-description-42.',
  location: { text: '1 Lake Road', lat: 45.1, lng: -75.2 },
  contact: { name: 'Sam Resident', email: 'sam.resident@example.com' },
  lang: 'en',
};

async function login(email = ADMIN.email, password = ADMIN.password) {
  const res = await t.app.request('/api/v1/auth/login', json({ email, password }));
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0] ?? '';
  return { res, cookie, setCookie, body: (await res.json()) as { csrfToken: string; towns: { id: string; role: string }[] } };
}

describe('health', () => {
  it('answers ok when the database answers', async () => {
    const res = await t.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});

describe('towns', () => {
  it('lists towns and finds one', async () => {
    const res = await t.app.request('/api/v1/towns');
    expect(await res.json()).toEqual({
      towns: [{ id: 'testville', name: { en: 'Town of Testville', fr: 'Ville de Testville' }, defaultLanguage: 'en', retentionMonths: 12 }],
    });
    expect((await t.app.request('/api/v1/towns/testville')).status).toBe(200);
  });

  it('answers 404 JSON for an unknown town and an unknown API path', async () => {
    const res = await t.app.request('/api/v1/towns/nowhere');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
    const res2 = await t.app.request('/api/v1/nothing/here');
    expect(res2.status).toBe(404);
    expect(res2.headers.get('content-type')).toMatch(/json/);
    expect(((await res2.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});

describe('knowledge base', () => {
  it('lists categories and articles without bodies, in the asked language', async () => {
    const cats = await (await t.app.request('/api/v1/towns/testville/kb/categories?lang=fr')).json();
    expect(cats).toEqual({ lang: 'fr', categories: [{ id: 'waste', slug: 'dechets', name: 'Déchets', articleCount: 1 }] });
    const list = (await (await t.app.request('/api/v1/towns/testville/kb/articles')).json()) as {
      lang: string;
      articles: Record<string, unknown>[];
    };
    expect(list.lang).toBe('en');
    expect(list.articles[0]).toMatchObject({ id: 'green-bin', slug: 'green-bin', categoryName: 'Waste', keywords: ['compost', 'organics'] });
    expect(list.articles[0]).not.toHaveProperty('bodyHtml');
  });

  it('renders an article to sanitised HTML: no script ever reaches bodyHtml', async () => {
    const res = await t.app.request('/api/v1/towns/testville/kb/articles/green-bin?lang=en');
    expect(res.status).toBe(200);
    const a = (await res.json()) as { bodyHtml: string; title: string };
    expect(a.title).toBe('Green bin');
    expect(a.bodyHtml).toContain('<strong>green bin</strong>');
    expect(a.bodyHtml).not.toMatch(/<script/i);
    expect(a.bodyHtml).not.toMatch(/onerror/i);
    expect(a.bodyHtml).toContain('rel="noopener noreferrer"');
    expect((await t.app.request('/api/v1/towns/testville/kb/articles/nope')).status).toBe(404);
  });

  it('rejects an unsupported language naming the field', async () => {
    const res = await t.app.request('/api/v1/towns/testville/kb/articles?lang=de');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe('lang');
  });
});

describe('services', () => {
  it('lists services with Open311 questions in the asked language', async () => {
    const body = (await (await t.app.request('/api/v1/towns/testville/services?lang=fr')).json()) as {
      services: { code: string; name: string; anonymousAllowed: boolean; questions: { code: string; datatype: string; values: unknown[] }[] }[];
    };
    expect(body.services.map((s) => s.code)).toEqual(['pothole', 'tree']);
    expect(body.services[1]).toMatchObject({ name: 'Arbre tombé', anonymousAllowed: false });
    expect(body.services[1]?.questions[0]).toMatchObject({
      code: 'blocking',
      datatype: 'singlevaluelist',
      required: true,
      label: 'Bloque-t-il la route?',
      values: [{ key: 'yes', name: 'Oui' }, { key: 'no', name: 'Non' }],
    });
  });
});

describe('filing a request', () => {
  it('files with 201 and replays the same Idempotency-Key with 200 and the same reference', async () => {
    const key = crypto.randomUUID();
    const first = await t.app.request('/api/v1/towns/testville/requests', json(validRequest, { 'idempotency-key': key }));
    expect(first.status).toBe(201);
    const a = (await first.json()) as { reference: string; status: string; createdAt: string };
    expect(a.reference).toMatch(/^TST-[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    expect(a.status).toBe('received');
    const again = await t.app.request('/api/v1/towns/testville/requests', json(validRequest, { 'idempotency-key': key }));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(a);
  });

  it('answers 400 naming the fields for bad input', async () => {
    const res = await t.app.request(
      '/api/v1/towns/testville/requests',
      json({ ...validRequest, description: '', location: { text: '' } }),
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; field: string; fields: { field: string }[]; message: string } };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.fields.map((f) => f.field)).toEqual(['description', 'location.text']);
    expect(body.error.field).toBe('description');
    expect(body.error.message).toMatch(/description/);
  });

  it('says what to do, in the language the client asked for', async () => {
    const bad = { ...validRequest, description: '', location: { text: 'x'.repeat(501) }, contact: { email: 'not-an-email' } };
    const fr = await t.app.request('/api/v1/towns/testville/requests', json(bad, { 'accept-language': 'fr-CA,fr;q=0.9' }));
    const frBody = (await fr.json()) as { error: { message: string; fields: { field: string; message: string }[] } };
    expect(frBody.error.message).toMatch(/champs ne sont pas valides/);
    expect(frBody.error.fields).toEqual([
      { field: 'description', message: 'Ce champ ne peut pas être vide.' },
      { field: 'location.text', message: 'Entrez au plus 500 caractères.' },
      { field: 'contact.email', message: 'Entrez une adresse courriel comme nom@exemple.ca.' },
    ]);
    const en = await t.app.request('/api/v1/towns/testville/requests', json(bad));
    const enBody = (await en.json()) as { error: { fields: { message: string }[] } };
    expect(enBody.error.fields.map((f) => f.message)).toEqual([
      'This field cannot be empty.',
      'Enter at most 500 characters.',
      'Enter an email address like name@example.ca.',
    ]);
  });

  it('answers 400 serviceCode for an unknown service', async () => {
    const res = await t.app.request('/api/v1/towns/testville/requests', json({ ...validRequest, serviceCode: 'dragons' }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe('serviceCode');
  });

  it('requires an email or phone when the service does not allow anonymous requests', async () => {
    const base = { ...validRequest, serviceCode: 'tree', answers: { blocking: 'yes' } };
    const res = await t.app.request('/api/v1/towns/testville/requests', json({ ...base, contact: { name: 'No Way To Reach' } }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe('contact.email');
    const ok = await t.app.request('/api/v1/towns/testville/requests', json({ ...base, contact: { phone: '555-0199' } }));
    expect(ok.status).toBe(201);
  });

  it('checks answers against the service questions', async () => {
    const res = await t.app.request(
      '/api/v1/towns/testville/requests',
      json({ ...validRequest, serviceCode: 'tree', answers: { blocking: 'maybe' } }),
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe('answers.blocking');
  });

  it('requires an answer to a required question, whether answers are sent or left out', async () => {
    const base = { ...validRequest, serviceCode: 'tree' };
    for (const body of [{ ...base, answers: {} }, base]) {
      const missing = await t.app.request('/api/v1/towns/testville/requests', json(body));
      expect(missing.status).toBe(400);
      expect(((await missing.json()) as { error: { field: string } }).error.field).toBe('answers.blocking');
    }
  });

  it('answers 400 for malformed JSON', async () => {
    const res = await t.app.request('/api/v1/towns/testville/requests', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('validation_failed');
  });

  it('answers 413 for a body over 64 KB', async () => {
    const res = await t.app.request(
      '/api/v1/towns/testville/requests',
      json({ ...validRequest, description: 'x'.repeat(70 * 1024) }),
    );
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
  });
});

describe('status lookup', () => {
  it('shows status and timeline but no personal data', async () => {
    const filed = (await (
      await t.app.request('/api/v1/towns/testville/requests', json(validRequest))
    ).json()) as { reference: string };
    const res = await t.app.request(`/api/v1/towns/testville/requests/${filed.reference}?lang=fr`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(body).toMatchObject({ reference: filed.reference, status: 'received', serviceCode: 'pothole', serviceName: 'Nid-de-poule' });
    expect(body.timeline).toEqual([expect.objectContaining({ type: 'created', status: 'received', note: null })]);
    expect(text).not.toContain('sam.resident@example.com');
    expect(text).not.toContain('secret-description-42');
    expect(text).not.toContain('1 Lake Road');
    expect(text).not.toContain('Sam Resident');
  });

  it('answers 404 for an unknown reference', async () => {
    const res = await t.app.request('/api/v1/towns/testville/requests/TST-1999-00001');
    expect(res.status).toBe(404);
  });
});

describe('staff auth', () => {
  it('refuses a wrong password and an unknown email with the same 401', async () => {
    const a = await t.app.request('/api/v1/auth/login', json({ email: ADMIN.email, password: 'wrong password' }));
    const b = await t.app.request('/api/v1/auth/login', json({ email: 'nobody@example.com', password: 'wrong password' }));
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(await a.json()).toEqual(await b.json());
    const failures = await t.db.selectFrom('audit_log').select('action').where('action', '=', 'auth.login_failed').execute();
    expect(failures.length).toBeGreaterThanOrEqual(2);
  });

  it('logs in, reads the session, and logs out (audited)', async () => {
    const { res, cookie, setCookie, body } = await login();
    expect(res.status).toBe(200);
    expect(setCookie).toMatch(/^munikit_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/); // COOKIE_SECURE=false in the test config
    expect(body.towns).toEqual([{ id: 'testville', role: 'admin' }]);
    expect(body.csrfToken.length).toBeGreaterThan(20);

    const session = await t.app.request('/api/v1/auth/session', { headers: { cookie } });
    expect(session.status).toBe(200);
    expect(((await session.json()) as { user: { email: string } }).user.email).toBe(ADMIN.email);
    expect(session.headers.get('cache-control')).toBe('no-store');

    const out = await t.app.request('/api/v1/auth/logout', { method: 'POST', headers: { cookie, 'x-csrf-token': body.csrfToken } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/munikit_session=;/);
    expect((await t.app.request('/api/v1/auth/session', { headers: { cookie } })).status).toBe(401);

    const actions = (await t.db.selectFrom('audit_log').select('action').execute()).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.login', 'auth.logout']));
  });

  it('rejects logout without the CSRF token', async () => {
    const { cookie } = await login();
    const res = await t.app.request('/api/v1/auth/logout', { method: 'POST', headers: { cookie, 'x-csrf-token': 'wrong' } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('csrf_failed');
    expect((await t.app.request('/api/v1/auth/session', { headers: { cookie } })).status).toBe(200);
  });

  it('sets Secure on the cookie by default', async () => {
    const secure = await createTestApp({ config: { COOKIE_SECURE: 'true' } });
    try {
      const res = await secure.app.request('/api/v1/auth/login', json({ email: ADMIN.email, password: ADMIN.password }));
      expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
    } finally {
      await secure.cleanup();
    }
  });
});

describe('staff requests', () => {
  it('answers 401 without a session', async () => {
    const res = await t.app.request('/api/v1/staff/towns/testville/requests');
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
  });

  it('answers 403 for a user without a role in the town', async () => {
    await createUser(t.db, { email: 'outsider@example.com', name: 'Outsider', passwordHash: await hashPassword('outsider password') });
    const { cookie } = await login('outsider@example.com', 'outsider password');
    const res = await t.app.request('/api/v1/staff/towns/testville/requests', { headers: { cookie } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
  });

  it('lists the town requests newest first with contacts', async () => {
    const { cookie } = await login();
    const res = await t.app.request('/api/v1/staff/towns/testville/requests?page=1&pageSize=50', { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const body = (await res.json()) as {
      total: number;
      page: number;
      pageSize: number;
      requests: { createdAt: string; contact: unknown; serviceName: { en: string; fr: string } }[];
    };
    expect(body.total).toBe(body.requests.length);
    expect(body.total).toBeGreaterThanOrEqual(2);
    expect(body.page).toBe(1);
    expect(body.pageSize).toBe(50);
    const times = body.requests.map((r) => r.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(JSON.stringify(body)).toContain('sam.resident@example.com');
    expect(body.requests[0]?.serviceName).toHaveProperty('fr');

    const filtered = (await (
      await t.app.request('/api/v1/staff/towns/testville/requests?status=in_progress', { headers: { cookie } })
    ).json()) as { total: number };
    expect(filtered.total).toBe(1);
    const bad = await t.app.request('/api/v1/staff/towns/testville/requests?status=lost', { headers: { cookie } });
    expect(bad.status).toBe(400);
  });
});

describe('CORS', () => {
  it("reflects an origin from the town's site_origins, without credentials", async () => {
    const res = await t.app.request('/api/v1/towns/testville/services', { headers: { origin: TEST_ORIGIN } });
    expect(res.headers.get('access-control-allow-origin')).toBe(TEST_ORIGIN);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('vary')).toMatch(/Origin/);
  });

  it('answers a preflight for an allowed origin', async () => {
    const res = await t.app.request('/api/v1/towns/testville/requests', {
      method: 'OPTIONS',
      headers: { origin: TEST_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, idempotency-key' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(TEST_ORIGIN);
    expect(res.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Idempotency-Key/i);
  });

  it('does not allow other origins', async () => {
    const res = await t.app.request('/api/v1/towns/testville/services', { headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const pre = await t.app.request('/api/v1/towns/testville/requests', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows the server its own origin', async () => {
    const res = await t.app.request('http://localhost/api/v1/towns', { headers: { origin: 'http://localhost' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost');
  });

  it('never sends CORS headers on staff or auth routes', async () => {
    const res = await t.app.request('/api/v1/auth/session', { headers: { origin: TEST_ORIGIN } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('OpenAPI', () => {
  it('documents every endpoint, with session and CSRF security on staff operations', async () => {
    const res = await t.app.request('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>>;
      components: { securitySchemes: Record<string, { type: string; in: string; name: string }> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/api/v1/auth/invitations/accept',
        '/api/v1/auth/invitations/inspect',
        '/api/v1/auth/login',
        '/api/v1/auth/login/totp',
        '/api/v1/auth/sso/callback',
        '/api/v1/auth/sso/providers',
        '/api/v1/auth/sso/start',
        '/api/v1/auth/totp',
        '/api/v1/auth/totp/confirm',
        '/api/v1/auth/totp/disable',
        '/api/v1/auth/totp/enrolment',
        '/api/v1/auth/totp/recovery-codes',
        '/api/v1/staff/towns/{town}/sso',
        '/api/v1/auth/logout',
        '/api/v1/auth/logout-everywhere',
        '/api/v1/auth/password-reset',
        '/api/v1/auth/password-reset/confirm',
        '/api/v1/auth/session',
        '/api/v1/staff/me',
        '/api/v1/staff/me/password',
        '/api/v1/staff/towns/{town}/api-keys',
        '/api/v1/staff/towns/{town}/api-keys/{id}',
        '/api/v1/staff/towns/{town}/assignees',
        '/api/v1/staff/towns/{town}/audit',
        '/api/v1/staff/towns/{town}/audit/export',
        '/api/v1/staff/towns/{town}/departments',
        '/api/v1/staff/towns/{town}/inbox',
        '/api/v1/staff/towns/{town}/outbox',
        '/api/v1/staff/towns/{town}/outbox/{id}/retry',
    '/api/v1/staff/towns/{town}/personal-data/erase',
    '/api/v1/staff/towns/{town}/personal-data/export',
    '/api/v1/staff/towns/{town}/personal-data/search',
        '/api/v1/staff/towns/{town}/reports',
        '/api/v1/staff/towns/{town}/reports/export',
        '/api/v1/staff/towns/{town}/requests',
        '/api/v1/staff/towns/{town}/requests/{reference}',
        '/api/v1/staff/towns/{town}/requests/{reference}/merge',
        '/api/v1/staff/towns/{town}/requests/{reference}/notes',
        '/api/v1/staff/towns/{town}/requests/{reference}/photos/{id}',
        '/api/v1/staff/towns/{town}/requests/{reference}/reopen',
        '/api/v1/staff/towns/{town}/response-templates',
        '/api/v1/staff/towns/{town}/response-templates/{id}',
        '/api/v1/staff/towns/{town}/service-targets',
        '/api/v1/staff/towns/{town}/service-targets/{code}',
        '/api/v1/staff/towns/{town}/settings',
        '/api/v1/staff/towns/{town}/users',
        '/api/v1/staff/towns/{town}/users/invitations',
        '/api/v1/staff/towns/{town}/users/invitations/revoke',
        '/api/v1/staff/towns/{town}/users/{userId}',
        '/api/v1/staff/towns/{town}/webhooks',
        '/api/v1/staff/towns/{town}/webhooks/{id}',
        '/api/v1/staff/towns/{town}/webhooks/{id}/deliveries',
        '/api/v1/staff/towns/{town}/webhooks/{id}/ping',
        '/api/v1/towns',
        '/api/v1/towns/{town}',
        '/api/v1/towns/{town}/kb/articles',
        '/api/v1/towns/{town}/kb/articles/{idOrSlug}',
        '/api/v1/towns/{town}/kb/articles/{id}/feedback',
        '/api/v1/towns/{town}/kb/categories',
        '/api/v1/towns/{town}/kb/index',
        '/api/v1/towns/{town}/kb/searches',
        '/api/v1/staff/towns/{town}/kb/articles',
        '/api/v1/staff/towns/{town}/kb/articles/{id}',
        '/api/v1/staff/towns/{town}/kb/articles/{id}/publish',
        '/api/v1/staff/towns/{town}/kb/articles/{id}/archive',
        '/api/v1/staff/towns/{town}/kb/articles/{id}/unarchive',
        '/api/v1/staff/towns/{town}/kb/articles/{id}/revisions',
        '/api/v1/staff/towns/{town}/kb/articles/{id}/revisions/{revisionId}',
        '/api/v1/staff/towns/{town}/kb/articles/{id}/revisions/{revisionId}/restore',
        '/api/v1/staff/towns/{town}/kb/articles/{id}/diff',
        '/api/v1/staff/towns/{town}/kb/preview',
        '/api/v1/staff/towns/{town}/kb/categories',
        '/api/v1/staff/towns/{town}/kb/categories/{id}',
        '/api/v1/staff/towns/{town}/kb/insight',
        '/api/v1/towns/{town}/requests',
        '/api/v1/towns/{town}/requests/nearby',
        '/api/v1/towns/{town}/requests/{reference}',
        '/api/v1/towns/{town}/requests/{reference}/followers',
        '/api/v1/towns/{town}/requests/{reference}/subscriptions',
        '/api/v1/towns/{town}/services',
        '/api/v1/towns/{town}/uploads',
      ].sort(),
    );
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'munikit_session' });
    expect(doc.components.securitySchemes.csrf).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-CSRF-Token' });
    expect(doc.paths['/api/v1/staff/towns/{town}/requests']?.get?.security).toEqual([{ session: [] }]);
    expect(doc.paths['/api/v1/auth/logout']?.post?.security).toEqual([{ session: [], csrf: [] }]);
  });
});
