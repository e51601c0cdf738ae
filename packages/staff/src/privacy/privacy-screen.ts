import { html, nothing, css } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, MuniElement, focusAfterRender } from '@munikit/core';
import { staffContext } from '../app/staff-context.ts';
import { errorSummary, focusErrorSummary, inlineProblem, problemsFrom, type Problem } from '../shared/form-problems.ts';
import { screenStyles } from '../shared/screen.styles.ts';
import { PRIVACY_NS } from './privacy-screen.i18n.ts';

/** POST /staff/towns/{town}/personal-data/search and /export (server/src/privacy/routes.ts). */
export interface PersonalData {
  town: { id: string; name: { en: string; fr: string } };
  query: { email: string | null; phone: string | null };
  generatedAt: string;
  requests: {
    reference: string;
    service: { code: string; en: string; fr: string };
    status: string;
    createdAt: string;
    closedAt: string | null;
    location: string;
    description: string;
    contact: { name: string | null; email: string | null; phone: string | null } | null;
    photos: { id: string; contentType: string; bytes: number; width: number; height: number; createdAt: string }[];
    subscriptions: { email: string; status: string; source: string; lang: string; createdAt: string }[];
  }[];
}

interface Erased {
  references: string[];
  contacts: number;
  photos: number;
  subscriptions: number;
}

const enc = encodeURIComponent;

/**
 * A resident's request to see or erase their data: find every request by email or phone, read it
 * as a printable page, download it as JSON, erase it after a confirmation step.
 *
 * @tagname muni-staff-privacy
 * @summary The console's residents' personal data screen (administrators).
 */
export class MuniStaffPrivacy extends MuniElement {
  static override i18nNamespace = PRIVACY_NS;
  static override styles = [
    screenStyles,
    css`
      .held dt {
        font-weight: 700;
      }
      .held dd {
        margin: 0 0 0.5em;
      }
      @media print {
        form,
        .actions,
        .intro {
          display: none;
        }
      }
    `,
  ];
  static override properties = {
    ...MuniElement.properties,
    email: { state: true, attribute: false },
    phone: { state: true, attribute: false },
    found: { state: true, attribute: false },
    confirming: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    problems: { state: true, attribute: false },
    busy: { state: true, attribute: false },
  };

  declare email: string;
  declare phone: string;
  declare found: PersonalData | undefined;
  declare confirming: boolean;
  declare notice: string;
  declare problems: Problem[];
  declare busy: boolean;
  private readonly staff = new ContextConsumer(this, { context: staffContext, subscribe: true });

  constructor() {
    super();
    this.email = '';
    this.phone = '';
    this.confirming = false;
    this.notice = '';
    this.problems = [];
    this.busy = false;
  }

  private residentQuery() {
    return { ...(this.email.trim() ? { email: this.email.trim() } : {}), ...(this.phone.trim() ? { phone: this.phone.trim() } : {}) };
  }

  private call<T>(what: 'search' | 'export' | 'erase', body: unknown): Promise<T> {
    const ctx = this.staff.value!;
    return ctx.client.request<T>('POST', ctx.client.url(`/staff/towns/${enc(ctx.town)}/personal-data/${what}`), body, {
      headers: { 'X-CSRF-Token': ctx.session.csrfToken },
    });
  }

  private async failed(error: unknown): Promise<void> {
    if (error instanceof ApiError && error.status === 401) this.staff.value?.sessionExpired();
    this.problems = problemsFrom(error, (f) => (f === 'email' ? 'pd-email' : f === 'phone' ? 'pd-phone' : undefined), this.describeError(error));
    await focusErrorSummary(this);
  }

  private async search(e?: Event): Promise<void> {
    e?.preventDefault();
    if (this.busy) return;
    this.notice = '';
    this.confirming = false;
    if (!this.email.trim() && !this.phone.trim()) {
      this.problems = [{ id: 'pd-email', message: this.t('queryRequired') }];
      return focusErrorSummary(this);
    }
    this.busy = true;
    try {
      this.found = await this.call<PersonalData>('search', this.residentQuery());
      this.problems = [];
      await focusAfterRender(this, '#results-heading');
    } catch (error) {
      this.found = undefined;
      await this.failed(error);
    } finally {
      this.busy = false;
    }
  }

  private async download(): Promise<void> {
    try {
      const data = await this.call<PersonalData>('export', this.residentQuery());
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `personal-data-${data.town.id}-${data.generatedAt.slice(0, 10)}.json`;
      a.hidden = true;
      this.renderRoot.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (error) {
      await this.failed(error);
    }
  }

  private async erase(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const r = await this.call<Erased>('erase', { ...this.residentQuery(), confirm: true });
      this.confirming = false;
      this.found = undefined;
      this.notice = r.references.length
        ? this.t('erased', { contacts: r.contacts, photos: r.photos, subscriptions: r.subscriptions, references: r.references.join(', ') })
        : this.t('nothingErased');
      await focusAfterRender(this, '#pd-notice');
    } catch (error) {
      await this.failed(error);
    } finally {
      this.busy = false;
    }
  }

  private townName(): string {
    const ctx = this.staff.value;
    return ctx ? (ctx.townNames[ctx.town]?.[this.uiLang] ?? ctx.town) : '';
  }

  override render() {
    const email = inlineProblem(this.problems, 'pd-email', this.t('errorPrefix'));
    const phone = inlineProblem(this.problems, 'pd-phone', this.t('errorPrefix'));
    return html`<div lang=${this.uiLang}>
      <h1 id="screen-heading" tabindex="-1">${this.t('heading')}</h1>
      <p class="intro">${this.t('intro', { town: this.townName() })}</p>
      ${errorSummary(this, this.problems, this.t('errorSummaryTitle'))}
      <p id="pd-notice" tabindex="-1" role="status" class=${this.notice ? 'notice' : 'visually-hidden'}>${this.notice}</p>
      <form novalidate @submit=${this.search}>
        <div class=${email.fieldClass}>
          <label for="pd-email">${this.t('email')}</label>
          ${email.message}
          <input id="pd-email" type="email" autocomplete="off" spellcheck="false" .value=${this.email} aria-invalid=${email.invalid}
            aria-describedby=${email.describedBy ?? nothing} @input=${(e: Event) => (this.email = (e.target as HTMLInputElement).value)} />
        </div>
        <div class=${phone.fieldClass}>
          <label for="pd-phone">${this.t('phone')}</label>
          <span class="hint" id="pd-phone-hint">${this.t('phoneHint')}</span>
          ${phone.message}
          <input id="pd-phone" type="tel" autocomplete="off" .value=${this.phone} aria-invalid=${phone.invalid}
            aria-describedby=${['pd-phone-hint', phone.describedBy].filter(Boolean).join(' ')} @input=${(e: Event) => (this.phone = (e.target as HTMLInputElement).value)} />
        </div>
        <button class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? this.t('searching') : this.t('search')}</button>
      </form>
      ${this.found ? this.renderFound(this.found) : nothing}
    </div>`;
  }

  private renderFound(d: PersonalData) {
    const lang = this.uiLang;
    const count = d.requests.length;
    return html`<section class="held" aria-labelledby="results-heading">
      <h2 id="results-heading" tabindex="-1">${this.t('resultsHeading', { town: d.town.name[lang] })}</h2>
      <p>${this.t('results', { count })} ${this.t('generated', { date: this.formatDate(d.generatedAt) })}</p>
      ${d.requests.map(
        (r) => html`<article class="panel" aria-labelledby="req-${r.reference}">
          <h3 id="req-${r.reference}">${r.reference}</h3>
          <dl>
            <dt>${this.t('service')}</dt><dd>${r.service[lang]}</dd>
            <dt>${this.t('status')}</dt><dd>${this.t(`status.${r.status}`)}</dd>
            <dt>${this.t('filed')}</dt><dd><time datetime=${r.createdAt}>${this.formatDate(r.createdAt)}</time></dd>
            <dt>${this.t('closed')}</dt><dd>${r.closedAt ? html`<time datetime=${r.closedAt}>${this.formatDate(r.closedAt)}</time>` : this.t('notClosed')}</dd>
            <dt>${this.t('location')}</dt><dd>${r.location}</dd>
            <dt>${this.t('description')}</dt><dd>${r.description}</dd>
            <dt>${this.t('contact')}</dt>
            <dd>${r.contact
              ? html`${this.t('name')}: ${r.contact.name ?? this.t('none')}<br />${this.t('email')}: ${r.contact.email ?? this.t('none')}<br />${this.t('phone')}: ${r.contact.phone ?? this.t('none')}`
              : this.t('onlySubscriber')}</dd>
            <dt>${this.t('photos')}</dt>
            <dd>${r.photos.length
              ? html`<ul>${r.photos.map((p) => html`<li>${this.t('photo', { type: p.contentType, width: p.width, height: p.height, kb: Math.max(1, Math.round(p.bytes / 1024)), date: this.formatDate(p.createdAt, false) })}</li>`)}</ul>`
              : this.t('none')}</dd>
            <dt>${this.t('subscriptions')}</dt>
            <dd>${r.subscriptions.length
              ? html`<ul>${r.subscriptions.map((s) => html`<li>${this.t('subscription', { email: s.email, status: s.status, date: this.formatDate(s.createdAt, false) })}</li>`)}</ul>`
              : this.t('none')}</dd>
          </dl>
        </article>`,
      )}
      ${count
        ? html`<div class="actions">
            <button class="button button--secondary" type="button" @click=${() => this.download()}>${this.t('download')}</button>
            <button class="button button--secondary" type="button" @click=${() => window.print()}>${this.t('print')}</button>
            <button class="button button--secondary" type="button" id="pd-erase" @click=${() => this.askErase()}>${this.t('erase')}</button>
          </div>
          ${this.confirming ? this.renderConfirm(d) : nothing}`
        : nothing}
    </section>`;
  }

  private async askErase(): Promise<void> {
    this.confirming = true;
    await focusAfterRender(this, '#confirm-heading');
  }

  private renderConfirm(d: PersonalData) {
    const emails = [...new Set([d.query.email, ...d.requests.map((r) => r.contact?.email)].filter((e): e is string => !!e))];
    return html`<section class="panel" role="alertdialog" aria-labelledby="confirm-heading" aria-describedby="confirm-text">
      <h3 id="confirm-heading" tabindex="-1">${this.t('confirmHeading')}</h3>
      <p id="confirm-text">${this.t('confirmText', { requests: this.t('confirmRequests', { count: d.requests.filter((r) => r.contact).length }), emails: emails.join(', ') || this.t('theirEmail') })}</p>
      <div class="actions">
        <button class="button" type="button" id="pd-confirm" @click=${() => this.erase()}>${this.t('confirmErase')}</button>
        <button class="button button--secondary" type="button" @click=${async () => {
          this.confirming = false;
          await focusAfterRender(this, '#pd-erase');
        }}>${this.t('cancel')}</button>
      </div>
    </section>`;
  }
}

if (!customElements.get('muni-staff-privacy')) customElements.define('muni-staff-privacy', MuniStaffPrivacy);

declare global {
  interface HTMLElementTagNameMap {
    'muni-staff-privacy': MuniStaffPrivacy;
  }
}
