import { html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { Task, initialState } from '@lit/task';
import { ApiError, MuniElement, focusAfterRender } from '@munikit/core';
import { staffContext } from '../app/staff-context.ts';
import { dataTable } from '../shared/data-table.ts';
import { errorSummary, focusErrorSummary, inlineProblem, problemsFrom, type Problem } from '../shared/form-problems.ts';
import { screenStyles } from '../shared/screen.styles.ts';
import { TargetsApi, type ServiceTarget } from './targets-api.ts';
import { TARGETS_NS } from './targets-screen.i18n.ts';

interface Draft {
  ack: string;
  close: string;
}

const text = (n: number | null) => (n === null ? '' : String(n));

/** '' → null (no target); a whole number within [1, max] → it; anything else → undefined (invalid). */
export function parseTarget(value: string, max: number): number | null | undefined {
  const v = value.trim();
  if (v === '') return null;
  if (!/^\d+$/.test(v)) return undefined;
  const n = Number(v);
  return n >= 1 && n <= max ? n : undefined;
}

/**
 * Each service's targets: hours to acknowledge and days to close, saved together; the due dates of
 * the service's requests follow on the server.
 *
 * @tagname muni-staff-targets
 * @summary The console's service targets screen (administrators).
 */
export class MuniStaffTargets extends MuniElement {
  static override i18nNamespace = TARGETS_NS;
  static override styles = screenStyles;
  static override properties = {
    ...MuniElement.properties,
    drafts: { state: true, attribute: false },
    problems: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    busy: { state: true, attribute: false },
  };

  declare drafts: Map<string, Draft>;
  declare problems: Problem[];
  declare notice: string;
  declare busy: boolean;
  private readonly staff = new ContextConsumer(this, { context: staffContext, subscribe: true });

  private readonly services = new Task(this, {
    task: async ([town]: readonly [string]) => {
      if (!town) return initialState;
      const { services } = await this.calls().targets(town);
      this.drafts = new Map(services.map((s) => [s.code, { ack: text(s.ackTargetHours), close: text(s.targetDays) }]));
      this.problems = [];
      return services;
    },
    args: () => [this.staff.value?.town ?? ''] as const,
  });

  constructor() {
    super();
    this.drafts = new Map();
    this.problems = [];
    this.notice = '';
    this.busy = false;
  }

  private calls(): TargetsApi {
    const ctx = this.staff.value!;
    return new TargetsApi(ctx.client, ctx.session.csrfToken);
  }

  private serviceName(s: ServiceTarget): string {
    return s.name[this.uiLang] || s.code;
  }

  private edit(code: string, key: keyof Draft, value: string): void {
    this.drafts = new Map(this.drafts).set(code, { ...this.drafts.get(code)!, [key]: value });
  }

  private async save(e: Event, services: ServiceTarget[]): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    this.notice = '';
    const problems: Problem[] = [];
    const changes: { service: ServiceTarget; ackTargetHours: number | null; targetDays: number | null }[] = [];
    for (const s of services) {
      const d = this.drafts.get(s.code)!;
      const ack = parseTarget(d.ack, 8760);
      const close = parseTarget(d.close, 365);
      if (ack === undefined) problems.push({ id: `ack-${s.code}`, message: this.t('ackInvalid', { service: this.serviceName(s) }) });
      if (close === undefined) problems.push({ id: `close-${s.code}`, message: this.t('closeInvalid', { service: this.serviceName(s) }) });
      if (ack !== undefined && close !== undefined && (ack !== s.ackTargetHours || close !== s.targetDays)) changes.push({ service: s, ackTargetHours: ack, targetDays: close });
    }
    this.problems = problems;
    if (problems.length) return focusErrorSummary(this);
    if (changes.length === 0) {
      this.notice = this.t('nothingChanged');
      return;
    }
    this.busy = true;
    const town = this.staff.value!.town;
    const done: string[] = [];
    try {
      for (const c of changes) {
        const saved = await this.calls().setTarget(town, c.service.code, { ackTargetHours: c.ackTargetHours, targetDays: c.targetDays });
        // The list is the saved state: what the next save compares with.
        c.service.ackTargetHours = saved.ackTargetHours;
        c.service.targetDays = saved.targetDays;
        done.push(this.serviceName(c.service));
      }
      this.notice = this.t('saved', { count: done.length, services: done.join(', ') });
      await focusAfterRender(this, '#saved-notice');
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.staff.value?.sessionExpired();
      const code = changes[done.length]!.service.code;
      this.problems = problemsFrom(error, (f) => (f === 'ackTargetHours' ? `ack-${code}` : f === 'targetDays' ? `close-${code}` : undefined), this.describeError(error));
      if (done.length) this.notice = this.t('saved', { count: done.length, services: done.join(', ') });
      await focusErrorSummary(this);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const ctx = this.staff.value;
    const town = ctx ? (ctx.townNames[ctx.town]?.[this.uiLang] ?? ctx.town) : '';
    return html`<div lang=${this.uiLang}>
      <h1 id="screen-heading" tabindex="-1">${this.t('heading')}</h1>
      <p>${this.t('intro', { town })}</p>
      ${errorSummary(this, this.problems, this.t('errorSummaryTitle'))}
      <p id="saved-notice" tabindex="-1" role="status" class=${this.notice ? 'notice' : 'visually-hidden'}>${this.notice}</p>
      ${this.services.render({
        initial: () => html`<p>${this.t('loading')}</p>`,
        pending: () => html`<p>${this.t('loading')}</p>`,
        complete: (services) => this.renderForm(services),
        error: (error) => html`<div class="notice notice--error" role="alert">
          <p>${this.describeError(error)}</p>
          <button class="button button--secondary" type="button" @click=${() => this.services.run()}>${this.t('retry')}</button>
        </div>`,
      })}
    </div>`;
  }

  private input(s: ServiceTarget, key: keyof Draft, max: number) {
    const id = `${key}-${s.code}`;
    const p = inlineProblem(this.problems, id, this.t('errorPrefix'));
    return html`<div class=${p.fieldClass}>
      <label class="visually-hidden" for=${id}>${this.t(key === 'ack' ? 'ackLabel' : 'closeLabel', { service: this.serviceName(s) })}</label>
      ${p.message}
      <input id=${id} type="text" inputmode="numeric" size="6" autocomplete="off" data-max=${max} .value=${this.drafts.get(s.code)?.[key] ?? ''}
        aria-invalid=${p.invalid} aria-describedby=${p.describedBy ?? nothing}
        @input=${(e: Event) => this.edit(s.code, key, (e.target as HTMLInputElement).value)} />
    </div>`;
  }

  private renderForm(services: ServiceTarget[]) {
    return html`<form novalidate @submit=${(e: Event) => this.save(e, services)}>
      ${dataTable<ServiceTarget>({
        id: 'targets',
        caption: this.t('caption', { count: services.length }),
        rows: services,
        rowKey: (s) => s.code,
        columns: [
          { key: 'service', label: this.t('col.service'), cell: (s) => this.serviceName(s) },
          { key: 'ack', label: this.t('col.ack'), cell: (s) => this.input(s, 'ack', 8760) },
          { key: 'close', label: this.t('col.close'), cell: (s) => this.input(s, 'close', 365) },
        ],
      })}
      <p class="actions"><button class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? this.t('saving') : this.t('save')}</button></p>
    </form>`;
  }
}

if (!customElements.get('muni-staff-targets')) customElements.define('muni-staff-targets', MuniStaffTargets);

declare global {
  interface HTMLElementTagNameMap {
    'muni-staff-targets': MuniStaffTargets;
  }
}
