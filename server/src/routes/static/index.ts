// Static files: the widget bundle (/widgets), the staff console page (/staff) and the demo town site (/).
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Context } from 'hono';
import type { App, RouteDeps } from '../../app-types.ts';

/** `<repo>` resolved from this module, never from the working directory. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../../../..');
export const DEFAULT_STATIC_PATHS = {
  widgetsDir: path.join(REPO_ROOT, 'dist', 'widgets'),
  demoDir: path.join(REPO_ROOT, 'demo'),
};
const STAFF_DIR = import.meta.dirname;

export const HTML_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Resolves a URL path inside root, or undefined if it would escape it. */
function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const full = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  return full === root || full.startsWith(root + path.sep) ? full : undefined;
}

async function statFile(file: string) {
  try {
    const st = await fs.stat(file);
    return st;
  } catch {
    return undefined;
  }
}

async function sendFile(c: Context, file: string, headers: Record<string, string>): Promise<Response | undefined> {
  const st = await statFile(file);
  if (!st?.isFile()) return undefined;
  const etag = `W/"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
  const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  const all: Record<string, string> = { 'Content-Type': type, ETag: etag, 'X-Content-Type-Options': 'nosniff', ...headers };
  if (type.startsWith('text/html')) {
    all['Content-Security-Policy'] = HTML_CSP;
    all['Referrer-Policy'] = 'strict-origin-when-cross-origin';
  }
  if (c.req.header('if-none-match') === etag) return c.body(null, 304, all);
  const body = await fs.readFile(file);
  return c.body(body, 200, all);
}

const notFoundText = (c: Context) => c.text('Not found', 404);

export function registerStaticRoutes(app: App, { staticPaths }: RouteDeps) {
  const widgetsRoot = path.resolve(staticPaths.widgetsDir);
  const demoRoot = path.resolve(staticPaths.demoDir);

  app.get('/widgets/*', async (c) => {
    const rel = c.req.path.slice('/widgets'.length);
    const file = resolveInside(widgetsRoot, rel);
    const cors = { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' };
    const immutable = rel.startsWith('/chunks/');
    const res = file
      ? await sendFile(c, file, {
          ...cors,
          'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        })
      : undefined;
    if (res) return res;
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    return notFoundText(c);
  });

  const staffPage = async (c: Context) =>
    (await sendFile(c, path.join(STAFF_DIR, 'staff.html'), { 'Cache-Control': 'no-cache' })) ?? notFoundText(c);
  app.get('/staff', staffPage);
  app.get('/staff/', staffPage);
  app.get('/staff/staff.css', async (c) =>
    (await sendFile(c, path.join(STAFF_DIR, 'staff.css'), { 'Cache-Control': 'no-cache' })) ?? notFoundText(c),
  );

  app.get('/*', async (c, next) => {
    const urlPath = c.req.path;
    if (urlPath.startsWith('/api/')) return next();
    const file = resolveInside(demoRoot, urlPath);
    if (!file) return notFoundText(c);
    const st = await statFile(file);
    if (st?.isDirectory()) {
      if (!urlPath.endsWith('/')) return c.redirect(urlPath + '/', 301);
      return (await sendFile(c, path.join(file, 'index.html'), { 'Cache-Control': 'no-cache' })) ?? notFoundText(c);
    }
    return (await sendFile(c, file, { 'Cache-Control': 'no-cache' })) ?? notFoundText(c);
  });
}
