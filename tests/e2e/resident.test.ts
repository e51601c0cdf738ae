// A resident's journey through the demo town site, in English and in French, against the real server.
import type { Browser, BrowserContext } from 'playwright-core';
import sharp from 'sharp';
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
    // Suggestions as the resident types (a combobox), the count announced politely.
    const suggestions = page.locator('muni-kb-search [part~="suggestion"]');
    await expect.poll(() => suggestions.count()).toBeGreaterThan(0);
    expect(await search.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => page.locator('muni-kb-search [part~="status"]').innerText()).toMatch(/\d/);
    // Enter without choosing lists the results.
    await search.press('Enter');
    const firstResult = page.locator('muni-kb-search [part~="result"]').first();
    await expect.poll(() => firstResult.count()).toBeGreaterThan(0);

    // The demo theme sets `button { text-transform: uppercase }`; shadow DOM keeps it out.
    const transform = await page.locator('muni-kb-search button[type="submit"]').evaluate((el) => getComputedStyle(el).textTransform);
    expect(transform).not.toBe('uppercase');

    const open = firstResult.locator('a').first();
    const title = await open.innerText();
    await open.click();
    const heading = page.locator('muni-kb-search #article-title');
    await expect.poll(() => heading.innerText(), { timeout: 20_000 }).toContain(title.trim());
    await expect.poll(() => page.locator('muni-kb-search [part~="article-body"]').innerText()).toMatch(/\w+ \w+ \w+ \w+/);
    // A permanent link: the fragment names the article, and the browser's Back closes it.
    expect(new URL(page.url()).hash).toMatch(/^#kb=[\w-]+$/);
    const shared = page.url();
    await page.goBack();
    await expect.poll(() => page.locator('muni-kb-search [part~="result"]').count()).toBeGreaterThan(0);
    // A shared link opens the article straight away.
    const other = await openPage(context);
    await other.page.goto(shared);
    // A cold page: the bundle, the index and the article all load first.
    await expect
      .poll(() => other.page.locator('muni-kb-search #article-title').innerText(), { timeout: 20_000 })
      .toContain(title.trim());
    expect(problems).toEqual([]);
    expect(other.problems).toEqual([]);
  });

  it('speaks French on the French page', async () => {
    const { page, problems } = await openPage(await freshContext());
    await page.goto('/fr/');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    const search = page.locator('muni-kb-search input');
    await search.fill('bac vert');
    const results = page.locator('muni-kb-search [part~="suggestion"]');
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
  it('finds the service by a word, shares the device position and a photo, checks the answers, sends, and tracks it without personal data', async () => {
    const ctx = await freshContext();
    await ctx.grantPermissions(['geolocation']);
    await ctx.setGeolocation({ latitude: 44.23456, longitude: -76.54321 });
    const { page, problems } = await openPage(ctx);
    await page.goto('/report.html');
    const form = page.locator('muni-request-form');
    const services = form.locator('input[name="service"]');
    await expect.poll(() => services.count()).toBeGreaterThan(10);
    // A resident types what they see; the list narrows to what matches a name or a keyword.
    await form.getByLabel(/search the services/i).fill('asphalt');
    await expect.poll(() => services.count()).toBe(1);
    await form.getByLabel('Pothole', { exact: true }).check();
    await form.locator('textarea').first().fill('Deep pothole in the eastbound lane, about a metre wide.');
    await form.getByLabel(/where is it/i).fill('Front of 12 Maple Street');

    // "Use my location": an explanation first, then the browser's position.
    await form.getByRole('button', { name: 'Use my location' }).click();
    await expect.poll(() => form.locator('[part="location-consent"]').innerText()).toContain('Only town staff see it');
    await form.getByRole('button', { name: 'Share my location' }).click();
    await expect.poll(() => form.locator('#location-chosen').innerText()).toContain('44.23456, -76.54321');

    // A photo, uploaded to the real server straight away.
    const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#556b2f' } }).jpeg().toBuffer();
    await form.locator('#photos').setInputFiles({ name: 'pothole.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await expect.poll(() => form.getByRole('button', { name: 'Remove photo 1' }).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => form.locator('[part="photos"] .hint').count(), { timeout: 10_000 }).toBe(0); // sent

    await form.getByLabel('About the size of a tire').check();
    await form.getByLabel(/email/i).first().fill('resident@example.ca');
    await form.locator('[part="continue-button"]').click();
    // Check your answers, then send.
    const check = form.locator('[part="check"]');
    await expect.poll(() => check.innerText()).toContain('Front of 12 Maple Street');
    expect(await check.innerText()).toContain('44.23456, -76.54321');
    expect(await check.innerText()).toMatch(/1 photo/);
    await form.locator('[part="submit-button"]').click();

    const reference = form.locator('[part="reference"]');
    await expect.poll(() => reference.count(), { timeout: 10_000 }).toBe(1);
    const ref = (await reference.getAttribute('data-reference'))!;
    expect(ref).toMatch(/^LKV-[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    expect((await reference.innerText()).replace(/\s/g, '')).toContain(ref);

    // The confirmation's link opens the tracker on this reference.
    await form.getByRole('link', { name: 'Check the status of your request' }).click();
    await page.waitForURL(/track\.html\?ref=/);
    const tracker = page.locator('muni-request-status');
    const status = tracker.locator('[part~="status"]');
    await expect.poll(() => status.count(), { timeout: 10_000 }).toBe(1);
    expect(await status.innerText()).toMatch(/received/i);
    const shown = await tracker.locator('[part~="base"]').innerText();
    expect(shown).toContain(ref);
    expect(shown).not.toContain('resident@example.ca');
    expect(shown).not.toContain('Maple Street');
    expect(shown).not.toContain('44.23');
    expect(problems).toEqual([]);
  });

  it('keeps the request on the device when the connection drops, and sends it once the connection is back (fr)', async () => {
    const ctx = await freshContext();
    const { page, problems } = await openPage(ctx);
    await page.goto('/fr/report.html');
    const form = page.locator('muni-request-form');
    await expect.poll(() => form.locator('input[name="service"]').count()).toBeGreaterThan(10);
    await form.getByLabel('Lampadaire défectueux').check();
    const text = 'Le lampadaire devant le parc est éteint depuis trois soirs.';
    await form.locator('textarea').first().fill(text);
    await form.getByLabel(/où est-ce/i).fill('Parc Riverside, entrée nord');
    await form.getByLabel('La lumière est éteinte').check();
    await form.getByLabel(/adresse courriel/i).fill('resident@example.ca');

    await form.locator('[part="continue-button"]').click();
    await ctx.setOffline(true);
    await form.locator('[part="submit-button"]').click();
    const queued = form.locator('[part="queued"]');
    await expect.poll(() => queued.count(), { timeout: 15_000 }).toBe(1);
    expect(await queued.innerText()).toContain('elle sera envoyée dès que vous serez de nouveau en ligne');

    // Back online: the browser says so, the request goes by itself, once.
    await ctx.setOffline(false);
    const reference = form.locator('[part="reference"]');
    await expect.poll(() => reference.count(), { timeout: 15_000 }).toBe(1);
    const ref = (await reference.getAttribute('data-reference'))!;
    expect(ref).toMatch(/^LKV-/);
    const status = await fetch(`${server.url}/api/v1/towns/lakeview/requests/${ref}?lang=fr`);
    expect(status.status).toBe(200);

    // Nothing is left to send on the next visit.
    await page.reload();
    await expect.poll(() => form.locator('input[name="service"]').count()).toBeGreaterThan(10);
    expect(await form.locator('textarea').first().inputValue()).toBe('');
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('munikit:request-outbox')))).toEqual([]);
    expect(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p))).toEqual([]);
  });

  it('sends a request queued while offline on the next page load', async () => {
    const ctx = await freshContext();
    const { page } = await openPage(ctx);
    await page.goto('/report.html');
    const form = page.locator('muni-request-form');

    await expect.poll(() => form.locator('input[name="service"]').count()).toBeGreaterThan(10);
    await form.getByLabel('Pothole', { exact: true }).check();
    await form.locator('textarea').first().fill('A pothole by the school crossing.');
    await form.getByLabel(/where is it/i).fill('Lake Road at the school');
    await form.getByLabel('Smaller than a dinner plate').check();
    await form.locator('[part="continue-button"]').click();
    await ctx.setOffline(true);
    await form.locator('[part="submit-button"]').click();
    await expect.poll(() => form.locator('[part="queued"]').count(), { timeout: 15_000 }).toBe(1);
    await page.close();

    await ctx.setOffline(false);
    const { page: later } = await openPage(ctx);
    await later.goto('/report.html');
    const notice = later.locator('muni-request-form .notice--success');
    await expect.poll(() => notice.count(), { timeout: 15_000 }).toBe(1);
    expect(await notice.innerText()).toMatch(/Your reference number is LKV-[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}/);
  });
});
