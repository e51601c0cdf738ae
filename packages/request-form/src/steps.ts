// What the form does after the resident chose a service: checking and sending the answers, the
// offline outbox, the draft, the device's position, photos, requests already reported nearby. Loaded
// with the later steps' rendering (render-steps.ts) right after the service list shows, and at once
// when a draft or a queued request waits from an earlier visit (see request-form.ts). Functions of
// the element's state, which stays on the element.
import './request-form-steps.i18n.ts';
import { adoptStyles } from '@munikit/core/adopt-styles';
import { stepsStyles } from './steps.styles.ts';
import { focusAfterRender, ApiError, NetworkError } from '@munikit/core';
import { focusControl, focusErrorSummary } from '@munikit/core/error-summary';
import type { NewServiceRequest, ServiceQuestion, SubmittedRequest } from '@munikit/core';
import type { Problem } from '@munikit/core/error-summary';
import type { MuniRequestForm, PhotoItem } from './request-form.ts';
import { NearbyRequestsController } from './nearby-requests.ts';
import { clearDraft, emptyValues, hasContent, loadDraft, newIdempotencyKey, saveDraft } from './draft.ts';
import type { Draft, FormValues } from './draft.ts';
import { RequestQueuedEvent, RequestSubmittedEvent } from './events.ts';
import { enqueue, flush, queued } from './outbox.ts';
import type { FlushResult, QueuedRequest } from './outbox.ts';
import { currentPosition } from './geolocation.ts';
import type { GeoProblem } from './geolocation.ts';
import { articlesToSuggest, followRequest, nearbyRequests, submitRequest, uploadPhoto as postPhoto } from './requests-api.ts';

type El = MuniRequestForm;

export const MAX_DESCRIPTION = 4000;
export const MAX_LOCATION = 500;
const MAX_PHOTOS = 3;
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
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

/** Once, when this code arrives: the later steps' styles, and the duplicates-at-the-door controller (it needs the element's place). */
export function attach(el: El): void {
  adoptStyles(el, stepsStyles);
  el.nearby = new NearbyRequestsController(el, {
    lang: () => el.uiLang,
    place: () => ({ serviceCode: el.values.serviceCode, lat: el.values.lat, lng: el.values.lng, address: el.values.locationText }),
    find: async (p) => (await nearbyRequests(el.client, await el.resolveTown(), { service: p.serviceCode, lat: p.lat, lng: p.lng, address: p.address, lang: el.uiLang })).requests,
    follow: async (reference, email) => followRequest(el.client, await el.resolveTown(), reference, email, el.uiLang),
    statusLabel: (status) => el.t(`status.${status}`),
    formatDate: (iso) => el.formatDate(iso, false),
    trackLink: (reference) => (el.trackUrl ? trackLink(el.trackUrl, reference) : undefined),
  });
}

/** The draft of an earlier visit back into the form; false when there is none worth restoring. */
export function restoreDraft(el: El, town: string): boolean {
  const draft = loadDraft(town);
  if (!draft || !hasContent(draft.values)) return false;
  el.values = draft.values;
  el.idempotencyKey = draft.idempotencyKey;
  el.photoItems = draft.values.photos.map((ref) => ({ key: ++el.photoSeq, name: '', state: 'done', ref }));
  el.restored = true;
  return true;
}

export function persist(el: El): void {
  if (!el.townId) return;
  el.idempotencyKey ??= newIdempotencyKey();
  const draft: Draft = { v: 1, idempotencyKey: el.idempotencyKey, values: el.values };
  saveDraft(el.townId, draft);
}

/** The public article index, once per language, for suggestions; a failure only means no suggestions. */
export async function loadArticles(el: El): Promise<void> {
  if (el.articlesLoading || !el.townId) return;
  el.articlesLoading = true;
  const lang = el.uiLang;
  try {
    const articles = await articlesToSuggest(el.client, el.townId, lang);
    if (lang === el.uiLang) el.articles = articles;
  } catch {
    if (lang === el.uiLang) el.articles = [];
  } finally {
    el.articlesLang = lang;
    el.articlesLoading = false;
  }
}

export function setAnswer(el: El, code: string, value: string | string[]): void {
  const answers = { ...el.values.answers };
  if ((Array.isArray(value) && value.length === 0) || value === '') delete answers[code];
  else answers[code] = value;
  el.update_({ answers });
}

export function hasPosition(el: El): boolean {
  return el.values.lat !== null && el.values.lng !== null;
}

export function errorFor(el: El, id: string): string | undefined {
  return el.errors.filter((e) => e.id === id).map((e) => e.message).join(' ') || undefined;
}

/** The questions that take an answer, in order. */
export function questions(el: El): ServiceQuestion[] {
  return [...(el.selectedService?.questions ?? [])].filter((q) => q.variable).sort((a, b) => a.order - b.order);
}

/** Information-only attributes (`variable: false`), e.g. "For emergencies call 911": shown, never asked. */
export function notices(el: El): ServiceQuestion[] {
  return [...(el.selectedService?.questions ?? [])].filter((q) => !q.variable).sort((a, b) => a.order - b.order);
}

export function validate(el: El): Problem[] {
  const v = el.values;
  const errors: Problem[] = [];
  const e = (key: string, opts?: Record<string, unknown>) => el.t(`errors.${key}`, opts);
  const service = el.selectedService;
  if (!service) errors.push({ id: 'service', message: e('serviceRequired') });
  if (!v.description.trim()) errors.push({ id: 'description', message: e('descriptionRequired') });
  else if (v.description.length > MAX_DESCRIPTION) errors.push({ id: 'description', message: e('descriptionTooLong') });
  if (!v.locationText.trim() && !hasPosition(el)) errors.push({ id: 'location', message: e('locationRequired') });
  else if (v.locationText.length > MAX_LOCATION) errors.push({ id: 'location', message: e('locationTooLong') });
  for (const q of questions(el)) {
    const answer = v.answers[q.code];
    const empty = answer === undefined || (Array.isArray(answer) ? answer.length === 0 : !answer.trim());
    if (q.required && empty) errors.push({ id: `q-${q.code}`, message: e('answerRequired', { label: q.label }) });
    else if (q.datatype === 'number' && !empty && Number.isNaN(toNumber(answer as string))) {
      errors.push({ id: `q-${q.code}`, message: e('numberInvalid', { label: q.label }) });
    }
  }
  el.photoItems.forEach((p, i) => {
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

function buildRequest(el: El): NewServiceRequest {
  const v = el.values;
  const contact = {
    ...(v.name.trim() ? { name: v.name.trim() } : {}),
    ...(v.email.trim() ? { email: v.email.trim() } : {}),
    ...(v.phone.trim() ? { phone: v.phone.trim() } : {}),
  };
  const asked = new Map(questions(el).map((q) => [q.code, q]));
  const answers: NonNullable<NewServiceRequest['answers']> = {};
  for (const [code, value] of Object.entries(v.answers)) {
    const q = asked.get(code);
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
    location: { text: v.locationText.trim(), ...(hasPosition(el) ? { lat: v.lat, lng: v.lng } : {}) },
    ...(Object.keys(contact).length ? { contact } : {}),
    ...(Object.keys(answers).length ? { answers } : {}),
    ...(v.photos.length ? { photos: v.photos.map((p) => p.id) } : {}),
    ...(el.subscribe && contact.email ? { subscribe: true } : {}),
    lang: el.uiLang,
    ...(el.website ? { website: el.website } : {}),
  };
}

/** Validates the form; when all is well, shows the answers to check before sending. */
export async function continueToCheck(el: El): Promise<void> {
  el.failure = '';
  // Photos still on their way: wait for them rather than send without them.
  const pending = el.photoItems.filter((p) => p.task && (p.state === 'preparing' || p.state === 'uploading'));
  if (pending.length) {
    el.photoStatus = el.t('photosWait');
    await Promise.allSettled(pending.map((p) => p.task));
  }
  el.errors = validate(el);
  if (el.errors.length) return focusErrorSummary(el);
  persist(el);
  el.checking = true;
  await focusAfterRender(el, '#check-heading');
}

/** From "check your answers" back to one field, with everything kept. */
export async function change(el: El, id: string): Promise<void> {
  el.checking = false;
  el.failure = '';
  await el.updateComplete;
  focusControl(el, id);
}

export async function submit(el: El): Promise<void> {
  if (el.submitState === 'submitting' || !el.townId) return;
  el.failure = '';
  el.errors = validate(el);
  if (el.errors.length) {
    el.submitState = 'idle';
    el.checking = false;
    return focusErrorSummary(el);
  }
  persist(el);
  const body = buildRequest(el);
  const key = el.idempotencyKey!;
  if (navigator.onLine === false) return queue(el, body, key);
  el.submitState = 'submitting';
  try {
    const result = await submitRequest(el.client, el.townId, body, key);
    received(el, result, body.serviceCode);
    await focusAfterRender(el, '#confirmation-heading');
  } catch (error) {
    el.submitState = 'failed';
    // No answer at all: keep it on this device and send it (with the same key) when the connection returns.
    if (error instanceof NetworkError) return queue(el, body, key);
    if (error instanceof ApiError && error.code === 'idempotency_key_reused') {
      // The key went with another body: a new key makes this a new submission the resident confirms.
      el.idempotencyKey = newIdempotencyKey();
      persist(el);
      el.errors = [{ id: '', message: el.t('errors.keyReused') }];
    } else if (error instanceof ApiError && error.code === 'rate_limited') {
      const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
      el.errors = [{ id: '', message: el.t('errors.rateLimited', { count: minutes }) }];
    } else if (error instanceof ApiError && error.status === 413) {
      el.errors = [{ id: el.values.photos.length ? 'photos' : 'description', message: el.t('errors.tooLarge') }];
      el.checking = false;
    } else if (error instanceof ApiError && error.status < 500) {
      el.errors = serverErrors(error);
      el.checking = false;
    } else {
      // Server trouble: keep the draft (and its idempotency key) for the retry.
      el.failure = el.describeError(error);
      return focusAfterRender(el, '#network-error');
    }
    await focusErrorSummary(el);
  }
}

/** The town has the request: forget the draft, show the reference. */
function received(el: El, result: SubmittedRequest, serviceCode: string): void {
  if (el.townId) clearDraft(el.townId);
  el.idempotencyKey = undefined;
  el.queuedKey = undefined;
  el.result = result;
  el.submitState = 'done';
  el.checking = false;
  el.restored = false;
  el.copyStatus = '';
  el.dispatchEvent(new RequestSubmittedEvent({ reference: result.reference, serviceCode }));
}

/** No connection: keep the request on this device, tell the resident, send it when the connection returns. */
async function queue(el: El, body: NewServiceRequest, key: string): Promise<void> {
  if (!el.townId) return;
  enqueue(el.townId, key, body);
  clearDraft(el.townId);
  el.idempotencyKey = undefined;
  el.queuedKey = key;
  el.submitState = 'queued';
  el.checking = false;
  el.restored = false;
  el.errors = [];
  el.failure = '';
  el.dispatchEvent(new RequestQueuedEvent({ serviceCode: body.serviceCode }));
  await focusAfterRender(el, '#queued-heading');
  if (navigator.onLine !== false) scheduleRetry(el, 30);
}

function scheduleRetry(el: El, seconds: number): void {
  clearTimeout(el.retryTimer);
  el.retryTimer = setTimeout(() => void el.sendQueued(), seconds * 1000);
}

/** Sends what this device has queued; shows what reached the town; takes back what needs the resident. */
export async function sendQueued(el: El): Promise<FlushResult | undefined> {
  if (!el.townId) return undefined;
  const canReview = el.submitState === 'idle' && !el.checking && !hasContent(el.values);
  const outcome = await flush(el.client, el.townId, canReview);
  for (const o of outcome.outcomes) {
    if (o.kind === 'sent') {
      if (o.idempotencyKey === el.queuedKey) {
        received(el, o.result, o.serviceCode);
        await focusAfterRender(el, '#confirmation-heading');
      } else {
        el.sentFromQueue = [...el.sentFromQueue, o.result];
        el.dispatchEvent(new RequestSubmittedEvent({ reference: o.result.reference, serviceCode: o.serviceCode }));
      }
    } else {
      takeBack(el, o.entry, o.fields, o.privateLost);
    }
  }
  const mine = el.queuedKey && queued(el.townId).some((e) => e.idempotencyKey === el.queuedKey) ? 1 : 0;
  el.waiting = outcome.waiting - mine;
  if (outcome.waiting > 0 && navigator.onLine !== false) scheduleRetry(el, outcome.retryAfterSeconds ?? 60);
  return outcome;
}

/** A queued request the server refused, or whose private part is gone: back into the form to check. */
function takeBack(el: El, entry: QueuedRequest, fields: Array<{ field: string; message: string }>, privateLost: boolean): void {
  el.values = valuesFrom(entry.body);
  el.photoItems = el.values.photos.map((ref) => ({ key: ++el.photoSeq, name: '', state: 'done', ref }));
  // Never sent (or sent with an answer we lost): keep its key. Refused: a new key for the new attempt.
  el.idempotencyKey = privateLost ? entry.idempotencyKey : newIdempotencyKey();
  persist(el);
  el.errors = fields.map((f) => ({ id: controlIdFor(f.field) ?? '', message: f.message }));
  el.notice = el.t(privateLost ? 'reviewPrivateLost' : 'reviewRefused');
}

function serverErrors(error: ApiError): Problem[] {
  const mapped = error.fields.map((f) => ({ id: controlIdFor(f.field) ?? '', message: f.message }));
  return mapped.length ? mapped : [{ id: '', message: error.message }];
}

export function startAnother(el: El): void {
  el.values = emptyValues();
  el.photoItems = [];
  el.photoError = '';
  el.photoStatus = '';
  el.geoState = 'idle';
  el.geoMessage = '';
  el.query = '';
  el.errors = [];
  el.notice = '';
  el.result = undefined;
  el.queuedKey = undefined;
  el.submitState = 'idle';
  if (el.townId) el.waiting = queued(el.townId).length;
  void focusAfterRender(el, '#service-search');
}

export function trackLink(base: string, reference: string): string {
  const url = new URL(base, document.baseURI);
  url.searchParams.set('ref', reference);
  return url.href;
}

// Location from the device

export function askLocation(el: El): void {
  el.geoMessage = '';
  el.geoState = 'consent';
  void focusAfterRender(el, '#location-consent');
}

export function cancelLocation(el: El): void {
  el.geoState = 'idle';
  void focusAfterRender(el, '#use-location');
}

export async function shareLocation(el: El): Promise<void> {
  el.geoState = 'locating';
  el.geoMessage = el.t('geoLocating');
  try {
    const { lat, lng } = await currentPosition();
    el.update_({ lat, lng });
    el.geoMessage = '';
    el.geoState = 'idle';
    await focusAfterRender(el, '#location-chosen');
  } catch (problem) {
    el.geoState = 'idle';
    el.geoMessage = el.t(`geo.${problem as GeoProblem}`);
    await focusAfterRender(el, '#use-location');
  }
}

export function removeLocation(el: El): void {
  el.update_({ lat: null, lng: null });
  el.geoMessage = el.t('geoRemoved');
  void focusAfterRender(el, '#use-location');
}

export function coordinates(el: El): { lat: string; lng: string } {
  const f = new Intl.NumberFormat(el.locale, { minimumFractionDigits: 5, maximumFractionDigits: 5 });
  return { lat: f.format(el.values.lat ?? 0), lng: f.format(el.values.lng ?? 0) };
}

// Photos

function patchPhoto(el: El, key: number, patch: Partial<PhotoItem>): void {
  el.photoItems = el.photoItems.map((p) => (p.key === key ? { ...p, ...patch } : p));
}

function photoNumber(el: El, key: number): number {
  return el.photoItems.findIndex((p) => p.key === key) + 1;
}

function syncPhotos(el: El): void {
  el.update_({ photos: el.photoItems.flatMap((p) => (p.state === 'done' && p.ref ? [p.ref] : [])) });
}

export function addPhotos(el: El, input: HTMLInputElement): void {
  const files = [...(input.files ?? [])];
  input.value = ''; // the same photo can be chosen again after removing it
  const problems: string[] = [];
  const room = MAX_PHOTOS - el.photoItems.length;
  if (files.length > room) problems.push(el.t('errors.photoTooMany'));
  for (const file of files.slice(0, Math.max(0, room))) {
    if (file.size > MAX_PHOTO_BYTES) {
      problems.push(el.t('errors.photoTooBig', { name: file.name }));
      continue;
    }
    const item: PhotoItem = { key: ++el.photoSeq, name: file.name, state: 'preparing' };
    el.photoItems = [...el.photoItems, item];
    const task = sendPhoto(el, item.key, file);
    patchPhoto(el, item.key, { task });
  }
  el.photoError = problems.join(' ');
  if (el.photoError) el.photoStatus = el.photoError;
}

/** Resizes (when large) and uploads one photo; its upload id joins the request. */
async function sendPhoto(el: El, key: number, file: Blob & { name?: string }): Promise<void> {
  const name = file.name ?? '';
  el.photoStatus = el.t('photoPreparing', { n: photoNumber(el, key) });
  let blob: Blob = file;
  let preview: string | undefined;
  try {
    // Loaded only by residents who add a photo.
    const { preparePhoto } = await import('./photo-resize.ts');
    ({ upload: blob, preview } = await preparePhoto(file));
  } catch (error) {
    if ((error as Error).name === 'UnreadablePhotoError') return refusePhoto(el, key, el.t('errors.photoUnreadable', { name }));
    // The resizer could not load (offline): the server still takes the photo as it is.
  }
  if (!el.photoItems.some((p) => p.key === key)) return; // removed meanwhile
  patchPhoto(el, key, { state: 'uploading', blob, preview });
  await uploadPhoto(el, key, blob, name);
}

async function uploadPhoto(el: El, key: number, blob: Blob, name: string): Promise<void> {
  if (!el.townId) return;
  patchPhoto(el, key, { state: 'uploading' });
  el.photoStatus = el.t('photoUploading', { n: photoNumber(el, key) });
  try {
    const up = await postPhoto(el.client, el.townId, blob, el.uiLang);
    if (!el.photoItems.some((p) => p.key === key)) return;
    patchPhoto(el, key, { state: 'done', ref: { id: up.id, width: up.width, height: up.height, bytes: up.bytes } });
    syncPhotos(el);
    el.photoStatus = el.t('photoAdded', { n: photoNumber(el, key) });
  } catch (error) {
    if (error instanceof ApiError && error.status === 413) return refusePhoto(el, key, el.t('errors.photoTooBig', { name }));
    if (error instanceof ApiError && error.status === 400) return refusePhoto(el, key, el.t('errors.photoUnreadable', { name }));
    // No connection, server trouble or a rate limit: keep it for "Try again".
    patchPhoto(el, key, { state: 'failed' });
    el.photoStatus = el.t('errors.photoFailed', { n: photoNumber(el, key) });
  }
}

function refusePhoto(el: El, key: number, message: string): void {
  dropPhoto(el, key);
  el.photoError = message;
  el.photoStatus = message;
}

function dropPhoto(el: El, key: number): void {
  el.photoItems = el.photoItems.filter((p) => p.key !== key);
  el.errors = el.errors.filter((e) => e.id !== 'photos');
  syncPhotos(el);
}

export function removePhoto(el: El, key: number): void {
  const n = photoNumber(el, key);
  dropPhoto(el, key);
  el.photoError = '';
  el.photoStatus = el.t('photoRemoved', { n });
  void focusAfterRender(el, '#photos');
}

export function retryPhoto(el: El, item: PhotoItem): void {
  if (!item.blob) return;
  const task = uploadPhoto(el, item.key, item.blob, item.name);
  patchPhoto(el, item.key, { task });
}

// Confirmation

export async function copyReference(el: El, reference: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(reference);
    el.copyStatus = el.t('copied');
  } catch {
    // No clipboard (plain http, an old browser, a refusal): select it for the resident to copy.
    const target = el.renderRoot.querySelector('[part="reference"] [data-copy]');
    if (target) getSelection()?.selectAllChildren(target);
    el.copyStatus = el.t('copyFailed');
  }
}
