import { html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { Task, initialState } from '@lit/task';
import { MuniElement } from '@munikit/core';
import { staffContext } from '../../app/staff-context.ts';
import { dataTable } from '../../shared/data-table.ts';
import { errorSummary, focusErrorSummary, type Problem } from '../../shared/form-problems.ts';
import type { ArticleInsight, KbInsight, SearchCount } from '../kb-api.ts';
import { KB_NS } from '../kb.i18n.ts';
import { canEdit, go, kbApi, kbStyles, sessionCheck, today } from '../kb-shared.ts';

/** The last 30 days, today included. */
export function lastThirtyDays(now = new Date()): { from: string; to: string } {
  const from = new Date(now);
  from.setDate(from.getDate() - 29);
  return { from: today(from), to: today(now) };
}

/**
 * What residents looked for in a period: top searches, searches that found nothing (the articles the
 * town is missing, each with "Write an article"), and articles rated unhelpful with their comments.
 * Printable.
 *
 * @tagname muni-staff-kb-insight
 * @summary The console's knowledge-base insight.
 */
export class MuniStaffKbInsight extends MuniElement {
  static override i18nNamespace = KB_NS;
  static override styles = kbStyles;
  static override properties = {
    ...MuniElement.properties,
    period: { state: true, attribute: false },
    problems: { state: true, attribute: false },
  };

  declare period: { from: string; to: string };
  declare problems: Problem[];
  private form = lastThirtyDays();
  private readonly staff = new ContextConsumer(this, { context: staffContext, subscribe: true });

  private readonly data = new Task(this, {
    task: async ([town, from, to]: readonly [string, string, string]) => {
      if (!town || !this.staff.value) return initialState;
      try {
        return await kbApi(this.staff).insight(from, to);
      } catch (error) {
        sessionCheck(this.staff, error);
        throw error;
      }
    },
    args: () => [this.staff.value?.town ?? '', this.period.from, this.period.to] as const,
  });

  constructor() {
    super();
    this.period = { ...this.form };
    this.problems = [];
  }

  private apply(e: Event): void {
    e.preventDefault();
    const { from, to } = this.form;
    const problems: Problem[] = [];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) problems.push({ id: 'from', message: this.t('insight.fromRequired') });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(to)) problems.push({ id: 'to', message: this.t('insight.toRequired') });
    else if (from && to < from) problems.push({ id: 'to', message: this.t('insight.toBeforeFrom') });
    this.problems = problems;
    if (problems.length) {
      void focusErrorSummary(this);
      return;
    }
    this.period = { from, to };
  }

  override render() {
    return html`<div lang=${this.uiLang}>
      <h1 id="screen-heading" tabindex="-1">${this.t('insight.heading')}</h1>
      <p>${this.t('insight.intro')}</p>
      ${errorSummary(this, this.problems, this.t('errorSummaryTitle'))}
      <form class="filters" novalidate @submit=${this.apply}>
        ${(['from', 'to'] as const).map((k) => {
          const message = this.problems.find((p) => p.id === k)?.message;
          return html`<div class=${message ? 'field field--error' : 'field'}>
            <label for=${k}>${this.t(`insight.${k}`)}</label>
            ${message ? html`<span class="error-message" id="${k}-error"><span class="visually-hidden">${this.t('errorPrefix')} </span>${message}</span>` : nothing}
            <input id=${k} type="date" .value=${this.form[k]} aria-invalid=${message ? 'true' : 'false'} aria-describedby=${message ? `${k}-error` : nothing}
              @input=${(e: Event) => (this.form = { ...this.form, [k]: (e.target as HTMLInputElement).value })} />
          </div>`;
        })}
        <div class="field"><button class="button button--secondary" type="submit">${this.t('insight.apply')}</button></div>
        <div class="field no-print"><button class="button button--secondary" type="button" @click=${() => window.print()}>${this.t('insight.print')}</button></div>
      </form>
      <p class="visually-hidden" role="status" aria-live="polite">${this.data.status === 1 ? this.t('loading') : this.data.status === 2 && this.data.value ? this.summary(this.data.value) : ''}</p>
      ${this.data.render({
        initial: () => html`<p>${this.t('loading')}</p>`,
        pending: () => html`<p>${this.t('loading')}</p>`,
        complete: (d) => this.renderInsight(d),
        error: (error) => html`<div class="notice notice--error" role="alert">
          <p>${this.describeError(error)}</p>
          <button class="button button--secondary" type="button" @click=${() => this.data.run()}>${this.t('retry')}</button>
        </div>`,
      })}
    </div>`;
  }

  private summary(d: KbInsight): string {
    return this.t('insight.total', { count: d.totalSearches, from: this.formatDate(`${d.from}T12:00:00`, false), to: this.formatDate(`${d.to}T12:00:00`, false) });
  }

  private searchColumns(write: boolean) {
    return [
      { key: 'query', label: this.t('insight.col.query'), cell: (s: SearchCount) => html`<span lang=${s.lang}>${s.query}</span>` },
      { key: 'lang', label: this.t('insight.col.lang'), cell: (s: SearchCount) => this.t(`lang.${s.lang}`) },
      { key: 'count', label: this.t('insight.col.count'), cell: (s: SearchCount) => String(s.count) },
      ...(write
        ? [{
            key: 'write',
            label: this.t('insight.col.write'),
            cell: (s: SearchCount) => {
              const path = `/staff/kb/article?${new URLSearchParams({ title: s.query, lang: s.lang }).toString()}`;
              return html`<a class="button button--secondary no-print" href=${path} aria-label=${this.t('insight.writeNamed', { query: s.query })}
                @click=${(e: MouseEvent) => go(this.staff, e, path)}>${this.t('insight.write')}</a>`;
            },
          }]
        : []),
    ];
  }

  private renderInsight(d: KbInsight) {
    const key = (s: SearchCount) => `${s.lang}:${s.query}`;
    return html`<p>${this.summary(d)}</p>
      <section>
        <h2 id="top-heading">${this.t('insight.topHeading')}</h2>
        ${dataTable({ id: 'top', caption: this.t('insight.topCaption'), rows: d.topSearches, rowKey: key, columns: this.searchColumns(false), empty: this.t('insight.none') })}
      </section>
      <section>
        <h2 id="missing-heading">${this.t('insight.missingHeading')}</h2>
        <p>${this.t('insight.missingIntro')}</p>
        ${dataTable({ id: 'no-result', caption: this.t('insight.missingCaption'), rows: d.noResultSearches, rowKey: key, columns: this.searchColumns(canEdit(this.staff)), empty: this.t('insight.none') })}
      </section>
      <section>
        <h2 id="unhelpful-heading">${this.t('insight.unhelpfulHeading')}</h2>
        ${dataTable<ArticleInsight>({
          id: 'unhelpful',
          caption: this.t('insight.unhelpfulCaption'),
          rows: d.articles,
          rowKey: (a) => `${a.id}:${a.lang}`,
          empty: this.t('insight.none'),
          columns: [
            {
              key: 'title',
              label: this.t('insight.col.article'),
              cell: (a) => {
                const path = `/staff/kb/article?id=${encodeURIComponent(a.id)}`;
                return html`<a href=${path} lang=${a.lang} @click=${(e: MouseEvent) => go(this.staff, e, path)}>${a.title}</a>`;
              },
            },
            { key: 'lang', label: this.t('insight.col.lang'), cell: (a) => this.t(`lang.${a.lang}`) },
            { key: 'views', label: this.t('insight.col.views'), cell: (a) => String(a.views) },
            { key: 'helpful', label: this.t('insight.col.helpful'), cell: (a) => String(a.helpful) },
            { key: 'unhelpful', label: this.t('insight.col.unhelpful'), cell: (a) => String(a.unhelpful) },
            {
              key: 'comments',
              label: this.t('insight.col.comments'),
              cell: (a) => a.comments.length
                ? html`<ul>${a.comments.map((c) => html`<li lang=${a.lang}>${c.text} <span lang=${this.uiLang}>(${this.t(c.helpful ? 'insight.ratedHelpful' : 'insight.ratedUnhelpful')}, <time datetime=${c.createdAt}>${this.formatDate(c.createdAt, false)}</time>)</span></li>`)}</ul>`
                : '—',
            },
          ],
        })}
      </section>`;
  }
}

if (!customElements.get('muni-staff-kb-insight')) customElements.define('muni-staff-kb-insight', MuniStaffKbInsight);

declare global {
  interface HTMLElementTagNameMap {
    'muni-staff-kb-insight': MuniStaffKbInsight;
  }
}
