// A town's own website on another origin than the MuniKit server, as on a real CMS: the site listed
// (here through MUNIKIT_ALLOWED_ORIGINS) gets working widgets; a site not listed gets a console message
// naming the setting to change, and works once staff add it in the town's settings.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './support/browser.ts';
import { ADMIN, startServer, type RunningServer } from './support/server.ts';

let server: RunningServer;
let browser: Browser;
let site: Server;
let sitePort: number;

beforeAll(async () => {
  // The town's "CMS": one page with the snippet a webmaster pastes, pointing at the MuniKit server.
  site = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Town news</title>
<script type="module" src="${server.url}/widgets/munikit.js"></script></head>
<body><h1>Town news</h1><muni-kb-search></muni-kb-search></body></html>`);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  sitePort = (site.address() as AddressInfo).port;
  // localhost:<port> is listed; 127.0.0.1:<port>, the same page, is another origin and is not.
  server = await startServer({ MUNIKIT_ALLOWED_ORIGINS: `http://localhost:${sitePort}` });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((resolve) => site?.close(resolve));
});

const state = (page: Page) => page.evaluate(() => (document.querySelector('muni-kb-search') as (HTMLElement & { state?: string }) | null)?.state);

async function visit(origin: string) {
  const context = await browser.newContext();
  const { page, problems } = await openPage(context);
  await page.goto(`${origin}/`);
  return { context, page, problems };
}

describe('a town site on another origin', () => {
  it('works when listed: the search answers, no console error', async () => {
    const { context, page, problems } = await visit(`http://localhost:${sitePort}`);
    await expect.poll(() => state(page)).toBe('ready');
    await page.locator('muni-kb-search input').fill('green bin');
    await expect.poll(() => page.locator('muni-kb-search [part~="suggestion"]').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('tells the webmaster which setting to change when not listed, and works once staff add the site', async () => {
    const unlisted = `http://127.0.0.1:${sitePort}`;
    const { context, page, problems } = await visit(unlisted);
    await expect.poll(() => state(page)).toBe('error');
    await expect.poll(() => problems.find((p) => p.includes('MuniKit:'))).toBeTruthy();
    const message = problems.find((p) => p.includes('MuniKit:'))!;
    expect(message).toContain(unlisted);
    expect(message).toContain('Websites that may show the widgets');
    expect(message).toContain('MUNIKIT_ALLOWED_ORIGINS');
    // The resident sees the element's own error, with a way to try again.
    await expect.poll(() => page.locator('muni-kb-search [role="alert"]').count()).toBe(1);

    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    expect(login.status).toBe(200);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const settingsUrl = `${server.url}/api/v1/staff/towns/lakeview/settings`;
    const current = (await (await fetch(settingsUrl, { headers: { cookie } })).json()) as { siteOrigins: string[] };
    const saved = await fetch(settingsUrl, {
      method: 'PATCH',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ siteOrigins: [...current.siteOrigins, `${unlisted}/`] }),
    });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { siteOrigins: string[] }).siteOrigins).toContain(unlisted);

    await page.reload();
    await expect.poll(() => state(page)).toBe('ready');
    await context.close();
  });
});
