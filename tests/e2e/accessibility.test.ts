// axe (WCAG 2.0 and 2.1, A and AA) over whole demo pages with the widgets rendered with real data,
// in the states a resident sees: search results, an error summary, a request's status, the staff list.
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { ADMIN, startServer, type RunningServer } from './support/server.ts';

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let server: RunningServer;
let browser: Browser;
let reference: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const res = await fetch(`${server.url}/api/v1/towns/lakeview/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      serviceCode: 'dead-animal',
      description: 'A deer by the side of the road.',
      location: { text: 'Concession 4, near the bridge' },
      answers: { 'animal-type': 'large' },
    }),
  });
  expect(res.status).toBe(201);
  reference = ((await res.json()) as { reference: string }).reference;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface Violation {
  id: string;
  help: string;
  nodes: { target: unknown[] }[];
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return result.violations;
  });
  return violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

async function pageAt(path: string): Promise<Page> {
  // axe is injected as a script; the pages' CSP (rightly) forbids that, so this context bypasses it.
  const context = await browser.newContext({ baseURL: server.url, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(path);
  return page;
}

describe('accessibility of the demo pages with live widgets', () => {
  for (const prefix of ['', '/fr']) {
    it(`hosted portal with its three widgets (${prefix || '/en'})`, async () => {
      const page = await pageAt(`${prefix}/portal`);
      await expect.poll(() => page.locator('muni-kb-search [part~="topics"]').count()).toBe(1);
      await expect.poll(() => page.locator('muni-request-form input[name="service"]').count()).toBeGreaterThan(10);
      await expect.poll(() => page.locator('muni-request-status [part~="input"]').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    });

    it(`search page with results (${prefix || '/en'})`, async () => {
      const page = await pageAt(`${prefix}/`);
      await page.locator('muni-kb-search input').fill(prefix ? 'ordures' : 'garbage');
      await expect.poll(() => page.locator('muni-kb-search [part~="suggestion"]').count()).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.locator('muni-kb-search input').press('Enter');
      await expect.poll(() => page.locator('muni-kb-search [part~="result"]').count()).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
    });

    it(`report page showing its error summary (${prefix || '/en'})`, async () => {
      const page = await pageAt(`${prefix}/report.html`);
      const form = page.locator('muni-request-form');
      await expect.poll(() => form.locator('input[name="service"]').count()).toBeGreaterThan(10);
      await form.locator('button[type="submit"]').click();
      await expect.poll(() => form.locator('[role="alert"]').count()).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
    });

    it(`tracking page showing a request (${prefix || '/en'})`, async () => {
      const page = await pageAt(`${prefix}/track.html?ref=${reference}`);
      await expect.poll(() => page.locator('muni-request-status [part~="status"]').count(), { timeout: 10_000 }).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    });
  }

  it('staff console, signed in', async () => {
    const page = await pageAt('/staff');
    const staff = page.locator('muni-staff-app');
    await staff.getByLabel(/email/i).fill(ADMIN.email);
    await staff.getByLabel(/password/i).fill(ADMIN.password);
    await staff.locator('button[type="submit"]').click();
    await expect.poll(() => staff.locator('table').count(), { timeout: 10_000 }).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });
});
