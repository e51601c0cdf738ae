import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/define.ts';
import type { MuniRequestForm } from '../src/request-form.ts';
import { RequestQueuedEvent, RequestSubmittedEvent } from '../src/events.ts';
import { draftKey } from '../src/draft.ts';
import { outboxKey } from '../src/outbox.ts';
import { clearTownCache } from '@munikit/core';
import { $, $$, apiError, deepActiveElement, mountInLang, stubFetch, stubTown, type, unmountAll } from '../../core/test/fetch-stub.ts';
import type { FetchStub, StubRequest } from '../../core/test/fetch-stub.ts';
import type { KbArticleSummary, Service, ServiceQuestion } from '@munikit/core';

type Lang = 'en' | 'fr';

const q = (question: Partial<ServiceQuestion> & Pick<ServiceQuestion, 'code' | 'datatype' | 'label'>): ServiceQuestion => ({
  required: false, variable: true, description: '', order: 0, values: [], ...question,
});

/** Twelve more services, so the list is as long as a real town's (16). */
const more = (lang: Lang): Service[] =>
  (lang === 'en'
    ? ['Noise complaint', 'Graffiti', 'Dog at large', 'Sidewalk repair', 'Snow plowing', 'Water leak', 'Sewer backup', 'Parking problem', 'Park maintenance', 'Abandoned vehicle', 'Damaged road sign', 'Flooded ditch']
    : ['Plainte pour bruit', 'Graffiti', 'Chien errant', 'Réparation de trottoir', 'Déneigement', 'Fuite d’eau', 'Refoulement d’égout', 'Problème de stationnement', 'Entretien des parcs', 'Véhicule abandonné', 'Panneau endommagé', 'Fossé inondé']
  ).map((name, i) => ({
    code: `other-${i}`, name, description: '', group: lang === 'en' ? 'Other' : 'Autres', keywords: [], anonymousAllowed: true,
    department: i < 6 ? { id: 'bylaw', name: lang === 'en' ? 'By-law Enforcement' : 'Application des règlements' } : null, questions: [],
  }));

const services: Record<Lang, Service[]> = {
  en: [
    {
      code: 'pothole', name: 'Pothole', description: 'A hole in a township road.', group: 'Roads',
      keywords: ['road', 'hole'], anonymousAllowed: true, department: { id: 'public-works', name: 'Public Works' },
      questions: [
        q({ code: 'size', datatype: 'singlevaluelist', required: true, label: 'How big is it?', order: 1,
          values: [{ key: 'small', name: 'Smaller than a dinner plate' }, { key: 'large', name: 'Larger than a dinner plate' }] }),
      ],
    },
    {
      code: 'streetlight', name: 'Streetlight out', description: 'A streetlight that is off or flickering.', group: 'Roads',
      keywords: ['light', 'lamp'], anonymousAllowed: false, department: null, questions: [],
    },
    {
      code: 'tree', name: 'Fallen tree', description: 'A tree or large branch down on public land.', group: 'Parks',
      keywords: ['branch', 'storm'], anonymousAllowed: true, department: { id: 'parks', name: 'Parks and Recreation' },
      questions: [
        q({ code: 'call-911', datatype: 'string', variable: false, label: 'For emergencies call 911.', description: 'A tree on a power line is an emergency.', order: 0 }),
        q({ code: 'details', datatype: 'text', label: 'Anything else staff should know?', order: 6 }),
        q({ code: 'seen', datatype: 'datetime', label: 'When did you see it?', order: 2 }),
        q({ code: 'count', datatype: 'number', label: 'How many trees?', description: 'Count the trunks, not the branches.', order: 3 }),
        q({ code: 'where', datatype: 'string', required: true, label: 'Which side of the road?', order: 1 }),
        q({ code: 'kind', datatype: 'singlevaluelist', label: 'What kind of tree?', order: 4, values: ['Maple', 'Oak', 'Pine', 'Birch', 'Spruce', 'Cedar', 'Other'].map((n) => ({ key: n.toLowerCase(), name: n })) }),
        q({ code: 'blocking', datatype: 'multivaluelist', label: 'What does it block?', order: 5,
          values: [{ key: 'road', name: 'The road' }, { key: 'sidewalk', name: 'The sidewalk' }, { key: 'driveway', name: 'A driveway' }] }),
      ],
    },
    ...more('en'),
  ],
  fr: [
    {
      code: 'pothole', name: 'Nid-de-poule', description: 'Un trou dans un chemin du canton.', group: 'Routes',
      keywords: ['chemin', 'trou'], anonymousAllowed: true, department: { id: 'public-works', name: 'Travaux publics' },
      questions: [
        q({ code: 'size', datatype: 'singlevaluelist', required: true, label: 'Quelle taille?', order: 1,
          values: [{ key: 'small', name: 'Plus petit qu’une assiette' }, { key: 'large', name: 'Plus grand qu’une assiette' }] }),
      ],
    },
    {
      code: 'streetlight', name: 'Lampadaire éteint', description: 'Un lampadaire éteint ou qui clignote.', group: 'Routes',
      keywords: ['lumière'], anonymousAllowed: false, department: null, questions: [],
    },
    {
      code: 'tree', name: 'Arbre tombé', description: 'Un arbre ou une grosse branche sur un terrain public.', group: 'Parcs',
      keywords: ['branche', 'tempête'], anonymousAllowed: true, department: { id: 'parks', name: 'Parcs et loisirs' },
      questions: [
        q({ code: 'call-911', datatype: 'string', variable: false, label: 'En cas d’urgence, composez le 911.', order: 0 }),
        q({ code: 'details', datatype: 'text', label: 'Autre chose à savoir?', order: 6 }),
        q({ code: 'seen', datatype: 'datetime', label: 'Quand l’avez-vous vu?', order: 2 }),
        q({ code: 'count', datatype: 'number', label: 'Combien d’arbres?', description: 'Comptez les troncs, pas les branches.', order: 3 }),
        q({ code: 'where', datatype: 'string', required: true, label: 'De quel côté du chemin?', order: 1 }),
        q({ code: 'kind', datatype: 'singlevaluelist', label: 'Quelle sorte d’arbre?', order: 4, values: ['Érable', 'Chêne', 'Pin', 'Bouleau', 'Épinette', 'Cèdre', 'Autre'].map((n, i) => ({ key: `k${i}`, name: n })) }),
        q({ code: 'blocking', datatype: 'multivaluelist', label: 'Que bloque-t-il?', order: 5,
          values: [{ key: 'road', name: 'Le chemin' }, { key: 'sidewalk', name: 'Le trottoir' }] }),
      ],
    },
    ...more('fr'),
  ],
};

const article = (id: string, title: string, keywords: string[], summary: string): KbArticleSummary => ({
  id, slug: id, title, keywords, summary, categoryId: null, categoryName: null, updatedAt: '2026-10-01T00:00:00.000Z',
});

const articles: Record<Lang, KbArticleSummary[]> = {
  en: [
    article('dogs', 'Dog licences', ['dog', 'licence'], 'Every dog needs a licence.'),
    article('potholes', 'Pothole repair schedule', ['pothole', 'road'], 'Crews patch potholes from April to November.'),
    article('construction', 'Road construction this summer', ['road', 'detour'], 'Detours on Lake Road.'),
    article('lights', 'Streetlights', ['light'], 'Hydro repairs streetlights.'),
    article('winter', 'Winter road maintenance', ['snow', 'road'], 'Plowing routes.'),
    article('roads-faq', 'Roads: questions and answers', ['road'], 'Who looks after which road.'),
  ],
  fr: [
    article('potholes', 'Réparation des nids-de-poule', ['chemin', 'trou'], 'Les équipes colmatent les trous d’avril à novembre.'),
  ],
};

const DRAFT = draftKey('lakeview');
const OUTBOX = outboxKey('lakeview');
const RECEIVED = { reference: 'LKV-7K4Q2-M9XCR', status: 'received', createdAt: '2026-11-22T09:00:00.000Z' };

function clearStorage() {
  for (const s of [localStorage, sessionStorage]) {
    s.removeItem(DRAFT);
    s.removeItem(OUTBOX);
  }
}

/** navigator.onLine as the test says. */
function setOnline(online: boolean | undefined) {
  if (online === undefined) delete (navigator as { onLine?: boolean }).onLine;
  else Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
}

/** Geolocation answering as the test says. */
function stubGeolocation(answer: { lat: number; lng: number } | { code: 1 | 2 | 3 }) {
  const original = Geolocation.prototype.getCurrentPosition;
  let asked = 0;
  Geolocation.prototype.getCurrentPosition = function (ok: PositionCallback, fail?: PositionErrorCallback | null) {
    asked++;
    setTimeout(() => {
      if ('lat' in answer) ok({ coords: { latitude: answer.lat, longitude: answer.lng, accuracy: 5 }, timestamp: Date.now() } as GeolocationPosition);
      else fail?.({ code: answer.code, message: '', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 } as GeolocationPositionError);
    });
  };
  return { asked: () => asked, restore: () => void (Geolocation.prototype.getCurrentPosition = original) };
}

/** A generated photo: a PNG of the given size. */
async function photo(width: number, height: number, name = 'pothole.png'): Promise<File> {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#3a7';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#a33';
  ctx.fillRect(0, 0, width / 2, height / 2);
  return new File([await canvas.convertToBlob({ type: 'image/png' })], name, { type: 'image/png' });
}

function choose(input: HTMLInputElement, files: File[]) {
  const dt = new DataTransfer();
  files.forEach((f) => dt.items.add(f));
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('<muni-request-form>', () => {
  let stub: FetchStub;
  let submitted: StubRequest[];
  let uploads: StubRequest[];

  beforeEach(() => {
    clearTownCache();
    clearStorage();
    setOnline(undefined);
    submitted = [];
    uploads = [];
    stub = stubTown(stubFetch())
      .on('GET /towns/lakeview/services', (req) => {
        const lang = req.url.searchParams.get('lang') === 'fr' ? 'fr' : 'en';
        return { status: 200, body: { lang, services: services[lang] } };
      })
      .on('GET /towns/lakeview/kb/articles', (req) => {
        const lang = req.url.searchParams.get('lang') === 'fr' ? 'fr' : 'en';
        return { status: 200, body: { lang, articles: articles[lang] } };
      })
      .on('POST /towns/lakeview/uploads', async (req) => {
        uploads.push(req);
        const bitmap = await createImageBitmap(req.raw as Blob);
        return { status: 201, body: { id: `upload-${uploads.length}`, contentType: 'image/jpeg', width: bitmap.width, height: bitmap.height, bytes: (req.raw as Blob).size } };
      })
      .on('POST /towns/lakeview/requests', (req) => {
        submitted.push(req);
        return { status: 201, body: RECEIVED };
      });
  });

  afterEach(() => {
    unmountAll();
    stub.restore();
    setOnline(undefined);
    clearStorage();
  });

  /** The whole form: the service list (the first step) and the later steps, whose code comes after it. */
  async function ready(el: MuniRequestForm) {
    // The later steps' code is a chunk of its own: on a loaded machine the test server may take more than
    // waitUntil's default second to compile and send it.
    await waitUntil(() => el.shadowRoot?.querySelector('form [part="continue-button"]'), 'form never rendered', { timeout: 10_000 });
    return el;
  }

  const form = (lang: Lang = 'en', attrs = '') => {
    const wrap = document.createElement('div');
    wrap.innerHTML = `<muni-request-form lang="${lang}" ${attrs}></muni-request-form>`;
    return fixture<MuniRequestForm>(wrap.firstElementChild as MuniRequestForm).then(ready);
  };

  /** "Continue", then (when the answers pass) "Send request" on the check-your-answers step. */
  async function send(el: MuniRequestForm) {
    await next(el);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit-button"]')?.click();
  }

  async function next(el: MuniRequestForm) {
    const proceed = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="continue-button"]');
    if (proceed) {
      proceed.click();
      await waitUntil(() => el.shadowRoot!.querySelector('[part="check"], #error-summary'), 'no check step nor summary');
      await el.updateComplete;
    }
  }

  const radio = (el: MuniRequestForm, name: string, value: string) =>
    $$<HTMLInputElement>(el, `input[name="${name}"]`).find((r) => r.value === value)!;

  async function chooseService(el: MuniRequestForm, code: string) {
    radio(el, 'service', code).click();
    await el.updateComplete;
  }

  async function fillValid(el: MuniRequestForm) {
    await chooseService(el, 'pothole');
    type($<HTMLTextAreaElement>(el, '#description'), 'Deep pothole in the eastbound lane.');
    type($<HTMLInputElement>(el, '#location'), '123 Main St');
    await el.updateComplete;
    radio(el, 'q-size', 'large').click();
    await el.updateComplete;
  }

  describe('coming from a search', () => {
    it('starts the description with the page\'s ?q= and filters the services when some match it', async () => {
      const before = location.href;
      history.replaceState(null, '', `${location.pathname}?q=pothole`);
      try {
        const el = await form('en');
        await waitUntil(() => $$<HTMLInputElement>(el, 'input[name="service"]').length > 0, 'no services');
        expect($<HTMLInputElement>(el, '#service-search').value).to.equal('pothole');
        expect($$<HTMLInputElement>(el, 'input[name="service"]').map((r) => r.value)).to.deep.equal(['pothole']);
        await chooseService(el, 'pothole');
        expect($<HTMLTextAreaElement>(el, '#description').value).to.equal('pothole');
        await expect(el).to.be.accessible();
      } finally {
        history.replaceState(null, '', before);
      }
    });
  });

  describe('choosing a service', () => {
    it('is usable with the service list alone; the later steps follow, keeping what was chosen', async () => {
      // Hold the idle-time fetch of the later steps' code, as a slow line would.
      const held: Array<() => void> = [];
      const original = window.requestIdleCallback;
      window.requestIdleCallback = (run: IdleRequestCallback) => held.push(() => run({ didTimeout: false, timeRemaining: () => 0 })) as number;
      try {
        const wrap = document.createElement('div');
        wrap.innerHTML = '<muni-request-form lang="en"></muni-request-form>';
        const el = await fixture<MuniRequestForm>(wrap.firstElementChild as MuniRequestForm);
        await waitUntil(() => held.length > 0, 'the later steps were never asked for');
        expect(el.steps).to.equal(undefined);
        expect(el.shadowRoot!.querySelector('#description')).to.equal(null);
        expect($(el, '#steps-loading').textContent).to.contain('Loading');
        type($<HTMLInputElement>(el, '#service-search'), 'tree');
        await el.updateComplete;
        expect($$<HTMLInputElement>(el, 'input[name="service"]').map((r) => r.value)).to.deep.equal(['tree']);
        await expect(el).to.be.accessible();
        // Choosing asks for the rest at once; it arrives with the choice kept (and saved as a draft).
        await chooseService(el, 'tree');
        await waitUntil(() => el.shadowRoot!.querySelector('#description'), 'the later steps never came', { timeout: 10_000 });
        expect(radio(el, 'service', 'tree').checked).to.equal(true);
        expect($(el, '[part="service-notice"]').textContent).to.contain('For emergencies call 911.');
        expect(JSON.parse(localStorage.getItem(DRAFT)!).values.serviceCode).to.equal('tree');
        held.forEach((run) => run()); // the idle callback, late: nothing fetched twice, nothing lost
        await el.updateComplete;
        expect(radio(el, 'service', 'tree').checked).to.equal(true);
        await expect(el).to.be.accessible();
      } finally {
        window.requestIdleCallback = original;
      }
    });

    for (const lang of ['en', 'fr'] as const) {
      it(`lists 16 services as radio buttons grouped by department, else by group (${lang})`, async () => {
        const el = await form(lang);
        const groups = $$<HTMLFieldSetElement>(el, '.service-group').map((g) => g.querySelector('legend')!.textContent!.trim());
        expect(groups).to.deep.equal(lang === 'en'
          ? ['Public Works', 'Roads', 'Parks and Recreation', 'By-law Enforcement', 'Other']
          : ['Travaux publics', 'Routes', 'Parcs et loisirs', 'Application des règlements', 'Autres']);
        expect($$(el, 'input[name="service"]')).to.have.length(15);
        // Every radio has its own label; the whole choice is one fieldset with a legend.
        for (const r of $$<HTMLInputElement>(el, 'input[name="service"]')) expect($(el, `label[for="${r.id}"]`).textContent).to.not.equal('');
        expect($(el, '#service > legend').textContent).to.equal(lang === 'en' ? 'What do you want to report or request?' : 'Que voulez-vous signaler ou demander?');
        await expect(el).to.be.accessible();
      });
    }

    it('filters by name and keywords, without minding accents, and says how many match', async () => {
      const el = await form('fr');
      const search = $<HTMLInputElement>(el, '#service-search');
      const names = () => $$(el, 'input[name="service"]').map((r) => $(el, `label[for="${r.id}"]`).textContent);
      type(search, 'deneig');
      await el.updateComplete;
      expect(names()).to.deep.equal(['Déneigement']);
      expect($(el, '#service-count').textContent).to.contain('1\u00a0service correspond');
      type(search, 'tempete'); // a keyword of "Arbre tombé"
      await el.updateComplete;
      expect(names()).to.deep.equal(['Arbre tombé']);
      type(search, 'zzz');
      await el.updateComplete;
      expect(names()).to.deep.equal([]);
      expect($(el, '#service-count').textContent).to.contain('Aucun service ne correspond à «\u00a0zzz\u00a0»');
      expect($(el, '#service-count').getAttribute('role')).to.equal('status');
      await expect(el).to.be.accessible();
    });

    it('keeps a chosen service while the list is filtered, and preselects the service attribute', async () => {
      const el = await form('en', 'service="streetlight"');
      expect(radio(el, 'service', 'streetlight').checked).to.equal(true);
      type($<HTMLInputElement>(el, '#service-search'), 'tree');
      await el.updateComplete;
      expect($(el, '#service').textContent).to.contain('Service: Streetlight out');
    });

    it('shows the service notice as text (never a field) and suggests up to 3 articles before anything is filed', async () => {
      const el = await form('en', 'kb-url="/help.html"');
      await chooseService(el, 'tree');
      expect($(el, '[part="service-notice"]').textContent).to.contain('For emergencies call 911.');
      expect($(el, '[part="service-notice"]').textContent).to.contain('A tree on a power line is an emergency.');
      expect(el.shadowRoot!.querySelector('#q-call-911')).to.equal(null);
      expect(el.shadowRoot!.querySelector('[part="service-notice"] input, [part="service-notice"] textarea')).to.equal(null);

      await chooseService(el, 'pothole');
      await waitUntil(() => el.shadowRoot!.querySelector('[part="suggestions"]'), 'no suggestions');
      const links = $$<HTMLAnchorElement>(el, '[part="suggestions"] a');
      expect(links).to.have.length(3);
      expect(links[0]!.textContent).to.equal('Pothole repair schedule');
      expect(new URL(links[0]!.href).pathname).to.equal('/help.html');
      expect(new URL(links[0]!.href).hash).to.match(/^#kb=[a-z0-9-]+$/);
      expect(links.map((a) => a.textContent)).to.not.include('Dog licences');
      // The index is fetched once, not at every change of service.
      await chooseService(el, 'streetlight');
      await chooseService(el, 'pothole');
      expect(stub.calls.filter((c) => c.url.pathname.endsWith('/kb/articles'))).to.have.length(1);
      await expect(el).to.be.accessible();
    });
  });

  describe('questions', () => {
    for (const lang of ['en', 'fr'] as const) {
      it(`asks every Open311 datatype in order, with hints tied to their controls (${lang})`, async () => {
        const el = await form(lang);
        await chooseService(el, 'tree');
        const order = [...el.shadowRoot!.querySelectorAll('[id^="q-"]')].filter((n) => /^q-[a-z]+$/.test(n.id)).map((n) => n.id);
        expect(order).to.deep.equal(['q-where', 'q-seen', 'q-count', 'q-kind', 'q-blocking', 'q-details']);
        expect($(el, '#q-where').localName).to.equal('input');
        expect($<HTMLInputElement>(el, '#q-seen').type).to.equal('datetime-local');
        expect($<HTMLInputElement>(el, '#q-count').inputMode).to.equal('decimal');
        expect($(el, '#q-count').getAttribute('aria-describedby')).to.equal('q-count-hint');
        expect($(el, '#q-count-hint').textContent).to.equal(lang === 'en' ? 'Count the trunks, not the branches.' : 'Comptez les troncs, pas les branches.');
        expect($(el, '#q-kind').localName).to.equal('select'); // seven choices: a select
        expect($$(el, '#q-blocking input[type="checkbox"]').length).to.be.greaterThan(1);
        expect($(el, '#q-details').localName).to.equal('textarea');
        expect($(el, 'label[for="q-details"]').textContent).to.contain(lang === 'en' ? '(optional)' : '(facultatif)');
        await expect(el).to.be.accessible();
      });
    }

    it('sends answers of every type: numbers as numbers, a date with its zone, lists as lists', async () => {
      const el = await form();
      await chooseService(el, 'tree');
      type($<HTMLTextAreaElement>(el, '#description'), 'A maple is down across the road.');
      type($<HTMLInputElement>(el, '#location'), 'Lake Rd at km 4');
      type($<HTMLInputElement>(el, '#q-where'), 'North side');
      type($<HTMLInputElement>(el, '#q-seen'), '2026-11-21T18:30');
      type($<HTMLInputElement>(el, '#q-count'), '1,5');
      await el.updateComplete;
      await next(el);
      // "1,5" is a number in French-Canadian writing, yet half a tree is still a number.
      expect(el.shadowRoot!.querySelector('#error-summary')).to.equal(null);
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="check"] button[aria-label="Change How many trees?"]')!.click();
      await waitUntil(() => deepActiveElement()?.id === 'q-count');
      type($<HTMLInputElement>(el, '#q-count'), '2');
      type($<HTMLSelectElement>(el, '#q-kind'), 'maple');
      radio(el, 'q-blocking', 'road').click();
      await el.updateComplete;
      radio(el, 'q-blocking', 'driveway').click();
      type($<HTMLTextAreaElement>(el, '#q-details'), 'Wires nearby.');
      await el.updateComplete;
      await send(el);
      await waitUntil(() => submitted.length === 1);
      expect((submitted[0]!.body as { answers: unknown }).answers).to.deep.equal({
        where: 'North side', seen: new Date('2026-11-21T18:30').toISOString(), count: 2, kind: 'maple', blocking: ['road', 'driveway'], details: 'Wires nearby.',
      });
    });
  });

  describe('errors', () => {
    for (const lang of ['en', 'fr'] as const) {
      it(`shows a focused summary linking to each field, and marks every control (${lang})`, async () => {
        const el = await form(lang);
        await chooseService(el, 'tree');
        type($<HTMLInputElement>(el, '#q-count'), 'three');
        type($<HTMLInputElement>(el, '#phone'), 'abc');
        await el.updateComplete;
        await next(el);
        await waitUntil(() => deepActiveElement()?.id === 'error-summary', 'summary not focused');
        // GOV.UK Frontend's pattern: the focused container is not the alert; a child is.
        const summary = $(el, '#error-summary');
        expect(summary.getAttribute('role')).to.equal(null);
        expect(summary.getAttribute('tabindex')).to.equal('-1');
        expect(summary.querySelector('[role="alert"]')).to.exist;
        expect($$<HTMLAnchorElement>(el, '#error-summary a').map((a) => a.getAttribute('href')))
          .to.deep.equal(['#description', '#location', '#q-where', '#q-count', '#phone']);
        for (const id of ['description', 'location', 'q-where', 'q-count', 'phone']) {
          const control = $(el, `#${id}`);
          expect(control.getAttribute('aria-invalid'), id).to.equal('true');
          expect(control.getAttribute('aria-describedby'), id).to.contain(`${id}-error`);
          // A visible error style on every control, text boxes included.
          expect(getComputedStyle(control).borderColor, id).to.equal('rgb(176, 0, 32)');
        }
        expect($(el, '#phone-error').textContent).to.contain(lang === 'en' ? 'at least 7 digits' : 'au moins 7 chiffres');
        await expect(el).to.be.accessible();

        // A link scrolls the label into view and focuses the control.
        $$<HTMLAnchorElement>(el, '#error-summary a')[2]!.click();
        expect(deepActiveElement()?.id).to.equal('q-where');
        expect(submitted).to.have.length(0);
      });
    }

    it('links a missing service to the search box and marks a radio group', async () => {
      const el = await form();
      await next(el);
      await waitUntil(() => deepActiveElement()?.id === 'error-summary');
      $<HTMLAnchorElement>(el, '#error-summary a[href="#service"]').click();
      expect(deepActiveElement()?.id).to.equal('service-search');
      expect($(el, '#service-search').getAttribute('aria-invalid')).to.equal('true');
      await chooseService(el, 'pothole');
      await next(el);
      await waitUntil(() => el.shadowRoot!.querySelector('#q-size-error'));
      expect(getComputedStyle(radio(el, 'q-size', 'small')).boxShadow).to.contain('rgb(176, 0, 32)');
      $<HTMLAnchorElement>(el, '#error-summary a[href="#q-size"]').click();
      expect(deepActiveElement()).to.equal(radio(el, 'q-size', 'small'));
    });

    it('requires a way to reach the resident when the service does, and keeps a honeypot out of sight', async () => {
      const el = await form();
      await chooseService(el, 'streetlight');
      type($<HTMLTextAreaElement>(el, '#description'), 'Dark corner.');
      type($<HTMLInputElement>(el, '#location'), 'Main and Lake');
      await el.updateComplete;
      await next(el);
      await waitUntil(() => el.shadowRoot?.querySelector('#email-error'));
      expect($(el, '#email-error').textContent).to.contain('email address or a phone number');
      type($<HTMLInputElement>(el, '#phone'), '(613) 555-0123 ext. 12');
      const website = $<HTMLInputElement>(el, '#website');
      expect(website.tabIndex).to.equal(-1);
      expect(website.autocomplete).to.equal('off');
      expect(website.closest('[aria-hidden="true"]')).to.exist;
      await send(el);
      await waitUntil(() => submitted.length === 1, 'not sent');
      expect((submitted[0]!.body as { contact: { phone: string } }).contact.phone).to.equal('(613) 555-0123 ext. 12');
    });

    it('maps server field errors onto their controls (answers, contact, photos, the honeypot)', async () => {
      stub.on('POST /towns/lakeview/requests', apiError(400, 'validation_failed', 'Check the form', [
        { field: 'location.text', message: 'Enter a location in the township' },
        { field: 'answers.size', message: 'Choose one of the listed options.' },
        { field: 'contact.email', message: 'Enter a real address' },
        { field: 'photos.0', message: 'Unknown upload' },
        { field: 'website', message: 'Leave this empty' },
      ]));
      const el = await form();
      await fillValid(el);
      await send(el);
      await waitUntil(() => deepActiveElement()?.id === 'error-summary', 'summary not focused');
      expect($$<HTMLAnchorElement>(el, '#error-summary a').map((a) => a.getAttribute('href')))
        .to.deep.equal(['#location', '#q-size', '#email', '#photos', '#website']);
      expect($(el, '#location-error').textContent).to.contain('Enter a location in the township');
      expect($(el, '#location').getAttribute('aria-invalid')).to.equal('true');
      expect(localStorage.getItem(DRAFT)).to.not.equal(null);
    });

    it('starts a fresh key after idempotency_key_reused, and says why', async () => {
      const keys: string[] = [];
      stub.on('POST /towns/lakeview/requests', (req) => {
        keys.push(req.headers.get('Idempotency-Key')!);
        return keys.length === 1 ? apiError(422, 'idempotency_key_reused', 'Reused') : { status: 201, body: RECEIVED };
      });
      const el = await form();
      await fillValid(el);
      await send(el);
      await waitUntil(() => deepActiveElement()?.id === 'error-summary');
      expect($(el, '#error-summary').textContent).to.contain('send the request again');
      $<HTMLButtonElement>(el, '[part="submit-button"]').click();
      await waitUntil(() => el.shadowRoot!.querySelector('[part="reference"]'));
      expect(keys).to.have.length(2);
      expect(keys[1]).to.not.equal(keys[0]);
    });

    it('says when to try again after a rate limit, keeping everything typed (fr)', async () => {
      stub.on('POST /towns/lakeview/requests', () => new Response(JSON.stringify({ error: { code: 'rate_limited', message: 'Too many' } }), {
        status: 429, headers: { 'Content-Type': 'application/json', 'Retry-After': '300' },
      }));
      const el = await form('fr');
      await fillValid(el);
      await send(el);
      await waitUntil(() => deepActiveElement()?.id === 'error-summary', 'summary not focused');
      expect($(el, '#error-summary').textContent).to.contain('réessayez dans 5 minutes');
      expect($(el, '[part="check"]').textContent).to.contain('Deep pothole in the eastbound lane.');
      await expect(el).to.be.accessible();
      // "Change" goes back to the field with what was typed.
      $<HTMLButtonElement>(el, '[part="check"] button[aria-label$="Décrivez le problème"]').click();
      await waitUntil(() => deepActiveElement()?.id === 'description', 'description not focused');
      expect($<HTMLTextAreaElement>(el, '#description').value).to.equal('Deep pothole in the eastbound lane.');
    });

    it('explains a 413 and a server error, keeping the form and the key for a retry', async () => {
      const keys: string[] = [];
      let answer: 'too-large' | 'down' | 'ok' = 'too-large';
      stub.on('POST /towns/lakeview/requests', (req) => {
        keys.push(req.headers.get('Idempotency-Key')!);
        if (answer === 'too-large') return { status: 413, body: { error: { code: 'payload_too_large', message: 'Too large' } } };
        if (answer === 'down') return { status: 503, body: { error: { code: 'internal', message: 'Down' } } };
        return { status: 201, body: RECEIVED };
      });
      const el = await form();
      await fillValid(el);
      await send(el);
      await waitUntil(() => deepActiveElement()?.id === 'error-summary');
      expect($(el, '#error-summary').textContent).to.contain('too large to send');
      answer = 'down';
      await send(el);
      await waitUntil(() => el.shadowRoot!.querySelector('[part="network-error"]'), 'no server error shown');
      expect(deepActiveElement()?.id).to.equal('network-error');
      expect($(el, '[part="network-error"]').textContent).to.contain('Something went wrong on the town’s server');
      expect($(el, '[part="check"]').textContent).to.contain('123 Main St');
      await expect(el).to.be.accessible();
      answer = 'ok';
      $<HTMLButtonElement>(el, '[part="network-error"] button').click();
      await waitUntil(() => el.shadowRoot?.querySelector('[part="reference"]'));
      expect(keys).to.have.length(3);
      expect(new Set(keys).size).to.equal(1);
    });
  });

  describe('check your answers and confirmation', () => {
    for (const lang of ['en', 'fr'] as const) {
      it(`lists every answer with a Change link that returns to the field (${lang})`, async () => {
        const el = await form(lang);
        await fillValid(el);
        type($<HTMLInputElement>(el, '#email'), 'resident@example.ca');
        await next(el);
        expect(deepActiveElement()?.id).to.equal('check-heading');
        const rows = $$(el, '.summary-row').map((r) => r.querySelector('dt')!.textContent);
        expect(rows).to.have.length(6); // service, description, location, size, photos, contact
        expect($(el, '[part="check"]').textContent).to.contain('resident@example.ca');
        await expect(el).to.be.accessible();
        const change = $$<HTMLButtonElement>(el, '[part="check"] .summary-action button');
        change[0]!.click(); // the service: back to the chosen radio
        await waitUntil(() => deepActiveElement() === radio(el, 'service', 'pothole'), 'service not focused');
        expect($<HTMLInputElement>(el, '#email').value).to.equal('resident@example.ca');
      });
    }

    for (const lang of ['en', 'fr'] as const) {
      it(`confirms with the reference (spaced, spelled, copyable), what happens next and a tracking link (${lang})`, async () => {
        let copied = '';
        Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void (copied = text) } });
        try {
          const el = await form(lang, 'track-url="/track.html"');
          await fillValid(el);
          type($<HTMLInputElement>(el, '#email'), 'resident@example.ca');
          const key = JSON.parse(localStorage.getItem(DRAFT)!).idempotencyKey as string;
          expect(key).to.match(/^[0-9a-f-]{36}$/);
          const event = oneEvent(el, 'muni-request-submitted');
          await send(el);
          const fired = await event;
          expect(fired).to.be.instanceOf(RequestSubmittedEvent);
          expect(fired.bubbles && fired.composed).to.equal(true);
          expect(fired.detail).to.deep.equal({ reference: 'LKV-7K4Q2-M9XCR', serviceCode: 'pothole' });
          await el.updateComplete;
          expect(submitted[0]!.headers.get('Idempotency-Key')).to.equal(key);
          expect(submitted[0]!.body).to.deep.equal({
            serviceCode: 'pothole', description: 'Deep pothole in the eastbound lane.', location: { text: '123 Main St' },
            contact: { email: 'resident@example.ca' }, answers: { size: 'large' }, lang,
          });
          const reference = $(el, '[part="reference"]');
          expect(reference.dataset['reference']).to.equal('LKV-7K4Q2-M9XCR');
          expect($$(el, '.ref-group').map((g) => g.textContent)).to.deep.equal(['LKV', '7K4Q2', 'M9XCR']);
          expect(reference.querySelector('.visually-hidden')!.textContent).to.equal('L K V, 7 K 4 Q 2, M 9 X C R');
          expect(deepActiveElement()?.id).to.equal('confirmation-heading');
          const track = $<HTMLAnchorElement>(el, '[part="confirmation"] a');
          expect(track.href).to.contain('/track.html?ref=LKV-7K4Q2-M9XCR');
          expect($(el, '[part="confirmation"] h3').textContent).to.equal(lang === 'en' ? 'What happens next' : 'La suite');
          $<HTMLButtonElement>(el, '[part="confirmation"] button').click();
          await waitUntil(() => copied === 'LKV-7K4Q2-M9XCR', 'not copied');
          await el.updateComplete;
          expect($(el, '[part="confirmation"] [role="status"]').textContent).to.equal(lang === 'en' ? 'Reference number copied.' : 'Numéro de référence copié.');
          expect(localStorage.getItem(DRAFT)).to.equal(null);
          await expect(el).to.be.accessible();
        } finally {
          delete (navigator as { clipboard?: unknown }).clipboard;
        }
      });
    }
  });

  describe('offline', () => {
    for (const lang of ['en', 'fr'] as const) {
      it(`queues the request when the browser is offline and sends it once, with the same key, when it is back (${lang})`, async () => {
        setOnline(false);
        const el = await form(lang);
        await fillValid(el);
        type($<HTMLInputElement>(el, '#name'), 'Pat Resident');
        type($<HTMLInputElement>(el, '#email'), 'pat@example.ca');
        const key = JSON.parse(localStorage.getItem(DRAFT)!).idempotencyKey as string;
        const queuedEvent = oneEvent(el, 'muni-request-queued');
        await send(el);
        const fired = await queuedEvent;
        expect(fired).to.be.instanceOf(RequestQueuedEvent);
        expect(fired.detail).to.deep.equal({ serviceCode: 'pothole' });
        await waitUntil(() => deepActiveElement()?.id === 'queued-heading', 'queued panel not focused');
        expect($(el, '[part="queued"]').textContent).to.contain(lang === 'en' ? 'it will be sent when you are back online' : 'elle sera envoyée dès que vous serez de nouveau en ligne');
        expect(submitted).to.have.length(0);
        // What and where survive a restart; who only this tab.
        const kept = localStorage.getItem(OUTBOX)!;
        expect(kept).to.contain('Deep pothole');
        expect(kept).to.not.contain('pat@example.ca');
        expect(kept).to.not.contain('Pat Resident');
        expect(sessionStorage.getItem(OUTBOX)).to.contain('pat@example.ca');
        expect(localStorage.getItem(DRAFT)).to.equal(null);
        await expect(el).to.be.accessible();

        setOnline(true);
        const sent = oneEvent(el, 'muni-request-submitted');
        window.dispatchEvent(new Event('online'));
        window.dispatchEvent(new Event('online')); // twice: still sent once
        expect((await sent).detail.reference).to.equal('LKV-7K4Q2-M9XCR');
        await waitUntil(() => el.shadowRoot!.querySelector('[part="reference"]'), 'no confirmation');
        expect(submitted).to.have.length(1);
        expect(submitted[0]!.headers.get('Idempotency-Key')).to.equal(key);
        expect((submitted[0]!.body as { contact: unknown }).contact).to.deep.equal({ name: 'Pat Resident', email: 'pat@example.ca' });
        expect(localStorage.getItem(OUTBOX)).to.equal(null);
        expect(sessionStorage.getItem(OUTBOX)).to.equal(null);
      });
    }

    it('queues after a network error, and the next page with the form sends it and says so', async () => {
      let fail = true;
      const keys: string[] = [];
      stub.on('POST /towns/lakeview/requests', (req) => {
        keys.push(req.headers.get('Idempotency-Key')!);
        return fail ? 'network-error' : { status: 201, body: RECEIVED };
      });
      const el = await form('en', 'track-url="/track.html"');
      await fillValid(el);
      await send(el);
      await waitUntil(() => el.shadowRoot!.querySelector('[part="queued"]'), 'not queued');

      fail = false;
      unmountAll();
      const again = await form('en', 'track-url="/track.html"');
      await waitUntil(() => again.shadowRoot!.querySelector('.notice--success'), 'not told it was sent');
      expect($(again, '.notice--success').textContent).to.contain('Your reference number is LKV-7K4Q2-M9XCR');
      expect($<HTMLAnchorElement>(again, '.notice--success a').href).to.contain('ref=LKV-7K4Q2-M9XCR');
      expect(keys).to.have.length(2);
      expect(keys[0]).to.equal(keys[1]);
      expect(localStorage.getItem(OUTBOX)).to.equal(null);
      await expect(again).to.be.accessible();
    });

    it('never sends a queued request without the contact details it had: it comes back to check', async () => {
      setOnline(false);
      const el = await form();
      await fillValid(el);
      type($<HTMLInputElement>(el, '#email'), 'pat@example.ca');
      await send(el);
      await waitUntil(() => el.shadowRoot!.querySelector('[part="queued"]'));
      // The tab was closed (its sessionStorage went with it); later, online again, a new tab opens.
      sessionStorage.removeItem(OUTBOX);
      setOnline(true);
      unmountAll();
      const again = await form();
      await waitUntil(() => $<HTMLTextAreaElement>(again, '#description').value !== '', 'not taken back');
      expect(submitted).to.have.length(0);
      expect($(again, '.notice--error').textContent).to.contain('your contact details and location were not kept');
      expect($<HTMLInputElement>(again, '#email').value).to.equal('');
      expect($<HTMLTextAreaElement>(again, '#description').value).to.equal('Deep pothole in the eastbound lane.');
      expect(localStorage.getItem(OUTBOX)).to.equal(null);
    });

    it('keeps contact details only for this tab in the draft too', async () => {
      const el = await form();
      await fillValid(el);
      type($<HTMLInputElement>(el, '#name'), 'Pat Resident');
      type($<HTMLInputElement>(el, '#email'), 'pat@example.ca');
      await el.updateComplete;
      const kept = localStorage.getItem(DRAFT)!;
      expect(JSON.parse(kept).values.description).to.equal('Deep pothole in the eastbound lane.');
      expect(kept).to.not.contain('pat@example.ca');
      expect(kept).to.not.contain('Pat Resident');
      expect(JSON.parse(sessionStorage.getItem(DRAFT)!)).to.deep.equal({ name: 'Pat Resident', email: 'pat@example.ca', phone: '', lat: null, lng: null });
      // A reload in the same tab brings everything back.
      unmountAll();
      const again = await form();
      expect($<HTMLInputElement>(again, '#email').value).to.equal('pat@example.ca');
      expect($<HTMLTextAreaElement>(again, '#description').value).to.equal('Deep pothole in the eastbound lane.');
      expect(radio(again, 'service', 'pothole').checked).to.equal(true);
      expect($(again, '.notice').textContent).to.contain('restored');
    });
  });

  describe('location from the device', () => {
    for (const lang of ['en', 'fr'] as const) {
      it(`explains what is shared before asking the browser, then shows and sends the coordinates (${lang})`, async () => {
        const geo = stubGeolocation({ lat: 45.1234567, lng: -76.7654321 });
        try {
          const el = await form(lang);
          await chooseService(el, 'pothole');
          $<HTMLButtonElement>(el, '#use-location').click();
          await waitUntil(() => deepActiveElement()?.id === 'location-consent', 'consent not focused');
          expect(geo.asked()).to.equal(0);
          expect($(el, '[part="location-consent"]').textContent).to.contain(lang === 'en' ? 'Only town staff see it' : 'Seul le personnel de la municipalité');
          await expect(el).to.be.accessible();
          $<HTMLButtonElement>(el, '[part="location-consent"] .button').click();
          await waitUntil(() => deepActiveElement()?.id === 'location-chosen', 'chosen location not focused');
          expect(geo.asked()).to.equal(1);
          expect($(el, '#location-chosen').textContent).to.contain(lang === 'en' ? '45.12346, -76.76543' : '45,12346, -76,76543');
          await expect(el).to.be.accessible();
          // Coordinates alone are a place: no text needed.
          type($<HTMLTextAreaElement>(el, '#description'), 'Hole.');
          radio(el, 'q-size', 'small').click();
          await el.updateComplete;
          await send(el);
          await waitUntil(() => submitted.length === 1);
          expect((submitted[0]!.body as { location: unknown }).location).to.deep.equal({ text: '', lat: 45.12346, lng: -76.76543 });
          await waitUntil(() => el.shadowRoot!.querySelector('[part="reference"]'));
          expect(localStorage.getItem(DRAFT)).to.equal(null);
          expect(sessionStorage.getItem(DRAFT)).to.equal(null);
        } finally {
          geo.restore();
        }
      });
    }

    it('removes the coordinates on request and keeps them out of localStorage', async () => {
      const geo = stubGeolocation({ lat: 45.5, lng: -76.5 });
      try {
        const el = await form();
        $<HTMLButtonElement>(el, '#use-location').click();
        await el.updateComplete;
        $<HTMLButtonElement>(el, '[part="location-consent"] .button').click();
        await waitUntil(() => el.shadowRoot!.querySelector('#location-chosen'));
        expect(localStorage.getItem(DRAFT)).to.not.contain('45.5');
        expect(sessionStorage.getItem(DRAFT)).to.contain('45.5');
        $<HTMLButtonElement>(el, '#location-chosen button').click();
        await waitUntil(() => deepActiveElement()?.id === 'use-location');
        expect($(el, '.device-location [role="status"]').textContent).to.equal('Location removed.');
        expect(JSON.parse(sessionStorage.getItem(DRAFT)!).lat).to.equal(null);
      } finally {
        geo.restore();
      }
    });

    for (const [code, en, fr] of [
      [1, 'not allowed to use your location', 'n’a pas la permission'],
      [2, 'could not find its location', 'n’a pas pu trouver sa position'],
      [3, 'took too long', 'a pris trop de temps'],
    ] as const) {
      it(`says clearly when the position is refused or cannot be found (code ${code})`, async () => {
        const geo = stubGeolocation({ code });
        try {
          for (const lang of ['en', 'fr'] as const) {
            const el = await form(lang);
            $<HTMLButtonElement>(el, '#use-location').click();
            await el.updateComplete;
            $<HTMLButtonElement>(el, '[part="location-consent"] .button').click();
            await waitUntil(() => $(el, '.device-location [role="status"]').textContent!.includes(lang === 'en' ? en : fr), 'no message');
            expect(deepActiveElement()?.id).to.equal('use-location');
            await expect(el).to.be.accessible();
            unmountAll();
          }
        } finally {
          geo.restore();
        }
      });
    }

    it('cancels without asking the browser', async () => {
      const geo = stubGeolocation({ lat: 1, lng: 1 });
      try {
        const el = await form();
        $<HTMLButtonElement>(el, '#use-location').click();
        await el.updateComplete;
        $<HTMLButtonElement>(el, '[part="location-consent"] .button--secondary').click();
        await waitUntil(() => deepActiveElement()?.id === 'use-location');
        expect(geo.asked()).to.equal(0);
      } finally {
        geo.restore();
      }
    });
  });

  describe('photos', () => {
    for (const lang of ['en', 'fr'] as const) {
      it(`resizes a large photo, previews it, sends its id, and removes it by name (${lang})`, async () => {
        const el = await form(lang);
        await fillValid(el);
        choose($<HTMLInputElement>(el, '#photos'), [await photo(3000, 1500), await photo(400, 300, 'small.png')]);
        await waitUntil(() => $$(el, '[part="photos"] img').length === 2 && uploads.length === 2 && el.values.photos.length === 2, 'photos not sent', { timeout: 8000 });
        // The large one was redrawn: 2048 px on its longest side, as JPEG; the small one went as it was.
        const big = uploads.find((u) => u.headers.get('Content-Type') === 'image/jpeg')!;
        const bitmap = await createImageBitmap(big.raw as Blob);
        expect([bitmap.width, bitmap.height]).to.deep.equal([2048, 1024]);
        expect(uploads.map((u) => u.headers.get('Content-Type')).sort()).to.deep.equal(['image/jpeg', 'image/png']);
        const img = $<HTMLImageElement>(el, '[part="photos"] img');
        expect(img.src).to.match(/^data:image\/jpeg;base64,/);
        await waitUntil(() => img.complete && img.naturalWidth > 0, 'preview not decoded');
        expect(Math.max(img.naturalWidth, img.naturalHeight)).to.equal(240);
        expect(img.alt).to.equal(lang === 'en' ? 'Photo 1 you added' : 'Photo 1 que vous avez ajoutée');
        const removes = $$<HTMLButtonElement>(el, '[part="photos"] button');
        expect(removes.map((b) => b.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(
          lang === 'en' ? ['Remove photo 1', 'Remove photo 2'] : ['Retirer la photo 1', 'Retirer la photo 2'],
        );
        await expect(el).to.be.accessible();

        removes[0]!.click();
        await waitUntil(() => deepActiveElement()?.id === 'photos');
        expect($$(el, '[part="photos"] img')).to.have.length(1);
        expect($(el, '#photos').parentElement!.querySelector('[role="status"]')!.textContent).to.equal(lang === 'en' ? 'Photo 1 removed.' : 'Photo 1 retirée.');
        await send(el);
        await waitUntil(() => submitted.length === 1);
        // Photo 2 (the small PNG) is the one left.
        const small = uploads.findIndex((u) => u.headers.get('Content-Type') === 'image/png') + 1;
        expect((submitted[0]!.body as { photos: string[] }).photos).to.deep.equal([`upload-${small}`]);
      });
    }

    it('refuses a photo over 10 MB and a fourth photo, before sending anything', async () => {
      const el = await form();
      const huge = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'huge.jpg', { type: 'image/jpeg' });
      choose($<HTMLInputElement>(el, '#photos'), [huge]);
      await el.updateComplete;
      expect($(el, '#photos-error').textContent).to.contain('“huge.jpg” is larger than 10 MB');
      expect($(el, '#photos').getAttribute('aria-invalid')).to.equal('true');
      expect(uploads).to.have.length(0);
      const four = await Promise.all([1, 2, 3, 4].map((i) => photo(200, 200, `p${i}.png`)));
      choose($<HTMLInputElement>(el, '#photos'), four);
      await waitUntil(() => uploads.length === 3 && el.values.photos.length === 3, 'three not sent', { timeout: 8000 });
      expect($(el, '#photos-error').textContent).to.contain('up to 3 photos');
      await expect(el).to.be.accessible();
    });

    it('keeps a photo that failed to upload for a retry, and will not continue without it', async () => {
      let fail = true;
      stub.on('POST /towns/lakeview/uploads', () => (fail ? 'network-error' : { status: 201, body: { id: 'upload-ok', contentType: 'image/png', width: 200, height: 200, bytes: 10 } }));
      const el = await form();
      await fillValid(el);
      choose($<HTMLInputElement>(el, '#photos'), [await photo(200, 200)]);
      await waitUntil(() => el.shadowRoot!.querySelector('.photo--failed'), 'not failed', { timeout: 8000 });
      await next(el);
      await waitUntil(() => deepActiveElement()?.id === 'error-summary');
      expect($(el, '#error-summary').textContent).to.contain('Photo 1 could not be sent');
      fail = false;
      $$<HTMLButtonElement>(el, '[part="photos"] button')[0]!.click(); // Try again
      await waitUntil(() => el.values.photos.length === 1, 'retry not sent', { timeout: 8000 });
      await send(el);
      await waitUntil(() => submitted.length === 1);
      expect((submitted[0]!.body as { photos: string[] }).photos).to.deep.equal(['upload-ok']);
    });

    it('says an unreadable file is not a photo', async () => {
      stub.on('POST /towns/lakeview/uploads', apiError(400, 'validation_failed', 'Not an image', [{ field: 'photo', message: 'Not an image' }]));
      const el = await form('fr');
      choose($<HTMLInputElement>(el, '#photos'), [new File(['not a photo'], 'notes.jpg', { type: 'image/jpeg' })]);
      await waitUntil(() => el.shadowRoot!.querySelector('#photos-error'), 'no error', { timeout: 8000 });
      expect($(el, '#photos-error').textContent).to.contain('«\u00a0notes.jpg\u00a0» n’est pas une photo que nous pouvons lire');
      expect($$(el, '[part="photos"] li')).to.have.length(0);
    });
  });

  it('tells who sees contact details and for how long, in both languages', async () => {
    const el = await form();
    expect($(el, '[part="privacy"]').textContent).to.contain('town staff only');
    expect($(el, '[part="privacy"]').textContent).to.contain('up to 12 months after the request is closed');
    unmountAll();
    const fr = await form('fr', 'retention-months="24"');
    expect($(fr, '[part="privacy"]').textContent).to.contain('jusqu’à 24\u00a0mois après la fermeture de la demande');
  });

  it('states the town’s own retention figure when the page gives none', async () => {
    stub.on('GET /towns/lakeview', { status: 200, body: { id: 'lakeview', name: { en: 'Lakeview', fr: 'Lakeview' }, defaultLanguage: 'en', retentionMonths: 18 } });
    const el = await form();
    await waitUntil(() => $(el, '[part="privacy"]').textContent!.includes('18 months'), 'town figure not shown');
    unmountAll();
    const fr = await form('fr');
    await waitUntil(() => $(fr, '[part="privacy"]').textContent!.includes('18\u00a0mois'), 'town figure not shown in French');
    unmountAll();
    const own = await form('en', 'retention-months="6"');
    expect($(own, '[part="privacy"]').textContent).to.contain('up to 6 months');
    expect(stub.calls.filter((c) => c.url.pathname.endsWith('/towns/lakeview'))).to.have.length(2);
  });

  it('restores a draft from localStorage and sends it with its key', async () => {
    localStorage.setItem(DRAFT, JSON.stringify({
      v: 1,
      idempotencyKey: '6f1c1c6e-2f5e-4a8e-9b0a-6a2d0e0b7c11',
      values: { serviceCode: 'pothole', description: 'Started earlier', locationText: 'Lake Rd', name: '', email: '', phone: '', answers: { size: 'small' } },
    }));
    const el = await ready(await fixture<MuniRequestForm>(html`<muni-request-form></muni-request-form>`));
    expect($<HTMLTextAreaElement>(el, '#description').value).to.equal('Started earlier');
    expect($<HTMLInputElement>(el, '#location').value).to.equal('Lake Rd');
    expect(radio(el, 'service', 'pothole').checked).to.equal(true);
    expect(radio(el, 'q-size', 'small').checked).to.equal(true);
    await send(el);
    await waitUntil(() => submitted.length === 1);
    expect(submitted[0]!.headers.get('Idempotency-Key')).to.equal('6f1c1c6e-2f5e-4a8e-9b0a-6a2d0e0b7c11');
  });

  it('speaks French when its page section is French', async () => {
    const el = await ready(mountInLang('fr', 'muni-request-form'));
    expect($(el, 'label[for="description"]').textContent).to.contain('Décrivez le problème');
    expect($(el, '#service-list').textContent).to.contain('Nid-de-poule');
    const servicesCall = stub.calls.find((c) => c.url.pathname.endsWith('/services'));
    expect(servicesCall?.url.searchParams.get('lang')).to.equal('fr');
    await next(el);
    await waitUntil(() => el.shadowRoot?.querySelector('#error-summary'));
    expect($(el, '#error-summary h2').textContent).to.equal('Il y a un problème');
    await expect(el).to.be.accessible();
  });

  it('fits a 390 px phone screen without sideways scrolling', async () => {
    const wrap = document.createElement('div');
    wrap.style.width = '390px';
    document.body.append(wrap);
    try {
      const el = document.createElement('muni-request-form');
      wrap.append(el);
      await ready(el);
      await chooseService(el, 'tree');
      expect(el.scrollWidth).to.be.at.most(390);
      expect($(el, '[part="base"]').scrollWidth).to.be.at.most(390);
    } finally {
      wrap.remove();
    }
  });
});
