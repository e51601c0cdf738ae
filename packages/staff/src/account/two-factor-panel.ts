import { html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, MuniElement, focusAfterRender } from '@munikit/core';
import { staffContext } from '../app/staff-context.ts';
import { errorSummary, focusErrorSummary, inlineProblem, problemsFrom, type Problem } from '../shared/form-problems.ts';
import { screenStyles } from '../shared/screen.styles.ts';
import { StaffApi, type TotpEnrolment, type TotpStatus } from '../shared/staff-api.ts';
import { TWO_FACTOR_NS } from './two-factor-panel.i18n.ts';

/**
 * Two-factor sign-in on "My account": set up an authenticator app (QR code and key, confirmed by a
 * first code), see the recovery codes once, turn it off with a code or the password.
 *
 * @tagname muni-staff-two-factor
 * @summary The account's two-factor sign-in (TOTP).
 */
export class MuniStaffTwoFactor extends MuniElement {
  static override i18nNamespace = TWO_FACTOR_NS;
  static override styles = screenStyles;
  static override properties = {
    ...MuniElement.properties,
    status: { state: true, attribute: false },
    enrolment: { state: true, attribute: false },
    recoveryCodes: { state: true, attribute: false },
    problems: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    busy: { state: true, attribute: false },
    failed: { state: true, attribute: false },
  };

  declare status: TotpStatus | undefined;
  declare enrolment: TotpEnrolment | undefined;
  declare recoveryCodes: string[];
  declare problems: Problem[];
  declare notice: string;
  declare busy: boolean;
  declare failed: string;
  private code = '';
  private disableCode = '';
  private password = '';
  private readonly staff = new ContextConsumer(this, { context: staffContext, subscribe: true });

  constructor() {
    super();
    this.status = undefined;
    this.enrolment = undefined;
    this.recoveryCodes = [];
    this.problems = [];
    this.notice = '';
    this.busy = false;
    this.failed = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private staffApi(): StaffApi | undefined {
    const ctx = this.staff.value;
    return ctx ? new StaffApi(ctx.client, ctx.session.csrfToken) : undefined;
  }

  async load(): Promise<void> {
    await this.updateComplete;
    const api = this.staffApi();
    if (!api) return;
    this.failed = '';
    try {
      this.status = await api.totpStatus();
    } catch (error) {
      this.failed = this.describeError(error);
    }
  }

  private async attempt(call: (api: StaffApi) => Promise<void>, controlFor: (field: string) => string | undefined): Promise<void> {
    const api = this.staffApi();
    if (!api || this.busy) return;
    this.busy = true;
    this.notice = '';
    try {
      await call(api);
      this.problems = [];
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return this.staff.value?.sessionExpired();
      this.problems = problemsFrom(error, controlFor, this.describeError(error));
      await focusErrorSummary(this);
    } finally {
      this.busy = false;
    }
  }

  private start(): Promise<void> {
    return this.attempt(async (api) => {
      this.enrolment = await api.startTotp();
      await focusAfterRender(this, '#totp-heading');
    }, () => undefined);
  }

  private async confirm(e: Event): Promise<void> {
    e.preventDefault();
    if (!this.code.trim()) {
      this.problems = [{ id: 'totp-code', message: this.t('codeRequired') }];
      return focusErrorSummary(this);
    }
    await this.attempt(async (api) => {
      const { recoveryCodes } = await api.confirmTotp(this.code.trim());
      this.code = '';
      this.enrolment = undefined;
      this.recoveryCodes = recoveryCodes;
      this.notice = this.t('enabledNotice');
      this.status = await api.totpStatus();
      await focusAfterRender(this, '#recovery-heading');
    }, (f) => (f === 'code' ? 'totp-code' : undefined));
  }

  private async disable(e: Event): Promise<void> {
    e.preventDefault();
    const code = this.disableCode.trim();
    if (!code && !this.password) {
      this.problems = [{ id: 'disable-code', message: this.t('proofRequired') }];
      return focusErrorSummary(this);
    }
    await this.attempt(async (api) => {
      await api.disableTotp(code ? { code } : { password: this.password });
      this.disableCode = '';
      this.password = '';
      this.recoveryCodes = [];
      this.notice = this.t('disabledNotice');
      this.status = await api.totpStatus();
    }, (f) => (f === 'code' ? 'disable-code' : f === 'password' ? 'disable-password' : undefined));
  }

  override render() {
    return html`<section class="panel" lang=${this.uiLang} aria-labelledby="totp-heading">
      <h2 id="totp-heading" tabindex="-1">${this.t('heading')}</h2>
      ${errorSummary(this, this.problems, this.t('errorSummaryTitle'))}
      <p role="status" class=${this.notice ? 'notice' : 'visually-hidden'}>${this.notice}</p>
      ${this.failed
        ? html`<div class="notice notice--error" role="alert">
            <p>${this.failed}</p>
            <button class="button button--secondary" type="button" @click=${() => this.load()}>${this.t('retry')}</button>
          </div>`
        : !this.status
          ? html`<p>${this.t('loading')}</p>`
          : this.recoveryCodes.length
            ? this.renderRecoveryCodes()
            : this.status.enabled
              ? this.renderOn(this.status)
              : this.enrolment
                ? this.renderEnrolment(this.enrolment)
                : this.renderOff(this.status)}
    </section>`;
  }

  private renderOff(status: TotpStatus) {
    return html`<p>${this.t('off')}</p>
      ${status.required ? html`<p class="notice"><strong>${this.t('required')}</strong></p>` : nothing}
      <button class="button" type="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this.start}>${this.t('start')}</button>`;
  }

  private renderEnrolment(e: TotpEnrolment) {
    const code = inlineProblem(this.problems, 'totp-code', this.t('errorPrefix'));
    return html`<p>${this.t('scan')}</p>
      <img src=${e.qrCode} alt=${this.t('qrAlt')} width="200" height="200" />
      <p>${this.t('key')}: <code>${e.secret.replace(/(.{4})/g, '$1 ').trim()}</code></p>
      <form novalidate @submit=${this.confirm}>
        <div class=${code.fieldClass}>
          <label for="totp-code">${this.t('code')}</label>
          <span class="hint" id="totp-code-hint">${this.t('codeHint')}</span>
          ${code.message}
          <input id="totp-code" type="text" inputmode="numeric" autocomplete="one-time-code" spellcheck="false" .value=${this.code}
            aria-invalid=${code.invalid} aria-describedby=${['totp-code-hint', code.describedBy].filter(Boolean).join(' ')}
            @input=${(ev: Event) => (this.code = (ev.target as HTMLInputElement).value)} />
        </div>
        <button class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.t('confirm')}</button>
      </form>`;
  }

  private renderRecoveryCodes() {
    return html`<h3 id="recovery-heading" tabindex="-1">${this.t('recoveryHeading')}</h3>
      <p>${this.t('recoveryHint')}</p>
      <ul class="recovery-codes">
        ${this.recoveryCodes.map((c) => html`<li><code>${c}</code></li>`)}
      </ul>
      <button class="button" type="button" @click=${() => (this.recoveryCodes = [])}>${this.t('saved')}</button>`;
  }

  private renderOn(status: TotpStatus) {
    const code = inlineProblem(this.problems, 'disable-code', this.t('errorPrefix'));
    const password = inlineProblem(this.problems, 'disable-password', this.t('errorPrefix'));
    return html`<p>${this.t('on')} ${this.t('codesLeft', { count: status.recoveryCodesLeft })}</p>
      <form novalidate @submit=${this.disable} aria-labelledby="disable-heading">
        <h3 id="disable-heading">${this.t('disableHeading')}</h3>
        <p id="disable-hint">${this.t('disableHint')}</p>
        <div class=${code.fieldClass}>
          <label for="disable-code">${this.t('disableCode')}</label>
          ${code.message}
          <input id="disable-code" type="text" autocomplete="one-time-code" spellcheck="false" .value=${this.disableCode}
            aria-invalid=${code.invalid} aria-describedby=${['disable-hint', code.describedBy].filter(Boolean).join(' ')}
            @input=${(ev: Event) => (this.disableCode = (ev.target as HTMLInputElement).value)} />
        </div>
        ${status.hasPassword
          ? html`<div class=${password.fieldClass}>
              <label for="disable-password">${this.t('password')}</label>
              ${password.message}
              <input id="disable-password" type="password" autocomplete="current-password" .value=${this.password}
                aria-invalid=${password.invalid} aria-describedby=${password.describedBy ?? nothing}
                @input=${(ev: Event) => (this.password = (ev.target as HTMLInputElement).value)} />
            </div>`
          : nothing}
        <button class="button button--secondary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.t('disable')}</button>
      </form>`;
  }
}

if (!customElements.get('muni-staff-two-factor')) customElements.define('muni-staff-two-factor', MuniStaffTwoFactor);

declare global {
  interface HTMLElementTagNameMap {
    'muni-staff-two-factor': MuniStaffTwoFactor;
  }
}
