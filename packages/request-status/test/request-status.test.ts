import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/define.ts';
import type { MuniRequestStatus } from '../src/request-status.ts';
import { clearTownCache } from '@munikit/core';
import { $, $$, apiError, deepActiveElement, stubFetch, stubTown, type } from '../../core/test/fetch-stub.ts';
import type { FetchStub } from '../../core/test/fetch-stub.ts';
import type { PublicRequestStatus } from '@munikit/core';

const found = (lang: string): PublicRequestStatus => ({
  reference: 'LKV-2026-00001',
  status: 'in_progress',
  serviceCode: 'pothole',
  serviceName: lang === 'fr' ? 'Nid-de-poule' : 'Pothole',
  createdAt: '2026-11-20T14:00:00.000Z',
  updatedAt: '2026-11-21T15:30:00.000Z',
  expectedDate: '2026-11-27',
  timeline: [
    { type: 'created', status: 'received', note: null, noteLang: null, department: null, intoReference: null, at: '2026-11-20T14:00:00.000Z' },
    { type: 'status_changed', status: 'in_progress', note: null, noteLang: null, department: null, intoReference: null, at: '2026-11-21T15:00:00.000Z' },
    { type: 'public_note', status: null, note: lang === 'fr' ? 'L’équipe des routes passera jeudi.' : 'The roads crew will be there Thursday.', noteLang: lang === 'fr' ? 'fr' : 'en', department: null, intoReference: null, at: '2026-11-21T15:30:00.000Z' },
  ],
});

describe('<muni-request-status>', () => {
  let stub: FetchStub;

  beforeEach(() => {
    clearTownCache();
    stub = stubTown(stubFetch())
      .on('GET /towns/lakeview/requests/LKV-2026-00001', (req) => ({ status: 200, body: found(req.url.searchParams.get('lang') ?? 'en') }))
      .on('GET /towns/lakeview/requests/LKV-2026-99999', apiError(404, 'not_found', 'Request not found'));
  });
  afterEach(() => stub.restore());

  it('looks up a reference and renders the status and timeline', async () => {
    const el = await fixture<MuniRequestStatus>(html`<muni-request-status></muni-request-status>`);
    type($<HTMLInputElement>(el, '#reference'), ' lkv-2026-00001 ');
    const loaded = oneEvent(el, 'muni-request-status-loaded');
    $<HTMLButtonElement>(el, '[part="button"]').click();
    expect((await loaded).detail).to.deep.equal({ reference: 'LKV-2026-00001', status: 'in_progress' });
    await waitUntil(() => deepActiveElement()?.id === 'result-heading', 'heading not focused');
    expect($(el, '[part="status"]').textContent).to.equal('In progress');
    const entries = $$(el, '[part="timeline"] li');
    expect(entries).to.have.length(3);
    expect(entries[0]!.textContent).to.contain('The roads crew will be there Thursday.');
    expect(entries[2]!.textContent).to.contain('Status changed to “Received”');
    expect($(el, '[role="status"]').textContent).to.contain('LKV-2026-00001: In progress');
    await expect(el).to.be.accessible();
  });

  it('explains an unknown reference next to the field', async () => {
    const el = await fixture<MuniRequestStatus>(html`<muni-request-status></muni-request-status>`);
    type($<HTMLInputElement>(el, '#reference'), 'LKV-2026-99999');
    $<HTMLButtonElement>(el, '[part="button"]').click();
    await waitUntil(() => el.shadowRoot?.querySelector('#reference-error'));
    expect($(el, '#reference-error').textContent).to.contain('could not find a request with reference LKV-2026-99999');
    expect($(el, '#reference').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#reference').getAttribute('aria-describedby')).to.contain('reference-error');
    await expect(el).to.be.accessible();
  });

  it('asks for a reference when the box is empty', async () => {
    const el = await fixture<MuniRequestStatus>(html`<muni-request-status></muni-request-status>`);
    $<HTMLButtonElement>(el, '[part="button"]').click();
    await waitUntil(() => el.shadowRoot?.querySelector('#reference-error'));
    expect($(el, '#reference-error').textContent).to.contain('Enter your reference number');
    expect(stub.calls.filter((c) => c.url.pathname.includes('/requests/'))).to.have.length(0);
  });

  it('looks up the reference attribute straight away, in French', async () => {
    const el = await fixture<MuniRequestStatus>(html`<muni-request-status lang="fr" reference="LKV-2026-00001"></muni-request-status>`);
    await waitUntil(() => el.shadowRoot?.querySelector('[part="status"]'));
    expect($(el, '[part="status"]').textContent).to.equal('En cours');
    expect($(el, 'label').textContent).to.equal('Numéro de référence');
    expect($(el, '[part="result"]').textContent).to.contain('Nid-de-poule');
    expect($<HTMLInputElement>(el, '#reference').value).to.equal('LKV-2026-00001');
    await expect(el).to.be.accessible();
  });

  it('offers a retry when the server cannot be reached', async () => {
    stub.on('GET /towns/lakeview/requests/LKV-2026-00001', 'network-error');
    const el = await fixture<MuniRequestStatus>(html`<muni-request-status reference="LKV-2026-00001"></muni-request-status>`);
    await waitUntil(() => el.shadowRoot?.querySelector('.notice--error'), 'no error', { timeout: 4000 });
    expect($(el, '.notice--error').textContent).to.contain('could not reach');
    stub.on('GET /towns/lakeview/requests/LKV-2026-00001', { status: 200, body: found('en') });
    $<HTMLButtonElement>(el, '.notice--error button').click();
    await waitUntil(() => el.shadowRoot?.querySelector('[part="status"]'));
  });
});
