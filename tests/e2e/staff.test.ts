// A town clerk signs in to the staff console and sees the town's requests.
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

describe('staff console', () => {
  it('refuses a wrong password, then signs in and lists the requests, including a new one', async () => {
    const created = await fetch(`${server.url}/api/v1/towns/lakeview/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({
        serviceCode: 'pothole',
        description: 'Pothole reported for the staff console test.',
        location: { text: '400 Lakeshore Road' },
        answers: { 'pothole-size': 'medium' },
        lang: 'en',
      }),
    });
    expect(created.status).toBe(201);
    const { reference } = (await created.json()) as { reference: string };

    const context = await browser.newContext({ baseURL: server.url });
    const { page, problems } = await openPage(context);
    // A deep link survives sign-in: the clerk lands where the link pointed.
    await page.goto('/staff/inbox');
    const app = page.locator('muni-staff-app');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/staff/sign-in');
    await app.getByLabel(/email/i).fill(ADMIN.email);
    await app.getByLabel(/password/i).fill('not the password');
    await app.locator('button[type="submit"]').click();
    // A wrong password costs a full scrypt check (N = 2^17): allow for a busy machine.
    await expect.poll(() => app.locator('[role="alert"]').count(), { timeout: 10_000 }).toBeGreaterThan(0);

    await app.getByLabel(/password/i).fill(ADMIN.password);
    await app.locator('button[type="submit"]').click();
    const table = app.locator('table');
    await expect.poll(() => table.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => table.innerText()).toContain(reference);
    expect(new URL(page.url()).pathname).toBe('/staff/inbox');

    const cookies = await context.cookies();
    // COOKIE_SECURE defaults to true: a __Host- cookie (Secure, Path=/, no Domain), which Chromium keeps on loopback.
    const session = cookies.find((c) => c.name === '__Host-munikit_session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.secure).toBe(true);
    expect(session?.sameSite).toBe('Lax');

    // The session survives a reload.
    await page.reload();
    await expect.poll(() => app.locator('table').count(), { timeout: 10_000 }).toBe(1);

    // The staff member's choice of French is remembered across a reload.
    await app.getByRole('button', { name: 'Français' }).click();
    await expect.poll(() => app.locator('nav a').first().innerText()).toBe('Demandes');
    await page.reload();
    await expect.poll(() => app.locator('caption').innerText(), { timeout: 10_000 }).toContain('demande');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(problems.filter((p) => !/401/.test(p))).toEqual([]);
    await context.close();
  });

  it('keeps the staff list away from anyone without a session', async () => {
    const res = await fetch(`${server.url}/api/v1/staff/towns/lakeview/requests`);
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { code: string } };
    expect(body.error.code).toBe('unauthenticated');
  });
});

describe('first start without ADMIN_EMAIL', () => {
  it('prints a one-time demo admin that can sign in to the staff console', async () => {
    const fresh = await startServer({ ADMIN_EMAIL: '', ADMIN_PASSWORD: '' });
    try {
      const printed = fresh.output().match(/demo staff sign-in \(shown once\): ([^\s"]+) \/ ([^\s"]+)/);
      expect(printed, fresh.output()).toBeTruthy();
      const [, email, password] = printed!;
      const login = await fetch(`${fresh.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      expect(login.status).toBe(200);
      const body = (await login.json()) as { towns: { id: string; role: string }[] };
      expect(body.towns).toEqual([{ id: 'lakeview', role: 'admin' }]);
    } finally {
      await fresh.stop();
    }
  });
});
