import { html, nothing } from 'lit';
import { MuniElement, focusAfterRender, ApiError, NetworkError, referenceTypo, tidyReference } from '@munikit/core';
import type { PublicRequestStatus, RequestStatus, Lang } from '@munikit/core';
import { REQUEST_STATUS_NS } from './request-status.i18n.ts';
import { requestStatusStyles } from './request-status.styles.ts';
import { StatusLoadedEvent } from './events.ts';
import { requestStatus } from './status-api.ts';
import type * as ResultView from './render-result.ts';

type LookupState = 'idle' | 'loading' | 'found' | 'not-found' | 'invalid' | 'rate-limited' | 'error';
export type SubscribeState = 'idle' | 'invalid' | 'sending' | 'sent' | 'error';


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
  /** @internal The found request's view and the subscribe form: code fetched after the lookup form is ready. */
  result: typeof ResultView | undefined;
  private resultLoading: Promise<typeof ResultView> | undefined;
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
      // The view of a found request travels with the answer, not after it.
      const [request] = await Promise.all([requestStatus(this.client, town, ref, this.uiLang), this.loadResult()]);
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

  /** @internal */
  loadResult(): Promise<typeof ResultView> {
    this.resultLoading ??= import('./render-result.ts').then(
      (view) => (this.result = view),
      (error: unknown) => {
        this.resultLoading = undefined; // a dropped connection: the next lookup asks again
        throw error;
      },
    );
    return this.resultLoading;
  }

  protected override firstUpdated(): void {
    // Fetched once the lookup form is ready, so a resident's first lookup does not wait for it.
    const fetchResult = () => void this.loadResult().catch(() => undefined);
    if (typeof requestIdleCallback === 'function') requestIdleCallback(fetchResult, { timeout: 1000 });
    else setTimeout(fetchResult, 50);
  }

  private onSubmit(e: Event): void {
    e.preventDefault();
    void this.lookup();
  }

  /** @internal */
  statusLabel(status: RequestStatus): string {
    return this.t(`status.${status}`);
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
      ${this.state === 'found' && this.request && this.result ? this.result.renderRequest(this, this.request) : nothing}
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

}

declare global {
  interface HTMLElementTagNameMap {
    'muni-request-status': MuniRequestStatus;
  }
}
