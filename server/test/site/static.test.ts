// Static files: widget bundle headers, demo site, staff console page, CSP on HTML.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { HTML_CSP } from '../../src/site/routes.ts';
import { openSqliteTestDb, testConfig, type TestDb } from '../support/harness.ts';

let dir: string;
let tdb: TestDb;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munikit-static-'));
  const widgets = path.join(dir, 'widgets');
  const demo = path.join(dir, 'demo');
  fs.mkdirSync(path.join(widgets, 'chunks'), { recursive: true });
  fs.mkdirSync(path.join(demo, 'fr'), { recursive: true });
  fs.writeFileSync(path.join(widgets, 'munikit.js'), 'import("../chunks/a-123.js");');
  fs.writeFileSync(path.join(widgets, 'chunks', 'a-123.js'), 'export {};');
  fs.writeFileSync(path.join(demo, 'index.html'), '<!doctype html><title>Lakeview</title>');
  fs.writeFileSync(path.join(demo, 'fr', 'index.html'), '<!doctype html><title>Lakeview FR</title>');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside');
  tdb = await openSqliteTestDb();
  app = createApp({ db: tdb.db, config: testConfig(), staticPaths: { widgetsDir: widgets, demoDir: demo } });
});
afterAll(async () => {
  await tdb.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('static files', () => {
  it('serves munikit.js revalidated with an ETag, readable from any site', async () => {
    const res = await app.request('/widgets/munikit.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const etag = res.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await app.request('/widgets/munikit.js', { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });

  it('serves hashed chunks as immutable', async () => {
    const res = await app.request('/widgets/chunks/a-123.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('serves the demo site with the CSP, index.html for directories', async () => {
    const home = await app.request('/');
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Lakeview');
    expect(home.headers.get('content-security-policy')).toBe(HTML_CSP);
    const fr = await app.request('/fr/');
    expect(await fr.text()).toContain('Lakeview FR');
    const redirect = await app.request('/fr');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/fr/');
  });

  it('never serves files outside its folders', async () => {
    expect((await app.request('/widgets/../secret.txt')).status).toBe(404);
    expect((await app.request('/widgets/%2e%2e/secret.txt')).status).toBe(404);
    expect((await app.request('/%2e%2e/secret.txt')).status).toBe(404);
    expect((await app.request('/missing.html')).status).toBe(404);
  });

  it('serves the staff console page and its stylesheet', async () => {
    const res = await app.request('/staff');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(HTML_CSP);
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<link rel="stylesheet" href="/staff/staff.css">');
    expect(html).toContain('<script type="module" src="/widgets/munikit.js"></script>');
    expect(html).toContain('<muni-staff-app></muni-staff-app>');
    expect(html).not.toMatch(/<script>(?!<)|style=|<style/);
    for (const deepLink of ['/staff/inbox', '/staff/settings/users', '/staff/sign-in?next=%2Fstaff%2Finbox']) {
      const page = await app.request(deepLink);
      expect(page.status, deepLink).toBe(200);
      expect(await page.text()).toContain('<muni-staff-app></muni-staff-app>');
    }
    const css = await app.request('/staff/staff.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/text\/css/);
  });
});
