import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { ContextConsumer } from '@lit/context';
import { Task, initialState } from '@lit/task';
import { styleMap } from 'lit/directives/style-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { MuniElement } from '@munikit/core';
import type { KbCategory, Lang, Service } from '@munikit/core';
import { staffContext } from '../app/staff-context.ts';
import { screenStyles } from '../shared/screen.styles.ts';
import { AA_TEXT, AA_UI, contrastRatio, formatRatio } from './contrast.ts';
import { THEME_COLOURS, snippet, type EmbedOptions, type EmbedTag, type ThemeColour } from './snippet.ts';
import { EMBED_NS } from './embed-builder-screen.i18n.ts';
import { embedBuilderStyles } from './embed-builder-screen.styles.ts';
import { services as fetchServices } from '@munikit/core/services-api';

const TAGS: EmbedTag[] = ['muni-kb-search', 'muni-request-form', 'muni-request-status'];
/** The widgets' own defaults where the page decides (text and background): the usual black on white. */
const DEFAULTS: Record<ThemeColour, string> = {
  '--muni-color-primary': '#1d4f91',
  '--muni-color-on-primary': '#ffffff',
  '--muni-color-text': '#1b1b1b',
  '--muni-color-background': '#ffffff',
};
const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** The element's code, loaded when it is first previewed (the same chunks munikit.js loads). */
const loaders: Record<EmbedTag, () => Promise<unknown>> = {
  'muni-kb-search': () => import('@munikit/kb-search/define'),
  'muni-request-form': () => import('@munikit/request-form/define'),
  'muni-request-status': () => import('@munikit/request-status/define'),
};

interface ContrastCheck {
  key: 'text' | 'button' | 'link' | 'ui';
  ratio: number;
  needed: number;
}

/**
 * The embed builder: a webmaster's snippet for one widget, with its options and colours, the real
 * widget previewed live, and a warning when the colours fail WCAG AA contrast.
 *
 * @tagname muni-staff-embed-builder
 * @summary The console's "Embed a widget" screen (administrators).
 */
export class MuniStaffEmbedBuilder extends MuniElement {
  static override i18nNamespace = EMBED_NS;
  static override styles = [...screenStyles, embedBuilderStyles];
  static override properties = {
    ...MuniElement.properties,
    tag: { state: true, attribute: false },
    chosenTown: { state: true, attribute: false },
    widgetLang: { state: true, attribute: false },
    category: { state: true, attribute: false },
    service: { state: true, attribute: false },
    colours: { state: true, attribute: false },
    copyStatus: { state: true, attribute: false },
    previewReady: { state: true, attribute: false },
  };

  declare tag: EmbedTag;
  declare chosenTown: string;
  declare widgetLang: '' | Lang;
  declare category: string;
  declare service: string;
  /** What was typed in each colour field (valid or not). */
  declare colours: Partial<Record<ThemeColour, string>>;
  declare copyStatus: string;
  declare previewReady: boolean;
  private readonly staff = new ContextConsumer(this, { context: staffContext, subscribe: true });

  private readonly choices = new Task(this, {
    task: async ([town, lang]: readonly [string, Lang]) => {
      if (!town) return initialState;
      const client = this.staff.value!.client;
      const [categories, services] = await Promise.all([
        client.get<{ categories: KbCategory[] }>(`/towns/${encodeURIComponent(town)}/kb/categories`, { lang }).then((r) => r.categories),
        fetchServices(client, town, lang),
      ]);
      return { categories, services };
    },
    args: () => [this.town_(), this.uiLang] as const,
  });

  constructor() {
    super();
    this.tag = 'muni-kb-search';
    this.chosenTown = '';
    this.widgetLang = '';
    this.category = '';
    this.service = '';
    this.colours = {};
    this.copyStatus = '';
    this.previewReady = false;
  }

  /** The town the snippet is for: the one chosen here, else the one the console works on. */
  private town_(): string {
    return this.chosenTown || this.staff.value?.town || '';
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('tag')) {
      this.previewReady = !!customElements.get(this.tag);
      if (!this.previewReady) {
        const tag = this.tag;
        void loaders[tag]().then(() => {
          if (this.tag === tag) this.previewReady = true;
        });
      }
    }
  }

  /** The colours that are valid hex colours; the others are shown as errors and left out. */
  private validColours(): Partial<Record<ThemeColour, string>> {
    const valid: Partial<Record<ThemeColour, string>> = {};
    for (const c of THEME_COLOURS) {
      const v = this.colours[c]?.trim();
      if (v && HEX.test(v)) valid[c] = v.toLowerCase();
    }
    return valid;
  }

  private options(): EmbedOptions {
    return {
      tag: this.tag,
      server: location.origin,
      town: this.town_(),
      lang: this.widgetLang,
      category: this.category,
      service: this.service,
      colours: this.validColours(),
    };
  }

  private contrastChecks(): ContrastCheck[] {
    const c = { ...DEFAULTS, ...this.validColours() };
    const primary = c['--muni-color-primary'];
    const background = c['--muni-color-background'];
    const checks: [ContrastCheck['key'], string, string, number][] = [
      ['text', c['--muni-color-text'], background, AA_TEXT],
      ['button', c['--muni-color-on-primary'], primary, AA_TEXT],
      ['link', primary, background, AA_TEXT],
      ['ui', primary, background, AA_UI],
    ];
    return checks.map(([key, a, b, needed]) => ({ key, ratio: contrastRatio(a, b) ?? 21, needed }));
  }

  private async copy(): Promise<void> {
    const code = snippet(this.options());
    try {
      await navigator.clipboard.writeText(code);
      this.copyStatus = this.t('copied');
    } catch {
      const area = this.renderRoot.querySelector<HTMLTextAreaElement>('#embed-code');
      area?.focus();
      area?.select();
      this.copyStatus = this.t('copyFailed');
    }
  }

  override render() {
    const ctx = this.staff.value;
    if (!ctx) return nothing;
    const checks = this.contrastChecks();
    const failing = checks.filter((c) => c.ratio < c.needed).length;
    return html`
      <h1 id="embed-heading">${this.t('heading')}</h1>
      <p>${this.t('intro')}</p>
      <div class="builder">
        <form class="options" novalidate @submit=${(e: Event) => e.preventDefault()}>
          ${this.renderElementChoice()} ${this.renderTownAndLanguage(ctx.session.towns.map((t) => t.id), ctx.townNames)}
          ${this.renderElementOptions()} ${this.renderColours()}
        </form>
        <div class="results">
          <section aria-labelledby="contrast-heading">
            <h2 id="contrast-heading">${this.t('contrastHeading')}</h2>
            <p class="hint">${this.t('contrastIntro')}</p>
            <div role="status">
              ${failing > 0 ? html`<div class="notice notice--error" id="contrast-warning"><p>${this.t('contrastWarning', { count: failing })}</p></div>` : nothing}
            </div>
            <ul class="checks">
              ${checks.map(
                (c) => html`<li class=${c.ratio < c.needed ? 'check check--fail' : 'check'} data-check=${c.key}>
                  <span>${this.t(`pair.${c.key}`)}</span>
                  <span>${this.t('ratio', { ratio: formatRatio(c.ratio, this.locale), needed: formatRatio(c.needed, this.locale) })}</span>
                  <strong>${c.ratio < c.needed ? this.t('fail') : this.t('pass')}</strong>
                </li>`,
              )}
            </ul>
          </section>
          <section aria-labelledby="preview-heading">
            <h2 id="preview-heading">${this.t('previewHeading')}</h2>
            <p class="hint">${this.t('previewHint')}</p>
            <div class="preview" id="preview">${this.previewReady ? this.renderPreview() : nothing}</div>
          </section>
          <section aria-labelledby="code-heading">
            <h2 id="code-heading">${this.t('codeHeading')}</h2>
            <div class="field">
              <label for="embed-code">${this.t('codeLabel')}</label>
              <span class="hint" id="embed-code-hint">${this.t('codeHint')}</span>
              <textarea id="embed-code" readonly spellcheck="false" rows="8" aria-describedby="embed-code-hint" .value=${snippet(this.options())}></textarea>
            </div>
            <div class="actions">
              <button class="button" type="button" @click=${() => void this.copy()}>${this.t('copy')}</button>
              <span role="status" class="copy-status">${this.copyStatus}</span>
            </div>
          </section>
        </div>
      </div>
    `;
  }

  private renderElementChoice(): TemplateResult {
    return html`<fieldset>
      <legend>${this.t('element')}</legend>
      ${TAGS.map(
        (tag) => html`<label class="choice">
          <input type="radio" name="element" value=${tag} .checked=${this.tag === tag} @change=${() => this.choose({ tag })} />
          ${this.t(`elements.${tag}`)}
        </label>`,
      )}
    </fieldset>`;
  }

  private renderTownAndLanguage(towns: string[], names: Record<string, { en: string; fr: string }>): TemplateResult {
    const town = this.town_();
    return html`
      ${towns.length > 1
        ? html`<div class="field">
            <label for="embed-town">${this.t('town')}</label>
            <select id="embed-town" @change=${(e: Event) => this.choose({ chosenTown: (e.target as HTMLSelectElement).value, category: '', service: '' })}>
              ${towns.map((id) => html`<option value=${id} ?selected=${id === town}>${names[id]?.[this.uiLang] ?? id}</option>`)}
            </select>
          </div>`
        : nothing}
      <div class="field">
        <label for="embed-lang">${this.t('lang')}</label>
        <span class="hint" id="embed-lang-hint">${this.t('langHint')}</span>
        <select id="embed-lang" aria-describedby="embed-lang-hint" @change=${(e: Event) => this.choose({ widgetLang: (e.target as HTMLSelectElement).value as '' | Lang })}>
          ${(['', 'en', 'fr'] as const).map((l) => html`<option value=${l} ?selected=${l === this.widgetLang}>${this.t(`langs.${l || 'page'}`)}</option>`)}
        </select>
      </div>
    `;
  }

  private renderElementOptions(): TemplateResult | typeof nothing {
    const loaded = this.choices.value;
    const categories: KbCategory[] = loaded?.categories ?? [];
    const services: Service[] = loaded?.services ?? [];
    if (this.tag === 'muni-kb-search') {
      return html`<div class="field">
        <label for="embed-category">${this.t('category')}</label>
        <span class="hint" id="embed-category-hint">${this.t('categoryHint')}</span>
        <select id="embed-category" aria-describedby="embed-category-hint" @change=${(e: Event) => this.choose({ category: (e.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${!this.category}>${this.t('allCategories')}</option>
          ${categories.map((c) => html`<option value=${c.slug} ?selected=${c.slug === this.category}>${c.name}</option>`)}
        </select>
      </div>`;
    }
    if (this.tag === 'muni-request-form') {
      return html`<div class="field">
        <label for="embed-service">${this.t('service')}</label>
        <span class="hint" id="embed-service-hint">${this.t('serviceHint')}</span>
        <select id="embed-service" aria-describedby="embed-service-hint" @change=${(e: Event) => this.choose({ service: (e.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${!this.service}>${this.t('noService')}</option>
          ${services.map((s) => html`<option value=${s.code} ?selected=${s.code === this.service}>${s.name}</option>`)}
        </select>
      </div>`;
    }
    return nothing;
  }

  private renderColours(): TemplateResult {
    return html`<fieldset>
      <legend>${this.t('coloursLegend')}</legend>
      <p class="hint" id="colours-hint">${this.t('coloursHint')}</p>
      ${THEME_COLOURS.map((c) => {
        const value = this.colours[c] ?? '';
        const invalid = value.trim() !== '' && !HEX.test(value.trim());
        const id = `colour${c.slice('--muni-color'.length)}`;
        return html`<div class="field colour ${invalid ? 'field--error' : ''}">
          <label for=${id}>${this.t(`colour.${c}`)}</label>
          ${invalid ? html`<span class="error-message" id="${id}-error"><span class="visually-hidden">${this.t('errorPrefix')}</span> ${this.t('colourInvalid')}</span>` : nothing}
          <span class="colour-row">
            <input id=${id} type="text" inputmode="text" autocomplete="off" spellcheck="false" placeholder=${this.t('colourPlaceholder')}
              aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${ifDefined(invalid ? `${id}-error colours-hint` : 'colours-hint')}
              .value=${value} @input=${(e: Event) => this.choose({ colours: { ...this.colours, [c]: (e.target as HTMLInputElement).value } })} />
            <span class="swatch" aria-hidden="true" style=${styleMap({ background: HEX.test(value.trim()) ? value.trim() : DEFAULTS[c] })}></span>
          </span>
        </div>`;
      })}
    </fieldset>`;
  }

  /** The real element, with the chosen attributes and colours (set through the CSSOM, which the console's CSP allows). */
  private renderPreview(): TemplateResult {
    const o = this.options();
    const style = styleMap(o.colours);
    const lang = o.lang || undefined;
    // Keyed by the options that an element reads once, so a change shows a fresh element.
    switch (o.tag) {
      case 'muni-kb-search':
        return html`<muni-kb-search town=${o.town} lang=${ifDefined(lang)} category=${ifDefined(o.category || undefined)} style=${style}></muni-kb-search>`;
      case 'muni-request-form':
        return html`<muni-request-form town=${o.town} lang=${ifDefined(lang)} service=${ifDefined(o.service || undefined)} style=${style}></muni-request-form>`;
      default:
        return html`<muni-request-status town=${o.town} lang=${ifDefined(lang)} style=${style}></muni-request-status>`;
    }
  }

  private choose(change: Partial<Pick<MuniStaffEmbedBuilder, 'tag' | 'chosenTown' | 'widgetLang' | 'category' | 'service' | 'colours'>>): void {
    Object.assign(this, change);
    this.copyStatus = '';
  }
}

if (!customElements.get('muni-staff-embed-builder')) customElements.define('muni-staff-embed-builder', MuniStaffEmbedBuilder);

declare global {
  interface HTMLElementTagNameMap {
    'muni-staff-embed-builder': MuniStaffEmbedBuilder;
  }
}
