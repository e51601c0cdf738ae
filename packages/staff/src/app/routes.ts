// The console's screens: one entry per URL, each loaded the first time it is shown. A new screen is a
// folder beside this one plus a line here.
import type { Action } from '@munikit/core';
export interface StaffRoute {
  /** Path under the console, e.g. `/staff/inbox`. */
  path: string;
  /** The screen's custom element. */
  tag: string;
  /** Key in the shell's strings for the navigation link and the page title. */
  titleKey: string;
  /** The action (from the server's permission map) a role needs to see the screen; `self` for everyone signed in. */
  permission: Action | 'self';
  load: () => Promise<unknown>;
  /** false: reached from another screen (e.g. an article's editor), not listed in the navigation. */
  nav?: boolean;
}

/** A screen for someone who is not signed in (opened from an emailed link). It gets the link's `token`. */
export interface SignedOutRoute {
  path: string;
  tag: string;
  titleKey: string;
  load: () => Promise<unknown>;
}

export const CONSOLE_BASE = '/staff';
export const SIGN_IN_PATH = `${CONSOLE_BASE}/sign-in`;

export const ROUTES: StaffRoute[] = [
  { path: '/staff/inbox', tag: 'muni-staff-inbox', titleKey: 'nav.inbox', permission: 'requests.read', load: () => import('../requests/inbox/inbox-screen.ts') },
  { path: '/staff/inbox/request', tag: 'muni-staff-request-page', titleKey: 'nav.request', permission: 'requests.read', nav: false, load: () => import('../requests/request-page/request-page.ts') },
  { path: '/staff/kb', tag: 'muni-staff-kb-articles', titleKey: 'nav.kb', permission: 'kb.read', load: () => import('../kb/kb-articles/kb-articles-screen.ts') },
  { path: '/staff/kb/article', tag: 'muni-staff-kb-editor', titleKey: 'nav.kbArticle', permission: 'kb.read', nav: false, load: () => import('../kb/kb-editor/kb-editor-screen.ts') },
  { path: '/staff/kb/revisions', tag: 'muni-staff-kb-revisions', titleKey: 'nav.kbRevisions', permission: 'kb.read', nav: false, load: () => import('../kb/kb-revisions/kb-revisions-screen.ts') },
  { path: '/staff/kb/categories', tag: 'muni-staff-kb-categories', titleKey: 'nav.kbCategories', permission: 'kb.read', load: () => import('../kb/kb-categories/kb-categories-screen.ts') },
  { path: '/staff/kb/insight', tag: 'muni-staff-kb-insight', titleKey: 'nav.kbInsight', permission: 'kb.read', load: () => import('../kb/kb-insight/kb-insight-screen.ts') },
  { path: '/staff/settings/users', tag: 'muni-staff-users', titleKey: 'nav.users', permission: 'users.manage', load: () => import('../users/users-screen.ts') },
  { path: '/staff/settings/town', tag: 'muni-staff-town-settings', titleKey: 'nav.town', permission: 'settings.manage', load: () => import('../town-settings/town-settings-screen.ts') },
  { path: '/staff/settings/embed', tag: 'muni-staff-embed-builder', titleKey: 'nav.embed', permission: 'settings.manage', load: () => import('../embed-builder/embed-builder-screen.ts') },
  { path: '/staff/settings/privacy', tag: 'muni-staff-privacy', titleKey: 'nav.privacy', permission: 'privacy.manage', load: () => import('../privacy/privacy-screen.ts') },
  { path: '/staff/settings/api-keys', tag: 'muni-staff-api-keys', titleKey: 'nav.apiKeys', permission: 'apikeys.manage', load: () => import('../api-keys/api-keys-screen.ts') },
  { path: '/staff/settings/webhooks', tag: 'muni-staff-webhooks', titleKey: 'nav.webhooks', permission: 'webhooks.manage', load: () => import('../webhooks/webhooks-screen.ts') },
  { path: '/staff/reports', tag: 'muni-staff-reports', titleKey: 'reports.reports', permission: 'reports.read', load: () => import('../reports/reports-screen.ts') },
  { path: '/staff/reports/council', tag: 'muni-staff-council-report', titleKey: 'reports.councilReport', permission: 'reports.read', nav: false, load: () => import('../council-report/council-report-screen.ts') },
  { path: '/staff/settings/targets', tag: 'muni-staff-targets', titleKey: 'reports.targets', permission: 'settings.manage', load: () => import('../targets/targets-screen.ts') },
  { path: '/staff/settings/templates', tag: 'muni-staff-templates', titleKey: 'reports.templates', permission: 'settings.manage', load: () => import('../templates/templates-screen.ts') },
  { path: '/staff/outbox', tag: 'muni-staff-outbox', titleKey: 'nav.outbox', permission: 'outbox.read', load: () => import('../outbox/outbox-screen.ts') },
  { path: '/staff/audit', tag: 'muni-staff-audit', titleKey: 'nav.audit', permission: 'audit.read', load: () => import('../audit/audit-screen.ts') },
  { path: '/staff/account', tag: 'muni-staff-account', titleKey: 'nav.account', permission: 'self', load: () => import('../account/account-screen.ts') },
];

// The paths the server's emails link to (server/src/accounts/links.ts); the token is in the fragment.
export const SIGNED_OUT_ROUTES: SignedOutRoute[] = [
  { path: '/staff/reset-password', tag: 'muni-staff-reset-password', titleKey: 'resetTitle', load: () => import('../reset-password/reset-password-screen.ts') },
  { path: '/staff/forgot-password', tag: 'muni-staff-reset-password', titleKey: 'resetTitle', load: () => import('../reset-password/reset-password-screen.ts') },
  { path: '/staff/accept-invitation', tag: 'muni-staff-invitation', titleKey: 'invitationTitle', load: () => import('../invitation/invitation-screen.ts') },
];

const trim = (pathname: string) => pathname.replace(/\/+$/, '');

/** The screen for a path, if there is one. */
export function routeFor(pathname: string): StaffRoute | undefined {
  return ROUTES.find((r) => r.path === trim(pathname));
}

export function signedOutRouteFor(pathname: string): SignedOutRoute | undefined {
  return SIGNED_OUT_ROUTES.find((r) => r.path === trim(pathname));
}

/** Only console screens may be a sign-in's `next`, so a crafted link cannot send staff elsewhere. */
export function safeNext(next: string | null): string | undefined {
  if (!next?.startsWith('/') || next.startsWith('//')) return undefined;
  // The query stays (e.g. /staff/kb/article?id=…); the screen is what must be known.
  const url = new URL(next, location.origin);
  return url.origin === location.origin && routeFor(url.pathname) ? trim(url.pathname) + url.search : undefined;
}
