// Knowledge-base publishing end to end, against the real server process and its SQLite file: an
// editor (made with the operator CLI) signs in through the API, saves a change (the public still
// reads the old text), publishes it, and the public API serves the new text and the updated index.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './support/server.ts';

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
