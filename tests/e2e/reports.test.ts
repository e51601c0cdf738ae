// A clerk opens the reports for the seeded demo town, downloads the CSV (UTF-8 with a BOM, for Excel)
// and opens the council report in French, which prints on one page of A4 and of Letter.
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './support/browser.ts';
import { ADMIN, startServer, type RunningServer } from './support/server.ts';

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

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
/** Pages in a PDF: its page objects (not the /Pages tree). */
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;

describe('reports', () => {
  it('shows the demo figures, downloads the CSV and prints the French council report on one page', async () => {
    const from = day(-60);
    const to = day(0);
    const context = await browser.newContext({ baseURL: server.url, acceptDownloads: true });
    const { page, problems } = await openPage(context);
    await page.goto(`/staff/reports?from=${from}&to=${to}`);
    const app = page.locator('muni-staff-app');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/staff/sign-in');
    await app.getByLabel(/email/i).fill(ADMIN.email);
    await app.getByLabel(/password/i).fill(ADMIN.password);
    await app.locator('button[type="submit"]').click();

    // Back where the link pointed, with the period it named.
    const reports = app.locator('muni-staff-reports');
    await expect.poll(() => reports.locator('.figures dd').count(), { timeout: 15_000 }).toBe(4);
    expect(new URL(page.url()).search).toBe(`?from=${from}&to=${to}`);
    const total = Number(await reports.locator('.figures dd').first().innerText());
    expect(total).toBeGreaterThanOrEqual(4); // the demo town's seeded requests of the last weeks
    const charts = reports.locator('svg.bar-chart[role="img"]');
    expect(await charts.count()).toBeGreaterThanOrEqual(4);
    expect(await charts.first().getAttribute('aria-label')).toMatch(/^Requests by department: .+, \d+/);
    expect(await reports.locator('table').count()).toBe(5);

    // The CSV, as the browser downloads it.
    const [download] = await Promise.all([page.waitForEvent('download'), reports.locator('a[download]').click()]);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    expect(csv.split('\r\n')[0]).toBe('section,key,name_en,name_fr,value');
    expect(csv).toContain(`total,requests,,,${total}`);
    expect(download.suggestedFilename()).toBe(`report-lakeview-${from}-${day(1)}.csv`);

    // The council report in French, from an English console.
    await reports.getByRole('link', { name: 'in French' }).click();
    const council = app.locator('muni-staff-council-report');
    await expect.poll(() => council.locator('h1').innerText()).toBe('Demandes de service\u00a0: rapport au conseil');
    expect(new URL(page.url()).search).toBe(`?from=${from}&to=${to}&lang=fr`);
    await expect.poll(() => council.locator('.town').innerText()).toMatch(/^canton de lakeview$/i);
    await expect.poll(() => council.locator('table').count()).toBeGreaterThanOrEqual(4);
    expect(await council.locator('caption').first().innerText()).toBe('Demandes par service municipal');
    expect(await app.locator('nav a').first().innerText()).toBe('Requests');

    // Printed: no console around it, one page of A4 and one of Letter.
    await page.emulateMedia({ media: 'print' });
    expect(await app.locator('header').isVisible()).toBe(false);
    expect(await council.locator('.toolbar').isVisible()).toBe(false);
    for (const format of ['A4', 'Letter'] as const) {
      expect(pageCount(await page.pdf({ format })), format).toBe(1);
    }
    expect(problems.filter((p) => !/401/.test(p))).toEqual([]);
    await context.close();
  });
});
