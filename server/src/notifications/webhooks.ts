// Outgoing webhooks: a town's work-order system gets a signed JSON POST for each request event it
// asked for. Queued in the outbox (kind 'webhook') in the transaction of the change, sent by the
// worker with a 10 s timeout to a checked address (webhook-target.ts), retried like email on a non-2xx answer or a timeout, each attempt logged
// in webhook_deliveries. Staff systems may see the location; never a resident's contact details.
import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { DbOrTx, WebhooksTable } from '../platform/database/schema.ts';
import { newId, nowIso } from '../platform/database/schema.ts';
import { enqueue, enqueueJob, type JobSpec } from '../platform/jobs/outbox.ts';
import { preparedQuery } from '../platform/database/prepared.ts';
import type { Selectable } from 'kysely';

// Compiled once (platform/database/prepared.ts): every filing asks which webhooks to call.
const activeWebhooksOf = preparedQuery<[string], Selectable<WebhooksTable>>((db, arg) =>
  db.selectFrom('webhooks').selectAll().where('town_id', '=', arg<string>(0)).where('active', '=', 1),
);
import type { JobHandler } from '../platform/jobs/worker.ts';
import { addressProblem, literalAddress, pinnedLookup, RefusedTarget, webhookUrlProblem, type Resolve, type TargetPolicy } from './webhook-target.ts';

export const WEBHOOK_KIND = 'webhook';
export const WEBHOOK_EVENTS = ['request.received', 'request.status_changed', 'request.public_note', 'request.merged', 'request.department_changed'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];
export const WEBHOOK_TIMEOUT_MS = 10_000;

export interface Webhook {
  id: string;
  townId: string;
  url: string;
  events: WebhookEventType[];
  active: boolean;
  createdAt: string;
}

const toWebhook = (r: WebhooksTable): Webhook => ({
  id: r.id,
  townId: r.town_id,
  url: r.url,
  events: JSON.parse(r.events) as WebhookEventType[],
  active: r.active === 1,
  createdAt: r.created_at,
});

export async function listWebhooks(db: DbOrTx, townId: string): Promise<Webhook[]> {
  const rows = await db.selectFrom('webhooks').selectAll().where('town_id', '=', townId).orderBy('created_at').orderBy('id').execute();
  return rows.map(toWebhook);
}

export async function getWebhook(db: DbOrTx, townId: string, id: string): Promise<Webhook | undefined> {
  const r = await db.selectFrom('webhooks').selectAll().where('town_id', '=', townId).where('id', '=', id).executeTakeFirst();
  return r ? toWebhook(r) : undefined;
}

/** Makes a webhook with a fresh signing secret, returned here only (the answer that shows it once). */
export async function createWebhook(db: DbOrTx, townId: string, url: string, events: readonly WebhookEventType[]): Promise<{ webhook: Webhook; secret: string }> {
  const id = newId();
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  const row: WebhooksTable = { id, town_id: townId, url, secret, events: JSON.stringify([...new Set(events)]), active: 1, created_at: nowIso() };
  await db.insertInto('webhooks').values(row).execute();
  return { webhook: toWebhook(row), secret };
}

export async function setWebhookActive(db: DbOrTx, townId: string, id: string, active: boolean): Promise<void> {
  await db.updateTable('webhooks').set({ active: active ? 1 : 0 }).where('town_id', '=', townId).where('id', '=', id).execute();
}

export async function deleteWebhook(db: DbOrTx, townId: string, id: string): Promise<void> {
  await db.deleteFrom('webhooks').where('town_id', '=', townId).where('id', '=', id).execute();
}

export interface WebhookDelivery {
  id: string;
  jobId: string;
  event: string;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  attempt: number;
  createdAt: string;
}

/** A webhook's delivery log, newest first. */
export async function listDeliveries(db: DbOrTx, webhookId: string, limit = 100): Promise<WebhookDelivery[]> {
  const rows = await db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    jobId: r.job_id,
    event: r.event,
    statusCode: r.status_code,
    durationMs: r.duration_ms,
    error: r.error,
    attempt: r.attempt,
    createdAt: r.created_at,
  }));
}

/** The JSON body a receiver gets. */
export interface WebhookPayload {
  id: string;
  type: WebhookEventType | 'ping';
  occurredAt: string;
  town: string;
  request: {
    reference: string;
    serviceCode: string;
    status: string;
    priority: string;
    department: string | null;
    createdAt: string;
    updatedAt: string;
    lat: number | null;
    lng: number | null;
    locationText: string;
  } | null;
}

interface WebhookJob {
  webhookId: string;
  body: WebhookPayload;
}

/** What a receiver is told about the request (never a resident's contact details). */
export type WebhookRequest = NonNullable<WebhookPayload['request']>;

/** The town's active webhooks, whatever events they take (webhookJobs picks those that take one). */
export async function activeWebhooks(db: DbOrTx, townId: string): Promise<Webhook[]> {
  return (await activeWebhooksOf(db, townId)).map(toWebhook);
}

/** The jobs of an event: one per webhook of `hooks` that takes `type`, each with its own event id. */
export function webhookJobs(hooks: readonly Webhook[], type: WebhookEventType, townId: string, request: WebhookRequest, occurredAt: string = nowIso()): JobSpec[] {
  return hooks
    .filter((h) => h.active && h.events.includes(type))
    .map((h) => ({
      kind: WEBHOOK_KIND,
      payload: { webhookId: h.id, body: { id: newId(), type, occurredAt, town: townId, request: { ...request } } } satisfies WebhookJob,
      townId,
    }));
}

/** Queues one job per active webhook of the town that takes `type` (in the caller's transaction). */
export async function enqueueWebhookEvent(db: DbOrTx, townId: string, type: WebhookEventType, requestId: string): Promise<number> {
  const hooks = (await activeWebhooks(db, townId)).filter((h) => h.events.includes(type));
  if (hooks.length === 0) return 0;
  const r = await db
    .selectFrom('requests')
    .select(['reference', 'service_code', 'status', 'priority', 'department_id', 'created_at', 'updated_at', 'lat', 'lng', 'location_text'])
    .where('id', '=', requestId)
    .executeTakeFirst();
  if (!r) return 0;
  const jobs = webhookJobs(hooks, type, townId, {
    reference: r.reference,
    serviceCode: r.service_code,
    status: r.status,
    priority: r.priority,
    department: r.department_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    lat: r.lat,
    lng: r.lng,
    locationText: r.location_text,
  });
  for (const job of jobs) await enqueueJob(db, job);
  return jobs.length;
}

/** Queues a `ping` to one webhook (the console's "send a test"). */
export async function enqueueWebhookPing(db: DbOrTx, hook: Webhook): Promise<string> {
  const body: WebhookPayload = { id: newId(), type: 'ping', occurredAt: nowIso(), town: hook.townId, request: null };
  return enqueue(db, WEBHOOK_KIND, { webhookId: hook.id, body } satisfies WebhookJob, undefined, { townId: hook.townId, maxAttempts: 1 });
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>` */
export function signWebhook(secret: string, body: string, t: number): string {
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/**
 * POSTs to the URL and answers the status code. The host is checked first (an IP literal here, a name
 * in the pinned lookup, whose checked answer is the address connected to); no redirect is followed.
 */
function post(raw: string, headers: Record<string, string>, body: string, o: { policy: TargetPolicy; resolve?: Resolve; signal: AbortSignal }): Promise<number> {
  const problem = webhookUrlProblem(raw, o.policy);
  if (problem) return Promise.reject(new RefusedTarget(`refused: ${problem.replaceAll('_', ' ')}`));
  const url = new URL(raw);
  const literal = literalAddress(url);
  if (literal && addressProblem(literal, o.policy)) return Promise.reject(new RefusedTarget('refused: internal address'));
  return new Promise((resolve, reject) => {
    const req = (url.protocol === 'https:' ? https : http).request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
        lookup: pinnedLookup(o.policy, o.resolve) as unknown as http.RequestOptions['lookup'],
        signal: o.signal,
        agent: false,
      },
      (res) => {
        resolve(res.statusCode ?? 0);
        res.destroy();
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The worker's handler for 'webhook' jobs: POST, log the attempt, throw on failure so the job is retried. */
export const webhookHandler =
  (opts: { timeoutMs?: number; allowPrivate?: boolean; resolve?: Resolve } = {}): JobHandler =>
  async (job, { db, signal }) => {
    const { webhookId, body } = job.payload as WebhookJob;
    const hook = await db.selectFrom('webhooks').selectAll().where('id', '=', webhookId).executeTakeFirst();
    if (!hook) return { skipped: 'webhook deleted' };
    if (hook.active !== 1 && body.type !== 'ping') return { skipped: 'webhook disabled' };
    const text = JSON.stringify(body);
    const t = Math.floor(Date.now() / 1000);
    const started = performance.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    const timeoutMs = opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
    const timeout = AbortSignal.timeout(timeoutMs);
    try {
      statusCode = await post(
        hook.url,
        {
          'Content-Type': 'application/json',
          'User-Agent': 'MuniKit-Webhooks/1',
          'MuniKit-Event': body.type,
          'MuniKit-Delivery': body.id,
          'MuniKit-Signature': signWebhook(hook.secret, text, t),
        },
        text,
        // The worker's signal: it lost the job's lease (another worker may run it now).
        { policy: { allowPrivate: opts.allowPrivate ?? false }, resolve: opts.resolve, signal: signal ? AbortSignal.any([timeout, signal]) : timeout },
      );
      if (statusCode < 200 || statusCode > 299) error = `HTTP ${statusCode}`;
    } catch (err) {
      const e = err as Error;
      error = timeout.aborted ? `no answer within ${timeoutMs / 1000} s` : signal?.aborted ? 'stopped: the job lease was lost' : e.message;
    }
    const durationMs = Math.round(performance.now() - started);
    await db
      .insertInto('webhook_deliveries')
      .values({
        id: newId(),
        town_id: hook.town_id,
        webhook_id: hook.id,
        job_id: job.id,
        event: body.type,
        status_code: statusCode,
        duration_ms: durationMs,
        error: error?.slice(0, 500) ?? null,
        attempt: job.attempts,
        created_at: nowIso(),
      })
      .execute();
    if (error) throw new Error(`webhook ${error}`);
    return { statusCode, durationMs };
  };
