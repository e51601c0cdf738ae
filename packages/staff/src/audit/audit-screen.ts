import { html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { Task, initialState } from '@lit/task';
import { ApiError, MuniElement } from '@munikit/core';
import { staffContext } from '../app/staff-context.ts';
import { dataTable } from '../shared/data-table.ts';
import { screenStyles } from '../shared/screen.styles.ts';
import { StaffApi, type AuditEntry, type AuditFilter } from '../shared/staff-api.ts';
import { AUDIT_NS } from './audit-screen.i18n.ts';

/** A date box's value (a day, in the browser's time zone) as the ISO time the API filters on. */
const dayStart = (day: string) => (day ? new Date(`${day}T00:00:00`).toISOString() : undefined);
const dayAfter = (day: string) => {
  if (!day) return undefined;
  const d = new Date(`${day}T00:00:00`);
  d.setDate(d.getDate() + 1);
  return d.toISOString();
};

/** "field: before → after" for each changed field of an entry. */
function changes(details: Record<string, unknown>): string[] {
  const before = (details.before ?? {}) as Record<string, unknown>;
  const after = (details.after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
  return keys.map((k) => `${k}: ${show(before[k])} → ${show(after[k])}`);
}

/**
 * The town's audit log with filters, older pages on demand, and a CSV download.
 *
 * @tagname muni-staff-audit
 * @summary The console's audit log screen (administrators).
 */
export class MuniStaffAudit extends MuniElement {
  static override i18nNamespace = AUDIT_NS;
  static override styles = screenStyles;
  static override properties = {
    ...MuniElement.properties,
    filter: { state: true, attribute: false },
    older: { state: true, attribute: false },
  };

  /** The filter applied to the list (the form's values once "Apply" is pressed). */
  declare filter: AuditFilter;
  /** Entries of the pages loaded with "Show older entries", after the first page. */
  declare older: { entries: AuditEntry[]; nextCursor: string | null } | undefined;
  private form = { action: '', from: '', to: '' };
  private readonly staff = new ContextConsumer(this, { context: staffContext, subscribe: true });

  private readonly log = new Task(this, {
    task: async ([town, filter]: readonly [string, AuditFilter]) => {
      if (!town) return initialState;
      this.older = undefined;
      return this.staffApi().audit(town, filter);
    },
    args: () => [this.staff.value?.town ?? '', this.filter] as const,
  });

  private readonly more = new Task(this, {
    task: async ([cursor]: readonly [string]) => {
      const page = await this.staffApi().audit(this.staff.value!.town, this.filter, cursor);
      this.older = { entries: [...(this.older?.entries ?? []), ...page.entries], nextCursor: page.nextCursor };
      // Keyboard focus stays on the button, which is still there while older entries remain.
      return page;
    },
    autoRun: false,
  });

  constructor() {
    super();
    this.filter = {};
  }

  private staffApi(): StaffApi {
    const ctx = this.staff.value!;
    return new StaffApi(ctx.client, ctx.session.csrfToken);
  }

  private apply(e: Event): void {
    e.preventDefault();
    this.filter = { action: this.form.action.trim() || undefined, from: dayStart(this.form.from), to: dayAfter(this.form.to) };
  }

  override render() {
    const town = this.staff.value?.town ?? '';
    return html`<div lang=${this.uiLang}>
      <h1 id="screen-heading" tabindex="-1">${this.t('heading')}</h1>
      <p>${this.t('intro')}</p>
      <form class="panel" novalidate @submit=${this.apply} aria-labelledby="filters-heading">
        <h2 id="filters-heading">${this.t('filters')}</h2>
        <div class="field">
          <label for="action">${this.t('action')}</label>
          <span class="hint" id="action-hint">${this.t('actionHint')}</span>
          <input id="action" type="text" spellcheck="false" aria-describedby="action-hint" .value=${this.form.action}
            @input=${(e: Event) => (this.form.action = (e.target as HTMLInputElement).value)} />
        </div>
        <div class="actions">
          <div class="field">
            <label for="from">${this.t('from')}</label>
            <input id="from" type="date" .value=${this.form.from} @input=${(e: Event) => (this.form.from = (e.target as HTMLInputElement).value)} />
          </div>
          <div class="field">
            <label for="to">${this.t('to')}</label>
            <input id="to" type="date" .value=${this.form.to} @input=${(e: Event) => (this.form.to = (e.target as HTMLInputElement).value)} />
          </div>
        </div>
        <div class="actions">
          <button class="button button--secondary" type="submit">${this.t('apply')}</button>
          ${town ? html`<a href=${this.staffApi().auditCsvUrl(town, this.filter)} download>${this.t('download')}</a>` : nothing}
        </div>
      </form>
      ${this.log.render({
        initial: () => html`<p>${this.t('loading')}</p>`,
        pending: () => html`<p role="status">${this.t('loading')}</p>`,
        complete: (first) => this.renderEntries([...first.entries, ...(this.older?.entries ?? [])], this.older ? this.older.nextCursor : first.nextCursor),
        error: (error) => {
          if (error instanceof ApiError && error.status === 401) this.staff.value?.sessionExpired();
          return html`<div class="notice notice--error" role="alert">
            <p>${this.describeError(error)}</p>
            <button class="button button--secondary" type="button" @click=${() => this.log.run()}>${this.t('retry')}</button>
          </div>`;
        },
      })}
    </div>`;
  }

  private renderEntries(entries: AuditEntry[], nextCursor: string | null) {
    return html`${dataTable<AuditEntry>({
        id: 'audit',
        caption: this.t('caption', { count: entries.length }),
        rows: entries,
        rowKey: (e) => e.id,
        columns: [
          { key: 'when', label: this.t('col.when'), cell: (e) => html`<time datetime=${e.createdAt}>${this.formatDate(e.createdAt)}</time>` },
          { key: 'who', label: this.t('col.who'), cell: (e) => (e.actor ? (e.actor.name || e.actor.email || e.actor.id) : this.t('system')) },
          { key: 'action', label: this.t('col.action'), cell: (e) => html`<code>${e.action}</code>` },
          { key: 'subject', label: this.t('col.subject'), cell: (e) => (e.subject ? `${e.subject.type} ${e.subject.id ?? ''}` : this.t('nothing')) },
          {
            key: 'changes',
            label: this.t('col.changes'),
            cell: (e) => {
              const list = changes(e.details);
              return list.length ? html`<ul>${list.map((c) => html`<li>${c}</li>`)}</ul>` : this.t('nothing');
            },
          },
        ],
      })}
      <p role="status" class="visually-hidden">${this.t('caption', { count: entries.length })}</p>
      ${nextCursor
        ? html`<p><button class="button button--secondary" type="button" aria-disabled=${this.more.status === 1 ? 'true' : 'false'}
            @click=${() => this.more.status !== 1 && this.more.run([nextCursor])}>${this.t('more')}</button></p>`
        : nothing}`;
  }
}

if (!customElements.get('muni-staff-audit')) customElements.define('muni-staff-audit', MuniStaffAudit);

declare global {
  interface HTMLElementTagNameMap {
    'muni-staff-audit': MuniStaffAudit;
  }
}
