// Sign-in limits, as policies of the one rate limiter (platform/http/rate-limit.ts). Failed sign-ins
// are counted per account and per client address; while either has reached its limit, sign-in answers
// 429 with Retry-After, even with the right password. Unlike a plain rate limit, only failures count
// (a town hall's staff behind one address can all sign in), so the check reads the bucket before
// counting: `lockedFor` reads the bucket that hitRateLimit writes (key `<key>|<windowSeconds>`, one
// row per window), and a successful sign-in forgets the account's failures.
import { rateLimitSubject } from '../platform/http/client-address.ts';
import { hitRateLimit, type RateLimitRule } from '../platform/http/rate-limit.ts';
import type { DbOrTx } from '../platform/database/schema.ts';
import { normaliseEmail } from './users-store.ts';
import { sha256 } from './tokens.ts';

export const ACCOUNT_RULE: RateLimitRule = { limit: 5, windowSeconds: 15 * 60 };
export const ADDRESS_RULE: RateLimitRule = { limit: 30, windowSeconds: 15 * 60 };
/** Password-reset requests per address (each one may send an email). */
export const RESET_ADDRESS_RULE: RateLimitRule = { limit: 10, windowSeconds: 60 * 60 };

/** Keys never hold an email address in clear. */
export const accountKey = (email: string) => `signin:account:${sha256(normaliseEmail(email))}`;
export const addressKey = (address: string) => `signin:address:${rateLimitSubject(address)}`;
export const resetAddressKey = (address: string) => `reset:address:${rateLimitSubject(address)}`;

const bucket = (key: string, rule: RateLimitRule, now: number) => ({
  key: `${key}|${rule.windowSeconds}`,
  start: Math.floor(now / (rule.windowSeconds * 1000)) * rule.windowSeconds * 1000,
});

/** Seconds until the window ends when `key` has used up `rule`; undefined when it may try. */
export async function lockedFor(db: DbOrTx, key: string, rule: RateLimitRule, now = Date.now()): Promise<number | undefined> {
  const b = bucket(key, rule, now);
  const row = await db
    .selectFrom('rate_limit_buckets')
    .select('count')
    .where('key', '=', b.key)
    .where('window_start', '=', new Date(b.start).toISOString())
    .executeTakeFirst();
  if (!row || Number(row.count) < rule.limit) return undefined;
  return Math.max(1, Math.ceil((b.start + rule.windowSeconds * 1000 - now) / 1000));
}

/** Counts one failure. */
export async function recordFailure(db: DbOrTx, key: string, rule: RateLimitRule): Promise<void> {
  await hitRateLimit(db, key, rule);
}

/** Forgets the failures of `key` (an account that signed in or reset its password). */
export async function forgetFailures(db: DbOrTx, key: string, rule: RateLimitRule): Promise<void> {
  await db.deleteFrom('rate_limit_buckets').where('key', '=', `${key}|${rule.windowSeconds}`).execute();
}
