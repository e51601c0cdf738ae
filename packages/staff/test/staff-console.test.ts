import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/define.ts';
import type { MuniStaffConsole } from '../src/staff-console.ts';
import { $, $$, apiError, deepActiveElement, stubFetch, type } from '../../core/test/fetch-stub.ts';
import type { FetchStub } from '../../core/test/fetch-stub.ts';

const session = {
  user: { id: 'u1', email: 'clerk@lakeview.ca', name: 'Pat Clerk' },
  csrfToken: 'csrf-123',
  towns: [{ id: 'lakeview', role: 'staff' }],
};

const requests = {
  total: 2,
  page: 1,
  pageSize: 50,
  requests: [
    {
      reference: 'LKV-2026-00002', status: 'received', priority: 'normal', serviceCode: 'pothole',
      serviceName: { en: 'Pothole', fr: 'Nid-de-poule' }, description: 'Big hole', location: { text: '12 Lake Rd', lat: null, lng: null },
      contact: { name: 'Sam Resident', email: 'sam@example.ca', phone: null }, channel: 'web',
      createdAt: '2026-11-22T09:00:00.000Z', updatedAt: '2026-11-22T09:00:00.000Z',
    },
    {
      reference: 'LKV-2026-00001', status: 'in_progress', priority: 'high', serviceCode: 'streetlight',
      serviceName: { en: 'Streetlight out', fr: 'Lampadaire éteint' }, description: 'Dark corner', location: { text: 'Main St & Lake Rd' },
      contact: null, channel: 'web', createdAt: '2026-11-21T09:00:00.000Z', updatedAt: '2026-11-21T10:00:00.000Z',
    },
  ],
};

describe('<muni-staff-console>', () => {
  let stub: FetchStub;
  beforeEach(() => {
    stub = stubFetch()
      .on('GET /auth/session', apiError(401, 'unauthenticated', 'Sign in'))
      .on('POST /auth/login', (req) => {
        const body = req.body as { email: string; password: string };
        return body.password === 'correct horse'
          ? { status: 200, body: session }
          : apiError(401, 'unauthenticated', 'Wrong email or password');
      })
      .on('GET /staff/towns/lakeview/requests', { status: 200, body: requests })
      .on('GET /towns/lakeview', { status: 200, body: { id: 'lakeview', name: { en: 'Township of Lakeview', fr: 'Canton de Lakeview' }, defaultLanguage: 'en' } })
      .on('POST /auth/logout', (req) =>
        req.headers.get('X-CSRF-Token') === 'csrf-123' ? { status: 204 } : apiError(403, 'csrf_failed', 'CSRF'));
  });
  afterEach(() => stub.restore());

  async function signedOut() {
    const el = await fixture<MuniStaffConsole>(html`<muni-staff-console></muni-staff-console>`);
    await waitUntil(() => el.shadowRoot?.querySelector('form[part="sign-in-form"]'), 'no sign-in form');
    return el;
  }

  function signIn(el: MuniStaffConsole, email: string, password: string) {
    type($<HTMLInputElement>(el, '#email'), email);
    type($<HTMLInputElement>(el, '#password'), password);
    $<HTMLButtonElement>(el, 'form[part="sign-in-form"] button[type="submit"]').click();
  }

  it('shows the sign-in form when there is no session', async () => {
    const el = await signedOut();
    expect($(el, '#sign-in-heading').textContent).to.equal('Staff sign in');
    expect($(el, '#password').getAttribute('type')).to.equal('password');
    expect(stub.calls[0]!.credentials).to.equal('same-origin');
    await expect(el).to.be.accessible();
  });

  it('validates empty fields with a focused error summary', async () => {
    const el = await signedOut();
    $<HTMLButtonElement>(el, 'form[part="sign-in-form"] button[type="submit"]').click();
    await waitUntil(() => deepActiveElement()?.id === 'error-summary');
    expect($$(el, '#error-summary a').map((a) => a.getAttribute('href'))).to.deep.equal(['#email', '#password']);
    expect(stub.calls.filter((c) => c.url.pathname.endsWith('/auth/login'))).to.have.length(0);
  });

  it('announces a 401 from a wrong password', async () => {
    const el = await signedOut();
    signIn(el, 'clerk@lakeview.ca', 'wrong');
    await waitUntil(() => deepActiveElement()?.id === 'error-summary', 'summary not focused');
    expect($(el, '#error-summary').getAttribute('role')).to.equal('alert');
    expect($(el, '#error-summary').textContent).to.contain('The email address or password is incorrect');
    await expect(el).to.be.accessible();
  });

  it('signs in, lists the requests in an accessible table, then signs out with the CSRF token', async () => {
    const el = await signedOut();
    const signedIn = oneEvent(el, 'muni-staff-signed-in');
    signIn(el, 'clerk@lakeview.ca', 'correct horse');
    expect((await signedIn).detail).to.deep.equal({ email: 'clerk@lakeview.ca' });
    await waitUntil(() => el.shadowRoot?.querySelector('table'), 'no table');
    await waitUntil(() => deepActiveElement()?.id === 'requests-heading', 'heading not focused');
    await waitUntil(() => $(el, 'caption').textContent?.includes('2 requests for Township of Lakeview'), 'caption without town name');
    expect($$(el, 'th[scope="col"]')).to.have.length(7);
    const rows = $$(el, 'tbody tr');
    expect(rows).to.have.length(2);
    expect(rows[0]!.textContent).to.contain('LKV-2026-00002');
    expect(rows[1]!.textContent).to.contain('Anonymous');
    const list = stub.calls.find((c) => c.url.pathname.endsWith('/requests'))!;
    expect(list.credentials).to.equal('same-origin');
    expect(list.url.searchParams.get('pageSize')).to.equal('50');
    await expect(el).to.be.accessible();

    const out = oneEvent(el, 'muni-staff-signed-out');
    $<HTMLButtonElement>(el, '[part="sign-out-button"]').click();
    await out;
    const logout = stub.calls.find((c) => c.url.pathname.endsWith('/auth/logout'))!;
    expect(logout.method).to.equal('POST');
    expect(logout.headers.get('X-CSRF-Token')).to.equal('csrf-123');
    await waitUntil(() => deepActiveElement()?.id === 'sign-in-heading');
    expect($(el, '.notice').textContent).to.contain('You are signed out.');
  });

  it('resumes an existing session in French and filters by status', async () => {
    stub.on('GET /auth/session', { status: 200, body: session });
    const el = await fixture<MuniStaffConsole>(html`<muni-staff-console lang="fr"></muni-staff-console>`);
    await waitUntil(() => el.shadowRoot?.querySelector('table'), 'no table');
    await waitUntil(() => $(el, 'caption').textContent?.includes('2 demandes pour Canton de Lakeview'), 'caption without town name');
    expect($(el, 'tbody tr').textContent).to.contain('Nid-de-poule');
    expect($(el, '[part="sign-out-button"]').textContent?.trim()).to.equal('Se déconnecter');
    type($<HTMLSelectElement>(el, '#status-filter'), 'resolved');
    $<HTMLButtonElement>(el, '.filters button[type="submit"]').click();
    await waitUntil(() => stub.calls.some((c) => c.url.searchParams.get('status') === 'resolved'));
    await expect(el).to.be.accessible();
  });

  it('returns to sign-in when the session has expired', async () => {
    stub.on('GET /auth/session', { status: 200, body: session })
      .on('GET /staff/towns/lakeview/requests', apiError(401, 'unauthenticated', 'Session expired'));
    const el = await fixture<MuniStaffConsole>(html`<muni-staff-console></muni-staff-console>`);
    await waitUntil(() => el.shadowRoot?.querySelector('form[part="sign-in-form"]'), 'no sign-in form');
    expect($(el, '.notice').textContent).to.contain('Your session has ended');
  });
});
