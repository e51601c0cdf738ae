import { expect, waitUntil } from '@open-wc/testing';
import { stubFetch, stubTown } from '../../core/test/fetch-stub.ts';
import type { FetchStub } from '../../core/test/fetch-stub.ts';

describe('munikit.js loader', () => {
  let stub: FetchStub;
  beforeEach(() => {
    stub = stubTown(stubFetch());
  });
  afterEach(() => stub.restore());

  it('defines nothing up front, then loads an element the first time its tag appears', async () => {
    document.body.append(document.createElement('muni-request-status'));
    await import('../src/munikit.ts');
    await waitUntil(() => customElements.get('muni-request-status'), 'existing tag not loaded');
    expect(customElements.get('muni-kb-search')).to.equal(undefined);
    expect(customElements.get('muni-staff-app')).to.equal(undefined);

    const later = document.createElement('div');
    later.innerHTML = '<p><muni-kb-search town="lakeview"></muni-kb-search></p>';
    document.body.append(later);
    await waitUntil(() => customElements.get('muni-kb-search'), 'added tag not loaded');
    expect(customElements.get('muni-request-form')).to.equal(undefined);
    // Their later code follows the first render (idle time): let it arrive before the test ends (a page
    // left with a module still loading can keep the test runner from ever closing it).
    const status = document.querySelector('muni-request-status') as unknown as { result?: unknown };
    const search = later.querySelector('muni-kb-search') as unknown as { view?: unknown };
    await waitUntil(() => status.result && search.view, 'later code not loaded', { timeout: 20_000 });
    document.querySelectorAll('muni-request-status, muni-kb-search').forEach((n) => n.remove());
    later.remove();
  });

  it("asks for an element's first data with its code, once, at the URL the element then takes it from", async () => {
    await import('../src/munikit.ts');
    stub.on('GET /towns/lakeview/services', { status: 200, body: { lang: 'fr', services: [] } });
    const section = document.createElement('section');
    section.lang = 'fr-CA';
    section.innerHTML = '<muni-request-form town="lakeview" retention-months="6"></muni-request-form>';
    document.body.append(section);
    // At tag sight, before the element's code has arrived; not the town, whose figure the page gives.
    await waitUntil(() => stub.calls.length > 0, 'nothing asked at tag sight');
    expect(customElements.get('muni-request-form')).to.equal(undefined);
    const form = section.firstElementChild as HTMLElement & { loadState?: string };
    await waitUntil(() => form.loadState === 'ready', 'form not ready', { timeout: 20_000 });
    expect(stub.calls.map((c) => `${c.url.pathname}${c.url.search}`)).to.deep.equal(['/api/v1/towns/lakeview/services?lang=fr']);
    await waitUntil(() => (form as { steps?: unknown }).steps, 'later steps not loaded', { timeout: 20_000 });
    section.remove();
  });
});
