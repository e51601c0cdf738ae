import { html, nothing } from 'lit';
import { MuniElement, focusAfterRender, ApiError } from '@munikit/core';
import type { LocalisedText, RequestStatus, StaffRequest, StaffRequestPage, StaffSession, Lang } from '@munikit/core';
import { STAFF_NS } from './staff-console.i18n.ts';
import { staffConsoleStyles } from './staff-console.styles.ts';

export interface StaffSignedInDetail {
  email: string;
}

type Phase = 'checking' | 'signed-out' | 'signed-in';
type LoadState = 'idle' | 'loading' | 'ready' | 'error';

const STATUSES: RequestStatus[] = ['received', 'in_progress', 'on_hold', 'resolved', 'declined'];

/**
 * The town staff's view of incoming requests. Served by the MuniKit server itself (same origin):
 * it relies on the HttpOnly session cookie and sends the CSRF token on every state-changing call.
 *
 * @tagname muni-staff-console
 * @summary Staff sign-in and the list of a town's requests.
 *
 * @attr api - Base URL of the MuniKit server. Defaults to the origin the widget script was loaded from.
 * @attr town - Town id. Defaults to the first town the signed-in account can see.
 * @attr lang - Interface language (`en` or `fr`). Defaults to the nearest ancestor's `lang`, then the page's.
 *
 * @fires muni-staff-signed-in - Sign-in succeeded. `detail: {email}`.
 * @fires muni-staff-signed-out - The staff member signed out. `detail: {}`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart sign-in-form - The sign-in form.
 * @csspart error-summary - Problems with the sign-in.
 * @csspart table - The requests table.
 * @csspart sign-out-button - The "Sign out" button.
 *
 * @cssprop --muni-color-primary - Buttons and links. Default #1d4f91.
 * @cssprop --muni-color-text - Body text. Default #1b1b1b.
 * @cssprop --muni-color-background - Background. Default #ffffff.
 * @cssprop --muni-color-border - Input borders and table rules. Default #6b6b6b.
 * @cssprop --muni-color-error - Errors. Default #b00020.
 * @cssprop --muni-font-family - Font stack. Default system-ui.
 * @cssprop --muni-font-size - Base font size. Default 1rem.
 * @cssprop --muni-radius - Corner radius. Default 4px.
 * @cssprop --muni-focus-ring - Keyboard focus outline. Default 3px solid #ffbf47.
 */
export class MuniStaffConsole extends MuniElement {
  static override i18nNamespace = STAFF_NS;
  static override styles = staffConsoleStyles;

  static override properties = {
    ...MuniElement.properties,
    phase: { state: true, attribute: false },
    session: { state: true, attribute: false },
    signInErrors: { state: true, attribute: false },
    signingIn: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    activeTown: { state: true, attribute: false },
    townName: { state: true, attribute: false },
    statusFilter: { state: true, attribute: false },
    listState: { state: true, attribute: false },
    page: { state: true, attribute: false },
    listError: { state: true, attribute: false },
  };

  declare phase: Phase;
  declare session: StaffSession | undefined;
  declare signInErrors: Array<{ id: string; message: string }>;
  declare signingIn: boolean;
  /** A sentence shown above the sign-in form (session ended, signed out, network trouble). */
  declare notice: string;
  declare activeTown: string;
  /** Display name of activeTown in the interface language, once known. */
  declare townName: LocalisedText | undefined;
  declare statusFilter: string;
  declare listState: LoadState;
  declare page: StaffRequestPage | undefined;
  declare listError: string;

  protected override credentials: RequestCredentials = 'same-origin';
  private email = '';
  private password = '';

  constructor() {
    super();
    this.phase = 'checking';
    this.signInErrors = [];
    this.signingIn = false;
    this.notice = '';
    this.activeTown = '';
    this.statusFilter = '';
    this.listState = 'idle';
    this.listError = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.phase === 'checking') void this.checkSession();
  }

  protected override languageChanged(_previous: Lang): void {
    if (this.phase === 'signed-in') void this.loadRequests();
  }

  async checkSession(): Promise<void> {
    this.phase = 'checking';
    try {
      this.startSession(await this.client.session(), false);
    } catch (error) {
      this.phase = 'signed-out';
      if (!(error instanceof ApiError && error.status === 401)) this.notice = this.describeError(error);
    }
  }

  private startSession(session: StaffSession, moveFocus: boolean): void {
    this.session = session;
    this.phase = 'signed-in';
    this.notice = '';
    const towns = session.towns.map((t) => t.id);
    this.activeTown = this.town && (towns.includes(this.town) || !towns.length) ? this.town : (towns[0] ?? '');
    void this.loadRequests().then(() => (moveFocus ? focusAfterRender(this, '#requests-heading') : undefined));
  }

  async signIn(e?: Event): Promise<void> {
    e?.preventDefault();
    if (this.signingIn) return;
    const errors: Array<{ id: string; message: string }> = [];
    if (!this.email.trim()) errors.push({ id: 'email', message: this.t('emailRequired') });
    if (!this.password) errors.push({ id: 'password', message: this.t('passwordRequired') });
    this.signInErrors = errors;
    this.notice = '';
    if (errors.length) return focusAfterRender(this, '#error-summary');
    this.signingIn = true;
    try {
      const session = await this.client.login(this.email.trim(), this.password);
      this.password = '';
      this.emit<StaffSignedInDetail>('muni-staff-signed-in', { email: session.user.email });
      this.startSession(session, true);
    } catch (error) {
      const message =
        error instanceof ApiError && error.status === 401 ? this.t('wrongCredentials') : this.describeError(error);
      this.signInErrors = [{ id: '', message }];
      await focusAfterRender(this, '#error-summary');
    } finally {
      this.signingIn = false;
    }
  }

  async signOut(): Promise<void> {
    const csrf = this.session?.csrfToken ?? '';
    try {
      await this.client.logout(csrf);
    } catch (error) {
      // An already-expired session is as good as signed out; anything else, tell the staff member.
      if (!(error instanceof ApiError && error.status === 401)) {
        this.listError = this.describeError(error);
        return;
      }
    }
    this.session = undefined;
    this.page = undefined;
    this.phase = 'signed-out';
    this.notice = this.t('signedOut');
    this.emit('muni-staff-signed-out', {});
    await focusAfterRender(this, '#sign-in-heading');
  }

  async loadRequests(): Promise<void> {
    if (!this.activeTown) {
      this.listState = 'error';
      this.listError = this.t('noTowns');
      return;
    }
    this.listState = 'loading';
    if (this.townName === undefined) {
      // Only for the caption; the id is a fine fallback if this lookup fails.
      this.client.getTown(this.activeTown).then((t) => (this.townName = t.name), () => undefined);
    }
    try {
      this.page = await this.client.staffRequests(this.activeTown, { status: this.statusFilter || undefined });
      this.listState = 'ready';
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        this.session = undefined;
        this.phase = 'signed-out';
        this.notice = this.t('sessionEnded');
        return;
      }
      this.listState = 'error';
      this.listError = error instanceof ApiError && error.status === 403 ? this.t('forbidden') : this.describeError(error);
    }
  }

  private focusControl(e: Event, id: string): void {
    e.preventDefault();
    this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  override render() {
    return html`<div part="base" lang=${this.uiLang}>${this.renderPhase()}</div>`;
  }

  private renderPhase() {
    switch (this.phase) {
      case 'checking':
        return html`<p role="status">${this.t('checkingSession')}</p>`;
      case 'signed-out':
        return this.renderSignIn();
      case 'signed-in':
        return this.renderConsole();
    }
  }

  private renderSignIn() {
    const errorFor = (id: string) => this.signInErrors.find((e) => e.id === id)?.message;
    const field = (id: 'email' | 'password', type: string, autocomplete: string) => {
      const error = errorFor(id);
      return html`<div class="field ${error ? 'field--error' : ''}">
        <label for=${id}>${this.t(id)}</label>
        ${error
          ? html`<span class="error-message" id="${id}-error"><span class="visually-hidden">${this.t('errorPrefix')} </span>${error}</span>`
          : nothing}
        <input id=${id} type=${type} autocomplete=${autocomplete} spellcheck="false" required
          aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing}
          .value=${id === 'email' ? this.email : this.password}
          @input=${(e: Event) => {
            const value = (e.target as HTMLInputElement).value;
            if (id === 'email') this.email = value;
            else this.password = value;
          }} />
      </div>`;
    };
    return html`<section class="sign-in" aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading" tabindex="-1">${this.t('signInHeading')}</h2>
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      ${this.signInErrors.length
        ? html`<div id="error-summary" part="error-summary" class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
            <h3 id="error-summary-title">${this.t('errorSummaryTitle')}</h3>
            <ul>
              ${this.signInErrors.map((e) =>
                e.id
                  ? html`<li><a href="#${e.id}" @click=${(ev: Event) => this.focusControl(ev, e.id)}>${e.message}</a></li>`
                  : html`<li>${e.message}</li>`,
              )}
            </ul>
          </div>`
        : nothing}
      <form part="sign-in-form" novalidate @submit=${this.signIn}>
        ${field('email', 'email', 'username')} ${field('password', 'password', 'current-password')}
        <button class="button" type="submit" aria-disabled=${this.signingIn ? 'true' : 'false'}>
          ${this.signingIn ? this.t('signingIn') : this.t('signIn')}
        </button>
        <p class="visually-hidden" role="status">${this.signingIn ? this.t('signingIn') : ''}</p>
      </form>
    </section>`;
  }

  private renderConsole() {
    const session = this.session!;
    return html`
      <div class="bar">
        <p>${this.t('signedInAs', { name: session.user.name || session.user.email })}</p>
        <button part="sign-out-button" class="button button--secondary" type="button" @click=${this.signOut}>
          ${this.t('signOut')}
        </button>
      </div>
      <h2 id="requests-heading" tabindex="-1">${this.t('requestsHeading')}</h2>
      <form class="filters" @submit=${(e: Event) => { e.preventDefault(); void this.loadRequests(); }}>
        ${session.towns.length > 1
          ? html`<div class="field">
              <label for="town">${this.t('town')}</label>
              <select id="town" @change=${(e: Event) => {
                this.activeTown = (e.target as HTMLSelectElement).value;
                this.townName = undefined;
              }}>
                ${session.towns.map((t) => html`<option value=${t.id} ?selected=${t.id === this.activeTown}>${t.id}</option>`)}
              </select>
            </div>`
          : nothing}
        <div class="field">
          <label for="status-filter">${this.t('statusFilter')}</label>
          <select id="status-filter" @change=${(e: Event) => (this.statusFilter = (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!this.statusFilter}>${this.t('allStatuses')}</option>
            ${STATUSES.map((s) => html`<option value=${s} ?selected=${s === this.statusFilter}>${this.t(`status.${s}`)}</option>`)}
          </select>
        </div>
        <button class="button button--secondary" type="submit">${this.t('apply')}</button>
      </form>
      <p class="visually-hidden" role="status" aria-live="polite">${this.listAnnouncement()}</p>
      ${this.renderList()}
    `;
  }

  private listAnnouncement(): string {
    if (this.listState === 'loading') return this.t('loadingRequests');
    if (this.listState === 'ready' && this.page) return this.caption(this.page);
    return '';
  }

  private caption(page: StaffRequestPage): string {
    return this.t('caption', { count: page.total, town: this.townName?.[this.uiLang] ?? this.activeTown });
  }

  private renderList() {
    if (this.listState === 'loading' || this.listState === 'idle') return html`<p>${this.t('loadingRequests')}</p>`;
    if (this.listState === 'error') {
      return html`<div class="notice notice--error" role="alert">
        <p>${this.listError}</p>
        ${this.activeTown
          ? html`<button class="button button--secondary" type="button" @click=${() => this.loadRequests()}>${this.t('retry')}</button>`
          : nothing}
      </div>`;
    }
    const page = this.page!;
    return html`<div class="table-wrap" role="region" aria-labelledby="requests-caption" tabindex="0">
      <table part="table">
        <caption id="requests-caption">
          ${this.caption(page)}
          ${page.total > page.requests.length
            ? html`<span class="hint">${this.t('showingFirst', { shown: page.requests.length, total: page.total })}</span>`
            : nothing}
        </caption>
        <thead>
          <tr>
            ${(['reference', 'service', 'status', 'priority', 'location', 'contact', 'received'] as const).map(
              (c) => html`<th scope="col">${this.t(`col.${c}`)}</th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${page.requests.map((r) => this.renderRow(r))}
        </tbody>
      </table>
    </div>`;
  }

  private renderRow(r: StaffRequest) {
    const contact = r.contact ? [r.contact.name, r.contact.email, r.contact.phone].filter(Boolean).join(', ') : '';
    return html`<tr>
      <td class="reference">${r.reference}</td>
      <td>${r.serviceName[this.uiLang] || r.serviceCode}</td>
      <td>${this.t(`status.${r.status}`, { defaultValue: r.status })}</td>
      <td>${this.t(`priority.${r.priority}`, { defaultValue: r.priority })}</td>
      <td>${r.location.text}</td>
      <td>${contact || this.t('anonymous')}</td>
      <td><time datetime=${r.createdAt}>${this.formatDate(r.createdAt)}</time></td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'muni-staff-console': MuniStaffConsole;
  }
  interface HTMLElementEventMap {
    'muni-staff-signed-in': CustomEvent<StaffSignedInDetail>;
    'muni-staff-signed-out': CustomEvent<Record<string, never>>;
  }
}
