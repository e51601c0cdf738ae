import { html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { Task, initialState } from '@lit/task';
import { ApiError, MuniElement } from '@munikit/core';
import type { RequestStatus, StaffRequest, StaffRequestPage } from '@munikit/core';
import { staffContext } from '../app/staff-context.ts';
import { dataTable, type Column } from '../shared/data-table.ts';
import { REQUESTS_NS } from './requests-screen.i18n.ts';
void import('../kb/staff-guidance.ts'); // "Staff guidance" beside each request: loaded after the inbox, never delaying it
import { requestsScreenStyles } from './requests-screen.styles.ts';

const STATUSES: RequestStatus[] = ['received', 'acknowledged', 'in_progress', 'on_hold', 'resolved', 'closed', 'declined', 'duplicate'];

/**
 * The inbox: a town's requests, newest first, with the residents' contact details (staff only).
 *
 * @tagname muni-staff-requests
 * @summary The console's list of a town's service requests.
 * @csspart table - The requests table.
 */
export class MuniStaffRequests extends MuniElement {
  static override i18nNamespace = REQUESTS_NS;
  static override styles = requestsScreenStyles;
  static override properties = {
    ...MuniElement.properties,
    statusFilter: { state: true, attribute: false },
    appliedStatus: { state: true, attribute: false },
  };

  /** The status chosen in the filter; it takes effect on "Apply". */
  declare statusFilter: string;
  declare appliedStatus: string;
  private readonly staff = new ContextConsumer(this, { context: staffContext, subscribe: true });

  private readonly requests = new Task(this, {
    task: async ([town, status]: readonly [string, string]) => {
      const ctx = this.staff.value;
      if (!ctx || !town) return initialState;
      try {
        return await ctx.client.staffRequests(town, { status: status || undefined });
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) ctx.sessionExpired();
        throw error;
      }
    },
    // Runs again by itself when the town (from the shell) or the applied filter changes.
    args: () => [this.staff.value?.town ?? '', this.appliedStatus] as const,
  });

  constructor() {
    super();
    this.statusFilter = '';
    this.appliedStatus = '';
  }

  /** Loads the list again ("Try again", or "Apply" with an unchanged filter). */
  reload(): void {
    void this.requests.run();
  }

  private apply(e: Event): void {
    e.preventDefault();
    if (this.appliedStatus === this.statusFilter) this.reload();
    else this.appliedStatus = this.statusFilter;
  }

  private townName(): string {
    const ctx = this.staff.value;
    return ctx ? (ctx.townNames[ctx.town]?.[this.uiLang] ?? ctx.town) : '';
  }

  override render() {
    return html`<div lang=${this.uiLang}>
      <h1 id="screen-heading" tabindex="-1">${this.t('heading')}</h1>
      <form class="filters" @submit=${this.apply}>
        <div class="field">
          <label for="status-filter">${this.t('statusFilter')}</label>
          <select id="status-filter" @change=${(e: Event) => (this.statusFilter = (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!this.statusFilter}>${this.t('allStatuses')}</option>
            ${STATUSES.map((s) => html`<option value=${s} ?selected=${s === this.statusFilter}>${this.t(`status.${s}`)}</option>`)}
          </select>
        </div>
        <button class="button button--secondary" type="submit">${this.t('apply')}</button>
      </form>
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement()}</p>
      ${this.requests.render({
        initial: () => html`<p>${this.t('loading')}</p>`,
        pending: () => html`<p>${this.t('loading')}</p>`,
        complete: (page) => this.renderTable(page),
        error: (error) => html`<div class="notice notice--error" role="alert">
          <p>${error instanceof ApiError && error.status === 403 ? this.t('forbidden') : this.describeError(error)}</p>
          <button class="button button--secondary" type="button" @click=${() => this.reload()}>${this.t('retry')}</button>
        </div>`,
      })}
    </div>`;
  }

  private announcement(): string {
    if (this.requests.status === 1) return this.t('loading');
    const page = this.requests.value;
    return this.requests.status === 2 && page ? this.caption(page) : '';
  }

  private caption(page: StaffRequestPage): string {
    return this.t('caption', { count: page.total, town: this.townName() });
  }

  private renderTable(page: StaffRequestPage) {
    const columns: Column<StaffRequest>[] = [
      { key: 'reference', label: this.t('col.reference'), cell: (r) => r.reference },
      { key: 'service', label: this.t('col.service'), cell: (r) => html`${r.serviceName[this.uiLang] || r.serviceCode}<muni-staff-kb-guidance service=${r.serviceCode} town=${this.staff.value?.town ?? ''}></muni-staff-kb-guidance>` },
      { key: 'status', label: this.t('col.status'), cell: (r) => this.t(`status.${r.status}`, { defaultValue: r.status }) },
      { key: 'priority', label: this.t('col.priority'), cell: (r) => this.t(`priority.${r.priority}`, { defaultValue: r.priority }) },
      { key: 'location', label: this.t('col.location'), cell: (r) => r.location.text },
      {
        key: 'contact',
        label: this.t('col.contact'),
        cell: (r) => (r.contact ? [r.contact.name, r.contact.email, r.contact.phone].filter(Boolean).join(', ') : '') || this.t('anonymous'),
      },
      { key: 'received', label: this.t('col.received'), cell: (r) => html`<time datetime=${r.createdAt}>${this.formatDate(r.createdAt)}</time>` },
    ];
    return dataTable({
      id: 'requests',
      caption: html`${this.caption(page)}${page.total > page.requests.length
        ? html`<span class="hint">${this.t('showingFirst', { shown: page.requests.length, total: page.total })}</span>`
        : nothing}`,
      columns,
      rows: page.requests,
      rowKey: (r) => r.reference,
      empty: this.t('empty'),
    });
  }
}

if (!customElements.get('muni-staff-requests')) customElements.define('muni-staff-requests', MuniStaffRequests);

declare global {
  interface HTMLElementTagNameMap {
    'muni-staff-requests': MuniStaffRequests;
  }
}
