import { html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { Task, initialState } from '@lit/task';
import { ApiError, MuniElement, focusAfterRender } from '@munikit/core';
import type { Lang } from '@munikit/core';
import { staffContext } from '../app/staff-context.ts';
import { dataTable } from '../shared/data-table.ts';
import { errorSummary, focusErrorSummary, inlineProblem, problemsFrom, type Problem } from '../shared/form-problems.ts';
import { screenStyles } from '../shared/screen.styles.ts';
import { ROLE_ORDER, StaffApi, type Role, type TownUser } from '../shared/staff-api.ts';
import { USERS_NS } from './users-screen.i18n.ts';

/**
 * A town's staff: who has access, with which role; invite by email, change a role, disable or remove.
 *
 * @tagname muni-staff-users
 * @summary The console's users and roles screen (administrators).
 */
export class MuniStaffUsers extends MuniElement {
  static override i18nNamespace = USERS_NS;
  static override styles = screenStyles;
  static override properties = {
    ...MuniElement.properties,
    editing: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    problems: { state: true, attribute: false },
    busy: { state: true, attribute: false },
  };

  /** The person whose access is being changed. */
  declare editing: TownUser | undefined;
  declare notice: string;
  declare problems: Problem[];
  declare busy: boolean;
  private invite = { email: '', role: 'agent' as Role, language: '' as Lang | '' };
  private editRole: Role = 'agent';
  private readonly staff = new ContextConsumer(this, { context: staffContext, subscribe: true });

  private readonly people = new Task(this, {
    task: async ([town]: readonly [string]) => {
      if (!town) return initialState;
      return this.staffApi().users(town);
    },
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

  private failed(error: unknown): void {
    if (error instanceof ApiError && error.status === 401) this.staff.value?.sessionExpired();
  }

  private startEdit(user: TownUser): void {
    this.editing = user;
    this.editRole = user.role;
    this.problems = [];
    void focusAfterRender(this, '#edit-heading');
  }

  private async change(change: { role?: Role; disabled?: boolean }): Promise<void> {
    const user = this.editing!;
    this.busy = true;
    try {
      await this.staffApi().changeUser(this.staff.value!.town, user.id, change);
      this.editing = undefined;
      this.notice = this.t('saved', { name: user.name || user.email });
      await this.people.run();
    } catch (error) {
      this.failed(error);
      this.problems = problemsFrom(error, (f) => (f === 'role' ? 'edit-role' : undefined), this.describeError(error));
      await focusErrorSummary(this);
    } finally {
      this.busy = false;
    }
  }

  private async removeFromTown(): Promise<void> {
    const user = this.editing!;
    if (!confirm(this.t('removeConfirm', { name: user.name || user.email }))) return;
    this.busy = true;
    try {
      await this.staffApi().removeUser(this.staff.value!.town, user.id);
      this.editing = undefined;
      this.notice = this.t('removed', { name: user.name || user.email });
      await this.people.run();
    } catch (error) {
      this.failed(error);
      this.problems = problemsFrom(error, () => undefined, this.describeError(error));
      await focusErrorSummary(this);
    } finally {
      this.busy = false;
    }
  }

  private async sendInvite(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    this.notice = '';
    if (!this.invite.email.trim()) {
      this.problems = [{ id: 'invite-email', message: this.t('emailRequired') }];
      return focusErrorSummary(this);
    }
    this.busy = true;
    try {
      const res = await this.staffApi().invite(this.staff.value!.town, {
        email: this.invite.email.trim(),
        role: this.invite.role,
        ...(this.invite.language ? { language: this.invite.language } : {}),
      });
      this.problems = [];
      this.notice = this.t(res.status === 'invited' ? 'invited' : 'added', { email: res.email });
      this.invite = { email: '', role: 'agent', language: '' };
      await this.people.run();
    } catch (error) {
      this.failed(error);
      const control = (f: string) => ({ email: 'invite-email', role: 'invite-role' })[f];
      this.problems = problemsFrom(error, control, this.describeError(error));
      await focusErrorSummary(this);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`<div lang=${this.uiLang}>
      <h1 id="screen-heading" tabindex="-1">${this.t('heading')}</h1>
      <p>${this.t('intro', { town: this.townName() })}</p>
      ${errorSummary(this, this.problems, this.t('errorSummaryTitle'))}
      <p role="status" class=${this.notice ? 'notice' : 'visually-hidden'}>${this.notice}</p>
      ${this.people.render({
        initial: () => html`<p>${this.t('loading')}</p>`,
        pending: () => html`<p>${this.t('loading')}</p>`,
        complete: (data) => html`${this.renderTable(data.users)} ${this.editing ? this.renderEdit(this.editing) : nothing}
          ${this.renderInvite()} ${this.renderPending(data.invitations)}`,
        error: (error) => {
          this.failed(error);
          return html`<div class="notice notice--error" role="alert">
            <p>${this.describeError(error)}</p>
            <button class="button button--secondary" type="button" @click=${() => this.people.run()}>${this.t('retry')}</button>
          </div>`;
        },
      })}
    </div>`;
  }

  private renderTable(users: TownUser[]) {
    return dataTable<TownUser>({
      id: 'users',
      caption: this.t('caption', { count: users.length, town: this.townName() }),
      rows: users,
      rowKey: (u) => u.id,
      columns: [
        { key: 'name', label: this.t('col.name'), cell: (u) => u.name || u.email },
        { key: 'email', label: this.t('col.email'), cell: (u) => u.email },
        { key: 'role', label: this.t('col.role'), cell: (u) => this.t(`role.${u.role}`) },
        {
          key: 'status',
          label: this.t('col.status'),
          cell: (u) => [u.disabled ? this.t('disabled') : this.t('active'), u.hasPassword ? '' : this.t('ssoOnly')].filter(Boolean).join(' · '),
        },
        {
          key: 'actions',
          label: this.t('col.actions'),
          cell: (u) => html`<button class="link-button" type="button" aria-label=${this.t('change', { name: u.name || u.email })}
            @click=${() => this.startEdit(u)}>${this.t('changeShort')}</button>`,
        },
      ],
    });
  }

  private renderEdit(user: TownUser) {
    const role = inlineProblem(this.problems, 'edit-role', this.t('errorPrefix'));
    return html`<section class="panel" aria-labelledby="edit-heading">
      <h2 id="edit-heading" tabindex="-1">${this.t('editHeading', { name: user.name || user.email })}</h2>
      <div class=${role.fieldClass}>
        <label for="edit-role">${this.t('roleLabel')}</label>
        ${role.message}
        <select id="edit-role" aria-invalid=${role.invalid} aria-describedby=${role.describedBy ?? nothing}
          @change=${(e: Event) => (this.editRole = (e.target as HTMLSelectElement).value as Role)}>
          ${ROLE_ORDER.map((r) => html`<option value=${r} ?selected=${r === this.editRole}>${this.t(`role.${r}`)} — ${this.t(`roleHint.${r}`)}</option>`)}
        </select>
      </div>
      <div class="actions">
        <button class="button" type="button" ?disabled=${this.busy} @click=${() => this.change({ role: this.editRole })}>${this.t('save')}</button>
        <button class="button button--secondary" type="button" ?disabled=${this.busy}
          @click=${() => this.change({ disabled: !user.disabled })}>${user.disabled ? this.t('enable') : this.t('disable')}</button>
        <button class="button button--secondary" type="button" ?disabled=${this.busy} @click=${this.removeFromTown}>${this.t('remove')}</button>
        <button class="link-button" type="button" @click=${() => (this.editing = undefined)}>${this.t('cancel')}</button>
      </div>
    </section>`;
  }

  private renderInvite() {
    const email = inlineProblem(this.problems, 'invite-email', this.t('errorPrefix'));
    const role = inlineProblem(this.problems, 'invite-role', this.t('errorPrefix'));
    return html`<section class="panel" aria-labelledby="invite-heading">
      <h2 id="invite-heading">${this.t('inviteHeading')}</h2>
      <form novalidate @submit=${this.sendInvite}>
        <div class=${email.fieldClass}>
          <label for="invite-email">${this.t('email')}</label>
          ${email.message}
          <input id="invite-email" type="email" autocomplete="off" spellcheck="false" .value=${this.invite.email}
            aria-invalid=${email.invalid} aria-describedby=${email.describedBy ?? nothing}
            @input=${(e: Event) => (this.invite.email = (e.target as HTMLInputElement).value)} />
        </div>
        <div class=${role.fieldClass}>
          <label for="invite-role">${this.t('roleLabel')}</label>
          ${role.message}
          <select id="invite-role" aria-invalid=${role.invalid} aria-describedby=${role.describedBy ?? nothing}
            @change=${(e: Event) => (this.invite.role = (e.target as HTMLSelectElement).value as Role)}>
            ${ROLE_ORDER.map((r) => html`<option value=${r} ?selected=${r === this.invite.role}>${this.t(`role.${r}`)} — ${this.t(`roleHint.${r}`)}</option>`)}
          </select>
        </div>
        <fieldset>
          <legend>${this.t('language')}</legend>
          ${(['en', 'fr'] as const).map(
            (l) => html`<div class="choice">
              <input type="radio" id="invite-lang-${l}" name="invite-lang" value=${l} .checked=${this.invite.language === l}
                @change=${() => (this.invite.language = l)} />
              <label for="invite-lang-${l}">${this.t(l === 'en' ? 'english' : 'french')}</label>
            </div>`,
          )}
        </fieldset>
        <button class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.t('invite')}</button>
      </form>
    </section>`;
  }

  private renderPending(invitations: { email: string; role: Role; expiresAt: string }[]) {
    return html`<section aria-labelledby="pending-heading">
      <h2 id="pending-heading">${this.t('pendingHeading')}</h2>
      ${invitations.length
        ? html`<ul>
            ${invitations.map((i) => html`<li>${this.t('pendingItem', { email: i.email, role: this.t(`role.${i.role}`), date: this.formatDate(i.expiresAt) })}</li>`)}
          </ul>`
        : html`<p>${this.t('noPending')}</p>`}
    </section>`;
  }
}

if (!customElements.get('muni-staff-users')) customElements.define('muni-staff-users', MuniStaffUsers);

declare global {
  interface HTMLElementTagNameMap {
    'muni-staff-users': MuniStaffUsers;
  }
}
