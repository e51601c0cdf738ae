import { html, nothing } from 'lit';
import { ApiError, MuniElement, focusAfterRender } from '@munikit/core';
import { errorSummary, focusErrorSummary } from '@munikit/core/error-summary';
import type { StaffSession } from '@munikit/core';
import { SIGN_IN_NS } from './sign-in-screen.i18n.ts';
import { signInStyles } from './sign-in-screen.styles.ts';
import { signedOutApi, type SsoProvider } from '../shared/staff-api.ts';
import { login } from '../shared/staff-api.ts';

/** The reasons the server gives in /staff/sign-in?sso_error= after a single sign-on callback. */
const SSO_ERRORS = ['expired', 'provider_unavailable', 'refused', 'email_not_verified', 'domain_not_allowed', 'disabled'] as const;

/** `muni-staff-signed-in`: the server accepted the credentials; `detail.session` is the new session. */
export class StaffSignedInEvent extends CustomEvent<{ session: StaffSession }> {
  constructor(session: StaffSession) {
    super('muni-staff-signed-in', { detail: { session }, bubbles: true, composed: true });
  }
}

interface FieldProblem {
  /** id of the control, or '' for a problem with the whole form */
  id: string;
  message: string;
}

/**
 * The console's sign-in screen: email and password, then a code from an authenticator app (or a
 * recovery code) when the account has two-factor sign-in, and "Sign in with <provider>" for the
 * towns that offer single sign-on. The shell shows it whenever there is no session.
 *
 * @tagname muni-staff-sign-in
 * @summary Staff sign-in with an error summary.
 *
 * @attr notice - A sentence shown above the form (session ended, signed out).
 * @fires muni-staff-signed-in - Sign-in succeeded. `detail: {session}`.
 * @csspart form - The sign-in form.
 * @csspart error-summary - Problems with the sign-in.
 */
export class MuniStaffSignIn extends MuniElement {
  static override i18nNamespace = SIGN_IN_NS;
  static override styles = signInStyles;
  static override properties = {
    ...MuniElement.properties,
    notice: { type: String },
    problems: { state: true, attribute: false },
    busy: { state: true, attribute: false },
    step: { state: true, attribute: false },
    providers: { state: true, attribute: false },
  };

  declare notice: string;
  declare problems: FieldProblem[];
  declare busy: boolean;
  /** 'password', then 'totp' when the server asks for a second step. */
  declare step: 'password' | 'totp';
  declare providers: SsoProvider[];
  private pendingToken = '';
  private code = '';
  protected override credentials: RequestCredentials = 'same-origin';
  private email = '';
  private password = '';

  constructor() {
    super();
    this.notice = '';
    this.problems = [];
    this.busy = false;
    this.step = 'password';
    this.providers = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const reason = new URLSearchParams(location.search).get('sso_error');
    if (reason && (SSO_ERRORS as readonly string[]).includes(reason)) {
      this.problems = [{ id: '', message: this.t(`sso_${reason}`) }];
      void focusErrorSummary(this);
    }
    // Back from single sign-on with two-factor on: the server put a pending sign-in in the fragment.
    const pending = /^#totp=([^&]+)$/.exec(location.hash);
    if (pending) {
      this.pendingToken = decodeURIComponent(pending[1]!);
      this.step = 'totp';
      history.replaceState(history.state, '', location.pathname + location.search);
      void focusAfterRender(this, '#code');
    }
    signedOutApi(this.client).ssoProviders().then(
      (r) => (this.providers = r.providers),
      () => undefined, // no single sign-on buttons: email and password still work
    );
  }

  /** Starts single sign-on with a town's provider: the browser goes there and comes back signed in. */
  async startSso(town: string): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const { authorizationUrl } = await signedOutApi(this.client).startSso(town);
      window.location.assign(authorizationUrl);
    } catch (error) {
      // The server names the provider that cannot be reached, in the asked language.
      const down = error instanceof ApiError && error.code === 'provider_unavailable';
      this.problems = [{ id: '', message: down ? error.message || this.t('sso_provider_unavailable') : this.describeError(error) }];
      await focusErrorSummary(this);
    } finally {
      this.busy = false;
    }
  }

  /** The second step: a code from the authenticator app, or a recovery code. */
  async submitCode(e?: Event): Promise<void> {
    e?.preventDefault();
    if (this.busy) return;
    if (!this.code.trim()) {
      this.problems = [{ id: 'code', message: this.t('codeRequired') }];
      return focusErrorSummary(this);
    }
    this.busy = true;
    try {
      const session = await signedOutApi(this.client).loginTotp(this.pendingToken, this.code.trim());
      this.code = '';
      this.problems = [];
      this.dispatchEvent(new StaffSignedInEvent(session));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        // The pending sign-in expired: start again from the password.
        this.step = 'password';
        this.pendingToken = '';
        this.problems = [{ id: '', message: this.describeError(error) }];
      } else {
        const field = error instanceof ApiError ? error.fields.find((f) => f.field === 'code') : undefined;
        this.problems = [{ id: field ? 'code' : '', message: field?.message ?? this.describeError(error) }];
      }
      await focusErrorSummary(this);
    } finally {
      this.busy = false;
    }
  }

  /** Puts keyboard focus on the heading, for when the shell shows this screen. */
  focusHeading(): Promise<void> {
    return focusAfterRender(this, this.step === 'totp' ? '#code' : 'h1');
  }

  async submit(e?: Event): Promise<void> {
    e?.preventDefault();
    if (this.busy) return;
    const problems: FieldProblem[] = [];
    if (!this.email.trim()) problems.push({ id: 'email', message: this.t('emailRequired') });
    if (!this.password) problems.push({ id: 'password', message: this.t('passwordRequired') });
    this.problems = problems;
    if (problems.length) return focusErrorSummary(this);
    this.busy = true;
    try {
      const answer = await login(this.client, this.email.trim(), this.password);
      this.password = '';
      if (answer.next === 'totp') {
        this.pendingToken = answer.pendingToken;
        this.step = 'totp';
        this.problems = [];
        await focusAfterRender(this, '#code');
        return;
      }
      this.dispatchEvent(new StaffSignedInEvent(answer));
    } catch (error) {
      const message = error instanceof ApiError && error.status === 401 ? this.t('wrongCredentials') : this.describeError(error);
      this.problems = [{ id: '', message }];
      await focusErrorSummary(this);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const problemFor = (id: string) => this.problems.find((p) => p.id === id)?.message;
    const field = (id: 'email' | 'password', type: string, autocomplete: string) => {
      const problem = problemFor(id);
      return html`<div class="field ${problem ? 'field--error' : ''}">
        <label for=${id}>${this.t(id)}</label>
        ${problem
          ? html`<span class="error-message" id="${id}-error"><span class="visually-hidden">${this.t('errorPrefix')} </span>${problem}</span>`
          : nothing}
        <input id=${id} name=${id} type=${type} autocomplete=${autocomplete} spellcheck="false" required
          aria-invalid=${problem ? 'true' : 'false'} aria-describedby=${problem ? `${id}-error` : nothing}
          .value=${id === 'email' ? this.email : this.password}
          @input=${(e: Event) => {
            const value = (e.target as HTMLInputElement).value;
            if (id === 'email') this.email = value;
            else this.password = value;
          }} />
      </div>`;
    };
    return html`<section class="panel" lang=${this.uiLang} aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading" tabindex="-1">${this.t('heading')}</h1>
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : html`<p>${this.t('intro')}</p>`}
      ${errorSummary(this, this.problems, this.t('errorSummaryTitle'))}
      ${this.step === 'totp' ? this.renderCode() : this.renderPasswordForm(field)}
    </section>`;
  }

  private renderCode() {
    const problem = this.problems.find((p) => p.id === 'code')?.message;
    return html`<form part="form" novalidate @submit=${this.submitCode}>
      <h2 id="code-heading">${this.t('codeHeading')}</h2>
      <div class="field ${problem ? 'field--error' : ''}">
        <label for="code">${this.t('code')}</label>
        <span class="hint" id="code-hint">${this.t('codeHint')}</span>
        ${problem
          ? html`<span class="error-message" id="code-error"><span class="visually-hidden">${this.t('errorPrefix')} </span>${problem}</span>`
          : nothing}
        <input id="code" name="code" type="text" inputmode="text" autocomplete="one-time-code" spellcheck="false" required
          aria-invalid=${problem ? 'true' : 'false'} aria-describedby=${problem ? 'code-hint code-error' : 'code-hint'}
          .value=${this.code} @input=${(e: Event) => (this.code = (e.target as HTMLInputElement).value)} />
      </div>
      <button class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
        ${this.busy ? this.t('signingIn') : this.t('verify')}
      </button>
      <p class="visually-hidden" role="status">${this.busy ? this.t('signingIn') : ''}</p>
    </form>`;
  }

  private renderSso() {
    if (this.providers.length === 0) return nothing;
    const lang = this.uiLang === 'fr' ? 'fr' : 'en';
    const several = this.providers.length > 1;
    return html`<div class="sso" role="group" aria-label=${this.t('ssoGroup')}>
      ${this.providers.map(
        (p) => html`<button class="button button--secondary" type="button" aria-disabled=${this.busy ? 'true' : 'false'}
          @click=${() => this.startSso(p.town.id)}>
          ${this.t('ssoWith', { provider: p.name })}${several ? ` (${p.town.name[lang]})` : ''}
        </button>`,
      )}
      <p>${this.t('ssoOr')}</p>
    </div>`;
  }

  private renderPasswordForm(field: (id: 'email' | 'password', type: string, autocomplete: string) => unknown) {
    return html`${this.renderSso()}
      <form part="form" novalidate @submit=${this.submit}>
        ${field('email', 'email', 'username')} ${field('password', 'password', 'current-password')}
        <button class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
          ${this.busy ? this.t('signingIn') : this.t('signIn')}
        </button>
        <p class="visually-hidden" role="status">${this.busy ? this.t('signingIn') : ''}</p>
      </form>
      <p><a href="/staff/forgot-password">${this.t('forgot')}</a></p>`;
  }
}

if (!customElements.get('muni-staff-sign-in')) customElements.define('muni-staff-sign-in', MuniStaffSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'muni-staff-sign-in': MuniStaffSignIn;
  }
  interface HTMLElementEventMap {
    'muni-staff-signed-in': StaffSignedInEvent;
  }
}
