import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/harness.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.cleanup());

describe('service catalogue', () => {
  it('names each service\'s department in the asked language, for grouping', async () => {
    const fr = (await (await t.app.request('/api/v1/towns/testville/services?lang=fr')).json()) as {
      services: { code: string; department: { id: string; name: string } | null }[];
    };
    expect(fr.services.find((s) => s.code === 'pothole')?.department).toEqual({ id: 'public-works', name: 'Travaux publics' });
    const en = (await (await t.app.request('/api/v1/towns/testville/services?lang=en')).json()) as typeof fr;
    expect(en.services.find((s) => s.code === 'pothole')?.department?.name).toBe('Public Works');
  });

  it('lets a browser keep the catalogue and the town a minute, then revalidate them for a 304', async () => {
    for (const path of ['/api/v1/towns/testville/services?lang=fr', '/api/v1/towns/testville']) {
      const res = await t.app.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=86400');
      const etag = res.headers.get('etag')!;
      expect(etag).toMatch(/^"[^"]+"$/);
      const again = await t.app.request(path, { headers: { 'if-none-match': etag } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
    }
    // Each language is its own answer.
    const en = await t.app.request('/api/v1/towns/testville/services?lang=en', { headers: { 'if-none-match': (await t.app.request('/api/v1/towns/testville/services?lang=fr')).headers.get('etag')! } });
    expect(en.status).toBe(200);
    expect(en.headers.get('vary')).toMatch(/accept-language/i);
  });
});
