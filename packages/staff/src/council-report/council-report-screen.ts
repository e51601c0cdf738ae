import { html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { ContextConsumer } from '@lit/context';
import { Task, initialState } from '@lit/task';
import { ApiError, MuniElement, normaliseLang } from '@munikit/core';
import type { Lang, ReportCount, TownReport } from '@munikit/core';
import { staffContext } from '../app/staff-context.ts';
import { isDay, presetPeriod, type Period } from '../reports/period.ts';
import { ReportWords } from '../reports/report-format.ts';
import { ReportsApi } from '../reports/reports-api.ts';
import { COUNCIL_PATH, REPORTS_PATH } from '../reports/period.ts';
import { COUNCIL_NS } from './council-report-screen.i18n.ts';
import { councilReportStyles } from './council-report-screen.styles.ts';

/** Rows a small table shows before the rest are summed into "other". */
const MAX_ROWS = 6;

/** `?from=&to=` (days, both included), else `?period=`, else last quarter: a council report looks back. */
export function councilPeriod(q: URLSearchParams): Period {
  const from = q.get('from') ?? '';
  const to = q.get('to') ?? '';
  if (isDay(from) && isDay(to) && from <= to) return { preset: 'custom', from, to };
  const preset = q.get('period');
  return presetPeriod(preset === 'month' || preset === 'quarter' || preset === 'year' ? preset : 'last-quarter');
}

/**
 * A one-page report for council, in English or French whatever the console's language
 * (`?lang=`), for a period (`?from=&to=`): the town, the period, key figures and small tables,
 * laid out to print on one A4 or Letter page without the console around it.
 *
 * @tagname muni-staff-council-report
 * @summary The printable council report (reports.read).
 */
export class MuniStaffCouncilReport extends MuniElement {
  static override i18nNamespace = COUNCIL_NS;
  static override styles = councilReportStyles;
  static override properties = {
    ...MuniElement.properties,
    query: { attribute: false },
  };

  declare query: URLSearchParams | undefined;
  private readonly staff = new ContextConsumer(this, { context: staffContext, subscribe: true });

  private readonly report = new Task(this, {
    task: async ([town, from, to]: readonly [string, string, string]) =>
      town ? new ReportsApi(this.staff.value!.client).report(town, { preset: 'custom', from, to }) : initialState,
    args: () => {
      const p = this.period;
      return [this.staff.value?.town ?? '', p.from, p.to] as const;
    },
  });

  private get period(): Period {
    return councilPeriod(this.query ?? new URLSearchParams());
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // The report's language is its own (`?lang=`), not the console's; without one it follows the console.
    if (changed.has('query')) {
      const wanted = this.query?.get('lang');
      if (wanted) this.lang = normaliseLang(wanted);
      else if (this.hasAttribute('lang')) this.removeAttribute('lang');
    }
    super.willUpdate(changed);
  }

  private go(e: MouseEvent, href: string): void {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    this.staff.value?.navigate(href);
  }

  override render() {
    const ctx = this.staff.value;
    const lang = this.uiLang;
    const other: Lang = lang === 'fr' ? 'en' : 'fr';
    const p = this.period;
    const otherHref = `${COUNCIL_PATH}?${new URLSearchParams({ from: p.from, to: p.to, lang: other }).toString()}`;
    const backHref = `${REPORTS_PATH}?${new URLSearchParams({ from: p.from, to: p.to }).toString()}`;
    const words = new ReportWords((k, o) => this.t(k, o), lang);
    const town = ctx ? (ctx.townNames[ctx.town]?.[lang] ?? ctx.town) : '';
    return html`<article class="report" lang=${lang}>
      <nav class="toolbar" aria-label=${this.t('toolbar')}>
        <button class="button" type="button" @click=${() => window.print()}>${this.t('print')}</button>
        <a href=${backHref} @click=${(e: MouseEvent) => this.go(e, backHref)}>${this.t('back')}</a>
        <a href=${otherHref} lang=${other} @click=${(e: MouseEvent) => this.go(e, otherHref)}>${this.t('otherLanguage')}</a>
      </nav>
      <p class="town">${town}</p>
      <h1 id="screen-heading" tabindex="-1">${this.t('title')}</h1>
      <p class="period">${this.t('period', { period: words.period(p.from, p.to) })}</p>
      ${this.report.render({
        initial: () => html`<p>${this.t('loading')}</p>`,
        pending: () => html`<p role="status">${this.t('loading')}</p>`,
        complete: (r) => this.renderReport(r, words),
        error: (error) => {
          if (error instanceof ApiError && error.status === 401) ctx?.sessionExpired();
          return html`<div class="notice notice--error" role="alert">
            <p>${this.describeError(error)}</p>
            <button class="button button--secondary" type="button" @click=${() => this.report.run()}>${this.t('retry')}</button>
          </div>`;
        },
      })}
    </article>`;
  }

  private renderReport(r: TownReport, words: ReportWords) {
    const fixTotal = r.fixAnswers.yes + r.fixAnswers.no;
    return html`<dl class="figures">
        <div><dt>${this.t('total')}</dt><dd>${words.number(r.total)}</dd></div>
        <div><dt>${this.t('medianAck')}</dt><dd>${words.duration(r.medianHoursToAcknowledge)}</dd></div>
        <div><dt>${this.t('medianClose')}</dt><dd>${words.duration(r.medianHoursToClose)}</dd></div>
        <div><dt>${this.t('withinTarget')}</dt><dd>${words.withinTarget(r)}</dd></div>
        <div><dt>${this.t('fixAnswers')}</dt><dd>${fixTotal > 0 ? words.percent(r.fixAnswers.yes / fixTotal) : this.t('noFigure')}</dd></div>
      </dl>
      ${r.total === 0
        ? html`<p>${this.t('empty')}</p>`
        : html`<div class="tables">
            ${this.table('byDepartment', 'department', r.byDepartment, words)}
            ${this.table('byService', 'service', r.byService, words)}
            ${this.table('byStatus', 'status', r.byStatus, words)}
            ${this.table('byChannel', 'channel', r.byChannel, words)}
            ${fixTotal > 0
              ? html`<table>
                  <caption>${this.t('fixAnswers')}</caption>
                  <thead><tr><th scope="col">${this.t('col.answer')}</th><th scope="col" class="n">${this.t('col.answers')}</th></tr></thead>
                  <tbody>
                    <tr><th scope="row">${this.t('fixYes')}</th><td>${words.number(r.fixAnswers.yes)}</td></tr>
                    <tr><th scope="row">${this.t('fixNo')}</th><td>${words.number(r.fixAnswers.no)}</td></tr>
                  </tbody>
                </table>`
              : nothing}
          </div>`}
      <p class="notes">${this.t('notes')}</p>
      <p class="prepared">${this.t('prepared', { date: new Intl.DateTimeFormat(this.locale, { dateStyle: 'long' }).format(new Date()) })}</p>`;
  }

  private table(key: string, kind: 'department' | 'service' | 'status' | 'channel', rows: ReportCount[], words: ReportWords) {
    const shown = rows.length > MAX_ROWS ? rows.slice(0, MAX_ROWS - 1) : rows;
    const rest = rows.slice(shown.length).reduce((n, row) => n + row.count, 0);
    return html`<table>
      <caption>${this.t(key)}</caption>
      <thead><tr><th scope="col">${this.t('col.name')}</th><th scope="col" class="n">${this.t('col.count')}</th></tr></thead>
      <tbody>
        ${shown.map((row) => html`<tr><th scope="row">${words.name(kind, row)}</th><td>${words.number(row.count)}</td></tr>`)}
        ${rest > 0 ? html`<tr><th scope="row">${this.t('others')}</th><td>${words.number(rest)}</td></tr>` : nothing}
      </tbody>
    </table>`;
  }
}

if (!customElements.get('muni-staff-council-report')) customElements.define('muni-staff-council-report', MuniStaffCouncilReport);

declare global {
  interface HTMLElementTagNameMap {
    'muni-staff-council-report': MuniStaffCouncilReport;
  }
}
