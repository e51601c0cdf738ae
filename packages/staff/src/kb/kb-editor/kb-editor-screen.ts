import { css, html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { ContextConsumer } from '@lit/context';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { MuniElement, focusAfterRender } from '@munikit/core';
import { staffContext } from '../../app/staff-context.ts';
import { errorSummary, focusErrorSummary, inlineProblem, problemsFrom, type Problem } from '../../shared/form-problems.ts';
import { EditConflictError, splitList, type ArticleInput, type ArticleText, type KbCategory, type KbLang, type StaffArticle } from '../kb-api.ts';
import { KB_NS } from '../kb.i18n.ts';
import { canEdit, flagList, flagsOf, go, kbApi, kbStyles, sessionCheck } from '../kb-shared.ts';

const LANGS: KbLang[] = ['en', 'fr'];
const PREVIEW_DELAY_MS = 400;

/** One language's fields as typed (keywords as the comma-separated text). */
interface TextForm {
  title: string;
  summary: string;
  body: string;
  keywords: string;
}
/** The whole form as typed; what sessionStorage keeps until it is saved. */
export interface ArticleForm {
  slug: string;
  categoryId: string;
  visibility: 'public' | 'internal';
  serviceCodes: string;
  reviewBy: string;
  en: TextForm;
  fr: TextForm;
}
interface StoredDraft {
  form: ArticleForm;
  /** The version the draft was typed on (undefined for a new article). */
  version: number | undefined;
}

const emptyText = (): TextForm => ({ title: '', summary: '', body: '', keywords: '' });
const textForm = (t: ArticleText | null): TextForm =>
  t ? { title: t.title, summary: t.summary, body: t.body, keywords: t.keywords.join(', ') } : emptyText();

export function formOf(a: StaffArticle): ArticleForm {
  return {
    slug: a.slug,
    categoryId: a.categoryId ?? '',
    visibility: a.visibility,
    serviceCodes: a.serviceCodes.join(', '),
    reviewBy: a.reviewBy ?? '',
    en: textForm(a.en),
    fr: textForm(a.fr),
  };
}

const hasText = (t: TextForm) => [t.title, t.summary, t.body, t.keywords].some((v) => v.trim() !== '');

export function inputOf(f: ArticleForm): ArticleInput {
  const text = (t: TextForm): ArticleText | null =>
    hasText(t) ? { title: t.title.trim(), summary: t.summary.trim(), body: t.body, keywords: splitList(t.keywords) } : null;
  return {
    slug: f.slug.trim(),
    categoryId: f.categoryId || null,
    visibility: f.visibility,
    serviceCodes: f.visibility === 'internal' ? splitList(f.serviceCodes) : [],
    reviewBy: f.reviewBy || null,
    en: text(f.en),
    fr: text(f.fr),
  };
}

const sameForm = (a: ArticleForm, b: ArticleForm) => JSON.stringify(a) === JSON.stringify(b);

/** A slug from a title: lower case, accents folded, words joined by dashes. */
export function slugify(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

/**
 * One article, English and French side by side (stacked on narrow screens): title, summary, Markdown
 * body with a live preview rendered by the server, keywords; slug, category, visibility, service
 * codes, review-by date. Save draft, publish now or later, archive. What is typed stays in
 * sessionStorage until saved; a conflicting save keeps both texts.
 *
 * Opened at `/staff/kb/article?id=ID` (or without id for a new article; `title` and `lang` prefill).
 *
 * @tagname muni-staff-kb-editor
 * @summary The console's knowledge-base article editor.
 */
export class MuniStaffKbEditor extends MuniElement {
  static override i18nNamespace = KB_NS;
  static override styles = [
    ...kbStyles,
    css`
      .languages {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 24em), 1fr));
        gap: 1.5em;
      }
      .languages fieldset {
        border: 1px solid var(--_muni-border);
        border-radius: var(--_muni-radius);
        padding: 0.75em 1em;
        min-width: 0;
      }
      .languages legend {
        padding: 0 0.25em;
        font-size: 1.125em;
      }
      textarea {
        min-height: 14em;
        font-family: ui-monospace, monospace;
      }
      .preview {
        border: 1px dashed var(--_muni-border);
        border-radius: var(--_muni-radius);
        padding: 0 0.75em;
        min-height: 3em;
        overflow-wrap: anywhere;
      }
      .settings {
        max-width: 40em;
      }
      .conflict {
        border: 4px solid var(--_muni-error);
        max-width: none;
      }
      .conflict .versions {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 20em), 1fr));
        gap: 1em;
      }
      .conflict pre,
      .readonly pre {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        font: inherit;
      }
    `,
  ];
  static override properties = {
    ...MuniElement.properties,
    query: { attribute: false },
    article: { state: true, attribute: false },
    categories: { state: true, attribute: false },
    form: { state: true, attribute: false },
    problems: { state: true, attribute: false },
    conflict: { state: true, attribute: false },
    previews: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    loadError: { state: true, attribute: false },
    busy: { state: true, attribute: false },
    publishAt: { state: true, attribute: false },
  };

  /** The console URL's query (from the shell): `id`, or `title` and `lang` for a new article. */
  declare query: URLSearchParams | undefined;
  /** The article as the server last answered (its version is the one a save is based on). */
  declare article: StaffArticle | undefined;
  declare categories: KbCategory[];
  declare form: ArticleForm;
  declare problems: Problem[];
  /** The other person's version after a 409 edit_conflict. */
  declare conflict: StaffArticle | undefined;
  declare previews: Record<KbLang, string>;
  declare notice: string;
  declare loadError: unknown;
  declare busy: boolean;
  declare publishAt: string;
  /** What the form held when last loaded or saved: a difference means unsaved changes. */
  private saved: ArticleForm = this.blankForm();
  private loadedKey = '';
  private readonly previewTimers: Partial<Record<KbLang, ReturnType<typeof setTimeout>>> = {};
  private readonly previewAborts: Partial<Record<KbLang, AbortController>> = {};
  private readonly staff = new ContextConsumer(this, { context: staffContext, subscribe: true });

  private readonly onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (!this.dirty) return;
    e.preventDefault();
    e.returnValue = '';
  };

  /** In-app navigation (the shell's links, our own) asks first when there are unsaved changes. */
  private readonly onLinkClick = (e: MouseEvent) => {
    if (!this.dirty || e.defaultPrevented || e.button !== 0) return;
    const link = e.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement && !!n.href);
    if (!link || link.hasAttribute('download') || new URL(link.href).origin !== location.origin) return;
    if (!confirm(this.t('editor.leaveConfirm'))) {
      e.preventDefault();
      e.stopPropagation();
    } else {
      this.discardLocal();
    }
  };

  constructor() {
    super();
    this.categories = [];
    this.form = this.blankForm();
    this.problems = [];
    this.previews = { en: '', fr: '' };
    this.notice = '';
    this.busy = false;
    this.publishAt = '';
  }

  private blankForm(): ArticleForm {
    return { slug: '', categoryId: '', visibility: 'public', serviceCodes: '', reviewBy: '', en: emptyText(), fr: emptyText() };
  }

  get dirty(): boolean {
    return !sameForm(this.form, this.saved);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeunload', this.onBeforeUnload);
    window.addEventListener('click', this.onLinkClick, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this.onBeforeUnload);
    window.removeEventListener('click', this.onLinkClick, true);
    this.loadedKey = '';
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const key = `${this.staff.value?.town ?? ''}|${this.query?.toString() ?? ''}`;
    if (this.staff.value && key !== this.loadedKey) {
      this.loadedKey = key;
      void this.load();
    }
  }

  private get articleId(): string {
    return this.article?.id ?? this.query?.get('id') ?? '';
  }

  private storageKey(id = this.articleId): string {
    return `munikit-kb-draft:${this.staff.value?.town ?? ''}:${id || 'new'}`;
  }

  private keepLocal(): void {
    try {
      if (this.dirty) sessionStorage.setItem(this.storageKey(), JSON.stringify({ form: this.form, version: this.article?.version } satisfies StoredDraft));
      else sessionStorage.removeItem(this.storageKey());
    } catch {
      /* storage full or blocked: the form still holds the text */
    }
  }

  private discardLocal(id = this.articleId): void {
    try {
      sessionStorage.removeItem(this.storageKey(id));
    } catch {
      /* ignore */
    }
  }

  private storedDraft(): StoredDraft | undefined {
    try {
      const raw = sessionStorage.getItem(this.storageKey());
      return raw ? (JSON.parse(raw) as StoredDraft) : undefined;
    } catch {
      return undefined;
    }
  }

  private async load(): Promise<void> {
    const api = kbApi(this.staff);
    const id = this.query?.get('id') ?? '';
    this.article = undefined;
    this.conflict = undefined;
    this.problems = [];
    this.notice = '';
    this.loadError = undefined;
    this.publishAt = '';
    api.categories().then((c) => (this.categories = c.categories), () => undefined);
    try {
      if (id) {
        this.article = await api.article(id);
        this.saved = formOf(this.article);
      } else {
        this.saved = this.blankForm();
      }
      this.form = structuredClone(this.saved);
      if (!id) {
        // "Write an article" from the insight screen: the resident's words become the title.
        const title = this.query?.get('title') ?? '';
        const lang: KbLang = this.query?.get('lang') === 'fr' ? 'fr' : 'en';
        if (title) this.form = { ...this.form, slug: slugify(title), [lang]: { ...emptyText(), title } };
      }
      const stored = canEdit(this.staff) ? this.storedDraft() : undefined;
      if (stored && !sameForm(stored.form, this.saved)) {
        this.form = stored.form;
        this.notice = this.t('editor.restored');
      }
      for (const l of LANGS) this.schedulePreview(l, 0);
    } catch (error) {
      sessionCheck(this.staff, error);
      this.loadError = error;
    }
  }

  private edit(change: (f: ArticleForm) => ArticleForm): void {
    this.form = change(structuredClone(this.form));
    this.keepLocal();
  }

  private editText(lang: KbLang, field: keyof TextForm, value: string): void {
    this.edit((f) => ({ ...f, [lang]: { ...f[lang], [field]: value } }));
    if (field === 'body') this.schedulePreview(lang, PREVIEW_DELAY_MS);
  }

  /** Asks the server to render the body (the same render and sanitiser as publishing), debounced. */
  private schedulePreview(lang: KbLang, delay: number): void {
    clearTimeout(this.previewTimers[lang]);
    this.previewTimers[lang] = setTimeout(() => void this.preview(lang), delay);
  }

  private async preview(lang: KbLang): Promise<void> {
    const markdown = this.form[lang].body;
    this.previewAborts[lang]?.abort();
    if (!markdown.trim()) {
      this.previews = { ...this.previews, [lang]: '' };
      return;
    }
    const abort = new AbortController();
    this.previewAborts[lang] = abort;
    try {
      const { html: rendered } = await kbApi(this.staff).preview(markdown, abort.signal);
      this.previews = { ...this.previews, [lang]: rendered };
    } catch (error) {
      if (abort.signal.aborted) return;
      sessionCheck(this.staff, error);
      this.previews = { ...this.previews, [lang]: '' };
    }
  }

  /** Problems the browser can see before asking the server. */
  private check(): Problem[] {
    const problems: Problem[] = [];
    const f = this.form;
    if (!f.slug.trim()) problems.push({ id: 'slug', message: this.t('editor.slugRequired') });
    else if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(f.slug.trim())) problems.push({ id: 'slug', message: this.t('editor.slugFormat') });
    if (!hasText(f.en) && !hasText(f.fr)) problems.push({ id: 'en-title', message: this.t('editor.oneLanguage') });
    for (const l of LANGS) {
      if (!hasText(f[l])) continue;
      if (!f[l].title.trim()) problems.push({ id: `${l}-title`, message: this.t(`editor.titleRequired.${l}`) });
      if (!f[l].body.trim()) problems.push({ id: `${l}-body`, message: this.t(`editor.bodyRequired.${l}`) });
    }
    return problems;
  }

  private controlFor(field: string): string | undefined {
    const id = field.replace(/\./g, '-').replace(/-keywords-\d+$/, '-keywords').replace(/^serviceCodes-\d+$/, 'serviceCodes');
    return this.renderRoot.querySelector(`#${CSS.escape(id)}`) ? id : undefined;
  }

  private async fail(error: unknown): Promise<void> {
    sessionCheck(this.staff, error);
    if (error instanceof EditConflictError) {
      this.problems = [];
      this.conflict = error.current;
      await focusAfterRender(this, '#conflict-heading');
      return;
    }
    this.problems = problemsFrom(error, (f) => this.controlFor(f), this.describeError(error));
    await focusErrorSummary(this);
  }

  /** Saves the form as a draft (a new revision for each language whose text changed). */
  async save(): Promise<StaffArticle | undefined> {
    if (this.busy) return undefined;
    this.notice = '';
    const problems = this.check();
    if (problems.length) {
      this.problems = problems;
      await focusErrorSummary(this);
      return undefined;
    }
    this.busy = true;
    const api = kbApi(this.staff);
    const wasNew = !this.article;
    try {
      const saved = this.article ? await api.save(this.article.id, inputOf(this.form), this.article.version) : await api.create(inputOf(this.form));
      if (wasNew) this.discardLocal('');
      this.accept(saved);
      this.notice = this.t('editor.saved');
      if (wasNew) {
        // The address of the new article, so a reload opens it (without loading it again now).
        const query = new URLSearchParams({ id: saved.id });
        this.loadedKey = `${this.staff.value?.town ?? ''}|${query.toString()}`;
        this.query = query;
        history.replaceState(null, '', `/staff/kb/article?${query.toString()}`);
      }
      return saved;
    } catch (error) {
      await this.fail(error);
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  /** The server's answer becomes the base; what was typed since stays (it equals the answer when saved). */
  private accept(article: StaffArticle): void {
    this.article = article;
    this.saved = formOf(article);
    this.form = structuredClone(this.saved);
    this.problems = [];
    this.conflict = undefined;
    this.discardLocal();
  }

  /** After a conflict: keep my text, saved on top of their version. */
  private async keepMine(): Promise<void> {
    const theirs = this.conflict!;
    const mine = this.form;
    this.article = theirs;
    this.saved = formOf(theirs);
    this.form = mine;
    this.conflict = undefined;
    this.keepLocal();
    await this.save();
  }

  /** After a conflict: take their version and drop mine. */
  private takeTheirs(): void {
    this.accept(this.conflict!);
    for (const l of LANGS) this.schedulePreview(l, 0);
    this.notice = this.t('editor.tookTheirs');
    void focusAfterRender(this, '#screen-heading');
  }

  private async publish(scheduled: boolean): Promise<void> {
    this.notice = '';
    let publishAt: string | undefined;
    if (scheduled) {
      const when = new Date(this.publishAt);
      if (!this.publishAt || Number.isNaN(when.getTime())) {
        this.problems = [{ id: 'publish-at', message: this.t('editor.publishAtRequired') }];
        return focusErrorSummary(this);
      }
      publishAt = when.toISOString();
    }
    // Unsaved text is saved first, so what is published is what is on screen.
    const article = this.dirty || !this.article ? await this.save() : this.article;
    if (!article) return;
    this.busy = true;
    try {
      this.accept(await kbApi(this.staff).publish(article.id, article.version, publishAt));
      this.notice = scheduled ? this.t('editor.scheduled', { date: this.formatDate(publishAt!) }) : this.t('editor.published');
    } catch (error) {
      await this.fail(error);
    } finally {
      this.busy = false;
    }
  }

  private async archive(unarchive: boolean): Promise<void> {
    const article = this.article;
    if (!article) return;
    if (this.dirty && !(await this.save())) return;
    this.busy = true;
    try {
      const api = kbApi(this.staff);
      const version = this.article!.version;
      this.accept(unarchive ? await api.unarchive(article.id, version) : await api.archive(article.id, version));
      this.notice = this.t(unarchive ? 'editor.unarchived' : 'editor.archived');
    } catch (error) {
      await this.fail(error);
    } finally {
      this.busy = false;
    }
  }

  private submit(e: Event): void {
    e.preventDefault();
    void this.save();
  }

  override render() {
    const editor = canEdit(this.staff);
    const a = this.article;
    const heading = a ? this.t(editor ? 'editor.headingEdit' : 'editor.headingView', { title: this.displayTitle() }) : this.t('editor.headingNew');
    const revisions = a ? `/staff/kb/revisions?id=${encodeURIComponent(a.id)}` : '';
    return html`<div lang=${this.uiLang}>
      <p class="no-print"><a href="/staff/kb" @click=${(e: MouseEvent) => go(this.staff, e, '/staff/kb')}>${this.t('editor.back')}</a></p>
      <h1 id="screen-heading" tabindex="-1">${heading}</h1>
      ${this.loadError
        ? html`<div class="notice notice--error" role="alert"><p>${this.describeError(this.loadError)}</p></div>`
        : html`${a ? this.renderStatus(a) : nothing}
          ${revisions ? html`<p><a href=${revisions} @click=${(e: MouseEvent) => go(this.staff, e, revisions)}>${this.t('editor.revisions')}</a></p>` : nothing}
          ${errorSummary(this, this.problems, this.t('errorSummaryTitle'))}
          <p role="status" class=${this.notice ? 'notice' : 'visually-hidden'}>${this.notice}</p>
          ${this.conflict ? this.renderConflict(this.conflict) : nothing}
          ${this.query?.get('id') && !a ? html`<p>${this.t('loading')}</p>` : editor ? this.renderForm() : this.renderReadOnly()}`}
    </div>`;
  }

  private displayTitle(): string {
    const f = this.form;
    return (this.uiLang === 'fr' ? f.fr.title || f.en.title : f.en.title || f.fr.title) || f.slug;
  }

  private renderStatus(a: StaffArticle) {
    const missing = LANGS.filter((l) => !hasText(this.form[l]));
    const flags = flagsOf({ ...a, missing }).filter((f) => f !== 'unpublishedChanges' || !this.dirty);
    return html`<dl class="status">
      <dt>${this.t('editor.statusLabel')}</dt>
      <dd>${this.t(`status.${a.status}`)}${a.publishAt ? html` — ${this.t('editor.publishAtLabel', { date: this.formatDate(a.publishAt) })}` : nothing}</dd>
      <dt>${this.t('editor.publishedLabel')}</dt>
      <dd>${LANGS.map((l) => {
        const p = a.published[l];
        return p ? this.t('editor.publishedOn', { lang: this.t(`lang.${l}`), date: this.formatDate(p.publishedAt) }) : this.t('editor.notPublished', { lang: this.t(`lang.${l}`) });
      }).join('; ')}</dd>
      <dt>${this.t('editor.versionLabel')}</dt>
      <dd>${this.t('editor.versionValue', { version: a.version, date: this.formatDate(a.updatedAt), name: a.updatedByName ?? '—' })}</dd>
      ${flags.length || this.dirty ? html`<dt>${this.t('editor.flagsLabel')}</dt>
        <dd>${flagList(this, flags)}${this.dirty ? html`<span class="flag">${this.t('editor.unsaved')}</span>` : nothing}</dd>` : nothing}
    </dl>`;
  }

  private field(id: string, label: string, control: (p: ReturnType<typeof inlineProblem>) => unknown, hint?: string) {
    const p = inlineProblem(this.problems, id, this.t('errorPrefix'));
    return html`<div class=${p.fieldClass}>
      <label for=${id}>${label}</label>
      ${hint ? html`<span class="hint" id="${id}-hint">${hint}</span>` : nothing}
      ${p.message}
      ${control(p)}
    </div>`;
  }

  private describedBy(p: ReturnType<typeof inlineProblem>, id: string, hint: boolean): string | typeof nothing {
    const ids = [hint ? `${id}-hint` : '', p.describedBy ?? ''].filter(Boolean).join(' ');
    return ids || nothing;
  }

  private renderLanguage(lang: KbLang) {
    const t = this.form[lang];
    const missing = !hasText(t);
    const input = (field: 'title' | 'summary' | 'keywords', label: string, hint?: string) =>
      this.field(`${lang}-${field}`, label, (p) => html`<input id="${lang}-${field}" lang=${lang} .value=${t[field]}
        aria-invalid=${p.invalid} aria-describedby=${this.describedBy(p, `${lang}-${field}`, !!hint)}
        @input=${(e: Event) => this.editText(lang, field, (e.target as HTMLInputElement).value)} />`, hint);
    return html`<fieldset id="lang-${lang}" aria-describedby=${missing ? `missing-${lang}` : nothing}>
      <legend>${this.t(`lang.${lang}`)}</legend>
      ${missing ? html`<p class="notice notice--error" id="missing-${lang}"><strong>${this.t(`editor.missing.${lang}`)}</strong> ${this.t('editor.missingHint')}</p>` : nothing}
      ${input('title', this.t('editor.title'))}
      ${input('summary', this.t('editor.summary'))}
      ${this.field(`${lang}-body`, this.t('editor.body'), (p) => html`<textarea id="${lang}-body" lang=${lang} .value=${t.body}
        aria-invalid=${p.invalid} aria-describedby=${this.describedBy(p, `${lang}-body`, true)}
        @input=${(e: Event) => this.editText(lang, 'body', (e.target as HTMLTextAreaElement).value)}></textarea>`, this.t('editor.bodyHint'))}
      <div>
        <p class="label" id="preview-${lang}-heading"><strong>${this.t('editor.preview')}</strong></p>
        <div class="preview" id="preview-${lang}" lang=${lang} role="group" aria-labelledby="preview-${lang}-heading">${this.previews[lang] ? unsafeHTML(this.previews[lang]) : html`<p>${this.t('editor.previewEmpty')}</p>`}</div>
      </div>
      ${input('keywords', this.t('editor.keywords'), this.t('editor.keywordsHint'))}
    </fieldset>`;
  }

  private renderForm() {
    const f = this.form;
    const a = this.article;
    return html`<form novalidate @submit=${this.submit}>
        <div class="languages">${LANGS.map((l) => this.renderLanguage(l))}</div>
        <div class="settings">
          <h2>${this.t('editor.settings')}</h2>
          ${this.field('slug', this.t('editor.slug'), (p) => html`<input id="slug" spellcheck="false" .value=${f.slug}
            aria-invalid=${p.invalid} aria-describedby=${this.describedBy(p, 'slug', true)}
            @input=${(e: Event) => this.edit((x) => ({ ...x, slug: (e.target as HTMLInputElement).value }))} />`, this.t('editor.slugHint'))}
          ${this.field('categoryId', this.t('editor.category'), (p) => html`<select id="categoryId" aria-invalid=${p.invalid} aria-describedby=${p.describedBy ?? nothing}
            @change=${(e: Event) => this.edit((x) => ({ ...x, categoryId: (e.target as HTMLSelectElement).value }))}>
            <option value="" ?selected=${!f.categoryId}>${this.t('list.noCategory')}</option>
            ${this.categories.map((c) => html`<option value=${c.id} ?selected=${c.id === f.categoryId}>${this.uiLang === 'fr' ? c.nameFr : c.nameEn}</option>`)}
          </select>`)}
          <fieldset id="visibility">
            <legend>${this.t('editor.visibility')}</legend>
            ${(['public', 'internal'] as const).map((v) => html`<div class="choice">
              <input type="radio" id="visibility-${v}" name="visibility" value=${v} .checked=${f.visibility === v}
                @change=${() => this.edit((x) => ({ ...x, visibility: v }))} />
              <label for="visibility-${v}">${this.t(`visibility.${v}`)} — ${this.t(`visibilityHint.${v}`)}</label>
            </div>`)}
          </fieldset>
          ${f.visibility === 'internal'
            ? this.field('serviceCodes', this.t('editor.serviceCodes'), (p) => html`<input id="serviceCodes" spellcheck="false" .value=${f.serviceCodes}
                aria-invalid=${p.invalid} aria-describedby=${this.describedBy(p, 'serviceCodes', true)}
                @input=${(e: Event) => this.edit((x) => ({ ...x, serviceCodes: (e.target as HTMLInputElement).value }))} />`, this.t('editor.serviceCodesHint'))
            : nothing}
          ${this.field('reviewBy', this.t('editor.reviewBy'), (p) => html`<input id="reviewBy" type="date" .value=${f.reviewBy}
            aria-invalid=${p.invalid} aria-describedby=${this.describedBy(p, 'reviewBy', true)}
            @input=${(e: Event) => this.edit((x) => ({ ...x, reviewBy: (e.target as HTMLInputElement).value }))} />`, this.t('editor.reviewByHint'))}
          <div class="actions">
            <button class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.t('editor.save')}</button>
          </div>
        </div>
      </form>
      <section class="panel" aria-labelledby="publish-heading">
        <h2 id="publish-heading">${this.t('editor.publishHeading')}</h2>
        <p>${this.t('editor.publishIntro')}</p>
        <div class="actions">
          <button class="button" type="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => !this.busy && this.publish(false)}>${this.t('editor.publishNow')}</button>
        </div>
        ${this.field('publish-at', this.t('editor.publishAt'), (p) => html`<input id="publish-at" type="datetime-local" .value=${this.publishAt}
          aria-invalid=${p.invalid} aria-describedby=${p.describedBy ?? nothing}
          @input=${(e: Event) => (this.publishAt = (e.target as HTMLInputElement).value)} />`)}
        <div class="actions">
          <button class="button button--secondary" type="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => !this.busy && this.publish(true)}>${this.t('editor.schedule')}</button>
          ${a && a.status !== 'archived'
            ? html`<button class="button button--secondary" type="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => !this.busy && this.archive(false)}>${this.t('editor.archive')}</button>`
            : nothing}
          ${a?.status === 'archived'
            ? html`<button class="button button--secondary" type="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => !this.busy && this.archive(true)}>${this.t('editor.unarchive')}</button>`
            : nothing}
        </div>
      </section>`;
  }

  private renderText(lang: KbLang, text: TextForm, idPrefix: string) {
    return hasText(text)
      ? html`<div lang=${lang}>
          <h4 id="${idPrefix}-${lang}">${this.t(`lang.${lang}`)}</h4>
          <p><strong>${this.t('editor.title')}:</strong> ${text.title}</p>
          <p><strong>${this.t('editor.summary')}:</strong> ${text.summary}</p>
          <pre aria-labelledby="${idPrefix}-${lang}">${text.body}</pre>
          <p><strong>${this.t('editor.keywords')}:</strong> ${text.keywords}</p>
        </div>`
      : html`<p><strong>${this.t(`editor.missing.${lang}`)}</strong></p>`;
  }

  private renderConflict(theirs: StaffArticle) {
    const other = formOf(theirs);
    return html`<section class="panel conflict" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading" tabindex="-1">${this.t('editor.conflictHeading')}</h2>
      <p>${this.t('editor.conflictIntro', { name: theirs.updatedByName ?? this.t('editor.someone'), date: this.formatDate(theirs.updatedAt), version: theirs.version })}</p>
      <div class="versions">
        <section aria-labelledby="theirs-heading">
          <h3 id="theirs-heading">${this.t('editor.theirs')}</h3>
          ${LANGS.map((l) => this.renderText(l, other[l], 'theirs'))}
        </section>
        <section aria-labelledby="mine-heading">
          <h3 id="mine-heading">${this.t('editor.mine')}</h3>
          ${LANGS.map((l) => this.renderText(l, this.form[l], 'mine'))}
        </section>
      </div>
      <div class="actions">
        <button class="button" type="button" id="keep-mine" @click=${this.keepMine}>${this.t('editor.keepMine')}</button>
        <button class="button button--secondary" type="button" id="take-theirs" @click=${this.takeTheirs}>${this.t('editor.takeTheirs')}</button>
      </div>
    </section>`;
  }

  /** Agents and viewers: the article as staff read it (the preview is the server's rendering). */
  private renderReadOnly() {
    const f = this.form;
    return html`<div class="readonly languages">
      ${LANGS.map((l) => html`<section aria-labelledby="read-${l}" lang=${l}>
        <h2 id="read-${l}">${this.t(`lang.${l}`)}</h2>
        ${hasText(f[l])
          ? html`<h3>${f[l].title}</h3><p>${f[l].summary}</p>
            ${this.previews[l] ? html`<div class="preview">${unsafeHTML(this.previews[l])}</div>` : html`<pre>${f[l].body}</pre>`}`
          : html`<p class="notice notice--error"><strong>${this.t(`editor.missing.${l}`)}</strong></p>`}
      </section>`)}
    </div>`;
  }
}

if (!customElements.get('muni-staff-kb-editor')) customElements.define('muni-staff-kb-editor', MuniStaffKbEditor);

declare global {
  interface HTMLElementTagNameMap {
    'muni-staff-kb-editor': MuniStaffKbEditor;
  }
}
