// Sign-in limits over the shared rate_limit_buckets table (fixed windows, so every server instance
// counts the same failures). Failed sign-ins are counted per account and per client address; while
// either is over its limit, sign-in answers 429 with Retry-After, even with the right password.
// TODO(fold): when platform/http/rate-limit.ts lands (intake), these become two of its policies.
import type { DbOrTx } from '../platform/database/schema.ts';
import { normaliseEmail } from './users-store.ts';
import { sha256 } from './tokens.ts';

export interface Limit {
  /** Bucket key prefix. */
  name: string;
  max: number;
  windowMs: number;
}

export const ACCOUNT_LIMIT: Limit = { name: 'signin:account', max: 5, windowMs: 15 * 60 * 1000 };
export const ADDRESS_LIMIT: Limit = { name: 'signin:address', max: 30, windowMs: 15 * 60 * 1000 };
/** Password-reset requests per address (each one may send an email). */
export const RESET_ADDRESS_LIMIT: Limit = { name: 'reset:address', max: 10, windowMs: 60 * 60 * 1000 };

const windowStart = (limit: Limit, now: number) => new Date(Math.floor(now / limit.windowMs) * limit.windowMs);

/** Keys never hold an email address in clear. */
export const accountKey = (email: string) => sha256(normaliseEmail(email));

/** Seconds until the window ends when the count is at or over the limit; undefined when allowed. */
export async function blockedFor(db: DbOrTx, limit: Limit, key: string, now = Date.now()): Promise<number | undefined> {
  const start = windowStart(limit, now);
  const row = await db
    .selectFrom('rate_limit_buckets')
    .select('count')
    .where('key', '=', `${limit.name}:${key}`)
    .where('window_start', '=', start.toISOString())
    .executeTakeFirst();
  if (!row || row.count < limit.max) return undefined;
  return Math.max(1, Math.ceil((start.getTime() + limit.windowMs - now) / 1000));
}

/** Counts one event; returns the count in the current window. */
export async function hit(db: DbOrTx, limit: Limit, key: string, now = Date.now()): Promise<number> {
  const r = await db
    .insertInto('rate_limit_buckets')
    .values({ key: `${limit.name}:${key}`, window_start: windowStart(limit, now).toISOString(), count: 1 })
    .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet((eb) => ({ count: eb('rate_limit_buckets.count', '+', 1) })))
    .returning('count')
    .executeTakeFirstOrThrow();
  return r.count;
}

/** Forgets an account's failures after it signs in. */
export async function clearHits(db: DbOrTx, limit: Limit, key: string): Promise<void> {
  await db.deleteFrom('rate_limit_buckets').where('key', '=', `${limit.name}:${key}`).execute();
}

export async function deleteOldBuckets(db: DbOrTx, before: string): Promise<void> {
  await db.deleteFrom('rate_limit_buckets').where('window_start', '<', before).execute();
}
