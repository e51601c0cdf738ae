// Knowledge-base publishing end to end, against the real server process and its SQLite file: an
// editor (made with the operator CLI) saves a change (the public still reads the old text), publishes
// it, and residents get the new text: through the API, and through the console's editor and the demo
// pages' <muni-kb-search> in Chromium (English and French); a save over someone else's is refused.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './support/browser.ts';
import { ADMIN, startServer, type RunningServer } from './support/server.ts';

const root = join(import.meta.dirname, '..', '..');
const EDITOR = { email: 'editor@lakeview.example', password: 'an editor passphrase for the test' };

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
  execFileSync(
    process.execPath,
    ['--experimental-strip-types', join(root, 'server', 'src', 'cli', 'admin.ts'), 'create-user', '--email', EDITOR.email, '--name', 'Eddie Editor', '--town', 'lakeview', '--role', 'editor', '--password', EDITOR.password],
    { env: { ...process.env, DATA_DIR: server.dataDir, DATABASE_URL: '' }, stdio: 'pipe' },
  );
});
afterAll(async () => {
  await server?.stop();
});

describe('an editor publishes a change that residents then read', () => {
  it('signs in, saves a draft (not public), publishes, and the public API serves the new text', async () => {
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(EDITOR),
    });
    expect(login.status).toBe(200);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const staff = (path: string, method = 'GET', body?: unknown) =>
      fetch(`${server.url}/api/v1/staff/towns/lakeview/kb${path}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const pub = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}/api/v1/towns/lakeview/kb${path}`, { headers });

    const before = await pub('/index?lang=en');
    const etag = before.headers.get('etag')!;
    const index = (await before.json()) as { articles: { id: string; slug: string; title: string }[] };
    const garbage = index.articles.find((a) => a.slug === 'garbage-collection-schedule')!;
    expect(garbage).toBeDefined();

    const article = (await (await staff(`/articles/${garbage.id}`)).json()) as {
      version: number;
      slug: string;
      categoryId: string;
      visibility: string;
      serviceCodes: string[];
      reviewBy: string | null;
      en: { title: string; summary: string; body: string; keywords: string[] };
      fr: unknown;
    };
    const newTitle = 'Garbage, recycling and green bin collection days';
    const saved = await staff(`/articles/${garbage.id}`, 'PUT', {
      slug: article.slug,
      categoryId: article.categoryId,
      visibility: article.visibility,
      serviceCodes: article.serviceCodes,
      reviewBy: '2027-03-31',
      en: { ...article.en, title: newTitle, body: `${article.en.body}\n\nNew this year: collection on Saturdays in Zone C.` },
      fr: article.fr,
      version: article.version,
    });
    expect(saved.status).toBe(200);
    const draft = (await saved.json()) as { version: number; unpublishedChanges: boolean };
    expect(draft.unpublishedChanges).toBe(true);

    // Saved, not published: the index is unchanged (same ETag) and residents still read the old text.
    expect((await pub('/index?lang=en', { 'if-none-match': etag })).status).toBe(304);
    const still = (await (await pub(`/articles/${garbage.slug}?lang=en`)).json()) as { title: string; bodyHtml: string };
    expect(still.title).toBe(garbage.title);
    expect(still.bodyHtml).not.toContain('Zone C');

    const published = await staff(`/articles/${garbage.id}/publish`, 'POST', { version: draft.version });
    expect(published.status).toBe(200);

    const now = (await (await pub(`/articles/${garbage.slug}?lang=en`)).json()) as { title: string; bodyHtml: string };
    expect(now.title).toBe(newTitle);
    expect(now.bodyHtml).toContain('New this year: collection on Saturdays in Zone C.');
    const fresh = await pub('/index?lang=en', { 'if-none-match': etag });
    expect(fresh.status).toBe(200);
    const after = (await fresh.json()) as { articles: { id: string; title: string }[] };
    expect(after.articles.find((a) => a.id === garbage.id)?.title).toBe(newTitle);
    // The French text was not touched and stays published.
    expect((await pub(`/articles/${garbage.id}?lang=fr`)).status).toBe(200);
  });
});

describe('through the console and the demo page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A resident on a fresh device (no cached index) types words into the demo page's search. */
  async function residentSearch(path: string, words: string): Promise<{ titles: string[]; page: Page; context: BrowserContext; problems: string[] }> {
    const context = await browser.newContext({ baseURL: server.url });
    const { page, problems } = await openPage(context);
    await page.goto(path);
    const input = page.locator('muni-kb-search input[role="combobox"]');
    await input.click();
    await input.pressSequentially(words, { delay: 20 });
    const status = page.locator('muni-kb-search [part~="status"]');
    await expect.poll(() => status.innerText(), { timeout: 15_000 }).toContain(words);
    const titles = await page.locator('muni-kb-search [part~="suggestion"] .option-title').allInnerTexts();
    return { titles, page, context, problems };
  }

  it('an editor changes the English and French text in the editor, saves (the demo page still shows the old text), publishes, and a resident finds the new text on / and /fr/', async () => {
    const context = await browser.newContext({ baseURL: server.url });
    const { page, problems } = await openPage(context);
    await page.goto('/staff/kb/article?id=art-green-bin');
    const app = page.locator('muni-staff-app');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/staff/sign-in');
    await app.getByLabel(/email/i).fill(EDITOR.email);
    await app.getByLabel(/password/i).fill(EDITOR.password);
    await app.locator('button[type="submit"]').click();
    // The deep link survives sign-in: the editor opens on the article.
    const enSummary = app.locator('#en-summary');
    await expect.poll(() => enSummary.inputValue(), { timeout: 15_000 }).toContain('green bin');
    expect(new URL(page.url()).pathname).toBe('/staff/kb/article');

    await app.locator('#en-title').fill('Green bin and zucchini swap');
    await enSummary.fill('Food scraps go in the green bin; extra zucchini goes to the Saturday zucchini swap at the depot.');
    await app.locator('#en-body').fill(`${await app.locator('#en-body').inputValue()}\n\n## Zucchini swap\n\nBring extra garden zucchini to the depot on Saturdays in August.`);
    await app.locator('#fr-title').fill('Bac vert et échange de courgettes');
    await app.locator('#fr-summary').fill('Les restes de table vont dans le bac vert; les courgettes en trop vont à l’échange de courgettes du samedi au dépôt.');
    await app.locator('#fr-body').fill(`${await app.locator('#fr-body').inputValue()}\n\n## Échange de courgettes\n\nApportez vos courgettes en trop au dépôt le samedi en août.`);
    await app.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => app.locator('[role="status"]').allInnerTexts()).toContainEqual(expect.stringContaining('Draft saved'));

    // Saved, not published: a resident still finds nothing new.
    const before = await residentSearch('/', 'zucchini swap');
    expect(before.titles).not.toContain('Green bin and zucchini swap');
    expect(await before.page.locator('muni-kb-search [part~="status"]').innerText()).toMatch(/No articles in English match|No articles match/);
    await before.context.close();

    await app.getByRole('button', { name: 'Publish now' }).click();
    await expect.poll(() => app.locator('[role="status"]').allInnerTexts()).toContainEqual(expect.stringContaining('Published.'));
    // The console's session check before sign-in answers 401; nothing else may go wrong.
    expect(problems.filter((p) => !/401/.test(p))).toEqual([]);
    await context.close();

    const en = await residentSearch('/', 'zucchini swap');
    expect(en.titles[0]).toBe('Green bin and zucchini swap');
    await en.page.locator('muni-kb-search input[role="combobox"]').press('ArrowDown');
    await en.page.locator('muni-kb-search input[role="combobox"]').press('Enter');
    await expect.poll(() => en.page.locator('muni-kb-search [part~="article-body"]').innerText(), { timeout: 15_000 }).toContain('Bring extra garden zucchini to the depot on Saturdays in August.');
    expect(en.problems).toEqual([]);
    await en.context.close();

    const fr = await residentSearch('/fr/', 'echange de courgettes');
    expect(fr.titles[0]).toBe('Bac vert et échange de courgettes');
    await fr.page.locator('muni-kb-search [part~="suggestion"]').first().click();
    await expect.poll(() => fr.page.locator('muni-kb-search [part~="article-body"]').innerText(), { timeout: 15_000 }).toContain('Apportez vos courgettes en trop au dépôt le samedi en août.');
    expect(fr.problems).toEqual([]);
    await fr.context.close();
  }, 120_000); // three browser contexts and a dozen page loads on a busy two-core machine

  it('tells an editor when someone else saved first, shows both, and keeps theirs on request', async () => {
    const context = await browser.newContext({ baseURL: server.url });
    const { page } = await openPage(context);
    await page.goto('/staff/sign-in?next=%2Fstaff%2Fkb%2Farticle%3Fid%3Dart-dog-licences');
    const app = page.locator('muni-staff-app');
    await app.getByLabel(/email/i).fill(EDITOR.email);
    await app.getByLabel(/password/i).fill(EDITOR.password);
    await app.locator('button[type="submit"]').click();
    const enTitle = app.locator('#en-title');
    await expect.poll(() => enTitle.inputValue(), { timeout: 15_000 }).not.toBe('');

    // Meanwhile the clerk saves the same article through the API.
    const login = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0]!, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
    const url = `${server.url}/api/v1/staff/towns/lakeview/kb/articles/art-dog-licences`;
    const current = (await (await fetch(url, { headers })).json()) as Record<string, unknown> & { en: { title: string } };
    const theirs = await fetch(url, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ slug: current.slug, categoryId: current.categoryId, visibility: current.visibility, serviceCodes: current.serviceCodes, reviewBy: current.reviewBy, en: { ...current.en, title: 'Dog licences (clerk’s version)' }, fr: current.fr, version: current.version }),
    });
    expect(theirs.status).toBe(200);

    await enTitle.fill('Dog licences (editor’s version)');
    await app.getByRole('button', { name: 'Save draft' }).click();
    const conflict = app.locator('#conflict-heading');
    await expect.poll(() => conflict.count(), { timeout: 15_000 }).toBe(1);
    const panel = app.locator('section.conflict');
    expect(await panel.innerText()).toContain('Dog licences (clerk’s version)');
    expect(await panel.innerText()).toContain('Dog licences (editor’s version)');
    await app.locator('#take-theirs').click();
    await expect.poll(() => enTitle.inputValue()).toBe('Dog licences (clerk’s version)');
    expect(await conflict.count()).toBe(0);
    await context.close();
  }, 60_000);
});
