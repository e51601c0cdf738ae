// The hosted portal (/portal, /fr/portal) with all three widgets, and its service worker: once opened,
// the page opens again offline, with the knowledge base searchable.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('hosted portal', () => {
  it('serves the portal in English and French with the town name, the widgets and a strict CSP', async () => {
    const en = await fetch(`${server.url}/portal`);
    expect(en.status).toBe(200);
    expect(en.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await en.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Township of Lakeview');
    for (const tag of ['muni-kb-search', 'muni-request-form', 'muni-request-status']) expect(html).toContain(`<${tag}`);
    const fr = await (await fetch(`${server.url}/fr/portal`)).text();
    expect(fr).toContain('<html lang="fr">');
    expect(fr).toContain('Canton de Lakeview');
    const sw = await fetch(`${server.url}/sw.js`);
    expect(sw.headers.get('content-type')).toMatch(/javascript/);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
  });

  it('opens offline after a first visit, and the knowledge base is still searchable', async () => {
    context = await browser.newContext({ baseURL: server.url });
    const { page, problems } = await openPage(context);
    await page.goto('/portal');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.offlineReady), { timeout: 20_000 }).toBe('true');
    // Let the widgets finish their first fetches (through the worker now in control).
    await expect.poll(() => page.locator('muni-kb-search [part~="topics"]').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    expect(problems).toEqual([]);
    // The worker keeps the knowledge-base index (the element also keeps its own copy).
    expect(await page.evaluate(async () => (await (await caches.open('munikit-offline-v1')).keys()).some((r) => r.url.includes('/kb/index?lang=en')))).toBe(true);

    await context.setOffline(true);
    await page.reload();
    expect(await page.locator('h1').innerText()).toBe('Town services');
    const search = page.locator('muni-kb-search input[role="combobox"]');
    await search.fill('green bin');
    await expect.poll(() => page.locator('muni-kb-search [part~="suggestion"]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // The other widgets are there too (the form says it will send later; the tracker needs the network).
    await expect.poll(() => page.locator('muni-request-status [part~="input"]').count()).toBe(1);
    await expect.poll(() => page.locator('muni-request-form [part~="base"]').count()).toBe(1);

    // The French portal was kept as well.
    await page.goto('/fr/portal');
    expect(await page.locator('h1').innerText()).toBe('Services municipaux');
    await context.setOffline(false);
  }, 90_000);
});
