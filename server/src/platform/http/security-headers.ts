// Security headers on every response (hono/secure-headers). Handlers that need something else set it
// themselves and win: pages their CSP, the widget files a cross-origin resource policy.
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

export const HSTS = 'max-age=31536000; includeSubDomains';
/** JSON, files and errors: nothing to run, nothing to frame. Pages set their own CSP. */
export const DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'";

const common = secureHeaders({
  overwrite: false,
  strictTransportSecurity: HSTS,
  referrerPolicy: 'strict-origin-when-cross-origin',
  permissionsPolicy: {
    // The report form may ask for the resident's location on our own demo pages; nothing else is used.
    geolocation: ['self'],
    camera: [],
    microphone: [],
    payment: [],
    usb: [],
  },
});

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await common(c, next);
    // Not on a 304: the browser would merge it into the cached page and replace that page's own CSP.
    if (c.res.status !== 304 && !c.res.headers.has('Content-Security-Policy')) {
      c.res.headers.set('Content-Security-Policy', DEFAULT_CSP);
    }
  };
}
