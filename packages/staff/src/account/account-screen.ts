import { html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { Task, initialState } from '@lit/task';
import { ApiError, MuniElement } from '@munikit/core';
import type { Lang } from '@munikit/core';
import { staffContext } from '../app/staff-context.ts';
import { errorSummary, focusErrorSummary, inlineProblem, problemsFrom, type Problem } from '../shared/form-problems.ts';
import { screenStyles } from '../shared/screen.styles.ts';
import { StaffApi, type MyAccount } from '../shared/staff-api.ts';
import { ACCOUNT_NS } from './account-screen.i18n.ts';
import './two-factor-panel.ts';

/** `muni-staff-language-chosen`: the person saved a console language (null: follow the browser). */
export class StaffLanguageChosenEvent extends CustomEvent<{ language: Lang | null }> {
  constructor(language: Lang | null) {
    super('muni-staff-language-chosen', { detail: { language }, bubbles: true, composed: true });
  }
}

/**
 * The signed-in person's own account: name, console language, password, and signing out everywhere.
 *
 * @tagname muni-staff-account
 * @summary The console's "my account" screen.
 * @fires muni-staff-language-chosen - A console language was saved. `detail: {language}`.
 */
export class MuniStaffAccount extends MuniElement {
  static override i18nNamespace = ACCOUNT_NS;
  static override styles = screenStyles;
  static override properties = {
    ...MuniElement.properties,
    problems: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    busy: { state: true, attribute: false },
  };

  declare problems: Problem[];
  declare notice: string;
  declare busy: boolean;
  private profile = { name: '', language: '' as Lang | '' };
  private passwords = { current: '', next: '' };
  private readonly staff = new ContextConsumer(this, { context: staffContext, subscribe: true });

  private readonly account = new Task(this, {
    task: async ([signedIn]: readonly [boolean]) => {
      if (!signedIn) return initialState;
      const me = await this.staffApi().me();
      this.profile = { name: me.name, language: me.language ?? '' };
      return me;
    },
    args: () => [Boolean(this.staff.value)] as const,
  });

  constructor() {
    super();
    this.problems = [];
    this.notice = '';
    this.busy = false;
  }

  private staffApi(): StaffApi {
    const ctx = this.staff.value!;
    return new StaffApi(ctx.client, ctx.session.csrfToken);
  }

  /** Runs one form's call with the shared busy flag, notice and error summary. */
  private async attempt(call: () => Promise<void>, controlFor: (field: string) => string | undefined): Promise<void> {
    this.busy = true;
    this.notice = '';
    try {
      await call();
      this.problems = [];
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return this.staff.value?.sessionExpired();
      this.problems = problemsFrom(error, controlFor, this.describeError(error));
      await focusErrorSummary(this);
    } finally {
      this.busy = false;
    }
  }

  private async saveProfile(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    if (!this.profile.name.trim()) {
      this.problems = [{ id: 'name', message: this.t('nameRequired') }];
      return focusErrorSummary(this);
    }
    const language = this.profile.language || null;
    await this.attempt(async () => {
      await this.staffApi().changeMe({ name: this.profile.name.trim(), language });
      this.notice = this.t('profileSaved');
      this.dispatchEvent(new StaffLanguageChosenEvent(language));
    }, (f) => (f === 'name' ? 'name' : f === 'language' ? 'language-browser' : undefined));
  }

  private async changePassword(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const problems: Problem[] = [];
    if (!this.passwords.current) problems.push({ id: 'current-password', message: this.t('currentRequired') });
    if (!this.passwords.next) problems.push({ id: 'new-password', message: this.t('newRequired') });
    this.problems = problems;
    if (problems.length) return focusErrorSummary(this);
    await this.attempt(async () => {
      await this.staffApi().changePassword(this.passwords.current, this.passwords.next);
      this.passwords = { current: '', next: '' };
      this.notice = this.t('passwordChanged');
    }, (f) => ({ currentPassword: 'current-password', newPassword: 'new-password' })[f]);
  }

  private async signOutEverywhere(): Promise<void> {
    await this.attempt(async () => {
      await this.staffApi().signOutEverywhere();
      this.staff.value?.sessionExpired();
    }, () => undefined);
  }

  override render() {
    return html`<div lang=${this.uiLang}>
      <h1 id="screen-heading" tabindex="-1">${this.t('heading')}</h1>
      ${errorSummary(this, this.problems, this.t('errorSummaryTitle'))}
      <p role="status" class=${this.notice ? 'notice' : 'visually-hidden'}>${this.notice}</p>
      ${this.account.render({
        initial: () => html`<p>${this.t('loading')}</p>`,
        pending: () => html`<p>${this.t('loading')}</p>`,
        complete: (me) =>
          html`${this.renderProfile(me)} ${this.renderPassword(me)} <muni-staff-two-factor lang=${this.uiLang}></muni-staff-two-factor> ${this.renderEverywhere()}`,
        error: (error) => html`<div class="notice notice--error" role="alert">
          <p>${this.describeError(error)}</p>
          <button class="button button--secondary" type="button" @click=${() => this.account.run()}>${this.t('retry')}</button>
        </div>`,
      })}
    </div>`;
  }

  private renderProfile(me: MyAccount) {
    const name = inlineProblem(this.problems, 'name', this.t('errorPrefix'));
    const choices: Array<[Lang | '', string]> = [['', this.t('followBrowser')], ['en', this.t('english')], ['fr', this.t('french')]];
    return html`<section class="panel" aria-labelledby="profile-heading">
      <h2 id="profile-heading">${this.t('profileHeading')}</h2>
      <p>${this.t('email')}: <strong>${me.email}</strong></p>
      <form novalidate @submit=${this.saveProfile}>
        <div class=${name.fieldClass}>
          <label for="name">${this.t('name')}</label>
          ${name.message}
          <input id="name" type="text" autocomplete="name" .value=${this.profile.name} aria-invalid=${name.invalid}
            aria-describedby=${name.describedBy ?? nothing} @input=${(e: Event) => (this.profile.name = (e.target as HTMLInputElement).value)} />
        </div>
        <fieldset>
          <legend>${this.t('language')}</legend>
          ${choices.map(
            ([value, label]) => html`<div class="choice">
              <input type="radio" name="language" id="language-${value || 'browser'}" .checked=${this.profile.language === value}
                @change=${() => (this.profile.language = value)} />
              <label for="language-${value || 'browser'}">${label}</label>
            </div>`,
          )}
        </fieldset>
        <button class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.t('saveProfile')}</button>
      </form>
    </section>`;
  }

  private renderPassword(me: MyAccount) {
    if (!me.hasPassword) {
      return html`<section class="panel" aria-labelledby="password-heading">
        <h2 id="password-heading">${this.t('passwordHeading')}</h2>
        <p>${this.t('ssoOnly')}</p>
      </section>`;
    }
    const current = inlineProblem(this.problems, 'current-password', this.t('errorPrefix'));
    const next = inlineProblem(this.problems, 'new-password', this.t('errorPrefix'));
    return html`<section class="panel" aria-labelledby="password-heading">
      <h2 id="password-heading">${this.t('passwordHeading')}</h2>
      <form novalidate @submit=${this.changePassword}>
        <input type="email" autocomplete="username" value=${me.email} hidden />
        <div class=${current.fieldClass}>
          <label for="current-password">${this.t('currentPassword')}</label>
          ${current.message}
          <input id="current-password" type="password" autocomplete="current-password" .value=${this.passwords.current}
            aria-invalid=${current.invalid} aria-describedby=${current.describedBy ?? nothing}
            @input=${(e: Event) => (this.passwords.current = (e.target as HTMLInputElement).value)} />
        </div>
        <div class=${next.fieldClass}>
          <label for="new-password">${this.t('newPassword')}</label>
          <span class="hint" id="new-password-hint">${this.t('newPasswordHint')}</span>
          ${next.message}
          <input id="new-password" type="password" autocomplete="new-password" .value=${this.passwords.next}
            aria-invalid=${next.invalid} aria-describedby=${['new-password-hint', next.describedBy].filter(Boolean).join(' ')}
            @input=${(e: Event) => (this.passwords.next = (e.target as HTMLInputElement).value)} />
        </div>
        <button class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.t('changePassword')}</button>
      </form>
    </section>`;
  }

  private renderEverywhere() {
    return html`<section class="panel" aria-labelledby="everywhere-heading">
      <h2 id="everywhere-heading">${this.t('everywhereHeading')}</h2>
      <p id="everywhere-hint">${this.t('everywhereHint')}</p>
      <button class="button button--secondary" type="button" aria-describedby="everywhere-hint" @click=${this.signOutEverywhere}>${this.t('everywhere')}</button>
    </section>`;
  }
}

if (!customElements.get('muni-staff-account')) customElements.define('muni-staff-account', MuniStaffAccount);

declare global {
  interface HTMLElementTagNameMap {
    'muni-staff-account': MuniStaffAccount;
  }
  interface HTMLElementEventMap {
    'muni-staff-language-chosen': StaffLanguageChosenEvent;
  }
}
