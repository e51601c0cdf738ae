import { html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { Task, initialState } from '@lit/task';
import { ApiError, MuniElement, focusAfterRender } from '@munikit/core';
import { staffContext } from '../app/staff-context.ts';
import { dataTable } from '../shared/data-table.ts';
import { errorSummary, focusErrorSummary, inlineProblem, problemsFrom, type Problem } from '../shared/form-problems.ts';
import { screenStyles } from '../shared/screen.styles.ts';
import { WEBHOOK_EVENTS, WebhooksApi, type NewWebhook, type Webhook, type WebhookDelivery, type WebhookEvent } from './webhooks-api.ts';
import { WEBHOOKS_NS } from './webhooks-screen.i18n.ts';

/**
 * A town's outgoing webhooks: add one (its signing secret shown once), disable or enable, send a test,
 * read the delivery log, delete.
 *
 * @tagname muni-staff-webhooks
 * @summary The console's webhooks screen (administrators).
 */
export class MuniStaffWebhooks extends MuniElement {
  static override i18nNamespace = WEBHOOKS_NS;
  static override styles = screenStyles;
  static override properties = {
    ...MuniElement.properties,
    made: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    problems: { state: true, attribute: false },
    busy: { state: true, attribute: false },
    logOf: { state: true, attribute: false },
    log: { state: true, attribute: false },
  };

  /** The webhook just made: the only moment its secret can be copied. */
  declare made: NewWebhook | undefined;
  declare notice: string;
  declare problems: Problem[];
  declare busy: boolean;
  /** The webhook whose delivery log is open. */
  declare logOf: Webhook | undefined;
  declare log: WebhookDelivery[] | undefined;
  private url = '';
  private events = new Set<WebhookEvent>(WEBHOOK_EVENTS);
  private readonly staff = new ContextConsumer(this, { context: staffContext, subscribe: true });

  private readonly hooks = new Task(this, {
    task: async ([town]: readonly [string]) => (town ? (await this.hooksApi().list(town)).webhooks : initialState),
    args: () => [this.staff.value?.town ?? ''] as const,
  });

  constructor() {
    super();
    this.notice = '';
    this.problems = [];
    this.busy = false;
  }

  private hooksApi(): WebhooksApi {
    const ctx = this.staff.value!;
    return new WebhooksApi(ctx.client, ctx.session.csrfToken);
  }

  private townName(): string {
    const ctx = this.staff.value;
    return ctx ? (ctx.townNames[ctx.town]?.[this.uiLang] ?? ctx.town) : '';
  }

  private async failed(error: unknown): Promise<void> {
    if (error instanceof ApiError && error.status === 401) this.staff.value?.sessionExpired();
    this.problems = problemsFrom(error, (f) => (f === 'url' ? 'hook-url' : f === 'events' ? 'hook-event-0' : undefined), this.describeError(error));
    await focusErrorSummary(this);
  }

  private async make(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    this.notice = '';
    const problems: Problem[] = [];
    if (!this.url.trim()) problems.push({ id: 'hook-url', message: this.t('urlRequired') });
    if (this.events.size === 0) problems.push({ id: 'hook-event-0', message: this.t('eventsRequired') });
    if (problems.length > 0) {
      this.problems = problems;
      return focusErrorSummary(this);
    }
    this.busy = true;
    try {
      this.made = await this.hooksApi().create(this.staff.value!.town, { url: this.url.trim(), events: WEBHOOK_EVENTS.filter((ev) => this.events.has(ev)) });
      this.url = '';
      this.problems = [];
      await this.hooks.run();
      await focusAfterRender(this, '#made-heading');
    } catch (error) {
      await this.failed(error);
    } finally {
      this.busy = false;
    }
  }

  private async act(hook: Webhook, action: 'disable' | 'enable' | 'ping' | 'remove'): Promise<void> {
    if (action === 'remove' && !confirm(this.t('removeConfirm', { url: hook.url }))) return;
    const town = this.staff.value!.town;
    try {
      if (action === 'ping') await this.hooksApi().ping(town, hook.id);
      else if (action === 'remove') await this.hooksApi().remove(town, hook.id);
      else await this.hooksApi().setActive(town, hook.id, action === 'enable');
      this.problems = [];
      this.notice = this.t({ ping: 'pingedNotice', remove: 'removedNotice', enable: 'enabledNotice', disable: 'disabledNotice' }[action], { url: hook.url });
      if (action === 'remove' && this.logOf?.id === hook.id) this.logOf = undefined;
      if (action === 'remove' && this.made?.id === hook.id) this.made = undefined;
      await this.hooks.run();
    } catch (error) {
      await this.failed(error);
    }
  }

  private async showLog(hook: Webhook): Promise<void> {
    try {
      this.log = (await this.hooksApi().deliveries(this.staff.value!.town, hook.id)).deliveries;
      this.logOf = hook;
      await focusAfterRender(this, '#log-heading');
    } catch (error) {
      await this.failed(error);
    }
  }

  override render() {
    return html`<div lang=${this.uiLang}>
      <h1 id="screen-heading" tabindex="-1">${this.t('heading')}</h1>
      <p>${this.t('intro', { town: this.townName() })}</p>
      ${errorSummary(this, this.problems, this.t('errorSummaryTitle'))}
      <p role="status" class=${this.notice ? 'notice' : 'visually-hidden'}>${this.notice}</p>
      ${this.made ? this.renderMade(this.made) : nothing}
      ${this.hooks.render({
        initial: () => html`<p>${this.t('loading')}</p>`,
        pending: () => html`<p>${this.t('loading')}</p>`,
        complete: (hooks) => this.renderTable(hooks),
        error: (error) => html`<div class="notice notice--error" role="alert">
          <p>${this.describeError(error)}</p>
          <button class="button button--secondary" type="button" @click=${() => this.hooks.run()}>${this.t('retry')}</button>
        </div>`,
      })}
      ${this.logOf && this.log ? this.renderLog(this.logOf, this.log) : nothing}
      ${this.renderMake()}
    </div>`;
  }

  private renderMade(made: NewWebhook) {
    return html`<section class="panel" aria-labelledby="made-heading">
      <h2 id="made-heading" tabindex="-1">${this.t('madeHeading')}</h2>
      <p>${this.t('madeNotice')}</p>
      <div class="field">
        <label for="made-secret">${this.t('secretLabel')}</label>
        <input id="made-secret" type="text" readonly spellcheck="false" .value=${made.secret} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
      </div>
    </section>`;
  }

  private renderTable(hooks: Webhook[]) {
    const button = (hook: Webhook, action: 'disable' | 'enable' | 'ping' | 'remove', label: string, short: string) =>
      html`<button class="link-button" type="button" aria-label=${this.t(label, { url: hook.url })} @click=${() => this.act(hook, action)}>${this.t(short)}</button>`;
    return dataTable<Webhook>({
      id: 'hooks',
      caption: this.t('caption', { count: hooks.length }),
      rows: hooks,
      rowKey: (h) => h.id,
      columns: [
        { key: 'url', label: this.t('col.url'), cell: (h) => h.url },
        { key: 'events', label: this.t('col.events'), cell: (h) => h.events.map((ev) => this.t(`event.${ev}`)).join(', ') },
        { key: 'state', label: this.t('col.state'), cell: (h) => this.t(h.active ? 'active' : 'disabled') },
        {
          key: 'actions',
          label: this.t('col.actions'),
          cell: (h) => html`<div class="actions">
            ${h.active ? button(h, 'disable', 'disable', 'disableShort') : button(h, 'enable', 'enable', 'enableShort')}
            ${button(h, 'ping', 'ping', 'pingShort')}
            <button class="link-button" type="button" aria-label=${this.t('log', { url: h.url })} @click=${() => this.showLog(h)}>${this.t('logShort')}</button>
            ${button(h, 'remove', 'remove', 'removeShort')}
          </div>`,
        },
      ],
    });
  }

  private renderLog(hook: Webhook, log: WebhookDelivery[]) {
    return html`<section class="panel" aria-labelledby="log-heading">
      <h2 id="log-heading" tabindex="-1">${this.t('logHeading', { url: hook.url })}</h2>
      ${dataTable<WebhookDelivery>({
        id: 'log',
        caption: this.t('logCaption', { count: log.length }),
        rows: log,
        rowKey: (d) => d.id,
        columns: [
          { key: 'when', label: this.t('logCol.when'), cell: (d) => html`<time datetime=${d.createdAt}>${this.formatDate(d.createdAt)}</time>` },
          { key: 'event', label: this.t('logCol.event'), cell: (d) => (d.event === 'ping' ? this.t('pingShort') : this.t(`event.${d.event}`)) },
          { key: 'attempt', label: this.t('logCol.attempt'), cell: (d) => String(d.attempt) },
          { key: 'result', label: this.t('logCol.result'), cell: (d) => (d.error ? this.t('failed', { error: d.error }) : this.t('ok', { code: d.statusCode ?? '' })) },
          { key: 'duration', label: this.t('logCol.duration'), cell: (d) => this.t('ms', { ms: d.durationMs }) },
        ],
      })}
      <button class="button button--secondary" type="button" @click=${() => (this.logOf = undefined)}>${this.t('closeLog')}</button>
    </section>`;
  }

  private renderMake() {
    const url = inlineProblem(this.problems, 'hook-url', this.t('errorPrefix'));
    const events = inlineProblem(this.problems, 'hook-event-0', this.t('errorPrefix'));
    return html`<section class="panel" aria-labelledby="make-heading">
      <h2 id="make-heading">${this.t('makeHeading')}</h2>
      <form novalidate @submit=${this.make}>
        <div class=${url.fieldClass}>
          <label for="hook-url">${this.t('url')}</label>
          <span class="hint" id="hook-url-hint">${this.t('urlHint')}</span>
          ${url.message}
          <input id="hook-url" type="url" autocomplete="off" spellcheck="false" .value=${this.url} aria-invalid=${url.invalid}
            aria-describedby=${['hook-url-hint', url.describedBy].filter(Boolean).join(' ')}
            @input=${(e: Event) => (this.url = (e.target as HTMLInputElement).value)} />
        </div>
        <fieldset class=${events.fieldClass} aria-describedby=${events.describedBy || nothing}>
          <legend>${this.t('events')}</legend>
          ${events.message}
          ${WEBHOOK_EVENTS.map(
            (ev, i) => html`<div class="choice">
              <input type="checkbox" id="hook-event-${i}" .checked=${this.events.has(ev)}
                @change=${(e: Event) => ((e.target as HTMLInputElement).checked ? this.events.add(ev) : this.events.delete(ev))} />
              <label for="hook-event-${i}">${this.t(`event.${ev}`)}</label>
            </div>`,
          )}
        </fieldset>
        <button class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.t('make')}</button>
      </form>
    </section>`;
  }
}

if (!customElements.get('muni-staff-webhooks')) customElements.define('muni-staff-webhooks', MuniStaffWebhooks);

declare global {
  interface HTMLElementTagNameMap {
    'muni-staff-webhooks': MuniStaffWebhooks;
  }
}
