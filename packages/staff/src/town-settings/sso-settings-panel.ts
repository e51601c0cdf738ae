import { html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { Task, initialState } from '@lit/task';
import { ApiError, MuniElement } from '@munikit/core';
import { staffContext } from '../app/staff-context.ts';
import { errorSummary, focusErrorSummary, inlineProblem, problemsFrom, type Problem } from '../shared/form-problems.ts';
import { screenStyles } from '../shared/screen.styles.ts';
import { ROLE_ORDER, StaffApi, type Role, type SsoSettings } from '../shared/staff-api.ts';
import { SSO_SETTINGS_NS } from './sso-settings-panel.i18n.ts';

interface Draft {
  enabled: boolean;
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  allowedDomains: string;
  defaultRole: Role;
}

const controlFor = (field: string): string | undefined =>
  field.startsWith('allowedDomains')
    ? 'sso-domains'
    : ({ name: 'sso-name', issuer: 'sso-issuer', clientId: 'sso-client-id', clientSecret: 'sso-client-secret', defaultRole: 'sso-role' } as Record<string, string>)[field];

/**
 * A town's single sign-on provider (OpenID Connect) in town settings. The client secret is
 * write-only: the server says whether one is saved, never what it is.
 *
 * @tagname muni-staff-sso-settings
 * @summary Town settings: single sign-on.
 */
export class MuniStaffSsoSettings extends MuniElement {
  static override i18nNamespace = SSO_SETTINGS_NS;
  static override styles = screenStyles;
  static override properties = {
    ...MuniElement.properties,
    draft: { state: true, attribute: false },
    problems: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    busy: { state: true, attribute: false },
  };

  declare draft: Draft | undefined;
  declare problems: Problem[];
  declare notice: string;
  declare busy: boolean;
  private readonly staff = new ContextConsumer(this, { context: staffContext, subscribe: true });

  private readonly settings = new Task(this, {
    task: async ([town]: readonly [string]) => {
      if (!town) return initialState;
      const s = await this.staffApi().ssoSettings(town);
      this.draft = this.draftOf(s);
      this.problems = [];
      return s;
    },
    args: () => [this.staff.value?.town ?? ''] as const,
  });

  constructor() {
    super();
    this.problems = [];
    this.notice = '';
    this.busy = false;
  }

  private draftOf(s: SsoSettings): Draft {
    return { enabled: s.configured ? s.enabled : true, name: s.name, issuer: s.issuer, clientId: s.clientId, clientSecret: '', allowedDomains: s.allowedDomains.join('\n'), defaultRole: s.defaultRole };
  }

  private staffApi(): StaffApi {
    const ctx = this.staff.value!;
    return new StaffApi(ctx.client, ctx.session.csrfToken);
  }

  private async save(e: Event, current: SsoSettings): Promise<void> {
    e.preventDefault();
    if (this.busy || !this.draft) return;
    const d = this.draft;
    const domains = d.allowedDomains.split(/[\s,]+/).map((x) => x.trim()).filter(Boolean);
    const problems: Problem[] = [];
    if (!d.name.trim()) problems.push({ id: 'sso-name', message: this.t('nameRequired') });
    if (!d.issuer.trim()) problems.push({ id: 'sso-issuer', message: this.t('issuerRequired') });
    if (!d.clientId.trim()) problems.push({ id: 'sso-client-id', message: this.t('clientIdRequired') });
    if (!d.clientSecret && !current.clientSecretSet) problems.push({ id: 'sso-client-secret', message: this.t('clientSecretRequired') });
    if (domains.length === 0) problems.push({ id: 'sso-domains', message: this.t('domainsRequired') });
    this.problems = problems;
    this.notice = '';
    if (problems.length) return focusErrorSummary(this);
    this.busy = true;
    try {
      const saved = await this.staffApi().saveSsoSettings(this.staff.value!.town, {
        enabled: d.enabled,
        name: d.name.trim(),
        issuer: d.issuer.trim(),
        clientId: d.clientId.trim(),
        ...(d.clientSecret ? { clientSecret: d.clientSecret } : {}),
        allowedDomains: domains,
        defaultRole: d.defaultRole,
      });
      Object.assign(current, saved);
      this.draft = this.draftOf(saved);
      this.notice = this.t('saved');
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.staff.value?.sessionExpired();
      this.problems = problemsFrom(error, controlFor, this.describeError(error));
      await focusErrorSummary(this);
    } finally {
      this.busy = false;
    }
  }

  private set<K extends keyof Draft>(key: K, value: Draft[K]): void {
    this.draft = { ...this.draft!, [key]: value };
  }

  override render() {
    return html`<section class="panel" lang=${this.uiLang} aria-labelledby="sso-heading">
      <h2 id="sso-heading">${this.t('heading')}</h2>
      <p>${this.t('intro')}</p>
      ${errorSummary(this, this.problems, this.t('errorSummaryTitle'))}
      <p role="status" class=${this.notice ? 'notice' : 'visually-hidden'}>${this.notice}</p>
      ${this.settings.render({
        initial: () => html`<p>${this.t('loading')}</p>`,
        pending: () => html`<p>${this.t('loading')}</p>`,
        complete: (s) => (this.draft ? this.renderForm(s, this.draft) : nothing),
        error: (error) => html`<div class="notice notice--error" role="alert">
          <p>${this.describeError(error)}</p>
          <button class="button button--secondary" type="button" @click=${() => this.settings.run()}>${this.t('retry')}</button>
        </div>`,
      })}
    </section>`;
  }

  private field(id: string, label: string, value: string, onInput: (v: string) => void, opts: { hint?: string; type?: string; autocomplete?: string } = {}) {
    const p = inlineProblem(this.problems, id, this.t('errorPrefix'));
    const describedBy = [opts.hint ? `${id}-hint` : '', p.describedBy ?? ''].filter(Boolean).join(' ');
    return html`<div class=${p.fieldClass}>
      <label for=${id}>${label}</label>
      ${opts.hint ? html`<span class="hint" id="${id}-hint">${opts.hint}</span>` : nothing}
      ${p.message}
      <input id=${id} type=${opts.type ?? 'text'} .value=${value} autocomplete=${opts.autocomplete ?? 'off'} spellcheck="false"
        aria-invalid=${p.invalid} aria-describedby=${describedBy || nothing}
        @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)} />
    </div>`;
  }

  private renderForm(s: SsoSettings, d: Draft) {
    const domains = inlineProblem(this.problems, 'sso-domains', this.t('errorPrefix'));
    return html`<p>${this.t('redirectUri')}: <code>${s.redirectUri}</code></p>
      <form novalidate @submit=${(e: Event) => this.save(e, s)}>
        <div class="choice">
          <input type="checkbox" id="sso-enabled" .checked=${d.enabled} @change=${(e: Event) => this.set('enabled', (e.target as HTMLInputElement).checked)} />
          <label for="sso-enabled">${this.t('enabled')}</label>
        </div>
        ${this.field('sso-name', this.t('name'), d.name, (v) => this.set('name', v), { hint: this.t('nameHint') })}
        ${this.field('sso-issuer', this.t('issuer'), d.issuer, (v) => this.set('issuer', v), { hint: this.t('issuerHint'), type: 'url' })}
        ${this.field('sso-client-id', this.t('clientId'), d.clientId, (v) => this.set('clientId', v))}
        ${this.field('sso-client-secret', this.t('clientSecret'), d.clientSecret, (v) => this.set('clientSecret', v), {
          hint: s.clientSecretSet ? this.t('clientSecretKept') : this.t('clientSecretHint'),
          type: 'password',
          autocomplete: 'new-password',
        })}
        <div class=${domains.fieldClass}>
          <label for="sso-domains">${this.t('allowedDomains')}</label>
          <span class="hint" id="sso-domains-hint">${this.t('allowedDomainsHint')}</span>
          ${domains.message}
          <textarea id="sso-domains" rows="3" spellcheck="false" .value=${d.allowedDomains} aria-invalid=${domains.invalid}
            aria-describedby=${['sso-domains-hint', domains.describedBy].filter(Boolean).join(' ')}
            @input=${(e: Event) => this.set('allowedDomains', (e.target as HTMLTextAreaElement).value)}></textarea>
        </div>
        <div class="field">
          <label for="sso-role">${this.t('defaultRole')}</label>
          <select id="sso-role" @change=${(e: Event) => this.set('defaultRole', (e.target as HTMLSelectElement).value as Role)}>
            ${ROLE_ORDER.map((r) => html`<option value=${r} ?selected=${d.defaultRole === r}>${this.t(`role_${r}`)}</option>`)}
          </select>
        </div>
        <button class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? this.t('saving') : this.t('save')}</button>
      </form>`;
  }
}

if (!customElements.get('muni-staff-sso-settings')) customElements.define('muni-staff-sso-settings', MuniStaffSsoSettings);

declare global {
  interface HTMLElementTagNameMap {
    'muni-staff-sso-settings': MuniStaffSsoSettings;
  }
}
