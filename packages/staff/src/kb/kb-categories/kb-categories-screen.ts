import { html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { Task, initialState } from '@lit/task';
import { ApiError, MuniElement, focusAfterRender } from '@munikit/core';
import { staffContext } from '../../app/staff-context.ts';
import { dataTable } from '../../shared/data-table.ts';
import { errorSummary, focusErrorSummary, inlineProblem, problemsFrom, type Problem } from '../../shared/form-problems.ts';
import type { KbCategory } from '../kb-api.ts';
import { KB_NS } from '../kb.i18n.ts';
import { canEdit, kbApi, kbStyles, sessionCheck } from '../kb-shared.ts';

interface CategoryForm {
  nameEn: string;
  nameFr: string;
  slugEn: string;
  slugFr: string;
  sort: string;
}
const blank = (): CategoryForm => ({ nameEn: '', nameFr: '', slugEn: '', slugFr: '', sort: '' });

/**
 * The knowledge base's categories: names and slugs in both languages, their order, how many articles
 * each holds. Editors and administrators add, rename, reorder and delete; others read.
 *
 * @tagname muni-staff-kb-categories
 * @summary The console's knowledge-base categories.
 */
export class MuniStaffKbCategories extends MuniElement {
  static override i18nNamespace = KB_NS;
  static override styles = kbStyles;
  static override properties = {
    ...MuniElement.properties,
    editing: { state: true, attribute: false },
    form: { state: true, attribute: false },
    problems: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    busy: { state: true, attribute: false },
  };

  /** The category being renamed, or 'new' for the add form. */
  declare editing: KbCategory | 'new';
  declare form: CategoryForm;
  declare problems: Problem[];
  declare notice: string;
  declare busy: boolean;
  private readonly staff = new ContextConsumer(this, { context: staffContext, subscribe: true });

  private readonly data = new Task(this, {
    task: async ([town]: readonly [string]) => {
      if (!town || !this.staff.value) return initialState;
      try {
        const { categories } = await kbApi(this.staff).categories();
        return [...categories].sort((a, b) => a.sort - b.sort || a.nameEn.localeCompare(b.nameEn));
      } catch (error) {
        sessionCheck(this.staff, error);
        throw error;
      }
    },
    args: () => [this.staff.value?.town ?? ''] as const,
  });

  constructor() {
    super();
    this.editing = 'new';
    this.form = blank();
    this.problems = [];
    this.notice = '';
    this.busy = false;
  }

  private name(c: KbCategory): string {
    return this.uiLang === 'fr' ? c.nameFr : c.nameEn;
  }

  private startRename(c: KbCategory): void {
    this.editing = c;
    this.form = { nameEn: c.nameEn, nameFr: c.nameFr, slugEn: c.slugEn, slugFr: c.slugFr, sort: String(c.sort) };
    this.problems = [];
    void focusAfterRender(this, '#category-heading');
  }

  private cancel(): void {
    this.editing = 'new';
    this.form = blank();
    this.problems = [];
  }

  private async fail(error: unknown): Promise<void> {
    sessionCheck(this.staff, error);
    const control = (f: string) => (['nameEn', 'nameFr', 'slugEn', 'slugFr', 'sort'].includes(f) ? `cat-${f}` : undefined);
    this.problems = problemsFrom(error, control, this.describeError(error));
    await focusErrorSummary(this);
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    this.notice = '';
    const f = this.form;
    const problems: Problem[] = [];
    if (!f.nameEn.trim()) problems.push({ id: 'cat-nameEn', message: this.t('categories.nameEnRequired') });
    if (!f.nameFr.trim()) problems.push({ id: 'cat-nameFr', message: this.t('categories.nameFrRequired') });
    if (f.sort.trim() && !/^-?\d+$/.test(f.sort.trim())) problems.push({ id: 'cat-sort', message: this.t('categories.sortNumber') });
    if (problems.length) {
      this.problems = problems;
      return focusErrorSummary(this);
    }
    const body = {
      nameEn: f.nameEn.trim(),
      nameFr: f.nameFr.trim(),
      ...(f.slugEn.trim() ? { slugEn: f.slugEn.trim() } : {}),
      ...(f.slugFr.trim() ? { slugFr: f.slugFr.trim() } : {}),
      ...(f.sort.trim() ? { sort: Number(f.sort.trim()) } : {}),
    };
    this.busy = true;
    try {
      const api = kbApi(this.staff);
      if (this.editing === 'new') {
        await api.createCategory(body);
        this.notice = this.t('categories.added', { name: this.uiLang === 'fr' ? body.nameFr : body.nameEn });
      } else {
        await api.changeCategory(this.editing.id, body);
        this.notice = this.t('categories.renamed', { name: this.uiLang === 'fr' ? body.nameFr : body.nameEn });
      }
      this.cancel();
      await this.data.run();
    } catch (error) {
      await this.fail(error);
    } finally {
      this.busy = false;
    }
  }

  /** Swaps the order of a category with its neighbour (two PATCHes of `sort`). */
  private async move(list: KbCategory[], index: number, by: -1 | 1): Promise<void> {
    const a = list[index];
    const b = list[index + by];
    if (!a || !b || this.busy) return;
    this.busy = true;
    this.notice = '';
    try {
      const api = kbApi(this.staff);
      // Equal sort numbers would not swap; give them distinct positions first.
      const aSort = b.sort === a.sort ? index + by : b.sort;
      const bSort = b.sort === a.sort ? index : a.sort;
      await api.changeCategory(a.id, { sort: aSort });
      await api.changeCategory(b.id, { sort: bSort });
      this.notice = this.t(by < 0 ? 'categories.movedUp' : 'categories.movedDown', { name: this.name(a) });
      await this.data.run();
      // Keep the keyboard on the moved category's button.
      const dir = by < 0 ? 'up' : 'down';
      await focusAfterRender(this, `#${dir}-${CSS.escape(a.id)}`);
      if (!this.renderRoot.querySelector(`#${dir}-${CSS.escape(a.id)}:not([disabled])`)) await focusAfterRender(this, `#${dir === 'up' ? 'down' : 'up'}-${CSS.escape(a.id)}`);
    } catch (error) {
      await this.fail(error);
    } finally {
      this.busy = false;
    }
  }

  private async deleteCategory(c: KbCategory): Promise<void> {
    if (this.busy || !confirm(this.t('categories.deleteConfirm', { name: this.name(c) }))) return;
    this.busy = true;
    this.notice = '';
    try {
      await kbApi(this.staff).deleteCategory(c.id);
      this.problems = [];
      this.notice = this.t('categories.deleted', { name: this.name(c) });
      await this.data.run();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'category_not_empty') {
        sessionCheck(this.staff, error);
        this.problems = [{ id: '', message: this.t('categories.notEmpty', { name: this.name(c), count: c.articleCount }) }];
        await focusErrorSummary(this);
      } else {
        await this.fail(error);
      }
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const editor = canEdit(this.staff);
    return html`<div lang=${this.uiLang}>
      <h1 id="screen-heading" tabindex="-1">${this.t('categories.heading')}</h1>
      <p>${editor ? this.t('categories.introEditor') : this.t('categories.introReader')}</p>
      ${errorSummary(this, this.problems, this.t('errorSummaryTitle'))}
      <p role="status" class=${this.notice ? 'notice' : 'visually-hidden'}>${this.notice}</p>
      ${this.data.render({
        initial: () => html`<p>${this.t('loading')}</p>`,
        pending: () => html`<p>${this.t('loading')}</p>`,
        complete: (list) => html`${this.renderTable(list, editor)} ${editor ? this.renderForm() : nothing}`,
        error: (error) => html`<div class="notice notice--error" role="alert">
          <p>${this.describeError(error)}</p>
          <button class="button button--secondary" type="button" @click=${() => this.data.run()}>${this.t('retry')}</button>
        </div>`,
      })}
    </div>`;
  }

  private renderTable(list: KbCategory[], editor: boolean) {
    return dataTable<KbCategory>({
      id: 'kb-categories',
      caption: this.t('categories.caption', { count: list.length }),
      rows: list,
      rowKey: (c) => c.id,
      empty: this.t('categories.empty'),
      columns: [
        { key: 'name', label: this.t('categories.col.name'), cell: (c) => this.name(c) },
        { key: 'nameEn', label: this.t('categories.col.nameEn'), cell: (c) => html`<span lang="en">${c.nameEn}</span> <code>${c.slugEn}</code>` },
        { key: 'nameFr', label: this.t('categories.col.nameFr'), cell: (c) => html`<span lang="fr">${c.nameFr}</span> <code>${c.slugFr}</code>` },
        { key: 'sort', label: this.t('categories.col.sort'), cell: (c) => String(c.sort) },
        { key: 'count', label: this.t('categories.col.count'), cell: (c) => String(c.articleCount) },
        ...(editor
          ? [{
              key: 'actions',
              label: this.t('categories.col.actions'),
              cell: (c: KbCategory) => {
                const i = list.indexOf(c);
                return html`<div class="actions">
                  <button class="link-button" id="up-${c.id}" type="button" ?disabled=${i === 0} aria-label=${this.t('categories.upNamed', { name: this.name(c) })} @click=${() => this.move(list, i, -1)}>${this.t('categories.up')}</button>
                  <button class="link-button" id="down-${c.id}" type="button" ?disabled=${i === list.length - 1} aria-label=${this.t('categories.downNamed', { name: this.name(c) })} @click=${() => this.move(list, i, 1)}>${this.t('categories.down')}</button>
                  <button class="link-button" type="button" aria-label=${this.t('categories.renameNamed', { name: this.name(c) })} @click=${() => this.startRename(c)}>${this.t('categories.rename')}</button>
                  <button class="link-button" type="button" aria-label=${this.t('categories.deleteNamed', { name: this.name(c) })} @click=${() => this.deleteCategory(c)}>${this.t('categories.delete')}</button>
                </div>`;
              },
            }]
          : []),
      ],
    });
  }

  private renderForm() {
    const f = this.form;
    const input = (key: keyof CategoryForm, label: string, hint?: string, lang?: string) => {
      const id = `cat-${key}`;
      const p = inlineProblem(this.problems, id, this.t('errorPrefix'));
      const described = [hint ? `${id}-hint` : '', p.describedBy ?? ''].filter(Boolean).join(' ');
      return html`<div class=${p.fieldClass}>
        <label for=${id}>${label}</label>
        ${hint ? html`<span class="hint" id="${id}-hint">${hint}</span>` : nothing}
        ${p.message}
        <input id=${id} lang=${lang ?? nothing} inputmode=${key === 'sort' ? 'numeric' : nothing} .value=${f[key]}
          aria-invalid=${p.invalid} aria-describedby=${described || nothing}
          @input=${(e: Event) => (this.form = { ...this.form, [key]: (e.target as HTMLInputElement).value })} />
      </div>`;
    };
    const renaming = this.editing !== 'new';
    return html`<section class="panel" aria-labelledby="category-heading">
      <h2 id="category-heading" tabindex="-1">${renaming ? this.t('categories.renameHeading', { name: this.name(this.editing as KbCategory) }) : this.t('categories.addHeading')}</h2>
      <form novalidate @submit=${this.submit}>
        ${input('nameEn', this.t('categories.nameEn'), undefined, 'en')}
        ${input('nameFr', this.t('categories.nameFr'), undefined, 'fr')}
        ${input('slugEn', this.t('categories.slugEn'), this.t('categories.slugHint'))}
        ${input('slugFr', this.t('categories.slugFr'), this.t('categories.slugHint'))}
        ${input('sort', this.t('categories.sort'), this.t('categories.sortHint'))}
        <div class="actions">
          <button class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${renaming ? this.t('categories.saveRename') : this.t('categories.add')}</button>
          ${renaming ? html`<button class="link-button" type="button" @click=${this.cancel}>${this.t('categories.cancel')}</button>` : nothing}
        </div>
      </form>
    </section>`;
  }
}

if (!customElements.get('muni-staff-kb-categories')) customElements.define('muni-staff-kb-categories', MuniStaffKbCategories);

declare global {
  interface HTMLElementTagNameMap {
    'muni-staff-kb-categories': MuniStaffKbCategories;
  }
}
