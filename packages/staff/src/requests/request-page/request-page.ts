import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, MuniElement, focusAfterRender } from '@munikit/core';
import type { RequestPriority, RequestStatus } from '@munikit/core';
import { staffContext } from '../../app/staff-context.ts';
import { allowed } from '../../shared/staff-api.ts';
import { errorSummary, focusErrorSummary, inlineProblem, problemsFrom, type Problem } from '../../shared/form-problems.ts';
import { CLOSED, PRIORITIES, STATUSES } from '../request-labels.ts';
import { RequestConflict, RequestsApi, lastInboxView, type Assignee, type Department, type ResponseTemplate, type StaffRequestDetail } from '../requests-api.ts';
import { whatChanged } from './request-conflict.ts';
import { requestHistory } from './request-history.ts';
import { REQUEST_PAGE_NS } from './request-page.i18n.ts';
import { requestPageStyles } from './request-page.styles.ts';
import '../../kb/staff-guidance.ts';

type Action = 'change' | 'note' | 'merge' | 'reopen';

/** What the agent has typed or chosen; kept as it is when another change came first. */
interface Draft {
  status: RequestStatus;
  priority: RequestPriority;
  departmentId: string;
  assigneeUserId: string;
  changeEn: string;
  changeFr: string;
  visibility: 'public' | 'internal';
  noteEn: string;
  noteFr: string;
  internal: string;
  templateId: string;
  mergeInto: string;
  reopenEn: string;
  reopenFr: string;
}

/** The server's field names → the control that shows the problem, per action. */
const CONTROLS: Record<Action, Record<string, string>> = {
  change: { status: 'change-status', priority: 'change-priority', departmentId: 'change-department', assigneeUserId: 'change-assignee', note: 'change-en', 'note.en': 'change-en', 'note.fr': 'change-fr' },
  note: { en: 'note-en', fr: 'note-fr', text: 'note-internal', visibility: 'note-kind' },
  merge: { intoReference: 'merge-into' },
  reopen: { note: 'reopen-en', 'note.en': 'reopen-en', 'note.fr': 'reopen-fr' },
};

const INBOX = '/staff/inbox';

/**
 * One request for staff: everything the resident sent, the full history, and the work on it —
 * status, priority, department and assignee, public notes (EN/FR, sent to subscribers), internal
 * notes (staff only), response templates, merging as a duplicate, reopening. Each change names the
 * version it was made on; when another agent changed the request first, the page says what changed,
 * keeps what was typed and lets the agent apply it again.
 *
 * @tagname muni-staff-request-page
 * @summary The console's page for one service request.
 */
export class MuniStaffRequestPage extends MuniElement {
  static override i18nNamespace = REQUEST_PAGE_NS;
  static override styles = requestPageStyles;
  static override properties = {
    ...MuniElement.properties,
    query: { attribute: false },
    detail: { state: true, attribute: false },
    loadError: { state: true, attribute: false },
    draft: { state: true, attribute: false },
    problems: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    conflict: { state: true, attribute: false },
    busy: { state: true, attribute: false },
    departments: { state: true, attribute: false },
    assignees: { state: true, attribute: false },
    templates: { state: true, attribute: false },
  };

  /** The console URL's query (from the shell): `ref`, the request's reference. */
  declare query: URLSearchParams | undefined;
  declare detail: StaffRequestDetail | undefined;
  declare loadError: unknown;
  declare draft: Draft;
  declare problems: Problem[];
  declare notice: string;
  declare conflict: { changes: string[]; action: Action } | undefined;
  declare busy: boolean;
  declare departments: Department[];
  declare assignees: Assignee[];
  declare templates: ResponseTemplate[];
  private loadedKey = '';
  private optionsTown = '';
  private readonly staff = new ContextConsumer(this, { context: staffContext, subscribe: true });

  constructor() {
    super();
    this.draft = MuniStaffRequestPage.emptyDraft();
    this.problems = [];
    this.notice = '';
    this.busy = false;
    this.departments = [];
    this.assignees = [];
    this.templates = [];
  }

  private static emptyDraft(d?: StaffRequestDetail): Draft {
    return {
      status: d?.status ?? 'received',
      priority: (d?.priority ?? 'normal') as RequestPriority,
      departmentId: d?.department?.id ?? '',
      assigneeUserId: d?.assignee?.id ?? '',
      changeEn: '', changeFr: '', visibility: 'public', noteEn: '', noteFr: '', internal: '', templateId: '', mergeInto: '', reopenEn: '', reopenFr: '',
    };
  }

  private get reference(): string {
    return this.query?.get('ref')?.trim() ?? '';
  }

  private requests(): RequestsApi | undefined {
    const ctx = this.staff.value;
    return ctx ? new RequestsApi(ctx.client, ctx.session.csrfToken, ctx.town) : undefined;
  }

  private get canUpdate(): boolean {
    const ctx = this.staff.value;
    return !!ctx && allowed(ctx.session, ctx.town, 'requests.update');
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const town = this.staff.value?.town ?? '';
    const key = `${town}|${this.reference}`;
    if (town && key !== this.loadedKey) {
      this.loadedKey = key;
      void this.load();
    }
    if (town && town !== this.optionsTown) {
      this.optionsTown = town;
      void this.loadOptions();
    }
  }

  private async load(): Promise<void> {
    const api = this.requests();
    this.detail = undefined;
    this.loadError = undefined;
    this.problems = [];
    this.notice = '';
    this.conflict = undefined;
    this.templates = [];
    if (!api || !this.reference) return;
    const reference = this.reference;
    try {
      const detail = await api.request(reference);
      if (reference !== this.reference) return;
      this.accept(detail, true);
      this.templates = await api.templates(detail.service.code).then((r) => r.templates, () => []);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.staff.value?.sessionExpired();
      this.loadError = error;
    }
  }

  private async loadOptions(): Promise<void> {
    const api = this.requests();
    if (!api) return;
    [this.departments, this.assignees] = await Promise.all([
      api.departments().then((r) => r.departments, () => []),
      api.assignees().then((r) => r.staff, () => []),
    ]);
  }

  /** A new state of the request; `fresh` also resets the choices (status, priority…) to it. */
  private accept(detail: StaffRequestDetail, fresh: boolean): void {
    this.detail = detail;
    if (fresh) this.draft = MuniStaffRequestPage.emptyDraft(detail);
  }

  private set<K extends keyof Draft>(key: K) {
    return (e: Event) => {
      this.draft = { ...this.draft, [key]: (e.target as HTMLInputElement).value as Draft[K] };
    };
  }

  /** Problems found before asking the server. */
  private check(action: Action, d: StaffRequestDetail): Problem[] {
    const v = this.draft;
    if (action === 'change' && v.status === d.status && v.priority === d.priority && v.departmentId === (d.department?.id ?? '') && v.assigneeUserId === (d.assignee?.id ?? '')) {
      return [{ id: 'change-status', message: this.t('change.nothing') }];
    }
    if (action === 'note' && v.visibility === 'public' && !v.noteEn.trim() && !v.noteFr.trim()) return [{ id: 'note-en', message: this.t('note.empty') }];
    if (action === 'note' && v.visibility === 'internal' && !v.internal.trim()) return [{ id: 'note-internal', message: this.t('note.emptyInternal') }];
    if (action === 'merge' && !v.mergeInto.trim()) return [{ id: 'merge-into', message: this.t('merge.empty') }];
    if (action === 'reopen' && !v.reopenEn.trim() && !v.reopenFr.trim()) return [{ id: 'reopen-en', message: this.t('reopen.empty') }];
    return [];
  }

  private bilingual(en: string, fr: string): { en?: string; fr?: string } {
    return { ...(en.trim() ? { en: en.trim() } : {}), ...(fr.trim() ? { fr: fr.trim() } : {}) };
  }

  private send(api: RequestsApi, action: Action, d: StaffRequestDetail): Promise<StaffRequestDetail> {
    const v = this.draft;
    const version = d.version;
    switch (action) {
      case 'change': {
        const note = this.bilingual(v.changeEn, v.changeFr);
        return api.change(d.reference, {
          version,
          ...(v.status !== d.status ? { status: v.status } : {}),
          ...(v.priority !== d.priority ? { priority: v.priority } : {}),
          ...(v.departmentId && v.departmentId !== (d.department?.id ?? '') ? { departmentId: v.departmentId } : {}),
          ...(v.assigneeUserId !== (d.assignee?.id ?? '') ? { assigneeUserId: v.assigneeUserId || null } : {}),
          ...(note.en || note.fr ? { note } : {}),
        });
      }
      case 'note':
        return v.visibility === 'public'
          ? api.note(d.reference, { version, visibility: 'public', ...this.bilingual(v.noteEn, v.noteFr) })
          : api.note(d.reference, { version, visibility: 'internal', text: v.internal.trim() });
      case 'merge':
        return api.merge(d.reference, version, v.mergeInto.trim());
      case 'reopen':
        return api.reopen(d.reference, version, this.bilingual(v.reopenEn, v.reopenFr));
    }
  }

  /** What is cleared once an action is saved (the other forms keep what was typed in them). */
  private cleared(action: Action, saved: StaffRequestDetail): Draft {
    const v = this.draft;
    const choices = { status: saved.status, priority: saved.priority as RequestPriority, departmentId: saved.department?.id ?? '', assigneeUserId: saved.assignee?.id ?? '' };
    if (action === 'change') return { ...v, ...choices, changeEn: '', changeFr: '' };
    if (action === 'note') return { ...v, ...choices, noteEn: '', noteFr: '', internal: '', templateId: '' };
    if (action === 'merge') return { ...v, ...choices, mergeInto: '' };
    return { ...v, ...choices, reopenEn: '', reopenFr: '' };
  }

  private async submit(action: Action, e?: Event): Promise<void> {
    e?.preventDefault();
    const api = this.requests();
    const d = this.detail;
    if (!api || !d || this.busy) return;
    this.notice = '';
    this.problems = this.check(action, d);
    if (this.problems.length > 0) {
      await focusErrorSummary(this);
      return;
    }
    this.busy = true;
    const into = this.draft.mergeInto.trim().toUpperCase();
    try {
      const saved = await this.send(api, action, d);
      this.draft = this.cleared(action, saved);
      this.detail = saved;
      this.conflict = undefined;
      this.notice = action === 'merge' ? this.t('merge.done', { reference: into }) : this.t(`${action}.done`);
    } catch (error) {
      if (error instanceof RequestConflict) {
        // Nothing was saved: show what changed, take the current version, keep what was typed.
        this.conflict = { changes: whatChanged(this, d, error.current), action };
        this.detail = error.current;
        await focusAfterRender(this, '#conflict');
      } else {
        if (error instanceof ApiError && error.status === 401) this.staff.value?.sessionExpired();
        this.problems = problemsFrom(error, (f) => CONTROLS[action][f], error instanceof ApiError && error.status < 500 ? error.message : this.describeError(error));
        await focusErrorSummary(this);
      }
    } finally {
      this.busy = false;
    }
  }

  private insertTemplate(): void {
    const t = this.templates.find((x) => x.id === this.draft.templateId);
    if (!t) return;
    const add = (text: string, more: string | null) => (more ? (text.trim() ? `${text.trimEnd()}\n\n${more}` : more) : text);
    const v = this.draft;
    this.draft =
      v.visibility === 'public'
        ? { ...v, noteEn: add(v.noteEn, t.textEn), noteFr: add(v.noteFr, t.textFr) }
        : { ...v, internal: add(v.internal, (this.uiLang === 'fr' ? t.textFr : t.textEn) ?? t.textEn ?? t.textFr) };
    this.notice = this.t('note.inserted');
  }

  private toInbox(e: MouseEvent): void {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    this.staff.value?.navigate(this.inboxHref());
  }

  private inboxHref(): string {
    return lastInboxView.search ? `${INBOX}?${lastInboxView.search}` : INBOX;
  }

  private name(n: { en: string; fr: string } | undefined): string {
    return n ? n[this.uiLang] || n.en : '';
  }

  override render() {
    const d = this.detail;
    return html`<div lang=${this.uiLang}>
      <p><a href=${this.inboxHref()} @click=${this.toInbox}>${this.t('back')}</a></p>
      <h1 id="screen-heading" tabindex="-1">${this.reference ? this.t('heading', { reference: d?.reference ?? this.reference }) : this.t('headingLoading')}</h1>
      <div role="status" aria-live="polite" class=${this.notice ? 'notice' : 'visually-hidden'}>${this.notice}</div>
      ${!this.reference
        ? html`<p>${this.t('noReference')}</p>`
        : this.loadError
          ? this.renderLoadError()
          : d
            ? this.renderRequest(d)
            : html`<p>${this.t('loading')}</p>`}
    </div>`;
  }

  private renderLoadError() {
    const error = this.loadError;
    const message =
      error instanceof ApiError && error.status === 404
        ? this.t('notFound', { reference: this.reference })
        : error instanceof ApiError && error.status === 403
          ? this.t('forbidden')
          : this.describeError(error);
    return html`<div class="notice notice--error" role="alert">
      <p>${message}</p>
      <button class="button button--secondary" type="button" @click=${() => void this.load()}>${this.t('retry')}</button>
    </div>`;
  }

  private renderRequest(d: StaffRequestDetail) {
    return html`<div class="layout">
      <div>
        ${this.renderConflict()} ${errorSummary(this, this.problems, this.t('problems'))}
        ${this.renderSummary(d)} ${this.renderSent(d)}
        <section aria-labelledby="history-heading">
          <h2 id="history-heading">${this.t('history')}</h2>
          ${requestHistory(this, d.events)}
        </section>
        ${this.canUpdate ? this.renderActions(d) : nothing}
      </div>
      <div class="guidance">
        <muni-staff-kb-guidance service=${d.service.code} town=${this.staff.value?.town ?? ''}></muni-staff-kb-guidance>
      </div>
    </div>`;
  }

  private renderConflict() {
    const c = this.conflict;
    if (!c) return nothing;
    return html`<div id="conflict" class="notice notice--error" tabindex="-1" aria-labelledby="conflict-heading">
      <div role="alert">
        <h2 id="conflict-heading">${this.t('conflict.heading')}</h2>
        <p>${this.t('conflict.intro')}</p>
        <ul>
          ${c.changes.length > 0 ? c.changes.map((x) => html`<li>${x}</li>`) : html`<li>${this.t('conflict.noDetail')}</li>`}
        </ul>
      </div>
      <p class="actions">
        <button class="button" type="button" ?disabled=${this.busy} @click=${() => void this.submit(c.action)}>${this.t('conflict.reapply')}</button>
        <button class="button button--secondary" type="button" @click=${() => (this.conflict = undefined)}>${this.t('conflict.dismiss')}</button>
      </p>
    </div>`;
  }

  private renderSummary(d: StaffRequestDetail) {
    const fact = (label: string, value: unknown) => html`<dt>${label}</dt><dd>${value}</dd>`;
    const due = (iso: string | null, late: boolean, flag: string) =>
      iso ? html`<time datetime=${iso}>${this.formatDate(iso)}</time>${late ? html` <strong class="flag">⚠ ${flag}</strong>` : nothing}` : this.t('noTarget');
    return html`<section aria-labelledby="summary-heading">
      <h2 id="summary-heading">${this.t('summary')}</h2>
      <dl class="facts">
        ${fact(this.t('service'), this.name(d.service.name))}
        ${fact(this.t('statusLabel'), this.t(`status.${d.status}`))}
        ${fact(this.t('priorityLabel'), this.t(`priority.${d.priority}`, { defaultValue: d.priority }))}
        ${fact(this.t('department'), d.department ? this.name(d.department.name) : this.t('change.noDepartment'))}
        ${fact(this.t('assignee'), d.assignee?.name ?? this.t('change.nobody'))}
        ${fact(this.t('received'), html`<time datetime=${d.createdAt}>${this.formatDate(d.createdAt)}</time>`)}
        ${d.status === 'received' ? fact(this.t('ackDue'), due(d.ackDueAt, d.ackOverdue, this.t('ackOverdue'))) : nothing}
        ${fact(this.t('due'), due(d.dueAt, d.overdue, this.t('overdue')))}
        ${fact(this.t('followersLabel'), this.t('followers', { count: d.followers }))}
        ${fact(this.t('channel'), this.t(`channels.${d.channel}`, { defaultValue: d.channel }))}
        ${fact(this.t('residentLang'), this.t(`langs.${d.lang}`))}
      </dl>
    </section>`;
  }

  private renderSent(d: StaffRequestDetail) {
    const api = this.requests();
    const c = d.contact;
    const contact = c && (c.name || c.email || c.phone) ? [c.name, c.email, c.phone].filter(Boolean).join(', ') : this.t('anonymous');
    const { lat, lng } = d.location;
    return html`<section aria-labelledby="sent-heading">
      <h2 id="sent-heading">${this.t('sent')}</h2>
      <h3>${this.t('description')}</h3>
      <p class="description" lang=${d.lang}>${d.description}</p>
      <h3>${this.t('answers')}</h3>
      ${d.answers.length > 0
        ? html`<dl class="facts">${d.answers.map((a) => html`<dt>${this.name(a.label)}</dt><dd>${this.name(a.display) || String(a.value)}</dd>`)}</dl>`
        : html`<p>${this.t('noAnswers')}</p>`}
      ${d.photos.length > 0 && api
        ? html`<h3>${this.t('photos')}</h3>
            <ul class="photos">
              ${d.photos.map((p, i) => {
                const url = api.photoUrl(d.reference, p.id);
                return html`<li><a href=${url} target="_blank" rel="noopener"><img src=${url} width=${p.width} height=${p.height} loading="lazy"
                  alt=${this.t('photoAlt', { n: i + 1, count: d.photos.length })} /></a></li>`;
              })}
            </ul>`
        : nothing}
      <h3>${this.t('location')}</h3>
      <p>${d.location.text}</p>
      ${lat !== null && lng !== null
        ? html`<p>${this.t('coordinates')}: <span lang="en">${lat.toFixed(5)}, ${lng.toFixed(5)}</span>
            ${d.location.mapUrl ? html`<br /><a href=${d.location.mapUrl} target="_blank" rel="noopener">${this.t('map', { place: d.location.text })}</a>` : nothing}</p>`
        : html`<p>${this.t('noCoordinates')}</p>`}
      <h3>${this.t('contact')}</h3>
      <p>${contact}</p>
    </section>`;
  }

  private textarea(id: string, key: keyof Draft, label: string, hint?: TemplateResult | string) {
    const p = inlineProblem(this.problems, id, this.t('problems'));
    return html`<div class=${p.fieldClass}>
      <label for=${id}>${label}</label>
      ${hint ? html`<span class="hint" id="${id}-hint">${hint}</span>` : nothing} ${p.message}
      <textarea id=${id} rows="4" .value=${String(this.draft[key])} aria-invalid=${p.invalid}
        aria-describedby=${[hint ? `${id}-hint` : '', p.describedBy ?? ''].filter(Boolean).join(' ') || nothing} @input=${this.set(key)}></textarea>
    </div>`;
  }

  private select(id: string, key: keyof Draft, label: string, options: [string, string][]) {
    const p = inlineProblem(this.problems, id, this.t('problems'));
    return html`<div class=${p.fieldClass}>
      <label for=${id}>${label}</label>
      ${p.message}
      <select id=${id} aria-invalid=${p.invalid} aria-describedby=${p.describedBy ?? nothing} @change=${this.set(key)}>
        ${options.map(([v, text]) => html`<option value=${v} ?selected=${this.draft[key] === v}>${text}</option>`)}
      </select>
    </div>`;
  }

  /** The warning under a bilingual note when one language is left out. */
  private missingWarning(en: string, fr: string) {
    const hasEn = !!en.trim();
    const hasFr = !!fr.trim();
    if (hasEn === hasFr) return nothing;
    return html`<p class="notice">${this.t(hasEn ? 'note.missingFr' : 'note.missingEn')}</p>`;
  }

  private renderActions(d: StaffRequestDetail) {
    const closed = CLOSED.includes(d.status);
    const v = this.draft;
    const departments = this.departments.length > 0 ? this.departments : d.department ? [d.department] : [];
    const assignees = this.assignees.some((a) => a.id === d.assignee?.id) || !d.assignee ? this.assignees : [...this.assignees, { ...d.assignee, role: '' }];
    return html`<section aria-labelledby="actions-heading">
      <h2 id="actions-heading">${this.t('actions')}</h2>

      <form class="panel" aria-labelledby="change-heading" novalidate @submit=${(e: Event) => void this.submit('change', e)}>
        <h3 id="change-heading">${this.t('change.heading')}</h3>
        ${this.select('change-status', 'status', this.t('change.status'), STATUSES.filter((s) => s !== 'duplicate' || d.status === 'duplicate').map((s): [string, string] => [s, this.t(`status.${s}`)]))}
        ${this.select('change-priority', 'priority', this.t('change.priority'), PRIORITIES.map((p): [string, string] => [p, this.t(`priority.${p}`)]))}
        ${this.select('change-department', 'departmentId', this.t('change.department'), [
          ...(d.department ? [] : ([['', this.t('change.noDepartment')]] as [string, string][])),
          ...departments.map((x): [string, string] => [x.id, this.name(x.name)]),
        ])}
        ${this.select('change-assignee', 'assigneeUserId', this.t('change.assignee'), [['', this.t('change.nobody')], ...assignees.map((a): [string, string] => [a.id, a.name])])}
        <fieldset>
          <legend>${this.t('change.noteLegend')}</legend>
          ${this.textarea('change-en', 'changeEn', this.t('note.en'))} ${this.textarea('change-fr', 'changeFr', this.t('note.fr'))}
          ${this.missingWarning(v.changeEn, v.changeFr)}
        </fieldset>
        <button class="button" type="submit" ?disabled=${this.busy}>${this.t('change.submit')}</button>
      </form>

      <form class="panel" aria-labelledby="note-heading" novalidate @submit=${(e: Event) => void this.submit('note', e)}>
        <h3 id="note-heading">${this.t('note.heading')}</h3>
        <fieldset id="note-kind">
          <legend>${this.t('note.kind')}</legend>
          ${(['public', 'internal'] as const).map(
            (k) => html`<label class="choice"><input type="radio" name="note-kind" value=${k} .checked=${v.visibility === k}
              @change=${() => (this.draft = { ...this.draft, visibility: k })} />${this.t(`note.${k}`)}</label>`,
          )}
        </fieldset>
        ${this.templates.length > 0
          ? html`<div class="actions">
              ${this.select('note-template', 'templateId', this.t('note.template'), [['', this.t('note.chooseTemplate')], ...this.templates.map((t): [string, string] => [t.id, t.name])])}
              <button class="button button--secondary" type="button" ?disabled=${!v.templateId} @click=${this.insertTemplate}>${this.t('note.insert')}</button>
            </div>`
          : html`<p class="hint">${this.t('note.noTemplates')}</p>`}
        ${v.visibility === 'public'
          ? html`${this.textarea('note-en', 'noteEn', this.t('note.en'))} ${this.textarea('note-fr', 'noteFr', this.t('note.fr'))} ${this.missingWarning(v.noteEn, v.noteFr)}`
          : html`<div class="internal-note">
              <p><strong class="staff-only">${this.t('staffOnly')}</strong></p>
              ${this.textarea('note-internal', 'internal', this.t('note.internalText'), this.t('note.internalHint'))}
            </div>`}
        <button class="button" type="submit" ?disabled=${this.busy}>${this.t('note.submit')}</button>
      </form>

      ${d.status !== 'duplicate'
        ? html`<form class="panel" aria-labelledby="merge-heading" novalidate @submit=${(e: Event) => void this.submit('merge', e)}>
            <h3 id="merge-heading">${this.t('merge.heading')}</h3>
            ${this.mergeField()}
            <button class="button button--secondary" type="submit" ?disabled=${this.busy}>${this.t('merge.submit')}</button>
          </form>`
        : nothing}
      ${closed
        ? html`<form class="panel" aria-labelledby="reopen-heading" novalidate @submit=${(e: Event) => void this.submit('reopen', e)}>
            <h3 id="reopen-heading">${this.t('reopen.heading')}</h3>
            <p class="hint">${this.t('reopen.hint')}</p>
            ${this.textarea('reopen-en', 'reopenEn', this.t('note.en'))} ${this.textarea('reopen-fr', 'reopenFr', this.t('note.fr'))}
            ${this.missingWarning(v.reopenEn, v.reopenFr)}
            <button class="button" type="submit" ?disabled=${this.busy}>${this.t('reopen.submit')}</button>
          </form>`
        : nothing}
    </section>`;
  }

  private mergeField() {
    const p = inlineProblem(this.problems, 'merge-into', this.t('problems'));
    return html`<div class=${p.fieldClass}>
      <label for="merge-into">${this.t('merge.into')}</label>
      <span class="hint" id="merge-into-hint">${this.t('merge.hint')}</span>
      ${p.message}
      <input id="merge-into" type="text" autocomplete="off" spellcheck="false" .value=${this.draft.mergeInto} aria-invalid=${p.invalid}
        aria-describedby=${['merge-into-hint', p.describedBy ?? ''].filter(Boolean).join(' ')} @input=${this.set('mergeInto')} />
    </div>`;
  }
}

if (!customElements.get('muni-staff-request-page')) customElements.define('muni-staff-request-page', MuniStaffRequestPage);

declare global {
  interface HTMLElementTagNameMap {
    'muni-staff-request-page': MuniStaffRequestPage;
  }
}
