// Registers the offline service worker on the server's own pages (the portal, the staff console)
// through workbox-window, then asks it to keep what the page loaded before it took control.
// @ts-check
/* global document, customElements, location */
import { Workbox } from '/portal/workbox-window.js';

const TAGS = ['muni-kb-search', 'muni-request-form', 'muni-request-status', 'muni-staff-app'];

async function start() {
  if (!('serviceWorker' in navigator)) return;
  const wb = new Workbox('/sw.js');
  await wb.register();
  await wb.active;
  const present = TAGS.filter((t) => document.querySelector(t));
  await Promise.all(present.map((t) => customElements.whenDefined(t)));
  // Keep the copies once the page has what it needs: on a slow link, the first screen comes first.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const keep = () => {
    const urls = [location.href, ...performance.getEntriesByType('resource').map((e) => e.name)].filter((u) => new URL(u).origin === location.origin);
    return wb.messageSW({ type: 'CACHE_URLS', payload: { urlsToCache: urls } });
  };
  await keep();
  // The widgets' first answers (the knowledge-base index) may still have been on their way.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  await keep();
  document.documentElement.dataset.offlineReady = 'true';
}

start().catch((error) => console.warn('MuniKit: this page will not open offline', error));
