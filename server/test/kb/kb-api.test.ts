// The knowledge-base API on every dialect (PostgreSQL when TEST_DATABASE_URL is set): the public
// index, articles, feedback and searches; the staff editing, publishing, revisions, categories and
// insight. Through app.request() on a real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPublicArticles } from '../../src/kb/publishing.ts';
import { ADMIN, createTestApp, dialects } from '../support/harness.ts';
import { jsonPost, makeStaff, signIn, type Signed } from '../accounts/helpers.ts';

const PUB = '/api/v1/towns/testville/kb';
const STAFF = '/api/v1/staff/towns/testville/kb';

interface StaffArticle {
  id: string;
  slug: string;
  version: number;
  status: string;
  visibility: string;
  publishAt: string | null;
  en: { title: string; summary: string; body: string; keywords: string[] } | null;
  fr: { title: string; summary: string; body: string; keywords: string[] } | null;
  published: { en: { revisionId: string; publishedAt: string } | null; fr: { revisionId: string; publishedAt: string } | null };
  missing: string[];
  unpublishedChanges: boolean;
  updatedByName: string | null;
  serviceCodes: string[];
}

const text = (title: string, body = `Body of ${title}.`, keywords: string[] = []) => ({ title, summary: `Summary of ${title}`, body, keywords });

for (const dialect of dialects) {
  describe.skipIf(dialect.skip)(`knowledge base on ${dialect.name}`, () => {
    let t: Awaited<ReturnType<typeof createTestApp>>;
    let admin: Signed;
    let editor: Signed;
    let editor2: Signed;
    let agent: Signed;
    let viewer: Signed;

    beforeAll(async () => {
      t = await createTestApp({ db: await dialect.open() });
      await makeStaff(t.db, 'editor@testville.example', { testville: 'editor' });
      await makeStaff(t.db, 'editor2@testville.example', { testville: 'editor' });
      await makeStaff(t.db, 'agent@testville.example', { testville: 'agent' });
      await makeStaff(t.db, 'viewer@testville.example', { testville: 'viewer' });
      admin = await signIn(t.app, ADMIN.email, ADMIN.password);
      editor = await signIn(t.app, 'editor@testville.example');
      editor2 = await signIn(t.app, 'editor2@testville.example');
      agent = await signIn(t.app, 'agent@testville.example');
      viewer = await signIn(t.app, 'viewer@testville.example');
    });
    afterAll(async () => {
      await t?.cleanup();
    });

    const get = (path: string, s?: Signed, headers: Record<string, string> = {}) =>
      t.app.request(path, { headers: { ...(s ? { cookie: s.cookie } : {}), ...headers } });
    const send = (method: string, path: string, body: unknown, s: Signed = editor) => t.app.request(path, jsonPost(body, s.write, method));
    const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;
    const errorOf = async (res: Response) => (await json<{ error: { code: string; field?: string } }>(res)).error;

    async function create(input: Record<string, unknown>, s: Signed = editor): Promise<StaffArticle> {
      const res = await send('POST', `${STAFF}/articles`, {
        categoryId: 'waste',
        visibility: 'public',
        serviceCodes: [],
        reviewBy: null,
        en: null,
        fr: null,
        ...input,
      }, s);
      expect(res.status, await res.clone().text()).toBe(201);
      return json<StaffArticle>(res);
    }
    async function publish(a: StaffArticle, extra: Record<string, unknown> = {}): Promise<StaffArticle> {
      const res = await send('POST', `${STAFF}/articles/${a.id}/publish`, { version: a.version, ...extra });
      expect(res.status, await res.clone().text()).toBe(200);
      return json<StaffArticle>(res);
    }
    const input = (a: StaffArticle) => ({
      slug: a.slug,
      categoryId: 'waste',
      visibility: a.visibility,
      serviceCodes: a.serviceCodes,
      reviewBy: null,
      en: a.en,
      fr: a.fr,
      version: a.version,
    });

    it('serves a compact index with a strong ETag, cacheable, 304 on If-None-Match', async () => {
      const res = await get(`${PUB}/index?lang=fr`);
      expect(res.status).toBe(200);
      const etag = res.headers.get('etag')!;
      expect(etag).toMatch(/^"[^"]+"$/);
      expect(res.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=86400');
      const body = await json<{ lang: string; categories: unknown[]; articles: Record<string, unknown>[] }>(res);
      expect(body.lang).toBe('fr');
      expect(body.categories).toEqual([{ id: 'waste', slug: 'dechets', name: 'Déchets', articleCount: 1, sort: 1 }]);
      expect(body.articles).toEqual([
        {
          id: 'green-bin',
          slug: 'bac-vert',
          title: 'Bac vert',
          summary: 'Ce qui va dans le bac vert.',
          keywords: ['compost'],
          categoryId: 'waste',
          categoryName: 'Déchets',
          popularity: 0,
          updatedAt: expect.any(String),
        },
      ]);
      expect(JSON.stringify(body)).not.toContain('bodyHtml');
      const again = await get(`${PUB}/index?lang=fr`, undefined, { 'if-none-match': etag });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      // A view changes popularity, so the index and its ETag change.
      expect((await get(`${PUB}/articles/bac-vert?lang=fr`)).status).toBe(200);
      const after = await get(`${PUB}/index?lang=fr`, undefined, { 'if-none-match': etag });
      expect(after.status).toBe(200);
      expect(after.headers.get('etag')).not.toBe(etag);
      expect((await json<{ articles: { popularity: number }[] }>(after)).articles[0]!.popularity).toBe(1);
    });

    it('serves one article by id or slug with related articles and the other language', async () => {
      const res = await get(`${PUB}/articles/green-bin?lang=en`);
      expect(res.status).toBe(200);
      const a = await json<Record<string, unknown>>(res);
      expect(a).toMatchObject({
        lang: 'en',
        id: 'green-bin',
        slug: 'green-bin',
        title: 'Green bin',
        categoryId: 'waste',
        categoryName: 'Waste',
        related: [],
        otherLanguage: { lang: 'fr', slug: 'bac-vert', title: 'Bac vert' },
      });
      expect(a.bodyHtml).toContain('<strong>green bin</strong>');
      const bySlug = await json<{ id: string; lang: string }>(await get(`${PUB}/articles/bac-vert?lang=fr`));
      expect(bySlug).toMatchObject({ id: 'green-bin', lang: 'fr' });
      const missing = await get(`${PUB}/articles/nope?lang=en`);
      expect(missing.status).toBe(404);
      expect((await errorOf(missing)).code).toBe('not_found');
      const views = await t.db.selectFrom('kb_article_views').selectAll().where('article_id', '=', 'green-bin').execute();
      expect(views.reduce((n, v) => n + Number(v.count), 0)).toBeGreaterThanOrEqual(2);
      expect(Object.keys(views[0]!).sort()).toEqual(['article_id', 'count', 'day', 'lang']);
    });

    it('answers translation_missing, naming the other language, for an article published in one language', async () => {
      const a = await publish(await create({ slug: 'english-only', en: text('English only article') }));
      expect(a.missing).toEqual(['fr']);
      const res = await get(`${PUB}/articles/${a.id}?lang=fr`);
      expect(res.status).toBe(404);
      const body = await json<{ error: { code: string }; otherLanguage: unknown }>(res);
      expect(body.error.code).toBe('translation_missing');
      expect(body.otherLanguage).toEqual({ lang: 'en', slug: 'english-only', title: 'English only article' });
      const en = await json<{ otherLanguage: unknown; related: { id: string }[] }>(await get(`${PUB}/articles/english-only?lang=en`));
      expect(en.otherLanguage).toBeNull();
      expect(en.related.map((r) => r.id)).toEqual(['green-bin']);
    });

    it('saving a draft does not change the public article; publishing does', async () => {
      const a = await publish(await create({ slug: 'salt-boxes', en: text('Salt boxes', 'Old text.'), fr: text('Bacs de sel', 'Ancien texte.') }));
      expect(a.status).toBe('published');
      expect(a.unpublishedChanges).toBe(false);
      const saved = await send('PUT', `${STAFF}/articles/${a.id}`, { ...input(a), en: text('Salt boxes', 'New draft text.') });
      expect(saved.status).toBe(200);
      const draft = await json<StaffArticle>(saved);
      expect(draft.version).toBe(a.version + 1);
      expect(draft.en?.body).toBe('New draft text.');
      expect(draft.unpublishedChanges).toBe(true);
      expect(draft.published.en?.revisionId).toBe(a.published.en?.revisionId);
      expect(draft.updatedByName).toBe('editor');
      const pub = await json<{ bodyHtml: string }>(await get(`${PUB}/articles/salt-boxes?lang=en`));
      expect(pub.bodyHtml).toContain('Old text.');
      expect(pub.bodyHtml).not.toContain('New draft');
      // Only English changed, so only English got a revision.
      const revs = await json<{ revisions: { lang: string; number: number; published: boolean }[] }>(await get(`${STAFF}/articles/${a.id}/revisions`, viewer));
      const tags = revs.revisions.map((r) => `${r.lang}${r.number}${r.published ? '*' : ''}`);
      expect(tags[0]).toBe('en2');
      expect(tags.slice(1).sort()).toEqual(['en1*', 'fr1*']);
      const live = await publish(draft);
      expect(live.unpublishedChanges).toBe(false);
      expect((await json<{ bodyHtml: string }>(await get(`${PUB}/articles/salt-boxes?lang=en`))).bodyHtml).toContain('New draft text.');
      expect((await json<{ bodyHtml: string }>(await get(`${PUB}/articles/salt-boxes?lang=fr`))).bodyHtml).toContain('Ancien texte.');
    });

    it('two editors saving the same version: the second gets 409 with the current article, nothing is lost', async () => {
      const a = await create({ slug: 'leaf-pickup', en: text('Leaf pick-up', 'First.') });
      const first = await send('PUT', `${STAFF}/articles/${a.id}`, { ...input(a), en: text('Leaf pick-up', 'Editor one wrote this.') }, editor);
      const second = await send('PUT', `${STAFF}/articles/${a.id}`, { ...input(a), en: text('Leaf pick-up', 'Editor two wrote this.') }, editor2);
      expect(first.status).toBe(200);
      expect(second.status).toBe(409);
      const body = await json<{ error: { code: string; message: string }; current: StaffArticle }>(second);
      expect(body.error.code).toBe('edit_conflict');
      expect(body.current.en?.body).toBe('Editor one wrote this.');
      expect(body.current.version).toBe(a.version + 1);
      const revs = await json<{ revisions: unknown[] }>(await get(`${STAFF}/articles/${a.id}/revisions`, editor2));
      expect(revs.revisions).toHaveLength(2);
      // A stale publish, archive or restore is refused the same way.
      for (const op of ['publish', 'archive', 'unarchive']) {
        const res = await send('POST', `${STAFF}/articles/${a.id}/${op}`, { version: a.version });
        expect(res.status, op).toBe(409);
      }
      // Editor two retries on the current version and keeps both texts in the history.
      const retry = await send('PUT', `${STAFF}/articles/${a.id}`, { ...input(body.current), en: text('Leaf pick-up', 'Editor two wrote this.') }, editor2);
      expect(retry.status).toBe(200);
      expect((await json<StaffArticle>(retry)).updatedByName).toBe('editor2');
    });

    it('saves concurrently: of simultaneous saves on one version exactly one wins', async () => {
      const a = await create({ slug: 'race', en: text('Race') });
      const results = await Promise.all(
        [editor, editor2, admin].map((s, i) => send('PUT', `${STAFF}/articles/${a.id}`, { ...input(a), en: text('Race', `Writer ${i}`) }, s)),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      const revs = await json<{ revisions: unknown[] }>(await get(`${STAFF}/articles/${a.id}/revisions`, editor));
      expect(revs.revisions).toHaveLength(2);
    });

    it('never shows an internal article in any public answer', async () => {
      const marker = 'INTERNAL-ONLY-MARKER';
      const internal = await publish(
        await create({
          slug: 'internal-procedure',
          visibility: 'internal',
          serviceCodes: ['pothole'],
          en: text(`Caller script ${marker}`, `Ask the caller ${marker}.`, ['garbage', marker]),
          fr: text(`Script d’appel ${marker}`, `Demandez ${marker}.`, ['ordures']),
        }),
      );
      expect(internal.status).toBe('published');
      const publicPaths = [
        ...['en', 'fr'].flatMap((l) => [`${PUB}/index?lang=${l}`, `${PUB}/articles?lang=${l}`, `${PUB}/categories?lang=${l}`]),
        `${PUB}/articles/green-bin?lang=en`,
        `${PUB}/articles/bac-vert?lang=fr`,
        `${PUB}/articles/english-only?lang=en`,
        `${PUB}/articles/salt-boxes?lang=en`,
      ];
      for (const p of publicPaths) {
        const res = await get(p);
        expect(res.status, p).toBe(200);
        const body = await res.text();
        expect(body, p).not.toContain(marker);
        expect(body, p).not.toContain(internal.id);
      }
      const index = await json<{ categories: { articleCount: number }[]; articles: unknown[] }>(await get(`${PUB}/index?lang=en`));
      expect(index.categories[0]!.articleCount).toBe(index.articles.length);
      for (const p of [`${PUB}/articles/${internal.id}?lang=en`, `${PUB}/articles/internal-procedure?lang=en`, `${PUB}/articles/internal-procedure?lang=fr`]) {
        const res = await get(p);
        expect(res.status, p).toBe(404);
        const body = await res.text();
        expect(body).toContain('not_found');
        expect(body).not.toContain(marker);
      }
      const fb = await send('POST', `${PUB}/articles/${internal.id}/feedback`, { lang: 'en', helpful: true });
      expect(fb.status).toBe(404);
      // Staff see it, and find it by service.
      const list = await json<{ articles: { id: string; visibility: string }[] }>(await get(`${STAFF}/articles?service=pothole`, agent));
      expect(list.articles.map((a) => a.id)).toEqual([internal.id]);
      const internals = await json<{ articles: { id: string }[] }>(await get(`${STAFF}/articles?visibility=internal`, viewer));
      expect(internals.articles.map((a) => a.id)).toEqual([internal.id]);
      // Turning it public is an explicit save, and it then shows.
      const madePublic = await send('PUT', `${STAFF}/articles/${internal.id}`, { ...input(internal), visibility: 'public' });
      expect(madePublic.status).toBe(200);
      expect(await (await get(`${PUB}/index?lang=en`)).text()).toContain(marker);
      const back = await json<StaffArticle>(madePublic);
      expect((await send('PUT', `${STAFF}/articles/${internal.id}`, { ...input(back), visibility: 'internal' })).status).toBe(200);
      expect(await (await get(`${PUB}/index?lang=en`)).text()).not.toContain(marker);
    });

    it('stores and serves inert HTML for an article with <script>, onerror= and javascript: links', async () => {
      const body = [
        '# Hello',
        '<script>alert("s")</script>',
        '<img src="https://example.org/x.png" onerror="alert(1)">',
        '[click](javascript:alert(2))',
        '<a href="javascript:alert(3)" onclick="alert(4)">raw</a>',
        '<iframe src="https://evil.example"></iframe>',
        '<p style="x" onmouseover="alert(5)">hover</p>',
      ].join('\n\n');
      const a = await publish(await create({ slug: 'xss', en: text('XSS test', body) }));
      const stored = await t.db.selectFrom('kb_publications').select('body_html').where('article_id', '=', a.id).executeTakeFirstOrThrow();
      const served = (await json<{ bodyHtml: string }>(await get(`${PUB}/articles/xss?lang=en`))).bodyHtml;
      const preview = (await json<{ html: string }>(await send('POST', `${STAFF}/preview`, { markdown: body }))).html;
      for (const html of [stored.body_html, served, preview]) {
        expect(html).toContain('<h1>Hello</h1>');
        expect(html).not.toMatch(/<script|<iframe|javascript:|onerror|onclick|onmouseover|style=/i);
        expect(html).toContain('hover');
      }
      expect(served).toBe(stored.body_html);
      // Rendered once at publish: the served HTML is the stored one, even if the renderer changed since.
      await t.db.updateTable('kb_publications').set({ body_html: '<p>stored once</p>' }).where('article_id', '=', a.id).execute();
      expect((await json<{ bodyHtml: string }>(await get(`${PUB}/articles/xss?lang=en`))).bodyHtml).toBe('<p>stored once</p>');
    });

    it('keeps every revision: reads one, diffs two, and restore makes a new revision', async () => {
      const a = await create({ slug: 'hist', en: text('History one', 'line a\nline b\nline c', ['alpha', 'beta']) });
      const put = await send('PUT', `${STAFF}/articles/${a.id}`, { ...input(a), en: text('History two', 'line a\nline B changed\nline c', ['alpha', 'gamma']) });
      const b = await json<StaffArticle>(put);
      const revs = (await json<{ revisions: { id: string; number: number; authorName: string | null; title: string }[] }>(await get(`${STAFF}/articles/${a.id}/revisions`, agent))).revisions;
      expect(revs.map((r) => [r.number, r.title, r.authorName])).toEqual([
        [2, 'History two', 'editor'],
        [1, 'History one', 'editor'],
      ]);
      const one = await json<{ body: string; keywords: string[] }>(await get(`${STAFF}/articles/${a.id}/revisions/${revs[1]!.id}`, viewer));
      expect(one).toMatchObject({ body: 'line a\nline b\nline c', keywords: ['alpha', 'beta'] });
      const diff = await json<{ from: string; to: string; fields: Record<string, { op: string; text: string }[]> }>(
        await get(`${STAFF}/articles/${a.id}/diff?from=${revs[1]!.id}&to=${revs[0]!.id}`, viewer),
      );
      expect(diff.from).toBe(revs[1]!.id);
      expect(diff.fields.title).toEqual([
        { op: 'equal', text: 'History ' },
        { op: 'delete', text: 'one' },
        { op: 'insert', text: 'two' },
      ]);
      expect(diff.fields.body).toEqual([
        { op: 'equal', text: 'line a\n' },
        { op: 'delete', text: 'line b\n' },
        { op: 'insert', text: 'line B changed\n' },
        { op: 'equal', text: 'line c' },
      ]);
      expect(diff.fields.keywords!.filter((c) => c.op !== 'equal').map((c) => `${c.op}:${c.text}`)).toEqual(['delete:beta', 'insert:gamma']);
      expect(diff.fields.summary!.filter((c) => c.op !== 'equal').map((c) => `${c.op}:${c.text}`)).toEqual(['delete:one', 'insert:two']);
      const bad = await get(`${STAFF}/articles/${a.id}/diff?from=nope&to=${revs[0]!.id}`, viewer);
      expect(bad.status).toBe(404);
      expect((await errorOf(bad)).field).toBe('from');
      expect((await get(`${STAFF}/articles/${a.id}/diff?to=${revs[0]!.id}`, viewer)).status).toBe(400);

      const stale = await send('POST', `${STAFF}/articles/${a.id}/revisions/${revs[1]!.id}/restore`, { version: a.version });
      expect(stale.status).toBe(409);
      const restored = await send('POST', `${STAFF}/articles/${a.id}/revisions/${revs[1]!.id}/restore`, { version: b.version });
      expect(restored.status).toBe(200);
      const r = await json<StaffArticle>(restored);
      expect(r.en).toEqual(text('History one', 'line a\nline b\nline c', ['alpha', 'beta']));
      const after = (await json<{ revisions: { number: number; title: string }[] }>(await get(`${STAFF}/articles/${a.id}/revisions`, editor))).revisions;
      expect(after.map((x) => [x.number, x.title])).toEqual([
        [3, 'History one'],
        [2, 'History two'],
        [1, 'History one'],
      ]);
      const audit = await t.db.selectFrom('audit_log').select('action').where('subject_id', '=', a.id).orderBy('created_at').execute();
      expect(audit.map((x) => x.action)).toEqual(['kb.article_created', 'kb.article_saved', 'kb.revision_restored']);
    });

    it('schedules a publish: the old text stays public until publishAt', async () => {
      const a = await publish(await create({ slug: 'sched', en: text('Scheduled', 'Before.') }));
      const saved = await json<StaffArticle>(await send('PUT', `${STAFF}/articles/${a.id}`, { ...input(a), en: text('Scheduled', 'After.') }));
      const at = new Date(Date.now() + 60 * 60 * 1000).toISOString();
      const s = await publish(saved, { publishAt: at });
      expect(s.publishAt).toBe(at);
      expect(s.published.en?.publishedAt).toBe(at);
      const listed = await json<{ articles: { id: string; publishAt: string | null }[] }>(await get(`${STAFF}/articles?status=published`, viewer));
      expect(listed.articles.find((x) => x.id === a.id)?.publishAt).toBe(at);
      expect((await json<{ bodyHtml: string }>(await get(`${PUB}/articles/sched?lang=en`))).bodyHtml).toContain('Before.');
      // At publishAt the scheduled publication is the one read, with no job to run.
      const later = new Date(Date.now() + 2 * 60 * 60 * 1000).toISOString();
      const atThen = await listPublicArticles(t.db, 'testville', 'en', later);
      expect(atThen.find((x) => x.id === a.id)?.updatedAt).toBe(at);
      const now = await listPublicArticles(t.db, 'testville', 'en');
      expect(now.find((x) => x.id === a.id)?.updatedAt).toBe(a.published.en?.publishedAt);
      // A never-published article scheduled for later is not public before then.
      const fresh = await publish(await create({ slug: 'future', en: text('Future') }), { publishAt: at });
      expect(fresh.status).toBe('published');
      expect((await get(`${PUB}/articles/future?lang=en`)).status).toBe(404);
      expect((await listPublicArticles(t.db, 'testville', 'en', later)).some((x) => x.id === fresh.id)).toBe(true);
    });

    it('archives (gone from the public) and unarchives back to draft', async () => {
      const a = await publish(await create({ slug: 'arch', en: text('Archive me') }));
      const archived = await json<StaffArticle>(await send('POST', `${STAFF}/articles/${a.id}/archive`, { version: a.version }));
      expect(archived.status).toBe('archived');
      expect((await get(`${PUB}/articles/arch?lang=en`)).status).toBe(404);
      expect(await (await get(`${PUB}/index?lang=en`)).text()).not.toContain('Archive me');
      const draft = await json<StaffArticle>(await send('POST', `${STAFF}/articles/${a.id}/unarchive`, { version: archived.version }));
      expect(draft.status).toBe('draft');
      expect((await get(`${PUB}/articles/arch?lang=en`)).status).toBe(404);
      await publish(draft);
      expect((await get(`${PUB}/articles/arch?lang=en`)).status).toBe(200);
    });

    it('lists and filters articles for staff', async () => {
      const all = await json<{ articles: { id: string; slug: string; titleEn: string | null; titleFr: string | null; missing: string[]; status: string }[] }>(
        await get(`${STAFF}/articles`, viewer),
      );
      const green = all.articles.find((a) => a.id === 'green-bin')!;
      expect(green).toMatchObject({ slug: 'green-bin', titleEn: 'Green bin', titleFr: 'Bac vert', missing: [], status: 'published' });
      expect(all.articles.find((a) => a.slug === 'english-only')?.missing).toEqual(['fr']);
      const q = await json<{ articles: { id: string }[] }>(await get(`${STAFF}/articles?q=${encodeURIComponent('BAC VERT')}`, viewer));
      expect(q.articles.map((a) => a.id)).toEqual(['green-bin']);
      const drafts = await json<{ articles: { status: string }[] }>(await get(`${STAFF}/articles?status=draft`, viewer));
      expect(drafts.articles.length).toBeGreaterThan(0);
      expect(drafts.articles.every((a) => a.status === 'draft')).toBe(true);
      expect((await get(`${STAFF}/articles/nope`, viewer)).status).toBe(404);
      expect((await get(`${STAFF}/articles?status=bogus`, viewer)).status).toBe(400);
    });

    it('validates articles, naming the field', async () => {
      const base = { slug: 'ok-slug', categoryId: 'waste', visibility: 'public', serviceCodes: [], reviewBy: null, en: text('Fine'), fr: null };
      const cases: [Record<string, unknown>, number, string, string][] = [
        [{ slug: 'Not A Slug' }, 400, 'validation_failed', 'slug'],
        [{ categoryId: 'nope' }, 400, 'validation_failed', 'categoryId'],
        [{ serviceCodes: ['pothole', 'nope'] }, 400, 'validation_failed', 'serviceCodes.1'],
        [{ reviewBy: '2026-13-45' }, 400, 'validation_failed', 'reviewBy'],
        [{ en: null, fr: null }, 400, 'validation_failed', 'en'],
        [{ en: { ...text('x'), title: '' } }, 400, 'validation_failed', 'en.title'],
        [{ visibility: 'secret' }, 400, 'validation_failed', 'visibility'],
        [{ slug: 'green-bin' }, 409, 'slug_taken', 'slug'],
      ];
      for (const [change, status, code, field] of cases) {
        const res = await send('POST', `${STAFF}/articles`, { ...base, ...change });
        expect(res.status, JSON.stringify(change)).toBe(status);
        expect(await errorOf(res), JSON.stringify(change)).toMatchObject({ code, field });
      }
      const ok = await send('POST', `${STAFF}/articles`, { ...base, reviewBy: '2027-06-30', serviceCodes: ['tree'] });
      expect(ok.status).toBe(201);
      expect(await json(ok)).toMatchObject({ reviewBy: '2027-06-30', serviceCodes: ['tree'], status: 'draft', version: 1, missing: ['fr'] });
    });

    it('lets agents and viewers read but never write', async () => {
      const a = await create({ slug: 'perm', en: text('Permissions') });
      for (const s of [agent, viewer]) {
        expect((await get(`${STAFF}/articles/${a.id}`, s)).status).toBe(200);
        expect((await get(`${STAFF}/categories`, s)).status).toBe(200);
        expect((await get(`${STAFF}/insight`, s)).status).toBe(200);
        const writes: [string, string, unknown][] = [
          ['POST', `${STAFF}/articles`, { slug: 'x', categoryId: null, visibility: 'public', serviceCodes: [], reviewBy: null, en: text('x'), fr: null }],
          ['PUT', `${STAFF}/articles/${a.id}`, input(a)],
          ['POST', `${STAFF}/articles/${a.id}/publish`, { version: a.version }],
          ['POST', `${STAFF}/articles/${a.id}/archive`, { version: a.version }],
          ['POST', `${STAFF}/preview`, { markdown: 'x' }],
          ['POST', `${STAFF}/categories`, { nameEn: 'x', nameFr: 'x' }],
          ['PATCH', `${STAFF}/categories/waste`, { nameEn: 'x' }],
          ['DELETE', `${STAFF}/categories/waste`, {}],
        ];
        for (const [method, path, body] of writes) {
          const res = await send(method, path, body, s);
          expect(res.status, `${method} ${path}`).toBe(403);
          expect((await errorOf(res)).code).toBe('forbidden');
        }
      }
      const unchanged = await json<StaffArticle>(await get(`${STAFF}/articles/${a.id}`, editor));
      expect(unchanged.version).toBe(a.version);
    });

    it('manages categories; a category with articles cannot be deleted', async () => {
      const created = await send('POST', `${STAFF}/categories`, { nameEn: 'Roads & Sidewalks', nameFr: 'Routes et trottoirs' });
      expect(created.status).toBe(201);
      const c = await json<{ id: string; slugEn: string; slugFr: string; sort: number; articleCount: number }>(created);
      expect(c).toMatchObject({ slugEn: 'roads-sidewalks', slugFr: 'routes-et-trottoirs', sort: 2, articleCount: 0 });
      const patched = await json<{ nameFr: string; sort: number }>(await send('PATCH', `${STAFF}/categories/${c.id}`, { nameFr: 'Routes', sort: 0 }));
      expect(patched).toMatchObject({ nameFr: 'Routes', sort: 0 });
      const list = await json<{ categories: { id: string; articleCount: number }[] }>(await get(`${STAFF}/categories`, viewer));
      expect(list.categories.map((x) => x.id)).toEqual([c.id, 'waste']);
      expect(list.categories[1]!.articleCount).toBeGreaterThan(1);
      const notEmpty = await send('DELETE', `${STAFF}/categories/waste`, {});
      expect(notEmpty.status).toBe(409);
      expect((await errorOf(notEmpty)).code).toBe('category_not_empty');
      expect((await send('DELETE', `${STAFF}/categories/${c.id}`, {})).status).toBe(204);
      expect((await send('DELETE', `${STAFF}/categories/${c.id}`, {})).status).toBe(404);
      expect((await send('POST', `${STAFF}/categories`, { nameEn: '', nameFr: 'x' })).status).toBe(400);
      const audit = await t.db.selectFrom('audit_log').select('action').where('subject_id', '=', c.id).orderBy('created_at').execute();
      expect(audit.map((x) => x.action)).toEqual(['kb.category_created', 'kb.category_changed', 'kb.category_deleted']);
    });

    it('records searches and feedback without personal data, and reports them as insight', async () => {
      for (const q of ['Garbage  Day', 'garbage day', 'GARBAGE DAY', 'dog licence']) {
        expect((await send('POST', `${PUB}/searches`, { lang: 'en', query: q, resultCount: 3 })).status).toBe(204);
      }
      expect((await send('POST', `${PUB}/searches`, { lang: 'fr', query: 'Chèvres en ville', resultCount: 0 })).status).toBe(204);
      expect((await send('POST', `${PUB}/searches`, { lang: 'fr', query: 'chevres en ville', resultCount: 0, openedArticleId: 'x' })).status).toBe(204);
      expect((await send('POST', `${PUB}/searches`, { lang: 'en', query: 'x'.repeat(201), resultCount: 0 })).status).toBe(400);
      expect(await errorOf(await send('POST', `${PUB}/searches`, { lang: 'en', query: 'x', resultCount: -1 }))).toMatchObject({ field: 'resultCount' });

      expect((await send('POST', `${PUB}/articles/green-bin/feedback`, { lang: 'en', helpful: true })).status).toBe(204);
      expect((await send('POST', `${PUB}/articles/green-bin/feedback`, { lang: 'en', helpful: false, comment: 'Says nothing about pizza boxes' })).status).toBe(204);
      expect((await send('POST', `${PUB}/articles/salt-boxes/feedback`, { lang: 'en', helpful: true })).status).toBe(404);
      const sb = await json<{ id: string }>(await get(`${PUB}/articles/salt-boxes?lang=en`));
      expect((await send('POST', `${PUB}/articles/${sb.id}/feedback`, { lang: 'fr', helpful: false })).status).toBe(204);
      expect(await errorOf(await send('POST', `${PUB}/articles/green-bin/feedback`, { lang: 'en', helpful: true, comment: 'x'.repeat(1001) }))).toMatchObject({
        code: 'validation_failed',
        field: 'comment',
      });

      const cols = [
        ...Object.keys(await t.db.selectFrom('kb_searches').selectAll().executeTakeFirstOrThrow()),
        ...Object.keys(await t.db.selectFrom('kb_feedback').selectAll().executeTakeFirstOrThrow()),
      ];
      expect(cols.filter((c) => /ip|addr|agent|cookie|session|user/i.test(c))).toEqual([]);

      const today = new Date().toISOString().slice(0, 10);
      const res = await get(`${STAFF}/insight?from=${today}&to=${today}`, viewer);
      expect(res.status).toBe(200);
      const ins = await json<{
        totalSearches: number;
        topSearches: { query: string; lang: string; count: number }[];
        noResultSearches: { query: string; lang: string; count: number }[];
        articles: { id: string; lang: string; views: number; helpful: number; unhelpful: number; comments: { text: string; helpful: boolean }[] }[];
      }>(res);
      expect(ins.totalSearches).toBe(6);
      expect(ins.topSearches.slice(0, 3)).toEqual([
        { query: 'garbage day', lang: 'en', count: 3 },
        { query: 'chevres en ville', lang: 'fr', count: 2 },
        { query: 'dog licence', lang: 'en', count: 1 },
      ]);
      expect(ins.noResultSearches).toEqual([{ query: 'chevres en ville', lang: 'fr', count: 2 }]);
      expect(ins.articles[0]).toMatchObject({ id: sb.id, lang: 'fr', helpful: 0, unhelpful: 1 });
      const green = ins.articles.find((a) => a.id === 'green-bin' && a.lang === 'en')!;
      expect(green).toMatchObject({ helpful: 1, unhelpful: 1, comments: [{ text: 'Says nothing about pizza boxes', helpful: false }] });
      expect(green.views).toBeGreaterThan(0);
      const yesterday = new Date(Date.now() - 86400000).toISOString().slice(0, 10);
      const empty = await json<{ totalSearches: number; articles: unknown[] }>(await get(`${STAFF}/insight?from=${yesterday}&to=${yesterday}`, viewer));
      expect(empty).toMatchObject({ totalSearches: 0, articles: [] });
      expect(await errorOf(await get(`${STAFF}/insight?from=${today}&to=${yesterday}`, viewer))).toMatchObject({ field: 'from' });
      expect(await errorOf(await get(`${STAFF}/insight?from=yesterday`, viewer))).toMatchObject({ field: 'from' });
    });

    it('limits feedback per address with the shared rate limit', async () => {
      let status = 204;
      let n = 0;
      while (status === 204 && n < 20) {
        status = (await send('POST', `${PUB}/articles/green-bin/feedback`, { lang: 'en', helpful: true })).status;
        n++;
      }
      expect(status).toBe(429);
      expect(n).toBeLessThanOrEqual(11);
      const res = await send('POST', `${PUB}/articles/green-bin/feedback`, { lang: 'fr', helpful: true });
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      // The limit is counted in the database (so it holds across instances); feedback rows hold no address.
      const keys = (await t.db.selectFrom('rate_limit_buckets').select('key').where('key', 'like', 'kbfeedback:%').execute()).map((r) => r.key);
      expect(keys.length).toBeGreaterThan(0);
      for (const k of keys) expect(k).toMatch(/^kbfeedback:testville:/);
      const feedback = JSON.stringify(await t.db.selectFrom('kb_feedback').selectAll().execute());
      expect(feedback).not.toMatch(/\d+\.\d+\.\d+\.\d+|::1|127\.0\.0\.1/);
    });
  });
}
