// Residents who asked to be emailed about a request's changes (request_subscribers; the email is
// personal data: never in a public answer, a log line or an error). Double opt-in: a subscription is
// pending until the link in its confirmation email is followed (within 7 days), then confirmed, until
// unsubscribed. Asking again never tells anyone whether an address already follows a request.
//
// Tokens: the confirm token is 256 random bits, stored as SHA-256 only. The unsubscribe token is
// HMAC-SHA256(server secret, subscriber id): stored as SHA-256 too, yet any email can carry it, since
// the server can derive it again (unsubscribeTokenFor). The secret is made on first use and kept in
// server_secrets, so every instance sharing the database derives the same links.
import { createHmac } from 'node:crypto';
import { serverSecret } from '../platform/database/server-secrets.ts';
import type { DbOrTx, Lang, RequestSubscribersTable } from '../platform/database/schema.ts';
import { newId } from '../platform/database/schema.ts';
import path from 'node:path';
import { newToken, sha256 } from '../accounts/tokens.ts';
import { enqueueEmail } from '../platform/jobs/email.ts';
import { referenceLookup } from '../requests/references.ts';

export type SubscriptionSource = 'reporter' | 'follower' | 'tracker';

/** A confirm link works for 7 days after it was sent. */
export const CONFIRM_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const SECRET_NAME = 'subscriptions.unsubscribe';

/** The server's secret for unsubscribe tokens (platform/database/server-secrets.ts). */
export const subscriptionSecret = (db: DbOrTx): Promise<string> => serverSecret(db, SECRET_NAME);

/** The unsubscribe token of a subscriber (the same every time, so each email can carry it). */
export const unsubscribeTokenFor = (secret: string, subscriberId: string): string =>
  createHmac('sha256', secret).update(`unsubscribe:${subscriberId}`).digest('base64url');

/** The link in every email to a subscriber (the page has a button; one-click POST works too). */
export const unsubscribeUrl = (publicOrigin: string, token: string): string => `${publicOrigin}/r/unsubscribe?t=${encodeURIComponent(token)}`;
/** The double opt-in link. */
export const confirmUrl = (publicOrigin: string, token: string): string => `${publicOrigin}/r/confirm?t=${encodeURIComponent(token)}`;

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export interface CreatedSubscription {
  subscriberId: string;
  /** The raw confirm token to put in a link; null when the address already follows (send nothing). */
  confirmToken: string | null;
}

/**
 * The row of a new pending subscriber and the raw confirm token for its link (only its SHA-256 is
 * stored). `secret` is subscriptionSecret()'s. What createSubscription inserts for an address new to
 * the request, and what a filing with "email me" inserts in its own statement (requests/intake-store.ts).
 */
export function newSubscription(
  s: { townId: string; requestId: string; email: string; lang: Lang; source: SubscriptionSource; now?: Date },
  secret: string,
): { row: RequestSubscribersTable; confirmToken: string } {
  const id = newId();
  const now = (s.now ?? new Date()).toISOString();
  const confirmToken = newToken();
  return {
    confirmToken,
    row: {
      id,
      town_id: s.townId,
      request_id: s.requestId,
      email: normaliseEmail(s.email),
      lang: s.lang,
      source: s.source,
      status: 'pending',
      confirm_token_hash: sha256(confirmToken),
      unsubscribe_token_hash: sha256(unsubscribeTokenFor(secret, id)),
      created_at: now,
      confirmed_at: null,
      unsubscribed_at: null,
      confirm_sent_at: now,
    },
  };
}

/**
 * Asks for email about a request: a new pending subscriber, or a pending/unsubscribed one given a new
 * confirm token; nothing for an address that already follows it (confirmToken null). The caller
 * sends the confirmation (see queueSubscriptionConfirmation) and answers the same either way.
 */
export async function createSubscription(
  db: DbOrTx,
  s: { townId: string; requestId: string; email: string; lang: Lang; source: SubscriptionSource; now?: Date },
): Promise<CreatedSubscription> {
  const email = normaliseEmail(s.email);
  const existing = await db
    .selectFrom('request_subscribers')
    .select(['id', 'status'])
    .where('request_id', '=', s.requestId)
    .where('email', '=', email)
    .executeTakeFirst();
  if (existing?.status === 'confirmed') return { subscriberId: existing.id, confirmToken: null };
  if (existing) {
    const now = (s.now ?? new Date()).toISOString();
    const confirmToken = newToken();
    await db
      .updateTable('request_subscribers')
      .set({ status: 'pending', lang: s.lang, confirm_token_hash: sha256(confirmToken), confirm_sent_at: now, unsubscribed_at: null })
      .where('id', '=', existing.id)
      .execute();
    return { subscriberId: existing.id, confirmToken };
  }
  const { row, confirmToken } = newSubscription(s, await subscriptionSecret(db));
  const inserted = await db
    .insertInto('request_subscribers')
    .values(row)
    .onConflict((oc) => oc.columns(['request_id', 'email']).doNothing())
    .executeTakeFirst();
  // The same address asked twice at the same moment: the other ask made the subscriber; send nothing more.
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return { subscriberId: row.id, confirmToken: null };
  return { subscriberId: row.id, confirmToken };
}

export interface SubscriptionPageInfo {
  lang: Lang;
  reference: string;
  townId: string;
}

export type ConfirmResult = ({ outcome: 'confirmed' | 'already_confirmed' } & SubscriptionPageInfo) | { outcome: 'expired'; lang: Lang } | { outcome: 'unknown' };

async function subscriberBy(db: DbOrTx, column: 'confirm_token_hash' | 'unsubscribe_token_hash', token: string) {
  if (!token || token.length > 200) return undefined;
  return db
    .selectFrom('request_subscribers as s')
    .innerJoin('requests as r', 'r.id', 's.request_id')
    .select(['s.id', 's.status', 's.lang', 's.town_id', 's.confirm_sent_at', 's.created_at', 'r.reference'])
    .where(`s.${column}`, '=', sha256(token))
    .executeTakeFirst();
}

/** Follows a confirm link: confirmed once; the same link again says so; after 7 days it has expired. */
export async function confirmSubscription(db: DbOrTx, token: string, now: Date = new Date()): Promise<ConfirmResult> {
  const row = await subscriberBy(db, 'confirm_token_hash', token);
  if (!row) return { outcome: 'unknown' };
  const info = { lang: row.lang, reference: row.reference, townId: row.town_id };
  if (row.status === 'confirmed') return { outcome: 'already_confirmed', ...info };
  const sentAt = Date.parse(row.confirm_sent_at ?? row.created_at);
  if (row.status !== 'pending' || now.getTime() - sentAt > CONFIRM_TTL_MS) return { outcome: 'expired', lang: row.lang };
  await db
    .updateTable('request_subscribers')
    .set({ status: 'confirmed', confirmed_at: now.toISOString() })
    .where('id', '=', row.id)
    .where('status', '=', 'pending')
    .execute();
  return { outcome: 'confirmed', ...info };
}

/** Who an unsubscribe link is for (to show its page), without changing anything. */
export async function findByUnsubscribeToken(db: DbOrTx, token: string): Promise<(SubscriptionPageInfo & { unsubscribed: boolean }) | undefined> {
  const row = await subscriberBy(db, 'unsubscribe_token_hash', token);
  return row ? { lang: row.lang, reference: row.reference, townId: row.town_id, unsubscribed: row.status === 'unsubscribed' } : undefined;
}

/** Stops email to the subscriber the token belongs to (again is fine). Undefined for an unknown token. */
export async function unsubscribe(db: DbOrTx, token: string, now: Date = new Date()): Promise<SubscriptionPageInfo | undefined> {
  const row = await subscriberBy(db, 'unsubscribe_token_hash', token);
  if (!row) return undefined;
  if (row.status !== 'unsubscribed') {
    await db
      .updateTable('request_subscribers')
      .set({ status: 'unsubscribed', unsubscribed_at: now.toISOString(), confirm_token_hash: null })
      .where('id', '=', row.id)
      .execute();
  }
  return { lang: row.lang, reference: row.reference, townId: row.town_id };
}

export interface ConfirmedSubscriber {
  id: string;
  /** Personal data: for the email's To only. */
  email: string;
  lang: Lang;
  source: SubscriptionSource;
  /** The raw unsubscribe token for this subscriber's links: unsubscribeUrl(origin, unsubscribeToken). */
  unsubscribeToken: string;
}

/** A request's confirmed subscribers, each with its unsubscribe token (for the notify engineer's emails). */
export async function listConfirmedSubscribers(db: DbOrTx, requestId: string): Promise<ConfirmedSubscriber[]> {
  const rows = await db
    .selectFrom('request_subscribers')
    .select(['id', 'email', 'lang', 'source'])
    .where('request_id', '=', requestId)
    .where('status', '=', 'confirmed')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  if (rows.length === 0) return [];
  const secret = await subscriptionSecret(db);
  return rows.map((r) => ({ id: r.id, email: r.email, lang: r.lang, source: r.source, unsubscribeToken: unsubscribeTokenFor(secret, r.id) }));
}

/**
 * A new confirm token for a request's pending reporter subscription (filed with "email me"), for a
 * 'received' email that carries the confirm link; undefined when there is none.
 */
export async function reissueReporterConfirmation(
  db: DbOrTx,
  requestId: string,
  now: Date = new Date(),
): Promise<{ email: string; lang: Lang; confirmToken: string } | undefined> {
  const row = await db
    .selectFrom('request_subscribers')
    .select(['id', 'email', 'lang'])
    .where('request_id', '=', requestId)
    .where('source', '=', 'reporter')
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (!row) return undefined;
  const confirmToken = newToken();
  await db
    .updateTable('request_subscribers')
    .set({ confirm_token_hash: sha256(confirmToken), confirm_sent_at: now.toISOString() })
    .where('id', '=', row.id)
    .execute();
  return { email: row.email, lang: row.lang, confirmToken };
}

/** "This is my problem too": one more follower of a request (a count; no personal data). */
export async function addFollower(db: DbOrTx, requestId: string): Promise<void> {
  await db
    .updateTable('requests')
    .set((eb) => ({ followers: eb('followers', '+', 1) }))
    .where('id', '=', requestId)
    .execute();
}

/**
 * How many residents follow each request (for the staff list and request page): those who said
 * "this is my problem too" (with or without an email) plus confirmed subscribers from the tracker or moved
 * over from a merged duplicate (the request's own reporter is not counted). Requests without
 * any are absent from the map (read 0).
 */
export async function followerCounts(db: DbOrTx, requestIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (requestIds.length === 0) return out;
  const ids = [...new Set(requestIds)];
  const counted = await db.selectFrom('requests').select(['id', 'followers']).where('id', 'in', ids).where('followers', '>', 0).execute();
  for (const r of counted) out.set(r.id, Number(r.followers));
  const subs = await db
    .selectFrom('request_subscribers')
    .select(['request_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('request_id', 'in', ids)
    .where('status', '=', 'confirmed')
    .where('source', 'in', ['tracker', 'follower'])
    .groupBy('request_id')
    .execute();
  for (const s of subs) out.set(s.request_id, (out.get(s.request_id) ?? 0) + Number(s.n));
  return out;
}

/**
 * A request merged into another: its subscribers (its reporter too) now follow the other request, one
 * row per email (an address that already follows it keeps its own row). Answers how many moved.
 */
export async function moveSubscribers(db: DbOrTx, fromRequestId: string, intoRequestId: string): Promise<number> {
  const moved = await db
    .updateTable('request_subscribers')
    .set({ request_id: intoRequestId, source: 'follower' })
    .where('request_id', '=', fromRequestId)
    .where('email', 'not in', db.selectFrom('request_subscribers').select('email').where('request_id', '=', intoRequestId))
    .executeTakeFirst();
  await db.deleteFrom('request_subscribers').where('request_id', '=', fromRequestId).execute();
  return Number(moved.numUpdatedRows);
}

/** Every subscription in a town of these (normalised) email addresses: what a resident's data request finds. */
export async function subscriptionsOfEmails(db: DbOrTx, townId: string, emails: readonly string[]) {
  if (emails.length === 0) return [];
  return db.selectFrom('request_subscribers').selectAll().where('town_id', '=', townId).where('email', 'in', [...emails]).execute();
}

/**
 * Erases subscriptions (retention, a resident's erasure): of these requests, of these emails, or of
 * these emails on these requests. Answers the request id of each row removed.
 */
export async function deleteSubscriptions(
  db: DbOrTx,
  townId: string,
  which: { requestIds?: readonly string[]; emails?: readonly string[] },
): Promise<string[]> {
  if (which.requestIds?.length === 0 || which.emails?.length === 0 || (!which.requestIds && !which.emails)) return [];
  let q = db.deleteFrom('request_subscribers').where('town_id', '=', townId);
  if (which.requestIds) q = q.where('request_id', 'in', [...which.requestIds]);
  if (which.emails) q = q.where('email', 'in', [...which.emails]);
  return (await q.returning('request_id').execute()).map((r) => r.request_id);
}

/** The request a resident's typed reference means (forgiving like the tracker), for subscribing to it. */
export async function requestForSubscription(
  db: DbOrTx,
  town: { id: string; referencePrefix: string },
  typed: string,
): Promise<{ id: string; reference: string; serviceNameEn: string; serviceNameFr: string } | undefined> {
  const { candidates } = referenceLookup(typed, town.referencePrefix);
  const row = await db
    .selectFrom('requests as r')
    .innerJoin('services as s', 's.id', 'r.service_id')
    .select(['r.id', 'r.reference', 's.name_en', 's.name_fr'])
    .where('r.town_id', '=', town.id)
    .where('r.reference', 'in', candidates.length > 0 ? candidates : [''])
    .orderBy('r.created_at')
    .executeTakeFirst();
  return row ? { id: row.id, reference: row.reference, serviceNameEn: row.name_en, serviceNameFr: row.name_fr } : undefined;
}

export const SUBSCRIPTION_TEMPLATES_DIR = path.join(import.meta.dirname, 'emails');

/** Queues the double opt-in email (subscription-confirm.<lang>.txt) in the caller's transaction. */
export async function queueSubscriptionConfirmation(
  db: DbOrTx,
  m: { to: string; lang: Lang; townId: string; townName: string; reference: string; serviceName: string; confirmToken: string; publicOrigin: string },
): Promise<string> {
  return enqueueEmail(db, {
    to: normaliseEmail(m.to),
    lang: m.lang,
    templateDir: SUBSCRIPTION_TEMPLATES_DIR,
    template: 'subscription-confirm',
    vars: { townName: m.townName, reference: m.reference, serviceName: m.serviceName, confirmLink: confirmUrl(m.publicOrigin, m.confirmToken) },
    townId: m.townId,
  });
}

/**
 * Subscribes an address to a request and queues its confirmation email (nothing is sent to an
 * address that already follows it). The path for the tracker and "this is my problem too"; the form's
 * "email me" (source reporter) makes its subscription with the filing (in its transaction, or its one
 * statement on PostgreSQL) and its confirm link rides in the acknowledgement (requests/intake-store.ts),
 * the same double opt-in in one email.
 */
export async function subscribeAndConfirm(
  db: DbOrTx,
  s: {
    town: { id: string; name: { en: string; fr: string } };
    request: { id: string; reference: string; serviceNameEn: string; serviceNameFr: string };
    email: string;
    lang: Lang;
    source: SubscriptionSource;
    publicOrigin: string;
  },
): Promise<void> {
  const created = await createSubscription(db, { townId: s.town.id, requestId: s.request.id, email: s.email, lang: s.lang, source: s.source });
  if (!created.confirmToken) return;
  await queueSubscriptionConfirmation(db, {
    to: s.email,
    lang: s.lang,
    townId: s.town.id,
    townName: s.town.name[s.lang],
    reference: s.request.reference,
    serviceName: s.lang === 'fr' ? s.request.serviceNameFr : s.request.serviceNameEn,
    confirmToken: created.confirmToken,
    publicOrigin: s.publicOrigin,
  });
}
