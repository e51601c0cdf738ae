// Tokens in links of notification emails ("did we fix it?"), signed with the server's notifications
// secret (server_secrets). Unsubscribe tokens come from subscriptions-store.ts.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DbOrTx } from '../platform/database/schema.ts';
import { serverSecret } from '../platform/database/server-secrets.ts';

export const sha256Hex = (s: string): string => createHash('sha256').update(s).digest('hex');

const hmacHex = (secret: string, data: string): string => createHmac('sha256', secret).update(data).digest('hex');

/** The server-wide HMAC key of "did we fix it?" links (server_secrets, shared by every instance). */
export const notificationSecret = (db: DbOrTx): Promise<string> => serverSecret(db, 'notifications');

/**
 * A "did we fix it?" link token for one email: `<requestId>.<nonce>.<hex HMAC-SHA256(secret, "fixed." + requestId + "." + nonce)>`.
 * It names the request without any personal data; the answer is recorded once per token.
 */
export function fixToken(secret: string, requestId: string, nonce = randomBytes(12).toString('base64url')): string {
  return `${requestId}.${nonce}.${hmacHex(secret, `fixed.${requestId}.${nonce}`)}`;
}

/** The request id a fix token was made for, or undefined when it was not made with this secret. */
export function verifyFixToken(secret: string, token: string): string | undefined {
  const m = /^([A-Za-z0-9-]{1,64})\.([A-Za-z0-9_-]{1,64})\.([0-9a-f]{64})$/.exec(token);
  if (!m) return undefined;
  const expected = Buffer.from(hmacHex(secret, `fixed.${m[1]}.${m[2]}`), 'hex');
  const given = Buffer.from(m[3]!, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given) ? m[1] : undefined;
}
