// An agent works a request through to done in the console: a resident files on the French demo page
// with "email me about changes" and confirms by the emailed link; the agent acknowledges it, adds a
// public note (EN and FR) and an internal note, and resolves it, all in the console UI. The French
// tracker shows each step; the subscriber gets each email at a real SMTP server; the tracker page,
// its JSON and the emails never contain the internal note.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './support/browser.ts';
import { ADMIN, startServer, type RunningServer } from './support/server.ts';
import { startSmtp, type TestSmtp } from './support/smtp.ts';

let smtp: TestSmtp;
let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  smtp = await startSmtp();
  server = await startServer({ SMTP_URL: smtp.url, MAIL_FROM: 'Lakeview <no-reply@lakeview.example>' });
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

const EMAIL = 'agent.journey@example.ca';
const SECRET = 'INTERNAL-ONLY: resident is the councillor’s neighbour 7731';
const NOTE_EN = 'A crew will replace the bulb on Thursday.';
const NOTE_FR = 'Une équipe remplacera l’ampoule jeudi.';

const mailsTo = (to: string): ParsedMail[] => smtp.mails.filter((m) => m.to && !Array.isArray(m.to) && m.to.value.some((a) => a.address === to));
const whole = (m: ParsedMail) => `${m.subject ?? ''}\n${m.text ?? ''}\n${typeof m.html === 'string' ? m.html : ''}`;

async function newPage(): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ baseURL: server.url });
  contexts.push(context);
  return openPage(context);
}

/** Waits for the console's polite status line to say `text`. */
async function saidInConsole(screen: Locator, text: string): Promise<void> {
  await expect.poll(() => screen.locator('[role="status"]').first().innerText(), { timeout: 10_000 }).toContain(text);
}

describe('agent journey', () => {
  it('acknowledge, public note, internal note and resolve in the console; French tracker and emails follow; the internal note stays inside', async () => {
    // The resident files in French and asks to be told about changes.
    const resident = await newPage();
    await resident.page.goto('/fr/report.html');
    const form = resident.page.locator('muni-request-form');
    await expect.poll(() => form.locator('input[name="service"]').count(), { timeout: 10_000 }).toBeGreaterThan(10);
    await form.getByLabel('Lampadaire défectueux').check();
    await form.locator('textarea').first().fill('Le lampadaire devant le 14 rue du Quai est éteint.');
    await form.getByLabel(/où est-ce/i).fill('14 rue du Quai');
    await form.getByLabel('La lumière est éteinte').check();
    await form.getByLabel(/adresse courriel/i).first().fill(EMAIL);
    await form.getByLabel('M’écrire quand cette demande change').check();
    await form.locator('[part="continue-button"]').click();
    await form.locator('[part="submit-button"]').click();
    const refEl = form.locator('[part="reference"]');
    await expect.poll(() => refEl.count(), { timeout: 10_000 }).toBe(1);
    const ref = (await refEl.getAttribute('data-reference'))!;

    // One email by SMTP: the acknowledgement, holding the link that confirms the subscription.
    const CONFIRM = /http:\/\/127\.0\.0\.1:\d+\/r\/confirm\?t=\S+/;
    await expect.poll(() => mailsTo(EMAIL).filter((m) => CONFIRM.test(m.text ?? '')).length, { timeout: 20_000 }).toBe(1);
    expect(mailsTo(EMAIL).map((m) => m.subject)).toEqual([`Nous avons reçu votre demande ${ref} : confirmez votre courriel`]);
    const link = CONFIRM.exec(mailsTo(EMAIL).find((m) => CONFIRM.test(m.text ?? ''))!.text!)![0];
    await resident.page.goto(link);
    expect(await resident.page.locator('h1').innerText()).toBe('Vous recevrez les avis par courriel');

    // The agent opens the request from a deep link, signs in and lands on it.
    const agent = await newPage();
    await agent.page.goto(`/staff/inbox/request?ref=${encodeURIComponent(ref)}`);
    const app = agent.page.locator('muni-staff-app');
    await expect.poll(() => new URL(agent.page.url()).pathname).toBe('/staff/sign-in');
    await app.getByLabel(/email/i).fill(ADMIN.email);
    await app.getByLabel(/password/i).fill(ADMIN.password);
    await app.locator('button[type="submit"]').click();
    const screen = app.locator('muni-staff-request-page');
    await expect.poll(() => screen.locator('h1').innerText().catch(() => ''), { timeout: 15_000 }).toBe(`Request ${ref}`);
    expect(new URL(agent.page.url()).search).toBe(`?ref=${encodeURIComponent(ref)}`);
    // What the resident sent is there for staff.
    await expect.poll(() => screen.locator('.description').innerText()).toBe('Le lampadaire devant le 14 rue du Quai est éteint.');
    expect(await screen.locator('section[aria-labelledby="sent-heading"]').innerText()).toContain(EMAIL);

    // 1. Acknowledge.
    await screen.locator('#change-status').selectOption('acknowledged');
    await screen.getByRole('button', { name: 'Save changes' }).click();
    await saidInConsole(screen, 'Changes saved.');
    // 2. A public note in both languages.
    await screen.locator('#note-en').fill(NOTE_EN);
    await screen.locator('#note-fr').fill(NOTE_FR);
    await screen.getByRole('button', { name: 'Add note' }).click();
    await saidInConsole(screen, 'Note added.');
    // 3. An internal note.
    await screen.getByLabel(/Internal note: staff only/).check();
    await screen.locator('#note-internal').fill(SECRET);
    await screen.getByRole('button', { name: 'Add note' }).click();
    await saidInConsole(screen, 'Note added.');
    expect(await screen.locator('ol.history li.internal').last().innerText()).toContain(SECRET);
    // 4. Resolve.
    await screen.locator('#change-status').selectOption('resolved');
    await screen.getByRole('button', { name: 'Save changes' }).click();
    await saidInConsole(screen, 'Changes saved.');
    expect(await screen.locator('section[aria-labelledby="summary-heading"]').innerText()).toContain('Resolved');

    // The inbox lists it as resolved.
    await app.getByRole('link', { name: 'Back to the inbox' }).click();
    const inbox = app.locator('muni-staff-inbox');
    await expect.poll(() => inbox.locator('table').innerText().catch(() => ''), { timeout: 10_000 }).toContain(ref);
    expect(await inbox.locator('tbody tr', { hasText: ref }).innerText()).toContain('Resolved');

    // The French tracker shows each step, and not the internal note.
    await resident.page.goto(`/fr/track.html?ref=${encodeURIComponent(ref)}`);
    const tracker = resident.page.locator('muni-request-status');
    await expect.poll(() => tracker.locator('[part~="status"]').innerText().catch(() => ''), { timeout: 10_000 }).toBe('Réglée');
    const timeline = await tracker.locator('[part~="timeline"]').innerText();
    for (const step of ['Demande reçue', 'Prise en compte par le personnel municipal', NOTE_FR, 'Réglée']) expect(timeline).toContain(step);
    expect(timeline).not.toContain(NOTE_EN);
    expect(await tracker.locator('[part~="base"]').innerText()).not.toContain(SECRET);
    expect(await resident.page.content()).not.toContain('7731');
    const json = await (await fetch(`${server.url}/api/v1/towns/lakeview/requests/${encodeURIComponent(ref)}?lang=fr`)).text();
    expect(json).toContain(NOTE_FR);
    expect(json).not.toContain('7731');
    expect(json).not.toContain(EMAIL);

    // The subscriber got an email for each public step, in French, and none carries the internal note.
    await expect.poll(() => mailsTo(EMAIL).map((m) => m.subject), { timeout: 30_000 }).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`Demande ${ref} : Prise en compte`),
        expect.stringContaining(`Demande ${ref} : un message de`),
        expect.stringContaining(`Demande ${ref} réglée`),
      ]),
    );
    const note = mailsTo(EMAIL).find((m) => m.subject?.includes('un message de'))!;
    expect(note.text).toContain(NOTE_FR);
    for (const m of mailsTo(EMAIL).filter((x) => x.subject?.startsWith(`Demande ${ref}`))) {
      // Each email to a subscriber carries its one-click unsubscribe.
      expect(m.headerLines.some((h) => h.key === 'list-unsubscribe'), m.subject).toBe(true);
    }
    for (const m of smtp.mails) expect(whole(m)).not.toContain('7731');
    expect(agent.problems.filter((p) => !/401/.test(p))).toEqual([]);
    expect(resident.problems).toEqual([]);
  });
});
