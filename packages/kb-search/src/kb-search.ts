import { html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import Fuse from 'fuse.js';
import { MuniElement, focusAfterRender } from '@munikit/core';
import type { KbArticle, KbArticleSummary, Lang } from '@munikit/core';
import { KB_NS } from './kb-search.i18n.ts';
import { kbSearchStyles } from './kb-search.styles.ts';

export interface KbArticleOpenedDetail {
  id: string;
  slug: string;
  title: string;
}

type LoadState = 'idle' | 'loading' | 'ready' | 'error';

const ANNOUNCE_DELAY_MS = 600;

/**
 * Searchable answers from the town's knowledge base, in English or French.
 *
 * @tagname muni-kb-search
 * @summary Type-to-search over the town's published articles; opens an article in place.
 *
 * @attr api - Base URL of the MuniKit server. Defaults to the origin the widget script was loaded from.
 * @attr town - Town id. Defaults to the server's only town.
 * @attr lang - Interface language (`en` or `fr`). Defaults to the nearest ancestor's `lang`, then the page's.
 * @attr query - Initial search text.
 *
 * @fires muni-kb-article-opened - An article was opened. `detail: {id, slug, title}`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart search - The search form.
 * @csspart input - The search text box.
 * @csspart count - The live region announcing the number of results.
 * @csspart results - The list of results.
 * @csspart result - One result.
 * @csspart article - The open article.
 * @csspart article-body - The article's body HTML.
 * @csspart back-button - The "Back to results" button.
 *
 * @cssprop --muni-color-primary - Links, buttons and focus accents. Default #1d4f91.
 * @cssprop --muni-color-text - Body text. Default #1b1b1b.
 * @cssprop --muni-color-background - Widget background. Default #ffffff.
 * @cssprop --muni-color-border - Input borders and separators. Default #6b6b6b.
 * @cssprop --muni-color-error - Error text and borders. Default #b00020.
 * @cssprop --muni-font-family - Font stack. Default system-ui.
 * @cssprop --muni-font-size - Base font size. Default 1rem.
 * @cssprop --muni-radius - Corner radius. Default 4px.
 * @cssprop --muni-focus-ring - Keyboard focus outline. Default 3px solid #ffbf47.
 */
export class MuniKbSearch extends MuniElement {
  static override i18nNamespace = KB_NS;
  static override styles = kbSearchStyles;

  static override properties = {
    ...MuniElement.properties,
    query: { type: String },
    state: { state: true, attribute: false },
    articles: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
    openArticle: { state: true, attribute: false },
    articleState: { state: true, attribute: false },
    errorMessage: { state: true, attribute: false },
  };

  declare query: string;
  declare state: LoadState;
  declare articles: KbArticleSummary[];
  declare announcement: string;
  declare openArticle: KbArticle | undefined;
  declare articleState: LoadState;
  declare errorMessage: string;

  private fuse: Fuse<KbArticleSummary> | undefined;
  private articleCache = new Map<string, KbArticle>();
  private returnFocusTo: string | undefined;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private pendingArticleId: string | undefined;

  constructor() {
    super();
    this.query = '';
    this.state = 'idle';
    this.articles = [];
    this.announcement = '';
    this.articleState = 'idle';
    this.errorMessage = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.state === 'idle') void this.loadArticles();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.announceTimer);
  }

  protected override languageChanged(_previous: Lang): void {
    this.articleCache.clear();
    this.openArticle = undefined;
    this.articleState = 'idle';
    void this.loadArticles();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('query') && this.state === 'ready') this.scheduleAnnouncement();
  }

  async loadArticles(): Promise<void> {
    this.state = 'loading';
    const lang = this.uiLang;
    try {
      const town = await this.resolveTown();
      const articles = await this.client.kbArticles(town, lang);
      if (lang !== this.uiLang) return; // a language switch started a newer load
      this.articles = articles;
      this.fuse = new Fuse(articles, {
        // Tuned on the demo town's 39 articles: typo-tolerant ("swiming") without a short word
        // like "dog" matching half the knowledge base. Residents often type French without accents.
        threshold: 0.3,
        minMatchCharLength: 2,
        ignoreLocation: true,
        ignoreDiacritics: true,
        keys: [
          { name: 'title', weight: 4 },
          { name: 'keywords', weight: 3 },
          { name: 'summary', weight: 2 },
          { name: 'categoryName', weight: 1 },
        ],
      });
      this.state = 'ready';
      this.scheduleAnnouncement();
    } catch (error) {
      this.errorMessage = this.describeError(error);
      this.state = 'error';
    }
  }

  /** Articles matching the current query; all of them, in server order, when the query is empty. */
  get results(): KbArticleSummary[] {
    const q = this.query.trim();
    if (!q || !this.fuse) return this.articles;
    return this.fuse.search(q).map((r) => r.item);
  }

  private countText(): string {
    const q = this.query.trim();
    const count = this.results.length;
    return q ? this.t('resultCount', { count, query: q }) : this.t('articleCount', { count });
  }

  // Announcing on every keystroke would flood screen readers; wait until typing pauses.
  private scheduleAnnouncement(): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      this.announcement = this.countText();
    }, ANNOUNCE_DELAY_MS);
  }

  private onInput(e: Event): void {
    this.query = (e.target as HTMLInputElement).value;
  }

  private onSubmit(e: Event): void {
    e.preventDefault();
    clearTimeout(this.announceTimer);
    this.announcement = this.countText();
  }

  async open(article: KbArticleSummary): Promise<void> {
    this.returnFocusTo = article.id;
    this.pendingArticleId = article.id;
    const cached = this.articleCache.get(article.id);
    if (cached) {
      this.showArticle(cached);
      return;
    }
    this.articleState = 'loading';
    this.openArticle = undefined;
    try {
      const town = await this.resolveTown();
      const full = await this.client.kbArticle(town, article.id, this.uiLang);
      this.articleCache.set(article.id, full);
      if (this.pendingArticleId === article.id) this.showArticle(full);
    } catch (error) {
      this.errorMessage = this.describeError(error);
      this.articleState = 'error';
    }
  }

  private showArticle(article: KbArticle): void {
    this.openArticle = article;
    this.articleState = 'ready';
    this.emit<KbArticleOpenedDetail>('muni-kb-article-opened', {
      id: article.id,
      slug: article.slug,
      title: article.title,
    });
    void focusAfterRender(this, '#article-title');
  }

  async back(): Promise<void> {
    this.openArticle = undefined;
    this.pendingArticleId = undefined;
    this.articleState = 'idle';
    const id = this.returnFocusTo;
    await this.updateComplete;
    const target = id
      ? this.renderRoot.querySelector<HTMLElement>(`[data-article-id="${CSS.escape(id)}"]`)
      : null;
    (target ?? this.renderRoot.querySelector<HTMLElement>('#search-input'))?.focus();
  }

  private retryArticle(): void {
    const summary = this.articles.find((a) => a.id === this.pendingArticleId);
    if (summary) void this.open(summary);
  }

  override render() {
    const inArticle = this.articleState !== 'idle';
    return html`<div part="base" lang=${this.uiLang}>
      ${inArticle ? this.renderArticle() : this.renderSearch()}
    </div>`;
  }

  private renderSearch() {
    return html`
      <form part="search" class="search" role="search" @submit=${this.onSubmit}>
        <div class="field">
          <label for="search-input">${this.t('searchLabel')}</label>
          <span class="hint" id="search-hint">${this.t('searchHint')}</span>
          <input
            part="input"
            id="search-input"
            type="search"
            autocomplete="off"
            spellcheck="true"
            aria-describedby="search-hint"
            .value=${this.query}
            @input=${this.onInput}
          />
        </div>
        <button class="button" type="submit">${this.t('searchButton')}</button>
      </form>
      <p part="count" class="count visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      ${this.renderBody()}
    `;
  }

  private renderBody() {
    switch (this.state) {
      case 'idle':
      case 'loading':
        return html`<p role="status">${this.t('loadingArticles')}</p>`;
      case 'error':
        return html`<div class="notice notice--error" role="alert">
          <p>${this.errorMessage}</p>
          <button class="button button--secondary" type="button" @click=${() => this.loadArticles()}>
            ${this.t('retry')}
          </button>
        </div>`;
      case 'ready': {
        const results = this.results;
        return html`
          <p class="count" aria-hidden="true">${this.countText()}</p>
          ${results.length === 0 && this.query.trim() ? html`<p>${this.t('noResultsHint')}</p>` : nothing}
          <ul part="results" class="results">
            ${results.map(
              (a) => html`<li part="result" class="result">
                <button
                  class="link-button"
                  type="button"
                  data-article-id=${a.id}
                  @click=${() => this.open(a)}
                >
                  ${a.title}
                </button>
                <p>${a.summary}</p>
                <p class="meta"><span class="visually-hidden">${this.t('category')} </span>${a.categoryName}</p>
              </li>`,
            )}
          </ul>
        `;
      }
    }
  }

  private renderArticle() {
    const backButton = html`<p class="back">
      <button part="back-button" class="button button--secondary" type="button" @click=${() => this.back()}>
        <span aria-hidden="true">←</span> ${this.t('back')}
      </button>
    </p>`;
    if (this.articleState === 'loading') {
      return html`${backButton}<p role="status">${this.t('loadingArticle')}</p>`;
    }
    if (this.articleState === 'error' || !this.openArticle) {
      return html`${backButton}
        <div class="notice notice--error" role="alert">
          <p>${this.errorMessage}</p>
          <button class="button button--secondary" type="button" @click=${() => this.retryArticle()}>
            ${this.t('retry')}
          </button>
        </div>`;
    }
    const a = this.openArticle;
    // bodyHtml is rendered from Markdown and sanitised (sanitize-html) by the MuniKit server before it
    // leaves the API, so it is trusted here. Never pass any other HTML to unsafeHTML.
    return html`${backButton}
      <article part="article" aria-labelledby="article-title">
        <h2 id="article-title" tabindex="-1">${a.title}</h2>
        <p class="meta">${a.categoryName} · ${this.t('updated', { date: this.formatDate(a.updatedAt, false) })}</p>
        <div part="article-body" class="article-body">${unsafeHTML(a.bodyHtml)}</div>
      </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'muni-kb-search': MuniKbSearch;
  }
  interface HTMLElementEventMap {
    'muni-kb-article-opened': CustomEvent<KbArticleOpenedDetail>;
  }
}
