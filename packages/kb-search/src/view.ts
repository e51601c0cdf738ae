// Everything <muni-kb-search> does beyond showing its box, loaded right after the box is ready
// (kb-search.ts): the index, the search engine, suggestions and the keyboard, results, topics, the
// permanent links, and the article's frame while its own code (render-article.ts) arrives.
// The element's reactive state stays on the element (its declared properties), so every change
// here renders as it did when this was one class; what never rendered is kept here.
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { focusAfterRender } from '@munikit/core';
import { adoptStyles } from '@munikit/core/adopt-styles';
import type { Lang } from '@munikit/core';
import type { MuniKbSearch } from './kb-search.ts';
// Adopted by the element when this code arrives (kb-search.ts), with the same helper the article uses.
export { viewStyles } from './view.styles.ts';
import { KbArticleOpenEvent, KbSearchEvent } from './events.ts';
import { loadIndex } from './index-cache.ts';
import type { KbIndex, KbIndexArticle, KbIndexCategory } from './index-cache.ts';
import { TranslationMissingError, fetchArticle, recordSearch } from './article-api.ts';
import type { KbArticleView } from './article-api.ts';
import { highlight } from './highlight.ts';
import type { SearchEngine, SearchHit } from './search/engine.ts';
import type * as SearchLib from './search/lazy.ts';
import type * as ArticleCode from './render-article.ts';

/** Screen readers hear the count once typing pauses, not on every keystroke. */
const ANNOUNCE_DELAY_MS = 700;
/** A query counts as settled (recorded, `muni-search` fired) after this pause. */
const SETTLE_DELAY_MS = 1500;
export const RESULTS_PAGE = 10;
/** The most matches one search returns (the engine ranks only these); the count says "100 or more". */
const SEARCH_LIMIT = 100;

const other = (lang: Lang): Lang => (lang === 'en' ? 'fr' : 'en');

/** `#kb=<slug>` opens an article in the element's language, `#kb=<lang>:<slug>` in the other one. */
function readFragment(): { slug: string; lang?: Lang } | undefined {
  const match = /(?:^#|&)kb=([^&]*)/.exec(location.hash);
  if (!match?.[1]) return undefined;
  const value = decodeURIComponent(match[1]);
  const withLang = /^(en|fr):(.+)$/.exec(value);
  return withLang ? { lang: withLang[1] as Lang, slug: withLang[2]! } : { slug: value };
}

export class KbSearchView {
  readonly host: MuniKbSearch;
  private indexes = new Map<Lang, KbIndex>();
  private engines = new Map<Lang, SearchEngine>();
  /** Engines being built (a slice at a time, between keystrokes); dropped when the language changes. */
  private building = new Map<Lang, { promise: Promise<SearchEngine>; abort: AbortController }>();
  /** fuse.js and the search engine, once they have arrived (search/lazy.ts). */
  private fuse: typeof SearchLib | undefined;
  private fuseLoading: Promise<void> | undefined;
  private otherLoading: Promise<void> | undefined;
  /** The article's body and feedback (render-article.ts), once arrived. */
  article: typeof ArticleCode | undefined;
  private articleLoading: Promise<typeof ArticleCode> | undefined;
  safeBody = '';
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private lastRecorded = '';
  /** What to focus when the article closes: a result link's slug, a topic, or the search box. */
  private returnTo: { slug?: string } = {};
  /** The article was opened by this element (so Back in history closes it). */
  private openedHere = false;
  openSlug: string | undefined;

  /** `early`: the resident typed, or pressed Enter, before this arrived; answered as if it had been here. */
  constructor(host: MuniKbSearch, early?: 'input' | 'submit') {
    this.host = host;
    Object.assign(host, {
      hits: [],
      otherHits: [],
      searching: false,
      expanded: false,
      active: -1,
      submitted: host.submitted === true,
      shown: RESULTS_PAGE,
      announcement: '',
      articleState: 'closed',
      articleLang: 'en',
      feedback: 'idle',
      helpful: false,
      feedbackError: '',
    } satisfies Partial<MuniKbSearch>);
    if (host.isConnected) this.connected();
    if (early === 'input') this.onInput();
    else if (early === 'submit') void this.onSubmit();
  }

  connected(): void {
    void this.load();
    this.syncFromFragment();
  }

  disconnected(): void {
    clearTimeout(this.announceTimer);
    clearTimeout(this.settleTimer);
  }

  languageChanged(): void {
    const h = this.host;
    this.indexes.clear();
    this.engines.clear();
    for (const { abort } of this.building.values()) abort.abort();
    this.building.clear();
    this.otherLoading = undefined;
    h.topic = undefined;
    void this.load();
    if (h.articleState !== 'closed' && this.openSlug) void this.showArticle(this.openSlug, h.uiLang);
  }

  /** The article's code: asked for when an article opens, alongside the article itself. */
  private articleCode(): Promise<typeof ArticleCode> {
    this.articleLoading ??= import('./render-article.ts').then(
      (m) => {
        if (!this.article) adoptStyles(this.host, m.articleStyles);
        this.article = m;
        return m;
      },
      (error: unknown) => {
        this.articleLoading = undefined;
        throw error;
      },
    );
    return this.articleLoading;
  }

  // ---- data ----

  async indexFor(lang: Lang): Promise<KbIndex> {
    const h = this.host;
    const cached = this.indexes.get(lang);
    if (cached) return cached;
    const town = await h.resolveTown();
    const loaded = await loadIndex(h.client, town, lang);
    if (lang === h.uiLang) h.keptCopyFrom = loaded.keptCopyFrom;
    this.indexes.set(lang, loaded.index);
    return loaded.index;
  }

  async load(): Promise<void> {
    const h = this.host;
    const lang = h.uiLang;
    h.state = 'loading';
    try {
      await this.indexFor(lang);
      if (lang !== h.uiLang) return; // a language switch started a newer load
      h.state = 'ready';
      if (h.query.trim()) await this.whenEngine(lang);
      // Typed (or Enter pressed) before the index or this code was here: answered now, as if just typed.
      const waiting = h.searching;
      this.search();
      if (waiting && h.query.trim()) {
        if (this.announceTimer === undefined) this.announce();
        if (h.submitted) this.settle();
      }
    } catch (error) {
      h.errorMessage = h.describeError(error);
      h.state = 'error';
    }
  }

  /** fuse.js and the engine are 12 kB gzip: they arrive on the first focus or key, not with the page. */
  private loadFuse(): Promise<void> {
    this.fuseLoading ??= import('./search/lazy.ts').then(
      (m) => {
        this.fuse = m;
      },
      (error: unknown) => {
        this.fuseLoading = undefined;
        throw error;
      },
    );
    return this.fuseLoading;
  }

  /** The category the `category` attribute names (by id or slug), if any. */
  private fixedCategory(index: KbIndex | undefined): KbIndexCategory | undefined {
    const category = this.host.category;
    if (!category || !index) return undefined;
    return index.categories.find((c) => c.id === category || c.slug === category);
  }

  private articlesOf(index: KbIndex): KbIndexArticle[] {
    if (!this.host.category) return index.articles;
    const id = this.fixedCategory(index)?.id ?? this.host.category;
    return index.articles.filter((a) => a.categoryId === id);
  }

  /**
   * The engine for a language, built once its index is here: the index a few ms at a time between
   * input and paint tasks (so typing is never blocked, even at thousands of articles), fuse.js
   * downloading meanwhile. Answers undefined when the language's index is not loaded (fuse.js is then
   * asked for all the same).
   */
  private startEngine(lang: Lang): Promise<SearchEngine> | undefined {
    const ready = this.engines.get(lang);
    if (ready) return Promise.resolve(ready);
    const index = this.indexes.get(lang);
    if (!index) {
      // Asked for before the index is here: fuse.js comes meanwhile, rather than after it.
      this.loadFuse().catch(() => undefined);
      return undefined;
    }
    let build = this.building.get(lang);
    if (!build) {
      const abort = new AbortController();
      // The engine's code arrives with fuse.js (search/lazy.ts); then the index is built a slice at a time.
      const articles = this.articlesOf(index);
      const promise = this.loadFuse().then(() => this.fuse!.buildSearchEngine(articles, { lang, Fuse: this.fuse!.Fuse, signal: abort.signal }));
      build = { promise, abort };
      const mine = build;
      this.building.set(lang, mine);
      promise.then(
        (engine) => {
          if (this.building.get(lang) !== mine) return;
          this.building.delete(lang);
          this.engines.set(lang, engine);
        },
        () => {
          if (this.building.get(lang) === mine) this.building.delete(lang);
        },
      );
    }
    return build.promise;
  }

  /** Waits for the engine of a language; a failure (fuse.js not loading) shows as the element's error. */
  private async whenEngine(lang: Lang): Promise<SearchEngine | undefined> {
    try {
      return await this.startEngine(lang);
    } catch (error) {
      if ((error as Error).name === 'AbortError') return undefined;
      this.host.errorMessage = this.host.describeError(error);
      this.host.state = 'error';
      return undefined;
    }
  }

  /** Runs the query once (never from render()); the other language only when this one finds nothing. */
  private search(): void {
    const h = this.host;
    const q = h.query.trim();
    const lang = h.uiLang;
    const engine = this.engines.get(lang);
    h.searching = false;
    if (!q) {
      h.hits = [];
      h.otherHits = [];
      return;
    }
    if (!engine) {
      // Typed before the engine is ready: answered the moment it is, with whatever is typed then
      // (here, or by load() when the index itself is still on its way).
      h.searching = true;
      void this.whenEngine(lang).then((ready) => {
        if (ready && h.searching && h.uiLang === lang) {
          this.search();
          if (this.announceTimer === undefined && h.query.trim()) this.announce();
        }
      });
      return;
    }
    h.hits = engine.search(q, { limit: SEARCH_LIMIT });
    h.otherHits = [];
    if (h.hits.length === 0) void this.searchOtherLanguage(q);
  }

  private async searchOtherLanguage(q: string): Promise<void> {
    const h = this.host;
    const lang = other(h.uiLang);
    try {
      this.otherLoading ??= this.indexFor(lang).then(() => undefined);
      await this.otherLoading;
    } catch {
      this.otherLoading = undefined;
      return; // offline with no kept copy of the other language: nothing more to offer
    }
    const engine = await this.whenEngine(lang);
    if (engine && h.query.trim() === q && h.hits.length === 0 && !h.searching) {
      h.otherHits = engine.search(q, { limit: SEARCH_LIMIT });
      if (this.announceTimer === undefined) this.announce();
    }
  }

  // ---- typing and the combobox ----

  private get suggestionHits(): SearchHit[] {
    const h = this.host;
    return (h.hits.length ? h.hits : h.otherHits).slice(0, Math.max(1, h.maxResults || 8));
  }

  private get suggestionLang(): Lang {
    return this.host.hits.length ? this.host.uiLang : other(this.host.uiLang);
  }

  /** The suggestions shown under the box (none once the results list is asked for). */
  private get suggestions(): SearchHit[] {
    return this.host.expanded && !this.host.submitted ? this.suggestionHits : [];
  }

  /** The popup is open: the box's aria-expanded. */
  get open(): boolean {
    return this.suggestions.length > 0;
  }

  /** The engine starts building on the first focus, not with the page: many visitors never search. */
  onFocus(): void {
    const h = this.host;
    void this.whenEngine(h.uiLang).then((engine) => {
      if (engine && h.query.trim() && h.hits.length === 0 && !h.searching) this.search();
    });
  }

  /** The box's text changed (the element has put it in `query`). */
  onInput(): void {
    const h = this.host;
    h.submitted = false;
    h.shown = RESULTS_PAGE;
    h.active = -1;
    h.expanded = h.query.trim() !== '';
    this.search(); // once per keystroke; before the engine is ready, once it is
    this.scheduleAnnouncement();
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => this.settle(), SETTLE_DELAY_MS);
  }

  onKeydown(e: KeyboardEvent): void {
    const h = this.host;
    const count = this.suggestionHits.length;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (!h.query.trim() || count === 0) return;
        e.preventDefault();
        if (!h.expanded) {
          h.expanded = true;
          h.active = e.key === 'ArrowDown' ? 0 : count - 1;
        } else if (e.key === 'ArrowDown') h.active = h.active >= count - 1 ? 0 : h.active + 1;
        else h.active = h.active <= 0 ? count - 1 : h.active - 1;
        void this.scrollActiveIntoView();
        break;
      }
      case 'Home':
      case 'End': {
        // WAI-ARIA 1.2 combobox: on an option, Home and End go to the first and last one; in the text
        // (no option chosen), they stay with the text and move the caret.
        if (!h.expanded || h.active < 0 || count === 0) return;
        e.preventDefault();
        h.active = e.key === 'Home' ? 0 : count - 1;
        void this.scrollActiveIntoView();
        break;
      }
      case 'Enter': {
        const hit = h.expanded ? this.suggestionHits[h.active] : undefined;
        if (hit) {
          e.preventDefault();
          this.openHit(hit, this.suggestionLang);
        }
        break; // otherwise the form submits: the full list of results
      }
      case 'Escape':
        if (h.expanded) {
          h.expanded = false;
          h.active = -1;
        } else if (h.query) {
          h.query = '';
          h.submitted = false;
          this.search();
          this.scheduleAnnouncement();
        } else return;
        e.preventDefault();
        break;
      case 'Tab':
        h.expanded = false;
        h.active = -1;
        break;
    }
  }

  private async scrollActiveIntoView(): Promise<void> {
    const h = this.host;
    await h.updateComplete;
    h.renderRoot.querySelector(`#option-${h.active}`)?.scrollIntoView({ block: 'nearest' });
  }

  onBlur(): void {
    this.host.expanded = false;
    this.host.active = -1;
  }

  async onSubmit(): Promise<void> {
    const h = this.host;
    h.expanded = false;
    h.active = -1;
    await this.whenEngine(h.uiLang);
    this.search();
    h.submitted = h.query.trim() !== '';
    h.shown = RESULTS_PAGE;
    this.announce();
    this.settle();
  }

  private scheduleAnnouncement(): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => this.announce(), ANNOUNCE_DELAY_MS);
  }

  private announce(): void {
    const h = this.host;
    clearTimeout(this.announceTimer);
    this.announceTimer = undefined;
    if (h.searching) return; // announced when the search is answered
    h.announcement = this.countText(!h.submitted && h.expanded);
  }

  private countText(suggesting: boolean): string {
    const h = this.host;
    const query = h.query.trim();
    if (!query) return '';
    if (h.hits.length === 0 && h.otherHits.length > 0) {
      const count = h.otherHits.length;
      const text = h.t('otherCount', { count, query });
      return suggesting ? `${text} ${h.t('suggestionCount', { count: Math.min(count, this.suggestionHits.length) })}` : text;
    }
    const count = h.hits.length;
    const text = h.t(count >= SEARCH_LIMIT ? 'resultCountCapped' : 'resultCount', { count, query });
    return suggesting && count > 0 ? `${text} ${h.t('suggestionCount', { count: this.suggestionHits.length })}` : text;
  }

  /** Records the query the resident settled on (nothing about them) and tells the page. */
  private settle(openedArticleId?: string): void {
    const h = this.host;
    clearTimeout(this.settleTimer);
    const query = h.query.trim().slice(0, 200);
    if (!query || h.searching || !this.engines.has(h.uiLang) || h.state !== 'ready') return;
    if (query === this.lastRecorded && !openedArticleId) return;
    this.lastRecorded = query;
    const resultCount = h.hits.length;
    const lang = h.uiLang;
    h.dispatchEvent(new KbSearchEvent({ query, lang, resultCount }));
    void h
      .resolveTown()
      .then((town) => recordSearch(h.client, town, { lang, query, resultCount, ...(openedArticleId ? { openedArticleId } : {}) }))
      .catch(() => undefined); // statistics only: never bother the resident with them
  }

  // ---- articles ----

  fragmentFor(slug: string, lang: Lang): string {
    return `#kb=${lang === this.host.uiLang ? '' : `${lang}:`}${encodeURIComponent(slug)}`;
  }

  private openHit(hit: SearchHit, lang: Lang): void {
    this.returnTo = {};
    this.host.expanded = false;
    this.host.active = -1;
    this.settle(hit.doc.id);
    this.navigate(hit.doc.slug, lang);
  }

  /** A result or related link was followed: remember it for focus, record the search. */
  onArticleLink(e: MouseEvent, slug: string, id: string, lang: Lang): void {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return; // a new tab: the browser's business
    e.preventDefault();
    if (this.host.articleState === 'closed') {
      this.returnTo = { slug };
      if (this.host.query.trim()) this.settle(id);
    }
    this.navigate(slug, lang);
  }

  private navigate(slug: string, lang: Lang): void {
    this.openedHere = true;
    const fragment = this.fragmentFor(slug, lang);
    if (location.hash === fragment) this.syncFromFragment();
    else location.hash = fragment; // a history entry: Back closes the article
  }

  syncFromFragment(): void {
    const h = this.host;
    const target = readFragment();
    if (!target) {
      if (h.articleState !== 'closed') void this.closeArticle();
      return;
    }
    const lang = target.lang ?? h.uiLang;
    if (h.articleState !== 'closed' && this.openSlug === target.slug && h.articleLang === lang) return;
    void this.showArticle(target.slug, lang);
  }

  async showArticle(slug: string, lang: Lang): Promise<void> {
    const h = this.host;
    this.openSlug = slug;
    h.articleLang = lang;
    h.articleState = 'loading';
    h.article = undefined;
    h.feedback = 'idle';
    h.feedbackError = '';
    void focusAfterRender(h, '#article-status');
    try {
      const town = await h.resolveTown();
      // By id when the index knows the slug (any server version answers ids), else by slug.
      const index = await this.indexFor(lang).catch(() => undefined);
      const id = index?.articles.find((a) => a.slug === slug)?.id ?? slug;
      // The article's code (its allow-list, its view, the feedback) arrives alongside the first article.
      const [article, { sanitizeHtml }] = await Promise.all([fetchArticle(h.client, town, id, lang), this.articleCode()]);
      if (this.openSlug !== slug) return;
      this.safeBody = sanitizeHtml(article.bodyHtml);
      h.article = article;
      h.articleState = 'ready';
      h.dispatchEvent(new KbArticleOpenEvent({ id: article.id, slug: article.slug, lang }));
      void focusAfterRender(h, '#article-title');
    } catch (error) {
      if (this.openSlug !== slug) return;
      // Its messages are said by the article's code: wait for it (a failure to load it says so itself).
      const code = await this.articleCode().catch(() => undefined);
      if (this.openSlug !== slug) return;
      if (!code) {
        h.errorMessage = h.t('networkError');
        h.articleState = 'error';
      } else if (error instanceof TranslationMissingError) {
        h.article = error.otherLanguage ? ({ otherLanguage: error.otherLanguage } as KbArticleView) : undefined;
        h.articleState = 'translation-missing';
      } else if ((error as { code?: string }).code === 'not_found') {
        h.articleState = 'not-found';
      } else {
        h.errorMessage = h.describeError(error);
        h.articleState = 'error';
      }
      void focusAfterRender(h, '#article-status');
    }
  }

  /** The element's own Back button: history back when we opened it, else drop our fragment. */
  back(): void {
    if (this.openedHere && history.length > 1) {
      this.openedHere = false;
      history.back(); // hashchange/popstate then closes the article
      return;
    }
    history.pushState(history.state, '', location.pathname + location.search);
    void this.closeArticle();
  }

  private async closeArticle(): Promise<void> {
    const h = this.host;
    h.articleState = 'closed';
    h.article = undefined;
    this.openSlug = undefined;
    this.openedHere = false;
    await h.updateComplete;
    const slug = this.returnTo.slug;
    const target = slug ? h.renderRoot.querySelector<HTMLElement>(`[data-slug="${CSS.escape(slug)}"]`) : null;
    (target ?? h.renderRoot.querySelector<HTMLElement>('#search-input'))?.focus();
  }

  // ---- browsing ----

  private openTopic(id: string | undefined): void {
    const h = this.host;
    const previous = h.topic;
    h.topic = id;
    h.shown = RESULTS_PAGE;
    void focusAfterRender(h, id ? '#topic-heading' : `[data-topic="${CSS.escape(previous ?? '')}"]`);
  }

  private showMore = async (): Promise<void> => {
    const h = this.host;
    const first = h.shown;
    h.shown += RESULTS_PAGE;
    await h.updateComplete;
    h.renderRoot.querySelectorAll<HTMLElement>('.results a')[first]?.focus();
  };

  // ---- rendering ----

  /** The article; its frame (Back, "Loading the article…", a failure) is here, the rest in render-article.ts. */
  renderArticle(): TemplateResult {
    const h = this.host;
    if (h.articleState !== 'loading' && this.article) return this.article.renderArticle(this);
    return html`${this.backButton()}${h.articleState === 'loading'
      ? html`<p id="article-status" tabindex="-1" role="status">${h.t('loadingArticle')}</p>`
      : html`<div id="article-status" tabindex="-1" class="notice notice--error" role="alert">
          <p>${h.errorMessage}</p>
          <button class="button button--secondary" type="button" @click=${() => this.showArticle(this.openSlug!, h.articleLang)}>
            ${h.t('retry')}
          </button>
        </div>`}`;
  }

  backButton(): TemplateResult {
    return html`<p class="back">
      <button part="back-button" class="button button--secondary" type="button" @click=${() => this.back()}>
        <span aria-hidden="true">←</span> ${this.host.t('back')}
      </button>
    </p>`;
  }

  renderPopup(): TemplateResult {
    const h = this.host;
    const suggestions = this.suggestions;
    const lang = this.suggestionLang;
    const otherHeading = lang !== h.uiLang;
    return html`<div class="popup" ?hidden=${suggestions.length === 0}>
      ${otherHeading
        ? html`<p class="popup-heading" id="suggestions-heading" lang=${lang}>${h.t('resultsInThisLanguage', { lng: lang })}</p>`
        : nothing}
      <ul
        part="listbox"
        id="suggestions"
        role="listbox"
        aria-label=${otherHeading ? h.t('resultsInThisLanguage', { lng: lang }) : h.t('suggestions')}
        lang=${lang}
      >
        ${suggestions.map(
          (hit, i) => html`<li
            part="suggestion"
            id="option-${i}"
            role="option"
            class="option"
            aria-selected=${i === h.active ? 'true' : 'false'}
            @mousedown=${(e: Event) => e.preventDefault()}
            @click=${() => this.openHit(hit, lang)}
          >
            <span class="option-title">${highlight(hit.doc.title, hit.highlights.title)}</span>
            ${hit.doc.categoryName ? html`<span class="option-meta">${hit.doc.categoryName}</span>` : nothing}
          </li>`,
        )}
      </ul>
    </div>`;
  }

  /** Under the box once the index is here: results, "Didn't find…", or the topics. */
  renderBody(): TemplateResult {
    const h = this.host;
    return html`${h.keptCopyFrom ? html`<p class="notice" part="offline">${h.t('offline', { date: h.formatDate(h.keptCopyFrom) })}</p>` : nothing}
    ${h.submitted && h.query.trim() ? (h.searching ? html`<p>${h.t('searching')}</p>` : this.renderResults()) : h.query.trim() ? this.requestLink() : this.renderBrowse()}`;
  }

  private requestLink() {
    const h = this.host;
    if (!h.requestUrl) return nothing;
    const url = new URL(h.requestUrl, document.baseURI);
    if (h.query.trim()) url.searchParams.set('q', h.query.trim());
    return html`<p class="request"><a part="request-link" href=${url.href}>${h.t('requestLink')}</a></p>`;
  }

  private renderResults() {
    const h = this.host;
    const own = h.hits.length > 0;
    const hits = own ? h.hits : h.otherHits;
    const lang = own ? h.uiLang : other(h.uiLang);
    const page = hits.slice(0, h.shown);
    return html`<section part="results" class="results-section" aria-labelledby="results-heading">
      <h3 id="results-heading" class="count">${this.countText(false)}</h3>
      ${!own && hits.length ? html`<h4 lang=${lang}>${h.t('resultsInThisLanguage', { lng: lang })}</h4>` : nothing}
      ${hits.length === 0 ? html`<p>${h.t('noResultsHint')}</p>` : nothing}
      <ul class="results" lang=${lang}>
        ${page.map((hit) => this.renderArticleItem(hit.doc, lang, hit))}
      </ul>
      ${hits.length > page.length
        ? html`<button class="button button--secondary" type="button" @click=${this.showMore}>${h.t('showMore')}</button>`
        : nothing}
      ${this.requestLink()}
    </section>`;
  }

  private renderArticleItem(doc: KbIndexArticle | SearchHit['doc'], lang: Lang, hit?: SearchHit): TemplateResult {
    return html`<li part="result" class="result">
      <a
        href=${this.fragmentFor(doc.slug, lang)}
        data-slug=${doc.slug}
        @click=${(e: MouseEvent) => this.onArticleLink(e, doc.slug, doc.id, lang)}
        >${hit ? highlight(doc.title, hit.highlights.title) : doc.title}</a
      >
      <p>${hit ? highlight(doc.summary, hit.highlights.summary) : doc.summary}</p>
    </li>`;
  }

  private renderBrowse() {
    const h = this.host;
    const index = this.indexes.get(h.uiLang);
    if (!index) return nothing;
    const fixed = this.fixedCategory(index);
    const topicId = h.category ? (fixed?.id ?? h.category) : h.topic;
    if (topicId) {
      const topic = index.categories.find((c) => c.id === topicId);
      const articles = this.articlesOf(index)
        .filter((a) => a.categoryId === topicId)
        .sort((a, b) => (b.popularity ?? 0) - (a.popularity ?? 0));
      const page = articles.slice(0, h.shown);
      return html`<section part="topic" aria-labelledby="topic-heading">
        ${h.category
          ? nothing
          : html`<p class="back"><button class="link-button" type="button" @click=${() => this.openTopic(undefined)}>
              <span aria-hidden="true">←</span> ${h.t('allTopics')}
            </button></p>`}
        <h3 id="topic-heading" tabindex="-1">${topic?.name ?? h.t('browseHeading')}</h3>
        ${articles.length === 0 ? html`<p>${h.t('noArticles')}</p>` : nothing}
        <ul class="results">${page.map((a) => this.renderArticleItem(a, h.uiLang))}</ul>
        ${articles.length > page.length
          ? html`<button class="button button--secondary" type="button" @click=${this.showMore}>${h.t('showMore')}</button>`
          : nothing}
        ${this.requestLink()}
      </section>`;
    }
    const topics = index.categories.filter((c) => c.articleCount > 0).sort((a, b) => a.sort - b.sort);
    return html`<section aria-labelledby="topics-heading">
      <h3 id="topics-heading">${h.t('browseHeading')}</h3>
      ${topics.length === 0 ? html`<p>${h.t('noArticles')}</p>` : nothing}
      <ul part="topics" class="topics">
        ${topics.map(
          (c) => html`<li>
            <button class="topic" type="button" data-topic=${c.id} @click=${() => this.openTopic(c.id)}>
              <span class="topic-name">${c.name}</span>
              <span class="topic-count">${h.t('topicCount', { count: c.articleCount })}</span>
            </button>
          </li>`,
        )}
      </ul>
      ${this.requestLink()}
    </section>`;
  }
}
