// Shared set-up for the console's browser tests: a signed-in admin, the app mounted at a URL, and a
// way to reach the screen inside the shell's shadow root.
import { fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define.ts';
import type { MuniStaffApp } from '../src/app/staff-app.ts';
import { LANGUAGE_KEY } from '../src/app/staff-app.ts';
import type { Action, StaffSession, Town } from '@munikit/core';

const ACTIONS: Action[] = ['requests.read', 'requests.update', 'kb.read', 'kb.edit', 'users.manage', 'apikeys.manage', 'settings.manage', 'audit.read', 'outbox.read', 'outbox.retry', 'webhooks.manage', 'reports.read', 'privacy.manage'];

export const adminSession: StaffSession = {
  next: 'done',
  user: { id: 'u1', email: 'clerk@lakeview.ca', name: 'Pat Clerk', language: null },
  csrfToken: 'csrf-123',
  towns: [{ id: 'lakeview', role: 'admin' }],
  permissions: { admin: ACTIONS, editor: ['kb.read', 'kb.edit'], agent: ['requests.read', 'requests.update', 'kb.read', 'reports.read'], viewer: ['requests.read', 'kb.read', 'reports.read'] },
  expiresAt: '2026-11-22T20:00:00.000Z',
};

export const towns: { towns: Town[] } = {
  towns: [{ id: 'lakeview', name: { en: 'Township of Lakeview', fr: 'Canton de Lakeview' }, defaultLanguage: 'en', retentionMonths: 12 }],
};

const startUrl = location.pathname + location.search;

export function resetPage(): void {
  history.replaceState(null, '', startUrl);
  document.documentElement.lang = 'en';
  localStorage.removeItem(LANGUAGE_KEY);
  localStorage.removeItem('munikit-staff-town');
}

export async function openConsole(path: string, lang?: string): Promise<MuniStaffApp> {
  history.replaceState(null, '', path);
  return lang
    ? fixture<MuniStaffApp>(html`<muni-staff-app lang=${lang}></muni-staff-app>`)
    : fixture<MuniStaffApp>(html`<muni-staff-app></muni-staff-app>`);
}

/** The screen element `tag` once it has rendered `ready` in its shadow root. */
export async function screenOf(app: Element, tag: string, ready = 'h1'): Promise<HTMLElement> {
  await waitUntil(() => app.shadowRoot?.querySelector(tag)?.shadowRoot?.querySelector(ready), `no ${ready} in <${tag}>`, { timeout: 4000 });
  return app.shadowRoot!.querySelector(tag) as HTMLElement;
}
