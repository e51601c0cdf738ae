import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { MuniElement, focusAfterRender, ApiError } from '@munikit/core';
import type { NewServiceRequest, Service, ServiceQuestion, SubmittedRequest, Lang } from '@munikit/core';
import { REQUEST_FORM_NS } from './request-form.i18n.ts';
import { requestFormStyles } from './request-form.styles.ts';
import { clearDraft, emptyValues, hasContent, loadDraft, newIdempotencyKey, saveDraft } from './draft.ts';
import type { Draft, FormValues } from './draft.ts';

export interface RequestSubmittedDetail {
  reference: string;
  serviceCode: string;
}

interface FieldError {
  /** id of the control in our shadow root (or '' for a form-level problem) */
  id: string;
  message: string;
}

type LoadState = 'loading' | 'ready' | 'error';
type SubmitState = 'idle' | 'submitting' | 'failed' | 'done';

const MAX_DESCRIPTION = 4000;
const MAX_LOCATION = 500;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_EXTENSION = /\s*(?:ext\.?|extension|x|#|poste)\s*\d{1,6}\s*$/i;

/** The server's lenient phone rule: digits, spaces, + - ( ) . and an extension; 7 to 17 digits. */
export function isPhone(value: string): boolean {
  const main = value.replace(PHONE_EXTENSION, '');
  if (!/^\+?[\d\s\-().]+$/.test(main)) return false;
  const digits = main.replace(/\D/g, '').length;
  return digits >= 7 && digits <= 17;
}

/** Server field paths (contract) -> our control ids. */
function controlIdFor(field: string): string | undefined {
  if (field === 'serviceCode') return 'service';
  if (field === 'description') return 'description';
  if (field === 'location' || field.startsWith('location.')) return 'location';
  if (field === 'contact' || field === 'contact.email') return 'email';
  if (field === 'website') return 'website';
  if (field === 'contact.name') return 'name';
  if (field === 'contact.phone') return 'phone';
  if (field.startsWith('answers.')) return `q-${field.slice('answers.'.length)}`;
  return undefined;
}

/**
 * A request form residents use to report a problem or ask for a service.
 *
 * @tagname muni-request-form
 * @summary Report a problem to the town: service, description, location, optional contact details.
 *
 * @attr api - Base URL of the MuniKit server. Defaults to the origin the widget script was loaded from.
 * @attr town - Town id. Defaults to the server's only town.
 * @attr lang - Interface language (`en` or `fr`). Defaults to the nearest ancestor's `lang`, then the page's.
 * @attr service - Preselect a service by its code.
 * @attr track-url - Page with a `<muni-request-status>`; the confirmation links to it with `?ref=`.
 *
 * @fires muni-request-submitted - The town received the request. `detail: {reference}`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart form - The form element.
 * @csspart error-summary - The list of problems shown after a failed submit.
 * @csspart continue-button - The "Continue" button that leads to checking the answers.
 * @csspart check - The "check your answers" step: every answer with a Change link.
 * @csspart check-form - The form around the "Send request" button on that step.
 * @csspart submit-button - The "Send request" button.
 * @csspart service-notice - An information-only note of the chosen service (e.g. "For emergencies call 911").
 * @csspart network-error - The message shown when the server could not be reached.
 * @csspart confirmation - The panel with the reference number.
 * @csspart reference - The reference number.
 *
 * @cssprop --muni-color-primary - Buttons, links and accents. Default #1d4f91.
 * @cssprop --muni-color-text - Body text. Default #1b1b1b.
 * @cssprop --muni-color-background - Widget background. Default #ffffff.
 * @cssprop --muni-color-border - Input borders. Default #6b6b6b.
 * @cssprop --muni-color-error - Error text and borders. Default #b00020.
 * @cssprop --muni-color-success - Confirmation panel border. Default #1e6b34.
 * @cssprop --muni-font-family - Font stack. Default system-ui.
 * @cssprop --muni-font-size - Base font size. Default 1rem.
 * @cssprop --muni-radius - Corner radius. Default 4px.
 * @cssprop --muni-focus-ring - Keyboard focus outline. Default 3px solid #ffbf47.
 */
export class MuniRequestForm extends MuniElement {
  static override i18nNamespace = REQUEST_FORM_NS;
  static override styles = requestFormStyles;

  static override properties = {
    ...MuniElement.properties,
    service: { type: String },
    trackUrl: { type: String, attribute: 'track-url' },
    loadState: { state: true, attribute: false },
    services: { state: true, attribute: false },
    values: { state: true, attribute: false },
    errors: { state: true, attribute: false },
    submitState: { state: true, attribute: false },
    failure: { state: true, attribute: false },
    result: { state: true, attribute: false },
    restored: { state: true, attribute: false },
    checking: { state: true, attribute: false },
    loadError: { state: true, attribute: false },
  };

  declare service: string | undefined;
  declare trackUrl: string | undefined;
  declare loadState: LoadState;
  declare services: Service[];
  declare values: FormValues;
  declare errors: FieldError[];
  declare submitState: SubmitState;
  /** Why the last submit got no answer (network or server error); the form keeps every value. */
  declare failure: string;
  declare result: SubmittedRequest | undefined;
  declare restored: boolean;
  /** The "check your answers" step is showing (GOV.UK pattern), between the form and sending. */
  declare checking: boolean;
  declare loadError: string;

  private townId: string | undefined;
  private idempotencyKey: string | undefined;
  /** The honeypot: people never see it; whatever a robot types there is sent and refused by the server. */
  private website = '';

  constructor() {
    super();
    this.loadState = 'loading';
    this.services = [];
    this.values = emptyValues();
    this.errors = [];
    this.submitState = 'idle';
    this.failure = '';
    this.restored = false;
    this.checking = false;
    this.loadError = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.townId) void this.load();
  }

  protected override languageChanged(_previous: Lang): void {
    // Service names and questions are localised by the server.
    void this.loadServices();
  }

  async load(): Promise<void> {
    this.loadState = 'loading';
    try {
      this.townId = await this.resolveTown();
      const draft = loadDraft(this.townId);
      if (draft && hasContent(draft.values)) {
        this.values = draft.values;
        this.idempotencyKey = draft.idempotencyKey;
        this.restored = true;
      } else if (this.service) {
        this.values = { ...this.values, serviceCode: this.service };
      }
      await this.loadServices();
    } catch (error) {
      this.loadError = this.describeError(error);
      this.loadState = 'error';
    }
  }

  private async loadServices(): Promise<void> {
    if (!this.townId) return this.load();
    const lang = this.uiLang;
    try {
      const services = await this.client.services(this.townId, lang);
      if (lang !== this.uiLang) return;
      this.services = services;
      this.loadState = 'ready';
    } catch (error) {
      this.loadError = this.describeError(error);
      this.loadState = 'error';
    }
  }

  get selectedService(): Service | undefined {
    return this.services.find((s) => s.code === this.values.serviceCode);
  }

  private update_(patch: Partial<FormValues>): void {
    this.values = { ...this.values, ...patch };
    this.persist();
  }

  private persist(): void {
    if (!this.townId) return;
    this.idempotencyKey ??= newIdempotencyKey();
    const draft: Draft = { v: 1, idempotencyKey: this.idempotencyKey, values: this.values };
    saveDraft(this.townId, draft);
  }

  private setAnswer(code: string, value: string | string[]): void {
    const answers = { ...this.values.answers };
    if ((Array.isArray(value) && value.length === 0) || value === '') delete answers[code];
    else answers[code] = value;
    this.update_({ answers });
  }

  validate(): FieldError[] {
    const v = this.values;
    const errors: FieldError[] = [];
    const e = (key: string, opts?: Record<string, unknown>) => this.t(`errors.${key}`, opts);
    const service = this.selectedService;
    if (!service) errors.push({ id: 'service', message: e('serviceRequired') });
    if (!v.description.trim()) errors.push({ id: 'description', message: e('descriptionRequired') });
    else if (v.description.length > MAX_DESCRIPTION) errors.push({ id: 'description', message: e('descriptionTooLong') });
    if (!v.locationText.trim()) errors.push({ id: 'location', message: e('locationRequired') });
    else if (v.locationText.length > MAX_LOCATION) errors.push({ id: 'location', message: e('locationTooLong') });
    for (const q of this.questions()) {
      const answer = v.answers[q.code];
      const empty = answer === undefined || (Array.isArray(answer) ? answer.length === 0 : !answer.trim());
      if (q.required && empty) errors.push({ id: `q-${q.code}`, message: e('answerRequired', { label: q.label }) });
      else if (q.datatype === 'number' && !empty && Number.isNaN(Number(answer))) {
        errors.push({ id: `q-${q.code}`, message: e('numberInvalid', { label: q.label }) });
      }
    }
    const email = v.email.trim();
    if (email && !EMAIL.test(email)) errors.push({ id: 'email', message: e('emailInvalid') });
    if (v.phone.trim() && !isPhone(v.phone.trim())) errors.push({ id: 'phone', message: e('phoneInvalid') });
    else if (service && !service.anonymousAllowed && !email && !v.phone.trim()) {
      errors.push({ id: 'email', message: e('contactRequired') });
    }
    return errors;
  }

  /** The questions that take an answer, in order. */
  private questions(): ServiceQuestion[] {
    return [...(this.selectedService?.questions ?? [])].filter((q) => q.variable).sort((a, b) => a.order - b.order);
  }

  /** Information-only attributes (`variable: false`), e.g. "For emergencies call 911": shown, never asked. */
  private notices(): ServiceQuestion[] {
    return [...(this.selectedService?.questions ?? [])].filter((q) => !q.variable).sort((a, b) => a.order - b.order);
  }

  private buildRequest(): NewServiceRequest {
    const v = this.values;
    const contact = {
      ...(v.name.trim() ? { name: v.name.trim() } : {}),
      ...(v.email.trim() ? { email: v.email.trim() } : {}),
      ...(v.phone.trim() ? { phone: v.phone.trim() } : {}),
    };
    const codes = new Set(this.questions().map((q) => q.code));
    const answers = Object.fromEntries(Object.entries(v.answers).filter(([code]) => codes.has(code)));
    return {
      serviceCode: v.serviceCode,
      description: v.description.trim(),
      location: { text: v.locationText.trim() },
      ...(Object.keys(contact).length ? { contact } : {}),
      ...(Object.keys(answers).length ? { answers } : {}),
      lang: this.uiLang,
      ...(this.website ? { website: this.website } : {}),
    };
  }

  private async onSubmit(e: Event): Promise<void> {
    e.preventDefault();
    await this.continueToCheck();
  }

  /** Validates the form; when all is well, shows the answers to check before sending. */
  async continueToCheck(): Promise<void> {
    this.failure = '';
    this.errors = this.validate();
    if (this.errors.length) return focusAfterRender(this, '#error-summary');
    this.persist();
    this.checking = true;
    await focusAfterRender(this, '#check-heading');
  }

  /** From "check your answers" back to one field, with everything kept. */
  private async change(id: string): Promise<void> {
    this.checking = false;
    this.failure = '';
    await this.updateComplete;
    const control = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    const target = control?.matches('fieldset') ? control.querySelector<HTMLElement>('input') : control;
    target?.scrollIntoView({ block: 'center' });
    target?.focus();
  }

  async submit(): Promise<void> {
    if (this.submitState === 'submitting' || !this.townId) return;
    this.failure = '';
    this.errors = this.validate();
    if (this.errors.length) {
      this.submitState = 'idle';
      this.checking = false;
      return focusAfterRender(this, '#error-summary');
    }
    this.persist();
    this.submitState = 'submitting';
    try {
      const result = await this.client.submitRequest(this.townId, this.buildRequest(), this.idempotencyKey!);
      clearDraft(this.townId);
      this.idempotencyKey = undefined;
      this.result = result;
      this.submitState = 'done';
      this.checking = false;
      this.restored = false;
      this.emit<RequestSubmittedDetail>('muni-request-submitted', { reference: result.reference, serviceCode: this.values.serviceCode });
      await focusAfterRender(this, '#confirmation-heading');
    } catch (error) {
      this.submitState = 'failed';
      if (error instanceof ApiError && error.code === 'idempotency_key_reused') {
        // The key went with another body: a new key makes this a new submission the resident confirms.
        this.idempotencyKey = newIdempotencyKey();
        this.persist();
        this.errors = [{ id: '', message: this.t('errors.keyReused') }];
        await focusAfterRender(this, '#error-summary');
      } else if (error instanceof ApiError && error.code === 'rate_limited') {
        this.errors = [{ id: '', message: this.t('errors.rateLimited', { count: Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60)) }) }];
        await focusAfterRender(this, '#error-summary');
      } else if (error instanceof ApiError && error.status < 500) {
        this.errors = this.serverErrors(error);
        this.checking = false;
        await focusAfterRender(this, '#error-summary');
      } else {
        // Network or server trouble: keep the draft (and its idempotency key) for the retry.
        this.failure = this.describeError(error);
        await focusAfterRender(this, '#network-error');
      }
    }
  }

  private serverErrors(error: ApiError): FieldError[] {
    const mapped = error.fields.map((f) => ({ id: controlIdFor(f.field) ?? '', message: f.message }));
    return mapped.length ? mapped : [{ id: '', message: error.message }];
  }

  private startAnother(): void {
    this.values = emptyValues();
    this.errors = [];
    this.result = undefined;
    this.submitState = 'idle';
    void focusAfterRender(this, '#service');
  }

  private errorFor(id: string): string | undefined {
    return this.errors.find((e) => e.id === id)?.message;
  }

  private focusControl(e: Event, id: string): void {
    e.preventDefault();
    const control = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    const target = control?.matches('fieldset') ? control.querySelector<HTMLElement>('input') : control;
    const label = this.renderRoot.querySelector(`label[for="${CSS.escape(id)}"]`) ?? control?.querySelector('legend');
    (label ?? target)?.scrollIntoView({ block: 'center' });
    target?.focus({ preventScroll: true });
  }

  // Rendering

  override render() {
    return html`<div part="base" lang=${this.uiLang}>${this.renderContent()}</div>`;
  }

  private renderContent() {
    if (this.submitState === 'done' && this.result) return this.renderConfirmation(this.result);
    if (this.loadState === 'loading') return html`<p role="status">${this.t('loadingServices')}</p>`;
    if (this.loadState === 'error') {
      return html`<div class="notice notice--error" role="alert">
        <p>${this.loadError}</p>
        <button class="button button--secondary" type="button" @click=${() => this.load()}>${this.t('retry')}</button>
      </div>`;
    }
    return this.checking ? this.renderCheck() : this.renderForm();
  }

  /** GOV.UK "check your answers": every answer with a Change link back to its field, then Send. */
  private renderCheck() {
    const v = this.values;
    const service = this.selectedService;
    const submitting = this.submitState === 'submitting';
    const row = (key: string, value: string, id: string) => html`<div class="summary-row">
      <dt>${key}</dt>
      <dd>${value || this.t('notGiven')}</dd>
      <dd class="summary-action">
        <button class="link-button" type="button" aria-label=${this.t('changeItem', { item: key })} @click=${() => this.change(id)}>${this.t('change')}</button>
      </dd>
    </div>`;
    const answerText = (q: ServiceQuestion) => {
      const a = v.answers[q.code];
      const keys = Array.isArray(a) ? a : a ? [a] : [];
      return keys.map((k) => q.values?.find((o) => o.key === k)?.name ?? k).join(', ');
    };
    const contact = [v.name, v.email, v.phone].map((x) => x.trim()).filter(Boolean).join(', ');
    return html`
      ${this.renderErrorSummary()}
      ${this.failure
        ? html`<div id="network-error" part="network-error" class="notice notice--error" role="alert" tabindex="-1">
            <p>${this.failure}</p>
            <p>${this.t('keptOnDevice')}</p>
            <button class="button button--secondary" type="button" @click=${() => this.submit()}>${this.t('retry')}</button>
          </div>`
        : nothing}
      <section part="check" aria-labelledby="check-heading">
        <h2 id="check-heading" tabindex="-1">${this.t('checkHeading')}</h2>
        <p>${this.t('checkIntro')}</p>
        <dl class="summary-list">
          ${row(this.t('rowService'), service?.name ?? '', 'service')}
          ${row(this.t('description'), v.description.trim(), 'description')}
          ${row(this.t('location'), v.locationText.trim(), 'location')}
          ${this.questions().map((q) => row(q.label, answerText(q), `q-${q.code}`))}
          ${row(this.t('rowContact'), contact, contact ? (v.name.trim() ? 'name' : v.email.trim() ? 'email' : 'phone') : 'email')}
        </dl>
        <form part="check-form" novalidate @submit=${(e: Event) => { e.preventDefault(); void this.submit(); }}>
          <button part="submit-button" class="button" type="submit" aria-disabled=${submitting ? 'true' : 'false'}>
            ${submitting ? this.t('submitting') : this.t('submit')}
          </button>
          <p class="status" role="status" aria-live="polite">${submitting ? this.t('sendingStatus') : ''}</p>
        </form>
      </section>`;
  }

  private renderConfirmation(result: SubmittedRequest) {
    const trackHref = this.trackUrl ? this.trackLink(this.trackUrl, result.reference) : undefined;
    return html`<div part="confirmation" class="panel--success">
      <h2 id="confirmation-heading" tabindex="-1">${this.t('confirmationHeading')}</h2>
      <p>${this.t('referenceIntro')}</p>
      <p part="reference" class="reference">${result.reference}</p>
      <p>${this.t('referenceKeep')}</p>
      <div class="actions">
        ${trackHref ? html`<a href=${trackHref}>${this.t('trackLink')}</a>` : nothing}
        <button class="button button--secondary" type="button" @click=${this.startAnother}>${this.t('another')}</button>
      </div>
    </div>`;
  }

  private trackLink(base: string, reference: string): string {
    const url = new URL(base, document.baseURI);
    url.searchParams.set('ref', reference);
    return url.href;
  }

  private renderErrorSummary() {
    if (!this.errors.length) return nothing;
    // GOV.UK Frontend's pattern: the container takes focus, a child is the alert.
    return html`<div id="error-summary" part="error-summary" class="error-summary" tabindex="-1" aria-labelledby="error-summary-title">
      <div role="alert">
        <h2 id="error-summary-title">${this.t('errorSummaryTitle')}</h2>
        <ul>
          ${this.errors.map((e) =>
            e.id
              ? html`<li><a href="#${e.id}" @click=${(ev: Event) => this.focusControl(ev, e.id)}>${e.message}</a></li>`
              : html`<li>${e.message}</li>`,
          )}
        </ul>
      </div>
    </div>`;
  }

  private renderForm() {
    const v = this.values;
    const service = this.selectedService;
    const groups = new Map<string, Service[]>();
    // Grouped by the department that handles each service (the service's own group when it has none).
    for (const s of this.services) {
      const group = s.department?.name ?? (s.group || this.t('otherServices'));
      groups.set(group, [...(groups.get(group) ?? []), s]);
    }
    const contactRequired = service ? !service.anonymousAllowed : false;
    return html`
      ${this.restored ? html`<p class="notice">${this.t('draftRestored')}</p>` : nothing}
      ${this.renderErrorSummary()}
      ${this.failure
        ? html`<div id="network-error" part="network-error" class="notice notice--error" role="alert" tabindex="-1">
            <p>${this.failure}</p>
            <p>${this.t('keptOnDevice')}</p>
            <button class="button button--secondary" type="button" @click=${() => this.submit()}>${this.t('retry')}</button>
          </div>`
        : nothing}
      <form part="form" novalidate @submit=${this.onSubmit}>
        ${this.field('service', this.t('service'), this.t('serviceHint'), (describedBy, invalid) => html`
          <select id="service" aria-describedby=${describedBy} aria-invalid=${invalid} @change=${(e: Event) => this.update_({ serviceCode: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${!v.serviceCode}>${this.t('servicePlaceholder')}</option>
            ${[...groups].map(([group, list]) => html`<optgroup label=${group}>
              ${list.map((s) => html`<option value=${s.code} ?selected=${s.code === v.serviceCode}>${s.name}</option>`)}
            </optgroup>`)}
          </select>
          ${service?.description ? html`<p class="hint">${service.description}</p>` : nothing}
          ${this.notices().map((n) => html`<div class="notice" part="service-notice"><p><strong>${n.label}</strong>${n.description ? html` ${n.description}` : nothing}</p></div>`)}`)}
        ${this.field('description', this.t('description'), this.t('descriptionHint'), (describedBy, invalid) => html`
          <textarea id="description" rows="6" maxlength=${MAX_DESCRIPTION} aria-describedby=${describedBy} aria-invalid=${invalid}
            .value=${v.description} @input=${(e: Event) => this.update_({ description: (e.target as HTMLTextAreaElement).value })}></textarea>`)}
        ${this.field('location', this.t('location'), this.t('locationHint'), (describedBy, invalid) => html`
          <input id="location" type="text" autocomplete="street-address" maxlength=${MAX_LOCATION} aria-describedby=${describedBy} aria-invalid=${invalid}
            .value=${v.locationText} @input=${(e: Event) => this.update_({ locationText: (e.target as HTMLInputElement).value })} />`)}
        ${this.questions().map((q) => this.renderQuestion(q))}
        <fieldset aria-describedby="contact-hint">
          <legend>${contactRequired ? this.t('contactLegendRequired') : this.t('contactLegendOptional')}</legend>
          <p class="hint" id="contact-hint">${contactRequired ? this.t('contactHintRequired') : this.t('contactHintOptional')}</p>
          ${this.field('name', `${this.t('name')} ${this.t('optionalSuffix')}`, '', (describedBy, invalid) => html`
            <input id="name" type="text" autocomplete="name" aria-describedby=${describedBy} aria-invalid=${invalid}
              .value=${v.name} @input=${(e: Event) => this.update_({ name: (e.target as HTMLInputElement).value })} />`)}
          ${this.field('email', contactRequired ? this.t('email') : `${this.t('email')} ${this.t('optionalSuffix')}`, '', (describedBy, invalid) => html`
            <input id="email" type="email" autocomplete="email" spellcheck="false" aria-describedby=${describedBy} aria-invalid=${invalid}
              .value=${v.email} @input=${(e: Event) => this.update_({ email: (e.target as HTMLInputElement).value })} />`)}
          ${this.field('phone', contactRequired ? this.t('phone') : `${this.t('phone')} ${this.t('optionalSuffix')}`, '', (describedBy, invalid) => html`
            <input id="phone" type="tel" autocomplete="tel" aria-describedby=${describedBy} aria-invalid=${invalid}
              .value=${v.phone} @input=${(e: Event) => this.update_({ phone: (e.target as HTMLInputElement).value })} />`)}
        </fieldset>
        <div class="visually-hidden" aria-hidden="true">
          <label for="website">${this.t('honeypot')}</label>
          <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" .value=${this.website}
            @input=${(e: Event) => (this.website = (e.target as HTMLInputElement).value)} />
        </div>
        <div class="actions">
          <button part="continue-button" class="button" type="submit">${this.t('continue')}</button>
        </div>
      </form>
    `;
  }

  /** Label, hint, inline error and control wired together with ids (GOV.UK pattern). */
  private field(
    id: string,
    label: string,
    hint: string,
    control: (describedBy: string | typeof nothing, invalid: 'true' | 'false') => TemplateResult,
  ) {
    const error = this.errorFor(id);
    const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="field ${error ? 'field--error' : ''}">
      <label for=${id}>${label}</label>
      ${hint ? html`<span class="hint" id="${id}-hint">${hint}</span>` : nothing}
      ${error
        ? html`<span class="error-message" id="${id}-error"><span class="visually-hidden">${this.t('errorPrefix')} </span>${error}</span>`
        : nothing}
      ${control(describedBy || nothing, error ? 'true' : 'false')}
    </div>`;
  }

  private renderQuestion(q: ServiceQuestion) {
    const id = `q-${q.code}`;
    const label = q.required ? q.label : `${q.label} ${this.t('optionalSuffix')}`;
    const answer = this.values.answers[q.code];
    const text = typeof answer === 'string' ? answer : '';
    const onInput = (e: Event) => this.setAnswer(q.code, (e.target as HTMLInputElement).value);
    if (q.datatype === 'multivaluelist') {
      const error = this.errorFor(id);
      const chosen = Array.isArray(answer) ? answer : [];
      const describedBy = [q.description ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
      return html`<fieldset id=${id} class="field ${error ? 'field--error' : ''}" aria-describedby=${describedBy || nothing}>
        <legend>${label}</legend>
        ${q.description ? html`<span class="hint" id="${id}-hint">${q.description}</span>` : nothing}
        ${error ? html`<span class="error-message" id="${id}-error"><span class="visually-hidden">${this.t('errorPrefix')} </span>${error}</span>` : nothing}
        <div class="checkboxes">
          ${(q.values ?? []).map((opt) => html`<label class="checkbox">
            <input type="checkbox" name=${id} value=${opt.key} .checked=${chosen.includes(opt.key)}
              @change=${(e: Event) => {
                const on = (e.target as HTMLInputElement).checked;
                this.setAnswer(q.code, on ? [...chosen, opt.key] : chosen.filter((k) => k !== opt.key));
              }} />
            ${opt.name}
          </label>`)}
        </div>
      </fieldset>`;
    }
    return this.field(id, label, q.description ?? '', (describedBy, invalid) => {
      switch (q.datatype) {
        case 'text':
          return html`<textarea id=${id} rows="4" aria-describedby=${describedBy} aria-invalid=${invalid} .value=${text} @input=${onInput}></textarea>`;
        case 'singlevaluelist':
          return html`<select id=${id} aria-describedby=${describedBy} aria-invalid=${invalid} @change=${onInput}>
            <option value="" ?selected=${!text}>—</option>
            ${(q.values ?? []).map((opt) => html`<option value=${opt.key} ?selected=${opt.key === text}>${opt.name}</option>`)}
          </select>`;
        case 'number':
          return html`<input id=${id} type="text" inputmode="decimal" aria-describedby=${describedBy} aria-invalid=${invalid} .value=${text} @input=${onInput} />`;
        case 'datetime':
          return html`<input id=${id} type="datetime-local" aria-describedby=${describedBy} aria-invalid=${invalid} .value=${text} @input=${onInput} />`;
        default:
          return html`<input id=${id} type="text" aria-describedby=${describedBy} aria-invalid=${invalid} .value=${text} @input=${onInput} />`;
      }
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'muni-request-form': MuniRequestForm;
  }
  interface HTMLElementEventMap {
    'muni-request-submitted': CustomEvent<RequestSubmittedDetail>;
  }
}
