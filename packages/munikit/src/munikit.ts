/**
 * The one script a webmaster adds to their page. It defines nothing up front: each element's code is
 * fetched the first time its tag appears in the document, so a page pays only for what it uses.
 */

const loaders: Record<string, () => Promise<unknown>> = {
  'muni-kb-search': () => import('@munikit/kb-search/define'),
  'muni-request-form': () => import('@munikit/request-form/define'),
  'muni-request-status': () => import('@munikit/request-status/define'),
  'muni-staff-app': () => import('@munikit/staff/define'),
};

const pending = new Map<string, Promise<void>>();

/** Loads and defines one element (also usable by pages that create elements in their own shadow roots). */
export function load(tag: string): Promise<void> {
  const loader = loaders[tag];
  if (!loader) return Promise.reject(new Error(`Unknown MuniKit element <${tag}>`));
  let promise = pending.get(tag);
  if (!promise) {
    promise = loader().then(
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
