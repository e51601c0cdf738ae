// The hosted portal and the offline service worker's files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTML_CSP } from '../../src/site/routes.ts';
import { createTestApp } from '../support/harness.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.cleanup();
});

describe('hosted portal', () => {
  it('serves /portal in English and /fr/portal in French with all three widgets and the pages’ CSP', async () => {
    for (const [url, lang, title] of [['/portal', 'en', 'Town services'], ['/fr/portal', 'fr', 'Services municipaux']] as const) {
      const res = await t.app.request(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toBe(HTML_CSP);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      const html = await res.text();
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toContain(`<h1>${title}</h1>`);
      expect(html).not.toContain('{{town}}');
      expect(html).toContain('Testville');
      for (const tag of ['muni-kb-search', 'muni-request-form', 'muni-request-status']) expect(html).toContain(`<${tag}`);
      expect(html).toContain('<script type="module" src="/portal/register.js"></script>');
    }
  });

  it('serves the service worker at the root with a CSP that lets it fetch from this server, and workbox-window', async () => {
    const sw = await t.app.request('/sw.js');
    expect(sw.status).toBe(200);
    expect(sw.headers.get('content-type')).toMatch(/javascript/);
    expect(sw.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    const register = await (await t.app.request('/portal/register.js')).text();
    expect(register).toContain("from '/portal/workbox-window.js'");
    const workbox = await t.app.request('/portal/workbox-window.js');
    expect(workbox.status).toBe(200);
    expect(await workbox.text()).toContain('workbox:window');
  });
});
