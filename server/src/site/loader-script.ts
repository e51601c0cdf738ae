// GET /widgets/munikit.js: the built loader with the server's only town written into it (id and
// languages), so an element on a town's page needs no request to learn which town it serves. The
// answer is built once per bundle file and town list (both can change while the server runs: a new
// build, a settings change, seen here within the town directory's TTL) and kept compressed.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import type { TownDirectory } from '../towns/directory.ts';
import { languagesOf } from '../towns/settings-routes.ts';
import { chooseEncoding, encodedEtag } from '../platform/http/compression.ts';
import { bakeTowns } from './bake-towns.ts';


interface Built {
  key: string;
  etag: string;
  identity: Uint8Array;
  br: Uint8Array;
  gzip: Uint8Array;
}

export function loaderScript(widgetsDir: string, towns: TownDirectory) {
  const file = path.join(widgetsDir, 'munikit.js');
  let built: Built | undefined;

  async function build(): Promise<Built | undefined> {
    const found = await stat(file).catch(() => undefined);
    if (!found?.isFile()) return undefined;
    // The widgets must load even while the database is away: they then ask for the town themselves.
    const all = await towns.all().catch(() => []);
    // Only one town can be the default; with several, each element names its own.
    const baked = all.length === 1 ? all.map((t) => ({ id: t.id, defaultLanguage: t.defaultLanguage, languages: languagesOf(t) })) : [];
    const key = `${found.mtimeMs} ${found.size} ${JSON.stringify(baked)}`;
    if (built?.key === key) return built;
    const source = await readFile(file, 'utf8');
    const text = baked.length > 0 ? bakeTowns(source, baked) : source;
    const identity = Buffer.from(text);
    built = {
      key,
      etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`,
      identity,
      br: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      gzip: gzipSync(identity, { level: 9 }),
    };
    return built;
  }

  return async (c: Context) => {
    const script = await build();
    if (!script) return c.notFound();
    const encoding = chooseEncoding(c.req.header('accept-encoding'));
    const etag = encoding ? encodedEtag(script.etag, encoding) : script.etag;
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Vary', 'Accept-Encoding');
    c.header('ETag', etag);
    if (c.req.header('if-none-match')?.split(',').some((t) => t.trim() === etag)) return c.body(null, 304);
    const body = encoding ? script[encoding] : script.identity;
    if (encoding) c.header('Content-Encoding', encoding);
    c.header('Content-Length', String(body.byteLength));
    if (c.req.method === 'HEAD') return c.body(null);
    return c.body(body as Uint8Array<ArrayBuffer>);
  };
}
