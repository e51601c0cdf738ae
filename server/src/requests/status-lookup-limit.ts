// How often one address may look requests up (the tracker, duplicates at the door) and ask for email
// about them. Counted in the database (platform/http/rate-limit.ts), so it holds across instances; a
// reference alone reveals little, but this stops anyone walking through the reference space.
import type { Context } from 'hono';
import type { Config } from '../platform/config.ts';
import type { DbOrTx } from '../platform/database/schema.ts';
import { clientAddress, rateLimitSubject } from '../platform/http/client-address.ts';
import { hitRateLimits, type RateLimitRule } from '../platform/http/rate-limit.ts';

// Lookups (status and nearby) per address and town: config.statusLookupRateLimits
// (STATUS_LOOKUP_RATE_LIMIT, 30 a minute and 300 an hour by default).
/** "Email me" and "this is my problem too" per address and town: 5 in 10 minutes, 20 a day. */
export const SUBSCRIBE_LIMITS: readonly RateLimitRule[] = [
  { limit: 5, windowSeconds: 600 },
  { limit: 20, windowSeconds: 86_400 },
];

/** Counts one hit of `feature` from the caller's address; answers the seconds to wait when refused. */
export async function publicLimit(
  c: Context,
  db: DbOrTx,
  config: Pick<Config, 'trustProxyHops' | 'statusLookupRateLimits'>,
  townId: string,
  feature: 'status' | 'subscribe',
): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  const subject = rateLimitSubject(clientAddress(c, config.trustProxyHops));
  const rules = feature === 'status' ? config.statusLookupRateLimits : SUBSCRIBE_LIMITS;
  if (rules.length === 0) return { allowed: true };
  const r = await hitRateLimits(db, `${feature}:${townId}:${subject}`, rules);
  return r.allowed ? { allowed: true } : { allowed: false, retryAfterSeconds: r.retryAfterSeconds };
}
