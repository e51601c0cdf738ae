import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/define.ts';
import type { MuniKbSearch } from '../src/kb-search.ts';
import { clearTownCache } from '@munikit/core';
import { $, $$, deepActiveElement, mountInLang, stubFetch, stubTown, type, unmountAll } from '../../core/test/fetch-stub.ts';
import type { FetchStub } from '../../core/test/fetch-stub.ts';
import type { KbArticleSummary } from '@munikit/core';

const articlesEn: KbArticleSummary[] = [
  {
    id: 'a1', slug: 'garbage-day', categoryId: 'c1', categoryName: 'Waste and recycling',
    title: 'Garbage and recycling collection', summary: 'Which day your garbage, recycling and green bin are picked up.',
    keywords: ['garbage', 'trash', 'blue box', 'green bin'], updatedAt: '2026-10-01T12:00:00.000Z',
  },
  {
    id: 'a2', slug: 'dog-licence', categoryId: 'c2', categoryName: 'Animals',
    title: 'Dog licences', summary: 'Every dog in the township needs a yearly licence tag.',
    keywords: ['dog', 'tag', 'pet'], updatedAt: '2026-09-15T12:00:00.000Z',
  },
  {
    id: 'a3', slug: 'burn-permit', categoryId: 'c3', categoryName: 'Fire and emergency',
    title: 'Open-air burn permits', summary: 'When you need a permit to burn brush and how to get one.',
    keywords: ['fire', 'brush', 'burning'], updatedAt: '2026-08-20T12:00:00.000Z',
  },
];

const articlesFr: KbArticleSummary[] = [
  { ...articlesEn[0]!, title: 'Collecte des ordures et du recyclage', summary: 'Le jour de collecte des ordures, du recyclage et du bac vert.', categoryName: 'Déchets et recyclage', keywords: ['ordures', 'bac bleu'] },
  { ...articlesEn[1]!, title: 'Licences pour chiens', summary: 'Chaque chien doit avoir une médaille annuelle.', categoryName: 'Animaux', keywords: ['chien', 'médaille'] },
];

function articleBody(id: string) {
  const a = articlesEn.find((x) => x.id === id)!;
  return { lang: 'en', ...a, bodyHtml: `<p>Details about <strong>${a.title}</strong>.</p><ul><li>One</li></ul>` };
}

describe('<muni-kb-search>', () => {
  let stub: FetchStub;

  beforeEach(() => {
    clearTownCache();
    document.documentElement.lang = 'en';
    stub = stubTown(stubFetch())
      .on('GET /towns/lakeview/kb/articles', (req) => ({
        status: 200,
        body: { lang: req.url.searchParams.get('lang'), articles: req.url.searchParams.get('lang') === 'fr' ? articlesFr : articlesEn },
      }))
      .on('GET /towns/lakeview/kb/articles/a2', { status: 200, body: articleBody('a2') });
  });

  afterEach(() => {
    unmountAll();
    stub.restore();
    document.documentElement.lang = 'en';
  });

  async function ready(el: MuniKbSearch) {
    await waitUntil(() => el.shadowRoot?.querySelector('.results'), 'results never rendered');
    return el;
  }

  it('lists every article, then filters as the resident types and announces the count', async () => {
    const el = await ready(await fixture<MuniKbSearch>(html`<muni-kb-search></muni-kb-search>`));
    expect($$(el, '.result')).to.have.length(3);
    const articlesCall = stub.calls.find((c) => c.url.pathname.endsWith('/kb/articles'));
    expect(articlesCall?.url.searchParams.get('lang')).to.equal('en');

    type($<HTMLInputElement>(el, '#search-input'), 'licence');
    await el.updateComplete;
    const results = $$(el, '.result');
    expect(results).to.have.length(1);
    expect(results[0]!.textContent).to.contain('Dog licences');
    await waitUntil(() => $(el, '[role="status"][aria-live="polite"]').textContent?.includes('1 article matches “licence”'));
    await expect(el).to.be.accessible();
  });

  it('matches keywords with typos and reports no results politely', async () => {
    const el = await ready(await fixture<MuniKbSearch>(html`<muni-kb-search town="lakeview"></muni-kb-search>`));
    type($<HTMLInputElement>(el, '#search-input'), 'grabage');
    await el.updateComplete;
    expect($$(el, '.result')[0]!.textContent).to.contain('Garbage');
    type($<HTMLInputElement>(el, '#search-input'), 'zzzzqqq');
    await el.updateComplete;
    expect($$(el, '.result')).to.have.length(0);
    $<HTMLFormElement>(el, 'form').requestSubmit();
    await waitUntil(() => $(el, '[aria-live="polite"]').textContent?.includes('No articles match'));
  });

  it('opens an article, moves focus to its title, and goes back to the same result', async () => {
    const el = await ready(await fixture<MuniKbSearch>(html`<muni-kb-search></muni-kb-search>`));
    const button = $<HTMLButtonElement>(el, '[data-article-id="a2"]');
    button.focus();
    const opened = oneEvent(el, 'muni-kb-article-opened');
    button.click();
    const event = await opened;
    expect(event.detail).to.deep.equal({ id: 'a2', slug: 'dog-licence', title: 'Dog licences' });
    await el.updateComplete;
    expect($(el, '[part="article-body"] strong').textContent).to.equal('Dog licences');
    expect(deepActiveElement()?.id).to.equal('article-title');
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(el, '[part="back-button"]').click();
    await waitUntil(() => el.shadowRoot?.querySelector('.results'));
    expect((deepActiveElement() as HTMLElement).dataset['articleId']).to.equal('a2');
  });

  it('shows a friendly message and a retry button when the network fails', async () => {
    let fail = true;
    stub.on('GET /towns/lakeview/kb/articles', () => (fail ? 'network-error' : { status: 200, body: { lang: 'en', articles: articlesEn } }));
    const el = await fixture<MuniKbSearch>(html`<muni-kb-search></muni-kb-search>`);
    await waitUntil(() => el.shadowRoot?.querySelector('[role="alert"]'), 'no error shown', { timeout: 4000 });
    expect($(el, '[role="alert"]').textContent).to.contain('could not reach');
    // GETs are retried once before giving up.
    expect(stub.calls.filter((c) => c.url.pathname.endsWith('/kb/articles'))).to.have.length(2);
    await expect(el).to.be.accessible();
    fail = false;
    $<HTMLButtonElement>(el, '[role="alert"] button').click();
    await ready(el);
    expect($$(el, '.result')).to.have.length(3);
  });

  describe('language', () => {
    it('follows its own lang attribute', async () => {
      const el = await ready(await fixture<MuniKbSearch>(html`<muni-kb-search lang="fr"></muni-kb-search>`));
      expect($(el, 'label').textContent).to.contain('Chercher');
      expect($$(el, '.result')[0]!.textContent).to.contain('Collecte des ordures');
      expect($(el, '[part="base"]').getAttribute('lang')).to.equal('fr');
      await expect(el).to.be.accessible();
    });

    it('follows the nearest ancestor with lang', async () => {
      const el = await ready(mountInLang('fr-CA', 'muni-kb-search'));
      expect($(el, 'label').textContent).to.contain('Chercher');
    });

    it('follows the page language and re-renders when it changes', async () => {
      document.documentElement.lang = 'fr';
      const el = await ready(await fixture<MuniKbSearch>(html`<muni-kb-search></muni-kb-search>`));
      expect($(el, 'button[type="submit"]').textContent?.trim()).to.equal('Chercher');
      document.documentElement.lang = 'en';
      await waitUntil(() => $(el, 'button[type="submit"]').textContent?.trim() === 'Search');
      await waitUntil(() => $$(el, '.result')[0]?.textContent?.includes('Garbage and recycling'));
      await aTimeout(0);
    });
  });
});
