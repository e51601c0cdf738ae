// The console's screens: one entry per URL, each loaded the first time it is shown. A new screen is a
// folder beside this one plus a line here.
export interface StaffRoute {
  /** Path under the console, e.g. `/staff/inbox`. */
  path: string;
  /** The screen's custom element. */
  tag: string;
  /** Key in the shell's strings for the navigation link and the page title. */
  titleKey: string;
  load: () => Promise<unknown>;
}

export const CONSOLE_BASE = '/staff';
export const SIGN_IN_PATH = `${CONSOLE_BASE}/sign-in`;

export const ROUTES: StaffRoute[] = [
  { path: `${CONSOLE_BASE}/inbox`, tag: 'muni-staff-requests', titleKey: 'nav.inbox', load: () => import('../requests/requests-screen.ts') },
];

export const HOME = ROUTES[0]!.path;

/** The screen for a path; the console's root and unknown paths go home. */
export function routeFor(pathname: string): StaffRoute | undefined {
  const path = pathname.replace(/\/+$/, '');
  return ROUTES.find((r) => r.path === path);
}

/** Only console paths may be a sign-in's `next`, so a crafted link cannot send staff elsewhere. */
export function safeNext(next: string | null): string {
  if (next && /^\/staff\/[A-Za-z0-9/_-]*$/.test(next) && !next.startsWith(SIGN_IN_PATH)) return next;
  return HOME;
}
