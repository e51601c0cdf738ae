import { css, html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { ContextConsumer } from '@lit/context';
import { MuniElement, focusAfterRender } from '@munikit/core';
import { staffContext } from '../../app/staff-context.ts';
import { dataTable } from '../../shared/data-table.ts';
import { EditConflictError, type Change, type Revision, type RevisionDiff, type RevisionSummary, type StaffArticle } from '../kb-api.ts';
import { KB_NS } from '../kb.i18n.ts';
import { canEdit, go, kbApi, kbStyles, sessionCheck } from '../kb-shared.ts';

const FIELDS = ['title', 'summary', 'body', 'keywords'] as const;

/**
 * Every revision of an article: who saved which language when, the published ones marked; one
 * revision in full; the differences between any two; restore an old one (a new revision with its
 * text). Opened at `/staff/kb/revisions?id=ID`.
 *
 * @tagname muni-staff-kb-revisions
 * @summary The console's revision history of a knowledge-base article.
 */
export class MuniStaffKbRevisions extends MuniElement {
  static override i18nNamespace = KB_NS;
  static override styles = [
    ...kbStyles,
    css`
      .diff {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        border: 1px solid var(--_muni-border);
        border-radius: var(--_muni-radius);
        padding: 0.5em 0.75em;
      }
      .legend ins,
      .legend del {
        padding: 0 0.25em;
      }
      .compare {
        display: flex;
        flex-wrap: wrap;
        gap: 0 1em;
        align-items: flex-end;
        max-width: none;
      }
      pre {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        font: inherit;
      }
    `,
  ];
  static override properties = {
    ...MuniElement.properties,
    query: { attribute: false },
    article: { state: true, attribute: false },
    revisions: { state: true, attribute: false },
    shown: { state: true, attribute: false },
    diff: { state: true, attribute: false },
    fromId: { state: true, attribute: false },
    toId: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    error: { state: true, attribute: false },
    busy: { state: true, attribute: false },
  };

  declare query: URLSearchParams | undefined;
  declare article: StaffArticle | undefined;
  declare revisions: RevisionSummary[] | undefined;
  /** The revision shown in full. */
  declare shown: Revision | undefined;
  declare diff: RevisionDiff | undefined;
  declare fromId: string;
  declare toId: string;
  declare notice: string;
  declare error: string;
  declare busy: boolean;
  private loadedKey = '';
  private readonly staff = new ContextConsumer(this, { context: staffContext, subscribe: true });

  constructor() {
    super();
    this.fromId = '';
    this.toId = '';
    this.notice = '';
    this.error = '';
    this.busy = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadedKey = '';
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const key = `${this.staff.value?.town ?? ''}|${this.query?.get('id') ?? ''}`;
    if (this.staff.value && key !== this.loadedKey) {
      this.loadedKey = key;
      void this.load();
    }
  }

  private get articleId(): string {
    return this.query?.get('id') ?? '';
  }

  private async load(): Promise<void> {
    this.article = undefined;
    this.revisions = undefined;
    this.shown = undefined;
    this.diff = undefined;
    this.notice = '';
    this.error = '';
    if (!this.articleId) {
      this.error = this.t('revisions.noArticle');
      return;
    }
    const api = kbApi(this.staff);
    try {
      const [article, list] = await Promise.all([api.article(this.articleId), api.revisions(this.articleId)]);
      this.article = article;
      this.revisions = list.revisions;
      // Newest first: compare the one before the newest with the newest, in the same language.
      const newest = list.revisions[0];
      const previous = newest ? list.revisions.find((r) => r.lang === newest.lang && r.number < newest.number) : undefined;
      this.toId = newest?.id ?? '';
      this.fromId = previous?.id ?? newest?.id ?? '';
    } catch (error) {
      sessionCheck(this.staff, error);
      this.error = this.describeError(error);
    }
  }

  private label(r: RevisionSummary): string {
    return this.t('revisions.option', { number: r.number, lang: this.t(`lang.${r.lang}`), date: this.formatDate(r.createdAt) });
  }

  private async view(r: RevisionSummary): Promise<void> {
    try {
      this.shown = await kbApi(this.staff).revision(this.articleId, r.id);
      await focusAfterRender(this, '#shown-heading');
    } catch (error) {
      sessionCheck(this.staff, error);
      this.error = this.describeError(error);
    }
  }

  private async compare(e: Event): Promise<void> {
    e.preventDefault();
    this.error = '';
    try {
      this.diff = await kbApi(this.staff).diff(this.articleId, this.fromId, this.toId);
      await focusAfterRender(this, '#diff-heading');
    } catch (error) {
      sessionCheck(this.staff, error);
      this.error = this.describeError(error);
    }
  }

  private async restore(r: RevisionSummary): Promise<void> {
    if (!this.article || this.busy) return;
    if (!confirm(this.t('revisions.restoreConfirm', { number: r.number, lang: this.t(`lang.${r.lang}`) }))) return;
    this.busy = true;
    this.error = '';
    try {
      this.article = await kbApi(this.staff).restore(this.articleId, r.id, this.article.version);
      this.revisions = (await kbApi(this.staff).revisions(this.articleId)).revisions;
      this.notice = this.t('revisions.restored', { number: r.number, lang: this.t(`lang.${r.lang}`) });
    } catch (error) {
      sessionCheck(this.staff, error);
      if (error instanceof EditConflictError) {
        // Someone saved meanwhile: nothing was overwritten; the list is refreshed so they can choose again.
        this.article = error.current;
        this.revisions = (await kbApi(this.staff).revisions(this.articleId).catch(() => ({ revisions: this.revisions ?? [] }))).revisions;
        this.error = this.t('revisions.conflict', { name: error.current.updatedByName ?? this.t('editor.someone') });
      } else {
        this.error = this.describeError(error);
      }
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const editPath = `/staff/kb/article?id=${encodeURIComponent(this.articleId)}`;
    const title = this.article ? (this.uiLang === 'fr' ? this.article.fr?.title || this.article.en?.title : this.article.en?.title || this.article.fr?.title) || this.article.slug : '';
    return html`<div lang=${this.uiLang}>
      <p><a href=${editPath} @click=${(e: MouseEvent) => go(this.staff, e, editPath)}>${this.t('revisions.back')}</a></p>
      <h1 id="screen-heading" tabindex="-1">${title ? this.t('revisions.headingOf', { title }) : this.t('revisions.heading')}</h1>
      ${this.error ? html`<div class="notice notice--error" role="alert"><p>${this.error}</p></div>` : nothing}
      <p role="status" class=${this.notice ? 'notice' : 'visually-hidden'}>${this.notice}</p>
      ${this.revisions ? html`${this.renderTable(this.revisions)} ${this.renderCompare(this.revisions)}` : this.error ? nothing : html`<p>${this.t('loading')}</p>`}
      ${this.shown ? this.renderShown(this.shown) : nothing}
      ${this.diff ? this.renderDiff(this.diff) : nothing}
    </div>`;
  }

  private renderTable(revisions: RevisionSummary[]) {
    const editor = canEdit(this.staff);
    return dataTable<RevisionSummary>({
      id: 'revisions',
      caption: this.t('revisions.caption', { count: revisions.length }),
      rows: revisions,
      rowKey: (r) => r.id,
      empty: this.t('revisions.empty'),
      columns: [
        { key: 'number', label: this.t('revisions.col.number'), cell: (r) => String(r.number) },
        { key: 'lang', label: this.t('revisions.col.lang'), cell: (r) => this.t(`lang.${r.lang}`) },
        { key: 'title', label: this.t('revisions.col.title'), cell: (r) => html`<span lang=${r.lang}>${r.title}</span>` },
        { key: 'author', label: this.t('revisions.col.author'), cell: (r) => r.authorName ?? '—' },
        { key: 'date', label: this.t('revisions.col.date'), cell: (r) => html`<time datetime=${r.createdAt}>${this.formatDate(r.createdAt)}</time>` },
        { key: 'published', label: this.t('revisions.col.published'), cell: (r) => (r.published ? html`<strong>${this.t('revisions.published')}</strong>` : '') },
        {
          key: 'actions',
          label: this.t('revisions.col.actions'),
          cell: (r) => html`<div class="actions">
            <button class="link-button" type="button" aria-label=${this.t('revisions.viewNamed', { label: this.label(r) })} @click=${() => this.view(r)}>${this.t('revisions.view')}</button>
            ${editor
              ? html`<button class="link-button" type="button" aria-label=${this.t('revisions.restoreNamed', { label: this.label(r) })}
                  @click=${() => this.restore(r)}>${this.t('revisions.restore')}</button>`
              : nothing}
          </div>`,
        },
      ],
    });
  }

  private renderCompare(revisions: RevisionSummary[]) {
    if (revisions.length < 2) return nothing;
    const select = (id: string, label: string, value: string, set: (v: string) => void) => html`<div class="field">
      <label for=${id}>${label}</label>
      <select id=${id} @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
        ${revisions.map((r) => html`<option value=${r.id} ?selected=${r.id === value}>${this.label(r)}</option>`)}
      </select>
    </div>`;
    return html`<section aria-labelledby="compare-heading">
      <h2 id="compare-heading">${this.t('revisions.compareHeading')}</h2>
      <form class="compare" @submit=${this.compare}>
        ${select('diff-from', this.t('revisions.from'), this.fromId, (v) => (this.fromId = v))}
        ${select('diff-to', this.t('revisions.to'), this.toId, (v) => (this.toId = v))}
        <div class="field"><button class="button button--secondary" type="submit">${this.t('revisions.compare')}</button></div>
      </form>
    </section>`;
  }

  private renderShown(r: Revision) {
    return html`<section class="panel" aria-labelledby="shown-heading" lang=${r.lang}>
      <h2 id="shown-heading" tabindex="-1" lang=${this.uiLang}>${this.t('revisions.shownHeading', { number: r.number, lang: this.t(`lang.${r.lang}`) })}</h2>
      <p lang=${this.uiLang}>${this.t('revisions.shownBy', { name: r.authorName ?? '—', date: this.formatDate(r.createdAt) })}</p>
      <h3>${r.title}</h3>
      <p>${r.summary}</p>
      <pre>${r.body}</pre>
      <p><span lang=${this.uiLang}>${this.t('editor.keywords')}:</span> ${r.keywords.join(', ')}</p>
      <button class="link-button" type="button" lang=${this.uiLang} @click=${() => (this.shown = undefined)}>${this.t('revisions.close')}</button>
    </section>`;
  }

  /** Insertions and deletions as <ins>/<del>, each also named in words (colour is never the only cue). */
  private renderChanges(changes: Change[]) {
    return changes.map((c) =>
      c.op === 'insert'
        ? html`<ins><span class="visually-hidden">[${this.t('revisions.added')}: </span>${c.text}<span class="visually-hidden">]</span></ins>`
        : c.op === 'delete'
          ? html`<del><span class="visually-hidden">[${this.t('revisions.removed')}: </span>${c.text}<span class="visually-hidden">]</span></del>`
          : c.text,
    );
  }

  private renderDiff(d: RevisionDiff) {
    const name = (id: string) => {
      const r = this.revisions?.find((x) => x.id === id);
      return r ? this.label(r) : id;
    };
    const count = (op: Change['op']) => FIELDS.reduce((n, f) => n + d.fields[f].filter((c) => c.op === op).length, 0);
    return html`<section aria-labelledby="diff-heading">
      <h2 id="diff-heading" tabindex="-1">${this.t('revisions.diffHeading', { from: name(d.from), to: name(d.to) })}</h2>
      <p class="summary">${this.t('revisions.diffSummary', { added: count('insert'), removed: count('delete') })}</p>
      <p class="legend">${this.t('revisions.legend')} <ins>${this.t('revisions.added')}</ins> <del>${this.t('revisions.removed')}</del></p>
      ${FIELDS.map((f) => {
        const changed = d.fields[f].some((c) => c.op !== 'equal');
        return html`<h3>${this.t(`editor.${f}`)}${changed ? nothing : html` — ${this.t('revisions.unchanged')}`}</h3>
          <div class="diff" id="diff-${f}">${this.renderChanges(d.fields[f])}</div>`;
      })}
    </section>`;
  }
}

if (!customElements.get('muni-staff-kb-revisions')) customElements.define('muni-staff-kb-revisions', MuniStaffKbRevisions);

declare global {
  interface HTMLElementTagNameMap {
    'muni-staff-kb-revisions': MuniStaffKbRevisions;
  }
}
