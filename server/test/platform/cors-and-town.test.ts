// The town middleware and the CORS origin check it shares a cache with.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/harness.ts';
import { TEST_ORIGIN, testTown } from '../support/test-town.ts';
import { insertTown } from '../../src/towns/store.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let behindProxy: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
  behindProxy = await createTestApp({ config: { PUBLIC_ORIGIN: 'https://services.testville.example' } });
});
afterAll(async () => {
  await t.cleanup();
  await behindProxy.cleanup();
});

describe('town middleware', () => {
  it('answers 404 with the contract body for an unknown town on every town route', async () => {
    for (const path of ['/api/v1/towns/nowhere', '/api/v1/towns/nowhere/services', '/api/v1/towns/nowhere/kb/articles']) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
    }
  });

  it('answers 404, not 500, for a town id with broken %-encoding, with or without an Origin', async () => {
    const variants: Record<string, string>[] = [{}, { origin: TEST_ORIGIN }, { origin: 'https://elsewhere.example' }];
    for (const headers of variants) {
      const res = await t.app.request('/api/v1/towns/%ZZ', { headers });
      expect(res.status).toBe(404);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});

describe('CORS origins', () => {
  it("refuses an origin that is not one of the town's sites", async () => {
    const res = await t.app.request('/api/v1/towns/testville/services', { headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('takes the server\'s own origin from PUBLIC_ORIGIN, not from the Host header', async () => {
    const own = await behindProxy.app.request('/api/v1/towns/testville', { headers: { origin: 'https://services.testville.example' } });
    expect(own.headers.get('access-control-allow-origin')).toBe('https://services.testville.example');
    const spoofed = await behindProxy.app.request('http://attacker.example/api/v1/towns/testville', {
      headers: { origin: 'http://attacker.example', host: 'attacker.example' },
    });
    expect(spoofed.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows a town site on the town list only when some town lists it', async () => {
    const ok = await t.app.request('/api/v1/towns', { headers: { origin: TEST_ORIGIN } });
    expect(ok.headers.get('access-control-allow-origin')).toBe(TEST_ORIGIN);
    const no = await t.app.request('/api/v1/towns', { headers: { origin: 'https://evil.example' } });
    expect(no.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('MUNIKIT_ALLOWED_ORIGINS', () => {
  let configured: Awaited<ReturnType<typeof createTestApp>>;
  const site = 'https://www.testville-news.example';
  beforeAll(async () => {
    configured = await createTestApp({ config: { MUNIKIT_ALLOWED_ORIGINS: `${site},https://other.example` } });
    await insertTown(configured.db, { ...testTown.town, id: 'zedville', referencePrefix: 'ZED', siteOrigins: [] });
  });
  afterAll(() => configured.cleanup());

  it("adds the origins to the default town (the first by id) on top of its settings, preflights too", async () => {
    const get = await configured.app.request('/api/v1/towns/testville/kb/index?lang=en', { headers: { origin: site } });
    expect(get.headers.get('access-control-allow-origin')).toBe(site);
    const preflight = await configured.app.request('/api/v1/towns/testville/requests', {
      method: 'OPTIONS',
      headers: { origin: site, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(site);
    // The town's own sites still work; the town list answers such a site too.
    expect((await configured.app.request('/api/v1/towns/testville', { headers: { origin: TEST_ORIGIN } })).headers.get('access-control-allow-origin')).toBe(TEST_ORIGIN);
    expect((await configured.app.request('/api/v1/towns', { headers: { origin: site } })).headers.get('access-control-allow-origin')).toBe(site);
  });

  it('gives them no other town, and no other site gets in', async () => {
    const other = await configured.app.request('/api/v1/towns/zedville', { headers: { origin: site } });
    expect(other.status).toBe(200);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const stranger = await configured.app.request('/api/v1/towns/testville', { headers: { origin: 'https://www.testville-news.example.evil.example' } });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });
});

