// The client's address, for rate limits and the audit log. Directly connected: the socket's peer.
// Behind a reverse proxy (TRUST_PROXY=true) every request would otherwise come from the proxy, so the
// address is the last entry of X-Forwarded-For — the one our own proxy appended; entries before it
// were written by the client and prove nothing.
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const last = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (last && last.length <= 64) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request() in tests has no socket
  }
}
