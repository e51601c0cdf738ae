// The inbox: filters, search and sort kept in the URL (Back returns to the previous view), keyset
// pages, overdue requests flagged in words, followers, empty and error states; axe in EN and FR.
import { expect, waitUntil } from '@open-wc/testing';
import { $, $$, apiError, stubFetch, type } from '../../core/test/fetch-stub.ts';
import type { FetchStub, StubRequest } from '../../core/test/fetch-stub.ts';
import { inboxItem, inboxPage } from './inbox-fixtures.ts';
import { adminSession, openConsole, resetPage, screenOf, towns } from './support.ts';

const INBOX = 'GET /staff/towns/lakeview/inbox';
const lastInboxCall = (stub: FetchStub): StubRequest => stub.calls.filter((c) => c.url.pathname.endsWith('/inbox')).at(-1)!;

describe('inbox screen', () => {
  let stub: FetchStub;
  beforeEach(() => {
    stub = stubFetch()
      .on('GET /auth/session', { status: 200, body: adminSession })
      .on('GET /towns', { status: 200, body: towns })
      .on('GET /staff/towns/lakeview/departments', { status: 200, body: { departments: [{ id: 'roads', name: { en: 'Roads', fr: 'Voirie' } }] } })
      .on('GET /staff/towns/lakeview/service-targets', { status: 200, body: { services: [{ code: 'pothole', name: { en: 'Pothole', fr: 'Nid-de-poule' }, ackTargetHours: 24, targetDays: 7 }] } })
      .on('GET /staff/towns/lakeview/assignees', { status: 200, body: { staff: [{ id: 'u2', name: 'Sam Agent', role: 'agent' }] } })
      .on(INBOX, (req) => {
        const q = req.url.searchParams;
        if (q.get('q') === 'nothing') return { status: 200, body: inboxPage([]) };
        if (q.get('cursor') === 'c2') return { status: 200, body: inboxPage([inboxItem('LKV-33CC-44DD')], { total: null }) };
        return {
          status: 200,
          body: inboxPage(
            [
              inboxItem('LKV-11AA-22BB', { overdue: true, followers: 3, assignee: { id: 'u2', name: 'Sam Agent' } }),
              inboxItem('LKV-7K4Q-2M9X', { status: 'received', ackOverdue: true, dueAt: null, department: null }),
            ],
            { total: 51, nextCursor: 'c2' },
          ),
        };
      });
  });
  afterEach(() => {
    stub.restore();
    resetPage();
  });

  for (const lang of ['en', 'fr']) {
    it(`is accessible with results, with none and after an error (${lang})`, async () => {
      const app = await openConsole('/staff/inbox', lang);
      const screen = await screenOf(app, 'muni-staff-inbox', 'table');
      await waitUntil(() => $$(screen, '#inbox-department option').length === 2, 'departments not loaded');
      await expect(app).to.be.accessible();
      type($<HTMLInputElement>(screen, '#inbox-q'), 'nothing');
      $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
      await waitUntil(() => $$(screen, 'tbody tr').length === 1 && $(screen, 'tbody td[colspan]'), 'no empty state');
      await expect(app).to.be.accessible();
      stub.on(INBOX, { status: 500, body: { error: { code: 'internal', message: 'boom' } } });
      $<HTMLButtonElement>(screen, '.actions .button--secondary').click();
      await waitUntil(() => screen.shadowRoot!.querySelector('[role="alert"]'), 'no error');
      await expect(app).to.be.accessible();
    });
  }

  it('lists requests with overdue flags in words, followers and a count announced politely', async () => {
    const app = await openConsole('/staff/inbox');
    const screen = await screenOf(app, 'muni-staff-inbox', 'table');
    const rows = $$(screen, 'tbody tr');
    expect(rows).to.have.length(2);
    expect(rows[0]!.querySelector('.due')!.textContent).to.contain('Overdue');
    expect(rows[0]!.querySelector('.followers')!.textContent!.trim()).to.equal('3');
    expect(rows[0]!.querySelector('.assignee')!.textContent).to.contain('Sam Agent');
    expect(rows[1]!.querySelector('.status')!.textContent).to.contain('Not acknowledged in time');
    expect(rows[1]!.querySelector('.due')!.textContent).to.contain('No target');
    expect(rows[1]!.querySelector('.department')!.textContent).to.contain('None');
    await waitUntil(() => $(screen, '[role="status"][aria-live="polite"]').textContent?.includes('51 requests for Township of Lakeview'), 'count not announced');
  });

  it('keeps the filters in the URL, sends them to the server, and Back returns to the previous view', async () => {
    const app = await openConsole('/staff/inbox');
    const screen = await screenOf(app, 'muni-staff-inbox', 'table');
    await waitUntil(() => $$(screen, '#inbox-assignee option').length === 4, 'assignees not loaded');
    type($<HTMLInputElement>(screen, '#inbox-q'), ' school ');
    type($<HTMLSelectElement>(screen, '#inbox-status'), 'open');
    type($<HTMLSelectElement>(screen, '#inbox-department'), 'roads');
    type($<HTMLSelectElement>(screen, '#inbox-service'), 'pothole');
    type($<HTMLSelectElement>(screen, '#inbox-priority'), 'urgent');
    type($<HTMLSelectElement>(screen, '#inbox-assignee'), 'me');
    type($<HTMLSelectElement>(screen, '#inbox-sort'), 'due');
    type($<HTMLInputElement>(screen, '#inbox-from'), '2026-11-01');
    type($<HTMLInputElement>(screen, '#inbox-to'), '2026-11-30');
    $<HTMLInputElement>(screen, '#inbox-overdue').click();
    $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
    await waitUntil(() => lastInboxCall(stub).url.searchParams.get('q') === 'school', 'filters not sent');
    const sent = lastInboxCall(stub).url.searchParams;
    expect(Object.fromEntries([...sent].filter(([k]) => !['from', 'to'].includes(k)))).to.deep.equal({
      q: 'school', status: 'open', department: 'roads', service: 'pothole', priority: 'urgent', assignee: 'me', overdue: 'true', sort: 'due',
    });
    expect(new Date(sent.get('from')!).getTime()).to.equal(new Date('2026-11-01T00:00:00').getTime());
    expect(new Date(sent.get('to')!).getTime()).to.equal(new Date('2026-12-01T00:00:00').getTime() - 1);
    const url = new URLSearchParams(location.search);
    expect(location.pathname).to.equal('/staff/inbox');
    expect(Object.fromEntries(url)).to.deep.equal({
      q: 'school', status: 'open', department: 'roads', service: 'pothole', priority: 'urgent', assignee: 'me', overdue: 'true', from: '2026-11-01', to: '2026-11-30', sort: 'due',
    });

    // A bookmarked view opens with its filters chosen.
    app.remove();
    const again = await openConsole(`/staff/inbox?${url.toString()}`);
    const reopened = await screenOf(again, 'muni-staff-inbox', 'table');
    expect($<HTMLSelectElement>(reopened, '#inbox-status').value).to.equal('open');
    expect($<HTMLInputElement>(reopened, '#inbox-q').value).to.equal('school');
    expect($<HTMLInputElement>(reopened, '#inbox-overdue').checked).to.equal(true);
    expect(lastInboxCall(stub).url.searchParams.get('sort')).to.equal('due');

    $<HTMLButtonElement>(reopened, '.actions .button--secondary').click(); // Clear filters
    await waitUntil(() => location.search === '', 'filters not cleared');
    await waitUntil(() => !lastInboxCall(stub).url.searchParams.get('q'), 'cleared view not loaded');
    history.back();
    await waitUntil(() => new URLSearchParams(location.search).get('q') === 'school', 'Back did not return');
    await waitUntil(() => lastInboxCall(stub).url.searchParams.get('q') === 'school', 'previous view not loaded again');
    await waitUntil(() => $<HTMLSelectElement>(reopened, '#inbox-status').value === 'open', 'filters not shown again');
  });

  it('pages with the keyset cursor, forwards and back', async () => {
    const app = await openConsole('/staff/inbox?status=open');
    const screen = await screenOf(app, 'muni-staff-inbox', 'table');
    $$<HTMLButtonElement>(screen, 'nav.paging button').find((b) => b.textContent?.includes('Next page'))!.click();
    await waitUntil(() => $(screen, 'tbody tr').textContent?.includes('LKV-33CC-44DD'), 'next page not shown');
    expect(new URLSearchParams(location.search).get('cursor')).to.equal('c2');
    expect(lastInboxCall(stub).url.searchParams.get('status')).to.equal('open');
    expect($(screen, 'caption').textContent).to.contain('51 requests for Township of Lakeview — page 2, 1 shown');
    const previous = $$<HTMLButtonElement>(screen, 'nav.paging button').find((b) => b.textContent?.includes('Previous page'))!;
    previous.click();
    await waitUntil(() => $$(screen, 'tbody tr').length === 2, 'first page not shown again');
    expect(location.search).to.equal('?status=open');
    // Back returns to the second page, which still knows its previous page.
    history.back();
    await waitUntil(() => $(screen, 'tbody tr').textContent?.includes('LKV-33CC-44DD'), 'Back did not return to page 2');
    expect($$(screen, 'nav.paging button').map((b) => b.textContent?.trim())).to.deep.equal(['Previous page']);
  });

  it('opens a request’s page from its reference', async () => {
    stub.on('GET /staff/towns/lakeview/requests/LKV-11AA-22BB', apiError(404, 'not_found', 'There is no request with this reference in your departments.'));
    const app = await openConsole('/staff/inbox');
    const screen = await screenOf(app, 'muni-staff-inbox', 'table');
    $<HTMLAnchorElement>(screen, 'tbody a').click();
    const page = await screenOf(app, 'muni-staff-request-page', '[role="alert"]');
    expect(location.pathname + location.search).to.equal('/staff/inbox/request?ref=LKV-11AA-22BB');
    expect($(page, '[role="alert"]').textContent).to.contain('There is no request LKV-11AA-22BB in your departments.');
    await expect(app).to.be.accessible();
  });
});
