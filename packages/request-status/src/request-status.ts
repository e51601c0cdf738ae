import { html, nothing } from 'lit';
import { MuniElement, focusAfterRender, ApiError } from '@munikit/core';
import type { PublicRequestStatus, RequestStatus, TimelineEntry, Lang } from '@munikit/core';
import { REQUEST_STATUS_NS } from './request-status.i18n.ts';
import { requestStatusStyles } from './request-status.styles.ts';

export interface RequestStatusLoadedDetail {
  reference: string;
  status: RequestStatus;
}

type LookupState = 'idle' | 'loading' | 'found' | 'not-found' | 'invalid' | 'error';

/**
 * Lets a resident check where their request is at, using the reference number they were given.
 *
 * @tagname muni-request-status
 * @summary Look up a request by reference number: current status and public history.
 *
 * @attr api - Base URL of the MuniKit server. Defaults to the origin the widget script was loaded from.
 * @attr town - Town id. Defaults to the server's only town.
 * @attr lang - Interface language (`en` or `fr`). Defaults to the nearest ancestor's `lang`, then the page's.
 * @attr reference - Reference to look up straight away. Otherwise `?ref=` in the page URL is used.
 *
 * @fires muni-request-status-loaded - A request was found. `detail: {reference, status}`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart form - The lookup form.
 * @csspart input - The reference number text box.
 * @csspart button - The "Check status" button.
 * @csspart result - The found request.
 * @csspart status - The current status badge.
 * @csspart timeline - The list of status changes and notes.
 *
 * @cssprop --muni-color-primary - Buttons and links. Default #1d4f91.
 * @cssprop --muni-color-text - Body text. Default #1b1b1b.
 * @cssprop --muni-color-background - Widget background. Default #ffffff.
 * @cssprop --muni-color-border - Input borders and the timeline rule. Default #6b6b6b.
 * @cssprop --muni-color-error - Errors and the "declined" status. Default #b00020.
 * @cssprop --muni-color-success - The "resolved" status. Default #1e6b34.
 * @cssprop --muni-font-family - Font stack. Default system-ui.
 * @cssprop --muni-font-size - Base font size. Default 1rem.
 * @cssprop --muni-radius - Corner radius. Default 4px.
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
  };

  declare reference: string | undefined;
  declare input: string;
  declare state: LookupState;
  declare request: PublicRequestStatus | undefined;
  declare errorMessage: string;

  private lookedUp = '';

  constructor() {
    super();
    this.input = '';
    this.state = 'idle';
    this.errorMessage = '';
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
    return value.trim().toUpperCase().replace(/\s+/g, '');
  }

  async lookup(moveFocus = true, ref = this.normalise(this.input)): Promise<void> {
    if (!ref) {
      this.state = 'invalid';
      this.errorMessage = this.t('referenceRequired');
      if (moveFocus) await focusAfterRender(this, '#reference');
      return;
    }
    this.state = 'loading';
    this.lookedUp = ref;
    try {
      const town = await this.resolveTown();
      const request = await this.client.requestStatus(town, ref, this.uiLang);
      if (this.lookedUp !== ref) return;
      this.request = request;
      this.state = 'found';
      this.emit<RequestStatusLoadedDetail>('muni-request-status-loaded', {
        reference: request.reference,
        status: request.status,
      });
      if (moveFocus) await focusAfterRender(this, '#result-heading');
    } catch (error) {
      if (this.lookedUp !== ref) return;
      if (error instanceof ApiError && error.status === 404) {
        this.state = 'not-found';
        this.errorMessage = this.t('notFound', { reference: ref });
        if (moveFocus) await focusAfterRender(this, '#reference');
      } else {
        this.state = 'error';
        this.errorMessage = this.describeError(error);
      }
    }
  }

  private onSubmit(e: Event): void {
    e.preventDefault();
    void this.lookup();
  }

  private statusLabel(status: RequestStatus): string {
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
      ${this.state === 'error'
        ? html`<div class="notice notice--error" role="alert">
            <p>${this.errorMessage}</p>
            <button class="button button--secondary" type="button" @click=${() => this.lookup(false, this.lookedUp)}>
              ${this.t('retry')}
            </button>
          </div>`
        : nothing}
      ${this.state === 'found' && this.request ? this.renderRequest(this.request) : nothing}
    </div>`;
  }

  private announcement(): string {
    if (this.state === 'loading') return this.t('lookingUp', { reference: this.lookedUp });
    if (this.state === 'found' && this.request) {
      return this.t('found', { reference: this.request.reference, status: this.statusLabel(this.request.status) });
    }
    return '';
  }

  private renderRequest(r: PublicRequestStatus) {
    const timeline = [...r.timeline].sort((a, b) => b.at.localeCompare(a.at));
    return html`<section part="result" aria-labelledby="result-heading">
      <h2 id="result-heading" tabindex="-1">${this.t('resultHeading', { reference: r.reference })}</h2>
      <dl>
        <dt>${this.t('currentStatus')}</dt>
        <dd><span part="status" class="badge badge--${r.status}">${this.statusLabel(r.status)}</span></dd>
        <dt>${this.t('service')}</dt>
        <dd>${r.serviceName}</dd>
        <dt>${this.t('submitted')}</dt>
        <dd><time datetime=${r.createdAt}>${this.formatDate(r.createdAt)}</time></dd>
        <dt>${this.t('updated')}</dt>
        <dd><time datetime=${r.updatedAt}>${this.formatDate(r.updatedAt)}</time></dd>
      </dl>
      ${timeline.length
        ? html`<h3>${this.t('timelineHeading')}</h3>
            <ol part="timeline" class="timeline">
              ${timeline.map((entry) => this.renderEntry(entry))}
            </ol>`
        : nothing}
    </section>`;
  }

  private renderEntry(entry: TimelineEntry) {
    return html`<li>
      <time datetime=${entry.at}>${this.formatDate(entry.at)}</time>
      ${entry.type === 'status_changed' && entry.status
        ? html`<p><strong>${this.t('statusChangedTo', { status: this.statusLabel(entry.status) })}</strong></p>`
        : nothing}
      ${entry.type === 'public_note' ? html`<p><strong>${this.t('note')}</strong></p>` : nothing}
      ${entry.note ? html`<p>${entry.note}</p>` : nothing}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'muni-request-status': MuniRequestStatus;
  }
  interface HTMLElementEventMap {
    'muni-request-status-loaded': CustomEvent<RequestStatusLoadedDetail>;
  }
}
