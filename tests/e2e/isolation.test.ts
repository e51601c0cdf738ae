// The widgets as a guest on someone else's site: a page on another origin, with a hostile theme and
// a strict Content-Security-Policy, the script pasted twice and an older copy of the bundle loaded
// beside it. All three elements must work there with no CSP violation and no console error.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

const WIDGETS_DIR = join(import.meta.dirname, '..', '..', 'dist', 'widgets');

/** A CMS theme at its worst: resets, `*` rules, `!important` everywhere, `all: unset`, hidden labels. */
const HOSTILE_CSS = `
*, *::before, *::after { margin: 0 !important; padding: 0 !important; box-sizing: content-box !important; line-height: 1 !important; }
* { font-family: "Comic Sans MS", cursive !important; letter-spacing: 0.2em !important; }
html { font-size: 10px !important; }
button, input, select, textarea { all: unset !important; background: #f0f !important; color: #ff0 !important; width: 3px !important; height: 3px !important; }
button { display: none !important; text-transform: uppercase !important; }
ul, ol, li { list-style: none !important; display: inline !important; }
label, legend { position: absolute !important; left: -9999px !important; display: none !important; }
[role="listbox"], [role="option"] { display: none !important; }
[hidden] { display: block !important; }
a { color: #ff0 !important; pointer-events: none !important; }
div, section, form, p { all: unset !important; }
.cms-block > * { all: unset !important; }
`;

function page(widgetOrigin: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Town of Elsewhere</title>
  <link rel="stylesheet" href="/theme.css">
  <script type="module" src="${widgetOrigin}/widgets/munikit.js"></script>
  <script type="module" src="${widgetOrigin}/widgets/munikit.js"></script>
</head>
<body>
  <div class="cms-block"><muni-kb-search></muni-kb-search></div>
  <div class="cms-block"><muni-request-form></muni-request-form></div>
  <div class="cms-block"><muni-request-status></muni-request-status></div>
  <!-- The same snippet pasted again further down the page, and another copy of the bundle. -->
  <script type="module" src="${widgetOrigin}/widgets/munikit.js"></script>
  <script type="module" src="/page.js"></script>
</body>
</html>`;
}

/** A second copy of the bundle (another URL, so other module instances: "another version") used on the page. */
// It runs once the page's own copy has defined its search box: this copy is served by a plain web
// server with no MuniKit API behind it, so had it won the race to define the element, the box would
// ask this origin for the town and get a 404 (a race the test once lost about one run in eight).
const PAGE_JS = `
await customElements.whenDefined('muni-kb-search');
const other = await import('/other-version/munikit.js');
await other.load('muni-kb-search');
document.body.dataset.otherVersion = 'loaded';
`;

let server: RunningServer;
let site: Server;
let siteOrigin = '';
let copyDir = '';
let browser: Browser;
let context: BrowserContext | undefined;

async function startSite(widgetOrigin: string): Promise<void> {
  copyDir = mkdtempSync(join(tmpdir(), 'munikit-other-version-'));
  cpSync(WIDGETS_DIR, copyDir, { recursive: true });
  site = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const csp = [
      "default-src 'self'",
      `script-src 'self' ${widgetOrigin}`,
      "style-src 'self'",
      `connect-src 'self' ${widgetOrigin}`,
      `img-src 'self' data: ${widgetOrigin}`,
      "object-src 'none'",
      "base-uri 'self'",
    ].join('; ');
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { 'content-type': type, 'content-security-policy': csp, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (path === '/') return send(200, 'text/html; charset=utf-8', page(widgetOrigin));
    if (path === '/theme.css') return send(200, 'text/css', HOSTILE_CSS);
    if (path === '/page.js') return send(200, 'text/javascript', PAGE_JS);
    if (path.startsWith('/other-version/')) {
      const file = normalize(join(copyDir, path.slice('/other-version/'.length)));
      if (!file.startsWith(copyDir) || extname(file) !== '.js') return send(404, 'text/plain', 'not found');
      readFile(file).then(
        (body) => send(200, 'text/javascript', body),
        () => send(404, 'text/plain', 'not found'),
      );
      return;
    }
    if (path === '/favicon.ico') return send(204, 'text/plain', '');
    send(404, 'text/plain', 'not found');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const address = site.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  siteOrigin = `http://127.0.0.1:${address.port}`;
}

/**
 * Lists the other origin in the town's site_origins, straight in the database, and waits out the
 * server's town cache (a few seconds) by asking as the browser would.
 */
async function allowSiteOrigin(): Promise<void> {
  const db = new DatabaseSync(join(server.dataDir, 'munikit.sqlite'));
  try {
    const row = db.prepare("SELECT site_origins FROM towns WHERE id = 'lakeview'").get() as { site_origins: string };
    const origins = [...(JSON.parse(row.site_origins) as string[]), siteOrigin];
    db.prepare("UPDATE towns SET site_origins = ? WHERE id = 'lakeview'").run(JSON.stringify(origins));
  } finally {
    db.close();
  }
  const deadline = Date.now() + 15_000;
  for (;;) {
    const res = await fetch(`${server.url}/api/v1/towns/lakeview`, { headers: { origin: siteOrigin } });
    if (res.headers.get('access-control-allow-origin') === siteOrigin) return;
    if (Date.now() > deadline) throw new Error('the server never allowed the site origin');
    await new Promise((r) => setTimeout(r, 500));
  }
}

interface Service {
  code: string;
  anonymousAllowed: boolean;
  questions: { required: boolean; variable: boolean }[];
}

/** Files a request through the public API and answers its reference. */
async function fileRequest(): Promise<string> {
  const { services } = (await (await fetch(`${server.url}/api/v1/towns/lakeview/services?lang=en`)).json()) as { services: Service[] };
  const service = services.find((s) => !s.questions.some((q) => q.required && q.variable))!;
  const res = await fetch(`${server.url}/api/v1/towns/lakeview/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ serviceCode: service.code, lang: 'en', description: 'Something to look at by the library.', location: { text: '1 Library Lane' }, contact: { email: 'isolation@example.ca' } }),
  });
  const body = (await res.json()) as { reference?: string };
  return body.reference ?? JSON.stringify(body);
}

beforeAll(async () => {
  server = await startServer();
  await startSite(server.url);
  await allowSiteOrigin();
  browser = await launchBrowser();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await new Promise((r) => site?.close(r));
  await server?.stop();
  if (copyDir) rmSync(copyDir, { recursive: true, force: true });
});

describe('a town page on another origin with a hostile theme and a strict CSP', () => {
  it('runs all three widgets with no CSP violation or console error, and warns once about the second copy', async () => {
    const reference = await fileRequest();
    expect(reference, 'the API filed a request to look up').toMatch(/^LKV-/);

    context = await browser.newContext();
    // Violations are reported as events on the document; count them from before the page's first script.
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const { page, problems } = await openPage(context);
    const warnings: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'warning') warnings.push(msg.text());
    });
    await page.goto(siteOrigin + '/');

    // Search: the box is usable and finds an article, whose body opens.
    const kb = page.locator('muni-kb-search');
    const search = kb.locator('input[type="search"], input[role="combobox"]').first();
    expect(await search.evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(100);
    await search.fill('green bin');
    await expect.poll(() => kb.locator('[part~="suggestion"]').count()).toBeGreaterThan(0);
    await search.press('Enter');
    const first = kb.locator('[part~="result"] a').first();
    await expect.poll(() => first.count()).toBe(1);
    await first.click();
    await expect.poll(() => kb.locator('[part~="article-body"]').innerText(), { timeout: 20_000 }).toMatch(/\w+ \w+ \w+/);

    // The theme reaches none of the insides: buttons show, labels are visible, lists keep their layout.
    const back = kb.locator('[part~="back-button"]');
    expect(await back.isVisible()).toBe(true);
    expect(await back.evaluate((el) => getComputedStyle(el).textTransform)).not.toBe('uppercase');

    // Form: choose a service, describe it, and reach "check your answers".
    const form = page.locator('muni-request-form');
    await expect.poll(() => form.locator('input[name="service"]').count()).toBeGreaterThan(10);
    const label = form.getByLabel('Pothole', { exact: true });
    expect(await label.isVisible()).toBe(true);
    await label.check();
    await form.locator('textarea').first().fill('Deep pothole in the eastbound lane.');
    await form.getByLabel(/where is it/i).fill('Front of 12 Maple Street');
    await form.getByLabel('Smaller than a dinner plate').check();
    await form.locator('[part="continue-button"]').click();
    await expect.poll(() => form.locator('[part="check"]').innerText()).toContain('Front of 12 Maple Street');
    expect(await form.locator('[part="submit-button"]').isVisible()).toBe(true);

    // Tracker: look up the reference filed above.
    const tracker = page.locator('muni-request-status');
    await tracker.locator('[part~="input"]').fill(reference);
    await tracker.locator('[part~="button"]').click();
    await expect.poll(() => tracker.locator('[part~="status"]').count(), { timeout: 10_000 }).toBe(1);
    expect(await tracker.locator('[part~="result"]').innerText()).toContain(reference);

    // The other copy of the bundle ran too, and changed nothing but a warning.
    await expect.poll(() => page.evaluate(() => document.body.dataset.otherVersion)).toBe('loaded');
    expect(await page.evaluate(() => ['muni-kb-search', 'muni-request-form', 'muni-request-status'].map((t) => !!customElements.get(t)))).toEqual([true, true, true]);
    expect(warnings.filter((w) => w.startsWith('MuniKit:')).join('\n')).toMatch(/more than once/);

    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
    expect(problems).toEqual([]);
    // Styles came as constructable stylesheets, not <style> elements (which this CSP would block).
    const styleTags = await page.evaluate(() =>
      ['muni-kb-search', 'muni-request-form', 'muni-request-status'].map((t) => {
        const root = document.querySelector(t)!.shadowRoot!;
        return { adopted: root.adoptedStyleSheets.length, styleElements: root.querySelectorAll('style').length };
      }),
    );
    for (const s of styleTags) {
      expect(s.adopted).toBeGreaterThan(0);
      expect(s.styleElements).toBe(0);
    }
  }, 90_000);
});
