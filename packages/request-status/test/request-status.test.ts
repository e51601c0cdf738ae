import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/define.ts';
import type { MuniRequestStatus } from '../src/request-status.ts';
import { StatusLoadedEvent } from '../src/events.ts';
import { checkSymbol, clearTownCache } from '@munikit/core';
import { $, $$, apiError, deepActiveElement, stubFetch, stubTown, type } from '../../core/test/fetch-stub.ts';
import type { FetchStub } from '../../core/test/fetch-stub.ts';
import type { PublicRequestStatus } from '@munikit/core';

const REF = `LKV-7K4Q2-M9XC${checkSymbol('7K4Q2M9XC')}`;
const UNKNOWN = `LKV-ABCDE-FGHJ${checkSymbol('ABCDEFGHJ')}`;
const TYPO = `${REF.slice(0, -1)}${REF.endsWith('A') ? 'B' : 'A'}`;
const entry = { note: null, noteLang: null, department: null, intoReference: null } as const;

const found = (lang: string, status: PublicRequestStatus['status'] = 'in_progress'): PublicRequestStatus => ({
  reference: REF,
  status,
  serviceCode: 'pothole',
  serviceName: lang === 'fr' ? 'Nid-de-poule' : 'Pothole',
  createdAt: '2026-11-20T14:00:00.000Z',
  updatedAt: '2026-11-21T15:30:00.000Z',
  expectedDate: '2026-11-27',
  timeline: [
    { ...entry, type: 'created', status: 'received', at: '2026-11-20T14:00:00.000Z' },
    { ...entry, type: 'department_changed', status: null, department: lang === 'fr' ? 'Travaux publics' : 'Public Works', at: '2026-11-20T16:00:00.000Z' },
    { ...entry, type: 'status_changed', status: 'in_progress', at: '2026-11-21T15:00:00.000Z' },
    { ...entry, type: 'public_note', status: null, note: 'The roads crew will be there Thursday.', noteLang: 'en', at: '2026-11-21T15:30:00.000Z' },
  ],
});

const LANGS = ['en', 'fr'] as const;
const mount = (lang: string, reference?: string) =>
  reference
    ? fixture<MuniRequestStatus>(html`<muni-request-status lang=${lang} reference=${reference}></muni-request-status>`)
    : fixture<MuniRequestStatus>(html`<muni-request-status lang=${lang}></muni-request-status>`);
const shown = (el: MuniRequestStatus, selector: string) => waitUntil(() => el.shadowRoot?.querySelector(selector), `no ${selector}`, { timeout: 4000 });

describe('<muni-request-status>', () => {
  let stub: FetchStub;

  beforeEach(() => {
    clearTownCache();
    stub = stubTown(stubFetch())
      .on(`GET /towns/lakeview/requests/${REF}`, (req) => ({ status: 200, body: found(req.url.searchParams.get('lang') ?? 'en') }))
      .on(`GET /towns/lakeview/requests/${UNKNOWN}`, apiError(404, 'not_found', 'There is no request with this reference number.'))
      .on(`POST /towns/lakeview/requests/${REF}/subscriptions`, { status: 202, body: { status: 'accepted' } });
  });
  afterEach(() => stub.restore());

  it('looks up a reference, forgiving about case and spaces, and shows status, expected date and timeline', async function () {
    this.timeout(30_000);
    const el = await mount('en');
    type($<HTMLInputElement>(el, '#reference'), ` ${REF.toLowerCase().replaceAll('-', ' ')} `);
    const loaded = oneEvent(el, 'muni-status-loaded');
    $<HTMLButtonElement>(el, '[part="button"]').click();
    const event = await loaded;
    expect(event).to.be.instanceOf(StatusLoadedEvent);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail).to.deep.equal({ reference: REF, status: 'in_progress' });
    await waitUntil(() => deepActiveElement()?.id === 'result-heading', 'heading not focused');
    expect($(el, '[part="status"]').textContent).to.equal('In progress');
    expect($(el, '.expected').textContent).to.contain('November 27, 2026');
    const entries = $$(el, 'ol[part="timeline"] > li');
    expect(entries).to.have.length(4);
    expect(entries[0]!.textContent).to.contain('The roads crew will be there Thursday.');
    expect(entries[1]!.textContent).to.contain('Work in progress');
    expect(entries[2]!.textContent).to.contain('Assigned to Public Works');
    expect(entries[3]!.textContent).to.contain('Request received');
    expect($(el, '[role="status"]').textContent).to.contain(`${REF}: In progress`);
    await expect(el).to.be.accessible();
  });

  for (const lang of LANGS) {
    it(`is accessible in every state (${lang}): empty, loading, not found, typo, found, rate limited, offline, subscribed`, async function () {
      this.timeout(60_000);
      // Empty
      const el = await mount(lang);
      $<HTMLButtonElement>(el, '[part="button"]').click();
      await shown(el, '#reference-error');
      expect($(el, '#reference-error').textContent).to.contain(lang === 'fr' ? 'Entrez votre numéro' : 'Enter your reference number');
      await expect(el).to.be.accessible();

      // A typo is caught here, without asking the server (which answers typos like unknown references).
      type($<HTMLInputElement>(el, '#reference'), TYPO);
      $<HTMLButtonElement>(el, '[part="button"]').click();
      await waitUntil(() => $(el, '#reference-error').textContent!.includes(lang === 'fr' ? 'faute de frappe' : 'typing mistake'));
      expect(stub.calls.filter((c) => c.url.pathname.includes('/requests/'))).to.have.length(0);
      await expect(el).to.be.accessible();

      // Not found
      type($<HTMLInputElement>(el, '#reference'), UNKNOWN);
      $<HTMLButtonElement>(el, '[part="button"]').click();
      await waitUntil(() => $(el, '#reference-error').textContent!.includes(UNKNOWN));
      expect($(el, '#reference').getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();

      // Loading
      let release: () => void = () => {};
      stub.on(`GET /towns/lakeview/requests/${REF}`, () => new Promise((resolve) => (release = () => resolve({ status: 200, body: found(lang) }))));
      type($<HTMLInputElement>(el, '#reference'), REF);
      $<HTMLButtonElement>(el, '[part="button"]').click();
      await waitUntil(() => $(el, '[part="button"]').getAttribute('aria-disabled') === 'true');
      expect($(el, '[role="status"]').textContent).to.contain(REF);
      await expect(el).to.be.accessible();

      // Found
      release();
      await shown(el, '[part="status"]');
      expect($(el, '[part="status"]').textContent).to.equal(lang === 'fr' ? 'En cours' : 'In progress');
      expect($(el, 'ol[part="timeline"]')).to.exist;
      if (lang === 'fr') {
        expect($(el, '[part="result"]').textContent).to.contain('Cette note n’existe qu’en anglais.');
        expect($(el, '.note').getAttribute('lang')).to.equal('en');
      } else {
        expect($(el, '[part="result"]').textContent).not.to.contain('only available');
      }
      await expect(el).to.be.accessible();

      // Subscribed: a bad address is explained, then the confirmation is asked for.
      type($<HTMLInputElement>(el, '#email'), 'not an email');
      $<HTMLButtonElement>(el, '[part="subscribe"] button').click();
      await shown(el, '#email-error');
      await expect(el).to.be.accessible();
      type($<HTMLInputElement>(el, '#email'), 'me@example.ca');
      $<HTMLButtonElement>(el, '[part="subscribe"] button').click();
      await shown(el, '#subscribe-done');
      expect($(el, '#subscribe-done').textContent).to.contain(lang === 'fr' ? 'ouvrez le lien pour confirmer' : 'open the link to confirm');
      const call = stub.calls.find((c) => c.method === 'POST')!;
      expect(call.body).to.deep.equal({ email: 'me@example.ca', lang });
      await expect(el).to.be.accessible();

      // Rate limited
      stub.on(`GET /towns/lakeview/requests/${REF}`, apiError(429, 'rate_limited', lang === 'fr' ? 'Trop de demandes.' : 'Too many requests.'));
      $<HTMLButtonElement>(el, '[part="button"]').click();
      await shown(el, '.notice--error');
      expect($(el, '.notice--error').textContent).to.contain(lang === 'fr' ? 'Trop de demandes.' : 'Too many requests.');
      await expect(el).to.be.accessible();

      // Offline
      stub.on(`GET /towns/lakeview/requests/${REF}`, 'network-error');
      $<HTMLButtonElement>(el, '[part="button"]').click();
      await waitUntil(() => el.shadowRoot?.querySelector('.notice--error button'), 'no retry', { timeout: 8000 });
      expect($(el, '.notice--error').textContent).to.contain(lang === 'fr' ? 'Vérifiez votre connexion' : 'Check your connection');
      await expect(el).to.be.accessible();
    });
  }

  it('announces a status change when the same request is looked up again', async () => {
    const el = await mount('en', REF);
    await shown(el, '[part="status"]');
    stub.on(`GET /towns/lakeview/requests/${REF}`, { status: 200, body: found('en', 'resolved') });
    $<HTMLButtonElement>(el, '[part="button"]').click();
    await waitUntil(() => $(el, '[part="status"]').textContent === 'Resolved');
    expect($(el, '[role="status"]').textContent).to.contain('has changed');
    expect(el.shadowRoot!.querySelector('.expected')).to.equal(null); // no expected date once closed
  });

  it('looks up the reference attribute straight away, in French', async () => {
    const el = await mount('fr', REF);
    await shown(el, '[part="status"]');
    expect($(el, 'label').textContent).to.equal('Numéro de référence');
    expect($(el, '[part="result"]').textContent).to.contain('Nid-de-poule');
    expect($(el, '[part="result"]').textContent).to.contain('Confiée à\u00a0: Travaux publics');
    expect($<HTMLInputElement>(el, '#reference').value).to.equal(REF);
  });
});
