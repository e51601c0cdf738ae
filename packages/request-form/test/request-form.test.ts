import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/define.ts';
import type { MuniRequestForm } from '../src/request-form.ts';
import { draftKey } from '../src/draft.ts';
import { clearTownCache } from '@munikit/core';
import { $, $$, apiError, deepActiveElement, mountInLang, stubFetch, stubTown, type, unmountAll } from '../../core/test/fetch-stub.ts';
import type { FetchStub, StubRequest } from '../../core/test/fetch-stub.ts';
import type { Service } from '@munikit/core';

const services: Record<'en' | 'fr', Service[]> = {
  en: [
    {
      code: 'pothole', name: 'Pothole', description: 'A hole in a township road.', group: 'Roads',
      keywords: ['road', 'hole'], anonymousAllowed: true, department: { id: 'public-works', name: 'Public Works' },
      questions: [
        { code: 'size', datatype: 'singlevaluelist', required: true, variable: true, description: '', label: 'How big is it?', order: 1,
          values: [{ key: 'small', name: 'Smaller than a dinner plate' }, { key: 'large', name: 'Larger than a dinner plate' }] },
      ],
    },
    {
      code: 'streetlight', name: 'Streetlight out', description: 'A streetlight that is off or flickering.', group: 'Roads',
      keywords: ['light'], anonymousAllowed: false, department: null, questions: [],
    },
  ],
  fr: [
    {
      code: 'pothole', name: 'Nid-de-poule', description: 'Un trou dans un chemin du canton.', group: 'Routes',
      keywords: ['chemin'], anonymousAllowed: true, department: { id: 'public-works', name: 'Travaux publics' },
      questions: [
        { code: 'size', datatype: 'singlevaluelist', required: true, variable: true, description: '', label: 'Quelle taille?', order: 1,
          values: [{ key: 'small', name: 'Plus petit qu’une assiette' }, { key: 'large', name: 'Plus grand qu’une assiette' }] },
      ],
    },
  ],
};

const KEY = draftKey('lakeview');

describe('<muni-request-form>', () => {
  let stub: FetchStub;
  let submitted: StubRequest[];

  beforeEach(() => {
    clearTownCache();
    localStorage.removeItem(KEY);
    sessionStorage.removeItem(KEY);
    submitted = [];
    stub = stubTown(stubFetch())
      .on('GET /towns/lakeview/services', (req) => {
        const lang = req.url.searchParams.get('lang') === 'fr' ? 'fr' : 'en';
        return { status: 200, body: { lang, services: services[lang] } };
      })
      .on('POST /towns/lakeview/requests', (req) => {
        submitted.push(req);
        return { status: 201, body: { reference: 'LKV-2026-00042', status: 'received', createdAt: '2026-11-22T09:00:00.000Z' } };
      });
  });

  afterEach(() => {
    unmountAll();
    stub.restore();
    localStorage.removeItem(KEY);
    sessionStorage.removeItem(KEY);
  });

  async function ready(el: MuniRequestForm) {
    await waitUntil(() => el.shadowRoot?.querySelector('form'), 'form never rendered');
    return el;
  }

  /** "Continue", then (when the answers pass) "Send request" on the check-your-answers step. */
  async function send(el: MuniRequestForm) {
    const proceed = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="continue-button"]');
    if (proceed) {
      proceed.click();
      await el.updateComplete;
    }
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit-button"]')?.click();
  }

  function fillValid(el: MuniRequestForm) {
    type($<HTMLSelectElement>(el, '#service'), 'pothole');
    type($<HTMLTextAreaElement>(el, '#description'), 'Deep pothole in the eastbound lane.');
    type($<HTMLInputElement>(el, '#location'), '123 Main St');
  }

  it('shows an error summary with focus and links to each invalid field', async () => {
    const el = await ready(await fixture<MuniRequestForm>(html`<muni-request-form></muni-request-form>`));
    await send(el);
    await waitUntil(() => deepActiveElement()?.id === 'error-summary', 'summary not focused');
    // GOV.UK Frontend's pattern: the focused container is not the alert; a child is.
    const summary = $(el, '#error-summary');
    expect(summary.getAttribute('role')).to.equal(null);
    expect(summary.querySelector('[role="alert"]')).to.exist;
    const links = $$<HTMLAnchorElement>(el, '#error-summary a');
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['#service', '#description', '#location']);
    const description = $<HTMLTextAreaElement>(el, '#description');
    expect(description.getAttribute('aria-invalid')).to.equal('true');
    expect(description.getAttribute('aria-describedby')).to.contain('description-error');
    expect($(el, '#description-error').textContent).to.contain('Describe the problem');
    await expect(el).to.be.accessible();

    links[1]!.click();
    expect(deepActiveElement()).to.equal(description);
    expect(submitted).to.have.length(0);
  });

  it('asks service questions and requires contact details when the service does', async () => {
    const el = await ready(await fixture<MuniRequestForm>(html`<muni-request-form></muni-request-form>`));
    fillValid(el);
    await el.updateComplete;
    expect($(el, 'label[for="q-size"]').textContent).to.contain('How big is it?');
    await send(el);
    await waitUntil(() => el.shadowRoot?.querySelector('#q-size-error'));
    type($<HTMLSelectElement>(el, '#service'), 'streetlight');
    await el.updateComplete;
    await send(el);
    await waitUntil(() => el.shadowRoot?.querySelector('#email-error'));
    expect($(el, '#email-error').textContent).to.contain('email address or a phone number');
    expect(submitted).to.have.length(0);
  });

  it('shows information-only attributes as a notice, never as a field, and groups services by department', async () => {
    services.en[0]!.questions.push({ code: 'call-911', datatype: 'string', required: false, variable: false, label: 'For emergencies call 911.', description: '', order: 0, values: [] });
    try {
      const el = await ready(await fixture<MuniRequestForm>(html`<muni-request-form></muni-request-form>`));
      fillValid(el);
      await el.updateComplete;
      expect($(el, '[part="service-notice"]').textContent).to.contain('For emergencies call 911.');
      expect(el.shadowRoot!.querySelector('#q-call-911')).to.equal(null);
      expect($$<HTMLOptGroupElement>(el, '#service optgroup').map((g) => g.label)).to.deep.equal(['Public Works', 'Roads']);
      await expect(el).to.be.accessible();
    } finally {
      services.en[0]!.questions.pop();
    }
  });

  it('refuses a phone number without digits, and keeps a honeypot out of sight and out of the tab order', async () => {
    const el = await ready(await fixture<MuniRequestForm>(html`<muni-request-form></muni-request-form>`));
    fillValid(el);
    await el.updateComplete;
    type($<HTMLSelectElement>(el, '#q-size'), 'large');
    type($<HTMLInputElement>(el, '#phone'), 'abc');
    await send(el);
    await waitUntil(() => el.shadowRoot?.querySelector('#phone-error'), 'phone not refused');
    expect(submitted).to.have.length(0);
    type($<HTMLInputElement>(el, '#phone'), '(613) 555-0123 ext. 12');
    const website = $<HTMLInputElement>(el, '#website');
    expect(website.tabIndex).to.equal(-1);
    expect(website.closest('[aria-hidden="true"]')).to.exist;
    await send(el);
    await waitUntil(() => submitted.length === 1, 'not sent');
    expect((submitted[0]!.body as { contact: { phone: string } }).contact.phone).to.equal('(613) 555-0123 ext. 12');
  });

  it('says when to try again after a rate limit, keeping everything typed', async () => {
    stub.on('POST /towns/lakeview/requests', { status: 429, body: { error: { code: 'rate_limited', message: 'Too many' } } });
    const el = await ready(await fixture<MuniRequestForm>(html`<muni-request-form lang="fr"></muni-request-form>`));
    fillValid(el);
    await el.updateComplete;
    type($<HTMLSelectElement>(el, '#q-size'), 'large');
    await send(el);
    await waitUntil(() => deepActiveElement()?.id === 'error-summary', 'summary not focused');
    expect($(el, '#error-summary').textContent).to.contain('réessayez dans une minute');
    expect($(el, '[part="check"]').textContent).to.contain('Deep pothole in the eastbound lane.');
    await expect(el).to.be.accessible();
    // "Change" goes back to the field with what was typed.
    $<HTMLButtonElement>(el, '[part="check"] button[aria-label$="Décrivez le problème"]').click();
    await waitUntil(() => deepActiveElement()?.id === 'description', 'description not focused');
    expect($<HTMLTextAreaElement>(el, '#description').value).to.equal('Deep pothole in the eastbound lane.');
  });

  it('submits with an Idempotency-Key, shows the reference, focuses it and fires muni-request-submitted', async () => {
    const el = await ready(await fixture<MuniRequestForm>(html`<muni-request-form track-url="/track.html"></muni-request-form>`));
    fillValid(el);
    await el.updateComplete;
    type($<HTMLSelectElement>(el, '#q-size'), 'large');
    type($<HTMLInputElement>(el, '#email'), 'resident@example.ca');
    const key = JSON.parse(localStorage.getItem(KEY)!).idempotencyKey as string;
    expect(key).to.match(/^[0-9a-f-]{36}$/);

    const event = oneEvent(el, 'muni-request-submitted');
    await send(el);
    expect((await event).detail).to.deep.equal({ reference: 'LKV-2026-00042', serviceCode: 'pothole' });
    await el.updateComplete;

    expect(submitted).to.have.length(1);
    expect(submitted[0]!.headers.get('Idempotency-Key')).to.equal(key);
    expect(submitted[0]!.body).to.deep.equal({
      serviceCode: 'pothole',
      description: 'Deep pothole in the eastbound lane.',
      location: { text: '123 Main St' },
      contact: { email: 'resident@example.ca' },
      answers: { size: 'large' },
      lang: 'en',
    });
    expect($(el, '[part="reference"]').textContent).to.equal('LKV-2026-00042');
    expect(deepActiveElement()?.id).to.equal('confirmation-heading');
    expect($<HTMLAnchorElement>(el, '[part="confirmation"] a').href).to.contain('/track.html?ref=LKV-2026-00042');
    expect(localStorage.getItem(KEY)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('maps a server 400 field error onto the field', async () => {
    stub.on('POST /towns/lakeview/requests',
      apiError(400, 'validation_failed', 'Check the location', [{ field: 'location.text', message: 'Enter a location in the township' }]));
    const el = await ready(await fixture<MuniRequestForm>(html`<muni-request-form></muni-request-form>`));
    fillValid(el);
    await el.updateComplete;
    type($<HTMLSelectElement>(el, '#q-size'), 'small');
    await send(el);
    await waitUntil(() => deepActiveElement()?.id === 'error-summary', 'summary not focused');
    expect($(el, '#error-summary a').getAttribute('href')).to.equal('#location');
    expect($(el, '#location-error').textContent).to.contain('Enter a location in the township');
    expect($(el, '#location').getAttribute('aria-invalid')).to.equal('true');
    expect(localStorage.getItem(KEY)).to.not.equal(null);
  });

  it('keeps every typed value and the same Idempotency-Key after a network failure, then retries', async () => {
    let fail = true;
    const keys: string[] = [];
    stub.on('POST /towns/lakeview/requests', (req) => {
      keys.push(req.headers.get('Idempotency-Key')!);
      return fail ? 'network-error' : { status: 201, body: { reference: 'LKV-2026-00043', status: 'received', createdAt: '2026-11-22T09:00:00.000Z' } };
    });
    const el = await ready(await fixture<MuniRequestForm>(html`<muni-request-form></muni-request-form>`));
    fillValid(el);
    await el.updateComplete;
    type($<HTMLSelectElement>(el, '#q-size'), 'small');
    await send(el);
    await waitUntil(() => el.shadowRoot?.querySelector('[part="network-error"]'), 'no network error shown');
    expect($(el, '[part="network-error"]').textContent).to.contain('could not reach');
    // Everything is still there: in the answers to check, and in the draft on this device.
    expect($(el, '[part="check"]').textContent).to.contain('Deep pothole in the eastbound lane.');
    expect($(el, '[part="check"]').textContent).to.contain('123 Main St');
    expect(JSON.parse(localStorage.getItem(KEY)!).values.description).to.equal('Deep pothole in the eastbound lane.');
    await expect(el).to.be.accessible();

    fail = false;
    $<HTMLButtonElement>(el, '[part="network-error"] button').click();
    await waitUntil(() => el.shadowRoot?.querySelector('[part="reference"]'));
    expect(keys).to.have.length(2);
    expect(keys[0]).to.equal(keys[1]);
  });

  it('keeps contact details only for this tab, never in storage that outlives the browser', async () => {
    const el = await ready(await fixture<MuniRequestForm>(html`<muni-request-form></muni-request-form>`));
    fillValid(el);
    type($<HTMLInputElement>(el, '#name'), 'Pat Resident');
    type($<HTMLInputElement>(el, '#email'), 'pat@example.ca');
    await el.updateComplete;
    const kept = localStorage.getItem(KEY)!;
    expect(JSON.parse(kept).values.description).to.equal('Deep pothole in the eastbound lane.');
    expect(kept).to.not.contain('pat@example.ca');
    expect(kept).to.not.contain('Pat Resident');
    expect(JSON.parse(sessionStorage.getItem(KEY)!)).to.deep.equal({ name: 'Pat Resident', email: 'pat@example.ca', phone: '' });

    // A reload in the same tab brings everything back.
    unmountAll();
    const again = await ready(await fixture<MuniRequestForm>(html`<muni-request-form></muni-request-form>`));
    expect($<HTMLInputElement>(again, '#email').value).to.equal('pat@example.ca');
    expect($<HTMLTextAreaElement>(again, '#description').value).to.equal('Deep pothole in the eastbound lane.');
  });

  it('restores a draft from localStorage', async () => {
    localStorage.setItem(KEY, JSON.stringify({
      v: 1,
      idempotencyKey: '6f1c1c6e-2f5e-4a8e-9b0a-6a2d0e0b7c11',
      values: { serviceCode: 'pothole', description: 'Started earlier', locationText: 'Lake Rd', name: '', email: '', phone: '', answers: { size: 'small' } },
    }));
    const el = await ready(await fixture<MuniRequestForm>(html`<muni-request-form></muni-request-form>`));
    expect($<HTMLTextAreaElement>(el, '#description').value).to.equal('Started earlier');
    expect($<HTMLInputElement>(el, '#location').value).to.equal('Lake Rd');
    expect($<HTMLSelectElement>(el, '#service').value).to.equal('pothole');
    expect($(el, '.notice').textContent).to.contain('restored');
    await send(el);
    await waitUntil(() => submitted.length === 1);
    expect(submitted[0]!.headers.get('Idempotency-Key')).to.equal('6f1c1c6e-2f5e-4a8e-9b0a-6a2d0e0b7c11');
  });

  it('speaks French when its page section is French', async () => {
    const el = await ready(mountInLang('fr', 'muni-request-form'));
    expect($(el, 'label[for="description"]').textContent).to.contain('Décrivez le problème');
    expect($(el, '#service').textContent).to.contain('Nid-de-poule');
    const servicesCall = stub.calls.find((c) => c.url.pathname.endsWith('/services'));
    expect(servicesCall?.url.searchParams.get('lang')).to.equal('fr');
    await send(el);
    await waitUntil(() => el.shadowRoot?.querySelector('#error-summary'));
    expect($(el, '#error-summary h2').textContent).to.equal('Il y a un problème');
    await expect(el).to.be.accessible();
  });
});
