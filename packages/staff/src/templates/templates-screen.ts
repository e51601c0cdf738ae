import { css, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { Task, initialState } from '@lit/task';
import { ApiError, MuniElement, focusAfterRender } from '@munikit/core';
import { staffContext } from '../app/staff-context.ts';
import { dataTable } from '../shared/data-table.ts';
import { errorSummary, focusErrorSummary, inlineProblem, problemsFrom, type Problem } from '../shared/form-problems.ts';
import { screenStyles } from '../shared/screen.styles.ts';
import { TargetsApi, type ResponseTemplate, type ServiceTarget, type TemplateDraft } from '../targets/targets-api.ts';
import { TEMPLATES_NS } from './templates-screen.i18n.ts';

const EMPTY: TemplateDraft = { serviceCode: null, name: '', textEn: '', textFr: '' };
const FIELD_CONTROLS: Record<string, string> = { name: 'tpl-name', serviceCode: 'tpl-service', textEn: 'tpl-text-en', textFr: 'tpl-text-fr' };

/**
 * Response templates: the list (with the missing language flagged), add, edit and delete; each for
 * one service or every service, with an English and a French text.
 *
 * @tagname muni-staff-templates
 * @summary The console's response templates screen (administrators).
 */
export class MuniStaffTemplates extends MuniElement {
  static override i18nNamespace = TEMPLATES_NS;
  static override styles = [
    ...screenStyles,
    css`
      .missing {
        display: inline-block;
        padding: 0 0.4em;
        border: 2px solid var(--_muni-error);
        border-radius: var(--_muni-radius);
        color: var(--_muni-error);
        font-weight: 700;
      }
      td.en,
      td.fr {
        min-width: 14em;
        white-space: pre-line;
      }
      textarea {
        min-height: 6em;
      }
    `,
  ];
  static override properties = {
    ...MuniElement.properties,
    draft: { state: true, attribute: false },
    editing: { state: true, attribute: false },
    problems: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    busy: { state: true, attribute: false },
  };

  declare draft: TemplateDraft;
  /** The template being edited; undefined when the form adds one. */
  declare editing: ResponseTemplate | undefined;
  declare problems: Problem[];
  declare notice: string;
  declare busy: boolean;
  private readonly staff = new ContextConsumer(this, { context: staffContext, subscribe: true });

  private readonly data = new Task(this, {
    task: async ([town]: readonly [string]) => {
      if (!town) return initialState;
      const [t, s] = await Promise.all([this.calls().templates(town), this.calls().targets(town)]);
      return { templates: t.templates, services: s.services };
    },
    args: () => [this.staff.value?.town ?? ''] as const,
  });

  constructor() {
    super();
    this.draft = { ...EMPTY };
    this.problems = [];
    this.notice = '';
    this.busy = false;
  }

  private calls(): TargetsApi {
    const ctx = this.staff.value!;
    return new TargetsApi(ctx.client, ctx.session.csrfToken);
  }

  private serviceName(code: string | null, services: ServiceTarget[]): string {
    if (code === null) return this.t('anyService');
    const s = services.find((x) => x.code === code);
    return s ? s.name[this.uiLang] || s.code : code;
  }

  private async failed(error: unknown): Promise<void> {
    if (error instanceof ApiError && error.status === 401) this.staff.value?.sessionExpired();
    this.problems = problemsFrom(error, (f) => FIELD_CONTROLS[f], this.describeError(error));
    await focusErrorSummary(this);
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    this.notice = '';
    const d: TemplateDraft = { serviceCode: this.draft.serviceCode, name: this.draft.name.trim(), textEn: this.draft.textEn?.trim() || null, textFr: this.draft.textFr?.trim() || null };
    const problems: Problem[] = [];
    if (!d.name) problems.push({ id: 'tpl-name', message: this.t('nameRequired') });
    if (!d.textEn && !d.textFr) problems.push({ id: 'tpl-text-en', message: this.t('textRequired') });
    this.problems = problems;
    if (problems.length) return focusErrorSummary(this);
    this.busy = true;
    try {
      const town = this.staff.value!.town;
      const saved = this.editing ? await this.calls().changeTemplate(town, this.editing.id, d) : await this.calls().createTemplate(town, d);
      this.notice = this.t(this.editing ? 'changed' : 'created', { name: saved.name });
      this.editing = undefined;
      this.draft = { ...EMPTY };
      await this.data.run();
      await focusAfterRender(this, '#templates-notice');
    } catch (error) {
      await this.failed(error);
    } finally {
      this.busy = false;
    }
  }

  private async startEdit(t: ResponseTemplate): Promise<void> {
    this.editing = t;
    this.draft = { serviceCode: t.serviceCode, name: t.name, textEn: t.textEn ?? '', textFr: t.textFr ?? '' };
    this.problems = [];
    this.notice = '';
    await focusAfterRender(this, '#form-heading');
  }

  private cancelEdit(): void {
    this.editing = undefined;
    this.draft = { ...EMPTY };
    this.problems = [];
  }

  private async removeTemplate(t: ResponseTemplate): Promise<void> {
    if (!confirm(this.t('removeConfirm', { name: t.name }))) return;
    try {
      await this.calls().removeTemplate(this.staff.value!.town, t.id);
      if (this.editing?.id === t.id) this.cancelEdit();
      this.problems = [];
      this.notice = this.t('removed', { name: t.name });
      await this.data.run();
      await focusAfterRender(this, '#templates-notice');
    } catch (error) {
      await this.failed(error);
    }
  }

  override render() {
    const ctx = this.staff.value;
    const town = ctx ? (ctx.townNames[ctx.town]?.[this.uiLang] ?? ctx.town) : '';
    return html`<div lang=${this.uiLang}>
      <h1 id="screen-heading" tabindex="-1">${this.t('heading')}</h1>
      <p>${this.t('intro', { town })}</p>
      ${errorSummary(this, this.problems, this.t('errorSummaryTitle'))}
      <p id="templates-notice" tabindex="-1" role="status" class=${this.notice ? 'notice' : 'visually-hidden'}>${this.notice}</p>
      ${this.data.render({
        initial: () => html`<p>${this.t('loading')}</p>`,
        pending: () => html`<p>${this.t('loading')}</p>`,
        complete: ({ templates, services }) => html`${this.renderTable(templates, services)} ${this.renderForm(services)}`,
        error: (error) => html`<div class="notice notice--error" role="alert">
          <p>${this.describeError(error)}</p>
          <button class="button button--secondary" type="button" @click=${() => this.data.run()}>${this.t('retry')}</button>
        </div>`,
      })}
    </div>`;
  }

  private text(value: string | null, lang: 'en' | 'fr') {
    return value
      ? html`<span lang=${lang}>${value}</span>`
      : html`<span class="missing">${this.t('missing')}</span> <span class="visually-hidden">${this.t(lang === 'en' ? 'missingEn' : 'missingFr')}</span>`;
  }

  private renderTable(templates: ResponseTemplate[], services: ServiceTarget[]) {
    return dataTable<ResponseTemplate>({
      id: 'templates',
      caption: this.t('caption', { count: templates.length }),
      rows: templates,
      rowKey: (t) => t.id,
      columns: [
        { key: 'name', label: this.t('col.name'), cell: (t) => t.name },
        { key: 'service', label: this.t('col.service'), cell: (t) => this.serviceName(t.serviceCode, services) },
        { key: 'en', label: this.t('col.en'), cell: (t) => this.text(t.textEn, 'en') },
        { key: 'fr', label: this.t('col.fr'), cell: (t) => this.text(t.textFr, 'fr') },
        {
          key: 'actions',
          label: this.t('col.actions'),
          cell: (t) => html`<div class="actions">
            <button class="link-button" type="button" aria-label=${this.t('edit', { name: t.name })} @click=${() => this.startEdit(t)}>${this.t('editShort')}</button>
            <button class="link-button" type="button" aria-label=${this.t('remove', { name: t.name })} @click=${() => this.removeTemplate(t)}>${this.t('removeShort')}</button>
          </div>`,
        },
      ],
    });
  }

  private renderForm(services: ServiceTarget[]) {
    const d = this.draft;
    const name = inlineProblem(this.problems, 'tpl-name', this.t('errorPrefix'));
    const service = inlineProblem(this.problems, 'tpl-service', this.t('errorPrefix'));
    const en = inlineProblem(this.problems, 'tpl-text-en', this.t('errorPrefix'));
    const fr = inlineProblem(this.problems, 'tpl-text-fr', this.t('errorPrefix'));
    const oneLanguage = Boolean(d.textEn?.trim()) !== Boolean(d.textFr?.trim());
    const area = (id: string, label: string, lang: 'en' | 'fr', value: string, p: typeof en, set: (v: string) => void) => html`<div class=${p.fieldClass}>
      <label for=${id}>${label}</label>
      ${p.message}
      <textarea id=${id} lang=${lang} rows="4" .value=${value} aria-invalid=${p.invalid}
        aria-describedby=${[p.describedBy, oneLanguage && !value.trim() ? 'one-language' : ''].filter(Boolean).join(' ') || nothing}
        @input=${(e: Event) => set((e.target as HTMLTextAreaElement).value)}></textarea>
    </div>`;
    return html`<section class="panel" aria-labelledby="form-heading">
      <h2 id="form-heading" tabindex="-1">${this.editing ? this.t('editHeading', { name: this.editing.name }) : this.t('newHeading')}</h2>
      <form novalidate @submit=${this.save}>
        <div class=${name.fieldClass}>
          <label for="tpl-name">${this.t('name')}</label>
          <span class="hint" id="tpl-name-hint">${this.t('nameHint')}</span>
          ${name.message}
          <input id="tpl-name" type="text" autocomplete="off" .value=${d.name} aria-invalid=${name.invalid}
            aria-describedby=${['tpl-name-hint', name.describedBy].filter(Boolean).join(' ')}
            @input=${(e: Event) => (this.draft = { ...this.draft, name: (e.target as HTMLInputElement).value })} />
        </div>
        <div class=${service.fieldClass}>
          <label for="tpl-service">${this.t('service')}</label>
          ${service.message}
          <select id="tpl-service" aria-invalid=${service.invalid} aria-describedby=${service.describedBy ?? nothing}
            @change=${(e: Event) => (this.draft = { ...this.draft, serviceCode: (e.target as HTMLSelectElement).value || null })}>
            <option value="" ?selected=${d.serviceCode === null}>${this.t('anyService')}</option>
            ${services.map((s) => html`<option value=${s.code} ?selected=${d.serviceCode === s.code}>${s.name[this.uiLang] || s.code}</option>`)}
          </select>
        </div>
        ${area('tpl-text-en', this.t('textEn'), 'en', d.textEn ?? '', en, (v) => (this.draft = { ...this.draft, textEn: v }))}
        ${area('tpl-text-fr', this.t('textFr'), 'fr', d.textFr ?? '', fr, (v) => (this.draft = { ...this.draft, textFr: v }))}
        <p id="one-language" class=${oneLanguage ? 'hint' : 'visually-hidden'}>${oneLanguage ? this.t('oneLanguage') : ''}</p>
        <div class="actions">
          <button class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.editing ? this.t('saveChanges') : this.t('add')}</button>
          ${this.editing ? html`<button class="button button--secondary" type="button" @click=${this.cancelEdit}>${this.t('cancel')}</button>` : nothing}
        </div>
      </form>
    </section>`;
  }
}

if (!customElements.get('muni-staff-templates')) customElements.define('muni-staff-templates', MuniStaffTemplates);

declare global {
  interface HTMLElementTagNameMap {
    'muni-staff-templates': MuniStaffTemplates;
  }
}
