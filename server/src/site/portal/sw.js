// The service worker of the server's own pages (/portal, /fr/portal and the staff console), registered
// through workbox-window by register.js. It keeps the pages' shell, the widget files and the
// knowledge-base index so those pages open offline. Widgets embedded on a town's own site never get
// it: they keep their own offline behaviour (the index in localStorage, the form's outbox).
/// <reference lib="webworker" />
// @ts-check
/* global self, caches */
const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));
const CACHE = 'munikit-offline-v1';
const SHELL = ['/portal', '/fr/portal', '/portal/portal.css', '/portal/register.js', '/portal/workbox-window.js', '/widgets/munikit.js', '/staff', '/staff/staff.css'];
/** Public API answers worth having offline: the towns, the knowledge-base index and categories, the services. */
const API = /^\/api\/v1\/towns(\/[^/]+(\/(kb\/index|kb\/categories|services))?)?$/;

sw.addEventListener('install', (event) => {
  // One by one: a page this server does not answer (a 404) must not keep the rest from being kept.
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => Promise.all(SHELL.map((path) => fetch(path).then((res) => (res.ok ? cache.put(keyFor(new URL(path, sw.location.href)), res) : undefined), () => undefined))))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key.startsWith('munikit-offline-') && key !== CACHE) await caches.delete(key);
      await sw.clients.claim();
    })(),
  );
});

/**
 * Workbox's CACHE_URLS message: what the page loaded before this worker controlled it. A widget chunk
 * brings the chunks it imports later (the search library on the first key, the console's other
 * screens), so they are there offline too.
 */
sw.addEventListener('message', (event) => {
  const data = event.data;
  if (data?.type !== 'CACHE_URLS') return;
  const urls = /** @type {string[]} */ (data.payload?.urlsToCache ?? []).map((u) => new URL(u, sw.location.href)).filter(cacheable);
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => keepAll(cache, urls, new Set()))
      .then(() => event.ports[0]?.postMessage({ cached: urls.length })),
  );
});

const IMPORT = /["'`](\.\.?\/[\w./-]+\.js)["'`]/g;

/** @param {Cache} cache @param {URL[]} urls @param {Set<string>} seen */
async function keepAll(cache, urls, seen) {
  await Promise.all(
    urls.map(async (url) => {
      if (seen.has(url.href)) return;
      seen.add(url.href);
      // What is kept already stays (chunks never change), but its imports are still looked for: a chunk
      // the page loaded once this worker was in control was kept by the fetch handler, which does not
      // follow imports (the search's view, whose search library loads only on the first key).
      let res = await cache.match(keyFor(url), { ignoreVary: true });
      if (!res) {
        res = await fetch(url).catch(() => undefined);
        if (!res?.ok) return;
        await cache.put(keyFor(url), res.clone());
      }
      if (!url.pathname.startsWith('/widgets/chunks/')) return;
      const imports = [...(await res.text()).matchAll(IMPORT)].map((m) => new URL(/** @type {string} */ (m[1]), url));
      await keepAll(cache, imports.filter(cacheable), seen);
    }),
  );
}

/** @param {URL} url */
function cacheable(url) {
  if (url.origin !== sw.location.origin) return false;
  const p = url.pathname;
  return SHELL.includes(p) || p.startsWith('/widgets/') || p.startsWith('/staff/') || p === '/fr/portal' || API.test(p);
}

/** Pages are kept under their path alone (?q=, ?ref= and deep console URLs share one copy). @param {URL} url */
function keyFor(url) {
  const p = url.pathname.replace(/\/+$/, '');
  if (p === '/portal' || p === '/fr/portal') return p;
  if (p === '/staff' || (p.startsWith('/staff/') && !/\.\w+$/.test(p))) return '/staff';
  return url.href;
}

/** The network when it answers, else the kept copy. @param {Request} request @param {string} key */
async function networkFirst(request, key) {
  const cache = await caches.open(CACHE);
  try {
    const res = await fetch(request);
    if (res.ok) await cache.put(key, res.clone());
    return res;
  } catch (error) {
    const kept = await cache.match(key, { ignoreVary: true });
    if (kept) return kept;
    throw error;
  }
}

/** Hashed chunk names never change content. @param {Request} request */
async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request, { ignoreVary: true });
  if (kept) return kept;
  const res = await fetch(request);
  if (res.ok) await cache.put(request, res.clone());
  return res;
}

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (!cacheable(url)) return;
  if (url.pathname.startsWith('/widgets/chunks/')) event.respondWith(cacheFirst(request));
  else event.respondWith(networkFirst(request, keyFor(url)));
});
