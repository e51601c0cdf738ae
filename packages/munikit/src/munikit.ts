/**
 * The one script a webmaster adds to their page. It defines nothing up front: each element's code is
 * fetched the first time its tag appears in the document, so a page pays only for what it uses.
 */

/** Tag → [build name of its package (see vite.config.ts), loader]. */
const loaders: Record<string, [string, () => Promise<unknown>]> = {
  'muni-kb-search': ['kb-search', () => import('@munikit/kb-search/define')],
  'muni-request-form': ['request-form', () => import('@munikit/request-form/define')],
  'muni-request-status': ['request-status', () => import('@munikit/request-status/define')],
  'muni-staff-app': ['staff', () => import('@munikit/staff/define')],
};

// Both literals are replaced after the build has run: the first by the build (each element's chunk and
// every chunk it imports, from the bundle's import graph), the second by the MuniKit server when it
// serves this file (its only town). A copy of this file served elsewhere keeps the placeholder.
const CHUNKS = '__MUNIKIT_CHUNKS__';
const TOWNS = '__MUNIKIT_TOWNS__';

const parse = <T>(json: string): T | undefined => {
  try {
    return json.startsWith('__') ? undefined : (JSON.parse(json) as T);
  } catch {
    return undefined;
  }
};
const chunks = parse<Record<string, string[]>>(CHUNKS) ?? {};
const here = import.meta.url;
const towns = parse<unknown[]>(TOWNS);
if (towns) {
  // Read by @munikit/core's resolveTown (town.ts), keyed by server: a page may use two MuniKit servers.
  const registry = ((globalThis as Record<symbol, Record<string, unknown[]> | undefined>)[Symbol.for('munikit.towns')] ??= {});
  registry[new URL(here).origin] = towns;
}

const pending = new Map<string, Promise<void>>();
const preloaded = new Set<string>();

/**
 * Asks the browser for every chunk an element needs at once, instead of discovering them one import
 * after another (each a round trip on a slow line).
 */
function preload(name: string): void {
  for (const file of chunks[name] ?? []) {
    const href = new URL(file, here).href;
    if (preloaded.has(href)) continue;
    preloaded.add(href);
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    document.head.append(link);
  }
}

/**
 * The GETs an element makes before a resident can use it, under /api/v1/towns/<town>, `=` ending in its
 * language: asked for with its chunks instead of one round trip after them. The form asks for the
 * town only for its privacy notice's retention figure, which the page may give (retention-months).
 */
const firstData: Record<string, string[]> = {
  'muni-kb-search': ['/kb/index?lang='],
  'muni-request-form': ['/services?lang=', ''],
};

/**
 * Asks for each `tag` element's first data at the URLs its API client will ask for (the rules of
 * core's resolveApiBase, resolveTown and resolveLang, written again here since this file bundles no
 * core code) and leaves each answer, credentials omitted, for that client to take once (core's
 * prefetchedOrFetch). An answer is dropped a minute after it was asked for: a later element asks afresh.
 */
function prefetchData(tag: string): void {
  const registry = ((globalThis as Record<symbol, Map<string, Promise<Response>> | undefined>)[Symbol.for('munikit.prefetched')] ??= new Map());
  const origin = new URL(here).origin;
  for (const el of firstData[tag] ? document.querySelectorAll(tag) : []) {
    const api = el.getAttribute('api');
    const base = api ? new URL(api, document.baseURI).href.replace(/\/+$/, '') : origin;
    // The server writes one town or none (loader-script.ts).
    const town = el.getAttribute('town') || (base === origin && (towns?.[0] as { id: string } | undefined)?.id);
    const lang = /^\s*fr\b/i.test((el.closest('[lang]:not([lang=""])') ?? document.documentElement).getAttribute('lang') ?? '') ? 'fr' : 'en';
    for (const path of town ? firstData[tag]! : []) {
      if (!path && Number(el.getAttribute('retention-months'))) continue;
      const url = new URL(`${base}/api/v1/towns/${encodeURIComponent(town as string)}${path}${path.endsWith('=') ? lang : ''}`).href;
      if (registry.has(url)) continue;
      const answer = fetch(url, { headers: { Accept: 'application/json' }, credentials: 'omit' });
      answer.catch(() => undefined);
      registry.set(url, answer);
      setTimeout(() => registry.delete(url), 60_000);
    }
  }
}

/** Loads and defines one element (also usable by pages that create elements in their own shadow roots). */
export function load(tag: string): Promise<void> {
  const entry = loaders[tag];
  if (!entry) return Promise.reject(new Error(`Unknown MuniKit element <${tag}>`));
  let promise = pending.get(tag);
  if (!promise) {
    preload(entry[0]);
    prefetchData(tag);
    promise = entry[1]().then(
      () => undefined,
      (error: unknown) => {
        // A dropped connection must not break the page for good: the next sighting tries again.
        pending.delete(tag);
        console.warn(`MuniKit: could not load <${tag}>`, error);
      },
    );
    pending.set(tag, promise);
  }
  return promise;
}

function scan(): void {
  for (const tag of Object.keys(loaders)) {
    if (!pending.has(tag) && !customElements.get(tag) && document.querySelector(tag)) void load(tag);
  }
}

const allDefined = () => Object.keys(loaders).every((tag) => customElements.get(tag));

function start(): void {
  scan();
  const observer = new MutationObserver((records) => {
    if (records.some((r) => r.addedNodes.length > 0)) scan();
    // We are a guest on the page: once every element is defined, stop watching its DOM.
    if (allDefined()) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}

// The snippet pasted twice loads this module once; another copy (another version, another URL) would
// start a second watcher: it warns and stays idle, and the first copy serves the page.
const FIRST = Symbol.for('munikit.loader');
const marks = window as unknown as Record<symbol, string | undefined>;
if (marks[FIRST]) console.warn(`MuniKit: the widget script is on this page more than once (${marks[FIRST]} and ${import.meta.url}); only the first one runs.`);
else {
  marks[FIRST] = import.meta.url;
  start();
}
