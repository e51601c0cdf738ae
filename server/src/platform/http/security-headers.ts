// Security headers on every response. Handlers that need something else set it themselves and win:
// pages their CSP, the widget files a cross-origin resource policy.
//
// The same headers hono/secure-headers sends with the options below (its defaults plus ours), but
// computed once at start: per response only a has()/set() per header, no per-request option handling,
// and no X-Powered-By deletion (nothing here sets that header).
import type { MiddlewareHandler } from 'hono';

export const HSTS = 'max-age=31536000; includeSubDomains';
/** JSON, files and errors: nothing to run, nothing to frame. Pages set their own CSP. */
export const DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Name (lower case) and value of every header a response gets unless its handler set that header. */
export const SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['cross-origin-resource-policy', 'same-origin'],
  ['cross-origin-opener-policy', 'same-origin'],
  ['origin-agent-cluster', '?1'],
  ['referrer-policy', 'strict-origin-when-cross-origin'],
  ['strict-transport-security', HSTS],
  ['x-content-type-options', 'nosniff'],
  ['x-dns-prefetch-control', 'off'],
  ['x-download-options', 'noopen'],
  ['x-frame-options', 'SAMEORIGIN'],
  ['x-permitted-cross-domain-policies', 'none'],
  ['x-xss-protection', '0'],
  // The report form may ask for the resident's location on our own demo pages; nothing else is used.
  ['permissions-policy', 'geolocation=(self), camera=(), microphone=(), payment=(), usb=()'],
];

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    const headers = res.headers;
    for (const [name, value] of SECURITY_HEADERS) if (!headers.has(name)) headers.set(name, value);
    // Not on a 304: the browser would merge it into the cached page and replace that page's own CSP.
    if (res.status !== 304 && !headers.has('content-security-policy')) headers.set('content-security-policy', DEFAULT_CSP);
  };
}
