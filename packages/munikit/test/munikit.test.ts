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
    document.querySelectorAll('muni-request-status, muni-kb-search').forEach((n) => n.remove());
    later.remove();
  });
});
