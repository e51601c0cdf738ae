// The resident's tracker end to end: file a request on the French demo page with "email me", confirm
// through the link in the email (read from the outbox, as the demo has no SMTP server), and see the
// request on the French tracker, with nothing personal on it.
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
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

/** The emails queued for an address (the outbox), newest last. */
function emailsTo(to: string): { template: string; lang: string; subject: string; text: string }[] {
  const db = new DatabaseSync(join(server.dataDir, 'munikit.sqlite'), { readOnly: true });
  try {
    const rows = db.prepare("SELECT payload FROM jobs WHERE kind = 'email' ORDER BY run_at").all() as { payload: string }[];
    return rows.map((r) => JSON.parse(r.payload) as { to: string; template: string; lang: string; subject: string; text: string }).filter((m) => m.to === to);
  } finally {
    db.close();
  }
}

describe('tracker', () => {
  it('files with "email me" in French, confirms by the emailed link, and shows the French tracker without personal data', async () => {
    context = await browser.newContext({ baseURL: server.url });
    const { page, problems } = await openPage(context);
    // Every 404 the page saw (none is expected).
    const notFound: string[] = [];
    page.on('response', (res) => {
      if (res.status() === 404) notFound.push(new URL(res.url()).pathname);
    });
    await page.goto('/fr/report.html');
    const form = page.locator('muni-request-form');
    await expect.poll(() => form.locator('input[name="service"]').count()).toBeGreaterThan(10);
    await form.getByLabel('Lampadaire défectueux').check();
    await form.locator('textarea').first().fill('Le lampadaire devant le 9 rue du Lac est éteint.');
    await form.getByLabel(/où est-ce/i).fill('9 rue du Lac');
    await form.getByLabel('La lumière est éteinte').check();
    const email = 'suivi.e2e@example.ca';
    await form.getByLabel(/adresse courriel/i).first().fill(email);
    const box = form.getByLabel('M’écrire quand cette demande change');
    expect(await box.isChecked()).toBe(false);
    await box.check();
    await form.locator('[part="continue-button"]').click();
    await form.locator('[part="submit-button"]').click();
    const reference = form.locator('[part="reference"]');
    await expect.poll(() => reference.count(), { timeout: 10_000 }).toBe(1);
    const ref = (await reference.getAttribute('data-reference'))!;

    // One email, in French: the acknowledgement with the confirm link.
    await expect.poll(() => emailsTo(email).length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(emailsTo(email).map((m) => m.template)).toEqual(['request-received-subscribe']);
    const mail = emailsTo(email)[0]!;
    expect(mail.lang).toBe('fr');
    expect(mail.subject).toContain(ref);
    const link = /http:\/\/127\.0\.0\.1:\d+\/r\/confirm\?t=\S+/.exec(mail.text)![0];
    await page.goto(link);
    expect(await page.locator('h1').innerText()).toBe('Vous recevrez les avis par courriel');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');

    // The tracker, in French.
    await page.goto(`/fr/track.html?ref=${encodeURIComponent(ref.toLowerCase())}`);
    const tracker = page.locator('muni-request-status');
    const status = tracker.locator('[part~="status"]');
    await expect.poll(() => status.count(), { timeout: 10_000 }).toBe(1);
    expect(await status.innerText()).toBe('Reçue');
    const shown = await tracker.locator('[part~="base"]').innerText();
    expect(shown).toContain('Demande reçue');
    expect(shown).toContain('Date prévue');
    expect(shown).toContain('Lampadaire');
    for (const secret of [email, '9 rue du Lac', 'éteint.']) expect(shown).not.toContain(secret);
    expect(notFound).toEqual([]);
    expect(problems).toEqual([]);
  });
});
