// Single sign-on and two-factor sign-in in a real browser: the console's "Sign in with …" button goes
// to a real OpenID provider (oidc-provider on loopback) and back signed in; the person then sets up an
// authenticator app from My account (the QR code shows under the console's CSP), and the next single
// sign-on asks for its code.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCode } from '../../server/src/accounts/totp.ts';
import { startTestProvider, type TestProvider } from '../../server/test/accounts/oidc-provider.ts';
import { launchBrowser, openPage } from './support/browser.ts';
import { ADMIN, startServer, type RunningServer } from './support/server.ts';

let server: RunningServer;
let browser: Browser;
let op: TestProvider;

beforeAll(async () => {
  server = await startServer();
  op = await startTestProvider(`${server.url}/api/v1/auth/sso/callback`);
  op.accounts.set('sso-1', { email: 'river@lakeview.example', email_verified: true, name: 'River Stone' });
  browser = await launchBrowser();
  // The town's administrator sets up the provider through the API.
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const put = await fetch(`${server.url}/api/v1/staff/towns/lakeview/sso`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({
      enabled: true,
      name: 'Lakeview Accounts',
      issuer: op.issuer,
      clientId: op.clientId,
      clientSecret: op.clientSecret,
      allowedDomains: ['lakeview.example'],
      defaultRole: 'agent',
    }),
  });
  if (put.status !== 200) throw new Error(`SSO settings answered ${put.status}: ${await put.text()}`);
});
afterAll(async () => {
  await browser?.close();
  await op?.close();
  await server?.stop();
});

describe('single sign-on in the browser', () => {
  it('signs in through the provider, sets up two-factor, and is asked for the code next time', async () => {
    op.loginAs('sso-1');
    const first = await browser.newContext({ baseURL: server.url });
    const { page, problems } = await openPage(first);
    await page.goto('/staff/sign-in');
    const app = page.locator('muni-staff-app');
    await app.getByRole('button', { name: 'Sign in with Lakeview Accounts' }).click();
    // Provider, callback, console: the agent lands on the inbox.
    await expect.poll(() => app.locator('table').count(), { timeout: 15_000 }).toBe(1);
    expect(new URL(page.url()).pathname).toBe('/staff/inbox');
    const cookies = await first.cookies(server.url);
    expect(cookies.find((c) => c.name === '__Host-munikit_session')?.httpOnly).toBe(true);

    await page.goto('/staff/account');
    await app.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    const qr = app.getByRole('img', { name: /QR code/ });
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 10_000 }).toBe(true);
    const key = (await app.locator('muni-staff-two-factor code').innerText()).replace(/\s+/g, '');
    await app.getByLabel('Code from the app').fill(currentCode(key));
    await app.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await expect.poll(() => app.locator('.recovery-codes li').count(), { timeout: 10_000 }).toBe(10);
    expect(problems.filter((p) => !/401/.test(p))).toEqual([]); // the signed-out session check before sign-in
    await first.close();

    const second = await browser.newContext({ baseURL: server.url });
    const again = await openPage(second);
    await again.page.goto('/staff/sign-in');
    const app2 = again.page.locator('muni-staff-app');
    await app2.getByRole('button', { name: 'Sign in with Lakeview Accounts' }).click();
    const code = app2.getByLabel('Code from your authenticator app');
    await expect.poll(() => code.count(), { timeout: 15_000 }).toBe(1);
    expect(new URL(again.page.url()).hash).toBe('');
    await code.fill(currentCode(key, Date.now() + 30_000));
    await app2.getByRole('button', { name: 'Verify and sign in' }).click();
    await expect.poll(() => app2.locator('table').count(), { timeout: 15_000 }).toBe(1);
    expect(again.problems.filter((p) => !/401/.test(p))).toEqual([]);
    await second.close();
  });
});
