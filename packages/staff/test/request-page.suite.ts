// A request's page: what the resident sent, the history with internal notes marked, and the work on
// it — changes with the version and CSRF token, public notes in EN/FR (a missing language said),
// internal notes, templates, merge, reopen, server refusals in the error summary, and the "someone
// else changed this request" notice that keeps what was typed; axe in EN and FR on each state.
import { expect, waitUntil } from '@open-wc/testing';
import { $, $$, apiError, deepActiveElement, stubFetch, type } from '../../core/test/fetch-stub.ts';
import type { FetchStub } from '../../core/test/fetch-stub.ts';
import type { StaffRequestDetail } from '@munikit/core';
import { detail, event } from './inbox-fixtures.ts';
import { adminSession, openConsole, resetPage, screenOf, towns } from './support.ts';

const REQ = '/staff/towns/lakeview/requests/LKV-7K4Q2-M9XCR';
const PATH = '/staff/inbox/request?ref=LKV-7K4Q2-M9XCR';
const button = (screen: Element, text: string) => $$<HTMLButtonElement>(screen, 'button').find((b) => b.textContent?.trim() === text)!;

describe('request page', () => {
  let stub: FetchStub;
  let current: StaffRequestDetail;
  beforeEach(() => {
    current = detail();
    stub = stubFetch()
      .on('GET /auth/session', { status: 200, body: adminSession })
      .on('GET /towns', { status: 200, body: towns })
      .on(`GET ${REQ}`, () => ({ status: 200, body: current }))
      .on('GET /staff/towns/lakeview/departments', { status: 200, body: { departments: [{ id: 'roads', name: { en: 'Roads', fr: 'Voirie' } }, { id: 'parks', name: { en: 'Parks', fr: 'Parcs' } }] } })
      .on('GET /staff/towns/lakeview/assignees', { status: 200, body: { staff: [{ id: 'u1', name: 'Pat Clerk', role: 'admin' }, { id: 'u2', name: 'Sam Agent', role: 'agent' }] } })
      .on('GET /staff/towns/lakeview/response-templates', (req) => ({
        status: 200,
        body: { templates: req.url.searchParams.get('service') === 'pothole' ? [{ id: 't1', serviceCode: 'pothole', name: 'Crew booked', textEn: 'A crew is booked.', textFr: 'Une équipe est prévue.' }] : [] },
      }));
  });
  afterEach(() => {
    stub.restore();
    resetPage();
  });

  for (const lang of ['en', 'fr']) {
    it(`is accessible loaded, with a problem and with a conflict (${lang})`, async () => {
      const app = await openConsole(PATH, lang);
      const screen = await screenOf(app, 'muni-staff-request-page', 'dl');
      await waitUntil(() => $$(screen, '#note-template option').length === 2, 'templates not loaded');
      await expect(app).to.be.accessible();
      button(screen, lang === 'en' ? 'Add note' : 'Ajouter la note').click();
      await waitUntil(() => deepActiveElement()?.id === 'error-summary', 'summary not focused');
      await expect(app).to.be.accessible();
      stub.on(`PATCH ${REQ}`, { status: 409, body: { error: { code: 'conflict', message: 'Someone else' }, current: { ...current, version: 4, priority: 'high' } } });
      type($<HTMLSelectElement>(screen, '#change-status'), 'acknowledged');
      $<HTMLFormElement>(screen, 'form[aria-labelledby="change-heading"]').requestSubmit();
      await waitUntil(() => deepActiveElement()?.id === 'conflict', 'conflict not focused');
      await expect(app).to.be.accessible();
    });
  }

  it('shows everything the resident sent, the followers, the overdue flag and the history with internal notes marked', async () => {
    const app = await openConsole(PATH);
    const screen = await screenOf(app, 'muni-staff-request-page', 'dl');
    expect($(screen, 'h1').textContent).to.equal('Request LKV-7K4Q2-M9XCR');
    const description = $(screen, '.description');
    expect(description.textContent).to.equal('Deep hole by the school.\n<b>Not bold</b>');
    expect(description.querySelector('b')).to.equal(null);
    const sent = $(screen, 'section[aria-labelledby="sent-heading"]').textContent!;
    expect(sent).to.contain('How big is it?').and.contain('Larger than a tire').and.contain('45.12346, -75.65432').and.contain('Sam Resident, sam@example.ca');
    const img = $<HTMLImageElement>(screen, '.photos img');
    expect(new URL(img.src).pathname).to.equal(`/api/v1${REQ}/photos/ph1`);
    expect(img.alt).to.equal('Photo 1 of 1 sent by the resident');
    const map = $$<HTMLAnchorElement>(screen, 'a').find((a) => a.href.startsWith('https://www.openstreetmap.org/'))!;
    expect(map.textContent).to.equal('Open 12 Lake Rd on OpenStreetMap');
    const summary = $(screen, 'section[aria-labelledby="summary-heading"]').textContent!;
    expect(summary).to.contain('2 residents follow this request').and.contain('Overdue');
    const history = $$(screen, 'ol.history li');
    expect(history).to.have.length(3);
    expect(history[1]!.textContent).to.contain('Internal note').and.contain('Staff only').and.contain('Crew says next week');
    expect(history[2]!.textContent).to.contain('We will fix it').and.contain('French text missing');
  });

  it('changes status, priority, department and assignee with the version and the CSRF token; a public note goes with it', async () => {
    let body: unknown;
    stub.on(`PATCH ${REQ}`, (req) => {
      if (req.headers.get('X-CSRF-Token') !== 'csrf-123') return apiError(403, 'csrf_failed', 'CSRF');
      body = req.body;
      current = { ...current, version: 4, status: 'in_progress', priority: 'high', department: { id: 'parks', name: { en: 'Parks', fr: 'Parcs' } }, assignee: { id: 'u2', name: 'Sam Agent' } };
      return { status: 200, body: current };
    });
    const app = await openConsole(PATH);
    const screen = await screenOf(app, 'muni-staff-request-page', 'dl');
    await waitUntil(() => $$(screen, '#change-assignee option').length === 3, 'assignees not loaded');
    type($<HTMLSelectElement>(screen, '#change-status'), 'in_progress');
    type($<HTMLSelectElement>(screen, '#change-priority'), 'high');
    type($<HTMLSelectElement>(screen, '#change-department'), 'parks');
    type($<HTMLSelectElement>(screen, '#change-assignee'), 'u2');
    type($<HTMLTextAreaElement>(screen, '#change-en'), 'Crew on the way');
    await waitUntil(() => $(screen, 'form[aria-labelledby="change-heading"]').textContent?.includes('There is no French text'), 'missing French not said');
    button(screen, 'Save changes').click();
    await waitUntil(() => $(screen, '[role="status"]').textContent?.includes('Changes saved.'), 'not saved');
    expect(body).to.deep.equal({ version: 3, status: 'in_progress', priority: 'high', departmentId: 'parks', assigneeUserId: 'u2', note: { en: 'Crew on the way' } });
    expect($(screen, 'section[aria-labelledby="summary-heading"]').textContent).to.contain('In progress').and.contain('Sam Agent').and.contain('Parks');
    expect($<HTMLTextAreaElement>(screen, '#change-en').value).to.equal('');
  });

  it('adds a public note from a template in both languages, and an internal note marked staff only', async () => {
    const bodies: unknown[] = [];
    stub.on(`POST ${REQ}/notes`, (req) => {
      bodies.push(req.body);
      current = { ...current, version: current.version + 1, events: [...current.events, event(`n${bodies.length}`, { type: 'public_note' })] };
      return { status: 200, body: current };
    });
    const app = await openConsole(PATH);
    const screen = await screenOf(app, 'muni-staff-request-page', 'dl');
    await waitUntil(() => $$(screen, '#note-template option').length === 2, 'templates not loaded');
    type($<HTMLSelectElement>(screen, '#note-template'), 't1');
    await waitUntil(() => !button(screen, 'Insert template').disabled, 'insert not enabled');
    button(screen, 'Insert template').click();
    await waitUntil(() => $<HTMLTextAreaElement>(screen, '#note-fr').value === 'Une équipe est prévue.', 'template not inserted');
    expect($<HTMLTextAreaElement>(screen, '#note-en').value).to.equal('A crew is booked.');
    button(screen, 'Add note').click();
    await waitUntil(() => bodies.length === 1, 'note not sent');
    expect(bodies[0]).to.deep.equal({ version: 3, visibility: 'public', en: 'A crew is booked.', fr: 'Une équipe est prévue.' });
    await waitUntil(() => $(screen, '[role="status"]').textContent?.includes('Note added.'), 'no confirmation');

    $<HTMLInputElement>(screen, 'input[name="note-kind"][value="internal"]').click();
    await waitUntil(() => screen.shadowRoot!.querySelector('#note-internal'), 'no internal field');
    expect($(screen, '.internal-note').textContent).to.contain('Staff only').and.contain('never on the tracker');
    type($<HTMLTextAreaElement>(screen, '#note-internal'), 'Resident is the mayor’s cousin');
    button(screen, 'Add note').click();
    await waitUntil(() => bodies.length === 2, 'internal note not sent');
    expect(bodies[1]).to.deep.equal({ version: 4, visibility: 'internal', text: 'Resident is the mayor’s cousin' });
  });

  it('tells the agent someone else changed the request, keeps what was typed, and applies it again on the new version', async () => {
    const sent: { version: number }[] = [];
    stub.on(`POST ${REQ}/notes`, (req) => {
      sent.push(req.body as { version: number });
      if ((req.body as { version: number }).version === 3) {
        current = {
          ...current, version: 5, status: 'in_progress', assignee: { id: 'u2', name: 'Sam Agent' },
          events: [...current.events, event('x1', { type: 'status_changed', status: 'in_progress' }), event('x2', { type: 'assigned', visibility: 'internal', status: null })],
        };
        return { status: 409, body: { error: { code: 'conflict', message: 'Someone else changed this request' }, current } };
      }
      current = { ...current, version: 6 };
      return { status: 200, body: current };
    });
    const app = await openConsole(PATH);
    const screen = await screenOf(app, 'muni-staff-request-page', 'dl');
    type($<HTMLTextAreaElement>(screen, '#note-en'), 'Fixed tomorrow');
    type($<HTMLTextAreaElement>(screen, '#note-fr'), 'Réparé demain');
    button(screen, 'Add note').click();
    await waitUntil(() => deepActiveElement()?.id === 'conflict', 'conflict not shown');
    const notice = $(screen, '#conflict').textContent!;
    expect(notice).to.contain('Someone else changed this request').and.contain('Status: Received → In progress').and.contain('Assigned to: Nobody → Sam Agent').and.contain('2 new entries in the history');
    expect($<HTMLTextAreaElement>(screen, '#note-en').value).to.equal('Fixed tomorrow');
    expect($<HTMLTextAreaElement>(screen, '#note-fr').value).to.equal('Réparé demain');
    expect($(screen, 'section[aria-labelledby="summary-heading"]').textContent).to.contain('In progress');
    button(screen, 'Apply my change again').click();
    await waitUntil(() => $(screen, '[role="status"]').textContent?.includes('Note added.'), 'not applied again');
    expect(sent.map((s) => s.version)).to.deep.equal([3, 5]);
    expect(screen.shadowRoot!.querySelector('#conflict')).to.equal(null);
  });

  it('shows a server refusal in the error summary, linked to the field', async () => {
    stub.on(`POST ${REQ}/merge`, apiError(400, 'validation_failed', 'Enter the reference of another request of this town.', [{ field: 'intoReference', message: 'Enter the reference of another request of this town.' }]));
    const app = await openConsole(PATH);
    const screen = await screenOf(app, 'muni-staff-request-page', 'dl');
    type($<HTMLInputElement>(screen, '#merge-into'), 'LKV-NOPE');
    button(screen, 'Merge').click();
    await waitUntil(() => deepActiveElement()?.id === 'error-summary', 'summary not focused');
    $<HTMLAnchorElement>(screen, '#error-summary a[href="#merge-into"]').click();
    expect(deepActiveElement()?.id).to.equal('merge-into');
    expect($<HTMLInputElement>(screen, '#merge-into').getAttribute('aria-invalid')).to.equal('true');
  });

  it('merges as a duplicate, then reopens a closed request with a note', async () => {
    let merged: unknown;
    let reopened: unknown;
    stub
      .on(`POST ${REQ}/merge`, (req) => {
        merged = req.body;
        current = { ...current, version: 4, status: 'duplicate', events: [...current.events, event('m', { type: 'merged', status: 'duplicate', details: { intoReference: 'LKV-11AA-22BB' } })] };
        return { status: 200, body: current };
      })
      .on(`POST ${REQ}/reopen`, (req) => {
        reopened = req.body;
        current = { ...current, version: 6, status: 'in_progress' };
        return { status: 200, body: current };
      });
    const app = await openConsole(PATH);
    const screen = await screenOf(app, 'muni-staff-request-page', 'dl');
    type($<HTMLInputElement>(screen, '#merge-into'), 'lkv-11aa-22bb');
    button(screen, 'Merge').click();
    await waitUntil(() => $(screen, '[role="status"]').textContent?.includes('Merged as a duplicate of LKV-11AA-22BB.'), 'not merged');
    expect(merged).to.deep.equal({ version: 3, intoReference: 'lkv-11aa-22bb' });
    expect($(screen, 'ol.history').textContent).to.contain('Duplicate of LKV-11AA-22BB');
    expect(screen.shadowRoot!.querySelector('#merge-into')).to.equal(null);

    type($<HTMLTextAreaElement>(screen, '#reopen-fr'), 'Ce n’était pas un doublon');
    await waitUntil(() => $(screen, 'form[aria-labelledby="reopen-heading"]').textContent?.includes('There is no English text'), 'missing English not said');
    button(screen, 'Reopen').click();
    await waitUntil(() => $(screen, '[role="status"]').textContent?.includes('Request reopened.'), 'not reopened');
    expect(reopened).to.deep.equal({ version: 4, note: { fr: 'Ce n’était pas un doublon' } });
    expect(screen.shadowRoot!.querySelector('#reopen-fr')).to.equal(null);
  });

  it('lets a viewer read the request without the forms', async () => {
    stub.on('GET /auth/session', { status: 200, body: { ...adminSession, towns: [{ id: 'lakeview', role: 'viewer' }] } });
    const app = await openConsole(PATH);
    const screen = await screenOf(app, 'muni-staff-request-page', 'dl');
    expect($$(screen, 'form')).to.have.length(0);
    expect($(screen, 'ol.history').textContent).to.contain('Crew says next week');
  });
});
