// The knowledge base in the console (issue 7): list, editor, revisions, categories, insight and the
// staff guidance beside requests, against the stubbed staff API. Every state checked with axe.
import { expect, waitUntil } from '@open-wc/testing';
import { $, $$, apiError, deepActiveElement, stubFetch, type } from '../../core/test/fetch-stub.ts';
import type { FetchStub } from '../../core/test/fetch-stub.ts';
import type { ArticleInput, StaffArticle } from '../src/kb/kb-api.ts';
import { KB, article, categories, diff, insight, revisions, summaries } from './kb-fixtures.ts';
import { detail } from './inbox-fixtures.ts';
import { adminSession, openConsole, resetPage, screenOf, towns } from './support.ts';

const agentSession = { ...adminSession, towns: [{ id: 'lakeview', role: 'agent' as const }] };
const button = (el: Element, text: string) => {
  const found = $$<HTMLButtonElement | HTMLAnchorElement>(el, 'button, a').find((b) => b.textContent?.trim() === text);
  if (!found) throw new Error(`No button "${text}"`);
  return found;
};
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

describe('knowledge base screens', function () {
  this.timeout(30_000); // several states per test, each checked with axe in both languages
  let stub: FetchStub;
  beforeEach(() => {
    sessionStorage.clear();
    stub = stubFetch()
      .on('GET /auth/session', { status: 200, body: adminSession })
      .on('GET /towns', { status: 200, body: towns })
      .on(`GET ${KB}/categories`, { status: 200, body: { categories } })
      .on(`GET ${KB}/articles`, { status: 200, body: { articles: summaries } })
      .on(`GET ${KB}/articles/a1`, { status: 200, body: article })
      .on(`POST ${KB}/preview`, (req) => ({ status: 200, body: { html: `<p>rendered: ${(req.body as { markdown: string }).markdown.length} characters</p>` } }));
  });
  afterEach(() => {
    stub.restore();
    sessionStorage.clear();
    resetPage();
  });

  it('lists articles with their flags and filters, with New article and Edit for an editor', async () => {
    const app = await openConsole('/staff/kb');
    const screen = await screenOf(app, 'muni-staff-kb-articles', 'table');
    expect($$(app, 'nav a').map((a) => a.getAttribute('href'))).to.include.members(['/staff/kb', '/staff/kb/categories', '/staff/kb/insight']);
    const rows = $$(screen, 'tbody tr');
    expect(rows).to.have.length(2);
    expect(rows[0]!.textContent).to.contain('Unpublished changes').and.contain('Review date passed').and.contain('Garbage and recycling');
    expect(rows[1]!.textContent).to.contain('French missing').and.contain('Scheduled').and.contain('Internal: staff only');
    expect(button(screen, 'New article').getAttribute('href')).to.equal('/staff/kb/article');
    expect($(screen, 'a[aria-label="Edit When is garbage day?"]')).to.exist;
    await expect(app).to.be.accessible();

    type($<HTMLInputElement>(screen, '#kb-q'), 'garbage');
    type($<HTMLSelectElement>(screen, '#kb-visibility'), 'internal');
    type($<HTMLSelectElement>(screen, '#kb-missing'), 'fr');
    $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
    await waitUntil(() => stub.calls.some((c) => c.url.searchParams.get('q') === 'garbage'), 'filters not sent');
    const sent = stub.calls.filter((c) => c.url.pathname.endsWith('/kb/articles')).at(-1)!.url.searchParams;
    expect(sent.get('visibility')).to.equal('internal');
    await waitUntil(() => $$(screen, 'tbody tr').length === 1, 'missing-translation filter not applied');
    expect($(screen, 'tbody tr').textContent).to.contain('Taking a pothole call');
  });

  it('is read-only for an agent: internal articles listed, no New article, the article shown without a form', async () => {
    stub.on('GET /auth/session', { status: 200, body: agentSession }).on(`POST ${KB}/preview`, apiError(403, 'forbidden', 'Not allowed'));
    const app = await openConsole('/staff/kb', 'fr');
    const screen = await screenOf(app, 'muni-staff-kb-articles', 'table');
    expect($$(screen, 'a').some((a) => a.textContent?.trim() === 'Nouvel article')).to.equal(false);
    expect($(screen, 'tbody tr:nth-child(2)').textContent).to.contain('Interne');
    expect($(screen, 'a[aria-label="Lire Quand passe le camion des ordures?"]')).to.exist;
    await expect(app).to.be.accessible();
    $<HTMLAnchorElement>(screen, 'a[aria-label="Lire Quand passe le camion des ordures?"]').click();
    const view = await screenOf(app, 'muni-staff-kb-editor', '.readonly');
    expect(location.pathname + location.search).to.equal('/staff/kb/article?id=a1');
    expect($$(view, 'form')).to.have.length(0);
    expect(text(view)).to.contain('Garbage is collected **every Monday**.').and.contain('Traduction française manquante.');
    await expect(app).to.be.accessible();
  });

  it('editor: flags the missing translation, previews through the server, saves the draft with its version', async () => {
    let saved: (ArticleInput & { version: number }) | undefined;
    stub.on(`PUT ${KB}/articles/a1`, (req) => {
      if (req.headers.get('X-CSRF-Token') !== 'csrf-123') return apiError(403, 'csrf_failed', 'CSRF');
      saved = req.body as ArticleInput & { version: number };
      return { status: 200, body: { ...article, ...saved, version: 4, missing: [], unpublishedChanges: true } };
    });
    const app = await openConsole('/staff/kb/article?id=a1');
    const editor = await screenOf(app, 'muni-staff-kb-editor', 'form');
    expect($<HTMLInputElement>(editor, '#en-title').value).to.equal('When is garbage day?');
    expect($<HTMLInputElement>(editor, '#en-keywords').value).to.equal('trash, garbage');
    expect($(editor, '#missing-fr').textContent).to.contain('French translation missing.');
    expect($(editor, '#lang-fr').getAttribute('aria-describedby')).to.equal('missing-fr');
    expect($(editor, '.status').textContent).to.contain('French: not published').and.contain('English: published on');
    await waitUntil(() => $(editor, '#preview-en').textContent?.includes('rendered: 38 characters'), 'no server preview');
    await expect(app).to.be.accessible();

    type($<HTMLTextAreaElement>(editor, '#en-body'), 'Garbage is collected on Mondays.');
    await waitUntil(() => $(editor, '#preview-en').textContent?.includes('rendered: 32 characters'), 'preview not refreshed');
    const previews = stub.calls.filter((c) => c.url.pathname.endsWith('/preview'));
    expect(previews.at(-1)!.body).to.deep.equal({ markdown: 'Garbage is collected on Mondays.' });
    expect(previews.at(-1)!.headers.get('X-CSRF-Token')).to.equal('csrf-123');
    type($<HTMLInputElement>(editor, '#fr-title'), 'Quand passe le camion?');
    type($<HTMLTextAreaElement>(editor, '#fr-body'), 'Le lundi.');
    type($<HTMLInputElement>(editor, '#fr-keywords'), 'ordures, déchets , ');
    expect(sessionStorage.getItem('munikit-kb-draft:lakeview:a1'), 'draft kept locally').to.contain('Le lundi.');
    button(editor, 'Save draft').click();
    await waitUntil(() => $(editor, '[role="status"]').textContent?.includes('Draft saved.'), 'not saved');
    expect(saved).to.deep.include({ version: 3, slug: 'garbage-day', categoryId: 'c1', visibility: 'public', reviewBy: '2027-06-30' });
    expect(saved!.fr).to.deep.equal({ title: 'Quand passe le camion?', summary: '', body: 'Le lundi.', keywords: ['ordures', 'déchets'] });
    expect(saved!.en!.body).to.equal('Garbage is collected on Mondays.');
    expect(sessionStorage.getItem('munikit-kb-draft:lakeview:a1'), 'local draft dropped once saved').to.equal(null);
    expect($$(editor, '#missing-fr')).to.have.length(0);
    await expect(app).to.be.accessible();
  });

  it('editor: a deep link survives sign-in, and text typed before a reload comes back from sessionStorage', async () => {
    sessionStorage.setItem('munikit-kb-draft:lakeview:a1', JSON.stringify({
      version: 3,
      form: { slug: 'garbage-day', categoryId: 'c1', visibility: 'internal', serviceCodes: 'pothole', reviewBy: '2027-06-30',
        en: { title: 'When is garbage day?', summary: 'Collection days by street.', body: 'Typed before the reload.', keywords: 'trash, garbage' },
        fr: { title: '', summary: '', body: '', keywords: '' } },
    }));
    stub.on('GET /auth/session', apiError(401, 'unauthenticated', 'Sign in')).on('POST /auth/login', { status: 200, body: adminSession });
    const app = await openConsole('/staff/kb/article?id=a1');
    const signIn = await screenOf(app, 'muni-staff-sign-in', 'form');
    expect(new URLSearchParams(location.search).get('next')).to.equal('/staff/kb/article?id=a1');
    type($<HTMLInputElement>(signIn, '#email'), 'clerk@lakeview.ca');
    type($<HTMLInputElement>(signIn, '#password'), 'correct horse battery');
    $<HTMLButtonElement>(signIn, 'form button[type="submit"]').click();
    const editor = await screenOf(app, 'muni-staff-kb-editor', 'form');
    expect(location.pathname + location.search).to.equal('/staff/kb/article?id=a1');
    expect($<HTMLTextAreaElement>(editor, '#en-body').value).to.equal('Typed before the reload.');
    expect($<HTMLInputElement>(editor, '#serviceCodes').value).to.equal('pothole');
    expect($(editor, '[role="status"]').textContent).to.contain('unsaved changes from earlier');
    expect($(editor, '.status').textContent).to.contain('Unsaved changes');
    await expect(app).to.be.accessible();
  });

  it('editor: a 409 keeps both texts; keep mine re-saves on the new version, take theirs drops mine', async () => {
    const theirs: StaffArticle = { ...article, version: 5, updatedByName: 'Sam Editor', en: { ...article.en!, body: 'Garbage is collected on Wednesdays (their text).' } };
    const puts: (ArticleInput & { version: number })[] = [];
    stub.on(`PUT ${KB}/articles/a1`, (req) => {
      const body = req.body as ArticleInput & { version: number };
      puts.push(body);
      return body.version === 5
        ? { status: 200, body: { ...theirs, ...body, version: 6 } }
        : { status: 409, body: { error: { code: 'edit_conflict', message: 'Someone else saved this article' }, current: theirs } };
    });
    for (const lang of ['en', 'fr']) {
      const app = await openConsole('/staff/kb/article?id=a1', lang);
      const editor = await screenOf(app, 'muni-staff-kb-editor', 'form');
      type($<HTMLTextAreaElement>(editor, '#en-body'), 'My text: collected on Mondays.');
      $<HTMLButtonElement>(editor, 'form button[type="submit"]').click();
      await waitUntil(() => deepActiveElement()?.id === 'conflict-heading', 'conflict not announced');
      const panel = $(editor, '.conflict');
      expect(panel.textContent).to.contain('(their text)').and.contain('My text: collected on Mondays.');
      expect($<HTMLTextAreaElement>(editor, '#en-body').value, 'what was typed is still in the form').to.equal('My text: collected on Mondays.');
      expect(sessionStorage.getItem('munikit-kb-draft:lakeview:a1')).to.contain('My text');
      await expect(app).to.be.accessible();
      if (lang === 'en') {
        expect($(editor, '#conflict-heading').textContent).to.equal('Someone else saved this article while you were editing');
        $<HTMLButtonElement>(editor, '#keep-mine').click();
        await waitUntil(() => $(editor, '[role="status"]').textContent?.includes('Draft saved.'), 'mine not saved');
        expect(puts.at(-1)!.version).to.equal(5);
        expect(puts.at(-1)!.en!.body).to.equal('My text: collected on Mondays.');
      } else {
        $<HTMLButtonElement>(editor, '#take-theirs').click();
        await waitUntil(() => $$(editor, '.conflict').length === 0, 'conflict still shown');
        expect($<HTMLTextAreaElement>(editor, '#en-body').value).to.equal('Garbage is collected on Wednesdays (their text).');
        expect(sessionStorage.getItem('munikit-kb-draft:lakeview:a1')).to.equal(null);
        await expect(app).to.be.accessible();
      }
      app.remove();
      resetPage();
    }
  });

  it('editor: shows the server’s field errors in the summary, then publishes now and schedules', async () => {
    const publishes: unknown[] = [];
    stub
      .on(`POST ${KB}/articles`, (req) => {
        const body = req.body as ArticleInput;
        return body.slug === 'taken'
          ? apiError(422, 'validation_failed', 'Invalid', [{ field: 'slug', message: 'This slug is already used by another article' }, { field: 'fr.title', message: 'Title is too long' }])
          : { status: 201, body: { ...article, ...body, id: 'a9', version: 1, status: 'draft', published: { en: null, fr: null }, missing: [] } };
      })
      .on(`POST ${KB}/articles/a9/publish`, (req) => {
        publishes.push(req.body);
        const at = (req.body as { publishAt?: string }).publishAt ?? null;
        return { status: 200, body: { ...article, id: 'a9', version: 2, status: 'published', publishAt: at } };
      });
    const app = await openConsole('/staff/kb/article');
    const editor = await screenOf(app, 'muni-staff-kb-editor', 'form');
    expect($(editor, 'h1').textContent).to.equal('New article');
    $<HTMLButtonElement>(editor, 'form button[type="submit"]').click();
    await waitUntil(() => deepActiveElement()?.id === 'error-summary', 'summary not focused');
    expect($$(editor, '#error-summary a').map((a) => a.getAttribute('href'))).to.deep.equal(['#slug', '#en-title']);
    await expect(app).to.be.accessible();

    type($<HTMLInputElement>(editor, '#slug'), 'taken');
    type($<HTMLInputElement>(editor, '#en-title'), 'Snow tire rebate');
    type($<HTMLTextAreaElement>(editor, '#en-body'), 'Apply at the office.');
    type($<HTMLInputElement>(editor, '#fr-title'), 'Remise pour pneus d’hiver');
    type($<HTMLTextAreaElement>(editor, '#fr-body'), 'Présentez-vous au bureau.');
    $<HTMLButtonElement>(editor, 'form button[type="submit"]').click();
    await waitUntil(() => $(editor, '#slug-error').textContent?.includes('This slug is already used by another article'), 'server error not on the field');
    expect($(editor, '#fr-title').getAttribute('aria-invalid')).to.equal('true');
    expect($(editor, '#fr-title-error').textContent).to.contain('Title is too long');
    await expect(app).to.be.accessible();

    type($<HTMLInputElement>(editor, '#slug'), 'snow-tire-rebate');
    button(editor, 'Publish now').click();
    await waitUntil(() => $(editor, '[role="status"]').textContent === 'Published.', 'not published');
    expect(location.search).to.equal('?id=a9');
    expect(publishes[0]).to.deep.equal({ version: 1 });
    type($<HTMLInputElement>(editor, '#publish-at'), '2099-03-01T09:30');
    button(editor, 'Schedule publication').click();
    await waitUntil(() => publishes.length === 2, 'not scheduled');
    expect(publishes[1]).to.deep.equal({ version: 2, publishAt: new Date('2099-03-01T09:30').toISOString() });
    await waitUntil(() => $(editor, '[role="status"]').textContent?.startsWith('Scheduled to publish on'), 'no scheduled notice');
    expect($(editor, '.status').textContent).to.contain('Scheduled');
  });

  it('editor: "Write an article" from insight opens it with the search as title, and leaving unsaved asks first', async () => {
    stub.on(`GET ${KB}/insight`, { status: 200, body: insight });
    const app = await openConsole('/staff/kb/insight');
    const screen = await screenOf(app, 'muni-staff-kb-insight', 'table');
    $<HTMLAnchorElement>(screen, 'a[aria-label="Write an article for “snow tire rebate”"]').click();
    const editor = await screenOf(app, 'muni-staff-kb-editor', 'form');
    await waitUntil(() => $<HTMLInputElement>(editor, '#en-title').value === 'snow tire rebate', 'title not filled');
    expect($<HTMLInputElement>(editor, '#slug').value).to.equal('snow-tire-rebate');
    const confirmed = window.confirm;
    const asked: string[] = [];
    window.confirm = (m?: string) => (asked.push(m ?? ''), false);
    try {
      $$<HTMLAnchorElement>(app, 'nav a').find((a) => a.getAttribute('href') === '/staff/kb/categories')!.click();
      await new Promise((r) => setTimeout(r, 50));
      expect(asked[0]).to.contain('You have unsaved changes');
      expect(location.pathname).to.equal('/staff/kb/article');
    } finally {
      window.confirm = confirmed;
    }
  });

  it('revisions: lists them with the published one marked, shows one, renders a diff with words for colour, restores', async () => {
    let restored: unknown;
    stub
      .on(`GET ${KB}/articles/a1/revisions`, { status: 200, body: { revisions } })
      .on(`GET ${KB}/articles/a1/revisions/r1`, { status: 200, body: { id: 'r1', lang: 'en', number: 1, title: 'Garbage', summary: 'Old', body: 'Tuesdays.', keywords: ['trash'], createdAt: '2026-10-01T12:00:00Z', authorName: null } })
      .on(`GET ${KB}/articles/a1/diff`, { status: 200, body: diff })
      .on(`POST ${KB}/articles/a1/revisions/r1/restore`, (req) => {
        restored = req.body;
        return { status: 200, body: { ...article, version: 4 } };
      });
    for (const lang of ['en', 'fr']) {
      const app = await openConsole('/staff/kb/revisions?id=a1', lang);
      const screen = await screenOf(app, 'muni-staff-kb-revisions', 'table');
      const rows = $$(screen, 'tbody tr');
      expect(rows).to.have.length(3);
      expect(rows[1]!.textContent).to.contain(lang === 'en' ? 'Published' : 'Publiée').and.contain('Sam Editor');
      await expect(app).to.be.accessible();
      $<HTMLButtonElement>(screen, 'form.compare button').click();
      await waitUntil(() => deepActiveElement()?.id === 'diff-heading', 'diff not shown');
      const call = stub.calls.filter((c) => c.url.pathname.endsWith('/diff')).at(-1)!;
      expect([call.url.searchParams.get('from'), call.url.searchParams.get('to')]).to.deep.equal(['r2', 'r3']);
      expect($(screen, '#diff-body del').textContent).to.equal(lang === 'en' ? '[removed: on Tuesdays.\n]' : '[supprimé: on Tuesdays.\n]');
      expect($(screen, '#diff-body ins').textContent).to.contain('**every Monday**.');
      expect($(screen, '#diff-title ins .visually-hidden').textContent).to.equal(lang === 'en' ? '[added: ' : '[ajouté: ');
      expect($(screen, '.summary').textContent).to.equal(lang === 'en' ? '3 additions and 2 removals.' : '3 ajouts et 2 suppressions.');
      await expect(app).to.be.accessible();
      app.remove();
      resetPage();
    }
    const app = await openConsole('/staff/kb/revisions?id=a1');
    const screen = await screenOf(app, 'muni-staff-kb-revisions', 'table');
    $<HTMLButtonElement>(screen, 'button[aria-label^="View revision No. 1"]').click();
    await waitUntil(() => deepActiveElement()?.id === 'shown-heading', 'revision not shown');
    expect($(screen, '.panel pre').textContent).to.equal('Tuesdays.');
    await expect(app).to.be.accessible();
    const confirmed = window.confirm;
    window.confirm = () => true;
    try {
      $<HTMLButtonElement>(screen, 'button[aria-label^="Restore revision No. 1"]').click();
      await waitUntil(() => $(screen, '[role="status"]').textContent?.includes('Revision 1 (English) was restored'), 'not restored');
      expect(restored).to.deep.equal({ version: 3 });
    } finally {
      window.confirm = confirmed;
    }
  });

  it('categories: adds one, explains a 409 category_not_empty, and is read-only for an agent', async () => {
    let added: unknown;
    stub
      .on(`POST ${KB}/categories`, (req) => {
        added = req.body;
        return { status: 201, body: { id: 'c3', slugEn: 'pools', slugFr: 'piscines', nameEn: 'Pools', nameFr: 'Piscines', sort: 3, articleCount: 0 } };
      })
      .on(`DELETE ${KB}/categories/c1`, apiError(409, 'category_not_empty', 'Category has articles'));
    const app = await openConsole('/staff/kb/categories');
    const screen = await screenOf(app, 'muni-staff-kb-categories', 'table');
    expect($$(screen, 'tbody tr')).to.have.length(2);
    await expect(app).to.be.accessible();
    $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
    await waitUntil(() => deepActiveElement()?.id === 'error-summary', 'summary not focused');
    expect($$(screen, '#error-summary a').map((a) => a.getAttribute('href'))).to.deep.equal(['#cat-nameEn', '#cat-nameFr']);
    await expect(app).to.be.accessible();
    type($<HTMLInputElement>(screen, '#cat-nameEn'), 'Pools');
    type($<HTMLInputElement>(screen, '#cat-nameFr'), 'Piscines');
    type($<HTMLInputElement>(screen, '#cat-sort'), '3');
    $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
    await waitUntil(() => $(screen, '[role="status"]').textContent?.includes('The category Pools was added.'), 'not added');
    expect(added).to.deep.equal({ nameEn: 'Pools', nameFr: 'Piscines', sort: 3 });
    await waitUntil(() => $$(screen, 'tbody tr').length === 2, 'list not reloaded');
    const confirmed = window.confirm;
    window.confirm = () => true;
    try {
      $<HTMLButtonElement>(screen, 'button[aria-label="Delete Garbage and recycling"]').click();
      await waitUntil(() => deepActiveElement()?.id === 'error-summary', 'refusal not announced');
      expect($(screen, '#error-summary').textContent).to.contain('still holds 2 articles, so it was not deleted');
      await expect(app).to.be.accessible();
    } finally {
      window.confirm = confirmed;
    }
    app.remove();
    resetPage();

    stub.on('GET /auth/session', { status: 200, body: agentSession });
    const agent = await openConsole('/staff/kb/categories', 'fr');
    const readOnly = await screenOf(agent, 'muni-staff-kb-categories', 'table');
    expect($$(readOnly, 'form')).to.have.length(0);
    expect($$(readOnly, 'tbody button')).to.have.length(0);
    await expect(agent).to.be.accessible();
  });

  it('insight: the last 30 days by default, three tables, a new period on request', async () => {
    stub.on(`GET ${KB}/insight`, { status: 200, body: insight });
    for (const lang of ['en', 'fr']) {
      const app = await openConsole('/staff/kb/insight', lang);
      const screen = await screenOf(app, 'muni-staff-kb-insight', 'table');
      const call = stub.calls.filter((c) => c.url.pathname.endsWith('/insight')).at(-1)!;
      const from = new Date(`${call.url.searchParams.get('from')}T12:00:00`);
      const to = new Date(`${call.url.searchParams.get('to')}T12:00:00`);
      expect(Math.round((to.getTime() - from.getTime()) / 86_400_000)).to.equal(29);
      expect($$(screen, '#top-caption')).to.have.length(1);
      expect($$(screen, 'table')).to.have.length(3);
      expect(text(screen)).to.contain('piscine municipale').and.contain('It does not say what happens on holidays.');
      expect($$(screen, 'a.button').map((a) => a.textContent)).to.deep.equal(lang === 'en' ? ['Write an article', 'Write an article'] : ['Rédiger un article', 'Rédiger un article']);
      await expect(app).to.be.accessible();
      app.remove();
      resetPage();
    }
    const app = await openConsole('/staff/kb/insight');
    const screen = await screenOf(app, 'muni-staff-kb-insight', 'table');
    type($<HTMLInputElement>(screen, '#from'), '2026-12-01');
    type($<HTMLInputElement>(screen, '#to'), '2026-11-01');
    $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
    await waitUntil(() => deepActiveElement()?.id === 'error-summary', 'summary not focused');
    await expect(app).to.be.accessible();
    type($<HTMLInputElement>(screen, '#to'), '2026-12-03');
    $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
    await waitUntil(() => stub.calls.some((c) => c.url.searchParams.get('from') === '2026-12-01' && c.url.searchParams.get('to') === '2026-12-03'), 'period not sent');
  });

  it('shows internal articles of a request’s service as staff guidance beside the request', async () => {
    stub
      .on('GET /staff/towns/lakeview/requests/LKV-7K4Q2-M9XCR', { status: 200, body: detail() })
      .on(`GET ${KB}/articles`, (req) =>
        req.url.searchParams.get('visibility') === 'internal' && req.url.searchParams.get('service') === 'pothole'
          ? { status: 200, body: { articles: [summaries[1]] } }
          : { status: 200, body: { articles: [] } });
    const app = await openConsole('/staff/inbox/request?ref=LKV-7K4Q2-M9XCR');
    const screen = await screenOf(app, 'muni-staff-request-page', 'dl');
    await waitUntil(() => screen.shadowRoot!.querySelector('muni-staff-kb-guidance')?.shadowRoot?.querySelector('details'), 'no guidance');
    const guidance = screen.shadowRoot!.querySelector('muni-staff-kb-guidance')!;
    expect($(guidance, 'summary').textContent).to.equal('Staff guidance (1 article)');
    expect($(guidance, 'a').getAttribute('href')).to.equal('/staff/kb/article?id=a2');
    $(guidance, 'summary').click();
    await expect(app).to.be.accessible();
  });
});
