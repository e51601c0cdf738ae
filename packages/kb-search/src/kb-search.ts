// The element as a page first gets it: the search box, ready (labelled, focusable, typing accepted),
// and nothing else. The search, the results, the topics and the articles (view.ts, render-article.ts)
// follow with import() right after the first render, on the first focus or key, or at once when the
// page's address opens an article; what the resident typed meanwhile is answered when they arrive.
import { html, nothing } from 'lit';
import { MuniElement } from '@munikit/core';
import type { Lang } from '@munikit/core';
import { KB_NS } from './kb-search.i18n.ts';
import { kbSearchStyles } from './kb-search.styles.ts';
import type { KbArticleView } from './article-api.ts';
import type { SearchHit } from './search/engine.ts';
import type { KbSearchView } from './view.ts';
import { adoptStyles } from '@munikit/core/adopt-styles';

// The events' classes are in events.ts (and the package's index.ts): the box never fires one.
export type { KbSearchDetail, KbArticleOpenDetail } from './events.ts';

type LoadState = 'loading' | 'ready' | 'error';
type ArticleState = 'closed' | 'loading' | 'ready' | 'not-found' | 'translation-missing' | 'error';
type FeedbackState = 'idle' | 'chosen' | 'sending' | 'sent';

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
  /** A query waits for the search engine (its code or fuse.js arriving, the index being built in slices). */
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

  /** Everything but the box (view.ts), once its code has arrived. */
  private view: KbSearchView | undefined;
  private viewLoading: Promise<KbSearchView | undefined> | undefined;
  /** The resident typed or pressed Enter before the view arrived: it answers that when it does. */
  private early: 'input' | 'submit' | undefined;
  private readonly onLocationChange = () => void this.more().then((view) => view?.syncFromFragment());

  constructor() {
    super();
    this.query = '';
    this.maxResults = 8;
    this.state = 'loading';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onLocationChange);
    window.addEventListener('popstate', this.onLocationChange);
    if (!this.query) this.query = new URLSearchParams(location.search).get('q') ?? '';
    if (this.query) this.submitted = true;
    // A permanent link (#kb=…) opens its article at once: the code is asked for now, not after the box
    // (the view then asks for the article's own code alongside the article).
    if (this.view) this.view.connected();
    else if (/(?:^#|&)kb=./.test(location.hash)) void this.more();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onLocationChange);
    window.removeEventListener('popstate', this.onLocationChange);
    this.view?.disconnected();
  }

  protected override firstUpdated(): void {
    // The box is ready: the rest comes while the resident reads the page (on a slow line, before they type).
    const later = () => void this.more();
    if ('requestIdleCallback' in window) requestIdleCallback(later, { timeout: 300 });
    else setTimeout(later, 1);
  }

  protected override languageChanged(_previous: Lang): void {
    this.view?.languageChanged();
  }

  /** The view's code: asked for once, and again after a failure (a retry, the next key or focus). */
  private more(): Promise<KbSearchView | undefined> {
    this.viewLoading ??= import('./view.ts').then(
      (m) => {
        adoptStyles(this, m.viewStyles);
        return (this.view = new m.KbSearchView(this, this.early));
      },
      () => {
        this.viewLoading = undefined;
        this.errorMessage = this.t('networkError');
        this.state = 'error';
        return undefined;
      },
    );
    return this.viewLoading;
  }

  /** Loads the index again (after an error), or fetches the element's code again. */
  async load(): Promise<void> {
    this.state = 'loading';
    await (this.view ? this.view.load() : this.more());
  }

  /** Opens an article, as its permanent link does. */
  async showArticle(slug: string, lang: Lang): Promise<void> {
    await (await this.more())?.showArticle(slug, lang);
  }

  private onInput(e: Event): void {
    this.query = (e.target as HTMLInputElement).value;
    this.submitted = false;
    if (this.view) this.view.onInput();
    else this.early = 'input';
    void this.more();
  }

  private onSubmit(e: Event): void {
    e.preventDefault();
    if (this.view) void this.view.onSubmit();
    else this.early = 'submit';
    void this.more();
  }

  private onKeydown(e: KeyboardEvent): void {
    if (this.view) this.view.onKeydown(e);
    else if (e.key === 'Escape' && this.query) {
      // No suggestions yet: Escape clears the box, as it does once they can show.
      e.preventDefault();
      this.query = '';
      this.early = 'input';
    }
  }

  override render() {
    const view = this.view;
    if (view && this.articleState !== 'closed') return html`<div part="base" lang=${this.uiLang}>${view.renderArticle()}</div>`;
    const open = !!view?.open;
    return html`<div part="base" lang=${this.uiLang}>
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
              @focus=${() => void this.more().then((v) => v?.onFocus())}
              @blur=${() => view?.onBlur()}
            />
            ${view?.renderPopup()}
          </div>
        </div>
        <button class="button" type="submit">${this.t('searchButton')}</button>
      </form>
      <p part="status" class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      ${this.state === 'error'
        ? html`<div class="notice notice--error" role="alert">
            <p>${this.errorMessage}</p>
            <button class="button button--secondary" type="button" @click=${this.load}>${this.t('retry')}</button>
          </div>`
        : view && this.state === 'ready'
          ? view.renderBody()
          : html`<p>${this.t('loadingArticles')}</p>`}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'muni-kb-search': MuniKbSearch;
  }
}
