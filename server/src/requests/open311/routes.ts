// Open311 GeoReport v2 at /open311/v2/: a format layer (field names, XML and JSON, errors) over the
// same functions as the JSON API — services/store.ts for the catalogue, intake.ts for filing, public
// reads like status-store.ts's. No rule is written here that intake or the services already apply.
//
// Choices where the spec leaves room (README, "Open311 GeoReport v2"):
// - POST answers `service_request_id` at once (services are `realtime`), never a token. Since a
//   reference exists from the first moment, `tokens/{token}` treats a token as the reference: it
//   answers `[{service_request_id, token}]` for a request that exists, 404 otherwise.
// - Public GET answers never carry personal data: no name, email, phone, device or account id, no
//   media, and no `description` (residents type personal details into it; the JSON API's status
//   omits it too). The problem's `address`, `lat` and `long` are public, as in every 311 system.
// - `media_url` is never fetched: an http(s) link is kept as a staff-only note on the request.
// - `device_id` and `account_id` are accepted and not stored; `address_id` is not supported (give
//   `address_string` or `lat`+`long`).
import { bodyLimit } from 'hono/body-limit';
import { CLOSED_STATUSES, isClosedStatus, OPEN_STATUSES } from '../statuses.ts';
import { cors } from 'hono/cors';
import type { Context } from 'hono';
import type { App, RouteDeps } from '../../app-types.ts';
import { findApiKey } from '../../accounts/api-keys.ts';
import type { Lang, RequestStatus } from '../../platform/database/schema.ts';
import { acceptedLang } from '../../platform/http/lang.ts';
import { clientAddress } from '../../platform/http/client-address.ts';
import { getActiveServiceByCode, listActiveServices, localiseService, type Service } from '../../services/store.ts';
import type { Town } from '../../towns/store.ts';
import { fileServiceRequest } from '../intake.ts';
import { addInternalNote } from '../staff-store.ts';
import { isoInZone, oneError, parseClientTime, respond, respondErrors, splitFormat, type Format, type Open311Error } from './format.ts';
import { findPublicRequests, listPublicRequests, type PublicRequestRow } from './store.ts';

export const OPEN311_BASE = '/open311/v2';
/** When this endpoint's formats last changed (discovery's `changeset`). */
export const OPEN311_CHANGESET = '2026-11-22T00:00:00Z';
const MAX_BODY_BYTES = 64 * 1024;
const DAY_MS = 24 * 3600_000;
export const MAX_RANGE_DAYS = 90;
export const MAX_ROWS = 1000;
/** At most this many ids in one `service_request_id` list. */
export const MAX_IDS = 100;
const MAX_MEDIA_URL = 2048;

const open311Status = (s: RequestStatus) => (isClosedStatus(s) ? 'closed' : 'open');

type Text = { en: string; fr: string };
const M = {
  noSuchResource: { en: 'There is no such Open311 resource.', fr: 'Cette ressource Open311 n’existe pas.' },
  format: { en: 'Add .json or .xml to the resource name.', fr: 'Ajoutez .json ou .xml au nom de la ressource.' },
  jurisdictionNeeded: {
    en: 'jurisdiction_id is required: this server hosts several towns.',
    fr: 'jurisdiction_id est obligatoire : ce serveur héberge plusieurs municipalités.',
  },
  jurisdictionUnknown: { en: 'There is no jurisdiction with this jurisdiction_id.', fr: 'Aucune juridiction ne porte ce jurisdiction_id.' },
  noTown: { en: 'This server has no town yet.', fr: 'Ce serveur n’a encore aucune municipalité.' },
  apiKey: { en: 'api_key is missing, unknown or revoked.', fr: 'api_key est absente, inconnue ou révoquée.' },
  apiKeyTown: { en: 'This api_key is not valid for this jurisdiction.', fr: 'Cette api_key n’est pas valide pour cette juridiction.' },
  noService: { en: 'There is no service with this service_code.', fr: 'Aucun service ne porte ce service_code.' },
  noRequest: { en: 'There is no request with this service_request_id.', fr: 'Aucune demande ne porte ce service_request_id.' },
  noToken: { en: 'There is no request for this token.', fr: 'Aucune demande ne correspond à ce jeton.' },
  date: {
    en: 'must be an ISO 8601 date-time with its time zone (2026-11-22T14:03:00-05:00) or a date (2026-11-22).',
    fr: 'doit être une date-heure ISO 8601 avec son fuseau (2026-11-22T14:03:00-05:00) ou une date (2026-11-22).',
  },
  range: {
    en: `end_date must be after start_date, at most ${MAX_RANGE_DAYS} days later.`,
    fr: `end_date doit suivre start_date d’au plus ${MAX_RANGE_DAYS} jours.`,
  },
  status: { en: 'status must be open, closed or both (open,closed).', fr: 'status doit valoir open, closed ou les deux (open,closed).' },
  tooManyIds: {
    en: `Ask for at most ${MAX_IDS} service_request_id values at once.`,
    fr: `Demandez au plus ${MAX_IDS} valeurs de service_request_id à la fois.`,
  },
  page: {
    en: `page must be a whole number from 1 and page_size one from 1 to ${MAX_ROWS}.`,
    fr: `page doit être un entier à partir de 1 et page_size un entier de 1 à ${MAX_ROWS}.`,
  },
  mediaUrl: {
    en: `media_url must be an http or https address of at most ${MAX_MEDIA_URL} characters.`,
    fr: `media_url doit être une adresse http ou https d’au plus ${MAX_MEDIA_URL} caractères.`,
  },
  bodyType: {
    en: 'Send the body as application/x-www-form-urlencoded (or multipart/form-data).',
    fr: 'Envoyez le corps en application/x-www-form-urlencoded (ou multipart/form-data).',
  },
  tooLarge: { en: 'The request body is larger than 64 KB.', fr: 'Le corps de la requête dépasse 64 Ko.' },
  notice: { en: 'We aim to respond within {n} working days.', fr: 'Nous visons à répondre en {n} jours ouvrables.' },
  noticeOne: { en: 'We aim to respond within 1 working day.', fr: 'Nous visons à répondre en 1 jour ouvrable.' },
  mediaNote: {
    en: 'Photo link sent with the request by an Open311 client (MuniKit did not fetch it): {url}',
    fr: 'Lien de photo envoyé avec la demande par un client Open311 (MuniKit ne l’a pas consulté) : {url}',
  },
} satisfies Record<string, Text>;

/** Parameters as the spec reads them: an empty value is the same as an absent one. */
class Params {
  private readonly values: Map<string, string[]>;
  constructor(values: Map<string, string[]>) {
    this.values = values;
  }
  static fromQuery(c: Context): Params {
    const map = new Map<string, string[]>();
    for (const [k, v] of new URL(c.req.url).searchParams) map.set(k, [...(map.get(k) ?? []), v]);
    return new Params(map);
  }
  get(name: string): string | undefined {
    const v = this.values.get(name)?.find((x) => x.trim() !== '');
    return v?.trim();
  }
  entries() {
    return this.values.entries();
  }
  /** Adds the other's parameters that this one lacks (a POST's query string under its body). */
  withFallback(other: Params): Params {
    const map = new Map(this.values);
    for (const [k, v] of other.entries()) if (!map.has(k)) map.set(k, v);
    return new Params(map);
  }
}

const fill = (t: string, vars: Record<string, string | number>) => t.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k]));

/** The answer's language: `lang` (query or body), else Accept-Language, else the town's (English without a town). */
function langOf(c: Context, params: Params, town?: Town): Lang {
  const asked = params.get('lang');
  if (asked === 'en' || asked === 'fr') return asked;
  return acceptedLang(c) ?? town?.defaultLanguage ?? 'en';
}

/** The spec's notice for a service with a target: shown to the resident by most clients. */
function serviceNotice(targetDays: number | null, lang: Lang): string | null {
  if (!targetDays) return null;
  return targetDays === 1 ? M.noticeOne[lang] : fill(M.notice[lang], { n: targetDays });
}

function publicRequest(r: PublicRequestRow, town: Town, lang: Lang) {
  const closed = open311Status(r.status) === 'closed';
  return {
    service_request_id: r.reference,
    status: open311Status(r.status),
    status_notes: r.statusNotes,
    service_name: r.serviceName,
    service_code: r.serviceCode,
    agency_responsible: r.department,
    service_notice: serviceNotice(r.targetDays, lang),
    requested_datetime: isoInZone(r.createdAt, town.timezone),
    updated_datetime: isoInZone(closed ? (r.closedAt ?? r.updatedAt) : r.updatedAt, town.timezone),
    expected_datetime: r.dueAt ? isoInZone(r.dueAt, town.timezone) : null,
    address: r.address || null,
    lat: r.lat,
    long: r.lng,
  };
}

const REQUESTS_SHAPE = { root: 'service_requests', item: 'request' } as const;

/** Open311's names for intake's fields. */
function open311Field(field: string): string {
  if (field.startsWith('answers.')) return `attribute[${field.slice('answers.'.length)}]`;
  const names: Record<string, string> = {
    serviceCode: 'service_code',
    description: 'description',
    'location.text': 'address_string',
    'location.lat': 'lat',
    'location.lng': 'long',
    'contact.name': 'first_name',
    'contact.email': 'email',
    'contact.phone': 'phone',
    photos: 'media_url',
  };
  return names[field] ?? field;
}

async function readForm(c: Context): Promise<Params | undefined> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  const map = new Map<string, string[]>();
  if (type.startsWith('multipart/form-data')) {
    const form = await c.req.formData();
    for (const [k, v] of form.entries()) if (typeof v === 'string') map.set(k, [...(map.get(k) ?? []), v]);
  } else if (type.startsWith('application/x-www-form-urlencoded') || type === '') {
    for (const [k, v] of new URLSearchParams(await c.req.text())) map.set(k, [...(map.get(k) ?? []), v]);
  } else {
    return undefined;
  }
  return new Params(map);
}

/** `attribute[CODE]=v` (one value) and `attribute[CODE][]=v` (each value of a multi-value list). */
function attributes(params: Params): Record<string, string | string[]> {
  // A Map, then fromEntries: a code like `__proto__` stays an ordinary key.
  const out = new Map<string, string[]>();
  const lists = new Set<string>();
  for (const [key, values] of params.entries()) {
    const m = /^attribute\[([^\]]+)\](\[\])?$/.exec(key);
    if (!m) continue;
    const code = m[1]!;
    const given = values.map((v) => v.trim()).filter((v) => v !== '');
    if (given.length === 0) continue;
    if (m[2]) lists.add(code);
    out.set(code, [...(out.get(code) ?? []), ...given]);
  }
  return Object.fromEntries([...out].map(([code, all]) => [code, lists.has(code) || all.length > 1 ? all : all[0]!]));
}

export function registerOpen311Routes(app: App, { db, towns, config }: RouteDeps) {
  const base = OPEN311_BASE;

  /** The resource's format from the last path segment, or the 404 answer (in XML, the spec's required format). */
  const formatOf = (c: Context, segment: string): [string, Format] | Response => {
    const split = splitFormat(segment);
    if (split) return split;
    const lang = langOf(c, Params.fromQuery(c));
    return oneError(c, 'xml', 404, `${M.noSuchResource[lang]} ${M.format[lang]}`);
  };

  /** The town of a call: `jurisdiction_id` when given (404 unknown), else the only town (400 when there are several). */
  async function townOf(c: Context, format: Format, params: Params, fallback?: string): Promise<Town | Response> {
    const lang = langOf(c, params);
    const id = params.get('jurisdiction_id');
    if (id) {
      const town = await towns.get(id);
      return town ?? oneError(c, format, 404, M.jurisdictionUnknown[lang]);
    }
    const all = await towns.all();
    if (all.length === 1) return all[0]!;
    if (all.length === 0) return oneError(c, format, 404, M.noTown[lang]);
    if (fallback) {
      const town = await towns.get(fallback);
      if (town) return town;
    }
    return oneError(c, format, 400, M.jurisdictionNeeded[lang]);
  }

  app.use(`${base}/*`, cors({ origin: '*', allowMethods: ['GET', 'HEAD'] }));
  app.use(`${base}/*`, async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const format = splitFormat(c.req.path.split('/').pop() ?? '')?.[1] ?? 'xml';
    return bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c2) => oneError(c2, format, 413, M.tooLarge[langOf(c2, Params.fromQuery(c2))]),
    })(c, next);
  });

  app.get(`${base}/:file`, async (c) => {
    const f = formatOf(c, c.req.param('file'));
    if (f instanceof Response) return f;
    const [resource, format] = f;
    const params = Params.fromQuery(c);
    if (resource === 'discovery') return discovery(c, format, params);
    if (resource === 'services') {
      const town = await townOf(c, format, params);
      if (town instanceof Response) return town;
      const lang = langOf(c, params, town);
      const services = (await listActiveServices(db, town.id)).map((s) => {
        const l = localiseService(s, lang);
        return {
          service_code: l.code,
          service_name: l.name,
          description: l.description,
          metadata: s.questions.length > 0,
          type: 'realtime',
          keywords: l.keywords.join(','),
          group: l.group,
        };
      });
      return respond(c, format, 200, services, { root: 'services', item: 'service' });
    }
    if (resource === 'requests') return listRequests(c, format, params);
    return oneError(c, format, 404, M.noSuchResource[langOf(c, params)]);
  });

  async function discovery(c: Context, format: Format, params: Params) {
    const id = params.get('jurisdiction_id');
    const all = await towns.all();
    const town = id ? await towns.get(id) : all.length === 1 ? all[0] : undefined;
    if (id && !town) return oneError(c, format, 404, M.jurisdictionUnknown[langOf(c, params)]);
    const lang = langOf(c, params, town);
    const contact = (town?.settings.contact ?? {}) as { email?: string; phone?: string };
    const origin = config.publicOrigin ?? new URL(c.req.url).origin;
    const who = town ? town.name[lang] : lang === 'fr' ? 'la municipalité' : 'the town';
    const body = {
      changeset: OPEN311_CHANGESET,
      contact: [contact.email, contact.phone].filter(Boolean).join(', ') || null,
      key_service:
        lang === 'fr'
          ? `Pour déposer des demandes, demandez une api_key à l’administration de ${who}. Les réponses publiques ne contiennent aucune donnée personnelle ni la description libre.`
          : `To file requests, ask ${who}'s administrator for an api_key. Public answers carry no personal data and no free-text description.`,
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: `${origin}${base}`,
          changeset: OPEN311_CHANGESET,
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    };
    return respond(c, format, 200, body, { root: 'discovery', nested: { endpoints: 'endpoint', formats: 'format' } });
  }

  async function listRequests(c: Context, format: Format, params: Params) {
    const town = await townOf(c, format, params);
    if (town instanceof Response) return town;
    const lang = langOf(c, params, town);
    const ids = params.get('service_request_id');
    if (ids) {
      const list = ids.split(',').map((x) => x.trim()).filter(Boolean);
      if (list.length > MAX_IDS) return oneError(c, format, 400, M.tooManyIds[lang]);
      const rows = await findPublicRequests(db, town, list, lang);
      return respond(c, format, 200, rows.map((r) => publicRequest(r, town, lang)), REQUESTS_SHAPE);
    }
    const errors: Open311Error[] = [];
    const bad = (description: string) => errors.push({ code: '400', description });
    const time = (name: string) => {
      const v = params.get(name);
      if (!v) return undefined;
      const t = parseClientTime(v, town.timezone);
      if (!t) bad(`${name} ${M.date[lang]}`);
      return t ?? null;
    };
    const start = time('start_date');
    const end = time('end_date');
    let statuses: RequestStatus[] | undefined;
    const status = params.get('status');
    if (status) {
      const asked = new Set(status.toLowerCase().split(',').map((s) => s.trim()).filter(Boolean));
      if ([...asked].some((s) => s !== 'open' && s !== 'closed')) bad(M.status[lang]);
      statuses = [...(asked.has('open') ? OPEN_STATUSES : []), ...(asked.has('closed') ? CLOSED_STATUSES : [])];
    }
    const pageText = params.get('page');
    const sizeText = params.get('page_size');
    const page = pageText === undefined ? 1 : Number(pageText);
    const size = sizeText === undefined ? MAX_ROWS : Number(sizeText);
    if (!Number.isInteger(page) || page < 1 || !Number.isInteger(size) || size < 1 || size > MAX_ROWS) bad(M.page[lang]);
    if (start === null || end === null || errors.length > 0) return respondErrors(c, format, 400, errors);
    const now = Date.now();
    const to = end ? end.getTime() : start ? start.getTime() + MAX_RANGE_DAYS * DAY_MS : now + 1;
    const from = start ? start.getTime() : to - MAX_RANGE_DAYS * DAY_MS;
    if (to <= from || to - from > MAX_RANGE_DAYS * DAY_MS) return oneError(c, format, 400, M.range[lang]);
    const codes = params.get('service_code')?.split(',').map((s) => s.trim()).filter(Boolean);
    const rows = await listPublicRequests(
      db,
      town.id,
      {
        from: new Date(from).toISOString(),
        // end_date is inclusive to the millisecond.
        to: new Date(to + (end ? 1 : 0)).toISOString(),
        serviceCodes: codes,
        statuses,
        limit: size,
        offset: (page - 1) * size,
      },
      lang,
    );
    return respond(c, format, 200, rows.map((r) => publicRequest(r, town, lang)), REQUESTS_SHAPE);
  }

  app.get(`${base}/services/:file`, async (c) => {
    const f = formatOf(c, c.req.param('file'));
    if (f instanceof Response) return f;
    const [code, format] = f;
    const params = Params.fromQuery(c);
    const town = await townOf(c, format, params);
    if (town instanceof Response) return town;
    const lang = langOf(c, params, town);
    const service = await getActiveServiceByCode(db, town.id, code);
    if (!service) return oneError(c, format, 404, M.noService[lang]);
    return respond(c, format, 200, serviceDefinition(service, lang), {
      root: 'service_definition',
      nested: { attributes: 'attribute', values: 'value' },
    });
  });

  app.get(`${base}/requests/:file`, async (c) => {
    const f = formatOf(c, c.req.param('file'));
    if (f instanceof Response) return f;
    const [id, format] = f;
    const params = Params.fromQuery(c);
    const town = await townOf(c, format, params);
    if (town instanceof Response) return town;
    const lang = langOf(c, params, town);
    const rows = await findPublicRequests(db, town, [id], lang);
    if (rows.length === 0) return oneError(c, format, 404, M.noRequest[lang]);
    return respond(c, format, 200, rows.map((r) => publicRequest(r, town, lang)), REQUESTS_SHAPE);
  });

  app.get(`${base}/tokens/:file`, async (c) => {
    const f = formatOf(c, c.req.param('file'));
    if (f instanceof Response) return f;
    const [token, format] = f;
    const params = Params.fromQuery(c);
    const town = await townOf(c, format, params);
    if (town instanceof Response) return town;
    const lang = langOf(c, params, town);
    const [row] = await findPublicRequests(db, town, [token], lang);
    if (!row) return oneError(c, format, 404, M.noToken[lang]);
    return respond(c, format, 200, [{ service_request_id: row.reference, token }], REQUESTS_SHAPE);
  });

  app.post(`${base}/:file`, async (c) => {
    const f = formatOf(c, c.req.param('file'));
    if (f instanceof Response) return f;
    const [resource, format] = f;
    const query = Params.fromQuery(c);
    if (resource !== 'requests') return oneError(c, format, 404, M.noSuchResource[langOf(c, query)]);
    const body = await readForm(c);
    if (!body) return oneError(c, format, 400, M.bodyType[langOf(c, query)]);
    const params = body.withFallback(query);

    // The key first: without one, nothing else is looked at (403). Looked up by hash.
    const key = await findApiKey(db, params.get('api_key') ?? '');
    if (!key) return oneError(c, format, 403, M.apiKey[langOf(c, params)]);
    const town = await townOf(c, format, params, key.townId);
    if (town instanceof Response) return town;
    const lang = langOf(c, params, town);
    if (key.townId !== town.id) return oneError(c, format, 403, M.apiKeyTown[lang]);

    // media_url is checked before filing (intake has no such field): a bad one files nothing.
    const mediaUrl = params.get('media_url');
    if (mediaUrl && (mediaUrl.length > MAX_MEDIA_URL || !/^https?:\/\/\S+$/i.test(mediaUrl) || !URL.canParse(mediaUrl))) {
      return oneError(c, format, 400, `media_url: ${M.mediaUrl[lang]}`);
    }
    const name = [params.get('first_name'), params.get('last_name')].filter(Boolean).join(' ');
    const number = (v: string | undefined) => (v === undefined ? null : Number(v));
    // The service's notice for the answer, read while the request is filed (on PostgreSQL, another
    // round trip on another connection instead of one more after the filing).
    const serviceRead = getActiveServiceByCode(db, town.id, params.get('service_code') ?? '');
    serviceRead.catch(() => undefined);
    const result = await fileServiceRequest(db, {
      town,
      serviceCode: params.get('service_code') ?? '',
      description: params.get('description') ?? '',
      location: { text: params.get('address_string') ?? null, lat: number(params.get('lat')), lng: number(params.get('long')) },
      contact: { name: name || null, email: params.get('email') ?? null, phone: params.get('phone') ?? null },
      answers: attributes(params),
      lang,
      channel: 'open311',
      // The same per-address limit as every public channel (INTAKE_RATE_LIMIT).
      rateLimit: { clientAddress: clientAddress(c, config.trustProxyHops), rules: config.intakeRateLimits },
      // Open311 has no honeypot and no idempotency key; photos come as media_url (above).
    });
    if (!result.ok) {
      if (result.reason === 'rate_limited') {
        c.header('Retry-After', String(result.retryAfterSeconds));
        return oneError(c, format, 429, result.message);
      }
      if (result.reason === 'idempotency_key_reused') return oneError(c, format, 400, result.message);
      // An unknown service_code names a thing that does not exist: 404, as for services/{code}.
      const unknownService = params.get('service_code') !== undefined && result.errors.some((e) => e.field === 'serviceCode');
      const errors = result.errors.map((e) => ({
        code: unknownService && e.field === 'serviceCode' ? '404' : '400',
        description: `${open311Field(e.field)}: ${e.message}`,
      }));
      return respondErrors(c, format, unknownService ? 404 : 400, errors);
    }
    const filed = result.filed;
    if (mediaUrl) await addInternalNote(db, filed.id, fill(M.mediaNote[town.defaultLanguage], { url: mediaUrl }));
    const service = await serviceRead;
    return respond(
      c,
      format,
      201,
      [{ service_request_id: filed.reference, service_notice: serviceNotice(service?.targetDays ?? null, lang), account_id: null }],
      REQUESTS_SHAPE,
    );
  });

  app.all(`${base}/*`, (c) => {
    const format = splitFormat(c.req.path.split('/').pop() ?? '')?.[1] ?? 'xml';
    return oneError(c, format, 404, M.noSuchResource[langOf(c, Params.fromQuery(c))]);
  });
}

function serviceDefinition(s: Service, lang: Lang) {
  const l = localiseService(s, lang);
  return {
    service_code: l.code,
    attributes: l.questions.map((q) => ({
      variable: q.variable,
      code: q.code,
      datatype: q.datatype,
      required: q.required,
      datatype_description: q.description || null,
      order: q.order,
      description: q.label,
      values: q.values,
    })),
  };
}
