// Security headers on every kind of response, and no open redirect through the folder redirect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTML_CSP } from '../../src/site/routes.ts';
import { createTestApp } from '../support/harness.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.cleanup());

const every = (res: Response) => {
  const hsts = /max-age=(\d+)/.exec(res.headers.get('strict-transport-security') ?? '');
  expect(Number(hsts?.[1])).toBeGreaterThanOrEqual(31536000);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  expect(res.headers.get('permissions-policy')).toContain('camera=()');
  expect(res.headers.get('x-powered-by')).toBeNull();
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp).toMatch(/frame-ancestors/);
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
};

describe('security headers', () => {
  it('are on API answers, errors included', async () => {
    for (const path of ['/api/v1/towns', '/api/v1/towns/nowhere', '/api/v1/nothing', '/healthz']) {
      const res = await t.app.request(path);
      every(res);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    }
  });

  it('are on pages, which keep their own strict CSP', async () => {
    const res = await t.app.request('/staff');
    every(res);
    expect(res.headers.get('content-security-policy')).toBe(HTML_CSP);
  });

  it('never put the default CSP on a 304, which the browser would merge into the cached page', async () => {
    const first = await t.app.request('/staff');
    const again = await t.app.request('/staff', { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('content-security-policy') ?? '').not.toContain("default-src 'none'");
  });

  it('leave the widget files loadable from a town site on another origin', async () => {
    const res = await t.app.request('/widgets/munikit.js');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('folder redirect', () => {
  it('never redirects to another host', async () => {
    for (const path of ['//fr', '//evil.example', '/\\evil.example', '//evil.example/fr']) {
      const res = await t.app.request(`http://localhost${path}`);
      const location = res.headers.get('location');
      if (location) expect(location.startsWith('/') && !location.startsWith('//') && !location.startsWith('/\\')).toBe(true);
    }
  });
});
