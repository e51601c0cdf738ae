// Filing a new service request (public web form, Open311, staff or phone). This module writes the
// resident's contact details; it never reads them back — reads live in staff-store.ts only.
import { CompiledQuery, PostgresAdapter, type Insertable } from 'kysely';
import { notifyRequestChange, readForReceived, receivedJobs, type FiledNotice, type ReceivedReads } from '../notifications/request-changes.ts';
import { createSubscription, newSubscription, subscriptionSecret } from '../notifications/subscriptions-store.ts';
import type { Database, Db, DbOrTx, JobsTable, Lang, RequestChannel, RequestStatus, RequestSubscribersTable } from '../platform/database/schema.ts';
import { newId, nowIso } from '../platform/database/schema.ts';
import { inTransaction } from '../platform/database/group-commit.ts';
import { JOB_COLUMNS, jobRow } from '../platform/jobs/outbox.ts';
import { preparedQuery, type Arg } from '../platform/database/prepared.ts';
import { newReference, randomSymbols } from './references.ts';
import type { RoutingDecision } from './routing.ts';
import { attachPhotos, PhotosNotAttached } from './photos/store.ts';
import { dueDates, townCalendar } from './service-targets.ts';

export interface NewRequest {
  /** The time zone and settings (holidays) set the due dates (service-targets.ts). */
  town: { id: string; referencePrefix: string; timezone: string; settings: Record<string, unknown> };
  service: { id: string; code: string; departmentId: string | null; targetDays: number | null; ackTargetHours: number | null };
  description: string;
  location: { text: string; lat?: number | null; lng?: number | null };
  contact?: { name?: string | null; email?: string | null; phone?: string | null } | null;
  answers?: Record<string, unknown>;
  lang: Lang;
  channel: RequestChannel;
  idempotencyKey?: string | null;
  /** Upload ids to attach (photos/store.ts); a refused id throws PhotosNotAttached and rolls back. */
  photos?: string[];
  /** SHA-256 (hex) of the canonical body (see intake.ts); a replay must match it. */
  idempotencyHash?: string | null;
  /** The routing decision (intake.ts); recorded as an internal `routed` event. Omitted: the service's department, normal priority, no event. */
  routing?: RoutingDecision | null;
  /** "Email me": a pending reporter subscription to the contact email, confirmed by the link in the acknowledgement. */
  subscribe?: boolean;
  /** For seeding/imports: when the request was filed. Defaults to now. */
  createdAt?: string;
}

export interface FiledRequest {
  id: string;
  reference: string;
  status: RequestStatus;
  createdAt: string;
  /** True when the Idempotency-Key had been seen: nothing new was stored. */
  replayed: boolean;
}

/** The Idempotency-Key was used before for a request with a different body. */
export class IdempotencyKeyReusedError extends Error {
  constructor() {
    super('idempotency key reused with a different body');
    this.name = 'IdempotencyKeyReusedError';
  }
}

/**
 * The request filed earlier under this Idempotency-Key, as its replay: `undefined` when the key is
 * new; throws IdempotencyKeyReusedError when it was filed with another body (requests filed before
 * bodies were hashed have no hash and count as the same body).
 */
export async function findIdempotentReplay(
  db: DbOrTx,
  townId: string,
  key: string,
  hash: string | null | undefined,
): Promise<FiledRequest | undefined> {
  const row = await db
    .selectFrom('requests')
    .select(['id', 'reference', 'created_at', 'idempotency_hash'])
    .where('town_id', '=', townId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  if (!row) return undefined;
  if (hash && row.idempotency_hash && row.idempotency_hash !== hash) throw new IdempotencyKeyReusedError();
  // The reply to a replay repeats the original one: the status it was filed with.
  return { id: row.id, reference: row.reference, status: 'received', createdAt: row.created_at, replayed: true };
}

const isPostgres = (db: DbOrTx): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

/** What a PostgreSQL filing reads before its one statement: what its jobs need, and the subscription secret for "email me". */
export interface FilingReads {
  notify: ReceivedReads;
  subscriptionSecret: string | undefined;
}

export interface FileOptions {
  /** prepareFiling()'s reads, started by the caller beside its own (PostgreSQL); made here when absent. */
  reads?: Promise<FilingReads> | undefined;
  /** The caller has just looked for the Idempotency-Key's replay (intake.ts): not again before filing. */
  replayChecked?: boolean;
  /** For tests that force a reference collision. */
  random?: (count: number) => string;
}

/**
 * PostgreSQL: starts, at once on the pool, the reads a filing's statement needs (the town's active
 * webhooks, the town for the acknowledgement, the subscription secret with "email me"), so the caller
 * overlaps them with its own (intake.ts: the service, the routing rules). Undefined on SQLite, whose
 * filing reads them in its transaction. A failure surfaces where fileRequest awaits them.
 */
export function prepareFiling(db: Db, f: { townId: string; contactEmail: string | null | undefined; subscribe: boolean | undefined }): Promise<FilingReads> | undefined {
  if (!isPostgres(db)) return undefined;
  const reads = Promise.all([
    readForReceived(db, f.townId, { acknowledge: Boolean(f.contactEmail) }),
    f.subscribe && f.contactEmail ? subscriptionSecret(db) : undefined,
  ]).then(([notify, secret]) => ({ notify, subscriptionSecret: secret }));
  reads.catch(() => undefined);
  return reads;
}

/**
 * Files a request with its subscription ("email me") and the jobs it queues (the acknowledgement, the
 * town's webhooks), or answers the replay of its Idempotency-Key. Throws IdempotencyKeyReusedError
 * for a reused key with a different body.
 *
 * SQLite: one transaction, shared with concurrent filings (group commit). PostgreSQL: ONE statement
 * in autocommit (atomic, and committed before we answer), after reads made in parallel; with photos,
 * that statement and attachPhotos in one transaction.
 */
export async function fileRequest(db: Db, r: NewRequest, opts: FileOptions = {}): Promise<FiledRequest> {
  const key = r.idempotencyKey ?? null;
  if (key && !opts.replayChecked) {
    const seen = await findIdempotentReplay(db, r.town.id, key, r.idempotencyHash);
    if (seen) return seen;
  }
  try {
    if (isPostgres(db)) return await fileRequestPostgres(db, r, opts);
    // Photos (requests/photos/) attach inside this transaction, after the request, so a request and
    // its photos are stored together or not at all.
    // inTransaction: on SQLite, concurrent filings share one COMMIT (each in its own savepoint), and
    // none is answered before that COMMIT (platform/database/group-commit.ts).
    return await inTransaction(db, async (trx) => {
      const rows = requestRows(r);
      const filed = await insertRows(trx, r, rows, opts.random ?? randomSymbols);
      const email = r.contact?.email || null;
      // "Email me": the subscription is made with the request, and its confirm link rides in the
      // acknowledgement, so the reporter gets one email (see notifications/request-changes.ts).
      const subscription =
        r.subscribe && email ? await createSubscription(trx, { townId: r.town.id, requestId: filed.id, email, lang: r.lang, source: 'reporter' }) : undefined;
      // The acknowledgement email and the town's webhooks, queued in the filing transaction.
      await notifyRequestChange(trx, { kind: 'received', townId: r.town.id, requestId: filed.id, filed: filedNotice(r, rows, filed.reference, subscription?.confirmToken) });
      return filed;
    });
  } catch (err) {
    // Two submissions with the same key raced: the loser answers with the winner's request.
    if (key) {
      const seen = await findIdempotentReplay(db, r.town.id, key, r.idempotencyHash);
      if (seen) return seen;
    }
    throw err;
  }
}

/** What notifications are told of a filing: from the rows being stored, not read back. */
function filedNotice(r: NewRequest, rows: FilingRows, reference: string, confirmToken: string | null | undefined): FiledNotice {
  const q = rows.request;
  return {
    reference,
    lang: r.lang,
    contactEmail: r.contact?.email || null,
    confirmToken: confirmToken ?? null,
    request: {
      reference,
      serviceCode: q.service_code,
      status: q.status,
      priority: q.priority,
      department: q.department_id ?? null,
      createdAt: q.created_at,
      updatedAt: q.updated_at,
      lat: q.lat ?? null,
      lng: q.lng ?? null,
      locationText: q.location_text,
    },
  };
}

/**
 * PostgreSQL: the request, its contact, its events, its subscription and its jobs in one statement
 * (insertRequestPostgres), the reads it depends on made before (prepareFiling).
 */
async function fileRequestPostgres(db: Db, r: NewRequest, opts: FileOptions): Promise<FiledRequest> {
  const email = r.contact?.email || null;
  const subscribe = Boolean(r.subscribe && email);
  const reads = await (opts.reads ?? prepareFiling(db, { townId: r.town.id, contactEmail: email, subscribe }))!;
  const secret = subscribe ? (reads.subscriptionSecret ?? (await subscriptionSecret(db))) : undefined;
  const file = (q: DbOrTx) => {
    const rows = requestRows(r);
    const subscription =
      secret && email ? newSubscription({ townId: r.town.id, requestId: rows.request.id, email, lang: r.lang, source: 'reporter' }, secret) : undefined;
    return insertRequestPostgres(q, r, rows, opts.random ?? randomSymbols, {
      subscription: subscription?.row ?? null,
      // Depends on the reference: made again for each one drawn.
      jobs: (reference) => {
        const now = nowIso();
        return receivedJobs(r.town.id, reads.notify, filedNotice(r, rows, reference, subscription?.confirmToken)).map((job) => jobRow(job, now));
      },
    });
  };
  // Photos attach after the statement, in its transaction; without any, the statement commits alone.
  return r.photos && r.photos.length > 0 ? inTransaction(db, file) : file(db);
}

/** How many fresh references to try when one is taken (2^-44 per existing reference: never, in practice). */
const REFERENCE_ATTEMPTS = 5;

type RequestRow = Insertable<Database['requests']>;
type ContactRow = Insertable<Database['request_contacts']>;
type EventRow = Insertable<Database['request_events']>;

/** The rows of a new request, but its reference. */
interface FilingRows {
  request: Omit<RequestRow, 'reference'>;
  contact: ContactRow | null;
  events: EventRow[];
}

function requestRows(r: NewRequest): FilingRows {
  const key = r.idempotencyKey ?? null;
  const id = newId();
  const createdAt = r.createdAt ?? nowIso();
  const routing = r.routing ?? null;
  const c = r.contact;
  const due = dueDates(createdAt, r.service, townCalendar(r.town.timezone, r.town.settings));
  const events: EventRow[] = [
    {
      id: newId(),
      request_id: id,
      type: 'created',
      status: 'received',
      note: null,
      visibility: 'public',
      actor_user_id: null,
      created_at: createdAt,
    },
  ];
  if (routing) {
    const rule = routing.rule;
    events.push({
      id: newId(),
      request_id: id,
      type: 'routed',
      status: null,
      // Names the rule in the admin's own words; language-neutral otherwise (details are for the UI).
      note: rule ? `#${rule.position} ${rule.name}` : null,
      visibility: 'internal',
      actor_user_id: null,
      // One millisecond after `created`, so the timeline (ordered by time) shows it second.
      created_at: new Date(Date.parse(createdAt) + 1).toISOString(),
      details: JSON.stringify({
        ruleId: rule?.id ?? null,
        rulePosition: rule?.position ?? null,
        ruleName: rule?.name ?? null,
        matched: routing.matched,
        priority: routing.priority,
        departmentId: routing.departmentId,
        assigneeUserId: routing.assigneeUserId,
      }),
    });
  }
  return {
    request: {
      id,
      town_id: r.town.id,
      service_id: r.service.id,
      service_code: r.service.code,
      status: 'received',
      priority: routing?.priority ?? 'normal',
      department_id: routing ? routing.departmentId : r.service.departmentId,
      assignee_user_id: routing?.assigneeUserId ?? null,
      location_text: r.location.text,
      lat: r.location.lat ?? null,
      lng: r.location.lng ?? null,
      description: r.description,
      channel: r.channel,
      answers: JSON.stringify(r.answers ?? {}),
      idempotency_key: key,
      idempotency_hash: key ? (r.idempotencyHash ?? null) : null,
      lang: r.lang,
      created_at: createdAt,
      updated_at: createdAt,
      closed_at: null,
      due_at: due.dueAt,
      ack_due_at: due.ackDueAt,
    },
    contact:
      c && (c.name || c.email || c.phone)
        ? { request_id: id, name: c.name || null, email: c.email || null, phone: c.phone || null, device_id: null, account_id: null }
        : null,
    events,
  };
}

// SQLite: the filing transaction's INSERTs, compiled once (platform/database/prepared.ts): every column given.
const REQUEST_COLUMNS = [
  'id',
  'town_id',
  'reference',
  'service_id',
  'service_code',
  'status',
  'priority',
  'department_id',
  'assignee_user_id',
  'location_text',
  'lat',
  'lng',
  'description',
  'channel',
  'answers',
  'idempotency_key',
  'idempotency_hash',
  'lang',
  'created_at',
  'updated_at',
  'closed_at',
  'due_at',
  'ack_due_at',
] as const satisfies readonly (keyof RequestRow)[];
const CONTACT_COLUMNS = ['request_id', 'name', 'email', 'phone', 'device_id', 'account_id'] as const satisfies readonly (keyof ContactRow)[];
const EVENT_COLUMNS = [
  'id',
  'request_id',
  'type',
  'status',
  'note',
  'visibility',
  'actor_user_id',
  'created_at',
  'details',
] as const satisfies readonly (keyof EventRow)[];
const rowOf = <T>(columns: readonly string[], arg: Arg) => Object.fromEntries(columns.map((c, i) => [c, arg(i)])) as T;

const insertRequestRow = preparedQuery<unknown[], { id: string }>((db, arg) =>
  db
    .insertInto('requests')
    .values(rowOf<RequestRow>(REQUEST_COLUMNS, arg))
    .onConflict((oc) => oc.columns(['town_id', 'reference']).doNothing())
    .returning('id'),
);
const insertContactRow = preparedQuery<unknown[], never>((db, arg) => db.insertInto('request_contacts').values(rowOf<ContactRow>(CONTACT_COLUMNS, arg)));
const insertEventRow = preparedQuery<unknown[], never>((db, arg) => db.insertInto('request_events').values(rowOf<EventRow>(EVENT_COLUMNS, arg)));

/**
 * Inserts a request, its contact, its `created` event and, with a routing decision, its internal
 * `routed` event. Run inside a transaction. `random` is for tests that force a reference collision.
 */
export async function insertRequest(
  trx: DbOrTx,
  r: NewRequest,
  opts: { random?: (count: number) => string } = {},
): Promise<FiledRequest> {
  return insertRows(trx, r, requestRows(r), opts.random ?? randomSymbols);
}

async function insertRows(trx: DbOrTx, r: NewRequest, rows: FilingRows, random: (count: number) => string): Promise<FiledRequest> {
  const { id, created_at: createdAt } = rows.request;
  if (isPostgres(trx)) return insertRequestPostgres(trx, r, rows, random);
  let reference: string | undefined;
  for (let attempt = 0; attempt < REFERENCE_ATTEMPTS && !reference; attempt++) {
    const candidate = newReference(r.town.referencePrefix, random);
    // ON CONFLICT on the reference only: a taken reference inserts nothing (no error) and we draw again.
    const row: RequestRow = { ...rows.request, reference: candidate };
    const inserted = await insertRequestRow(trx, ...REQUEST_COLUMNS.map((c) => row[c]));
    if (inserted.length > 0) reference = candidate;
  }
  if (!reference) throw new Error(`no free reference after ${REFERENCE_ATTEMPTS} attempts`);
  const contact = rows.contact;
  if (contact) await insertContactRow(trx, ...CONTACT_COLUMNS.map((c) => contact[c]));
  if (r.photos && r.photos.length > 0) {
    const photoErrors = await attachPhotos(trx, { townId: r.town.id, requestId: id, photoIds: r.photos, lang: r.lang });
    if (photoErrors.length > 0) throw new PhotosNotAttached(photoErrors);
  }
  for (const event of rows.events) await insertEventRow(trx, ...EVENT_COLUMNS.map((c) => event[c] ?? null));
  return { id, reference, status: 'received' as const, createdAt, replayed: false };
}

const SUBSCRIBER_COLUMNS = [
  'id',
  'town_id',
  'request_id',
  'email',
  'lang',
  'source',
  'status',
  'confirm_token_hash',
  'unsubscribe_token_hash',
  'created_at',
  'confirmed_at',
  'unsubscribed_at',
  'confirm_sent_at',
] as const satisfies readonly (keyof RequestSubscribersTable)[];
/** The integer columns of jobs (the others are text), for the types of their unnest() arrays. */
const JOB_INTEGER_COLUMNS: ReadonlySet<string> = new Set<keyof JobsTable>(['attempts', 'max_attempts']);

interface FilingShape {
  contact: boolean;
  events: number;
  subscription: boolean;
  jobs: boolean;
}

/**
 * PostgreSQL: a filing as ONE statement of data-modifying CTEs, one round trip: the request, then its
 * contact, events, subscription and jobs taken FROM the inserted request, so a taken reference
 * (ON CONFLICT … DO NOTHING) inserts nothing at all and we draw again. Every column is text but the
 * request's own (typed by its VALUES) and the jobs' (one array per column, unnest()ed: any number of
 * jobs in the same SQL text). SQL text per shape.
 */
const pgFilingSql = new Map<string, string>();
function filingSqlPostgres(shape: FilingShape): string {
  const key = `${shape.contact}:${shape.events}:${shape.subscription}:${shape.jobs}`;
  let text = pgFilingSql.get(key);
  if (text) return text;
  let n = 0;
  const param = () => `$${++n}`;
  const cols = (cs: readonly string[]) => cs.map((c) => `"${c}"`).join(', ');
  const fromRequest = (cs: readonly string[]) => cs.map((c) => (c === 'request_id' ? 'r.id' : param())).join(', ');
  text = `WITH r AS (INSERT INTO requests (${cols(REQUEST_COLUMNS)}) VALUES (${REQUEST_COLUMNS.map(param).join(', ')}) ON CONFLICT (town_id, reference) DO NOTHING RETURNING id)`;
  if (shape.contact) text += `, c AS (INSERT INTO request_contacts (${cols(CONTACT_COLUMNS)}) SELECT ${fromRequest(CONTACT_COLUMNS)} FROM r)`;
  for (let i = 0; i < shape.events; i++) text += `, e${i} AS (INSERT INTO request_events (${cols(EVENT_COLUMNS)}) SELECT ${fromRequest(EVENT_COLUMNS)} FROM r)`;
  if (shape.subscription) text += `, s AS (INSERT INTO request_subscribers (${cols(SUBSCRIBER_COLUMNS)}) SELECT ${fromRequest(SUBSCRIBER_COLUMNS)} FROM r)`;
  if (shape.jobs) {
    const arrays = JOB_COLUMNS.map((c) => `${param()}::${JOB_INTEGER_COLUMNS.has(c) ? 'integer' : 'text'}[]`).join(', ');
    text += `, j AS (INSERT INTO jobs (${cols(JOB_COLUMNS)}) SELECT u.* FROM r CROSS JOIN unnest(${arrays}) AS u(${cols(JOB_COLUMNS)}))`;
  }
  text += ' SELECT id FROM r';
  pgFilingSql.set(key, text);
  return text;
}

async function insertRequestPostgres(
  db: DbOrTx,
  r: NewRequest,
  rows: FilingRows,
  random: (count: number) => string,
  extras?: { subscription: RequestSubscribersTable | null; jobs: (reference: string) => JobsTable[] },
): Promise<FiledRequest> {
  const { id, created_at: createdAt } = rows.request;
  const { contact, events } = rows;
  const subscription = extras?.subscription ?? null;
  const rest: unknown[] = [];
  if (contact) for (const c of CONTACT_COLUMNS) if (c !== 'request_id') rest.push(contact[c]);
  for (const e of events) for (const c of EVENT_COLUMNS) if (c !== 'request_id') rest.push(e[c] ?? null);
  if (subscription) for (const c of SUBSCRIBER_COLUMNS) if (c !== 'request_id') rest.push(subscription[c]);
  let reference: string | undefined;
  for (let attempt = 0; attempt < REFERENCE_ATTEMPTS && !reference; attempt++) {
    const candidate = newReference(r.town.referencePrefix, random);
    const row: RequestRow = { ...rows.request, reference: candidate };
    const jobs = extras?.jobs(candidate) ?? [];
    const text = filingSqlPostgres({ contact: contact !== null, events: events.length, subscription: subscription !== null, jobs: jobs.length > 0 });
    const jobArrays = jobs.length > 0 ? JOB_COLUMNS.map((c) => jobs.map((j) => j[c])) : [];
    const result = await db.executeQuery(CompiledQuery.raw(text, [...REQUEST_COLUMNS.map((c) => row[c]), ...rest, ...jobArrays]));
    if (result.rows.length > 0) reference = candidate;
  }
  if (!reference) throw new Error(`no free reference after ${REFERENCE_ATTEMPTS} attempts`);
  if (r.photos && r.photos.length > 0) {
    const photoErrors = await attachPhotos(db, { townId: r.town.id, requestId: id, photoIds: r.photos, lang: r.lang });
    if (photoErrors.length > 0) throw new PhotosNotAttached(photoErrors);
  }
  return { id, reference, status: 'received' as const, createdAt, replayed: false };
}
