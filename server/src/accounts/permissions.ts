// The one permission map (role → actions) and the middleware every staff route declares. A route
// that is not declared through `guard()` is not a staff route: the deny-by-default test
// (test/accounts/deny-by-default.test.ts) walks the route table and the OpenAPI document and fails on
// any /api/v1/staff operation, or state-changing /api/v1/auth one, that is not.
import type { RouteConfig } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-types.ts';
import { apiError } from '../platform/http/errors.ts';
import type { Role } from '../platform/database/schema.ts';
import { CSRF_FAILED, csrfMatches } from './session.ts';
import { say } from './messages.ts';

export const ROLES = ['admin', 'editor', 'agent', 'viewer'] as const satisfies readonly Role[];

export const ACTIONS = [
  'requests.read',
  'requests.update',
  'kb.read',
  'kb.edit',
  'users.manage',
  'apikeys.manage',
  'settings.manage',
  'audit.read',
  'outbox.read',
  'outbox.retry',
  'webhooks.manage',
  'reports.read',
  /** Residents' requests to see or erase their personal data (admins only). */
  'privacy.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * Role → actions. admin: everything. editor: the knowledge base. agent: the requests of their
 * departments (c.var.access.departmentIds; empty = every department). viewer: read only.
 */
export const PERMISSIONS: Readonly<Record<Role, readonly Action[]>> = Object.freeze({
  admin: ACTIONS,
  editor: ['kb.read', 'kb.edit'],
  agent: ['requests.read', 'requests.update', 'kb.read', 'reports.read'],
  viewer: ['requests.read', 'kb.read', 'reports.read'],
});

export const can = (role: Role, action: Action): boolean => PERMISSIONS[role].includes(action);

/** `self`: any signed-in person acting on their own account (no town). */
export type Permission = Action | 'self';

export interface Access {
  townId: string;
  role: Role;
  /** Departments an agent works for; empty means every department of the town. */
  departmentIds: string[];
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * 401 without a session; 403 (csrf_failed) on a state-changing call without the session's
 * X-CSRF-Token; for a town route, 403 (forbidden) unless the user's role in `{town}` allows `permission`.
 * Puts the role on c.var.access.
 */
export function requirePermission(permission: Permission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const s = c.get('session');
    if (!s) return apiError(c, 401, 'unauthenticated', say(c, 'Sign in to continue.', 'Connectez-vous pour continuer.'));
    if (!SAFE_METHODS.has(c.req.method) && !csrfMatches(s.csrfToken, c.req.header('x-csrf-token'))) {
      return apiError(c, 403, 'csrf_failed', say(c, CSRF_FAILED.en, CSRF_FAILED.fr));
    }
    if (permission !== 'self') {
      const townId = c.req.param('town');
      if (!townId) throw new Error(`permission ${permission} declared on a route without {town}`);
      const row = await c.var.db
        .selectFrom('user_town_roles')
        .select(['role', 'department_ids'])
        .where('user_id', '=', s.userId)
        .where('town_id', '=', townId)
        .executeTakeFirst();
      if (!row || !can(row.role, permission)) return forbidden(c);
      c.set('access', { townId, role: row.role, departmentIds: JSON.parse(row.department_ids) as string[] });
    }
    await next();
  };
}

export const forbidden = (c: Context) =>
  apiError(c, 403, 'forbidden', say(c, 'You do not have permission to do this in this town.', 'Vous n’avez pas l’autorisation de faire ceci dans cette municipalité.'));

/** Every route declared with guard(): `METHOD /openapi/{path}` → permission. Read by the deny-by-default test. */
export const declaredPermissions = new Map<string, Permission | 'public'>();

/**
 * Declares a staff route's permission: records it (here and as `x-permission` in the OpenAPI
 * document), documents the session (and CSRF for writes) security, and puts requirePermission first.
 */
export function guard<R extends RouteConfig>(route: R, permission: Permission) {
  const write = !SAFE_METHODS.has(route.method.toUpperCase());
  declaredPermissions.set(`${route.method.toUpperCase()} ${route.path}`, permission);
  return {
    ...route,
    'x-permission': permission,
    security: write ? [{ session: [], csrf: [] }] : [{ session: [] }],
    middleware: [requirePermission(permission)] as [MiddlewareHandler<AppEnv>],
  };
}
