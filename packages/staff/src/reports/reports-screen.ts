import { html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { ContextConsumer } from '@lit/context';
import { Task, initialState } from '@lit/task';
import { ApiError, MuniElement, focusAfterRender } from '@munikit/core';
import type { Lang } from '@munikit/core';
import { staffContext } from '../app/staff-context.ts';
import { dataTable } from '../shared/data-table.ts';
import { errorSummary, focusErrorSummary, inlineProblem, type Problem } from '../shared/form-problems.ts';
import { barChart } from './bar-chart.ts';
import { COUNCIL_PATH, PRESETS, REPORTS_PATH, isDay, periodFromQuery, periodQuery, presetPeriod, type Period, type Preset } from './period.ts';
import { ReportWords } from './report-format.ts';
import { ReportsApi, type ReportCount, type TownReport } from './reports-api.ts';
import { REPORTS_NS } from './reports-screen.i18n.ts';
import { reportsScreenStyles } from './reports-screen.styles.ts';

/** The council report's address for a period and a language. */
export function councilHref(p: Period, lang: Lang): string {
  return `${COUNCIL_PATH}?${new URLSearchParams({ from: p.from, to: p.to, lang }).toString()}`;
}

type Kind = 'department' | 'service' | 'status' | 'channel';
const SECTIONS: { kind: Kind; key: 'byDepartment' | 'byService' | 'byStatus' | 'byChannel' }[] = [
  { kind: 'department', key: 'byDepartment' },
  { kind: 'service', key: 'byService' },
  { kind: 'status', key: 'byStatus' },
  { kind: 'channel', key: 'byChannel' },
];

/**
 * Figures for any period: counts by department, service, status and channel, median times, the
 * share closed within target and "did we fix it?" answers, as charts and tables; the CSV and the
 * council report for the same period. The period lives in the URL (`?period=` or `?from=&to=`).
 *
 * @tagname muni-staff-reports
 * @summary The console's reports screen (reports.read).
 */
export class MuniStaffReports extends MuniElement {
  static override i18nNamespace = REPORTS_NS;
  static override styles = reportsScreenStyles;
  static override properties = {
    ...MuniElement.properties,
    query: { attribute: false },
    choice: { state: true, attribute: false },
    fromDraft: { state: true, attribute: false },
    toDraft: { state: true, attribute: false },
    problems: { state: true, attribute: false },
  };

  /** The console URL's query (from the shell). */
  declare query: URLSearchParams | undefined;
  /** The preset chosen in the form (not yet shown until submitted). */
  declare choice: Preset | 'custom';
  declare fromDraft: string;
  declare toDraft: string;
  declare problems: Problem[];
  private readonly staff = new ContextConsumer(this, { context: staffContext, subscribe: true });
  private shownQuery = '';

  private readonly report = new Task(this, {
    task: async ([town, q]: readonly [string, string]) => {
      if (!town) return initialState;
      return this.calls().report(town, periodFromQuery(new URLSearchParams(q)));
    },
    args: () => [this.staff.value?.town ?? '', this.query?.toString() ?? ''] as const,
  });

  constructor() {
    super();
    this.choice = 'quarter';
    this.fromDraft = '';
    this.toDraft = '';
    this.problems = [];
  }

  private calls(): ReportsApi {
    return new ReportsApi(this.staff.value!.client);
  }

  private get period(): Period {
    return periodFromQuery(this.query ?? new URLSearchParams());
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A new URL (first visit, Back, a bookmark) sets the form to the period it shows.
    const q = this.query?.toString() ?? '';
    if (q !== this.shownQuery || !this.hasUpdated) {
      this.shownQuery = q;
      const p = this.period;
      this.choice = p.preset;
      this.fromDraft = p.from;
      this.toDraft = p.to;
    }
  }

  private async apply(e: Event): Promise<void> {
    e.preventDefault();
    let p: Period;
    if (this.choice === 'custom') {
      const problems: Problem[] = [];
      if (!isDay(this.fromDraft)) problems.push({ id: 'period-from', message: this.t('fromRequired') });
      if (!isDay(this.toDraft)) problems.push({ id: 'period-to', message: this.t('toRequired') });
      else if (problems.length === 0 && this.toDraft < this.fromDraft) problems.push({ id: 'period-to', message: this.t('toBeforeFrom') });
      this.problems = problems;
      if (problems.length) return focusErrorSummary(this);
      p = { preset: 'custom', from: this.fromDraft, to: this.toDraft };
    } else {
      p = presetPeriod(this.choice);
    }
    this.problems = [];
    const q = periodQuery(p);
    history.pushState(null, '', `${REPORTS_PATH}?${q.toString()}`);
    this.query = q;
    await this.updateComplete;
    await this.report.taskComplete.catch(() => undefined);
    await focusAfterRender(this, '#results-heading');
  }

  private townName(): string {
    const ctx = this.staff.value;
    return ctx ? (ctx.townNames[ctx.town]?.[this.uiLang] ?? ctx.town) : '';
  }

  private isAgent(): boolean {
    const ctx = this.staff.value;
    return ctx?.session.towns.find((t) => t.id === ctx.town)?.role === 'agent';
  }

  override render() {
    return html`<div lang=${this.uiLang}>
      <h1 id="screen-heading" tabindex="-1">${this.t('heading')}</h1>
      <p>${this.t('intro', { town: this.townName() })} ${this.isAgent() ? this.t('agentScope') : nothing}</p>
      ${errorSummary(this, this.problems, this.t('errorSummaryTitle'))}
      ${this.renderPeriodForm()}
      ${this.report.render({
        initial: () => html`<p>${this.t('loading')}</p>`,
        pending: () => html`<p role="status">${this.t('loading')}</p>`,
        complete: (r) => this.renderReport(r),
        error: (error) => {
          if (error instanceof ApiError && error.status === 401) this.staff.value?.sessionExpired();
          return html`<div class="notice notice--error" role="alert">
            <p>${this.describeError(error)}</p>
            <button class="button button--secondary" type="button" @click=${() => this.report.run()}>${this.t('retry')}</button>
          </div>`;
        },
      })}
    </div>`;
  }

  private renderPeriodForm() {
    const from = inlineProblem(this.problems, 'period-from', this.t('errorPrefix'));
    const to = inlineProblem(this.problems, 'period-to', this.t('errorPrefix'));
    const date = (id: string, label: string, value: string, p: typeof from, set: (v: string) => void) => html`<div class=${p.fieldClass}>
      <label for=${id}>${label}</label>
      <span class="hint" id="${id}-hint">${this.t('dateHint')}</span>
      ${p.message}
      <input id=${id} type="date" .value=${value} aria-invalid=${p.invalid} aria-describedby=${[`${id}-hint`, p.describedBy].filter(Boolean).join(' ')}
        @input=${(e: Event) => set((e.target as HTMLInputElement).value)} />
    </div>`;
    return html`<form class="period" novalidate @submit=${this.apply}>
      <fieldset>
        <legend>${this.t('periodLegend')}</legend>
        <div class="presets">
          ${[...PRESETS, 'custom' as const].map(
            (p) => html`<div class="choice">
              <input type="radio" name="preset" id="preset-${p}" value=${p} .checked=${this.choice === p} @change=${() => (this.choice = p)} />
              <label for="preset-${p}">${this.t(`preset.${p}`)}</label>
            </div>`,
          )}
        </div>
        ${this.choice === 'custom'
          ? html`<div class="dates">
              ${date('period-from', this.t('from'), this.fromDraft, from, (v) => (this.fromDraft = v))}
              ${date('period-to', this.t('to'), this.toDraft, to, (v) => (this.toDraft = v))}
            </div>`
          : nothing}
      </fieldset>
      <button class="button" type="submit">${this.t('show')}</button>
    </form>`;
  }

  private renderReport(r: TownReport) {
    const words = new ReportWords((k, o) => this.t(k, o), this.uiLang);
    const p = this.period;
    const town = this.staff.value?.town ?? '';
    const fixTotal = r.fixAnswers.yes + r.fixAnswers.no;
    const share = (n: number, of: number) => (of > 0 ? words.percent(n / of) : '—');
    return html`<section aria-labelledby="results-heading">
      <h2 id="results-heading" tabindex="-1">${this.t('showing', { period: words.period(p.from, p.to) })}</h2>
      <ul class="downloads">
        <li><a href=${this.calls().csvUrl(town, p)} download>${this.t('csv')}</a></li>
        <li>${this.t('council')}:
          <a href=${councilHref(p, 'en')} lang="en" @click=${(e: MouseEvent) => this.follow(e, councilHref(p, 'en'))}>${this.t('councilEn')}</a>,
          <a href=${councilHref(p, 'fr')} @click=${(e: MouseEvent) => this.follow(e, councilHref(p, 'fr'))}>${this.t('councilFr')}</a></li>
      </ul>
      <h3>${this.t('keyFigures')}</h3>
      <dl class="figures">
        <div><dt>${this.t('total')}</dt><dd>${words.number(r.total)}</dd></div>
        <div><dt>${this.t('medianAck')}</dt><dd>${words.duration(r.medianHoursToAcknowledge)}</dd></div>
        <div><dt>${this.t('medianClose')}</dt><dd>${words.duration(r.medianHoursToClose)}</dd></div>
        <div><dt>${this.t('withinTarget')}</dt><dd>${words.withinTarget(r)}</dd></div>
      </dl>
      ${r.total === 0 ? html`<p class="notice">${this.t('empty')}</p>` : SECTIONS.map((s) => this.renderCounts(s.kind, s.key, r[s.key], r.total, words))}
      <div class="section">
        <h3 id="fix-heading">${this.t('fixAnswers')}</h3>
        ${fixTotal > 0
          ? html`<figure>
              <figcaption>${this.t('chartNote')}</figcaption>
              ${barChart({
                id: 'chart-fix',
                title: this.t('fixAnswers'),
                patternPerBar: true,
                bars: [
                  { label: this.t('fixYes'), value: r.fixAnswers.yes, text: words.number(r.fixAnswers.yes) },
                  { label: this.t('fixNo'), value: r.fixAnswers.no, text: words.number(r.fixAnswers.no) },
                ],
              })}
            </figure>`
          : nothing}
        ${dataTable<{ key: string; label: string; n: number }>({
          id: 'fix',
          caption: this.t('fixAnswers'),
          rows: [
            { key: 'yes', label: this.t('fixYes'), n: r.fixAnswers.yes },
            { key: 'no', label: this.t('fixNo'), n: r.fixAnswers.no },
          ],
          rowKey: (x) => x.key,
          columns: [
            { key: 'name', label: this.t('col.answer'), cell: (x) => x.label },
            { key: 'count', label: this.t('col.answers'), cell: (x) => words.number(x.n) },
            { key: 'share', label: this.t('col.share'), cell: (x) => share(x.n, fixTotal) },
          ],
        })}
      </div>
    </section>`;
  }

  private renderCounts(kind: Kind, key: string, rows: ReportCount[], total: number, words: ReportWords) {
    const title = this.t(key);
    return html`<div class="section">
      <h3>${title}</h3>
      <figure>
        <figcaption>${this.t('chartNote')}</figcaption>
        ${barChart({ id: `chart-${key}`, title, bars: rows.map((row) => ({ label: words.name(kind, row), value: row.count, text: words.number(row.count) })) })}
      </figure>
      ${dataTable<ReportCount>({
        id: key,
        caption: title,
        rows,
        rowKey: (row) => row.key,
        columns: [
          { key: 'name', label: this.t('col.name'), cell: (row) => words.name(kind, row) },
          { key: 'count', label: this.t('col.count'), cell: (row) => words.number(row.count) },
          { key: 'share', label: this.t('col.share'), cell: (row) => words.percent(row.count / total) },
        ],
      })}
    </div>`;
  }

  private follow(e: MouseEvent, href: string): void {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    this.staff.value?.navigate(href);
  }
}

if (!customElements.get('muni-staff-reports')) customElements.define('muni-staff-reports', MuniStaffReports);

declare global {
  interface HTMLElementTagNameMap {
    'muni-staff-reports': MuniStaffReports;
  }
}
