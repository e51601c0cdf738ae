import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/define.ts';
import type { MuniKbSearch } from '../src/kb-search.ts';
import { clearIndexMemory } from '../src/index-cache.ts';
import { clearTownCache } from '@munikit/core';
import { $, $$, deepActiveElement, json, mountInLang, stubFetch, stubTown, type, unmountAll } from '../../core/test/fetch-stub.ts';
import type { FetchStub, StubRequest } from '../../core/test/fetch-stub.ts';

interface Article {
  id: string;
  slug: string;
  title: string;
  summary: string;
  keywords: string[];
  categoryId: string | null;
  categoryName: string | null;
  popularity: number;
  updatedAt: string;
}

const updatedAt = '2026-10-01T12:00:00.000Z';
const parks = Array.from({ length: 12 }, (_, i): Article => ({
  id: `p${i + 1}`, slug: `park-${i + 1}`, title: `Shoreline park number ${i + 1}`, summary: `Hours and amenities of shoreline park ${i + 1}.`,
  keywords: ['park', 'beach'], categoryId: 'c4', categoryName: 'Parks', popularity: i, updatedAt,
}));

const articlesEn: Article[] = [
  { id: 'a1', slug: 'garbage-day', categoryId: 'c1', categoryName: 'Waste and recycling', title: 'Garbage and recycling collection',
    summary: 'Which day your garbage, recycling and green bin are picked up.', keywords: ['garbage', 'trash', 'blue box'], popularity: 90, updatedAt },
  { id: 'a4', slug: 'hazardous-waste', categoryId: 'c1', categoryName: 'Waste and recycling', title: 'Hazardous waste drop-off',
    summary: 'Paint, batteries and propane tanks go to the depot.', keywords: ['paint', 'batteries'], popularity: 200, updatedAt },
  { id: 'a2', slug: 'dog-licence', categoryId: 'c2', categoryName: 'Animals', title: 'Dog licences',
    summary: 'Every dog in the township needs a yearly licence tag.', keywords: ['dog', 'tag', 'pet'], popularity: 40, updatedAt },
  { id: 'a3', slug: 'burn-permit', categoryId: 'c3', categoryName: 'Fire and emergency', title: 'Open-air burn permits',
    summary: 'When you need a permit to burn brush and how to get one.', keywords: ['fire', 'brush', 'burning'], popularity: 10, updatedAt },
  ...parks,
];
const categoriesEn = [
  { id: 'c1', slug: 'waste', name: 'Waste and recycling', articleCount: 2, sort: 1 },
  { id: 'c2', slug: 'animals', name: 'Animals', articleCount: 1, sort: 2 },
  { id: 'c3', slug: 'fire', name: 'Fire and emergency', articleCount: 1, sort: 3 },
  { id: 'c4', slug: 'parks', name: 'Parks', articleCount: 12, sort: 4 },
];
// The French side has an article the English side lacks (a5), so English searches can fall back.
const articlesFr: Article[] = [
  { ...articlesEn[0]!, slug: 'collecte-ordures', title: 'Collecte des ordures et du recyclage', summary: 'Le jour de collecte des ordures et du bac vert.', categoryName: 'Déchets et recyclage', keywords: ['ordures', 'bac bleu'] },
  { ...articlesEn[2]!, slug: 'licence-chien', title: 'Licences pour chiens', summary: 'Chaque chien doit avoir une médaille annuelle.', categoryName: 'Animaux', keywords: ['chien', 'médaille'] },
  { id: 'a5', slug: 'vignette-bateau', categoryId: 'c3', categoryName: 'Incendie et urgences', title: 'Quai municipal et vignette de bateau',
    summary: 'La vignette saisonnière du quai.', keywords: ['quai', 'bateau'], popularity: 5, updatedAt },
];
const categoriesFr = [
  { id: 'c1', slug: 'dechets', name: 'Déchets et recyclage', articleCount: 1, sort: 1 },
  { id: 'c2', slug: 'animaux', name: 'Animaux', articleCount: 1, sort: 2 },
  { id: 'c3', slug: 'incendie', name: 'Incendie et urgences', articleCount: 1, sort: 3 },
];

function articleView(slug: string, lang: 'en' | 'fr', bodyHtml?: string) {
  const a = (lang === 'fr' ? articlesFr : articlesEn).find((x) => x.slug === slug)!;
  return {
    lang, id: a.id, slug: a.slug, title: a.title, summary: a.summary, categoryId: a.categoryId, categoryName: a.categoryName, updatedAt: a.updatedAt,
    bodyHtml: bodyHtml ?? `<h2>What it costs</h2><p>Details about <strong>${a.title}</strong>.</p><table><thead><tr><th scope="col">Tag</th><th scope="col">Fee</th></tr></thead><tbody><tr><td>Spayed</td><td>$20</td></tr></tbody></table><ul><li>One</li></ul>`,
    related: lang === 'en' ? [{ id: 'a3', slug: 'burn-permit', title: 'Open-air burn permits' }] : [],
    otherLanguage: lang === 'en' && a.id === 'a2' ? { lang: 'fr', slug: 'licence-chien', title: 'Licences pour chiens' } : null,
  };
}

const KEY_PREFIX = 'munikit:kb-index:';

function resetPage() {
  history.replaceState(null, '', location.pathname + location.search);
  for (const key of Object.keys(localStorage)) if (key.startsWith(KEY_PREFIX)) localStorage.removeItem(key);
  clearIndexMemory();
  clearTownCache();
}

function key(el: MuniKbSearch, name: string) {
  $<HTMLInputElement>(el, '#search-input').dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, composed: true, cancelable: true }));
}

const calls = (stub: FetchStub, method: string, suffix: string): StubRequest[] =>
  stub.calls.filter((c) => c.method === method && c.url.pathname.endsWith(suffix));

describe('<muni-kb-search>', () => {
  let stub: FetchStub;
  let indexStatus: 'ok' | 'offline' | 'missing';

  beforeEach(() => {
    resetPage();
    document.documentElement.lang = 'en';
    indexStatus = 'ok';
    stub = stubTown(stubFetch());
    // Articles by id (the element looks the fragment's slug up in the index), in the asked language.
    for (const id of new Set([...articlesEn, ...articlesFr].map((a) => a.id))) {
      stub.on(`GET /towns/lakeview/kb/articles/${id}`, (req) => {
        const lang = req.url.searchParams.get('lang') === 'fr' ? 'fr' : 'en';
        const a = (lang === 'fr' ? articlesFr : articlesEn).find((x) => x.id === id);
        return a ? { status: 200, body: articleView(a.slug, lang) } : { status: 404, body: { error: { code: 'not_found', message: 'Not found' } } };
      });
    }
    stub
      .on('GET /towns/lakeview/kb/index', (req) => {
        if (indexStatus === 'offline') return 'network-error';
        if (indexStatus === 'missing') return { status: 404, body: { error: { code: 'not_found', message: 'Not found' } } };
        const lang = req.url.searchParams.get('lang') === 'fr' ? 'fr' : 'en';
        const etag = `"index-${lang}-1"`;
        if (req.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: { ETag: etag } });
        const body = { lang, categories: lang === 'fr' ? categoriesFr : categoriesEn, articles: lang === 'fr' ? articlesFr : articlesEn };
        const res = json(200, body);
        res.headers.set('ETag', etag);
        return res;
      })
      .on('POST /towns/lakeview/kb/searches', { status: 204 })
      .on('POST /towns/lakeview/kb/articles/a2/feedback', { status: 204 });
  });

  afterEach(() => {
    unmountAll();
    stub.restore();
    resetPage();
    document.documentElement.lang = 'en';
  });

  async function mount(template = html`<muni-kb-search></muni-kb-search>`) {
    const el = await fixture<MuniKbSearch>(template);
    await waitUntil(() => el.shadowRoot?.querySelector('.topics, [part="topic"], [part="results"], [part="article"], #article-status'), 'never ready');
    return el;
  }

  async function typeAndSuggest(el: MuniKbSearch, text: string) {
    const input = $<HTMLInputElement>(el, '#search-input');
    input.focus();
    type(input, text);
    await waitUntil(() => $$(el, '[role="option"]').length > 0, `no suggestions for ${text}`);
    return input;
  }

  describe('browsing with an empty box', () => {
    it('lists topics with their counts, not every article; a topic shows its most-read articles first', async () => {
      const el = await mount();
      const topics = $$(el, '[part="topics"] button');
      expect(topics.map((b) => b.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
        'Waste and recycling 2 articles', 'Animals 1 article', 'Fire and emergency 1 article', 'Parks 12 articles',
      ]);
      expect($$(el, '.result')).to.have.length(0);
      expect(calls(stub, 'GET', '/kb/index')[0]!.url.searchParams.get('lang')).to.equal('en');
      await expect(el).to.be.accessible();

      topics[0]!.click();
      await waitUntil(() => deepActiveElement()?.id === 'topic-heading', 'focus never reached the topic heading');
      expect($(el, '#topic-heading').textContent).to.equal('Waste and recycling');
      // Most read first: the depot (200 views) before garbage day (90).
      expect($$(el, '.result a').map((a) => a.textContent!.trim())).to.deep.equal(['Hazardous waste drop-off', 'Garbage and recycling collection']);
      await expect(el).to.be.accessible();

      $<HTMLButtonElement>(el, '.back button').click();
      await waitUntil(() => (deepActiveElement() as HTMLElement | null)?.dataset['topic'] === 'c1', 'focus never returned to the topic');
    });

    it('pages a long topic with "Show more" and moves focus to the first new article', async () => {
      const el = await mount();
      $<HTMLButtonElement>(el, '[data-topic="c4"]').click();
      await waitUntil(() => $$(el, '.result').length === 10);
      expect($$(el, '.result a')[0]!.textContent).to.contain('number 12'); // most read
      $<HTMLButtonElement>(el, '[part="topic"] > button').click();
      await waitUntil(() => $$(el, '.result').length === 12);
      expect(deepActiveElement()?.textContent).to.contain('number 2');
    });

    it('is limited to one category by the category attribute (id or slug), in browsing and in search', async () => {
      const el = await mount(html`<muni-kb-search category="waste"></muni-kb-search>`);
      expect($(el, '#topic-heading').textContent).to.equal('Waste and recycling');
      expect($$(el, '.result')).to.have.length(2);
      expect(el.shadowRoot!.querySelector('.back')).to.equal(null);
      await typeAndSuggest(el, 'garbage');
      type($<HTMLInputElement>(el, '#search-input'), 'dog');
      await aTimeout(50);
      expect($$(el, '[role="option"]').map((o) => o.textContent)).not.to.include.members(['Dog licences']);
      await expect(el).to.be.accessible();
    });
  });

  describe('combobox', () => {
    it('suggests as the resident types, with the matched words marked, and moves with the arrow keys', async () => {
      const el = await mount();
      const input = await typeAndSuggest(el, 'licence');
      expect(input.getAttribute('role')).to.equal('combobox');
      expect(input.getAttribute('aria-expanded')).to.equal('true');
      expect(input.getAttribute('aria-controls')).to.equal('suggestions');
      const options = $$(el, '[role="option"]');
      expect(options[0]!.textContent).to.contain('Dog licences');
      expect(options[0]!.querySelector('mark')?.textContent?.toLowerCase()).to.contain('licence');
      expect(input.hasAttribute('aria-activedescendant')).to.equal(false);

      key(el, 'ArrowDown');
      await el.updateComplete;
      expect(input.getAttribute('aria-activedescendant')).to.equal('option-0');
      expect($(el, '#option-0').getAttribute('aria-selected')).to.equal('true');
      await expect(el).to.be.accessible();
      key(el, 'ArrowUp'); // wraps to the last
      await el.updateComplete;
      expect(input.getAttribute('aria-activedescendant')).to.equal(`option-${$$(el, '[role="option"]').length - 1}`);

      key(el, 'Escape'); // closes first
      await el.updateComplete;
      expect(input.getAttribute('aria-expanded')).to.equal('false');
      expect(input.value).to.equal('licence');
      key(el, 'Escape'); // then clears
      await el.updateComplete;
      expect(input.value).to.equal('');
      expect(el.shadowRoot!.querySelector('.topics')).not.to.equal(null);
    });

    it('shows at most max-results suggestions', async () => {
      const el = await mount(html`<muni-kb-search max-results="3"></muni-kb-search>`);
      await typeAndSuggest(el, 'shoreline');
      expect($$(el, '[role="option"]')).to.have.length(3);
    });

    it('announces the count politely once typing pauses, not on every keystroke', async () => {
      const el = await mount();
      const status = $(el, '[part="status"]');
      expect(status.getAttribute('role')).to.equal('status');
      await typeAndSuggest(el, 'lic');
      type($<HTMLInputElement>(el, '#search-input'), 'licence');
      await el.updateComplete;
      expect(status.textContent!.trim()).to.equal('');
      await waitUntil(() => status.textContent!.includes('1 article matches “licence”.'), 'count never announced');
      expect(status.textContent).to.contain('1 suggestion');
    });

    it('Enter on a suggestion opens the article, records the search with it, and fires the events', async () => {
      const el = await mount();
      const searched = oneEvent(el, 'muni-search');
      const opened = oneEvent(el, 'muni-article-open');
      await typeAndSuggest(el, 'licence');
      key(el, 'ArrowDown');
      await el.updateComplete;
      key(el, 'Enter');
      expect((await searched).detail).to.deep.equal({ query: 'licence', lang: 'en', resultCount: 1 });
      expect((await opened).detail).to.deep.equal({ id: 'a2', slug: 'dog-licence', lang: 'en' });
      expect(location.hash).to.equal('#kb=dog-licence');
      await waitUntil(() => deepActiveElement()?.id === 'article-title', 'focus never reached the article');
      const posts = calls(stub, 'POST', '/kb/searches');
      expect(posts).to.have.length(1);
      expect(posts[0]!.body).to.deep.equal({ lang: 'en', query: 'licence', resultCount: 1, openedArticleId: 'a2' });
      // Back to the search box, whose words are still there.
      $<HTMLButtonElement>(el, '[part="back-button"]').click();
      await waitUntil(() => deepActiveElement()?.id === 'search-input', 'focus never returned to the search box');
      expect($<HTMLInputElement>(el, '#search-input').value).to.equal('licence');
      expect(location.hash).to.equal('');
    });

    it('works as a plain search form: Enter without a choice lists the results, paged', async () => {
      const el = await mount();
      await typeAndSuggest(el, 'shoreline');
      const searched = oneEvent(el, 'muni-search');
      $<HTMLFormElement>(el, 'form').requestSubmit();
      expect((await searched).detail).to.deep.equal({ query: 'shoreline', lang: 'en', resultCount: 12 });
      await waitUntil(() => $$(el, '[part="result"]').length === 10);
      expect($(el, '#search-input').getAttribute('aria-expanded')).to.equal('false');
      expect($(el, '#results-heading').textContent).to.equal('12 articles match “shoreline”.');
      expect($(el, '[part="status"]').textContent).to.equal('12 articles match “shoreline”.');
      expect($$(el, '[part="result"] mark').length).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '[part="results"] > button').click();
      await waitUntil(() => $$(el, '[part="result"]').length === 12);
      // The same query is recorded once, not again on a pause.
      await aTimeout(1700);
      expect(calls(stub, 'POST', '/kb/searches')).to.have.length(1);
    });

    it('records a query after a 1.5 s pause, never per keystroke', async () => {
      const el = await mount();
      const input = await typeAndSuggest(el, 'ga');
      type(input, 'garb');
      type(input, 'garbage');
      await aTimeout(300);
      expect(calls(stub, 'POST', '/kb/searches')).to.have.length(0);
      await waitUntil(() => calls(stub, 'POST', '/kb/searches').length === 1, 'never recorded', { timeout: 3000 });
      expect(calls(stub, 'POST', '/kb/searches')[0]!.body).to.deep.equal({ lang: 'en', query: 'garbage', resultCount: 1 });
    });

    it('says when nothing matches in either language and offers the request form with the words', async () => {
      const el = await mount(html`<muni-kb-search request-url="/report.html?from=kb"></muni-kb-search>`);
      const input = $<HTMLInputElement>(el, '#search-input');
      input.focus();
      type(input, 'zzzzqqq');
      $<HTMLFormElement>(el, 'form').requestSubmit();
      await waitUntil(() => el.shadowRoot!.querySelector('#results-heading')?.textContent === 'No articles match “zzzzqqq”.');
      const link = $<HTMLAnchorElement>(el, '[part="request-link"]');
      expect(link.textContent).to.contain('Didn’t find');
      expect(new URL(link.href).searchParams.get('q')).to.equal('zzzzqqq');
      expect(new URL(link.href).searchParams.get('from')).to.equal('kb');
      await expect(el).to.be.accessible();
    });

    it('Home and End move to the first and last suggestion in the list, and stay with the text in the box', async () => {
      const el = await mount();
      const input = await typeAndSuggest(el, 'shoreline');
      const last = `option-${$$(el, '[role="option"]').length - 1}`;
      // No option chosen: the keys belong to the text (the caret moves; nothing is prevented).
      const home = new KeyboardEvent('keydown', { key: 'Home', bubbles: true, composed: true, cancelable: true });
      input.dispatchEvent(home);
      await el.updateComplete;
      expect(home.defaultPrevented).to.equal(false);
      expect(input.hasAttribute('aria-activedescendant')).to.equal(false);

      key(el, 'ArrowDown');
      key(el, 'ArrowDown');
      await el.updateComplete;
      expect(input.getAttribute('aria-activedescendant')).to.equal('option-1');
      const end = new KeyboardEvent('keydown', { key: 'End', bubbles: true, composed: true, cancelable: true });
      input.dispatchEvent(end);
      await el.updateComplete;
      expect(end.defaultPrevented).to.equal(true);
      expect(input.getAttribute('aria-activedescendant')).to.equal(last);
      expect($(el, `#${last}`).getAttribute('aria-selected')).to.equal('true');
      key(el, 'Home');
      await el.updateComplete;
      expect(input.getAttribute('aria-activedescendant')).to.equal('option-0');
      expect($(el, '#option-0').getAttribute('aria-selected')).to.equal('true');
      expect(input.value).to.equal('shoreline');
      await expect(el).to.be.accessible();
    });

    it('searches once per keystroke and renders a bounded number of rows however many articles match', async () => {
      const el = await mount();
      const input = await typeAndSuggest(el, 'sh');
      const engine = (el as unknown as { view: { engines: Map<string, { search: (q: string, o?: object) => unknown[] }> } }).view.engines.get('en')!;
      const original = engine.search.bind(engine);
      let searches = 0;
      engine.search = (q, o) => {
        searches++;
        return original(q, o);
      };
      for (const text of ['sho', 'shor', 'shore', 'shorel']) {
        type(input, text);
        await el.updateComplete;
      }
      expect(searches).to.equal(4);
      expect($$(el, '[role="option"]')).to.have.length(8); // max-results, though 12 parks match
      $<HTMLFormElement>(el, 'form').requestSubmit();
      await waitUntil(() => $$(el, '[part="result"]').length > 0);
      expect($$(el, '[part="result"]')).to.have.length(10); // one page of results
      expect(searches).to.equal(5);
    });

    it('answers a query typed before the search engine is ready, once it is, without announcing "no results" meanwhile', async () => {
      const el = await mount();
      const input = $<HTMLInputElement>(el, '#search-input');
      // Typed without a focus first: nothing has started the engine yet.
      type(input, 'licence');
      await el.updateComplete;
      expect((el as unknown as { searching: boolean }).searching).to.equal(true);
      expect($(el, '[part="status"]').textContent!.trim()).to.equal('');
      await waitUntil(() => $$(el, '[role="option"]').length > 0, 'the early query was never answered');
      expect($$(el, '[role="option"]')[0]!.textContent).to.contain('Dog licences');
      await waitUntil(() => $(el, '[part="status"]').textContent!.includes('1 article matches “licence”.'), 'never announced');
    });
  });

  describe('language', () => {
    it('offers the other language’s matches when its own has none, under a heading in that language', async () => {
      const el = await mount();
      await typeAndSuggest(el, 'bateau');
      expect($(el, '#suggestions').getAttribute('lang')).to.equal('fr');
      expect($(el, '.popup-heading').textContent).to.equal('Résultats en français');
      expect($(el, '[role="option"]').textContent).to.contain('vignette de bateau');
      await expect(el).to.be.accessible();
      $<HTMLFormElement>(el, 'form').requestSubmit();
      await waitUntil(() => $$(el, '[part="result"]').length === 1);
      expect($(el, '[part="results"] h4').textContent).to.equal('Résultats en français');
      expect($(el, '[part="results"] h4').getAttribute('lang')).to.equal('fr');
      expect($(el, '#results-heading').textContent).to.contain('1 article in French');
      const link = $<HTMLAnchorElement>(el, '[part="result"] a');
      expect(link.getAttribute('href')).to.equal('#kb=fr:vignette-bateau');
      await expect(el).to.be.accessible();
      link.click();
      await waitUntil(() => el.shadowRoot!.querySelector('#article-title'));
      const get = calls(stub, 'GET', '/kb/articles/a5')[0]!;
      expect(get.url.searchParams.get('lang')).to.equal('fr');
      expect($(el, '#article-title').closest('[lang]')!.getAttribute('lang')).to.equal('fr');
      expect($(el, '[part="back-button"]').textContent).to.contain('Back');
      expect(calls(stub, 'GET', '/kb/index').map((c) => c.url.searchParams.get('lang'))).to.deep.equal(['en', 'fr']);
    });

    it('speaks French with a French lang attribute and searches the French index', async () => {
      const el = await mount(html`<muni-kb-search lang="fr"></muni-kb-search>`);
      expect($(el, 'label').textContent).to.contain('Chercher');
      expect($(el, '#topics-heading').textContent).to.equal('Parcourir par sujet');
      expect($(el, '[part="base"]').getAttribute('lang')).to.equal('fr');
      await typeAndSuggest(el, 'ordures');
      expect($(el, '[role="option"]').textContent).to.contain('Collecte des ordures');
    });

    it('follows the nearest ancestor with lang', async () => {
      const el = mountInLang('fr-CA', 'muni-kb-search');
      await waitUntil(() => el.shadowRoot?.querySelector('.topics'));
      expect($(el, 'label').textContent).to.contain('Chercher');
    });

    it('follows the page language and reloads when it changes', async () => {
      document.documentElement.lang = 'fr';
      const el = await mount();
      expect($(el, 'button[type="submit"]').textContent?.trim()).to.equal('Chercher');
      document.documentElement.lang = 'en';
      await waitUntil(() => $(el, 'button[type="submit"]').textContent?.trim() === 'Search');
      await waitUntil(() => el.shadowRoot!.querySelector('[data-topic="c4"]'), 'English topics never loaded');
    });
  });

  describe('article view', () => {
    it('opens from a result with focus on its heading and a permanent link; Back returns to the same result', async () => {
      const el = await mount();
      $<HTMLButtonElement>(el, '[data-topic="c2"]').click();
      await waitUntil(() => el.shadowRoot!.querySelector('[data-slug="dog-licence"]'));
      const link = $<HTMLAnchorElement>(el, '[data-slug="dog-licence"]');
      expect(link.getAttribute('href')).to.equal('#kb=dog-licence');
      link.focus();
      link.click();
      await waitUntil(() => deepActiveElement()?.id === 'article-title', 'focus never reached the article');
      expect(location.hash).to.equal('#kb=dog-licence');
      expect($(el, '#article-title').textContent).to.equal('Dog licences');
      expect($(el, '[part="article-body"] table th').textContent).to.equal('Tag');
      // The body's headings sit under the article's h2 title.
      expect($(el, '[part="article-body"] h3').textContent).to.equal('What it costs');
      expect(el.shadowRoot!.querySelector('[part="article-body"] h2')).to.equal(null);
      expect($(el, '.meta').textContent).to.contain('Last updated October 1, 2026');
      expect($(el, '.related a').getAttribute('href')).to.equal('#kb=burn-permit');
      expect($(el, 'a[hreflang="fr"]').textContent).to.contain('Lire en français');
      expect(calls(stub, 'GET', '/kb/articles/a2')).to.have.length(1);
      await expect(el).to.be.accessible();

      $<HTMLButtonElement>(el, '[part="back-button"]').click();
      await waitUntil(() => (deepActiveElement() as HTMLElement | null)?.dataset['slug'] === 'dog-licence', 'focus never returned to the result');
      expect(location.hash).to.equal('');
    });

    it('follows the browser’s Back and Forward buttons and a related link', async () => {
      const el = await mount();
      location.hash = '#kb=dog-licence';
      await waitUntil(() => el.shadowRoot!.querySelector('#article-title')?.textContent === 'Dog licences');
      $<HTMLAnchorElement>(el, '.related a').click();
      await waitUntil(() => el.shadowRoot!.querySelector('#article-title')?.textContent === 'Open-air burn permits');
      expect(location.hash).to.equal('#kb=burn-permit');
      history.back();
      await waitUntil(() => el.shadowRoot!.querySelector('#article-title')?.textContent === 'Dog licences', 'Back did not return to the first article');
      history.back();
      await waitUntil(() => el.shadowRoot!.querySelector('.topics'), 'Back did not close the article');
      history.forward();
      await waitUntil(() => el.shadowRoot!.querySelector('#article-title')?.textContent === 'Dog licences', 'Forward did not reopen it');
    });

    it('opens a shared link straight away', async () => {
      location.hash = '#kb=dog-licence';
      const el = await mount();
      await waitUntil(() => el.shadowRoot!.querySelector('#article-title')?.textContent === 'Dog licences');
      $<HTMLButtonElement>(el, '[part="back-button"]').click();
      await waitUntil(() => el.shadowRoot!.querySelector('.topics'));
      expect(location.hash).to.equal('');
      await waitUntil(() => deepActiveElement()?.id === 'search-input');
    });

    it('explains an unknown article and one missing in this language', async () => {
      stub.on('GET /towns/lakeview/kb/articles/gone', { status: 404, body: { error: { code: 'not_found', message: 'Not found' } } });
      stub.on('GET /towns/lakeview/kb/articles/quai', {
        status: 404,
        body: { error: { code: 'translation_missing', message: 'Missing' }, otherLanguage: { lang: 'fr', slug: 'vignette-bateau', title: 'Quai municipal et vignette de bateau' } },
      });
      location.hash = '#kb=gone';
      const el = await mount();
      await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]')?.textContent?.includes('could not be found'));
      await expect(el).to.be.accessible();
      location.hash = '#kb=quai';
      await waitUntil(() => el.shadowRoot!.querySelector('#article-status')?.textContent?.includes('not available in English'));
      const link = $<HTMLAnchorElement>(el, '#article-status a');
      expect(link.getAttribute('href')).to.equal('#kb=fr:vignette-bateau');
      expect(link.getAttribute('lang')).to.equal('fr');
      await expect(el).to.be.accessible();
    });

    it('renders an article’s scripts, event handlers and javascript: links inert', async () => {
      const w = window as unknown as { kbPwned?: number };
      delete w.kbPwned;
      stub.on('GET /towns/lakeview/kb/articles/a2', {
        status: 200,
        body: articleView(
          'dog-licence',
          'en',
          '<p>Fine <script>window.kbPwned = 1</script><img src="x.png" alt="tag" onerror="window.kbPwned = 2">' +
            '<a href="javascript:window.kbPwned = 3">click</a> <a href=" JaVa\tScRiPt:window.kbPwned=4">two</a>' +
            '<a href="https://lakeview.example/fees" onclick="window.kbPwned = 5">fees</a></p>' +
            '<iframe src="javascript:parent.kbPwned=6"></iframe><svg><script>window.kbPwned = 7</script></svg><style>p{display:none}</style>',
        ),
      });
      location.hash = '#kb=dog-licence';
      const el = await mount();
      await waitUntil(() => el.shadowRoot!.querySelector('[part="article-body"]'));
      await aTimeout(100);
      const body = $(el, '[part="article-body"]');
      expect(body.querySelectorAll('script, iframe, svg, style')).to.have.length(0);
      expect(body.querySelectorAll('[onerror], [onclick]')).to.have.length(0);
      const links = [...body.querySelectorAll('a')];
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([null, null, 'https://lakeview.example/fees']);
      expect(links[2]!.getAttribute('rel')).to.equal('noopener noreferrer');
      links[0]!.click();
      links[1]!.click();
      await aTimeout(50);
      expect(w.kbPwned).to.equal(undefined);
      expect(body.textContent).to.contain('Fine');
    });

    it('asks "Was this helpful?", sends the answer with an optional comment, then thanks', async () => {
      location.hash = '#kb=dog-licence';
      const el = await mount();
      await waitUntil(() => el.shadowRoot!.querySelector('[data-helpful="no"]'));
      $<HTMLButtonElement>(el, '[data-helpful="no"]').click();
      await waitUntil(() => deepActiveElement()?.id === 'feedback-comment', 'comment box never focused');
      expect($(el, '[part="feedback"]').textContent).to.contain('You answered: No.');
      await expect(el).to.be.accessible();
      type($<HTMLTextAreaElement>(el, '#feedback-comment'), 'The fee for a second dog is missing.');
      $<HTMLFormElement>(el, '[part="feedback"] form').requestSubmit();
      await waitUntil(() => deepActiveElement()?.id === 'feedback-thanks', 'thanks never shown');
      expect($(el, '#feedback-thanks').textContent).to.equal('Thank you for your feedback.');
      const posts = calls(stub, 'POST', '/kb/articles/a2/feedback');
      expect(posts).to.have.length(1);
      expect(posts[0]!.body).to.deep.equal({ lang: 'en', helpful: false, comment: 'The fee for a second dog is missing.' });
      await expect(el).to.be.accessible();
    });

    it('explains a failed feedback and keeps the comment for another try', async () => {
      stub.on('POST /towns/lakeview/kb/articles/a2/feedback', { status: 429, body: { error: { code: 'rate_limited', message: 'Too many answers from this address; try again later.' } } });
      location.hash = '#kb=dog-licence';
      const el = await mount();
      await waitUntil(() => el.shadowRoot!.querySelector('[data-helpful="yes"]'));
      $<HTMLButtonElement>(el, '[data-helpful="yes"]').click();
      await waitUntil(() => el.shadowRoot!.querySelector('#feedback-comment'));
      $<HTMLFormElement>(el, '[part="feedback"] form').requestSubmit();
      await waitUntil(() => el.shadowRoot!.querySelector('[part="feedback"] [role="alert"]'));
      expect($(el, '[part="feedback"] [role="alert"]').textContent).to.contain('Too many answers');
      expect(calls(stub, 'POST', '/kb/articles/a2/feedback')[0]!.body).to.deep.equal({ lang: 'en', helpful: true });
      await expect(el).to.be.accessible();
    });
  });

  describe('before the rest of its code arrives', () => {
    /** The element's internals these tests look at: the view (view.ts) and whether its code was asked for. */
    type Internals = { view?: { article?: unknown }; viewLoading?: Promise<unknown> };

    /** Connected and rendered within one task: no idle callback, key or focus has asked for more code yet. */
    async function mountBox(): Promise<MuniKbSearch> {
      const el = mountInLang('en', 'muni-kb-search');
      await el.updateComplete;
      expect((el as unknown as Internals).view).to.equal(undefined);
      return el;
    }

    it('is a ready search box, and answers what was typed meanwhile once the code arrives', async () => {
      const el = await mountBox();
      const input = $<HTMLInputElement>(el, '#search-input');
      expect(input.labels?.[0]?.textContent).to.equal('Search town information');
      expect(input.getAttribute('aria-expanded')).to.equal('false');
      expect($(el, '[part="base"]').textContent).to.contain('Loading articles…');
      input.focus();
      type(input, 'licence');
      expect((el as unknown as Internals).view).to.equal(undefined);
      await el.updateComplete;
      expect(input.value).to.equal('licence');
      await expect(el).to.be.accessible();
      await waitUntil(() => $$(el, '[role="option"]').length > 0, 'the early query was never answered');
      expect($(el, '[role="option"]').textContent).to.contain('Dog licences');
      expect(input.getAttribute('aria-expanded')).to.equal('true');
      await waitUntil(() => $(el, '[part="status"]').textContent!.includes('1 article matches “licence”.'), 'never announced');
    });

    it('lists the results for Enter pressed before the code arrives, and records the search', async () => {
      const el = await mountBox();
      const searched = oneEvent(el, 'muni-search');
      type($<HTMLInputElement>(el, '#search-input'), 'shoreline');
      $<HTMLFormElement>(el, 'form').requestSubmit(); // the page stays: the element prevents the form's navigation
      expect((await searched).detail).to.deep.equal({ query: 'shoreline', lang: 'en', resultCount: 12 });
      await waitUntil(() => $$(el, '[part="result"]').length === 10, 'no results listed');
      expect($(el, '[part="status"]').textContent).to.equal('12 articles match “shoreline”.');
      expect(calls(stub, 'POST', '/kb/searches')).to.have.length(1);
    });

    it('asks for its code at once when the address opens an article, and for the article’s code only when one opens', async () => {
      const plain = await mountBox();
      await waitUntil(() => plain.shadowRoot!.querySelector('.topics'), 'topics never shown');
      expect((plain as unknown as Internals).view!.article).to.equal(undefined);
      unmountAll();

      location.hash = '#kb=dog-licence';
      const el = mountInLang('en', 'muni-kb-search');
      expect((el as unknown as Internals).viewLoading).not.to.equal(undefined); // on connection, before any render
      await waitUntil(() => deepActiveElement()?.id === 'article-title', 'the linked article never opened');
      expect($(el, '#article-title').textContent).to.equal('Dog licences');
    });
  });

  describe('slow and offline', () => {
    it('asks with the kept ETag and uses the kept copy on 304', async () => {
      await mount();
      unmountAll();
      clearIndexMemory();
      const el = await mount();
      const [first, second] = calls(stub, 'GET', '/kb/index');
      expect(first!.headers.get('if-none-match')).to.equal(null);
      expect(second!.headers.get('if-none-match')).to.equal('"index-en-1"');
      expect($$(el, '[part="topics"] button')).to.have.length(4);
    });

    it('searches the copy kept on the device when offline, and says so', async () => {
      await mount();
      clearIndexMemory();
      indexStatus = 'offline';
      const el = await mount();
      expect($(el, '[part="offline"]').textContent).to.contain('You are offline');
      await typeAndSuggest(el, 'licence');
      expect($(el, '[role="option"]').textContent).to.contain('Dog licences');
      await expect(el).to.be.accessible();
    });

    it('shows a friendly message and a retry button when offline with no kept copy', async () => {
      indexStatus = 'offline';
      const el = await fixture<MuniKbSearch>(html`<muni-kb-search></muni-kb-search>`);
      await waitUntil(() => el.shadowRoot?.querySelector('[role="alert"]'), 'no error shown', { timeout: 4000 });
      expect($(el, '[role="alert"]').textContent).to.contain('could not reach');
      expect(calls(stub, 'GET', '/kb/index')).to.have.length(2); // retried once
      await expect(el).to.be.accessible();
      indexStatus = 'ok';
      $<HTMLButtonElement>(el, '[role="alert"] button').click();
      await waitUntil(() => el.shadowRoot!.querySelector('.topics'));
    });

    it('falls back to the article list on a server without /kb/index', async () => {
      indexStatus = 'missing';
      stub.on('GET /towns/lakeview/kb/articles', {
        status: 200,
        body: { lang: 'en', articles: articlesEn.map(({ popularity: _p, ...a }) => ({ ...a, categorySlug: null })) },
      });
      const el = await mount();
      expect($$(el, '[part="topics"] button')).to.have.length(4);
      await typeAndSuggest(el, 'licence');
    });
  });

  for (const lang of ['en', 'fr'] as const) {
    it(`passes axe in every state in ${lang}`, async function () {
      this.timeout(30_000); // six axe runs; the shared test machine can be slow
      const el = await mount(html`<muni-kb-search lang=${lang} request-url="/report.html"></muni-kb-search>`);
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '[data-topic="c1"]').click();
      await waitUntil(() => el.shadowRoot!.querySelector('#topic-heading'));
      await expect(el).to.be.accessible();
      await typeAndSuggest(el, lang === 'fr' ? 'ordures' : 'garbage');
      key(el, 'ArrowDown');
      await el.updateComplete;
      await expect(el).to.be.accessible();
      $<HTMLFormElement>(el, 'form').requestSubmit();
      await waitUntil(() => el.shadowRoot!.querySelector('[part="results"]'));
      await expect(el).to.be.accessible();
      $<HTMLAnchorElement>(el, '[part="result"] a').click();
      await waitUntil(() => el.shadowRoot!.querySelector('[data-helpful]'));
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '[data-helpful="yes"]').click();
      await waitUntil(() => el.shadowRoot!.querySelector('#feedback-comment'));
      await expect(el).to.be.accessible();
    });
  }
});
