import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../src/define.ts';
import type { MuniRequestForm } from '../src/request-form.ts';
import { clearTownCache } from '@munikit/core';
import { $, $$, stubFetch, stubTown, type } from '../../core/test/fetch-stub.ts';
import type { FetchStub, StubRequest } from '../../core/test/fetch-stub.ts';
import type { Service } from '@munikit/core';

const service = (lang: string): Service => ({
  code: 'pothole', name: lang === 'fr' ? 'Nid-de-poule' : 'Pothole', description: '', group: 'Roads', keywords: [],
  anonymousAllowed: true, department: null, questions: [],
});

describe('<muni-request-form>: already reported nearby, and "email me"', () => {
  let stub: FetchStub;
  let follows: StubRequest[];
  let filed: StubRequest[];

  beforeEach(() => {
    clearTownCache();
    sessionStorage.clear();
    localStorage.clear();
    follows = [];
    filed = [];
    stub = stubTown(stubFetch())
      .on('GET /towns/lakeview/services', (req) => ({ status: 200, body: { lang: 'en', services: [service(req.url.searchParams.get('lang') ?? 'en')] } }))
      .on('GET /towns/lakeview/kb/articles', { status: 200, body: { lang: 'en', articles: [] } })
      .on('GET /towns/lakeview/requests/nearby', (req) => ({
        status: 200,
        body: {
          requests: req.url.searchParams.get('address') === '12 Lake Road'
            ? [{ reference: 'LKV-7K4Q2-M9XCR', status: 'in_progress', createdAt: '2026-11-20T14:00:00.000Z', distanceM: null }]
            : [],
        },
      }))
      .on('POST /towns/lakeview/requests/LKV-7K4Q2-M9XCR/followers', (req) => {
        follows.push(req);
        return { status: 202, body: { status: 'accepted' } };
      })
      .on('POST /towns/lakeview/requests', (req) => {
        filed.push(req);
        return { status: 201, body: { reference: 'LKV-22222-2222X', status: 'received', createdAt: '2026-12-04T10:00:00.000Z' } };
      });
  });
  afterEach(() => {
    stub.restore();
    sessionStorage.clear();
    localStorage.clear();
  });

  const form = async (lang: string) => {
    const wrap = document.createElement('div');
    wrap.innerHTML = `<muni-request-form lang="${lang}" track-url="/track.html"></muni-request-form>`;
    const el = await fixture<MuniRequestForm>(wrap.firstElementChild as MuniRequestForm);
    await waitUntil(() => el.shadowRoot?.querySelector('input[name="service"]'), 'no services');
    $$<HTMLInputElement>(el, 'input[name="service"]').find((r) => r.value === 'pothole')!.click();
    // The later steps (location, nearby requests) come after the service list.
    await waitUntil(() => el.shadowRoot?.querySelector('#location'), 'no later steps', { timeout: 10_000 });
    return el;
  };

  for (const lang of ['en', 'fr'] as const) {
    it(`offers open requests at the same address and follows one instead of filing (${lang})`, async function () {
      this.timeout(30_000);
      const el = await form(lang);
      type($<HTMLInputElement>(el, '#location'), '12 Lake Road');
      await waitUntil(() => el.shadowRoot?.querySelector('#nearby-heading'), 'no nearby panel', { timeout: 5000 });
      expect($(el, '#nearby-heading').textContent).to.equal(lang === 'fr' ? 'Déjà signalé à proximité' : 'Already reported nearby');
      expect($(el, '[part="nearby"]').textContent).to.contain('LKV-7K4Q2-M9XCR');
      await expect(el).to.be.accessible();

      $<HTMLButtonElement>(el, '[part="nearby"] button').click();
      await waitUntil(() => el.shadowRoot?.querySelector('#nearby-email'));
      await expect(el).to.be.accessible();
      type($<HTMLInputElement>(el, '#nearby-email'), 'me@example.ca');
      $<HTMLButtonElement>(el, '.nearby-follow button').click();
      await waitUntil(() => el.shadowRoot?.querySelector('[part="nearby"][role="status"]'), 'not followed');
      expect(follows[0]!.body).to.deep.equal({ email: 'me@example.ca', lang });
      const link = $<HTMLAnchorElement>(el, '[part="nearby"] a');
      expect(link.getAttribute('href')).to.contain('ref=LKV-7K4Q2-M9XCR');
      await expect(el).to.be.accessible();
      expect(filed).to.have.length(0);
    });
  }

  it('asks "email me when this request changes" only with an email, unchecked, and sends it when ticked', async function () {
    this.timeout(30_000);
    const el = await form('en');
    expect(el.shadowRoot!.querySelector('#subscribe')).to.equal(null);
    type($<HTMLTextAreaElement>(el, '#description'), 'A deep pothole.');
    type($<HTMLInputElement>(el, '#location'), '40 Elsewhere Street');
    type($<HTMLInputElement>(el, '#email'), 'me@example.ca');
    await el.updateComplete;
    const box = $<HTMLInputElement>(el, '#subscribe');
    expect(box.checked).to.equal(false);
    expect($(el, 'label[for="subscribe"]').textContent).to.equal('Email me when this request changes');
    box.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part="continue-button"]').click();
    await waitUntil(() => el.shadowRoot?.querySelector('[part="submit-button"]'), 'no check step');
    $<HTMLButtonElement>(el, '[part="submit-button"]').click();
    await waitUntil(() => filed.length === 1, 'not filed');
    expect((filed[0]!.body as { subscribe?: boolean }).subscribe).to.equal(true);
  });
});
