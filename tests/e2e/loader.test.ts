// munikit.js, the one script a webmaster pastes, on the demo tracker page (one <muni-request-status>):
// it defines nothing up front and loads an element the first time its tag appears, and it asks for an
// element's first data at tag sight, alongside its code, at the URL the element then takes it from.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const defined = (page: Page, tag: string) => page.evaluate((t) => customElements.get(t) !== undefined, tag);

describe('munikit.js', () => {
  it('defines nothing up front, then loads an element the first time its tag appears', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await page.goto(`${server.url}/track.html`);
    await expect.poll(() => defined(page, 'muni-request-status')).toBe(true);
    for (const tag of ['muni-kb-search', 'muni-request-form', 'muni-staff-app']) expect(await defined(page, tag)).toBe(false);

    await page.evaluate(() => {
      const later = document.createElement('div');
      later.innerHTML = '<p><muni-kb-search></muni-kb-search></p>';
      document.body.append(later);
    });
    await expect.poll(() => defined(page, 'muni-kb-search')).toBe(true);
    expect(await defined(page, 'muni-request-form')).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("asks for an element's first data with its code, once, at the URL the element then takes it from", async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    const asked: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/')) asked.push(`${url.pathname}${url.search}`);
    });
    await page.goto(`${server.url}/track.html`);
    await expect.poll(() => defined(page, 'muni-request-status')).toBe(true);
    await page.evaluate(() => {
      const section = document.createElement('section');
      section.lang = 'fr-CA';
      // The page gives the retention figure, so the form needs no answer about the town.
      section.innerHTML = '<muni-request-form retention-months="6"></muni-request-form>';
      document.body.append(section);
    });
    const form = page.locator('muni-request-form');
    await expect.poll(() => form.evaluate((el) => (el as HTMLElement & { loadState?: string }).loadState)).toBe('ready');
    // In French (the section's language), once: the element took munikit.js's answer instead of asking again.
    expect(asked.filter((p) => p.includes('/services'))).toEqual(['/api/v1/towns/lakeview/services?lang=fr']);
    expect(asked.filter((p) => p === '/api/v1/towns/lakeview')).toEqual([]);
    // Asked before the element's own code had arrived: alongside it, not a round trip after it.
    const timing = await page.evaluate(() => {
      const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const services = entries.find((e) => e.name.includes('/services?lang=fr'));
      const code = entries.find((e) => /\/widgets\/chunks\/request-form-[\w-]+\.js$/.test(e.name));
      return { servicesStart: services?.startTime ?? NaN, codeEnd: code?.responseEnd ?? NaN };
    });
    expect(timing.servicesStart).toBeLessThan(timing.codeEnd);
    expect(problems).toEqual([]);
    await context.close();
  });
});
