// The console shell end to end in the browser: session, sign-in, routing, town, language, sign-out.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/define.ts';
import type { MuniStaffApp } from '../src/app/staff-app.ts';
import { LANGUAGE_KEY } from '../src/app/staff-app.ts';
import { $, $$, apiError, deepActiveElement, stubFetch, type } from '../../core/test/fetch-stub.ts';
import type { FetchStub } from '../../core/test/fetch-stub.ts';
import type { StaffSession, Town } from '@munikit/core';
import { inboxItem, inboxPage } from './inbox-fixtures.ts';

const session: StaffSession = {
  next: 'done',
  user: { id: 'u1', email: 'clerk@lakeview.ca', name: 'Pat Clerk', language: null },
  csrfToken: 'csrf-123',
  towns: [{ id: 'lakeview', role: 'admin' }],
  permissions: { admin: ['requests.read'], viewer: ['requests.read'] },
  expiresAt: '2026-11-22T20:00:00.000Z',
};
const twoTowns: StaffSession = { ...session, towns: [{ id: 'lakeview', role: 'admin' }, { id: 'hillcrest', role: 'viewer' }] };

const towns: { towns: Town[] } = {
  towns: [
    { id: 'lakeview', name: { en: 'Township of Lakeview', fr: 'Canton de Lakeview' }, defaultLanguage: 'en', retentionMonths: 12 },
    { id: 'hillcrest', name: { en: 'Village of Hillcrest', fr: 'Village de Hillcrest' }, defaultLanguage: 'en', retentionMonths: 12 },
  ],
};

/** The current screen's element inside the shell. */
const screen = <T extends Element = HTMLElement>(app: Element, tag: string) => app.shadowRoot!.querySelector(tag) as T | null;

describe('<muni-staff-app>', () => {
  let stub: FetchStub;
  const startUrl = location.pathname + location.search;

  beforeEach(() => {
    localStorage.removeItem(LANGUAGE_KEY);
    localStorage.removeItem('munikit-staff-town');
    stub = stubFetch()
      .on('GET /auth/session', apiError(401, 'unauthenticated', 'Sign in'))
      .on('POST /auth/login', (req) => {
        const body = req.body as { email: string; password: string };
        return body.password === 'correct horse' ? { status: 200, body: session } : apiError(401, 'unauthenticated', 'Wrong');
      })
      .on('GET /towns', { status: 200, body: towns })
      .on('GET /staff/towns/lakeview/inbox', { status: 200, body: inboxPage([inboxItem('LKV-7K4Q-2M9X'), inboxItem('LKV-AB3D-EF4G', { assignee: null })]) })
      .on('GET /staff/towns/hillcrest/inbox', { status: 200, body: inboxPage([inboxItem('HIL-22QQ-33RR')]) })
      .on('POST /auth/logout', (req) => (req.headers.get('X-CSRF-Token') === 'csrf-123' ? { status: 204 } : apiError(403, 'csrf_failed', 'CSRF')));
  });
  afterEach(() => {
    stub.restore();
    history.replaceState(null, '', startUrl);
    document.documentElement.lang = 'en';
  });

  async function open(path: string, lang?: string) {
    history.replaceState(null, '', path);
    const el = lang
      ? await fixture<MuniStaffApp>(html`<muni-staff-app lang=${lang}></muni-staff-app>`)
      : await fixture<MuniStaffApp>(html`<muni-staff-app></muni-staff-app>`);
    return el;
  }

  async function signInScreen(el: MuniStaffApp) {
    await waitUntil(() => screen(el, 'muni-staff-sign-in')?.shadowRoot?.querySelector('form'), 'no sign-in form');
    return screen(el, 'muni-staff-sign-in')!;
  }

  async function inbox(el: MuniStaffApp) {
    // The first inbox is a lazy chunk: on a loaded machine it takes longer than waitUntil's default second.
    await waitUntil(() => screen(el, 'muni-staff-inbox')?.shadowRoot?.querySelector('table'), 'no requests table', { timeout: 4000 });
    return screen(el, 'muni-staff-inbox')!;
  }

  function signIn(form: Element, password: string) {
    type($<HTMLInputElement>(form, '#email'), 'clerk@lakeview.ca');
    type($<HTMLInputElement>(form, '#password'), password);
    $<HTMLButtonElement>(form, 'form button[type="submit"]').click();
  }

  it('keeps a deep link through sign-in and lands on it afterwards', async () => {
    const el = await open('/staff/inbox');
    const form = await signInScreen(el);
    expect(location.pathname).to.equal('/staff/sign-in');
    expect(new URLSearchParams(location.search).get('next')).to.equal('/staff/inbox');
    expect(document.title).to.contain('Sign in');
    await expect(el).to.be.accessible();

    signIn(form, 'correct horse');
    const list = await inbox(el);
    expect(location.pathname).to.equal('/staff/inbox');
    await waitUntil(() => deepActiveElement()?.id === 'screen-heading', 'screen heading not focused');
    await waitUntil(() => $(list, 'caption').textContent?.includes('2 requests for Township of Lakeview'), 'caption without town name');
    expect($$(list, 'tbody tr')).to.have.length(2);
    expect($(list, 'tbody tr:nth-child(2)').textContent).to.contain('Nobody');
    expect($(list, 'tbody th[scope="row"]').textContent).to.contain('LKV-7K4Q-2M9X');
    expect($(el, 'nav a[aria-current="page"]').getAttribute('href')).to.equal('/staff/inbox');
    expect(document.title).to.equal('Requests — MuniKit staff console');
    await expect(el).to.be.accessible();
  });

  it('shows a focused error summary for a wrong password and empty fields', async () => {
    const el = await open('/staff');
    const form = await signInScreen(el);
    $<HTMLButtonElement>(form, 'form button[type="submit"]').click();
    await waitUntil(() => deepActiveElement()?.id === 'error-summary', 'summary not focused');
    expect($$(form, '#error-summary a').map((a) => a.getAttribute('href'))).to.deep.equal(['#email', '#password']);
    expect($(form, '#error-summary [role="alert"]')).to.exist;
    $<HTMLAnchorElement>(form, '#error-summary a[href="#password"]').click();
    expect(deepActiveElement()?.id).to.equal('password');
    signIn(form, 'wrong');
    await waitUntil(() => $(form, '#error-summary').textContent?.includes('The email address or password is incorrect'));
    await expect(el).to.be.accessible();
  });

  it('resumes a session, switches town and language, and remembers the language', async () => {
    stub.on('GET /auth/session', { status: 200, body: twoTowns });
    const el = await open('/staff/');
    let list = await inbox(el);
    expect(location.pathname).to.equal('/staff/inbox');
    type($<HTMLSelectElement>(el, '#town'), 'hillcrest');
    await waitUntil(() => $(list, 'caption').textContent?.includes('1 request for Village of Hillcrest'), 'town not switched');
    expect(localStorage.getItem('munikit-staff-town')).to.equal('hillcrest');

    $<HTMLButtonElement>(el, 'header button[lang="fr"]').click();
    await waitUntil(() => $(list, 'caption').textContent?.includes('1 demande pour Village de Hillcrest'), 'not in French');
    expect(localStorage.getItem(LANGUAGE_KEY)).to.equal('fr');
    expect(document.documentElement.lang).to.equal('fr');
    expect($(el, 'nav a').textContent).to.equal('Demandes');
    expect(document.title).to.contain('Console du personnel');
    await expect(el).to.be.accessible();

    // A new visit starts in the remembered language.
    el.remove();
    const again = await open('/staff/inbox');
    list = await inbox(again);
    expect(again.getAttribute('lang')).to.equal('fr');
    await expect(again).to.be.accessible();
  });

  it('filters by status with @lit/task reloading the list', async () => {
    stub.on('GET /auth/session', { status: 200, body: session });
    const el = await open('/staff/inbox');
    const list = await inbox(el);
    type($<HTMLSelectElement>(list, '#inbox-status'), 'resolved');
    $<HTMLButtonElement>(list, '.filters button[type="submit"]').click();
    await waitUntil(() => stub.calls.some((c) => c.url.searchParams.get('status') === 'resolved'), 'no filtered call');
  });

  it('goes home from an unknown console path', async () => {
    stub.on('GET /auth/session', { status: 200, body: session });
    const el = await open('/staff/nothing-here');
    await inbox(el);
    expect(location.pathname).to.equal('/staff/inbox');
  });

  it('signs out with the CSRF token and shows sign-in with a notice', async () => {
    stub.on('GET /auth/session', { status: 200, body: session });
    const el = await open('/staff/inbox');
    await inbox(el);
    const out = oneEvent(el, 'muni-staff-signed-out');
    $$<HTMLButtonElement>(el, 'header button').find((b) => b.textContent?.trim() === 'Sign out')!.click();
    await out;
    expect(stub.calls.find((c) => c.url.pathname.endsWith('/auth/logout'))!.headers.get('X-CSRF-Token')).to.equal('csrf-123');
    const form = await signInScreen(el);
    expect($(form, '.notice').textContent).to.contain('You are signed out.');
    expect(location.pathname).to.equal('/staff/sign-in');
  });

  it('returns to sign-in when the session expires, and back to the screen after', async () => {
    stub.on('GET /auth/session', { status: 200, body: session }).on('GET /staff/towns/lakeview/inbox', apiError(401, 'unauthenticated', 'Expired'));
    const el = await open('/staff/inbox');
    const form = await signInScreen(el);
    expect($(form, '.notice').textContent).to.contain('Your session has ended');
    expect(new URLSearchParams(location.search).get('next')).to.equal('/staff/inbox');
  });

  it('lays the table out for a phone: a scrolling region with the header row kept in view', async () => {
    stub.on('GET /auth/session', { status: 200, body: session });
    const el = await open('/staff/inbox');
    el.style.width = '390px';
    const list = await inbox(el);
    const region = $(list, '.data-table');
    expect(region.getAttribute('role')).to.equal('region');
    expect(region.getAttribute('tabindex')).to.equal('0');
    expect(getComputedStyle(region).overflowX).to.equal('auto');
    expect(getComputedStyle($(list, 'thead th')).position).to.equal('sticky');
    expect(region.scrollWidth).to.be.greaterThan(region.clientWidth);
    await expect(el).to.be.accessible();
  });
});
