import { html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { Task, initialState } from '@lit/task';
import { ApiError, MuniElement } from '@munikit/core';
import { staffContext } from '../../app/staff-context.ts';
import { dataTable } from '../../shared/data-table.ts';
import type { ArticleFilter, KbCategory, StaffArticleSummary } from '../kb-api.ts';
import { KB_NS } from '../kb.i18n.ts';
import { canEdit, flagList, flagsOf, go, kbApi, kbStyles, sessionCheck } from '../kb-shared.ts';

type Missing = '' | 'en' | 'fr' | 'any';
interface Filters extends ArticleFilter {
  missing: Missing;
}

/**
 * The town's knowledge base for staff: every article (public and internal) with its flags — missing
 * translation, unpublished changes, review date passed, scheduled. Editors and administrators get
 * "New article" and Edit; agents and viewers read.
 *
 * @tagname muni-staff-kb-articles
 * @summary The console's knowledge-base list.
 */
export class MuniStaffKbArticles extends MuniElement {
  static override i18nNamespace = KB_NS;
  static override styles = kbStyles;
  static override properties = {
    ...MuniElement.properties,
    applied: { state: true, attribute: false },
  };

  declare applied: Filters;
  private form: Filters = { status: '', categoryId: '', visibility: '', q: '', missing: '' };
  private readonly staff = new ContextConsumer(this, { context: staffContext, subscribe: true });

  private readonly data = new Task(this, {
    task: async ([town, filters]: readonly [string, Filters]) => {
      if (!town || !this.staff.value) return initialState;
      const api = kbApi(this.staff);
      try {
        const { missing, ...query } = filters;
        const [list, cats] = await Promise.all([api.articles(query), api.categories().catch(() => ({ categories: [] as KbCategory[] }))]);
        const articles = list.articles.filter((a) => (missing === 'any' ? a.missing.length > 0 : missing ? a.missing.includes(missing) : true));
        return { articles, categories: cats.categories };
      } catch (error) {
        sessionCheck(this.staff, error);
        throw error;
      }
    },
    args: () => [this.staff.value?.town ?? '', this.applied] as const,
  });

  constructor() {
    super();
    this.applied = { ...this.form };
  }

  private apply(e: Event): void {
    e.preventDefault();
    this.applied = { ...this.form, q: this.form.q?.trim() ?? '' };
  }

  private articleTitle(a: StaffArticleSummary): string {
    const mine = this.uiLang === 'fr' ? a.titleFr : a.titleEn;
    const other = this.uiLang === 'fr' ? a.titleEn : a.titleFr;
    return mine || other || a.slug;
  }

  private categoryName(categories: KbCategory[], id: string | null): string {
    const c = categories.find((x) => x.id === id);
    return c ? (this.uiLang === 'fr' ? c.nameFr : c.nameEn) : this.t('list.noCategory');
  }

  override render() {
    const editor = canEdit(this.staff);
    return html`<div lang=${this.uiLang}>
      <h1 id="screen-heading" tabindex="-1">${this.t('list.heading')}</h1>
      <p>${editor ? this.t('list.introEditor') : this.t('list.introReader')}</p>
      ${editor
        ? html`<p class="toolbar"><a class="button" href="/staff/kb/article" @click=${(e: MouseEvent) => go(this.staff, e, '/staff/kb/article')}>${this.t('list.new')}</a></p>`
        : nothing}
      ${this.renderFilters()}
      <p class="visually-hidden" role="status" aria-live="polite">${this.data.status === 2 ? this.caption(this.data.value?.articles.length ?? 0) : this.data.status === 1 ? this.t('loading') : ''}</p>
      ${this.data.render({
        initial: () => html`<p>${this.t('loading')}</p>`,
        pending: () => html`<p>${this.t('loading')}</p>`,
        complete: (d) => this.renderTable(d.articles, d.categories, editor),
        error: (error) => html`<div class="notice notice--error" role="alert">
          <p>${error instanceof ApiError && error.status === 403 ? this.t('forbidden') : this.describeError(error)}</p>
          <button class="button button--secondary" type="button" @click=${() => this.data.run()}>${this.t('retry')}</button>
        </div>`,
      })}
    </div>`;
  }

  private caption(count: number): string {
    return this.t('list.caption', { count });
  }

  private renderFilters() {
    const cats = this.data.value?.categories ?? [];
    const sel = (id: string, key: keyof Filters, label: string, options: [string, string][]) => html`<div class="field">
      <label for=${id}>${label}</label>
      <select id=${id} @change=${(e: Event) => ((this.form as unknown as Record<string, string>)[key] = (e.target as HTMLSelectElement).value)}>
        ${options.map(([v, text]) => html`<option value=${v} ?selected=${this.form[key] === v}>${text}</option>`)}
      </select>
    </div>`;
    return html`<form class="filters" role="search" aria-label=${this.t('list.filters')} @submit=${this.apply}>
      <div class="field">
        <label for="kb-q">${this.t('list.search')}</label>
        <input id="kb-q" type="search" .value=${this.form.q ?? ''} @input=${(e: Event) => (this.form.q = (e.target as HTMLInputElement).value)} />
      </div>
      ${sel('kb-status', 'status', this.t('list.status'), [['', this.t('list.any')], ['draft', this.t('status.draft')], ['published', this.t('status.published')], ['archived', this.t('status.archived')]])}
      ${sel('kb-category', 'categoryId', this.t('list.category'), [['', this.t('list.any')], ...cats.map((c): [string, string] => [c.id, this.uiLang === 'fr' ? c.nameFr : c.nameEn])])}
      ${sel('kb-visibility', 'visibility', this.t('list.visibility'), [['', this.t('list.any')], ['public', this.t('visibility.public')], ['internal', this.t('visibility.internal')]])}
      ${sel('kb-missing', 'missing', this.t('list.missing'), [['', this.t('list.any')], ['any', this.t('list.missingAny')], ['en', this.t('flag.missingEn')], ['fr', this.t('flag.missingFr')]])}
      <div class="field"><button class="button button--secondary" type="submit">${this.t('list.apply')}</button></div>
    </form>`;
  }

  private renderTable(articles: StaffArticleSummary[], categories: KbCategory[], editor: boolean) {
    const open = (a: StaffArticleSummary) => `/staff/kb/article?id=${encodeURIComponent(a.id)}`;
    return dataTable<StaffArticleSummary>({
      id: 'kb-articles',
      caption: this.caption(articles.length),
      rows: articles,
      rowKey: (a) => a.id,
      empty: this.t('list.empty'),
      columns: [
        {
          key: 'title',
          label: this.t('list.col.title'),
          cell: (a) => html`<a href=${open(a)} @click=${(e: MouseEvent) => go(this.staff, e, open(a))}>${this.articleTitle(a)}</a>`,
        },
        { key: 'status', label: this.t('list.col.status'), cell: (a) => this.t(`status.${a.status}`) },
        { key: 'category', label: this.t('list.col.category'), cell: (a) => this.categoryName(categories, a.categoryId) },
        { key: 'visibility', label: this.t('list.col.visibility'), cell: (a) => this.t(`visibility.${a.visibility}`) },
        { key: 'flags', label: this.t('list.col.flags'), cell: (a) => flagList(this, flagsOf(a)) },
        {
          key: 'updated',
          label: this.t('list.col.updated'),
          cell: (a) => html`<time datetime=${a.updatedAt}>${this.formatDate(a.updatedAt, false)}</time>${a.updatedByName ? html`<br />${a.updatedByName}` : nothing}`,
        },
        {
          key: 'actions',
          label: this.t('list.col.actions'),
          cell: (a) => html`<a href=${open(a)} aria-label=${this.t(editor ? 'list.editNamed' : 'list.viewNamed', { title: this.articleTitle(a) })}
            @click=${(e: MouseEvent) => go(this.staff, e, open(a))}>${this.t(editor ? 'list.edit' : 'list.view')}</a>`,
        },
      ],
    });
  }
}

if (!customElements.get('muni-staff-kb-articles')) customElements.define('muni-staff-kb-articles', MuniStaffKbArticles);

declare global {
  interface HTMLElementTagNameMap {
    'muni-staff-kb-articles': MuniStaffKbArticles;
  }
}
