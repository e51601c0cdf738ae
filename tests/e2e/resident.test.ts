// A resident's journey through the demo town site, in English and in French, against the real server.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function freshContext(): Promise<BrowserContext> {
  await context?.close();
  context = await browser.newContext({ baseURL: server.url });
  return context;
}

describe('widget bundle', () => {
  it('serves munikit.js and hashed chunks so any town site can load them', async () => {
    const entry = await fetch(`${server.url}/widgets/munikit.js`);
    expect(entry.status).toBe(200);
    expect(entry.headers.get('content-type')).toMatch(/javascript/);
    expect(entry.headers.get('access-control-allow-origin')).toBe('*');
    expect(entry.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const source = await entry.text();
    const chunk = source.match(/chunks\/[\w.-]+\.js/)?.[0];
    expect(chunk, 'the entry lazily imports hashed chunks').toBeTruthy();
    const chunkRes = await fetch(`${server.url}/widgets/${chunk}`);
    expect(chunkRes.status).toBe(200);
    expect(chunkRes.headers.get('cache-control')).toMatch(/immutable/);
    expect(chunkRes.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers the health check', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});

describe('knowledge-base search', () => {
  it('finds and opens an article in English, with the page theme kept out of the widget', async () => {
    const { page, problems } = await openPage(await freshContext());
    await page.goto('/');
    const search = page.locator('muni-kb-search input');
    await search.fill('green bin');
    const firstResult = page.locator('muni-kb-search [part~="result"]').first();
    await expect.poll(() => firstResult.count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('muni-kb-search [role="status"]').first().innerText()).toMatch(/\d/);

    // The demo theme sets `button { text-transform: uppercase }`; shadow DOM keeps it out.
    const transform = await firstResult.evaluate((el) => getComputedStyle(el).textTransform);
    expect(transform).not.toBe('uppercase');

    const open = firstResult.locator('button').first();
    const title = await open.innerText();
    await open.click();
    const heading = page.locator('muni-kb-search article h2, muni-kb-search article h3').first();
    await expect.poll(() => heading.innerText()).toContain(title.trim());
    await expect.poll(() => page.locator('muni-kb-search article').innerText()).toMatch(/\w{20,}|\w+ \w+ \w+ \w+/);
    expect(problems).toEqual([]);
  });

  it('speaks French on the French page', async () => {
    const { page, problems } = await openPage(await freshContext());
    await page.goto('/fr/');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    const search = page.locator('muni-kb-search input');
    await search.fill('bac vert');
    const results = page.locator('muni-kb-search [part~="result"]');
    await expect.poll(() => results.count()).toBeGreaterThan(0);
    const label = await page.locator('muni-kb-search label').first().innerText();
    expect(label).toMatch(/recherch|cherch/i);
    expect(await results.first().innerText()).toMatch(/[àâçéèêëîïôûùüÿœ]|bac|vert/i);

    // Typed without accents, as many people do on a phone.
    await search.fill('deneigement');
    await expect.poll(() => results.first().innerText()).toMatch(/neige|déneigement/i);
    expect(problems).toEqual([]);
  });
});

describe('reporting a problem and tracking it', () => {
  it('submits a request, shows its reference, and the tracker finds it without personal data', async () => {
    const { page, problems } = await openPage(await freshContext());
    await page.goto('/report.html');
    const form = page.locator('muni-request-form');
    const service = form.locator('select').first();
    await expect.poll(() => service.locator('option').count()).toBeGreaterThan(10);
    await service.selectOption({ value: 'pothole' });
    await form.locator('textarea').first().fill('Deep pothole in the eastbound lane, about a metre wide.');
    await form.getByLabel(/location|address|where/i).first().fill('Front of 12 Maple Street');
    await form.getByLabel(/how big/i).selectOption({ value: 'medium' });
    await form.getByLabel(/email/i).first().fill('resident@example.ca');
    await form.locator('[part="continue-button"]').click();
    // Check your answers, then send.
    await expect.poll(() => form.locator('[part="check"]').innerText()).toContain('Front of 12 Maple Street');
    await form.locator('[part="submit-button"]').click();

    const reference = form.getByText(/LKV-[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}/).first();
    await expect.poll(() => reference.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const ref = (await reference.innerText()).match(/LKV-[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}/)![0];

    await page.goto('/track.html');
    const tracker = page.locator('muni-request-status');
    await tracker.locator('input').first().fill(ref);
    await tracker.locator('button[type="submit"]').first().click();
    const status = tracker.locator('[part~="status"]');
    await expect.poll(() => status.count(), { timeout: 10_000 }).toBe(1);
    expect(await status.innerText()).toMatch(/received/i);
    const shown = await tracker.locator('[part~="base"]').innerText();
    expect(shown).not.toContain('resident@example.ca');
    expect(shown).not.toContain('Maple Street');
    expect(problems).toEqual([]);
  });

  it('keeps what the resident typed when the connection drops, and submits once it is back', async () => {
    const ctx = await freshContext();
    const { page } = await openPage(ctx);
    await page.goto('/fr/report.html');
    const form = page.locator('muni-request-form');
    const service = form.locator('select').first();
    await expect.poll(() => service.locator('option').count()).toBeGreaterThan(10);
    await service.selectOption({ value: 'streetlight-out' });
    const text = 'Le lampadaire devant le parc est éteint depuis trois soirs.';
    await form.locator('textarea').first().fill(text);
    await form.getByLabel(/lieu|adresse|où|emplacement/i).first().fill('Parc Riverside, entrée nord');
    await form.getByLabel(/quel est le problème/i).selectOption({ value: 'out' });

    await form.locator('[part="continue-button"]').click();
    await ctx.setOffline(true);
    await form.locator('[part="submit-button"]').click();
    await expect.poll(() => form.locator('[role="alert"]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await form.locator('[part="check"]').innerText()).toContain(text);

    // A reload (what a resident does next) restores the draft from this device.
    await ctx.setOffline(false);
    await page.reload();
    await expect.poll(() => form.locator('textarea').first().inputValue()).toBe(text);

    await form.locator('[part="continue-button"]').click();
    await form.locator('[part="submit-button"]').click();
    await expect.poll(() => form.getByText(/LKV-[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}/).count(), { timeout: 10_000 }).toBeGreaterThan(0);
  });
});
