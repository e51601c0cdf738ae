// Static files: the widget bundle (/widgets), the staff console page (/staff) and the demo town site (/).
// Serving files is @hono/node-server's serveStatic (types, traversal, HEAD, ranges) and hono/etag
// (revalidation); this module only adds MuniKit's policy: cache lifetimes, CORS for widgets, the CSP.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';
import { etag } from 'hono/etag';
import type { App, RouteDeps } from '../app-types.ts';
import { loaderScript } from './loader-script.ts';
import { registerPortalRoutes } from './portal-routes.ts';

/** `<repo>` resolved from this module, never from the working directory. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
export const DEFAULT_STATIC_PATHS = {
  widgetsDir: path.join(REPO_ROOT, 'dist', 'widgets'),
  demoDir: path.join(REPO_ROOT, 'demo'),
};
const STAFF_DIR = import.meta.dirname;

export const HTML_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * MuniKit's headers on a file that was found (or revalidated): its cache lifetime, and the CSP when it
 * is a page. Set after serveStatic has answered, since it builds its response itself.
 */
const policy =
  (cacheControl: (urlPath: string) => string): MiddlewareHandler =>
  async (c, next) => {
    await next();
    if (!c.res.ok && c.res.status !== 304) return;
    c.header('Cache-Control', cacheControl(c.req.path));
    if (c.res.headers.get('content-type')?.startsWith('text/html')) c.header('Content-Security-Policy', HTML_CSP);
  };
const revalidate = policy(() => 'no-cache');

/**
 * A town's page on another origin must be able to load the bundle, even its 404s. Every widget answer
 * depends on Accept-Encoding (a .br or .gz copy, or the file), so caches must keep them apart.
 */
const openToEveryOrigin: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('Access-Control-Allow-Origin', '*');
  c.header('Cross-Origin-Resource-Policy', 'cross-origin');
  if (!/accept-encoding/i.test(c.res.headers.get('vary') ?? '')) c.header('Vary', 'Accept-Encoding', { append: true });
};

/**
 * `/fr` → `/fr/`, so a folder's index page and its relative links agree. Only plain folder names are
 * redirected, and always to a path on this host: `//evil.example` must never become `Location: //evil.example/`.
 */
const FOLDER_PATH = /^(\/[A-Za-z0-9_-]+)+$/;
const redirectFolders =
  (root: string): MiddlewareHandler =>
  async (c, next) => {
    const urlPath = c.req.path;
    if (FOLDER_PATH.test(urlPath)) {
      const found = await stat(path.join(root, urlPath)).catch(() => undefined);
      if (found?.isDirectory()) return c.redirect(`${urlPath}/`, 301);
    }
    await next();
  };

export function registerStaticRoutes(app: App, deps: RouteDeps) {
  const { staticPaths, towns } = deps;
  const widgetsDir = path.resolve(staticPaths.widgetsDir);
  // munikit.js keeps its name, so it is revalidated; it carries the server's only town (loader-script.ts).
  app.get('/widgets/munikit.js', openToEveryOrigin, policy(() => 'no-cache'), loaderScript(widgetsDir, towns));
  app.get(
    '/widgets/*',
    openToEveryOrigin,
    // Chunk names carry a content hash.
    policy((urlPath) => (urlPath.startsWith('/widgets/chunks/') ? IMMUTABLE : 'no-cache')),
    etag(),
    // The build writes a .br and a .gz copy of each file (scripts/widget-build.ts); the ETag is the
    // hash of the bytes sent, so each encoding has its own.
    serveStatic({ root: widgetsDir, precompressed: true, rewriteRequestPath: (p) => p.slice('/widgets'.length) }),
  );

  // The console routes on the client: every /staff URL (a deep link, a reload) gets the same page.
  const staffPage = serveStatic({ path: path.join(STAFF_DIR, 'staff.html') });
  app.get('/staff/staff.css', revalidate, etag(), serveStatic({ path: path.join(STAFF_DIR, 'staff.css') }));
  // The server's own pages (/staff, /r/…) have no icon; answering the browser's automatic request with
  // "no content" (cached for a day) keeps a 404 out of every page's console.
  app.get('/favicon.ico', (c) => {
    c.header('cache-control', 'public, max-age=86400');
    return c.body(null, 204);
  });
  app.get('/staff', revalidate, etag(), staffPage);
  app.get('/staff/*', revalidate, etag(), staffPage);

  registerPortalRoutes(app, deps);

  const demoRoot = path.resolve(staticPaths.demoDir);
  app.get('/*', revalidate, etag(), redirectFolders(demoRoot), serveStatic({ root: demoRoot }));
}
