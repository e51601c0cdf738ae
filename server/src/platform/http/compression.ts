// Brotli or gzip for the answers the server builds itself (JSON, Open311 XML, pages), for residents on
// slow rural links. Widget files are compressed once at build time instead (site/routes.ts).
//
// Not hono/compress: it has no Brotli and turns a strong ETag weak, which the knowledge-base index's
// If-None-Match check would then never match. Here a compressed answer keeps a strong ETag of its own
// (`"<tag>-br"`, `"<tag>-gz"`: another representation, another tag), and a request revalidating that
// tag is answered 304 here, so handlers keep comparing their own tags.
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';
import { promisify } from 'node:util';
import type { MiddlewareHandler } from 'hono';

/** Smaller bodies fit in a packet or two anyway; compressing them only costs time. */
export const COMPRESS_MIN_BYTES = 1024;
/** Below this, compress on the request's own turn (well under a millisecond); above, off the event loop. */
const SYNC_MAX_BYTES = 32 * 1024;
const COMPRESSIBLE = /^\s*(application\/(json|xml|[\w.-]+\+json|[\w.-]+\+xml)|text\/(html|css|xml|plain))\s*(;|$)/i;

type Encoding = 'br' | 'gzip';
const SUFFIX: Record<Encoding, string> = { br: '-br', gzip: '-gz' };

// Quality 5: most of Brotli's gain over gzip at a few times gzip's speed (11 is for build time).
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } };
const GZIP = { level: 6 };
const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** br when the client takes it, else gzip; none for `identity`, q=0 or no header. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const weight = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    if (name) q.set(name.trim(), weight === undefined ? 1 : Number(weight));
  }
  const accepts = (e: string) => (q.get(e) ?? q.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return undefined;
}

/** A strong tag for the compressed representation; weak tags stay as they are (they ignore encoding). */
export function encodedEtag(etag: string, encoding: Encoding): string {
  return etag.startsWith('"') ? `${etag.slice(0, -1)}${SUFFIX[encoding]}"` : etag;
}

const addVary = (headers: Headers) => {
  const vary = headers.get('vary');
  if (vary === '*' || (vary && /(^|,)\s*accept-encoding\s*(,|$)/i.test(vary))) return;
  headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
};

export function compression(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (c.req.method !== 'GET' && c.req.method !== 'POST' && c.req.method !== 'PATCH' && c.req.method !== 'PUT') return;
    if (res.status === 204 || res.status === 206 || res.status === 304) return;
    // Headers only until a body is compressed: reading `res.body` makes @hono/node-server give up its
    // fast path, and clients without Accept-Encoding (scripts, load tests) should keep it.
    const headers = res.headers;
    const type = headers.get('content-type');
    if (!type || !COMPRESSIBLE.test(type) || headers.has('content-encoding')) return;
    if (/(^|,)\s*no-transform\s*(,|$)/i.test(headers.get('cache-control') ?? '')) return;
    const declared = headers.get('content-length');
    if (declared !== null && Number(declared) < COMPRESS_MIN_BYTES) return;
    // The answer depends on Accept-Encoding from here on, whichever way this request goes.
    const encoding = chooseEncoding(c.req.header('accept-encoding'));
    if (!encoding) {
      addVary(headers);
      return;
    }
    if (!res.body) return;
    const etag = headers.get('etag');
    const tag = etag ? encodedEtag(etag, encoding) : undefined;
    if (tag && res.status === 200 && c.req.header('if-none-match')?.split(',').some((t) => t.trim() === tag)) {
      await res.body.cancel();
      const notModified = new Headers({ etag: tag });
      for (const name of ['cache-control', 'vary', 'access-control-allow-origin', 'content-location', 'expires']) {
        const v = headers.get(name);
        if (v !== null) notModified.set(name, v);
      }
      addVary(notModified);
      c.res = undefined;
      c.res = new Response(null, { status: 304, headers: notModified });
      return;
    }
    const raw = new Uint8Array(await res.arrayBuffer());
    const out = new Headers(headers);
    addVary(out);
    let body: Uint8Array = raw;
    if (raw.byteLength >= COMPRESS_MIN_BYTES) {
      body =
        raw.byteLength <= SYNC_MAX_BYTES
          ? encoding === 'br'
            ? brotliCompressSync(raw, BROTLI)
            : gzipSync(raw, GZIP)
          : encoding === 'br'
            ? await brotliAsync(raw, BROTLI)
            : await gzipAsync(raw, GZIP);
      out.set('content-encoding', encoding);
      if (tag) out.set('etag', tag);
    }
    out.set('content-length', String(body.byteLength));
    // Dropping the old response first: otherwise Hono copies its headers back over these.
    c.res = undefined;
    c.res = new Response(body as Uint8Array<ArrayBuffer>, { status: res.status, statusText: res.statusText, headers: out });
  };
}
