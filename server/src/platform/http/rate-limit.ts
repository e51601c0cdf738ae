// The one rate limiter. Counts live in the database (rate_limit_buckets), so several server
// instances sharing one PostgreSQL enforce one limit. Fixed windows: a bucket is (key, window start),
// incremented by one atomic upsert (INSERT … ON CONFLICT DO UPDATE … RETURNING) on both dialects, so
// concurrent hits from any instance each get a distinct count. Within a window at most `limit` hits
// are allowed; a burst straddling two windows can reach 2 × limit (pair a short and a long rule when
// that matters, as intake does).
//
// Keys: `<feature>:<scope>:<subject>`, e.g. `intake:lakeview:203.0.113.7`. The subject is usually
// clientAddress() (see client-address.ts); never put names, emails or other personal data in a key.
// Buckets are deleted by a sweep (at most once a minute per instance) once MAX_WINDOW_SECONDS old.
import type { Context, MiddlewareHandler } from 'hono';
import { sql } from 'kysely';
import type { Db, DbOrTx, Lang } from '../database/schema.ts';
import { preparedQuery } from '../database/prepared.ts';
import { apiError } from './errors.ts';
import { errorLang } from './validation-messages.ts';

export interface RateLimitRule {
  /** Hits allowed per window. */
  limit: number;
  /** Window length in seconds, 1 … MAX_WINDOW_SECONDS. */
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Seconds until the window that refused this hit ends (0 when allowed). Always ≥ 1 when refused. */
  retryAfterSeconds: number;
  /** Hits left in the current window after this one (0 when refused). */
  remaining: number;
  /** This window's count including this hit. */
  count: number;
}

/** The longest window a rule may use; buckets older than this are swept. */
export const MAX_WINDOW_SECONDS = 24 * 60 * 60;
/** At most one sweep of expired buckets per database handle per this many milliseconds. */
const SWEEP_EVERY_MS = 60_000;
const lastSweep = new WeakMap<object, number>();

function windowStart(now: Date, windowSeconds: number): { start: string; endsAtMs: number } {
  const ms = windowSeconds * 1000;
  const startMs = Math.floor(now.getTime() / ms) * ms;
  return { start: new Date(startMs).toISOString(), endsAtMs: startMs + ms };
}

function checkRule(rule: RateLimitRule) {
  if (!Number.isInteger(rule.limit) || rule.limit < 1) throw new RangeError(`rate limit: limit must be a positive integer, got ${rule.limit}`);
  if (!Number.isInteger(rule.windowSeconds) || rule.windowSeconds < 1 || rule.windowSeconds > MAX_WINDOW_SECONDS) {
    throw new RangeError(`rate limit: windowSeconds must be an integer from 1 to ${MAX_WINDOW_SECONDS}, got ${rule.windowSeconds}`);
  }
}

/** The atomic upsert of a hit, compiled once (../database/prepared.ts): (bucket key, window start) → count. */
const countHit = preparedQuery<[key: string, windowStart: string], { count: number }>((db, arg) =>
  db
    .insertInto('rate_limit_buckets')
    .values({ key: arg<string>(0), window_start: arg<string>(1), count: 1 })
    .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet({ count: sql<number>`rate_limit_buckets.count + 1` }))
    .returning('count'),
);

/**
 * Counts one hit on `key` under `rule` and says whether it is allowed. One atomic statement.
 * `now` is for tests and batch jobs; it defaults to the clock.
 */
export async function hitRateLimit(db: DbOrTx, key: string, rule: RateLimitRule, now: Date = new Date()): Promise<RateLimitResult> {
  checkRule(rule);
  await sweepExpiredRateLimitBuckets(db, now);
  // The window length is part of the stored key, so two rules on one key never share a bucket.
  const bucketKey = `${key}|${rule.windowSeconds}`;
  const { start, endsAtMs } = windowStart(now, rule.windowSeconds);
  const [row] = await countHit(db, bucketKey, start);
  if (!row) throw new Error('rate limit: the bucket upsert returned no row');
  const count = Number(row.count);
  if (count <= rule.limit) return { allowed: true, retryAfterSeconds: 0, remaining: rule.limit - count, count };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((endsAtMs - now.getTime()) / 1000)), remaining: 0, count };
}

/**
 * Counts one hit on `key` under each rule in turn, stopping at the first that refuses (so a hit
 * refused by a short window does not use up a longer window's allowance). Put the shortest first.
 */
export async function hitRateLimits(db: DbOrTx, key: string, rules: readonly RateLimitRule[], now: Date = new Date()): Promise<RateLimitResult> {
  let last: RateLimitResult = { allowed: true, retryAfterSeconds: 0, remaining: Number.POSITIVE_INFINITY, count: 0 };
  let remaining = Number.POSITIVE_INFINITY;
  for (const rule of rules) {
    last = await hitRateLimit(db, key, rule, now);
    if (!last.allowed) return last;
    remaining = Math.min(remaining, last.remaining);
  }
  return { ...last, remaining };
}

/**
 * Deletes buckets that started more than MAX_WINDOW_SECONDS ago: their window has ended whatever its
 * length. One delete over a small table (it only holds the last day's active keys).
 */
export async function deleteExpiredRateLimitBuckets(db: DbOrTx, now: Date = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - MAX_WINDOW_SECONDS * 1000).toISOString();
  const r = await db.deleteFrom('rate_limit_buckets').where('window_start', '<', cutoff).executeTakeFirst();
  return Number(r.numDeletedRows);
}

async function sweepExpiredRateLimitBuckets(db: DbOrTx, now: Date) {
  if (db.isTransaction) return;
  const at = now.getTime();
  const last = lastSweep.get(db);
  if (last !== undefined && Math.abs(at - last) < SWEEP_EVERY_MS) return;
  lastSweep.set(db, at);
  await deleteExpiredRateLimitBuckets(db, now);
}

function waitText(seconds: number, lang: Lang): string {
  if (seconds < 60) return lang === 'fr' ? `${seconds} seconde${seconds > 1 ? 's' : ''}` : `${seconds} second${seconds > 1 ? 's' : ''}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 120) return lang === 'fr' ? `${minutes} minute${minutes > 1 ? 's' : ''}` : `${minutes} minute${minutes > 1 ? 's' : ''}`;
  const hours = Math.ceil(minutes / 60);
  return lang === 'fr' ? `${hours} heures` : `${hours} hours`;
}

/** The message of a 429, in plain English or French. */
export function rateLimitedMessage(retryAfterSeconds: number, lang: Lang): string {
  const wait = waitText(retryAfterSeconds, lang);
  return lang === 'fr'
    ? `Trop de demandes envoyées depuis votre connexion. Réessayez dans ${wait}.`
    : `Too many requests have come from your connection. Please try again in ${wait}.`;
}

/** The contract's 429: `{"error":{"code":"rate_limited",…}}` with a `Retry-After` header in seconds. */
export function rateLimited(c: Context, retryAfterSeconds: number, lang: Lang = errorLang(c)) {
  c.header('Retry-After', String(retryAfterSeconds));
  return apiError(c, 429, 'rate_limited', rateLimitedMessage(retryAfterSeconds, lang));
}

export interface RateLimitMiddlewareOptions {
  db: Db;
  /** The rules, shortest window first. */
  rules: readonly RateLimitRule[];
  /**
   * The bucket key for this request, e.g. `signin:${clientAddress(c, config)}`; undefined or null
   * skips the limit for this request.
   */
  key: (c: Context) => string | null | undefined | Promise<string | null | undefined>;
}

/** A Hono middleware answering 429 + Retry-After (EN/FR by ?lang= / Accept-Language) once a key has hit its limit. */
export function rateLimit(opts: RateLimitMiddlewareOptions): MiddlewareHandler {
  for (const r of opts.rules) checkRule(r);
  return async (c, next) => {
    const key = await opts.key(c);
    if (key) {
      const result = await hitRateLimits(opts.db, key, opts.rules);
      if (!result.allowed) return rateLimited(c, result.retryAfterSeconds);
    }
    await next();
    return undefined;
  };
}
