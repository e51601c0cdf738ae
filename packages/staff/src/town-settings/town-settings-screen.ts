import { html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { Task, initialState } from '@lit/task';
import { ApiError, MuniElement } from '@munikit/core';
import type { Lang } from '@munikit/core';
import { staffContext } from '../app/staff-context.ts';
import { errorSummary, focusErrorSummary, inlineProblem, problemsFrom, type Problem } from '../shared/form-problems.ts';
import { screenStyles } from '../shared/screen.styles.ts';
import { StaffApi, type TownSettings } from '../shared/staff-api.ts';
import { TOWN_SETTINGS_NS } from './town-settings-screen.i18n.ts';
import './sso-settings-panel.ts';

type Draft = Omit<TownSettings, 'id' | 'siteOrigins' | 'trackerUrl' | 'retentionMonths'> & { siteOrigins: string; trackerUrl: string; retentionMonths: string };

const toDraft = (s: TownSettings): Draft => ({ ...s, siteOrigins: s.siteOrigins.join('\n'), trackerUrl: s.trackerUrl ?? '', retentionMonths: String(s.retentionMonths ?? 12) });

/** Server field names → this screen's controls (`siteOrigins.2` → the origins box). */
function controlFor(field: string): string | undefined {
  if (field.startsWith('name.en')) return 'name-en';
  if (field.startsWith('name.fr')) return 'name-fr';
  if (field.startsWith('siteOrigins')) return 'site-origins';
  if (field.startsWith('languages')) return 'languages-en';
  return { defaultLanguage: 'default-language', referencePrefix: 'reference-prefix', timezone: 'timezone', trackerUrl: 'tracker-url', retentionMonths: 'retention-months' }[field];
}

/**
 * A town's own settings: names, languages, the websites allowed to embed the widgets, the reference
 * prefix and the time zone.
 *
 * @tagname muni-staff-town-settings
 * @summary The console's town settings screen (administrators).
 */
export class MuniStaffTownSettings extends MuniElement {
  static override i18nNamespace = TOWN_SETTINGS_NS;
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
  private readonly timezones: string[] = Intl.supportedValuesOf?.('timeZone') ?? [];

  private readonly settings = new Task(this, {
    task: async ([town]: readonly [string]) => {
      if (!town) return initialState;
      const s = await this.staffApi().settings(town);
      // What the clerk types is kept across a failed save; a fresh load (another town) starts over.
      this.draft = toDraft(s);
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

  private staffApi(): StaffApi {
    const ctx = this.staff.value!;
    return new StaffApi(ctx.client, ctx.session.csrfToken);
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy || !this.draft) return;
    const d = this.draft;
    const problems: Problem[] = [];
    if (!d.name.en.trim()) problems.push({ id: 'name-en', message: this.t('nameRequired') });
    if (!d.name.fr.trim()) problems.push({ id: 'name-fr', message: this.t('nameRequired') });
    if (d.languages.length === 0) problems.push({ id: 'languages-en', message: this.t('languageRequired') });
    const months = Number(d.retentionMonths.trim());
    if (!/^\d+$/.test(d.retentionMonths.trim()) || months < 1 || months > 120) problems.push({ id: 'retention-months', message: this.t('retentionInvalid') });
    this.problems = problems;
    this.notice = '';
    if (problems.length) return focusErrorSummary(this);
    this.busy = true;
    try {
      const saved = await this.staffApi().changeSettings(this.staff.value!.town, {
        name: { en: d.name.en.trim(), fr: d.name.fr.trim() },
        languages: d.languages,
        defaultLanguage: d.defaultLanguage,
        siteOrigins: d.siteOrigins.split(/\s+/).map((o) => o.trim()).filter(Boolean),
        referencePrefix: d.referencePrefix.trim(),
        timezone: d.timezone.trim(),
        trackerUrl: d.trackerUrl.trim() || null,
        retentionMonths: months,
        ...(d.requireTwoFactor !== undefined ? { requireTwoFactor: d.requireTwoFactor } : {}),
      });
      this.draft = toDraft(saved);
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
    return html`<div lang=${this.uiLang}>
      <h1 id="screen-heading" tabindex="-1">${this.t('heading')}</h1>
      ${errorSummary(this, this.problems, this.t('errorSummaryTitle'))}
      <p role="status" class=${this.notice ? 'notice' : 'visually-hidden'}>${this.notice}</p>
      ${this.settings.render({
        initial: () => html`<p>${this.t('loading')}</p>`,
        pending: () => html`<p>${this.t('loading')}</p>`,
        complete: () =>
          this.draft ? html`${this.renderForm(this.draft)} <muni-staff-sso-settings lang=${this.uiLang}></muni-staff-sso-settings>` : nothing,
        error: (error) => html`<div class="notice notice--error" role="alert">
          <p>${this.describeError(error)}</p>
          <button class="button button--secondary" type="button" @click=${() => this.settings.run()}>${this.t('retry')}</button>
        </div>`,
      })}
    </div>`;
  }

  private text(id: string, label: string, value: string, onInput: (v: string) => void, opts: { hint?: string; list?: string; autocomplete?: string; inputmode?: string } = {}) {
    const p = inlineProblem(this.problems, id, this.t('errorPrefix'));
    const describedBy = [opts.hint ? `${id}-hint` : '', p.describedBy ?? ''].filter(Boolean).join(' ');
    return html`<div class=${p.fieldClass}>
      <label for=${id}>${label}</label>
      ${opts.hint ? html`<span class="hint" id="${id}-hint">${opts.hint}</span>` : nothing}
      ${p.message}
      <input id=${id} type="text" .value=${value} list=${opts.list ?? nothing} inputmode=${opts.inputmode ?? nothing} autocomplete=${opts.autocomplete ?? 'off'}
        aria-invalid=${p.invalid} aria-describedby=${describedBy || nothing}
        @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)} />
    </div>`;
  }

  private renderForm(d: Draft) {
    const origins = inlineProblem(this.problems, 'site-origins', this.t('errorPrefix'));
    const languages = inlineProblem(this.problems, 'languages-en', this.t('errorPrefix'));
    const toggle = (l: Lang, on: boolean) => this.set('languages', on ? [...new Set([...d.languages, l])] : d.languages.filter((x) => x !== l));
    return html`<form novalidate @submit=${this.save}>
      ${this.text('name-en', this.t('nameEn'), d.name.en, (v) => this.set('name', { ...d.name, en: v }))}
      ${this.text('name-fr', this.t('nameFr'), d.name.fr, (v) => this.set('name', { ...d.name, fr: v }))}
      <fieldset class=${languages.fieldClass} aria-describedby=${languages.describedBy ?? nothing}>
        <legend>${this.t('languages')}</legend>
        ${languages.message}
        ${(['en', 'fr'] as const).map(
          (l) => html`<div class="choice">
            <input type="checkbox" id="languages-${l}" .checked=${d.languages.includes(l)} aria-invalid=${languages.invalid}
              @change=${(e: Event) => toggle(l, (e.target as HTMLInputElement).checked)} />
            <label for="languages-${l}">${this.t(l === 'en' ? 'english' : 'french')}</label>
          </div>`,
        )}
      </fieldset>
      <div class=${inlineProblem(this.problems, 'default-language', '').fieldClass}>
        <label for="default-language">${this.t('defaultLanguage')}</label>
        <span class="hint" id="default-language-hint">${this.t('defaultLanguageHint')}</span>
        ${inlineProblem(this.problems, 'default-language', this.t('errorPrefix')).message}
        <select id="default-language" aria-describedby="default-language-hint"
          @change=${(e: Event) => this.set('defaultLanguage', (e.target as HTMLSelectElement).value as Lang)}>
          ${(['en', 'fr'] as const).map((l) => html`<option value=${l} ?selected=${d.defaultLanguage === l}>${this.t(l === 'en' ? 'english' : 'french')}</option>`)}
        </select>
      </div>
      <div class=${origins.fieldClass}>
        <label for="site-origins">${this.t('siteOrigins')}</label>
        <span class="hint" id="site-origins-hint">${this.t('siteOriginsHint')}</span>
        ${origins.message}
        <textarea id="site-origins" rows="4" spellcheck="false" .value=${d.siteOrigins}
          aria-invalid=${origins.invalid} aria-describedby=${['site-origins-hint', origins.describedBy].filter(Boolean).join(' ')}
          @input=${(e: Event) => this.set('siteOrigins', (e.target as HTMLTextAreaElement).value)}></textarea>
      </div>
      ${this.text('reference-prefix', this.t('referencePrefix'), d.referencePrefix, (v) => this.set('referencePrefix', v), { hint: this.t('referencePrefixHint') })}
      ${this.text('timezone', this.t('timezone'), d.timezone, (v) => this.set('timezone', v), { hint: this.t('timezoneHint'), list: 'timezones' })}
      ${this.text('tracker-url', this.t('trackerUrl'), d.trackerUrl, (v) => this.set('trackerUrl', v), { hint: this.t('trackerUrlHint'), autocomplete: 'url' })}
      ${this.text('retention-months', this.t('retentionMonths'), d.retentionMonths, (v) => this.set('retentionMonths', v), { hint: this.t('retentionMonthsHint'), inputmode: 'numeric' })}
      <datalist id="timezones">${this.timezones.filter((z) => z.startsWith('America/')).map((z) => html`<option value=${z}></option>`)}</datalist>
      <div class="choice">
        <input type="checkbox" id="require-two-factor" .checked=${d.requireTwoFactor ?? false} aria-describedby="require-two-factor-hint"
          @change=${(e: Event) => this.set('requireTwoFactor', (e.target as HTMLInputElement).checked)} />
        <label for="require-two-factor">${this.t('requireTwoFactor')}</label>
      </div>
      <p class="hint" id="require-two-factor-hint">${this.t('requireTwoFactorHint')}</p>
      <button class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? this.t('saving') : this.t('save')}</button>
    </form>`;
  }
}

if (!customElements.get('muni-staff-town-settings')) customElements.define('muni-staff-town-settings', MuniStaffTownSettings);

declare global {
  interface HTMLElementTagNameMap {
    'muni-staff-town-settings': MuniStaffTownSettings;
  }
}
