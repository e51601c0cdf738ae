// The hosted portal (/portal in English, /fr/portal in French: all three widgets on one page, for towns
// without a website of their own) and the offline service worker of the server's own pages.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Context } from 'hono';
import type { App, RouteDeps } from '../app-types.ts';
import { HTML_CSP } from './routes.ts';

const PORTAL_DIR = path.join(import.meta.dirname, 'portal');
const WORKBOX_WINDOW = path.join(path.dirname(createRequire(import.meta.url).resolve('workbox-window/package.json')), 'build', 'workbox-window.prod.mjs');

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Files read once: they only change with a new release. */
const files = new Map<string, Promise<string>>();
const read = (file: string) => {
  let text = files.get(file);
  if (!text) {
    text = readFile(file, 'utf8');
    files.set(file, text);
  }
  return text;
};

function asset(c: Context, body: string, type: string) {
  c.header('Content-Type', type);
  c.header('Cache-Control', 'no-cache');
  return c.body(body);
}

export function registerPortalRoutes(app: App, { towns }: RouteDeps) {
  const page = (lang: 'en' | 'fr') => async (c: Context) => {
    // One town: its name. Several (or none known): the portal is the server's, so a neutral title.
    const all = await towns.all();
    const name = all.length === 1 ? all[0]!.name[lang] : lang === 'fr' ? 'Services municipaux' : 'Town services';
    const html = (await read(path.join(PORTAL_DIR, `portal.${lang}.html`))).replaceAll('{{town}}', escapeHtml(name));
    c.header('Content-Security-Policy', HTML_CSP);
    return asset(c, html, 'text/html; charset=utf-8');
  };
  app.get('/portal', page('en'));
  app.get('/fr/portal', page('fr'));
  app.get('/portal/portal.css', async (c) => asset(c, await read(path.join(PORTAL_DIR, 'portal.css')), 'text/css; charset=utf-8'));
  app.get('/portal/register.js', async (c) => asset(c, await read(path.join(PORTAL_DIR, 'register.js')), 'text/javascript; charset=utf-8'));
  app.get('/portal/workbox-window.js', async (c) => asset(c, await read(WORKBOX_WINDOW), 'text/javascript; charset=utf-8'));
  // At the root so its scope covers /portal, /fr/portal and /staff; revalidated so an update is seen.
  // A worker runs under its own script's CSP: the default for files ('none') would block its fetches.
  app.get('/sw.js', async (c) => {
    c.header('Content-Security-Policy', "default-src 'self'");
    return asset(c, await read(path.join(PORTAL_DIR, 'sw.js')), 'text/javascript; charset=utf-8');
  });
}
