import { html, nothing } from 'lit';
import { NearbyRequestsController } from './nearby-requests.ts';
import type { PropertyValues, TemplateResult } from 'lit';
import { MuniElement, focusAfterRender, focusControl, errorSummary, focusErrorSummary, ApiError, NetworkError } from '@munikit/core';
import type {
  KbArticleSummary,
  Lang,
  NewServiceRequest,
  Problem,
  Service,
  ServiceQuestion,
  SubmittedRequest,
} from '@munikit/core';
import { REQUEST_FORM_NS } from './request-form.i18n.ts';
import { requestFormStyles } from './request-form.styles.ts';
import { clearDraft, emptyValues, hasContent, loadDraft, newIdempotencyKey, saveDraft } from './draft.ts';
import type { Draft, FormValues, PhotoRef } from './draft.ts';
import { RequestQueuedEvent, RequestSubmittedEvent } from './events.ts';
import { enqueue, flush, queued } from './outbox.ts';
import type { FlushResult, QueuedRequest } from './outbox.ts';
import { serviceMatches, suggestArticles } from './search.ts';
import { currentPosition } from './geolocation.ts';
import type { GeoProblem } from './geolocation.ts';

export type { RequestQueuedDetail, RequestSubmittedDetail } from './events.ts';

type FieldError = Problem;
type LoadState = 'loading' | 'ready' | 'error';
type SubmitState = 'idle' | 'submitting' | 'failed' | 'done' | 'queued';
type GeoState = 'idle' | 'consent' | 'locating';

/** A photo the resident added: being prepared, being sent, sent (with its upload id) or failed. */
interface PhotoItem {
  key: number;
  name: string;
  state: 'preparing' | 'uploading' | 'done' | 'failed';
  /** A small data: URL of the photo (see photo-resize.ts). None for a photo from an earlier visit. */
  preview?: string;
  blob?: Blob;
  ref?: PhotoRef;
  task?: Promise<void>;
}

const MAX_DESCRIPTION = 4000;
const MAX_LOCATION = 500;
const MAX_PHOTOS = 3;
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
/** What the privacy notice promises until the town's own figure (its retentionMonths setting) arrives. */
const DEFAULT_RETENTION_MONTHS = 12;
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
export function controlIdFor(field: string): string | undefined {
  if (field === 'serviceCode') return 'service';
  if (field === 'description') return 'description';
  if (field === 'location' || field.startsWith('location.')) return 'location';
  if (field === 'contact' || field === 'contact.email') return 'email';
  if (field === 'website') return 'website';
  if (field === 'contact.name') return 'name';
  if (field === 'contact.phone') return 'phone';
  if (field === 'photos' || field.startsWith('photos.')) return 'photos';
  if (field.startsWith('answers.')) return `q-${field.slice('answers.'.length)}`;
  return undefined;
}

/** "12,5" (French) and "12.5" are the same number; anything else that is not a number is NaN. */
function toNumber(value: string): number {
  const v = value.trim().replace(/\s/g, '').replace(',', '.');
  return v === '' ? NaN : Number(v);
}

/** `LKV-7K4Q2-M9XCR` read aloud one symbol at a time: "L K V, 7 K 4 Q 2, M 9 X C R". */
function spelled(reference: string): string {
  return reference.split('-').map((group) => [...group].join(' ')).join(', ');
}

/** A queued request back into the form's shape, for the resident to check. */
function valuesFrom(body: NewServiceRequest): FormValues {
  const answers: FormValues['answers'] = {};
  for (const [code, value] of Object.entries(body.answers ?? {})) {
    answers[code] = Array.isArray(value) ? value : String(value);
  }
  return {
    ...emptyValues(),
    serviceCode: body.serviceCode,
    description: body.description,
    locationText: body.location.text ?? '',
    lat: body.location.lat ?? null,
    lng: body.location.lng ?? null,
    name: body.contact?.name ?? '',
    email: body.contact?.email ?? '',
    phone: body.contact?.phone ?? '',
    answers,
    // Upload ids only: the photos are on the server already.
    photos: (body.photos ?? []).map((id) => ({ id, width: 0, height: 0, bytes: 0 })),
  };
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
  private nearby = new NearbyRequestsController(this, {
    lang: () => this.uiLang,
    place: () => ({ serviceCode: this.values.serviceCode, lat: this.values.lat, lng: this.values.lng, address: this.values.locationText }),
    find: async (p) => (await this.client.nearbyRequests(await this.resolveTown(), { service: p.serviceCode, lat: p.lat, lng: p.lng, address: p.address, lang: this.uiLang })).requests,
    follow: async (reference, email) => this.client.followRequest(await this.resolveTown(), reference, email, this.uiLang),
    statusLabel: (status) => this.t(`status.${status}`),
    formatDate: (iso) => this.formatDate(iso, false),
    trackLink: (reference) => (this.trackUrl ? this.trackLink(this.trackUrl, reference) : undefined),
  });

  private townId: string | undefined;
  private idempotencyKey: string | undefined;
  /** The request this form shows as "saved on this device". */
  private queuedKey: string | undefined;
  private articlesLang: Lang | undefined;
  private articlesLoading = false;
  private photoSeq = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** The honeypot: people never see it; whatever a robot types there is sent and refused by the server. */
  private website = '';

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

  async load(): Promise<void> {
    this.loadState = 'loading';
    try {
      this.townId = await this.resolveTown();
      if (!this.retentionMonths) void this.loadRetention(this.townId);
      const draft = loadDraft(this.townId);
      if (draft && hasContent(draft.values)) {
        this.values = draft.values;
        this.idempotencyKey = draft.idempotencyKey;
        this.photoItems = draft.values.photos.map((ref) => ({ key: ++this.photoSeq, name: '', state: 'done', ref }));
        this.restored = true;
      } else {
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
      if (queued(this.townId).length) void this.sendQueued();
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

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.selectedService && this.articlesLang !== this.uiLang) void this.loadArticles();
  }

  /** The public article index, once per language, for suggestions; a failure only means no suggestions. */
  private async loadArticles(): Promise<void> {
    if (this.articlesLoading || !this.townId) return;
    this.articlesLoading = true;
    const lang = this.uiLang;
    try {
      const articles = await this.client.kbArticles(this.townId, lang);
      if (lang === this.uiLang) this.articles = articles;
    } catch {
      if (lang === this.uiLang) this.articles = [];
    } finally {
      this.articlesLang = lang;
      this.articlesLoading = false;
    }
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

  private get hasPosition(): boolean {
    return this.values.lat !== null && this.values.lng !== null;
  }

  validate(): FieldError[] {
    const v = this.values;
    const errors: FieldError[] = [];
    const e = (key: string, opts?: Record<string, unknown>) => this.t(`errors.${key}`, opts);
    const service = this.selectedService;
    if (!service) errors.push({ id: 'service', message: e('serviceRequired') });
    if (!v.description.trim()) errors.push({ id: 'description', message: e('descriptionRequired') });
    else if (v.description.length > MAX_DESCRIPTION) errors.push({ id: 'description', message: e('descriptionTooLong') });
    if (!v.locationText.trim() && !this.hasPosition) errors.push({ id: 'location', message: e('locationRequired') });
    else if (v.locationText.length > MAX_LOCATION) errors.push({ id: 'location', message: e('locationTooLong') });
    for (const q of this.questions()) {
      const answer = v.answers[q.code];
      const empty = answer === undefined || (Array.isArray(answer) ? answer.length === 0 : !answer.trim());
      if (q.required && empty) errors.push({ id: `q-${q.code}`, message: e('answerRequired', { label: q.label }) });
      else if (q.datatype === 'number' && !empty && Number.isNaN(toNumber(answer as string))) {
        errors.push({ id: `q-${q.code}`, message: e('numberInvalid', { label: q.label }) });
      }
    }
    this.photoItems.forEach((p, i) => {
      if (p.state === 'failed') errors.push({ id: 'photos', message: e('photoFailed', { n: i + 1 }) });
    });
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
    const questions = new Map(this.questions().map((q) => [q.code, q]));
    const answers: NonNullable<NewServiceRequest['answers']> = {};
    for (const [code, value] of Object.entries(v.answers)) {
      const q = questions.get(code);
      if (!q) continue;
      if (typeof value !== 'string') answers[code] = value;
      else if (q.datatype === 'number') answers[code] = toNumber(value);
      // datetime-local has no zone: the resident meant their own clock.
      else if (q.datatype === 'datetime') answers[code] = new Date(value).toISOString();
      else answers[code] = value;
    }
    return {
      serviceCode: v.serviceCode,
      description: v.description.trim(),
      location: { text: v.locationText.trim(), ...(this.hasPosition ? { lat: v.lat, lng: v.lng } : {}) },
      ...(Object.keys(contact).length ? { contact } : {}),
      ...(Object.keys(answers).length ? { answers } : {}),
      ...(v.photos.length ? { photos: v.photos.map((p) => p.id) } : {}),
      ...(this.subscribe && contact.email ? { subscribe: true } : {}),
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
    // Photos still on their way: wait for them rather than send without them.
    const pending = this.photoItems.filter((p) => p.task && (p.state === 'preparing' || p.state === 'uploading'));
    if (pending.length) {
      this.photoStatus = this.t('photosWait');
      await Promise.allSettled(pending.map((p) => p.task));
    }
    this.errors = this.validate();
    if (this.errors.length) return focusErrorSummary(this);
    this.persist();
    this.checking = true;
    await focusAfterRender(this, '#check-heading');
  }

  /** From "check your answers" back to one field, with everything kept. */
  private async change(id: string): Promise<void> {
    this.checking = false;
    this.failure = '';
    await this.updateComplete;
    focusControl(this, id);
  }

  async submit(): Promise<void> {
    if (this.submitState === 'submitting' || !this.townId) return;
    this.failure = '';
    this.errors = this.validate();
    if (this.errors.length) {
      this.submitState = 'idle';
      this.checking = false;
      return focusErrorSummary(this);
    }
    this.persist();
    const body = this.buildRequest();
    const key = this.idempotencyKey!;
    if (navigator.onLine === false) return this.queue(body, key);
    this.submitState = 'submitting';
    try {
      const result = await this.client.submitRequest(this.townId, body, key);
      this.received(result, body.serviceCode);
      await focusAfterRender(this, '#confirmation-heading');
    } catch (error) {
      this.submitState = 'failed';
      // No answer at all: keep it on this device and send it (with the same key) when the connection returns.
      if (error instanceof NetworkError) return this.queue(body, key);
      if (error instanceof ApiError && error.code === 'idempotency_key_reused') {
        // The key went with another body: a new key makes this a new submission the resident confirms.
        this.idempotencyKey = newIdempotencyKey();
        this.persist();
        this.errors = [{ id: '', message: this.t('errors.keyReused') }];
      } else if (error instanceof ApiError && error.code === 'rate_limited') {
        const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
        this.errors = [{ id: '', message: this.t('errors.rateLimited', { count: minutes }) }];
      } else if (error instanceof ApiError && error.status === 413) {
        this.errors = [{ id: this.values.photos.length ? 'photos' : 'description', message: this.t('errors.tooLarge') }];
        this.checking = false;
      } else if (error instanceof ApiError && error.status < 500) {
        this.errors = this.serverErrors(error);
        this.checking = false;
      } else {
        // Server trouble: keep the draft (and its idempotency key) for the retry.
        this.failure = this.describeError(error);
        return focusAfterRender(this, '#network-error');
      }
      await focusErrorSummary(this);
    }
  }

  /** The town has the request: forget the draft, show the reference. */
  private received(result: SubmittedRequest, serviceCode: string): void {
    if (this.townId) clearDraft(this.townId);
    this.idempotencyKey = undefined;
    this.queuedKey = undefined;
    this.result = result;
    this.submitState = 'done';
    this.checking = false;
    this.restored = false;
    this.copyStatus = '';
    this.dispatchEvent(new RequestSubmittedEvent({ reference: result.reference, serviceCode }));
  }

  /** No connection: keep the request on this device, tell the resident, send it when the connection returns. */
  private async queue(body: NewServiceRequest, key: string): Promise<void> {
    if (!this.townId) return;
    enqueue(this.townId, key, body);
    clearDraft(this.townId);
    this.idempotencyKey = undefined;
    this.queuedKey = key;
    this.submitState = 'queued';
    this.checking = false;
    this.restored = false;
    this.errors = [];
    this.failure = '';
    this.dispatchEvent(new RequestQueuedEvent({ serviceCode: body.serviceCode }));
    await focusAfterRender(this, '#queued-heading');
    if (navigator.onLine !== false) this.scheduleRetry(30);
  }

  private onOnline = (): void => {
    void this.sendQueued();
  };

  private scheduleRetry(seconds: number): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.sendQueued(), seconds * 1000);
  }

  /** Sends what this device has queued; shows what reached the town; takes back what needs the resident. */
  async sendQueued(): Promise<FlushResult | undefined> {
    if (!this.townId) return undefined;
    const canReview = this.submitState === 'idle' && !this.checking && !hasContent(this.values);
    const outcome = await flush(this.client, this.townId, canReview);
    for (const o of outcome.outcomes) {
      if (o.kind === 'sent') {
        if (o.idempotencyKey === this.queuedKey) {
          this.received(o.result, o.serviceCode);
          await focusAfterRender(this, '#confirmation-heading');
        } else {
          this.sentFromQueue = [...this.sentFromQueue, o.result];
          this.dispatchEvent(new RequestSubmittedEvent({ reference: o.result.reference, serviceCode: o.serviceCode }));
        }
      } else {
        this.takeBack(o.entry, o.fields, o.privateLost);
      }
    }
    const mine = this.queuedKey && queued(this.townId).some((e) => e.idempotencyKey === this.queuedKey) ? 1 : 0;
    this.waiting = outcome.waiting - mine;
    if (outcome.waiting > 0 && navigator.onLine !== false) this.scheduleRetry(outcome.retryAfterSeconds ?? 60);
    return outcome;
  }

  /** A queued request the server refused, or whose private part is gone: back into the form to check. */
  private takeBack(entry: QueuedRequest, fields: Array<{ field: string; message: string }>, privateLost: boolean): void {
    this.values = valuesFrom(entry.body);
    this.photoItems = this.values.photos.map((ref) => ({ key: ++this.photoSeq, name: '', state: 'done', ref }));
    // Never sent (or sent with an answer we lost): keep its key. Refused: a new key for the new attempt.
    this.idempotencyKey = privateLost ? entry.idempotencyKey : newIdempotencyKey();
    this.persist();
    this.errors = fields.map((f) => ({ id: controlIdFor(f.field) ?? '', message: f.message }));
    this.notice = this.t(privateLost ? 'reviewPrivateLost' : 'reviewRefused');
  }

  private serverErrors(error: ApiError): FieldError[] {
    const mapped = error.fields.map((f) => ({ id: controlIdFor(f.field) ?? '', message: f.message }));
    return mapped.length ? mapped : [{ id: '', message: error.message }];
  }

  private startAnother(): void {
    this.values = emptyValues();
    this.photoItems = [];
    this.photoError = '';
    this.photoStatus = '';
    this.geoState = 'idle';
    this.geoMessage = '';
    this.query = '';
    this.errors = [];
    this.notice = '';
    this.result = undefined;
    this.queuedKey = undefined;
    this.submitState = 'idle';
    if (this.townId) this.waiting = queued(this.townId).length;
    void focusAfterRender(this, '#service-search');
  }

  private errorFor(id: string): string | undefined {
    return this.errors.filter((e) => e.id === id).map((e) => e.message).join(' ') || undefined;
  }

  // Location from the device

  private askLocation(): void {
    this.geoMessage = '';
    this.geoState = 'consent';
    void focusAfterRender(this, '#location-consent');
  }

  private cancelLocation(): void {
    this.geoState = 'idle';
    void focusAfterRender(this, '#use-location');
  }

  private async shareLocation(): Promise<void> {
    this.geoState = 'locating';
    this.geoMessage = this.t('geoLocating');
    try {
      const { lat, lng } = await currentPosition();
      this.update_({ lat, lng });
      this.geoMessage = '';
      this.geoState = 'idle';
      await focusAfterRender(this, '#location-chosen');
    } catch (problem) {
      this.geoState = 'idle';
      this.geoMessage = this.t(`geo.${problem as GeoProblem}`);
      await focusAfterRender(this, '#use-location');
    }
  }

  private removeLocation(): void {
    this.update_({ lat: null, lng: null });
    this.geoMessage = this.t('geoRemoved');
    void focusAfterRender(this, '#use-location');
  }

  private coordinates(): { lat: string; lng: string } {
    const f = new Intl.NumberFormat(this.locale, { minimumFractionDigits: 5, maximumFractionDigits: 5 });
    return { lat: f.format(this.values.lat ?? 0), lng: f.format(this.values.lng ?? 0) };
  }

  // Photos

  private patchPhoto(key: number, patch: Partial<PhotoItem>): void {
    this.photoItems = this.photoItems.map((p) => (p.key === key ? { ...p, ...patch } : p));
  }

  private photoNumber(key: number): number {
    return this.photoItems.findIndex((p) => p.key === key) + 1;
  }

  private syncPhotos(): void {
    this.update_({ photos: this.photoItems.flatMap((p) => (p.state === 'done' && p.ref ? [p.ref] : [])) });
  }

  private addPhotos(input: HTMLInputElement): void {
    const files = [...(input.files ?? [])];
    input.value = ''; // the same photo can be chosen again after removing it
    const problems: string[] = [];
    const room = MAX_PHOTOS - this.photoItems.length;
    if (files.length > room) problems.push(this.t('errors.photoTooMany'));
    for (const file of files.slice(0, Math.max(0, room))) {
      if (file.size > MAX_PHOTO_BYTES) {
        problems.push(this.t('errors.photoTooBig', { name: file.name }));
        continue;
      }
      const item: PhotoItem = { key: ++this.photoSeq, name: file.name, state: 'preparing' };
      this.photoItems = [...this.photoItems, item];
      const task = this.sendPhoto(item.key, file);
      this.patchPhoto(item.key, { task });
    }
    this.photoError = problems.join(' ');
    if (this.photoError) this.photoStatus = this.photoError;
  }

  /** Resizes (when large) and uploads one photo; its upload id joins the request. */
  private async sendPhoto(key: number, file: Blob & { name?: string }): Promise<void> {
    const name = file.name ?? '';
    this.photoStatus = this.t('photoPreparing', { n: this.photoNumber(key) });
    let blob: Blob = file;
    let preview: string | undefined;
    try {
      // Loaded only by residents who add a photo.
      const { preparePhoto } = await import('./photo-resize.ts');
      ({ upload: blob, preview } = await preparePhoto(file));
    } catch (error) {
      if ((error as Error).name === 'UnreadablePhotoError') return this.refusePhoto(key, this.t('errors.photoUnreadable', { name }));
      // The resizer could not load (offline): the server still takes the photo as it is.
    }
    if (!this.photoItems.some((p) => p.key === key)) return; // removed meanwhile
    this.patchPhoto(key, { state: 'uploading', blob, preview });
    await this.uploadPhoto(key, blob, name);
  }

  private async uploadPhoto(key: number, blob: Blob, name: string): Promise<void> {
    if (!this.townId) return;
    this.patchPhoto(key, { state: 'uploading' });
    this.photoStatus = this.t('photoUploading', { n: this.photoNumber(key) });
    try {
      const up = await this.client.uploadPhoto(this.townId, blob, this.uiLang);
      if (!this.photoItems.some((p) => p.key === key)) return;
      this.patchPhoto(key, { state: 'done', ref: { id: up.id, width: up.width, height: up.height, bytes: up.bytes } });
      this.syncPhotos();
      this.photoStatus = this.t('photoAdded', { n: this.photoNumber(key) });
    } catch (error) {
      if (error instanceof ApiError && error.status === 413) return this.refusePhoto(key, this.t('errors.photoTooBig', { name }));
      if (error instanceof ApiError && error.status === 400) return this.refusePhoto(key, this.t('errors.photoUnreadable', { name }));
      // No connection, server trouble or a rate limit: keep it for "Try again".
      this.patchPhoto(key, { state: 'failed' });
      this.photoStatus = this.t('errors.photoFailed', { n: this.photoNumber(key) });
    }
  }

  private refusePhoto(key: number, message: string): void {
    this.dropPhoto(key);
    this.photoError = message;
    this.photoStatus = message;
  }

  private dropPhoto(key: number): void {
    this.photoItems = this.photoItems.filter((p) => p.key !== key);
    this.errors = this.errors.filter((e) => e.id !== 'photos');
    this.syncPhotos();
  }

  private removePhoto(key: number): void {
    const n = this.photoNumber(key);
    this.dropPhoto(key);
    this.photoError = '';
    this.photoStatus = this.t('photoRemoved', { n });
    void focusAfterRender(this, '#photos');
  }

  private retryPhoto(item: PhotoItem): void {
    if (!item.blob) return;
    const task = this.uploadPhoto(item.key, item.blob, item.name);
    this.patchPhoto(item.key, { task });
  }

  // Confirmation

  private async copyReference(reference: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(reference);
      this.copyStatus = this.t('copied');
    } catch {
      // No clipboard (plain http, an old browser, a refusal): select it for the resident to copy.
      const target = this.renderRoot.querySelector('[part="reference"] [data-copy]');
      if (target) getSelection()?.selectAllChildren(target);
      this.copyStatus = this.t('copyFailed');
    }
  }

  // Rendering

  override render() {
    return html`<div part="base" lang=${this.uiLang}>${this.renderContent()}</div>`;
  }

  private renderContent() {
    if (this.submitState === 'done' && this.result) return this.renderConfirmation(this.result);
    if (this.submitState === 'queued') return this.renderQueued();
    if (this.loadState === 'loading') return html`<p role="status">${this.t('loadingServices')}</p>`;
    if (this.loadState === 'error') {
      return html`<div class="notice notice--error" role="alert">
        <p>${this.loadError}</p>
        <button class="button button--secondary" type="button" @click=${() => this.load()}>${this.t('retry')}</button>
      </div>`;
    }
    return this.checking ? this.renderCheck() : this.renderForm();
  }

  private renderFailure() {
    return this.failure
      ? html`<div id="network-error" part="network-error" class="notice notice--error" role="alert" tabindex="-1">
          <p>${this.failure}</p>
          <p>${this.t('keptOnDevice')}</p>
          <button class="button button--secondary" type="button" @click=${() => this.submit()}>${this.t('retry')}</button>
        </div>`
      : nothing;
  }

  /** GOV.UK "check your answers": every answer with a Change link back to its field, then Send. */
  private renderCheck() {
    const v = this.values;
    const service = this.selectedService;
    const submitting = this.submitState === 'submitting';
    const row = (key: string, value: unknown, id: string) => html`<div class="summary-row">
      <dt>${key}</dt>
      <dd>${value || this.t('notGiven')}</dd>
      <dd class="summary-action">
        <button class="link-button" type="button" aria-label=${this.t('changeItem', { item: key })} @click=${() => this.change(id)}>${this.t('change')}</button>
      </dd>
    </div>`;
    const answerText = (q: ServiceQuestion) => {
      const a = v.answers[q.code];
      const keys = Array.isArray(a) ? a : a ? [a] : [];
      return keys.map((k) => q.values?.find((o) => o.key === k)?.name ?? (q.datatype === 'datetime' ? this.formatDate(k) : k)).join(', ');
    };
    const contact = [v.name, v.email, v.phone].map((x) => x.trim()).filter(Boolean).join(', ');
    const place = [v.locationText.trim(), this.hasPosition ? this.t('devicePosition', this.coordinates()) : '']
      .filter(Boolean)
      .map((line) => html`<span class="line">${line}</span>`);
    return html`
      ${errorSummary(this, this.errors, this.t('errorSummaryTitle'))}
      ${this.renderFailure()}
      <section part="check" aria-labelledby="check-heading">
        <h2 id="check-heading" tabindex="-1">${this.t('checkHeading')}</h2>
        <p>${this.t('checkIntro')}</p>
        <dl class="summary-list">
          ${row(this.t('rowService'), service?.name ?? '', 'service')}
          ${row(this.t('description'), v.description.trim(), 'description')}
          ${row(this.t('location'), place.length ? place : '', 'location')}
          ${this.questions().map((q) => row(q.label, answerText(q), `q-${q.code}`))}
          ${row(this.t('rowPhotos'), v.photos.length ? this.t('photoCount', { count: v.photos.length }) : '', 'photos')}
          ${row(this.t('rowContact'), contact, contact ? (v.name.trim() ? 'name' : v.email.trim() ? 'email' : 'phone') : 'name')}
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
    const groups = result.reference.split('-');
    return html`<div part="confirmation" class="panel--success">
      <h2 id="confirmation-heading" tabindex="-1">${this.t('confirmationHeading')}</h2>
      <p>${this.t('referenceIntro')}</p>
      <p part="reference" class="reference" data-reference=${result.reference}>
        <span aria-hidden="true" data-copy>${groups.map((g, i) => html`${i ? html`<span class="ref-dash">-</span>` : nothing}<span class="ref-group">${g}</span>`)}</span>
        <span class="visually-hidden">${spelled(result.reference)}</span>
      </p>
      <p>
        <button class="button button--secondary" type="button" @click=${() => this.copyReference(result.reference)}>${this.t('copyReference')}</button>
      </p>
      <p class="status" role="status">${this.copyStatus}</p>
      <p>${this.t('referenceKeep')}</p>
      <h3>${this.t('nextHeading')}</h3>
      <p>${this.t('nextText')}</p>
      <p>${this.t('nextContact')}</p>
      <div class="actions">
        ${this.trackUrl ? html`<a href=${this.trackLink(this.trackUrl, result.reference)}>${this.t('trackLink')}</a>` : nothing}
        <button class="button button--secondary" type="button" @click=${this.startAnother}>${this.t('another')}</button>
      </div>
    </div>`;
  }

  private renderQueued() {
    return html`<div part="queued" class="notice">
      <h2 id="queued-heading" tabindex="-1">${this.t('queuedHeading')}</h2>
      <p>${this.t('queuedText')}</p>
      <p>${this.t('queuedKeep')}</p>
      <button class="button button--secondary" type="button" @click=${this.startAnother}>${this.t('another')}</button>
    </div>`;
  }

  private trackLink(base: string, reference: string): string {
    const url = new URL(base, document.baseURI);
    url.searchParams.set('ref', reference);
    return url.href;
  }

  private kbLink(article: KbArticleSummary): string | undefined {
    if (!this.kbUrl) return undefined;
    const url = new URL(this.kbUrl, document.baseURI);
    url.hash = `kb=${encodeURIComponent(article.slug)}`;
    return url.href;
  }

  /** Notices about requests this device had queued: sent, still waiting, or taken back to check. */
  private renderQueueNotices() {
    return html`${this.sentFromQueue.map(
      (r) => html`<div class="notice notice--success" role="status">
        <p>${this.t('sentFromQueue', { reference: r.reference })}</p>
        ${this.trackUrl ? html`<p><a href=${this.trackLink(this.trackUrl, r.reference)}>${this.t('trackLink')}</a></p>` : nothing}
      </div>`,
    )}
    ${this.waiting > 0 ? html`<p class="notice" role="status">${this.t('waiting', { count: this.waiting })}</p>` : nothing}
    ${this.notice ? html`<p class="notice notice--error">${this.notice}</p>` : nothing}`;
  }

  private renderForm() {
    const v = this.values;
    const service = this.selectedService;
    const contactRequired = service ? !service.anonymousAllowed : false;
    return html`
      ${this.restored ? html`<p class="notice">${this.t('draftRestored')}</p>` : nothing}
      ${this.renderQueueNotices()}
      ${errorSummary(this, this.errors, this.t('errorSummaryTitle'))}
      ${this.renderFailure()}
      <form part="form" novalidate @submit=${this.onSubmit}>
        ${this.renderServiceChoice()}
        ${this.renderServiceInfo()}
        ${this.field('description', this.t('description'), this.t('descriptionHint'), (describedBy, invalid) => html`
          <textarea id="description" rows="6" maxlength=${MAX_DESCRIPTION} aria-describedby=${describedBy} aria-invalid=${invalid}
            .value=${v.description} @input=${(e: Event) => this.update_({ description: (e.target as HTMLTextAreaElement).value })}></textarea>`)}
        ${this.field('location', this.t('location'), this.t('locationHint'), (describedBy, invalid) => html`
          <input id="location" type="text" autocomplete="street-address" maxlength=${MAX_LOCATION} aria-describedby=${describedBy} aria-invalid=${invalid}
            .value=${v.locationText} @input=${(e: Event) => this.update_({ locationText: (e.target as HTMLInputElement).value })} />
          ${this.renderDeviceLocation()}`)}
        ${this.nearby.render()}
        ${this.questions().map((q) => this.renderQuestion(q))}
        ${this.renderPhotos()}
        <fieldset aria-describedby="contact-hint">
          <legend>${contactRequired ? this.t('contactLegendRequired') : this.t('contactLegendOptional')}</legend>
          <p class="hint" id="contact-hint">${contactRequired ? this.t('contactHintRequired') : this.t('contactHintOptional')}</p>
          ${this.field('name', `${this.t('name')} ${this.t('optionalSuffix')}`, '', (describedBy, invalid) => html`
            <input id="name" type="text" autocomplete="name" aria-describedby=${describedBy} aria-invalid=${invalid}
              .value=${v.name} @input=${(e: Event) => this.update_({ name: (e.target as HTMLInputElement).value })} />`)}
          ${this.field('email', contactRequired ? this.t('email') : `${this.t('email')} ${this.t('optionalSuffix')}`, '', (describedBy, invalid) => html`
            <input id="email" type="email" autocomplete="email" spellcheck="false" aria-describedby=${describedBy} aria-invalid=${invalid}
              .value=${v.email} @input=${(e: Event) => this.update_({ email: (e.target as HTMLInputElement).value })} />`)}
          ${v.email.trim()
            ? html`<div class="checkbox"><input id="subscribe" type="checkbox" .checked=${this.subscribe}
                @change=${(e: Event) => (this.subscribe = (e.target as HTMLInputElement).checked)} /><label for="subscribe">${this.t('subscribe')}</label></div>`
            : nothing}
          ${this.field('phone', contactRequired ? this.t('phone') : `${this.t('phone')} ${this.t('optionalSuffix')}`, '', (describedBy, invalid) => html`
            <input id="phone" type="tel" autocomplete="tel" aria-describedby=${describedBy} aria-invalid=${invalid}
              .value=${v.phone} @input=${(e: Event) => this.update_({ phone: (e.target as HTMLInputElement).value })} />`)}
          <p part="privacy" class="privacy">${this.t('privacy', { count: this.retentionMonths || this.townRetentionMonths || DEFAULT_RETENTION_MONTHS })}</p>
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
    const error = this.errorFor('service');
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

  /** What the chosen service says before anything is asked: its description, notices and answers that may help. */
  private renderServiceInfo() {
    const service = this.selectedService;
    if (!service) return nothing;
    const suggestions = this.articles ? suggestArticles(service, this.articles) : [];
    return html`<div class="service-info" aria-live="polite">
        ${service.description ? html`<p class="hint">${service.description}</p>` : nothing}
        ${this.notices().map(
          (n) => html`<div class="notice" part="service-notice"><p><strong>${n.label}</strong>${n.description ? html` ${n.description}` : nothing}</p></div>`,
        )}
      </div>
      ${suggestions.length
        ? html`<div part="suggestions" class="suggestions" role="group" aria-labelledby="suggestions-title">
            <p id="suggestions-title" class="label">${this.t('kbHeading')}</p>
            <p class="hint">${this.t('kbIntro')}</p>
            <ul>
              ${suggestions.map((a) => {
                const href = this.kbLink(a);
                return html`<li>
                  ${href ? html`<a href=${href}>${a.title}</a>` : html`<strong>${a.title}</strong>`}
                  ${a.summary ? html`<span class="hint">${a.summary}</span>` : nothing}
                </li>`;
              })}
            </ul>
          </div>`
        : nothing}`;
  }

  /** "Use my location": an explanation first, then the browser's own permission prompt. */
  private renderDeviceLocation() {
    let body: TemplateResult;
    if (this.hasPosition) {
      body = html`<p id="location-chosen" class="location-chosen" tabindex="-1">
        ${this.t('geoChosen', this.coordinates())}
        <button class="link-button" type="button" @click=${this.removeLocation}>${this.t('geoRemove')}</button>
      </p>`;
    } else if (this.geoState === 'consent') {
      body = html`<div id="location-consent" part="location-consent" class="notice" role="group" aria-labelledby="location-consent-title" tabindex="-1">
        <p id="location-consent-title" class="label">${this.t('geoConsentHeading')}</p>
        <p>${this.t('geoConsentText')}</p>
        <div class="actions">
          <button class="button" type="button" @click=${this.shareLocation}>${this.t('geoShare')}</button>
          <button class="button button--secondary" type="button" @click=${this.cancelLocation}>${this.t('geoCancel')}</button>
        </div>
      </div>`;
    } else {
      const locating = this.geoState === 'locating';
      body = html`<button id="use-location" class="button button--secondary" type="button" aria-disabled=${locating ? 'true' : 'false'}
        @click=${() => !locating && this.askLocation()}>${this.t('useLocation')}</button>`;
    }
    return html`<div class="device-location">
      ${body}
      <p class="status" role="status">${this.geoMessage}</p>
    </div>`;
  }

  private renderPhotos() {
    const error = [this.photoError, this.errorFor('photos')].filter(Boolean).join(' ');
    const describedBy = ['photos-hint', error ? 'photos-error' : ''].filter(Boolean).join(' ');
    return html`<div class="field ${error ? 'field--error' : ''}">
      <label for="photos">${this.t('addPhotos')}</label>
      <span class="hint" id="photos-hint">${this.t('photosHint')}</span>
      ${error ? html`<span class="error-message" id="photos-error"><span class="visually-hidden">${this.t('errorPrefix')} </span>${error}</span>` : nothing}
      <input id="photos" type="file" accept="image/*" multiple aria-describedby=${describedBy} aria-invalid=${error ? 'true' : 'false'}
        @change=${(e: Event) => this.addPhotos(e.target as HTMLInputElement)} />
      ${this.photoItems.length
        ? html`<ul part="photos" class="photos">
            ${this.photoItems.map((p, i) => {
              const n = i + 1;
              const state =
                p.state === 'preparing' ? this.t('photoPreparing', { n })
                : p.state === 'uploading' ? this.t('photoUploading', { n })
                : p.state === 'failed' ? this.t('errors.photoFailed', { n })
                : '';
              return html`<li class="photo ${p.state === 'failed' ? 'photo--failed' : ''}">
                ${p.preview
                  ? html`<img src=${p.preview} alt=${this.t('photoAlt', { n })} />`
                  : html`<span class="photo-placeholder">${this.t(p.state === 'done' ? 'photoEarlier' : 'photoAlt', { n })}</span>`}
                ${state ? html`<span class="hint">${state}</span>` : nothing}
                <span class="actions">
                  ${p.state === 'failed' && p.blob
                    ? html`<button class="button button--secondary" type="button" @click=${() => this.retryPhoto(p)}>${this.t('photoRetry')}<span class="visually-hidden"> (${this.t('photoN', { n })})</span></button>`
                    : nothing}
                  <button class="button button--secondary" type="button" @click=${() => this.removePhoto(p.key)}>${this.t('remove')}<span class="visually-hidden"> ${this.t('photoN', { n })}</span></button>
                </span>
              </li>`;
            })}
          </ul>`
        : nothing}
      <p class="visually-hidden" role="status">${this.photoStatus}</p>
    </div>`;
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
    const options = q.values ?? [];
    // Checkboxes for several answers; radios for one of a few (every choice in sight); a select for a long list.
    if (q.datatype === 'multivaluelist' || (q.datatype === 'singlevaluelist' && options.length <= 5)) {
      const multiple = q.datatype === 'multivaluelist';
      const error = this.errorFor(id);
      const chosen = Array.isArray(answer) ? answer : [];
      const describedBy = [q.description ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
      return html`<fieldset id=${id} class="field ${error ? 'field--error' : ''}" aria-describedby=${describedBy || nothing}>
        <legend>${label}</legend>
        ${q.description ? html`<span class="hint" id="${id}-hint">${q.description}</span>` : nothing}
        ${error ? html`<span class="error-message" id="${id}-error"><span class="visually-hidden">${this.t('errorPrefix')} </span>${error}</span>` : nothing}
        <div class="checkboxes">
          ${options.map((opt, i) => html`<div class="checkbox">
            <input type=${multiple ? 'checkbox' : 'radio'} id="${id}-${i}" name=${id} value=${opt.key}
              .checked=${multiple ? chosen.includes(opt.key) : text === opt.key} aria-invalid=${error ? 'true' : 'false'}
              @change=${(e: Event) => {
                const on = (e.target as HTMLInputElement).checked;
                if (!multiple) return this.setAnswer(q.code, opt.key);
                this.setAnswer(q.code, on ? [...chosen, opt.key] : chosen.filter((k) => k !== opt.key));
              }} />
            <label for="${id}-${i}">${opt.name}</label>
          </div>`)}
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
            ${options.map((opt) => html`<option value=${opt.key} ?selected=${opt.key === text}>${opt.name}</option>`)}
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
}
