import { html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { MuniElement } from '@munikit/core';
import type { KbArticleSummary, Lang, Service, SubmittedRequest } from '@munikit/core';
import type { Problem } from '@munikit/core/error-summary';
import { REQUEST_FORM_NS } from './request-form.i18n.ts';
import { requestFormStyles } from './request-form.styles.ts';
import { draftKey, emptyValues, outboxKey, stored } from './values.ts';
import type { FormValues, PhotoRef } from './values.ts';
import { serviceMatches } from './search.ts';
import type { NearbyRequestsController } from './nearby-requests.ts';
import type { FlushResult } from './outbox.ts';
import type * as LaterSteps from './render-steps.ts';
import { services as fetchServices } from '@munikit/core/services-api';

export type { RequestQueuedDetail, RequestSubmittedDetail } from './events.ts';

type FieldError = Problem;
type LoadState = 'loading' | 'ready' | 'error';
type SubmitState = 'idle' | 'submitting' | 'failed' | 'done' | 'queued';
type GeoState = 'idle' | 'consent' | 'locating';
/** The later steps: their rendering and what they do (render-steps.ts and steps.ts, one lazy chunk). */
type Steps = typeof LaterSteps;

/** A photo the resident added: being prepared, being sent, sent (with its upload id) or failed. */
export interface PhotoItem {
  key: number;
  name: string;
  state: 'preparing' | 'uploading' | 'done' | 'failed';
  /** A small data: URL of the photo (see photo-resize.ts). None for a photo from an earlier visit. */
  preview?: string;
  blob?: Blob;
  ref?: PhotoRef;
  task?: Promise<void>;
}

/** The page's `?q=` (at most 200 characters), or undefined. */
function pageSearchWords(): string | undefined {
  const q = new URLSearchParams(location.search).get('q')?.trim();
  return q ? q.slice(0, 200) : undefined;
}

/**
 * A request form residents use to report a problem or ask for a service: choose the service (search
 * by name or keyword, grouped by department), read its notices and suggested answers, describe the
 * problem, say where (in words and/or from the device, after consent), add up to 3 photos, leave
 * contact details if wanted, check the answers, send. Without a connection the request is kept on
 * the device and sent, once, when the connection returns.
 *
 * @tagname muni-request-form
 * @summary Report a problem to the town: service, description, location, photos, optional contact details.
 *
 * @attr api - Base URL of the MuniKit server. Defaults to the origin the widget script was loaded from.
 * @attr town - Town id. Defaults to the server's only town.
 * @attr lang - Interface language (`en` or `fr`). Defaults to the nearest ancestor's `lang`, then the page's.
 * @attr service - Preselect a service by its code.
 * @attr track-url - Page with a `<muni-request-status>`; the confirmation links to it with `?ref=REFERENCE`.
 * @attr kb-url - Page with a `<muni-kb-search>`; a suggested answer links to its article there (`#kb=<slug>`, the search element's permanent link).
 * The page's `?q=` (the search element's "Didn't find it?" link carries the resident's search words) starts the
 * description, and filters the services when some match it.
 * @attr retention-months - How long the town keeps a closed request's personal information, for the privacy notice. Default: the town's setting (12 until it is known).
 *
 * @fires muni-request-submitted - RequestSubmittedEvent: the town received the request (straight away or from this device's queue). `detail: {reference, serviceCode}`.
 * @fires muni-request-queued - RequestQueuedEvent: no connection; the request is kept on this device and sent when the connection returns. `detail: {serviceCode}`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart form - The form element.
 * @csspart error-summary - The list of problems shown after a failed submit.
 * @csspart service-search - The text box that filters the services.
 * @csspart service-list - The scrolling list of services (radio buttons grouped by department).
 * @csspart service-notice - An information-only note of the chosen service (e.g. "For emergencies call 911").
 * @csspart suggestions - Knowledge-base articles that may answer the question before anything is sent.
 * @csspart location-consent - The explanation shown before the browser is asked for the device's position.
 * @csspart photos - The list of added photos with their previews and Remove buttons.
 * @csspart privacy - The privacy notice beside the contact details.
 * @csspart continue-button - The "Continue" button that leads to checking the answers.
 * @csspart check - The "check your answers" step: every answer with a Change link.
 * @csspart check-form - The form around the "Send request" button on that step.
 * @csspart submit-button - The "Send request" button.
 * @csspart network-error - The message shown when the server had trouble; the form is kept and can be sent again.
 * @csspart queued - The panel saying the request is saved on this device until the connection returns.
 * @csspart confirmation - The panel with the reference number.
 * @csspart reference - The reference number.
 *
 * @cssprop --muni-color-primary - Buttons, links and accents. Default #1d4f91.
 * @cssprop --muni-color-on-primary - Text on primary-coloured buttons. Default #fff.
 * @cssprop --muni-color-text - Text. Default: the page's text colour (text in fields #1b1b1b).
 * @cssprop --muni-color-background - Background. Default: none, the page shows through (fields, popups and secondary buttons #fff).
 * @cssprop --muni-color-border - Field borders and separators. Default #6b6b6b.
 * @cssprop --muni-color-error - Error messages and the borders of wrong fields. Default #b00020.
 * @cssprop --muni-color-success - Border of the confirmation panel. Default #1e6b34.
 * @cssprop --muni-font-family - Font. Default: the page's font.
 * @cssprop --muni-font-size - Base font size. Default: the page's.
 * @cssprop --muni-line-height - Line height. Default 1.5.
 * @cssprop --muni-radius - Corner radius of fields, buttons and panels. Default 4px.
 * @cssprop --muni-spacing - Spacing unit between fields and inside panels. Default 1em.
 * @cssprop --muni-focus-ring - Keyboard focus outline. Default 3px solid #ffbf47.
 */
export class MuniRequestForm extends MuniElement {
  static override i18nNamespace = REQUEST_FORM_NS;
  static override styles = requestFormStyles;

  static override properties = {
    ...MuniElement.properties,
    service: { type: String },
    trackUrl: { type: String, attribute: 'track-url' },
    kbUrl: { type: String, attribute: 'kb-url' },
    retentionMonths: { type: Number, attribute: 'retention-months' },
    townRetentionMonths: { state: true, attribute: false },
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
    query: { state: true, attribute: false },
    articles: { state: true, attribute: false },
    geoState: { state: true, attribute: false },
    geoMessage: { state: true, attribute: false },
    photoItems: { state: true, attribute: false },
    photoError: { state: true, attribute: false },
    photoStatus: { state: true, attribute: false },
    copyStatus: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    sentFromQueue: { state: true, attribute: false },
    waiting: { state: true, attribute: false },
    subscribe: { state: true, attribute: false },
    steps: { state: true, attribute: false },
    stepsError: { state: true, attribute: false },
  };

  declare service: string | undefined;
  declare trackUrl: string | undefined;
  declare kbUrl: string | undefined;
  /** The page's ?q= while the services load, to filter them when it matches some. */
  private searchedWords: string | undefined;
  declare retentionMonths: number | undefined;
  /** The town's retention setting (public town endpoint), used when the attribute is absent. */
  declare townRetentionMonths: number | undefined;
  declare loadState: LoadState;
  declare services: Service[];
  declare values: FormValues;
  declare errors: FieldError[];
  declare submitState: SubmitState;
  /** Why the last submit got no answer from a working server (5xx); the form keeps every value. */
  declare failure: string;
  declare result: SubmittedRequest | undefined;
  declare restored: boolean;
  /** The "check your answers" step is showing (GOV.UK pattern), between the form and sending. */
  declare checking: boolean;
  declare loadError: string;
  /** What the resident typed to find a service. */
  declare query: string;
  /** The public article index, in `articlesLang`, fetched once a service is chosen. */
  declare articles: KbArticleSummary[] | undefined;
  declare geoState: GeoState;
  /** What happened to the last location attempt (for the live region): locating, removed, a problem. */
  declare geoMessage: string;
  declare photoItems: PhotoItem[];
  /** A photo refused as it was chosen (too big, unreadable, too many). */
  declare photoError: string;
  declare photoStatus: string;
  declare copyStatus: string;
  /** A sentence above the form about a request taken back from this device's queue. */
  declare notice: string;
  /** Requests this device had queued that reached the town while this form was open or loading. */
  declare sentFromQueue: SubmittedRequest[];
  /** Requests still queued on this device (other than the one this form shows as queued). */
  declare waiting: number;
  /** "Email me when this request changes" (unchecked by default; needs an email). */
  declare subscribe: boolean;
  /** @internal The later steps' code once it has arrived (fetched when the service list first shows). */
  declare steps: Steps | undefined;
  /** @internal Why the later steps' code could not be fetched (offline); the first step stays usable. */
  declare stepsError: string;
  private stepsLoading: Promise<Steps> | undefined;
  private stepsAsked = false;

  // Kept for the later steps' code (steps.ts, render-steps.ts), which works on the element's state;
  // not part of the element's API (@internal keeps them out of custom-elements.json).
  /** @internal */
  nearby: NearbyRequestsController | undefined;
  /** @internal */
  townId: string | undefined;
  /** @internal */
  idempotencyKey: string | undefined;
  /** @internal The request this form shows as "saved on this device". */
  queuedKey: string | undefined;
  /** @internal */
  articlesLang: Lang | undefined;
  /** @internal */
  articlesLoading = false;
  /** @internal */
  photoSeq = 0;
  /** @internal */
  retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** @internal The honeypot: people never see it; whatever a robot types there is sent and refused by the server. */
  website = '';

  constructor() {
    super();
    this.loadState = 'loading';
    this.services = [];
    this.values = emptyValues();
    this.subscribe = false;
    this.errors = [];
    this.submitState = 'idle';
    this.failure = '';
    this.restored = false;
    this.checking = false;
    this.loadError = '';
    this.query = '';
    this.geoState = 'idle';
    this.geoMessage = '';
    this.photoItems = [];
    this.photoError = '';
    this.photoStatus = '';
    this.copyStatus = '';
    this.notice = '';
    this.sentFromQueue = [];
    this.waiting = 0;
    this.stepsError = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.onOnline);
    if (!this.townId) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.onOnline);
    clearTimeout(this.retryTimer);
  }

  protected override languageChanged(_previous: Lang): void {
    // Service names and questions are localised by the server.
    void this.loadServices();
  }

  /**
   * @internal
   * The later steps' code, fetched once. The form is ready with the service list alone; this arrives
   * while the resident reads it, or sooner when a draft or a queued request waits from an earlier visit.
   */
  loadSteps(): Promise<Steps> {
    this.stepsLoading ??= import('./render-steps.ts').then(
      (steps) => {
        steps.attach(this);
        this.stepsError = '';
        this.steps = steps;
        return steps;
      },
      (error: unknown) => {
        this.stepsLoading = undefined;
        this.stepsError = this.describeError(error);
        throw error;
      },
    );
    return this.stepsLoading;
  }

  async load(): Promise<void> {
    this.loadState = 'loading';
    try {
      this.townId = await this.resolveTown();
      if (!this.retentionMonths) void this.loadRetention(this.townId);
      // A draft from an earlier visit comes back whole: the later steps' code first, then the form.
      const restored = stored(draftKey(this.townId)) && (await this.loadSteps()).restoreDraft(this, this.townId);
      if (!restored) {
        if (this.service) this.values = { ...this.values, serviceCode: this.service };
        // Words a resident searched for before "Didn't find it?" (the search element's link adds ?q=).
        const searched = pageSearchWords();
        if (searched) {
          this.values = { ...this.values, description: searched };
          this.searchedWords = searched;
        }
      }
      await this.loadServices();
      if (this.searchedWords && !this.values.serviceCode && this.services.some((s) => serviceMatches(s, this.searchedWords!))) {
        this.query = this.searchedWords;
      }
      this.searchedWords = undefined;
      // Requests queued on this device earlier (this page or another) go now if they can.
      if (stored(outboxKey(this.townId))) this.sendQueued().catch(() => undefined);
    } catch (error) {
      this.loadError = this.describeError(error);
      this.loadState = 'error';
    }
  }

  private async loadRetention(town: string): Promise<void> {
    try {
      this.townRetentionMonths = (await this.client.getTown(town)).retentionMonths;
    } catch {
      // Offline or an older server: the notice keeps the default figure.
    }
  }

  private async loadServices(): Promise<void> {
    if (!this.townId) return this.load();
    const lang = this.uiLang;
    try {
      const services = await fetchServices(this.client, this.townId, lang);
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

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.loadState === 'ready' && !this.stepsAsked) {
      // The service list shows: fetch the rest while the resident reads it (when the browser is idle).
      // Once: after a failure, the resident's next step or the Try again button asks again.
      this.stepsAsked = true;
      const fetchSteps = () => void this.loadSteps().catch(() => undefined);
      if (typeof requestIdleCallback === 'function') requestIdleCallback(fetchSteps, { timeout: 1000 });
      else setTimeout(fetchSteps, 50);
    }
    if (this.steps && this.selectedService && this.articlesLang !== this.uiLang) void this.steps.loadArticles(this);
  }

  /** @internal */
  update_(patch: Partial<FormValues>): void {
    this.values = { ...this.values, ...patch };
    // Kept as a draft; a service chosen before the later steps' code arrives is kept when it does.
    if (this.steps) this.steps.persist(this);
    else this.loadSteps().then((steps) => steps.persist(this), () => undefined);
  }

  /** What is wrong with the answers: every field's rules once the later steps' code is here, else the service's. */
  validate(): FieldError[] {
    if (this.steps) return this.steps.validate(this);
    return this.selectedService ? [] : [{ id: 'service', message: this.t('errors.serviceRequired') }];
  }

  private async onSubmit(e: Event): Promise<void> {
    e.preventDefault();
    // Enter in the search box before the later steps arrived: carry on as soon as they do.
    await this.continueToCheck().catch(() => undefined);
  }

  /** Validates the form; when all is well, shows the answers to check before sending. */
  async continueToCheck(): Promise<void> {
    return (await this.loadSteps()).continueToCheck(this);
  }

  async submit(): Promise<void> {
    return (await this.loadSteps()).submit(this);
  }

  private onOnline = (): void => {
    if (this.townId && stored(outboxKey(this.townId))) this.sendQueued().catch(() => undefined);
  };

  /** Sends what this device has queued; shows what reached the town; takes back what needs the resident. */
  async sendQueued(): Promise<FlushResult | undefined> {
    return (await this.loadSteps()).sendQueued(this);
  }

  // Rendering

  override render() {
    return html`<div part="base" lang=${this.uiLang}>${this.renderContent()}</div>`;
  }

  private renderContent() {
    const steps = this.steps;
    // Sent or queued: only the later steps' code gets there.
    if (steps && this.submitState === 'done' && this.result) return steps.renderConfirmation(this, this.result);
    if (steps && this.submitState === 'queued') return steps.renderQueued(this);
    if (this.loadState === 'loading') return html`<p role="status">${this.t('loadingServices')}</p>`;
    if (this.loadState === 'error') {
      return html`<div class="notice notice--error" role="alert">
        <p>${this.loadError}</p>
        <button class="button button--secondary" type="button" @click=${() => this.load()}>${this.t('retry')}</button>
      </div>`;
    }
    if (steps && this.checking) return steps.renderCheck(this);
    return html`
      ${steps ? steps.renderNotices(this) : nothing}
      <form part="form" novalidate @submit=${this.onSubmit}>
        ${this.renderServiceChoice()}
        ${steps ? steps.renderDetails(this) : this.renderStepsLoading()}
      </form>
    `;
  }

  /** Where the rest of the form goes while its code is on its way (or could not come: try again). */
  private renderStepsLoading() {
    if (!this.stepsError) return html`<p id="steps-loading" class="hint" role="status">${this.t('loading')}</p>`;
    return html`<div class="notice notice--error" role="alert">
      <p>${this.stepsError}</p>
      <button class="button button--secondary" type="button" @click=${() => this.loadSteps().catch(() => undefined)}>${this.t('retry')}</button>
    </div>`;
  }

  /**
   * The services as radio buttons grouped by department (the service's own group when it has none),
   * filtered by a search box: every word typed must start a word of the name, keywords or department.
   */
  private renderServiceChoice() {
    const chosen = this.values.serviceCode;
    const query = this.query.trim();
    const matching = this.services.filter((s) => serviceMatches(s, query));
    const groups = new Map<string, Service[]>();
    for (const s of matching) {
      const group = s.department?.name || s.group || this.t('otherServices');
      groups.set(group, [...(groups.get(group) ?? []), s]);
    }
    const error = this.errors.filter((e) => e.id === 'service').map((e) => e.message).join(' ') || undefined;
    const describedBy = ['service-hint', error ? 'service-error' : ''].filter(Boolean).join(' ');
    const count = query ? (matching.length ? this.t('serviceCount', { count: matching.length, query }) : this.t('noServiceMatch', { query })) : '';
    const hidden = this.selectedService && !matching.includes(this.selectedService) ? this.selectedService : undefined;
    let index = 0;
    return html`<fieldset id="service" class="field ${error ? 'field--error' : ''}" aria-describedby=${describedBy}>
      <legend>${this.t('service')}</legend>
      <span class="hint" id="service-hint">${this.t('serviceHint')}</span>
      ${error ? html`<span class="error-message" id="service-error"><span class="visually-hidden">${this.t('errorPrefix')} </span>${error}</span>` : nothing}
      <label class="search-label" for="service-search">${this.t('serviceSearch')}</label>
      <input id="service-search" part="service-search" type="search" autocomplete="off" spellcheck="false"
        aria-controls="service-list" aria-describedby="service-count" aria-invalid=${error ? 'true' : 'false'}
        .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} />
      <p id="service-count" class="hint count" role="status">${count}</p>
      ${hidden ? html`<p class="hint">${this.t('rowService')}: <strong>${hidden.name}</strong></p>` : nothing}
      <div id="service-list" part="service-list" class="service-list">
        ${[...groups].map(([group, list]) => html`<fieldset class="service-group">
          <legend>${group}</legend>
          ${list.map((s) => {
            const id = `service-${index++}`;
            return html`<div class="radio">
              <input type="radio" id=${id} name="service" value=${s.code} .checked=${s.code === chosen}
                @change=${() => this.update_({ serviceCode: s.code })} />
              <label for=${id}>${s.name}</label>
            </div>`;
          })}
        </fieldset>`)}
      </div>
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'muni-request-form': MuniRequestForm;
  }
}
