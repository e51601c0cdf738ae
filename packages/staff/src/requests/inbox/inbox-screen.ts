import { html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { ContextConsumer } from '@lit/context';
import { Task, initialState } from '@lit/task';
import { ApiError, MuniElement } from '@munikit/core';
import { staffContext } from '../../app/staff-context.ts';
import { dataTable } from '../../shared/data-table.ts';
import { errorSummary, focusErrorSummary, inlineProblem, type Problem } from '../../shared/form-problems.ts';
import { PRIORITIES, STATUSES } from '../request-labels.ts';
import { RequestsApi, lastInboxView, type Assignee, type Department, type InboxItem, type InboxQuery, type InboxSort, type ServiceOption } from '../requests-api.ts';
import { INBOX_NS } from './inbox-screen.i18n.ts';
import { inboxScreenStyles } from './inbox-screen.styles.ts';

export const INBOX_PATH = '/staff/inbox';
export const requestPath = (reference: string) => `${INBOX_PATH}/request?ref=${encodeURIComponent(reference)}`;

/** The filters as they are kept in the console URL's query (dates as YYYY-MM-DD). */
const FILTER_KEYS = ['q', 'status', 'department', 'service', 'priority', 'assignee', 'overdue', 'from', 'to', 'sort'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
type Filters = Record<FilterKey, string>;
const SORTS: InboxSort[] = ['newest', 'oldest', 'priority', 'due'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const filtersOf = (query: URLSearchParams | undefined): Filters =>
  Object.fromEntries(FILTER_KEYS.map((k) => [k, query?.get(k)?.trim() ?? ''])) as Filters;

/** The browser's local day as an instant: the start of `day`, or the end of it (`end`). */
function dayBound(day: string, end: boolean): string | undefined {
  if (!DATE.test(day)) return undefined;
  const d = new Date(`${day}T00:00:00`);
  if (Number.isNaN(d.getTime())) return undefined;
  if (end) d.setDate(d.getDate() + 1);
  return new Date(d.getTime() - (end ? 1 : 0)).toISOString();
}

function apiQuery(f: Filters, cursor: string): InboxQuery {
  return {
    q: f.q || undefined,
    status: f.status || undefined,
    department: f.department || undefined,
    service: f.service || undefined,
    priority: (PRIORITIES as string[]).includes(f.priority) ? (f.priority as InboxQuery['priority']) : undefined,
    assignee: f.assignee || undefined,
    overdue: f.overdue === 'true' ? 'true' : undefined,
    from: dayBound(f.from, false),
    to: dayBound(f.to, true),
    sort: (SORTS as string[]).includes(f.sort) ? (f.sort as InboxSort) : undefined,
    cursor: cursor || undefined,
  };
}

interface Options {
  departments: Department[];
  services: ServiceOption[];
  assignees: Assignee[];
}

/**
 * The inbox: every request of the town across departments (an agent sees their departments'), with
 * filters, search and sorting kept in the URL (a filtered view can be bookmarked or shared, and Back
 * returns to the previous one), keyset pages, and overdue requests flagged in words.
 *
 * @tagname muni-staff-inbox
 * @summary The console's inbox of service requests.
 */
export class MuniStaffInbox extends MuniElement {
  static override i18nNamespace = INBOX_NS;
  static override styles = inboxScreenStyles;
  static override properties = {
    ...MuniElement.properties,
    query: { attribute: false },
    problems: { state: true, attribute: false },
  };

  /** The console URL's query (from the shell): the filters, the sort and the page's `cursor`. */
  declare query: URLSearchParams | undefined;
  declare problems: Problem[];
  private form: Filters = filtersOf(undefined);
  /** Cursors of the pages before this one (for "Previous page"); the first page's is ''. */
  private cursors: string[] = [];
  /** The count of matching requests, which the server gives with the first page only. */
  private total: number | null = null;
  /** The server stopped counting at `total` (1,000): more requests match. */
  private totalCapped = false;
  private readonly staff = new ContextConsumer(this, { context: staffContext, subscribe: true });

  private requests(): RequestsApi | undefined {
    const ctx = this.staff.value;
    return ctx ? new RequestsApi(ctx.client, ctx.session.csrfToken, ctx.town) : undefined;
  }

  private readonly page = new Task(this, {
    task: async ([town, search]: readonly [string, string]) => {
      const api = this.requests();
      if (!api || !town) return initialState;
      const query = new URLSearchParams(search);
      try {
        const page = await api.inbox(apiQuery(filtersOf(query), query.get('cursor') ?? ''));
        if (page.total !== null) {
          this.total = page.total;
          this.totalCapped = page.totalCapped;
        }
        return page;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) this.staff.value?.sessionExpired();
        throw error;
      }
    },
    args: () => [this.staff.value?.town ?? '', this.query?.toString() ?? ''] as const,
  });

  /** The lists the filters choose from; a failure leaves a list empty rather than the inbox unusable. */
  private readonly options = new Task(this, {
    task: async ([town]: readonly [string]): Promise<Options> => {
      const api = this.requests();
      if (!api || !town) return { departments: [], services: [], assignees: [] };
      const [departments, services, assignees] = await Promise.all([
        api.departments().then((r) => r.departments, () => []),
        api.services().then((r) => r.services, () => []),
        api.assignees().then((r) => r.staff, () => []),
      ]);
      return { departments, services, assignees };
    },
    args: () => [this.staff.value?.town ?? ''] as const,
  });

  constructor() {
    super();
    this.problems = [];
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('query')) {
      lastInboxView.search = this.query?.toString() ?? '';
      this.form = filtersOf(this.query);
      // The pages before this one travel with the history entry, so Back and Forward keep "Previous page" right.
      const kept: unknown = (history.state as { inboxCursors?: unknown } | null)?.inboxCursors;
      this.cursors = this.query?.get('cursor') && Array.isArray(kept) ? kept.filter((c): c is string => typeof c === 'string') : [];
    }
  }

  /** Shows `query` as a new history entry, so Back returns to the view before. */
  private go(query: URLSearchParams, cursors: string[] = []): void {
    const search = query.toString();
    history.pushState({ inboxCursors: cursors }, '', `${INBOX_PATH}${search ? `?${search}` : ''}`);
    this.query = query;
  }

  private filterQuery(f: Filters): URLSearchParams {
    const q = new URLSearchParams();
    for (const k of FILTER_KEYS) if (f[k]) q.set(k, f[k]);
    return q;
  }

  private apply(e: Event): void {
    e.preventDefault();
    const problems: Problem[] = [];
    for (const k of ['from', 'to'] as const) {
      if (this.form[k] && !dayBound(this.form[k], false)) problems.push({ id: `inbox-${k}`, message: this.t('badDate') });
    }
    this.problems = problems;
    if (problems.length > 0) {
      void focusErrorSummary(this);
      return;
    }
    this.go(this.filterQuery({ ...this.form, q: this.form.q.trim() }));
  }

  private clear(): void {
    this.problems = [];
    this.go(new URLSearchParams());
  }

  private turn(cursor: string | null, back: boolean): void {
    const query = new URLSearchParams(this.query);
    const here = query.get('cursor') ?? '';
    const cursors = back ? this.cursors.slice(0, -1) : [...this.cursors, here];
    if (cursor) query.set('cursor', cursor);
    else query.delete('cursor');
    this.go(query, cursors);
    this.renderRoot.querySelector<HTMLElement>('#inbox-caption')?.scrollIntoView?.({ block: 'nearest' });
  }

  private open(e: MouseEvent, reference: string): void {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    this.staff.value?.navigate(requestPath(reference));
  }

  override render() {
    return html`<div lang=${this.uiLang}>
      <h1 id="screen-heading" tabindex="-1">${this.t('heading')}</h1>
      ${errorSummary(this, this.problems, this.t('problems'))}
      ${this.renderFilters()}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement()}</p>
      ${this.page.render({
        initial: () => html`<p>${this.t('loading')}</p>`,
        pending: () => html`<p>${this.t('loading')}</p>`,
        complete: (page) => html`${this.renderTable(page.items)}${this.renderPaging(page.nextCursor)}`,
        error: (error) => html`<div class="notice notice--error" role="alert">
          <p>${error instanceof ApiError && error.status === 403 ? this.t('forbidden') : this.describeError(error)}</p>
          <button class="button button--secondary" type="button" @click=${() => void this.page.run()}>${this.t('retry')}</button>
        </div>`,
      })}
    </div>`;
  }

  private caption(shown: number): string {
    const ctx = this.staff.value;
    const town = ctx ? (ctx.townNames[ctx.town]?.[this.uiLang] ?? ctx.town) : '';
    const count = this.totalCapped ? this.t('captionMore', { count: this.total ?? shown, town }) : this.t('caption', { count: this.total ?? shown, town });
    return this.query?.get('cursor') ? `${count} — ${this.t('pageCaption', { page: this.cursors.length + 1, shown })}` : count;
  }

  private announcement(): string {
    if (this.page.status === 1) return this.t('loading');
    const page = this.page.value;
    return this.page.status === 2 && page ? this.caption(page.items.length) : '';
  }

  private renderFilters() {
    const f = this.form;
    const opts = this.options.value ?? { departments: [], services: [], assignees: [] };
    const set = (k: FilterKey) => (e: Event) => (this.form[k] = (e.target as HTMLInputElement | HTMLSelectElement).value);
    const name = (n: { en: string; fr: string }) => n[this.uiLang] || n.en;
    const select = (id: string, k: FilterKey, label: string, options: [string, string][]) => html`<div class="field">
      <label for=${id}>${label}</label>
      <select id=${id} @change=${set(k)}>
        ${options.map(([v, text]) => html`<option value=${v} ?selected=${f[k] === v}>${text}</option>`)}
      </select>
    </div>`;
    const date = (k: 'from' | 'to') => {
      const p = inlineProblem(this.problems, `inbox-${k}`, this.t('problems'));
      return html`<div class=${p.fieldClass}>
        <label for="inbox-${k}">${this.t(k)}</label>
        ${p.message}
        <input id="inbox-${k}" type="date" .value=${f[k]} aria-invalid=${p.invalid} aria-describedby=${p.describedBy ?? nothing} @input=${set(k)} />
      </div>`;
    };
    return html`<form class="filters" role="search" aria-label=${this.t('filters')} @submit=${this.apply}>
      <div class="field search">
        <label for="inbox-q">${this.t('search')}</label>
        <span class="hint" id="inbox-q-hint">${this.t('searchHint')}</span>
        <input id="inbox-q" type="search" aria-describedby="inbox-q-hint" .value=${f.q} @input=${set('q')} />
      </div>
      ${select('inbox-status', 'status', this.t('statusFilter'), [
        ['', this.t('anyStatus')],
        ['open', this.t('openOnly')],
        ['closed', this.t('closedOnly')],
        ...STATUSES.map((s): [string, string] => [s, this.t(`status.${s}`)]),
      ])}
      ${select('inbox-department', 'department', this.t('department'), [['', this.t('any')], ...opts.departments.map((d): [string, string] => [d.id, name(d.name)])])}
      ${select('inbox-service', 'service', this.t('service'), [['', this.t('any')], ...opts.services.map((s): [string, string] => [s.code, name(s.name)])])}
      ${select('inbox-priority', 'priority', this.t('priorityFilter'), [['', this.t('any')], ...PRIORITIES.map((p): [string, string] => [p, this.t(`priority.${p}`)])])}
      ${select('inbox-assignee', 'assignee', this.t('assignee'), [
        ['', this.t('any')],
        ['me', this.t('me')],
        ['unassigned', this.t('unassigned')],
        ...opts.assignees.map((a): [string, string] => [a.id, a.name]),
      ])}
      ${date('from')} ${date('to')}
      ${select('inbox-sort', 'sort', this.t('sort'), SORTS.map((s): [string, string] => [s === 'newest' ? '' : s, this.t(`sorts.${s}`)]))}
      <div class="field">
        <label class="checkbox"><input id="inbox-overdue" type="checkbox" .checked=${f.overdue === 'true'}
          @change=${(e: Event) => (this.form.overdue = (e.target as HTMLInputElement).checked ? 'true' : '')} />${this.t('overdueOnly')}</label>
      </div>
      <div class="actions">
        <button class="button" type="submit">${this.t('apply')}</button>
        <button class="button button--secondary" type="button" @click=${this.clear}>${this.t('clear')}</button>
      </div>
    </form>`;
  }

  private renderTable(items: InboxItem[]) {
    const name = (n: { en: string; fr: string }) => n[this.uiLang] || n.en;
    return dataTable<InboxItem>({
      id: 'inbox',
      caption: this.caption(items.length),
      rows: items,
      rowKey: (r) => r.reference,
      empty: this.t('empty'),
      columns: [
        {
          key: 'reference',
          label: this.t('col.reference'),
          cell: (r) => html`<a href=${requestPath(r.reference)} @click=${(e: MouseEvent) => this.open(e, r.reference)}>${r.reference}</a>`,
        },
        { key: 'service', label: this.t('col.service'), cell: (r) => name(r.serviceName) || r.serviceCode },
        {
          key: 'status',
          label: this.t('col.status'),
          cell: (r) => html`${this.t(`status.${r.status}`, { defaultValue: r.status })}${r.ackOverdue ? html`<br /><strong class="flag">⚠ ${this.t('ackOverdue')}</strong>` : nothing}`,
        },
        { key: 'priority', label: this.t('col.priority'), cell: (r) => this.t(`priority.${r.priority}`, { defaultValue: r.priority }) },
        { key: 'department', label: this.t('col.department'), cell: (r) => (r.department ? name(r.department.name) : this.t('noDepartment')) },
        { key: 'assignee', label: this.t('col.assignee'), cell: (r) => r.assignee?.name ?? this.t('nobody') },
        { key: 'location', label: this.t('col.location'), cell: (r) => r.locationText },
        { key: 'received', label: this.t('col.received'), cell: (r) => html`<time datetime=${r.createdAt}>${this.formatDate(r.createdAt)}</time>` },
        {
          key: 'due',
          label: this.t('col.due'),
          cell: (r) => html`${r.dueAt ? html`<time datetime=${r.dueAt}>${this.formatDate(r.dueAt, false)}</time>` : this.t('noDue')}${r.overdue
            ? html`<br /><strong class="flag">⚠ ${this.t('overdue')}</strong>`
            : nothing}`,
        },
        { key: 'followers', label: this.t('col.followers'), cell: (r) => String(r.followers) },
      ],
    });
  }

  private renderPaging(nextCursor: string | null) {
    const here = this.query?.get('cursor') ?? '';
    if (!here && !nextCursor) return nothing;
    const previous = this.cursors.length > 0;
    return html`<nav class="paging" aria-label=${this.t('paging')}>
      ${here
        ? html`<button class="button button--secondary" type="button" @click=${() => this.turn(previous ? this.cursors.at(-1)! : null, true)}>
            ${this.t(previous ? 'previous' : 'first')}</button>`
        : nothing}
      ${nextCursor ? html`<button class="button button--secondary" type="button" @click=${() => this.turn(nextCursor, false)}>${this.t('next')}</button>` : nothing}
    </nav>`;
  }
}

if (!customElements.get('muni-staff-inbox')) customElements.define('muni-staff-inbox', MuniStaffInbox);

declare global {
  interface HTMLElementTagNameMap {
    'muni-staff-inbox': MuniStaffInbox;
  }
}
