import { html, nothing } from 'lit';
import { MuniElement, focusAfterRender, ApiError, NetworkError, referenceTypo, tidyReference } from '@munikit/core';
import type { PublicRequestStatus, RequestStatus, TimelineEntry, Lang } from '@munikit/core';
import { REQUEST_STATUS_NS } from './request-status.i18n.ts';
import { requestStatusStyles } from './request-status.styles.ts';
import { StatusLoadedEvent } from './events.ts';
import { requestStatus, subscribeToRequest } from './status-api.ts';

type LookupState = 'idle' | 'loading' | 'found' | 'not-found' | 'invalid' | 'rate-limited' | 'error';
type SubscribeState = 'idle' | 'invalid' | 'sending' | 'sent' | 'error';

const OPEN: readonly RequestStatus[] = ['received', 'acknowledged', 'in_progress', 'on_hold'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Lets a resident check where their request is at, using the reference number they were given, and
 * ask to be emailed when it changes.
 *
 * @tagname muni-request-status
 * @summary Look up a request by reference number: current status, expected date and public history.
 *
 * @attr api - Base URL of the MuniKit server. Defaults to the origin the widget script was loaded from.
 * @attr town - Town id. Defaults to the server's only town.
 * @attr lang - Interface language (`en` or `fr`). Defaults to the nearest ancestor's `lang`, then the page's.
 * @attr reference - Reference to look up straight away. Otherwise `?ref=` in the page URL is used
 *   (the link in the form's confirmation and in emails).
 *
 * @fires muni-status-loaded - StatusLoadedEvent: a request was found and shown. `detail: {reference, status}`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart form - The lookup form.
 * @csspart input - The reference number text box.
 * @csspart button - The "Check status" button.
 * @csspart result - The found request.
 * @csspart status - The current status badge.
 * @csspart timeline - The list of what happened, newest first.
 * @csspart subscribe - The "Email me about changes" form.
 *
 * @cssprop --muni-color-primary - Buttons, links and accents. Default #1d4f91.
 * @cssprop --muni-color-on-primary - Text on primary-coloured buttons. Default #fff.
 * @cssprop --muni-color-text - Text. Default: the page's text colour (text in fields #1b1b1b).
 * @cssprop --muni-color-background - Background. Default: none, the page shows through (fields, popups and secondary buttons #fff).
 * @cssprop --muni-color-border - Field borders and separators. Default #6b6b6b.
 * @cssprop --muni-color-error - Error messages and the borders of wrong fields. Default #b00020.
 * @cssprop --muni-color-success - The "resolved" status. Default #1e6b34.
 * @cssprop --muni-font-family - Font. Default: the page's font.
 * @cssprop --muni-font-size - Base font size. Default: the page's.
 * @cssprop --muni-line-height - Line height. Default 1.5.
 * @cssprop --muni-radius - Corner radius of fields, buttons and panels. Default 4px.
 * @cssprop --muni-spacing - Spacing unit between fields and inside panels. Default 1em.
 * @cssprop --muni-focus-ring - Keyboard focus outline. Default 3px solid #ffbf47.
 */
export class MuniRequestStatus extends MuniElement {
  static override i18nNamespace = REQUEST_STATUS_NS;
  static override styles = requestStatusStyles;

  static override properties = {
    ...MuniElement.properties,
    reference: { type: String },
    input: { state: true, attribute: false },
    state: { state: true, attribute: false },
    request: { state: true, attribute: false },
    errorMessage: { state: true, attribute: false },
    email: { state: true, attribute: false },
    subscribeState: { state: true, attribute: false },
    subscribeMessage: { state: true, attribute: false },
  };

  declare reference: string | undefined;
  declare input: string;
  declare state: LookupState;
  declare request: PublicRequestStatus | undefined;
  declare errorMessage: string;
  declare email: string;
  declare subscribeState: SubscribeState;
  declare subscribeMessage: string;

  private lookedUp = '';
  /** The status last announced for the shown reference, so a change is announced as one. */
  private lastStatus: { reference: string; status: RequestStatus } | undefined;
  private changed = false;

  constructor() {
    super();
    this.input = '';
    this.state = 'idle';
    this.errorMessage = '';
    this.email = '';
    this.subscribeState = 'idle';
    this.subscribeMessage = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const initial = this.reference || new URLSearchParams(location.search).get('ref') || '';
    if (initial && this.state === 'idle') {
      this.input = initial;
      void this.lookup(false);
    }
  }

  protected override languageChanged(_previous: Lang): void {
    if (this.state === 'found' && this.lookedUp) void this.lookup(false, this.lookedUp);
  }

  private normalise(value: string): string {
    return tidyReference(value);
  }

  async lookup(moveFocus = true, ref = this.normalise(this.input)): Promise<void> {
    if (!ref || referenceTypo(ref).mistyped) {
      this.state = 'invalid';
      this.errorMessage = ref ? this.t('mistyped') : this.t('referenceRequired');
      if (moveFocus) await focusAfterRender(this, '#reference');
      return;
    }
    if (ref !== this.lookedUp) {
      this.subscribeState = 'idle';
      this.subscribeMessage = '';
    }
    this.state = 'loading';
    this.lookedUp = ref;
    try {
      const town = await this.resolveTown();
      const request = await requestStatus(this.client, town, ref, this.uiLang);
      if (this.lookedUp !== ref) return;
      this.changed = this.lastStatus?.reference === request.reference && this.lastStatus.status !== request.status;
      this.lastStatus = { reference: request.reference, status: request.status };
      this.request = request;
      this.state = 'found';
      this.dispatchEvent(new StatusLoadedEvent({ reference: request.reference, status: request.status }));
      if (moveFocus) await focusAfterRender(this, '#result-heading');
    } catch (error) {
      if (this.lookedUp !== ref) return;
      if (error instanceof ApiError && error.status === 404) {
        this.state = 'not-found';
        this.errorMessage = this.t('notFound', { reference: ref });
        if (moveFocus) await focusAfterRender(this, '#reference');
      } else if (error instanceof ApiError && error.status === 429) {
        this.state = 'rate-limited';
        this.errorMessage = error.message || this.t('rateLimited');
      } else {
        this.state = 'error';
        this.errorMessage = error instanceof NetworkError ? this.t('offline') : this.describeError(error);
      }
    }
  }

  private onSubmit(e: Event): void {
    e.preventDefault();
    void this.lookup();
  }

  private async onSubscribe(e: Event): Promise<void> {
    e.preventDefault();
    const email = this.email.trim();
    if (!EMAIL.test(email)) {
      this.subscribeState = 'invalid';
      this.subscribeMessage = email ? this.t('emailInvalid') : this.t('emailRequired');
      await focusAfterRender(this, '#email');
      return;
    }
    if (!this.request || this.subscribeState === 'sending') return;
    this.subscribeState = 'sending';
    try {
      const town = await this.resolveTown();
      await subscribeToRequest(this.client, town, this.request.reference, email, this.uiLang);
      this.subscribeState = 'sent';
      this.subscribeMessage = this.t('checkEmail', { email });
    } catch (error) {
      this.subscribeState = 'error';
      this.subscribeMessage = error instanceof NetworkError ? this.t('offline') : this.describeError(error);
    }
  }

  private statusLabel(status: RequestStatus): string {
    return this.t(`status.${status}`);
  }

  /** A `YYYY-MM-DD` calendar date in words (no time zone shift). */
  private formatDay(day: string): string {
    const date = new Date(`${day}T12:00:00.000Z`);
    if (Number.isNaN(date.getTime())) return day;
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  }

  override render() {
    const inputError = this.state === 'invalid' || this.state === 'not-found';
    const loading = this.state === 'loading';
    const describedBy = ['reference-hint', inputError ? 'reference-error' : ''].filter(Boolean).join(' ');
    return html`<div part="base" lang=${this.uiLang}>
      <form part="form" class="lookup" novalidate @submit=${this.onSubmit}>
        <div class="field ${inputError ? 'field--error' : ''}">
          <label for="reference">${this.t('referenceLabel')}</label>
          <span class="hint" id="reference-hint">${this.t('referenceHint')}</span>
          ${inputError
            ? html`<span class="error-message" id="reference-error" role="alert"
                ><span class="visually-hidden">${this.t('errorPrefix')} </span>${this.errorMessage}</span
              >`
            : nothing}
          <input
            part="input"
            id="reference"
            type="text"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            aria-describedby=${describedBy}
            aria-invalid=${inputError ? 'true' : 'false'}
            .value=${this.input}
            @input=${(e: Event) => (this.input = (e.target as HTMLInputElement).value)}
          />
        </div>
        <button part="button" class="button" type="submit" aria-disabled=${loading ? 'true' : 'false'}>
          ${loading ? this.t('checking') : this.t('check')}
        </button>
      </form>
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement()}</p>
      ${this.state === 'error' || this.state === 'rate-limited'
        ? html`<div class="notice notice--error" role="alert">
            <p>${this.errorMessage}</p>
            ${this.state === 'error'
              ? html`<button class="button button--secondary" type="button" @click=${() => this.lookup(false, this.lookedUp)}>
                  ${this.t('retry')}
                </button>`
              : nothing}
          </div>`
        : nothing}
      ${this.state === 'found' && this.request ? this.renderRequest(this.request) : nothing}
    </div>`;
  }

  private announcement(): string {
    if (this.state === 'loading') return this.t('lookingUp', { reference: this.lookedUp });
    if (this.state === 'found' && this.request) {
      const vars = { reference: this.request.reference, status: this.statusLabel(this.request.status) };
      return this.changed ? this.t('statusChanged', vars) : this.t('found', vars);
    }
    return '';
  }

  private renderRequest(r: PublicRequestStatus) {
    const timeline = [...r.timeline].sort((a, b) => b.at.localeCompare(a.at));
    const open = OPEN.includes(r.status);
    return html`<section part="result" aria-labelledby="result-heading">
      <h2 id="result-heading" tabindex="-1">${this.t('resultHeading', { reference: r.reference })}</h2>
      <dl>
        <dt>${this.t('currentStatus')}</dt>
        <dd><span part="status" class="badge badge--${r.status}">${this.statusLabel(r.status)}</span></dd>
        <dt>${this.t('service')}</dt>
        <dd>${r.serviceName}</dd>
        <dt>${this.t('submitted')}</dt>
        <dd><time datetime=${r.createdAt}>${this.formatDate(r.createdAt)}</time></dd>
        ${open && r.expectedDate
          ? html`<dt>${this.t('expected')}</dt>
              <dd class="expected"><time datetime=${r.expectedDate}>${this.formatDay(r.expectedDate)}</time></dd>`
          : nothing}
        <dt>${this.t('updated')}</dt>
        <dd><time datetime=${r.updatedAt}>${this.formatDate(r.updatedAt)}</time></dd>
      </dl>
      ${timeline.length
        ? html`<h3>${this.t('timelineHeading')}</h3>
            <ol part="timeline" class="timeline">
              ${timeline.map((entry) => this.renderEntry(entry))}
            </ol>`
        : nothing}
      ${this.renderSubscribe()}
    </section>`;
  }

  private entryTitle(entry: TimelineEntry): string {
    switch (entry.type) {
      case 'created':
        return this.t('event.created');
      case 'department_changed':
        return this.t('event.department', { department: entry.department ?? '' });
      case 'merged':
        return this.t('event.merged', { reference: entry.intoReference ?? '' });
      case 'public_note':
        return this.t('note');
      case 'status_changed':
        return entry.status ? this.t(`event.status.${entry.status}`) : '';
    }
  }

  private renderEntry(entry: TimelineEntry) {
    const otherLang = entry.note && entry.noteLang && entry.noteLang !== this.uiLang ? entry.noteLang : null;
    return html`<li>
      <time datetime=${entry.at}>${this.formatDate(entry.at)}</time>
      <p><strong>${this.entryTitle(entry)}</strong></p>
      ${otherLang ? html`<p class="hint">${this.t(otherLang === 'en' ? 'noteOnlyEnglish' : 'noteOnlyFrench')}</p>` : nothing}
      ${entry.note ? html`<p class="note" lang=${entry.noteLang ?? this.uiLang}>${entry.note}</p>` : nothing}
    </li>`;
  }

  private renderSubscribe() {
    if (this.subscribeState === 'sent') {
      return html`<div part="subscribe" class="subscribe notice" role="status">
        <p id="subscribe-done">${this.subscribeMessage}</p>
      </div>`;
    }
    const invalid = this.subscribeState === 'invalid';
    const sending = this.subscribeState === 'sending';
    return html`<form part="subscribe" class="subscribe" novalidate aria-labelledby="subscribe-heading" @submit=${this.onSubscribe}>
      <h3 id="subscribe-heading">${this.t('subscribeHeading')}</h3>
      <div class="field ${invalid ? 'field--error' : ''}">
        <label for="email">${this.t('emailLabel')}</label>
        <span class="hint" id="email-hint">${this.t('emailHint')}</span>
        ${invalid
          ? html`<span class="error-message" id="email-error" role="alert"
              ><span class="visually-hidden">${this.t('errorPrefix')} </span>${this.subscribeMessage}</span
            >`
          : nothing}
        <input
          id="email"
          type="email"
          autocomplete="email"
          spellcheck="false"
          aria-describedby=${invalid ? 'email-hint email-error' : 'email-hint'}
          aria-invalid=${invalid ? 'true' : 'false'}
          .value=${this.email}
          @input=${(e: Event) => (this.email = (e.target as HTMLInputElement).value)}
        />
      </div>
      ${this.subscribeState === 'error' ? html`<p class="notice notice--error" role="alert">${this.subscribeMessage}</p>` : nothing}
      <button class="button button--secondary" type="submit" aria-disabled=${sending ? 'true' : 'false'}>
        ${sending ? this.t('subscribing') : this.t('subscribe')}
      </button>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'muni-request-status': MuniRequestStatus;
  }
}
