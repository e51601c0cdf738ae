import { html, nothing } from 'lit';
import { Task } from '@lit/task';
import { MuniElement } from '@munikit/core';
import { errorSummary, focusErrorSummary, inlineProblem, problemsFrom, type Problem } from '../shared/form-problems.ts';
import { screenStyles } from '../shared/screen.styles.ts';
import { signedOutApi, type Invitation } from '../shared/staff-api.ts';
import { INVITATION_NS } from './invitation-screen.i18n.ts';

/**
 * Opened from an invitation email (`?token=`), signed out: shows who invited whom, then sets the new
 * person's name and password.
 *
 * @tagname muni-staff-invitation
 * @summary The console's accept-an-invitation screen.
 * @attr token - The emailed invitation token.
 */
export class MuniStaffInvitation extends MuniElement {
  static override i18nNamespace = INVITATION_NS;
  static override styles = screenStyles;
  static override properties = {
    ...MuniElement.properties,
    token: { type: String },
    problems: { state: true, attribute: false },
    accepted: { state: true, attribute: false },
    busy: { state: true, attribute: false },
  };

  declare token: string;
  declare problems: Problem[];
  declare accepted: string;
  declare busy: boolean;
  protected override credentials: RequestCredentials = 'same-origin';
  private name = '';
  private password = '';

  private readonly invitation = new Task(this, {
    task: async ([token]: readonly [string]) => (token ? signedOutApi(this.client).inspectInvitation(token) : undefined),
    args: () => [this.token] as const,
  });

  constructor() {
    super();
    this.token = '';
    this.problems = [];
    this.accepted = '';
    this.busy = false;
  }

  private async accept(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const problems: Problem[] = [];
    if (!this.name.trim()) problems.push({ id: 'name', message: this.t('nameRequired') });
    if (!this.password) problems.push({ id: 'password', message: this.t('passwordRequired') });
    this.problems = problems;
    if (problems.length) return focusErrorSummary(this);
    this.busy = true;
    try {
      const res = await signedOutApi(this.client).acceptInvitation({ token: this.token, name: this.name.trim(), password: this.password, language: this.uiLang });
      this.password = '';
      this.accepted = res.email;
      this.problems = [];
    } catch (error) {
      this.problems = problemsFrom(error, (f) => ({ name: 'name', password: 'password' })[f], this.describeError(error));
      await focusErrorSummary(this);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`<div lang=${this.uiLang}>
      <h1 id="screen-heading" tabindex="-1">${this.t('heading')}</h1>
      <p role="status" class=${this.accepted ? 'notice' : 'visually-hidden'}>${this.accepted ? this.t('done', { email: this.accepted }) : ''}</p>
      ${this.accepted
        ? html`<p><a href="/staff/sign-in">${this.t('signIn')}</a></p>`
        : this.token
          ? this.invitation.render({
              pending: () => html`<p role="status">${this.t('checking')}</p>`,
              complete: (invitation) => (invitation ? this.renderForm(invitation) : nothing),
              error: (error) => html`<div class="notice notice--error" role="alert"><p>${this.describeError(error)}</p></div>`,
            })
          : html`<p class="notice notice--error" role="alert">${this.t('missing')}</p>`}
    </div>`;
  }

  private renderForm(invitation: Invitation) {
    const name = inlineProblem(this.problems, 'name', this.t('errorPrefix'));
    const password = inlineProblem(this.problems, 'password', this.t('errorPrefix'));
    return html`<p>${this.t('intro', { town: invitation.town.name[this.uiLang], role: this.t(`role.${invitation.role}`, { defaultValue: invitation.role }), email: invitation.email })}</p>
      ${errorSummary(this, this.problems, this.t('errorSummaryTitle'))}
      <form novalidate @submit=${this.accept}>
        <input type="email" autocomplete="username" value=${invitation.email} hidden />
        <div class=${name.fieldClass}>
          <label for="name">${this.t('name')}</label>
          ${name.message}
          <input id="name" type="text" autocomplete="name" .value=${this.name} aria-invalid=${name.invalid}
            aria-describedby=${name.describedBy ?? nothing} @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)} />
        </div>
        <div class=${password.fieldClass}>
          <label for="password">${this.t('password')}</label>
          <span class="hint" id="password-hint">${this.t('passwordHint')}</span>
          ${password.message}
          <input id="password" type="password" autocomplete="new-password" .value=${this.password} aria-invalid=${password.invalid}
            aria-describedby=${['password-hint', password.describedBy].filter(Boolean).join(' ')}
            @input=${(e: Event) => (this.password = (e.target as HTMLInputElement).value)} />
        </div>
        <button class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.t('accept')}</button>
      </form>`;
  }
}

if (!customElements.get('muni-staff-invitation')) customElements.define('muni-staff-invitation', MuniStaffInvitation);

declare global {
  interface HTMLElementTagNameMap {
    'muni-staff-invitation': MuniStaffInvitation;
  }
}
