import { html, nothing } from 'lit';
import { MuniElement } from '@munikit/core';
import { errorSummary, focusErrorSummary, inlineProblem, problemsFrom, type Problem } from '../shared/form-problems.ts';
import { screenStyles } from '../shared/screen.styles.ts';
import { signedOutApi } from '../shared/staff-api.ts';
import { RESET_NS } from './reset-password-screen.i18n.ts';

/**
 * Forgotten password, signed out: ask for an emailed link, then (opened from the link, `?token=`)
 * choose a new password.
 *
 * @tagname muni-staff-reset-password
 * @summary The console's password-reset screen.
 * @attr token - The emailed token; without it the screen asks for the email address.
 */
export class MuniStaffResetPassword extends MuniElement {
  static override i18nNamespace = RESET_NS;
  static override styles = screenStyles;
  static override properties = {
    ...MuniElement.properties,
    token: { type: String },
    problems: { state: true, attribute: false },
    done: { state: true, attribute: false },
    busy: { state: true, attribute: false },
  };

  declare token: string;
  declare problems: Problem[];
  /** The sentence shown once the step succeeded. */
  declare done: string;
  declare busy: boolean;
  protected override credentials: RequestCredentials = 'same-origin';
  private email = '';
  private password = '';

  constructor() {
    super();
    this.token = '';
    this.problems = [];
    this.done = '';
    this.busy = false;
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const api = signedOutApi(this.client);
    const asking = !this.token;
    const value = asking ? this.email.trim() : this.password;
    if (!value) {
      this.problems = [{ id: asking ? 'email' : 'new-password', message: this.t(asking ? 'emailRequired' : 'passwordRequired') }];
      return focusErrorSummary(this);
    }
    this.busy = true;
    try {
      if (asking) {
        await api.requestReset(value);
        this.done = this.t('sent', { email: value });
      } else {
        await api.confirmReset(this.token, value);
        this.password = '';
        this.done = this.t('saved');
      }
      this.problems = [];
    } catch (error) {
      this.problems = problemsFrom(error, (f) => ({ email: 'email', password: 'new-password', token: 'new-password' })[f], this.describeError(error));
      await focusErrorSummary(this);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`<div lang=${this.uiLang}>
      <h1 id="screen-heading" tabindex="-1">${this.t('heading')}</h1>
      <p role="status" class=${this.done ? 'notice' : 'visually-hidden'}>${this.done}</p>
      ${this.done
        ? html`<p><a href="/staff/sign-in">${this.token ? this.t('signIn') : this.t('backToSignIn')}</a></p>`
        : html`${errorSummary(this, this.problems, this.t('errorSummaryTitle'))}
            ${this.token ? this.renderChoose() : this.renderAsk()}
            <p><a href="/staff/sign-in">${this.t('backToSignIn')}</a></p>`}
    </div>`;
  }

  private renderAsk() {
    const email = inlineProblem(this.problems, 'email', this.t('errorPrefix'));
    return html`<p>${this.t('askIntro')}</p>
      <form novalidate @submit=${this.submit}>
        <div class=${email.fieldClass}>
          <label for="email">${this.t('email')}</label>
          ${email.message}
          <input id="email" type="email" autocomplete="username" spellcheck="false" .value=${this.email}
            aria-invalid=${email.invalid} aria-describedby=${email.describedBy ?? nothing}
            @input=${(e: Event) => (this.email = (e.target as HTMLInputElement).value)} />
        </div>
        <button class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.t('send')}</button>
      </form>`;
  }

  private renderChoose() {
    const password = inlineProblem(this.problems, 'new-password', this.t('errorPrefix'));
    return html`<p>${this.t('chooseIntro')}</p>
      <form novalidate @submit=${this.submit}>
        <div class=${password.fieldClass}>
          <label for="new-password">${this.t('newPassword')}</label>
          <span class="hint" id="new-password-hint">${this.t('newPasswordHint')}</span>
          ${password.message}
          <input id="new-password" type="password" autocomplete="new-password" .value=${this.password}
            aria-invalid=${password.invalid} aria-describedby=${['new-password-hint', password.describedBy].filter(Boolean).join(' ')}
            @input=${(e: Event) => (this.password = (e.target as HTMLInputElement).value)} />
        </div>
        <button class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.t('save')}</button>
      </form>`;
  }
}

if (!customElements.get('muni-staff-reset-password')) customElements.define('muni-staff-reset-password', MuniStaffResetPassword);

declare global {
  interface HTMLElementTagNameMap {
    'muni-staff-reset-password': MuniStaffResetPassword;
  }
}
