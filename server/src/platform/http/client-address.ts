// The address a request came from, for rate limits. By default the socket's peer address: headers
// are never trusted unless TRUST_PROXY says how many reverse proxies stand in front of the server.
// With TRUST_PROXY=N the client is the N-th address from the right of X-Forwarded-For (each trusted
// proxy appends the address it received the connection from, so anything further left was written
// by the client and may be forged). The address is personal data: use it as a rate-limit key only,
// never log it next to anything about the resident.
import { isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** What clientAddress() answers when there is no socket (Hono's app.request() in tests) and no trusted header. */
export const UNKNOWN_ADDRESS = 'unknown';

function socketAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address || undefined;
  } catch {
    // No Node socket behind this request: app.request() in tests, or another runtime.
    return undefined;
  }
}

/** `::ffff:203.0.113.7` → `203.0.113.7`; anything that is not an IP address → undefined. */
export function normaliseAddress(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let a = raw.trim();
  // [v6]:port and v4:port forms some proxies write.
  const bracket = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracket) a = bracket[1]!;
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  const zone = a.indexOf('%');
  if (zone > 0) a = a.slice(0, zone);
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(a);
  if (mapped) a = mapped[1]!;
  return isIP(a) ? a.toLowerCase() : undefined;
}

/**
 * The client's address: with `trustProxyHops` = 0 (the default) the socket's peer; with N > 0 the
 * N-th entry from the right of X-Forwarded-For, when the header has at least N valid entries
 * (otherwise the socket's peer). UNKNOWN_ADDRESS when neither is known.
 */
export function clientAddress(c: Context, trustProxyHops: number): string {
  const socket = normaliseAddress(socketAddress(c));
  if (trustProxyHops > 0) {
    const header = c.req.header('x-forwarded-for');
    if (header) {
      const hops = header.split(',').map((h) => h.trim()).filter((h) => h.length > 0);
      if (hops.length >= trustProxyHops) {
        const candidate = normaliseAddress(hops[hops.length - trustProxyHops]);
        if (candidate) return candidate;
      }
    }
  }
  return socket ?? UNKNOWN_ADDRESS;
}

function expandIpv6(address: string): number[] | undefined {
  // An embedded IPv4 tail (::ffff:1.2.3.4, 64:ff9b::1.2.3.4) becomes its two 16-bit groups.
  const text = address.replace(/(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/, (_m, a: string, b: string, c: string, d: string) =>
    `${((Number(a) << 8) | Number(b)).toString(16)}:${((Number(c) << 8) | Number(d)).toString(16)}`,
  );
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (s: string | undefined) => (s ? s.split(':').map((h) => parseInt(h, 16)) : []);
  const left = parse(halves[0]);
  const right = parse(halves[1]);
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return undefined;
  const groups = [...left, ...Array<number>(missing).fill(0), ...right];
  return groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : undefined;
}

/**
 * The part of an address that identifies one client for rate limits: an IPv4 address as is, an IPv6
 * address cut to its /64 network (one household or device usually owns a whole /64 and can pick any
 * address in it).
 */
export function rateLimitSubject(address: string): string {
  if (isIP(address) !== 6) return address;
  const groups = expandIpv6(address);
  if (!groups || groups.length !== 8) return address;
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(':')}::/64`;
}
