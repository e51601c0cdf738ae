import { html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { Task, initialState } from '@lit/task';
import { ApiError, MuniElement, focusAfterRender } from '@munikit/core';
import { staffContext } from '../app/staff-context.ts';
import { dataTable } from '../shared/data-table.ts';
import { errorSummary, focusErrorSummary, inlineProblem, problemsFrom, type Problem } from '../shared/form-problems.ts';
import { screenStyles } from '../shared/screen.styles.ts';
import { StaffApi, type ApiKey, type NewApiKey } from '../shared/staff-api.ts';
import { API_KEYS_NS } from './api-keys-screen.i18n.ts';

/**
 * A town's Open311 API keys: make one (shown once), see who uses which, revoke.
 *
 * @tagname muni-staff-api-keys
 * @summary The console's API keys screen (administrators).
 */
export class MuniStaffApiKeys extends MuniElement {
  static override i18nNamespace = API_KEYS_NS;
  static override styles = screenStyles;
  static override properties = {
    ...MuniElement.properties,
    made: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    problems: { state: true, attribute: false },
    busy: { state: true, attribute: false },
  };

  /** The key just made: the only moment it can be copied. */
  declare made: NewApiKey | undefined;
  declare notice: string;
  declare problems: Problem[];
  declare busy: boolean;
  private name = '';
  private readonly staff = new ContextConsumer(this, { context: staffContext, subscribe: true });

  private readonly keys = new Task(this, {
    task: async ([town]: readonly [string]) => (town ? (await this.staffApi().apiKeys(town)).keys : initialState),
    args: () => [this.staff.value?.town ?? ''] as const,
  });

  constructor() {
    super();
    this.notice = '';
    this.problems = [];
    this.busy = false;
  }

  private staffApi(): StaffApi {
    const ctx = this.staff.value!;
    return new StaffApi(ctx.client, ctx.session.csrfToken);
  }

  private townName(): string {
    const ctx = this.staff.value;
    return ctx ? (ctx.townNames[ctx.town]?.[this.uiLang] ?? ctx.town) : '';
  }

  private async make(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    this.notice = '';
    if (!this.name.trim()) {
      this.problems = [{ id: 'key-name', message: this.t('nameRequired') }];
      return focusErrorSummary(this);
    }
    this.busy = true;
    try {
      this.made = await this.staffApi().createApiKey(this.staff.value!.town, this.name.trim());
      this.name = '';
      this.problems = [];
      await this.keys.run();
      await focusAfterRender(this, '#made-heading');
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.staff.value?.sessionExpired();
      this.problems = problemsFrom(error, (f) => (f === 'name' ? 'key-name' : undefined), this.describeError(error));
      await focusErrorSummary(this);
    } finally {
      this.busy = false;
    }
  }

  private async revoke(key: ApiKey): Promise<void> {
    if (!confirm(this.t('revokeConfirm', { name: key.name }))) return;
    try {
      await this.staffApi().revokeApiKey(this.staff.value!.town, key.id);
      this.notice = this.t('revokedNotice', { name: key.name });
      if (this.made?.id === key.id) this.made = undefined;
      await this.keys.run();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.staff.value?.sessionExpired();
      this.problems = problemsFrom(error, () => undefined, this.describeError(error));
      await focusErrorSummary(this);
    }
  }

  override render() {
    return html`<div lang=${this.uiLang}>
      <h1 id="screen-heading" tabindex="-1">${this.t('heading')}</h1>
      <p>${this.t('intro', { town: this.townName() })}</p>
      ${errorSummary(this, this.problems, this.t('errorSummaryTitle'))}
      <p role="status" class=${this.notice ? 'notice' : 'visually-hidden'}>${this.notice}</p>
      ${this.made ? this.renderMade(this.made) : nothing}
      ${this.keys.render({
        initial: () => html`<p>${this.t('loading')}</p>`,
        pending: () => html`<p>${this.t('loading')}</p>`,
        complete: (keys) => this.renderTable(keys),
        error: (error) => html`<div class="notice notice--error" role="alert">
          <p>${this.describeError(error)}</p>
          <button class="button button--secondary" type="button" @click=${() => this.keys.run()}>${this.t('retry')}</button>
        </div>`,
      })}
      ${this.renderMake()}
    </div>`;
  }

  private renderMade(made: NewApiKey) {
    return html`<section class="panel" aria-labelledby="made-heading">
      <h2 id="made-heading" tabindex="-1">${this.t('madeHeading', { name: made.name })}</h2>
      <p>${this.t('madeNotice')}</p>
      <div class="field">
        <label for="made-key">${this.t('keyLabel')}</label>
        <input id="made-key" type="text" readonly spellcheck="false" .value=${made.key} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
      </div>
    </section>`;
  }

  private renderTable(keys: ApiKey[]) {
    return dataTable<ApiKey>({
      id: 'keys',
      caption: this.t('caption', { count: keys.length }),
      rows: keys,
      rowKey: (k) => k.id,
      columns: [
        { key: 'name', label: this.t('col.name'), cell: (k) => k.name },
        { key: 'created', label: this.t('col.created'), cell: (k) => html`<time datetime=${k.createdAt}>${this.formatDate(k.createdAt, false)}</time>` },
        { key: 'state', label: this.t('col.state'), cell: (k) => (k.revokedAt ? this.t('revoked', { date: this.formatDate(k.revokedAt, false) }) : this.t('active')) },
        {
          key: 'actions',
          label: this.t('col.actions'),
          cell: (k) =>
            k.revokedAt
              ? ''
              : html`<button class="link-button" type="button" aria-label=${this.t('revoke', { name: k.name })} @click=${() => this.revoke(k)}>${this.t('revokeShort')}</button>`,
        },
      ],
    });
  }

  private renderMake() {
    const name = inlineProblem(this.problems, 'key-name', this.t('errorPrefix'));
    return html`<section class="panel" aria-labelledby="make-heading">
      <h2 id="make-heading">${this.t('makeHeading')}</h2>
      <form novalidate @submit=${this.make}>
        <div class=${name.fieldClass}>
          <label for="key-name">${this.t('name')}</label>
          <span class="hint" id="key-name-hint">${this.t('nameHint')}</span>
          ${name.message}
          <input id="key-name" type="text" autocomplete="off" .value=${this.name} aria-invalid=${name.invalid}
            aria-describedby=${['key-name-hint', name.describedBy].filter(Boolean).join(' ')}
            @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)} />
        </div>
        <button class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.t('make')}</button>
      </form>
    </section>`;
  }
}

if (!customElements.get('muni-staff-api-keys')) customElements.define('muni-staff-api-keys', MuniStaffApiKeys);

declare global {
  interface HTMLElementTagNameMap {
    'muni-staff-api-keys': MuniStaffApiKeys;
  }
}
