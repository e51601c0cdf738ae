// The one path by which a service request enters MuniKit. The JSON API, Open311 and any later channel
// (staff entering a phone call) call fileServiceRequest(), so every rule below is written once and every
// channel gets the same validation, rate limits, idempotency, routing and references. Channels
// translate field names and answers, nothing else.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { FieldError } from '../platform/http/errors.ts';
import { hitRateLimits, rateLimitedMessage, type RateLimitRule } from '../platform/http/rate-limit.ts';
import { rateLimitSubject } from '../platform/http/client-address.ts';
import type { Db, Lang, RequestChannel } from '../platform/database/schema.ts';
import { getActiveServiceByCode } from '../services/store.ts';
import type { Town } from '../towns/store.ts';
import { checkAnswers, type AnswerValue } from './answers.ts';
import { fileRequest, findIdempotentReplay, IdempotencyKeyReusedError, prepareFiling, type FiledRequest } from './intake-store.ts';
import { decideRouting } from './routing.ts';
import { listRoutingRules } from './routing-store.ts';
import { checkPhotos, PhotosNotAttached } from './photos/store.ts';

/** Field limits, in characters (the JSON API documents the same numbers in its OpenAPI schema). */
export const INTAKE_LIMITS = {
  serviceCode: 100,
  description: 4000,
  locationText: 500,
  name: 200,
  email: 254,
  phone: 40,
  /** A phone number has at least this many digits (extension not counted) … */
  phoneMinDigits: 7,
  /** … and at most this many (E.164 allows 15; a few more for a trunk prefix). */
  phoneMaxDigits: 17,
} as const;

export interface IntakeInput {
  town: Town;
  serviceCode: string;
  description: string;
  /** `text` may be empty when both `lat` and `lng` are given. */
  location: { text?: string | null; lat?: number | null; lng?: number | null };
  contact?: { name?: string | null; email?: string | null; phone?: string | null } | null;
  /** Answers to the service's questions, by question code. */
  answers?: Record<string, AnswerValue>;
  /** The request's language (stored; later notifications use it). */
  lang: Lang;
  /** The language of error messages, when the client asked for another one than `lang`. */
  messageLang?: Lang;
  channel: RequestChannel;
  idempotencyKey?: string | null;
  /** Upload ids from POST /towns/{town}/uploads (at most 3), attached in the filing transaction. */
  photos?: string[];
  /**
   * The form's "email me when this request changes": with a contact email, a pending reporter
   * subscription whose confirm link is in the acknowledgement (one email, not two).
   */
  subscribe?: boolean;
  /** The web form's honeypot (`website`): people never see it, so anything in it means a robot. */
  website?: string | null;
  /**
   * The per-address limit on filings (public channels): the filer's address,
   * clientAddress(c, config.trustProxyHops), and config.intakeRateLimits (INTAKE_RATE_LIMIT: 10 per
   * 10 minutes and 50 a day by default). Only filed requests count, not refused ones nor
   * Idempotency-Key replays. Null/omitted for staff channels, which are not limited.
   */
  rateLimit?: { clientAddress: string; rules: readonly RateLimitRule[] } | null;
}

/**
 * Field names are the JSON API's (`serviceCode`, `description`, `location.text`, `location.lat`,
 * `location.lng`, `contact.name`, `contact.email`, `contact.phone`, `answers.CODE`, `website`);
 * other channels map them to theirs. Messages are in `input.messageLang ?? input.lang`.
 */
export type IntakeResult =
  | { ok: true; filed: FiledRequest }
  | { ok: false; reason: 'invalid'; errors: FieldError[] }
  | { ok: false; reason: 'idempotency_key_reused'; message: string }
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number; message: string };

type Text = { en: string; fr: string };
const M = {
  unknownService: { en: 'Choose a service from the list.', fr: 'Choisissez un service dans la liste.' },
  contactNeeded: {
    en: 'This service needs a way to reach you: give an email address or a phone number.',
    fr: 'Ce service exige un moyen de vous joindre : indiquez un courriel ou un numéro de téléphone.',
  },
  empty: { en: 'This field cannot be empty.', fr: 'Ce champ ne peut pas être vide.' },
  locationText: {
    en: 'Say where the problem is, or place it on the map.',
    fr: 'Indiquez où se trouve le problème, ou placez-le sur la carte.',
  },
  lat: { en: 'The latitude must be a number from -90 to 90.', fr: 'La latitude doit être un nombre de -90 à 90.' },
  lng: { en: 'The longitude must be a number from -180 to 180.', fr: 'La longitude doit être un nombre de -180 à 180.' },
  bothCoordinates: { en: 'Give both the latitude and the longitude.', fr: 'Indiquez la latitude et la longitude.' },
  email: { en: 'Enter an email address like name@example.ca.', fr: 'Entrez une adresse courriel comme nom@exemple.ca.' },
  phone: {
    en: 'Enter a phone number with at least 7 digits, like 613-555-0123 or 613-555-0123 ext. 12.',
    fr: 'Entrez un numéro de téléphone d’au moins 7 chiffres, comme 613-555-0123 ou 613-555-0123 poste 12.',
  },
  website: { en: 'Leave this field empty.', fr: 'Laissez ce champ vide.' },
  reused: {
    en: 'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
    fr: 'Cette clé Idempotency-Key a déjà servi pour une autre demande. Utilisez une nouvelle clé pour une nouvelle demande.',
  },
} satisfies Record<string, Text>;

const tooLong = (max: number, lang: Lang) =>
  lang === 'fr' ? `Entrez au plus ${max.toLocaleString('fr-CA')} caractères.` : `Enter at most ${max.toLocaleString('en-CA')} characters.`;

/** Removes control characters (PostgreSQL refuses NUL; none belongs in a request), then trims. */
function cleanText(value: string | null | undefined, multiline = false): string {
  if (!value) return '';
  // eslint-disable-next-line no-control-regex
  let s = value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
  if (!multiline) s = s.replace(/[\t\r\n]+/g, ' ');
  return s.trim();
}

const EXTENSION = /\s*(?:ext\.?|extension|x|#|poste)\s*\d{1,6}\s*$/i;

/** Lenient phone check: digits, spaces, + - ( ) . and an optional extension (ext, ext., x, #, poste). */
export function isValidPhone(phone: string): boolean {
  if (phone.length > INTAKE_LIMITS.phone) return false;
  const main = phone.replace(EXTENSION, '');
  if (!/^\+?[\d\s\-().]+$/.test(main)) return false;
  const digits = main.replace(/\D/g, '').length;
  return digits >= INTAKE_LIMITS.phoneMinDigits && digits <= INTAKE_LIMITS.phoneMaxDigits;
}

const emailSchema = z.email();

/** JSON with object keys sorted and null/undefined members dropped: the same content gives the same text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** SHA-256 (hex) of the canonical form of what was asked: a retry with the same Idempotency-Key must match it. */
export function intakeBodyHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

const FIELD_ORDER = ['serviceCode', 'description', 'location.text', 'location.lat', 'location.lng', 'contact.name', 'contact.email', 'contact.phone'];
const fieldRank = (field: string) => {
  const i = FIELD_ORDER.indexOf(field);
  return i >= 0 ? i : field.startsWith('answers.') ? FIELD_ORDER.length : FIELD_ORDER.length + 1;
};
/** Errors in the order of the form's fields (answers after them, the honeypot last). */
const inFormOrder = (errors: FieldError[]) => [...errors].sort((a, b) => fieldRank(a.field) - fieldRank(b.field));

const isBlank = (v: AnswerValue | undefined) => v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

export async function fileServiceRequest(db: Db, input: IntakeInput): Promise<IntakeResult> {
  const { town } = input;
  const lang = input.messageLang ?? input.lang;
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, message });

  const serviceCode = cleanText(input.serviceCode);
  const description = cleanText(input.description, true);
  const locationText = cleanText(input.location?.text);
  const lat = input.location?.lat ?? null;
  const lng = input.location?.lng ?? null;
  const contact = {
    name: cleanText(input.contact?.name) || null,
    email: cleanText(input.contact?.email) || null,
    phone: cleanText(input.contact?.phone) || null,
  };

  if (cleanText(input.website)) fail('website', M.website[lang]);
  if (!serviceCode || serviceCode.length > INTAKE_LIMITS.serviceCode) fail('serviceCode', M.unknownService[lang]);
  if (!description) fail('description', M.empty[lang]);
  else if (description.length > INTAKE_LIMITS.description) fail('description', tooLong(INTAKE_LIMITS.description, lang));
  const latOk = lat === null || (Number.isFinite(lat) && lat >= -90 && lat <= 90);
  const lngOk = lng === null || (Number.isFinite(lng) && lng >= -180 && lng <= 180);
  if (locationText.length > INTAKE_LIMITS.locationText) fail('location.text', tooLong(INTAKE_LIMITS.locationText, lang));
  else if (!locationText && (lat === null || lng === null)) fail('location.text', M.locationText[lang]);
  if (!latOk) fail('location.lat', M.lat[lang]);
  else if (lat === null && lng !== null) fail('location.lat', M.bothCoordinates[lang]);
  if (!lngOk) fail('location.lng', M.lng[lang]);
  else if (lng === null && lat !== null) fail('location.lng', M.bothCoordinates[lang]);
  if (contact.name && contact.name.length > INTAKE_LIMITS.name) fail('contact.name', tooLong(INTAKE_LIMITS.name, lang));
  if (contact.email && (contact.email.length > INTAKE_LIMITS.email || !emailSchema.safeParse(contact.email).success)) {
    fail('contact.email', M.email[lang]);
  }
  if (contact.phone && !isValidPhone(contact.phone)) fail('contact.phone', M.phone[lang]);

  const lookUp = Boolean(serviceCode && serviceCode.length <= INTAKE_LIMITS.serviceCode);
  // The town's routing rules are read at the same time as the service (on PostgreSQL two round trips
  // overlap); awaited only when the request is filed, and a failure then surfaces there.
  const rulesRead = lookUp ? listRoutingRules(db, town.id) : undefined;
  rulesRead?.catch(() => undefined);
  // So are the reads of the filing's own statement on PostgreSQL (webhooks, the town for the
  // acknowledgement): the filing is then one more round trip (intake-store.ts prepareFiling).
  const filingReads = lookUp ? prepareFiling(db, { townId: town.id, contactEmail: contact.email, subscribe: input.subscribe === true }) : undefined;
  const service = lookUp ? await getActiveServiceByCode(db, town.id, serviceCode) : undefined;
  let answers: Record<string, AnswerValue> = {};
  if (serviceCode && !service && !errors.some((e) => e.field === 'serviceCode')) fail('serviceCode', M.unknownService[lang]);
  if (service) {
    if (!service.anonymousAllowed && !contact.email && !contact.phone && !errors.some((e) => e.field.startsWith('contact.'))) {
      fail('contact.email', M.contactNeeded[lang]);
    }
    const checked = checkAnswers(service.questions, input.answers, lang);
    errors.push(...checked.errors);
    answers = checked.answers;
    errors.push(...(await checkPhotos(db, { townId: town.id, photoIds: input.photos ?? [], lang })));
  }
  if (errors.length > 0 || !service) return { ok: false, reason: 'invalid', errors: inFormOrder(errors) };

  // What was asked, canonically.
  const idempotencyKey = input.idempotencyKey || null;
  const idempotencyHash = idempotencyKey
    ? intakeBodyHash({
        serviceCode,
        description,
        location: { text: locationText, lat, lng },
        contact,
        answers: Object.fromEntries(Object.entries(input.answers ?? {}).filter(([, v]) => !isBlank(v))),
        lang: input.lang,
        photos: input.photos ?? [],
      })
    : null;

  try {
    // A replay answers before the rate limit: a retry of a filed request is not a new filing.
    if (idempotencyKey) {
      const seen = await findIdempotentReplay(db, town.id, idempotencyKey, idempotencyHash);
      if (seen) return { ok: true, filed: seen };
    }
    const rl = input.rateLimit;
    if (rl && rl.rules.length > 0) {
      const limit = await hitRateLimits(db, `intake:${town.id}:${rateLimitSubject(rl.clientAddress)}`, rl.rules);
      if (!limit.allowed) {
        return { ok: false, reason: 'rate_limited', retryAfterSeconds: limit.retryAfterSeconds, message: rateLimitedMessage(limit.retryAfterSeconds, lang) };
      }
    }
    const routing = decideRouting(
      await (rulesRead ?? listRoutingRules(db, town.id)),
      { serviceCode: service.code, description, locationText, lat, lng },
      { departmentId: service.departmentId },
    );
    const filed = await fileRequest(db, {
      town,
      service,
      description,
      location: { text: locationText, lat, lng },
      contact,
      answers,
      lang: input.lang,
      channel: input.channel,
      idempotencyKey,
      idempotencyHash,
      routing,
      photos: input.photos,
      subscribe: input.subscribe === true && contact.email !== null,
    }, { reads: filingReads, replayChecked: true });
    return { ok: true, filed };
  } catch (err) {
    // A photo taken by another request between the check and the filing transaction: nothing was filed.
    if (err instanceof PhotosNotAttached) return { ok: false, reason: 'invalid', errors: err.fields };
    if (err instanceof IdempotencyKeyReusedError) return { ok: false, reason: 'idempotency_key_reused', message: M.reused[lang] };
    throw err;
  }
}
