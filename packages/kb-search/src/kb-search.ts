import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { MuniElement, focusAfterRender, translate } from '@munikit/core';
import type { Lang } from '@munikit/core';
import { KB_NS } from './kb-search.i18n.ts';
import { kbSearchStyles } from './kb-search.styles.ts';
import { KbArticleOpenEvent, KbSearchEvent } from './events.ts';
import { loadIndex } from './index-cache.ts';
import type { KbIndex, KbIndexArticle, KbIndexCategory } from './index-cache.ts';
import { TranslationMissingError, fetchArticle, recordSearch, sendFeedback } from './article-api.ts';
import type { KbArticleView } from './article-api.ts';
import { highlight } from './highlight.ts';
import type { SearchEngine, SearchHit } from './search/engine.ts';
import type * as SearchLib from './search/lazy.ts';

export type { KbSearchDetail, KbArticleOpenDetail } from './events.ts';
export { KbSearchEvent, KbArticleOpenEvent } from './events.ts';

type LoadState = 'loading' | 'ready' | 'error';
type ArticleState = 'closed' | 'loading' | 'ready' | 'not-found' | 'translation-missing' | 'error';
type FeedbackState = 'idle' | 'chosen' | 'sending' | 'sent';

/** Screen readers hear the count once typing pauses, not on every keystroke. */
const ANNOUNCE_DELAY_MS = 700;
/** A query counts as settled (recorded, `muni-search` fired) after this pause. */
const SETTLE_DELAY_MS = 1500;
const RESULTS_PAGE = 10;
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

/**
 * Answers from the town's knowledge base, in English or French: a search box that suggests
 * articles as the resident types (a WAI-ARIA 1.2 combobox), a list of results on Enter, topics to
 * browse when the box is empty, and the article itself with "Was this helpful?".
 *
 * An open article has a permanent link in the page's fragment: `#kb=<slug>`, or `#kb=<lang>:<slug>`
 * for an article in the other language; Back and a shared link work. The element starts with the
 * page's `?q=` as its search (the request form's `kb-url` links carry it).
 *
 * The search index (no article bodies) is fetched once and kept on the device, per town and
 * language, so search still works offline; the search library loads on the first focus or key.
 *
 * @tagname muni-kb-search
 * @summary Search-as-you-type over the town's published articles; opens an article in place.
 *
 * @attr api - Base URL of the MuniKit server. Defaults to the origin the widget script was loaded from.
 * @attr town - Town id. Defaults to the server's only town.
 * @attr lang - Interface language (`en` or `fr`). Defaults to the nearest ancestor's `lang`, then the page's.
 * @attr category - A category's id or slug: only its articles are browsed and searched.
 * @attr placeholder - Placeholder text of the search box (none by default; the label and hint always show).
 * @attr max-results - How many suggestions to show while typing (default 8); the results list shows more on request.
 * @attr request-url - Page with the request form; shown as "Didn't find what you need?", with the search words appended as `?q=`. Hidden when not set.
 * @attr query - Initial search text (else the page's `?q=`).
 *
 * @fires muni-search - KbSearchEvent: a resident settled on a query (a 1.5 s pause, Enter, or opening an article). `detail: {query, lang, resultCount}`.
 * @fires muni-article-open - KbArticleOpenEvent: an article is shown. `detail: {id, slug, lang}`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart search - The search form.
 * @csspart input - The search text box.
 * @csspart listbox - The suggestions popup.
 * @csspart suggestion - One suggestion.
 * @csspart status - The live region announcing the number of results.
 * @csspart results - The results list shown on Enter.
 * @csspart result - One result.
 * @csspart topics - The list of topics shown when the box is empty.
 * @csspart request-link - The "Didn't find what you need?" link.
 * @csspart article - The open article.
 * @csspart article-body - The article's body HTML.
 * @csspart back-button - The button closing the article.
 * @csspart feedback - "Was this helpful?"
 *
 * @cssprop --muni-color-primary - Buttons, links and accents, the chosen suggestion. Default #1d4f91.
 * @cssprop --muni-color-on-primary - Text on primary-coloured buttons. Default #fff.
 * @cssprop --muni-color-text - Text. Default: the page's text colour (text in fields #1b1b1b).
 * @cssprop --muni-color-background - Background. Default: none, the page shows through (fields, popups and secondary buttons #fff).
 * @cssprop --muni-color-border - Field borders and separators. Default #6b6b6b.
 * @cssprop --muni-color-error - Error messages and the borders of wrong fields. Default #b00020.
 * @cssprop --muni-color-success - Success messages. Default #1e6b34.
 * @cssprop --muni-color-highlight - Background of the matched words. Default #fff3b0.
 * @cssprop --muni-font-family - Font. Default: the page's font.
 * @cssprop --muni-font-size - Base font size. Default: the page's.
 * @cssprop --muni-line-height - Line height. Default 1.5.
 * @cssprop --muni-radius - Corner radius of fields, buttons and panels. Default 4px.
 * @cssprop --muni-spacing - Spacing unit between fields and inside panels. Default 1em.
 * @cssprop --muni-focus-ring - Keyboard focus outline. Default 3px solid #ffbf47.
 */
export class MuniKbSearch extends MuniElement {
  static override i18nNamespace = KB_NS;
  static override styles = kbSearchStyles;

  static override properties = {
    ...MuniElement.properties,
    query: { type: String },
    category: { type: String },
    placeholder: { type: String },
    maxResults: { type: Number, attribute: 'max-results' },
    requestUrl: { type: String, attribute: 'request-url' },
    state: { state: true, attribute: false },
    errorMessage: { state: true, attribute: false },
    keptCopyFrom: { state: true, attribute: false },
    hits: { state: true, attribute: false },
    otherHits: { state: true, attribute: false },
    searching: { state: true, attribute: false },
    expanded: { state: true, attribute: false },
    active: { state: true, attribute: false },
    submitted: { state: true, attribute: false },
    shown: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
    topic: { state: true, attribute: false },
    articleState: { state: true, attribute: false },
    article: { state: true, attribute: false },
    articleLang: { state: true, attribute: false },
    feedback: { state: true, attribute: false },
    helpful: { state: true, attribute: false },
    feedbackError: { state: true, attribute: false },
  };

  declare query: string;
  declare category: string | undefined;
  declare placeholder: string | undefined;
  declare maxResults: number;
  declare requestUrl: string | undefined;
  declare state: LoadState;
  declare errorMessage: string;
  declare keptCopyFrom: string | undefined;
  /** Matches in the resident's language for the current query, computed once per input. */
  declare hits: SearchHit[];
  /** When `hits` is empty: matches in the other language. */
  declare otherHits: SearchHit[];
  /** A query waits for the search engine (fuse.js arriving, the index being built in slices). */
  declare searching: boolean;
  declare expanded: boolean;
  declare active: number;
  declare submitted: boolean;
  declare shown: number;
  declare announcement: string;
  /** The topic (category id) being browsed with an empty box. */
  declare topic: string | undefined;
  declare articleState: ArticleState;
  declare article: KbArticleView | undefined;
  declare articleLang: Lang;
  declare feedback: FeedbackState;
  declare helpful: boolean;
  declare feedbackError: string;

  private indexes = new Map<Lang, KbIndex>();
  private engines = new Map<Lang, SearchEngine>();
  /** Engines being built (a slice at a time, between keystrokes); dropped when the language changes. */
  private building = new Map<Lang, { promise: Promise<SearchEngine>; abort: AbortController }>();
  /** fuse.js and the search engine, once they have arrived (search/lazy.ts). */
  private fuse: typeof SearchLib | undefined;
  private fuseLoading: Promise<void> | undefined;
  private otherLoading: Promise<void> | undefined;
  private safeBody = '';
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private lastRecorded = '';
  /** What to focus when the article closes: a result link's slug, a topic, or the search box. */
  private returnTo: { slug?: string } = {};
  /** The article was opened by this element (so Back in history closes it). */
  private openedHere = false;
  private openSlug: string | undefined;
  private readonly onLocationChange = () => this.syncFromFragment();

  constructor() {
    super();
    this.query = '';
    this.maxResults = 8;
    this.state = 'loading';
    this.errorMessage = '';
    this.hits = [];
    this.otherHits = [];
    this.searching = false;
    this.expanded = false;
    this.active = -1;
    this.submitted = false;
    this.shown = RESULTS_PAGE;
    this.announcement = '';
    this.articleState = 'closed';
    this.articleLang = 'en';
    this.feedback = 'idle';
    this.helpful = false;
    this.feedbackError = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onLocationChange);
    window.addEventListener('popstate', this.onLocationChange);
    if (!this.query) this.query = new URLSearchParams(location.search).get('q') ?? '';
    if (this.query) this.submitted = true;
    void this.load();
    this.syncFromFragment();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onLocationChange);
    window.removeEventListener('popstate', this.onLocationChange);
    clearTimeout(this.announceTimer);
    clearTimeout(this.settleTimer);
  }

  protected override languageChanged(_previous: Lang): void {
    this.indexes.clear();
    this.engines.clear();
    for (const { abort } of this.building.values()) abort.abort();
    this.building.clear();
    this.otherLoading = undefined;
    this.topic = undefined;
    void this.load();
    if (this.articleState !== 'closed' && this.openSlug) void this.showArticle(this.openSlug, this.uiLang);
  }

  // ---- data ----

  private async indexFor(lang: Lang): Promise<KbIndex> {
    const cached = this.indexes.get(lang);
    if (cached) return cached;
    const town = await this.resolveTown();
    const loaded = await loadIndex(this.client, town, lang);
    if (lang === this.uiLang) this.keptCopyFrom = loaded.keptCopyFrom;
    this.indexes.set(lang, loaded.index);
    return loaded.index;
  }

  async load(): Promise<void> {
    const lang = this.uiLang;
    this.state = 'loading';
    try {
      await this.indexFor(lang);
      if (lang !== this.uiLang) return; // a language switch started a newer load
      this.state = 'ready';
      if (this.query.trim()) await this.whenEngine(lang);
      this.search();
    } catch (error) {
      this.errorMessage = this.describeError(error);
      this.state = 'error';
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
    if (!this.category || !index) return undefined;
    return index.categories.find((c) => c.id === this.category || c.slug === this.category);
  }

  private articlesOf(index: KbIndex): KbIndexArticle[] {
    if (!this.category) return index.articles;
    const id = this.fixedCategory(index)?.id ?? this.category;
    return index.articles.filter((a) => a.categoryId === id);
  }

  /**
   * The engine for a language, built once its index is here: the index a few ms at a time between
   * input and paint tasks (so typing is never blocked, even at thousands of articles), fuse.js
   * downloading meanwhile. Answers undefined when the language's index is not loaded.
   */
  private startEngine(lang: Lang): Promise<SearchEngine> | undefined {
    const ready = this.engines.get(lang);
    if (ready) return Promise.resolve(ready);
    const index = this.indexes.get(lang);
    if (!index) return undefined;
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
      this.errorMessage = this.describeError(error);
      this.state = 'error';
      return undefined;
    }
  }

  /** Runs the query once (never from render()); the other language only when this one finds nothing. */
  private search(): void {
    const q = this.query.trim();
    const lang = this.uiLang;
    const engine = this.engines.get(lang);
    this.searching = false;
    if (!q) {
      this.hits = [];
      this.otherHits = [];
      return;
    }
    if (!engine) {
      // Typed before the engine is ready: answered the moment it is, with whatever is typed then.
      this.searching = this.indexes.has(lang);
      void this.whenEngine(lang).then((ready) => {
        if (ready && this.searching && this.uiLang === lang) {
          this.search();
          if (this.announceTimer === undefined && this.query.trim()) this.announce();
        }
      });
      return;
    }
    this.hits = engine.search(q, { limit: SEARCH_LIMIT });
    this.otherHits = [];
    if (this.hits.length === 0) void this.searchOtherLanguage(q);
  }

  private async searchOtherLanguage(q: string): Promise<void> {
    const lang = other(this.uiLang);
    try {
      this.otherLoading ??= this.indexFor(lang).then(() => undefined);
      await this.otherLoading;
    } catch {
      this.otherLoading = undefined;
      return; // offline with no kept copy of the other language: nothing more to offer
    }
    const engine = await this.whenEngine(lang);
    if (engine && this.query.trim() === q && this.hits.length === 0 && !this.searching) {
      this.otherHits = engine.search(q, { limit: SEARCH_LIMIT });
      if (this.announceTimer === undefined) this.announce();
    }
  }

  // ---- typing and the combobox ----

  private get suggestionHits(): SearchHit[] {
    return (this.hits.length ? this.hits : this.otherHits).slice(0, Math.max(1, this.maxResults || 8));
  }

  private get suggestionLang(): Lang {
    return this.hits.length ? this.uiLang : other(this.uiLang);
  }

  /** The engine starts building on the first focus, not with the page: many visitors never search. */
  private onFocus(): void {
    void this.whenEngine(this.uiLang).then((engine) => {
      if (engine && this.query.trim() && this.hits.length === 0 && !this.searching) this.search();
    });
  }

  private onInput(e: Event): void {
    this.query = (e.target as HTMLInputElement).value;
    this.submitted = false;
    this.shown = RESULTS_PAGE;
    this.active = -1;
    this.expanded = this.query.trim() !== '';
    this.search(); // once per keystroke; before the engine is ready, once it is
    this.scheduleAnnouncement();
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => this.settle(), SETTLE_DELAY_MS);
  }

  private onKeydown(e: KeyboardEvent): void {
    const count = this.suggestionHits.length;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (!this.query.trim() || count === 0) return;
        e.preventDefault();
        if (!this.expanded) {
          this.expanded = true;
          this.active = e.key === 'ArrowDown' ? 0 : count - 1;
        } else if (e.key === 'ArrowDown') this.active = this.active >= count - 1 ? 0 : this.active + 1;
        else this.active = this.active <= 0 ? count - 1 : this.active - 1;
        void this.scrollActiveIntoView();
        break;
      }
      case 'Home':
      case 'End': {
        // WAI-ARIA 1.2 combobox: on an option, Home and End go to the first and last one; in the text
        // (no option chosen), they stay with the text and move the caret.
        if (!this.expanded || this.active < 0 || count === 0) return;
        e.preventDefault();
        this.active = e.key === 'Home' ? 0 : count - 1;
        void this.scrollActiveIntoView();
        break;
      }
      case 'Enter': {
        const hit = this.expanded ? this.suggestionHits[this.active] : undefined;
        if (hit) {
          e.preventDefault();
          this.openHit(hit, this.suggestionLang);
        }
        break; // otherwise the form submits: the full list of results
      }
      case 'Escape':
        if (this.expanded) {
          this.expanded = false;
          this.active = -1;
        } else if (this.query) {
          this.query = '';
          this.submitted = false;
          this.search();
          this.scheduleAnnouncement();
        } else return;
        e.preventDefault();
        break;
      case 'Tab':
        this.expanded = false;
        this.active = -1;
        break;
    }
  }

  private async scrollActiveIntoView(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector(`#option-${this.active}`)?.scrollIntoView({ block: 'nearest' });
  }

  private onBlur(): void {
    this.expanded = false;
    this.active = -1;
  }

  private async onSubmit(e: Event): Promise<void> {
    e.preventDefault();
    this.expanded = false;
    this.active = -1;
    await this.whenEngine(this.uiLang);
    this.search();
    this.submitted = this.query.trim() !== '';
    this.shown = RESULTS_PAGE;
    this.announce();
    this.settle();
  }

  private scheduleAnnouncement(): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => this.announce(), ANNOUNCE_DELAY_MS);
  }

  private announce(): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = undefined;
    if (this.searching) return; // announced when the search is answered
    this.announcement = this.countText(!this.submitted && this.expanded);
  }

  private countText(suggesting: boolean): string {
    const query = this.query.trim();
    if (!query) return '';
    if (this.hits.length === 0 && this.otherHits.length > 0) {
      const count = this.otherHits.length;
      const text = this.t('otherCount', { count, query });
      return suggesting ? `${text} ${this.t('suggestionCount', { count: Math.min(count, this.suggestionHits.length) })}` : text;
    }
    const count = this.hits.length;
    const text = this.t(count >= SEARCH_LIMIT ? 'resultCountCapped' : 'resultCount', { count, query });
    return suggesting && count > 0 ? `${text} ${this.t('suggestionCount', { count: this.suggestionHits.length })}` : text;
  }

  /** Records the query the resident settled on (nothing about them) and tells the page. */
  private settle(openedArticleId?: string): void {
    clearTimeout(this.settleTimer);
    const query = this.query.trim().slice(0, 200);
    if (!query || this.searching || !this.engines.has(this.uiLang) || this.state !== 'ready') return;
    if (query === this.lastRecorded && !openedArticleId) return;
    this.lastRecorded = query;
    const resultCount = this.hits.length;
    const lang = this.uiLang;
    this.dispatchEvent(new KbSearchEvent({ query, lang, resultCount }));
    void this.resolveTown()
      .then((town) => recordSearch(this.client, town, { lang, query, resultCount, ...(openedArticleId ? { openedArticleId } : {}) }))
      .catch(() => undefined); // statistics only: never bother the resident with them
  }

  // ---- articles ----

  private fragmentFor(slug: string, lang: Lang): string {
    return `#kb=${lang === this.uiLang ? '' : `${lang}:`}${encodeURIComponent(slug)}`;
  }

  private openHit(hit: SearchHit, lang: Lang): void {
    this.returnTo = {};
    this.expanded = false;
    this.active = -1;
    this.settle(hit.doc.id);
    this.navigate(hit.doc.slug, lang);
  }

  /** A result or related link was followed: remember it for focus, record the search. */
  private onArticleLink(e: MouseEvent, slug: string, id: string, lang: Lang): void {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return; // a new tab: the browser's business
    e.preventDefault();
    if (this.articleState === 'closed') {
      this.returnTo = { slug };
      if (this.query.trim()) this.settle(id);
    }
    this.navigate(slug, lang);
  }

  private navigate(slug: string, lang: Lang): void {
    this.openedHere = true;
    const fragment = this.fragmentFor(slug, lang);
    if (location.hash === fragment) this.syncFromFragment();
    else location.hash = fragment; // a history entry: Back closes the article
  }

  private syncFromFragment(): void {
    const target = readFragment();
    if (!target) {
      if (this.articleState !== 'closed') void this.closeArticle();
      return;
    }
    const lang = target.lang ?? this.uiLang;
    if (this.articleState !== 'closed' && this.openSlug === target.slug && this.articleLang === lang) return;
    void this.showArticle(target.slug, lang);
  }

  async showArticle(slug: string, lang: Lang): Promise<void> {
    this.openSlug = slug;
    this.articleLang = lang;
    this.articleState = 'loading';
    this.article = undefined;
    this.feedback = 'idle';
    this.feedbackError = '';
    void focusAfterRender(this, '#article-status');
    try {
      const town = await this.resolveTown();
      // By id when the index knows the slug (any server version answers ids), else by slug.
      const index = await this.indexFor(lang).catch(() => undefined);
      const id = index?.articles.find((a) => a.slug === slug)?.id ?? slug;
      // The allow-list arrives with the first article, fetched alongside it.
      const [article, { sanitizeHtml }] = await Promise.all([fetchArticle(this.client, town, id, lang), import('./sanitize.ts')]);
      if (this.openSlug !== slug) return;
      this.safeBody = sanitizeHtml(article.bodyHtml);
      this.article = article;
      this.articleState = 'ready';
      this.dispatchEvent(new KbArticleOpenEvent({ id: article.id, slug: article.slug, lang }));
      void focusAfterRender(this, '#article-title');
    } catch (error) {
      if (this.openSlug !== slug) return;
      if (error instanceof TranslationMissingError) {
        this.article = error.otherLanguage
          ? ({ otherLanguage: error.otherLanguage } as KbArticleView)
          : undefined;
        this.articleState = 'translation-missing';
      } else if ((error as { code?: string }).code === 'not_found') {
        this.articleState = 'not-found';
      } else {
        this.errorMessage = this.describeError(error);
        this.articleState = 'error';
      }
      void focusAfterRender(this, '#article-status');
    }
  }

  /** The element's own Back button: history back when we opened it, else drop our fragment. */
  private back(): void {
    if (this.openedHere && history.length > 1) {
      this.openedHere = false;
      history.back(); // hashchange/popstate then closes the article
      return;
    }
    history.pushState(history.state, '', location.pathname + location.search);
    void this.closeArticle();
  }

  private async closeArticle(): Promise<void> {
    this.articleState = 'closed';
    this.article = undefined;
    this.openSlug = undefined;
    this.openedHere = false;
    await this.updateComplete;
    const slug = this.returnTo.slug;
    const target = slug ? this.renderRoot.querySelector<HTMLElement>(`[data-slug="${CSS.escape(slug)}"]`) : null;
    (target ?? this.renderRoot.querySelector<HTMLElement>('#search-input'))?.focus();
  }

  private chooseHelpful(helpful: boolean): void {
    this.helpful = helpful;
    this.feedback = 'chosen';
    void focusAfterRender(this, '#feedback-comment');
  }

  private async onFeedbackSubmit(e: Event): Promise<void> {
    e.preventDefault();
    const article = this.article;
    if (!article || this.feedback === 'sending') return;
    const comment = this.renderRoot.querySelector<HTMLTextAreaElement>('#feedback-comment')?.value.trim() ?? '';
    this.feedback = 'sending';
    this.feedbackError = '';
    try {
      const town = await this.resolveTown();
      await sendFeedback(this.client, town, article.id, {
        lang: this.articleLang,
        helpful: this.helpful,
        ...(comment ? { comment: comment.slice(0, 1000) } : {}),
      });
      this.feedback = 'sent';
      void focusAfterRender(this, '#feedback-thanks');
    } catch (error) {
      this.feedback = 'chosen';
      this.feedbackError = this.describeError(error);
    }
  }

  // ---- browsing ----

  private openTopic(id: string | undefined): void {
    const previous = this.topic;
    this.topic = id;
    this.shown = RESULTS_PAGE;
    void focusAfterRender(this, id ? '#topic-heading' : `[data-topic="${CSS.escape(previous ?? '')}"]`);
  }

  private async showMore(): Promise<void> {
    const first = this.shown;
    this.shown += RESULTS_PAGE;
    await this.updateComplete;
    this.renderRoot.querySelectorAll<HTMLElement>('.results a')[first]?.focus();
  }

  // ---- rendering ----

  override render() {
    return html`<div part="base" lang=${this.uiLang}>
      ${this.articleState === 'closed' ? this.renderSearch() : this.renderArticle()}
    </div>`;
  }

  private requestLink() {
    if (!this.requestUrl) return nothing;
    const url = new URL(this.requestUrl, document.baseURI);
    if (this.query.trim()) url.searchParams.set('q', this.query.trim());
    return html`<p class="request"><a part="request-link" href=${url.href}>${this.t('requestLink')}</a></p>`;
  }

  private renderSearch() {
    const suggestions = this.expanded && !this.submitted ? this.suggestionHits : [];
    const open = suggestions.length > 0;
    const lang = this.suggestionLang;
    const otherHeading = lang !== this.uiLang;
    return html`
      <form part="search" class="search" role="search" @submit=${this.onSubmit}>
        <div class="field">
          <label for="search-input">${this.t('searchLabel')}</label>
          <span class="hint" id="search-hint">${this.t('searchHint')}</span>
          <div class="combo">
            <input
              part="input"
              id="search-input"
              type="text"
              role="combobox"
              enterkeyhint="search"
              autocomplete="off"
              spellcheck="true"
              aria-autocomplete="list"
              aria-controls="suggestions"
              aria-expanded=${open ? 'true' : 'false'}
              aria-activedescendant=${open && this.active >= 0 ? `option-${this.active}` : nothing}
              aria-describedby="search-hint"
              placeholder=${this.placeholder ?? nothing}
              .value=${this.query}
              @input=${this.onInput}
              @keydown=${this.onKeydown}
              @focus=${this.onFocus}
              @blur=${this.onBlur}
            />
            <div class="popup" ?hidden=${!open}>
              ${otherHeading
                ? html`<p class="popup-heading" id="suggestions-heading" lang=${lang}>${translate(lang, KB_NS, 'resultsInThisLanguage')}</p>`
                : nothing}
              <ul
                part="listbox"
                id="suggestions"
                role="listbox"
                aria-label=${otherHeading ? translate(lang, KB_NS, 'resultsInThisLanguage') : this.t('suggestions')}
                lang=${lang}
              >
                ${suggestions.map(
                  (hit, i) => html`<li
                    part="suggestion"
                    id="option-${i}"
                    role="option"
                    class="option"
                    aria-selected=${i === this.active ? 'true' : 'false'}
                    @mousedown=${(e: Event) => e.preventDefault()}
                    @click=${() => this.openHit(hit, lang)}
                  >
                    <span class="option-title">${highlight(hit.doc.title, hit.highlights.title)}</span>
                    ${hit.doc.categoryName ? html`<span class="option-meta">${hit.doc.categoryName}</span>` : nothing}
                  </li>`,
                )}
              </ul>
            </div>
          </div>
        </div>
        <button class="button" type="submit">${this.t('searchButton')}</button>
      </form>
      <p part="status" class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      ${this.keptCopyFrom
        ? html`<p class="notice" part="offline">${this.t('offline', { date: this.formatDate(this.keptCopyFrom) })}</p>`
        : nothing}
      ${this.renderBody()}
    `;
  }

  private renderBody() {
    if (this.state === 'loading') return html`<p>${this.t('loadingArticles')}</p>`;
    if (this.state === 'error') {
      return html`<div class="notice notice--error" role="alert">
        <p>${this.errorMessage}</p>
        <button class="button button--secondary" type="button" @click=${() => this.load()}>${this.t('retry')}</button>
      </div>`;
    }
    if (this.submitted && this.query.trim()) return this.searching ? html`<p>${this.t('searching')}</p>` : this.renderResults();
    if (this.query.trim()) return this.requestLink();
    return this.renderBrowse();
  }

  private renderResults() {
    const own = this.hits.length > 0;
    const hits = own ? this.hits : this.otherHits;
    const lang = own ? this.uiLang : other(this.uiLang);
    const page = hits.slice(0, this.shown);
    return html`<section part="results" class="results-section" aria-labelledby="results-heading">
      <h3 id="results-heading" class="count">${this.countText(false)}</h3>
      ${!own && hits.length ? html`<h4 lang=${lang}>${translate(lang, KB_NS, 'resultsInThisLanguage')}</h4>` : nothing}
      ${hits.length === 0 ? html`<p>${this.t('noResultsHint')}</p>` : nothing}
      <ul class="results" lang=${lang}>
        ${page.map((hit) => this.renderArticleItem(hit.doc, lang, hit))}
      </ul>
      ${hits.length > page.length
        ? html`<button class="button button--secondary" type="button" @click=${this.showMore}>${this.t('showMore')}</button>`
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
    const index = this.indexes.get(this.uiLang);
    if (!index) return nothing;
    const fixed = this.fixedCategory(index);
    const topicId = this.category ? (fixed?.id ?? this.category) : this.topic;
    if (topicId) {
      const topic = index.categories.find((c) => c.id === topicId);
      const articles = this.articlesOf(index)
        .filter((a) => a.categoryId === topicId)
        .sort((a, b) => (b.popularity ?? 0) - (a.popularity ?? 0));
      const page = articles.slice(0, this.shown);
      return html`<section part="topic" aria-labelledby="topic-heading">
        ${this.category
          ? nothing
          : html`<p class="back"><button class="link-button" type="button" @click=${() => this.openTopic(undefined)}>
              <span aria-hidden="true">←</span> ${this.t('allTopics')}
            </button></p>`}
        <h3 id="topic-heading" tabindex="-1">${topic?.name ?? this.t('browseHeading')}</h3>
        ${articles.length === 0 ? html`<p>${this.t('noArticles')}</p>` : nothing}
        <ul class="results">${page.map((a) => this.renderArticleItem(a, this.uiLang))}</ul>
        ${articles.length > page.length
          ? html`<button class="button button--secondary" type="button" @click=${this.showMore}>${this.t('showMore')}</button>`
          : nothing}
        ${this.requestLink()}
      </section>`;
    }
    const topics = index.categories.filter((c) => c.articleCount > 0).sort((a, b) => a.sort - b.sort);
    return html`<section aria-labelledby="topics-heading">
      <h3 id="topics-heading">${this.t('browseHeading')}</h3>
      ${topics.length === 0 ? html`<p>${this.t('noArticles')}</p>` : nothing}
      <ul part="topics" class="topics">
        ${topics.map(
          (c) => html`<li>
            <button class="topic" type="button" data-topic=${c.id} @click=${() => this.openTopic(c.id)}>
              <span class="topic-name">${c.name}</span>
              <span class="topic-count">${this.t('topicCount', { count: c.articleCount })}</span>
            </button>
          </li>`,
        )}
      </ul>
      ${this.requestLink()}
    </section>`;
  }

  private renderArticle() {
    const backButton = html`<p class="back">
      <button part="back-button" class="button button--secondary" type="button" @click=${this.back}>
        <span aria-hidden="true">←</span> ${this.t('back')}
      </button>
    </p>`;
    const lang = this.articleLang;
    if (this.articleState === 'loading') {
      return html`${backButton}<p id="article-status" tabindex="-1" role="status">${this.t('loadingArticle')}</p>`;
    }
    if (this.articleState === 'translation-missing') {
      const o = this.article?.otherLanguage;
      return html`${backButton}
        <div id="article-status" tabindex="-1" class="notice">
          <p lang=${lang}>${translate(lang, KB_NS, 'translationMissing')}</p>
          ${o
            ? html`<p><a href=${this.fragmentFor(o.slug, o.lang)} lang=${o.lang} hreflang=${o.lang}
                  >${translate(o.lang, KB_NS, 'readInThisLanguage')}: ${o.title}</a
                ></p>`
            : nothing}
        </div>`;
    }
    if (this.articleState !== 'ready' || !this.article) {
      const message = this.articleState === 'not-found' ? this.t('notFound') : this.errorMessage;
      return html`${backButton}
        <div id="article-status" tabindex="-1" class="notice notice--error" role="alert">
          <p>${message}</p>
          ${this.articleState === 'error' && this.openSlug
            ? html`<button class="button button--secondary" type="button" @click=${() => this.showArticle(this.openSlug!, lang)}>
                ${this.t('retry')}
              </button>`
            : nothing}
        </div>`;
    }
    const a = this.article;
    const o = a.otherLanguage;
    return html`${backButton}
      <article part="article" aria-labelledby="article-title">
        <div lang=${lang}>
          <h2 id="article-title" tabindex="-1">${a.title}</h2>
          <p class="meta">
            ${a.categoryName ? html`${a.categoryName} · ` : nothing}${translate(lang, KB_NS, 'updated', {
              date: new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'long' }).format(new Date(a.updatedAt)),
            })}
          </p>
          <!-- bodyHtml passed our own allow-list (sanitize.ts) after the server's: nothing in it runs. -->
          <div part="article-body" class="article-body">${unsafeHTML(this.safeBody)}</div>
        </div>
        ${o && o.lang !== lang
          ? html`<p><a href=${this.fragmentFor(o.slug, o.lang)} lang=${o.lang} hreflang=${o.lang}
                >${translate(o.lang, KB_NS, 'readInThisLanguage')}: ${o.title}</a
              ></p>`
          : nothing}
        ${a.related?.length
          ? html`<nav aria-labelledby="related-heading" class="related">
              <h3 id="related-heading">${this.t('related')}</h3>
              <ul lang=${lang}>
                ${a.related.map(
                  (r) => html`<li>
                    <a href=${this.fragmentFor(r.slug, lang)} @click=${(e: MouseEvent) => this.onArticleLink(e, r.slug, r.id, lang)}
                      >${r.title}</a
                    >
                  </li>`,
                )}
              </ul>
            </nav>`
          : nothing}
        ${this.renderFeedback()}
      </article>`;
  }

  private renderFeedback() {
    if (this.feedback === 'sent') {
      return html`<section part="feedback" class="feedback">
        <p id="feedback-thanks" tabindex="-1" role="status">${this.t('thanks')}</p>
      </section>`;
    }
    if (this.feedback === 'idle') {
      return html`<section part="feedback" class="feedback" aria-labelledby="feedback-heading">
        <h3 id="feedback-heading">${this.t('helpfulQuestion')}</h3>
        <p class="feedback-buttons">
          <button class="button button--secondary" type="button" data-helpful="yes" @click=${() => this.chooseHelpful(true)}>
            ${this.t('yes')}
          </button>
          <button class="button button--secondary" type="button" data-helpful="no" @click=${() => this.chooseHelpful(false)}>
            ${this.t('no')}
          </button>
        </p>
      </section>`;
    }
    return html`<section part="feedback" class="feedback" aria-labelledby="feedback-heading">
      <h3 id="feedback-heading">${this.t('helpfulQuestion')}</h3>
      <p>${this.t('youAnswered', { answer: this.t(this.helpful ? 'yes' : 'no') })}</p>
      <form @submit=${this.onFeedbackSubmit}>
        ${this.feedbackError ? html`<p class="notice notice--error" role="alert">${this.feedbackError}</p>` : nothing}
        <div class="field">
          <label for="feedback-comment">${this.t('commentLabel')}</label>
          <span class="hint" id="feedback-hint">${this.t('commentHint')}</span>
          <textarea id="feedback-comment" rows="3" maxlength="1000" aria-describedby="feedback-hint"></textarea>
        </div>
        <button class="button" type="submit" ?disabled=${this.feedback === 'sending'}>${this.t('sendFeedback')}</button>
      </form>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'muni-kb-search': MuniKbSearch;
  }
}
