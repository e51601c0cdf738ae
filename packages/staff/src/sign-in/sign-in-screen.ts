import { html, nothing } from 'lit';
import { ApiError, MuniElement, focusAfterRender } from '@munikit/core';
import type { StaffSession } from '@munikit/core';
import { SIGN_IN_NS } from './sign-in-screen.i18n.ts';
import { signInStyles } from './sign-in-screen.styles.ts';

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
 * The console's sign-in screen (email and password). The shell shows it whenever there is no session.
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
  };

  declare notice: string;
  declare problems: FieldProblem[];
  declare busy: boolean;
  protected override credentials: RequestCredentials = 'same-origin';
  private email = '';
  private password = '';

  constructor() {
    super();
    this.notice = '';
    this.problems = [];
    this.busy = false;
  }

  /** Puts keyboard focus on the heading, for when the shell shows this screen. */
  focusHeading(): Promise<void> {
    return focusAfterRender(this, 'h1');
  }

  async submit(e?: Event): Promise<void> {
    e?.preventDefault();
    if (this.busy) return;
    const problems: FieldProblem[] = [];
    if (!this.email.trim()) problems.push({ id: 'email', message: this.t('emailRequired') });
    if (!this.password) problems.push({ id: 'password', message: this.t('passwordRequired') });
    this.problems = problems;
    if (problems.length) return focusAfterRender(this, '#error-summary');
    this.busy = true;
    try {
      const session = await this.client.login(this.email.trim(), this.password);
      this.password = '';
      this.dispatchEvent(new StaffSignedInEvent(session));
    } catch (error) {
      const message = error instanceof ApiError && error.status === 401 ? this.t('wrongCredentials') : this.describeError(error);
      this.problems = [{ id: '', message }];
      await focusAfterRender(this, '#error-summary');
    } finally {
      this.busy = false;
    }
  }

  private focusControl(e: Event, id: string): void {
    e.preventDefault();
    const control = this.renderRoot.querySelector<HTMLElement>(`#${id}`);
    this.renderRoot.querySelector(`label[for="${id}"]`)?.scrollIntoView({ block: 'center' });
    control?.focus();
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
      ${this.problems.length
        ? html`<div id="error-summary" part="error-summary" class="error-summary" tabindex="-1" aria-labelledby="error-summary-title">
            <div role="alert">
              <h2 id="error-summary-title">${this.t('errorSummaryTitle')}</h2>
              <ul>
                ${this.problems.map((p) =>
                  p.id
                    ? html`<li><a href="#${p.id}" @click=${(ev: Event) => this.focusControl(ev, p.id)}>${p.message}</a></li>`
                    : html`<li>${p.message}</li>`,
                )}
              </ul>
            </div>
          </div>`
        : nothing}
      <form part="form" novalidate @submit=${this.submit}>
        ${field('email', 'email', 'username')} ${field('password', 'password', 'current-password')}
        <button class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
          ${this.busy ? this.t('signingIn') : this.t('signIn')}
        </button>
        <p class="visually-hidden" role="status">${this.busy ? this.t('signingIn') : ''}</p>
      </form>
      <p><a href="/staff/reset-password">${this.t('forgot')}</a></p>
    </section>`;
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
