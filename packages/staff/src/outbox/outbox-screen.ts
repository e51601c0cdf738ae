import { html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, MuniElement } from '@munikit/core';
import { staffContext } from '../app/staff-context.ts';
import { dataTable } from '../shared/data-table.ts';
import { errorSummary, focusErrorSummary, problemsFrom, type Problem } from '../shared/form-problems.ts';
import { screenStyles } from '../shared/screen.styles.ts';
import { OutboxApi, type JobStatus, type OutboxJob } from './outbox-api.ts';
import { OUTBOX_NS } from './outbox-screen.i18n.ts';

/**
 * A town's outbox: emails and webhook calls waiting, failed or sent; filter by state; retry a failed one now.
 *
 * @tagname muni-staff-outbox
 * @summary The console's outbox screen (administrators).
 */
export class MuniStaffOutbox extends MuniElement {
  static override i18nNamespace = OUTBOX_NS;
  static override styles = screenStyles;
  static override properties = {
    ...MuniElement.properties,
    jobs: { state: true, attribute: false },
    nextCursor: { state: true, attribute: false },
    filter: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    problems: { state: true, attribute: false },
    loading: { state: true, attribute: false },
  };

  declare jobs: OutboxJob[] | undefined;
  declare nextCursor: string | null;
  declare filter: JobStatus | '';
  declare notice: string;
  declare problems: Problem[];
  declare loading: boolean;
  private loadedTown = '';
  private readonly staff = new ContextConsumer(this, { context: staffContext, subscribe: true });

  constructor() {
    super();
    this.nextCursor = null;
    this.filter = '';
    this.notice = '';
    this.problems = [];
    this.loading = false;
  }

  private outboxApi(): OutboxApi {
    const ctx = this.staff.value!;
    return new OutboxApi(ctx.client, ctx.session.csrfToken);
  }

  override updated(): void {
    const town = this.staff.value?.town ?? '';
    if (town && town !== this.loadedTown) {
      this.loadedTown = town;
      void this.load(false);
    }
  }

  private async load(more: boolean): Promise<void> {
    this.loading = true;
    try {
      const page = await this.outboxApi().list(this.loadedTown, this.filter, more ? (this.nextCursor ?? undefined) : undefined);
      this.jobs = more ? [...(this.jobs ?? []), ...page.jobs] : page.jobs;
      this.nextCursor = page.nextCursor;
      this.problems = [];
    } catch (error) {
      await this.failed(error);
    } finally {
      this.loading = false;
    }
  }

  private async failed(error: unknown): Promise<void> {
    if (error instanceof ApiError && error.status === 401) this.staff.value?.sessionExpired();
    this.problems = problemsFrom(error, () => undefined, this.describeError(error));
    await focusErrorSummary(this);
  }

  private async retry(job: OutboxJob): Promise<void> {
    try {
      await this.outboxApi().retry(this.loadedTown, job.id);
      this.notice = this.t('retriedNotice');
      await this.load(false);
    } catch (error) {
      await this.failed(error);
    }
  }

  private describe(job: OutboxJob): string {
    const p = (job.payload ?? {}) as Record<string, unknown>;
    if (job.kind === 'email') return this.t('email', { to: String(p['to'] ?? ''), subject: String(p['subject'] ?? '') });
    if (job.kind === 'webhook') return this.t('webhook', { type: String((p['body'] as Record<string, unknown> | undefined)?.['type'] ?? '') });
    return this.t('other', { kind: job.kind });
  }

  override render() {
    const ctx = this.staff.value;
    const town = ctx ? (ctx.townNames[ctx.town]?.[this.uiLang] ?? ctx.town) : '';
    return html`<div lang=${this.uiLang}>
      <h1 id="screen-heading" tabindex="-1">${this.t('heading')}</h1>
      <p>${this.t('intro', { town })}</p>
      ${errorSummary(this, this.problems, this.t('errorSummaryTitle'))}
      <p role="status" class=${this.notice ? 'notice' : 'visually-hidden'}>${this.notice}</p>
      <div class="field">
        <label for="outbox-filter">${this.t('filter')}</label>
        <select id="outbox-filter" @change=${(e: Event) => {
          this.filter = (e.target as HTMLSelectElement).value as JobStatus | '';
          this.notice = '';
          void this.load(false);
        }}>
          ${(['', 'pending', 'failed', 'done'] as const).map((s) => html`<option value=${s} ?selected=${this.filter === s}>${this.t(`status.${s || 'all'}`)}</option>`)}
        </select>
      </div>
      ${this.jobs ? this.renderTable(this.jobs) : html`<p>${this.t('loading')}</p>`}
      ${this.nextCursor
        ? html`<button class="button button--secondary" type="button" aria-disabled=${this.loading ? 'true' : 'false'} @click=${() => !this.loading && this.load(true)}>${this.t('older')}</button>`
        : nothing}
    </div>`;
  }

  private renderTable(jobs: OutboxJob[]) {
    return dataTable<OutboxJob>({
      id: 'jobs',
      caption: this.t('caption', { count: jobs.length }),
      rows: jobs,
      rowKey: (j) => j.id,
      columns: [
        { key: 'what', label: this.t('col.what'), cell: (j) => this.describe(j) },
        { key: 'status', label: this.t('col.status'), cell: (j) => this.t(`status.${j.status}`) },
        { key: 'attempts', label: this.t('col.attempts'), cell: (j) => String(j.attempts) },
        { key: 'error', label: this.t('col.error'), cell: (j) => j.lastError ?? '' },
        { key: 'created', label: this.t('col.created'), cell: (j) => html`<time datetime=${j.createdAt}>${this.formatDate(j.createdAt)}</time>` },
        {
          key: 'actions',
          label: this.t('col.actions'),
          cell: (j) =>
            j.status === 'failed'
              ? html`<button class="link-button" type="button" aria-label=${this.t('retryLabel', { what: this.describe(j) })} @click=${() => this.retry(j)}>${this.t('retry')}</button>`
              : '',
        },
      ],
    });
  }
}

if (!customElements.get('muni-staff-outbox')) customElements.define('muni-staff-outbox', MuniStaffOutbox);

declare global {
  interface HTMLElementTagNameMap {
    'muni-staff-outbox': MuniStaffOutbox;
  }
}
