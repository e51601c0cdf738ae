// Where links in notification emails point. The origin is the server's own (PUBLIC_ORIGIN, else the
// demo's loopback address), set once by createApp; the tracker link is the town's `trackerUrl` setting
// (the page of the town's site that holds <muni-request-status>), else the demo's /track.html.
import type { Town } from '../towns/store.ts';

let origin = 'http://127.0.0.1:8787';

/** Called by createApp with linkOrigin(config). */
export function configureNotificationLinks(serverOrigin: string): void {
  origin = serverOrigin.replace(/\/$/, '');
}

export const serverOrigin = (): string => origin;

/** The town's tracker page with `?ref=REFERENCE` (or `&ref=` when the setting has a query already). */
export function trackerLink(town: Pick<Town, 'settings'>, reference: string): string {
  const setting = town.settings['trackerUrl'];
  const base = typeof setting === 'string' && /^https?:\/\//.test(setting) ? setting : `${origin}/track.html`;
  return `${base}${base.includes('?') ? '&' : '?'}ref=${encodeURIComponent(reference)}`;
}

/** A page this server serves to residents (no account): /r/confirm, /r/unsubscribe, /r/fixed. */
export const residentLink = (page: 'confirm' | 'unsubscribe' | 'fixed', params: Record<string, string>): string =>
  `${origin}/r/${page}?${new URLSearchParams(params).toString()}`;
