// /api/v1/staff/towns/{town}/users: a town's staff (users.manage). Invite by emailed link, change a
// role or an agent's departments, disable or enable, remove from the town. History is never deleted.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { App, AppEnv, RouteDeps } from '../app-types.ts';
import { apiError, errorResponses, validationFailed } from '../platform/http/errors.ts';
import { errorLang } from '../platform/http/validation-messages.ts';
import type { Db } from '../platform/database/schema.ts';
import { enqueueEmail } from '../platform/jobs/email.ts';
import { TownParam } from '../towns/routes.ts';
import { audit } from './audit.ts';
import { INVITATION_TTL_MS, issueToken, listPendingInvitations, revokeTokens } from './auth-tokens.ts';
import { linkOrigin, consoleLink, EMAIL_TEMPLATES_DIR, ROLE_NAMES } from './links.ts';
import { say } from './messages.ts';
import { guard } from './permissions.ts';
import { EmailSchema, LangSchema, RoleSchema } from './schemas.ts';
import { deleteUserSessions } from './sessions-store.ts';
import {
  countActiveAdmins,
  findUserByEmail,
  getTownUser,
  listTownRoles,
  listTownUsers,
  removeTownRole,
  setTownRole,
  setUserDisabled,
  type TownUser,
} from './users-store.ts';

const TownUserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: RoleSchema,
    departmentIds: z.array(z.string()).openapi({ description: "An agent's departments; empty: every department" }),
    disabled: z.boolean(),
    hasPassword: z.boolean(),
    language: LangSchema.nullable(),
    createdAt: z.string(),
  })
  .openapi('TownUser');

const PendingInvitationSchema = z
  .object({ email: z.string(), role: RoleSchema, departmentIds: z.array(z.string()), createdAt: z.string(), expiresAt: z.string() })
  .openapi('PendingInvitation');

const UserParams = TownParam.extend({ userId: z.string().min(1).max(100).openapi({ param: { name: 'userId', in: 'path' } }) });
const body = <S extends z.ZodType>(schema: S) => ({ body: { required: true, content: { 'application/json': { schema } } } });

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/staff/towns/{town}/users',
  tags: ['Staff users'],
  summary: "The town's staff and pending invitations",
  request: { params: TownParam },
  responses: {
    200: {
      description: 'Staff',
      content: { 'application/json': { schema: z.object({ users: z.array(TownUserSchema), invitations: z.array(PendingInvitationSchema) }) } },
    },
    ...errorResponses(401, 403),
  },
});

const inviteRoute = createRoute({
  method: 'post',
  path: '/api/v1/staff/towns/{town}/users/invitations',
  tags: ['Staff users'],
  summary: 'Invite someone by email (single-use link, 72 hours); an existing account just gets the role',
  request: {
    params: TownParam,
    ...body(
      z
        .object({
          email: EmailSchema,
          role: RoleSchema,
          departmentIds: z.array(z.string().min(1).max(100)).max(50).default([]),
          language: LangSchema.optional().openapi({ description: "The email's language; default: the town's" }),
        })
        .openapi('InvitationCreate'),
    ),
  },
  responses: {
    201: {
      description: "'invited': a link was emailed; 'added': the account existed and has the role now",
      content: { 'application/json': { schema: z.object({ status: z.enum(['invited', 'added']), email: z.string(), expiresAt: z.string().nullable() }) } },
    },
    ...errorResponses(400, 401, 403, 409),
  },
});

const patchRoute = createRoute({
  method: 'patch',
  path: '/api/v1/staff/towns/{town}/users/{userId}',
  tags: ['Staff users'],
  summary: "Change a person's role or departments in the town, or disable / enable the account (a disabled person's sessions end at once)",
  request: {
    params: UserParams,
    ...body(
      z
        .object({ role: RoleSchema.optional(), departmentIds: z.array(z.string().min(1).max(100)).max(50).optional(), disabled: z.boolean().optional() })
        .openapi('TownUserChange'),
    ),
  },
  responses: {
    200: { description: 'The person', content: { 'application/json': { schema: TownUserSchema } } },
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const removeRoute = createRoute({
  method: 'delete',
  path: '/api/v1/staff/towns/{town}/users/{userId}',
  tags: ['Staff users'],
  summary: "Remove a person's role in the town (the account and its history stay)",
  request: { params: UserParams },
  responses: { 204: { description: 'Removed' }, ...errorResponses(401, 403, 404, 409) },
});

const revokeRoute = createRoute({
  method: 'post',
  path: '/api/v1/staff/towns/{town}/users/invitations/revoke',
  tags: ['Staff users'],
  summary: 'Cancel the pending invitation of an email address (its link stops working)',
  request: { params: TownParam, ...body(z.object({ email: EmailSchema }).openapi('InvitationRevoke')) },
  responses: { 204: { description: 'Cancelled' }, ...errorResponses(400, 401, 403, 404) },
});

const departmentsRoute = createRoute({
  method: 'get',
  path: '/api/v1/staff/towns/{town}/departments',
  tags: ['Staff users'],
  summary: "The town's departments (to choose an agent's, or to filter and route requests)",
  request: { params: TownParam },
  responses: {
    200: {
      description: 'Departments',
      content: {
        'application/json': {
          schema: z.object({ departments: z.array(z.object({ id: z.string(), name: z.object({ en: z.string(), fr: z.string() }) }).openapi('Department')) }),
        },
      },
    },
    ...errorResponses(401, 403),
  },
});

const publicUser = (u: TownUser) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  departmentIds: u.departmentIds,
  disabled: u.disabled,
  hasPassword: u.hasPassword,
  language: u.language,
  createdAt: u.createdAt,
});

async function unknownDepartments(db: Db, townId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await db.selectFrom('departments').select('id').where('town_id', '=', townId).where('id', 'in', ids).execute();
  const known = new Set(found.map((r) => r.id));
  return ids.filter((id) => !known.has(id));
}

const notInTown = (c: Context) =>
  apiError(c, 404, 'not_found', say(c, 'This person has no role in this town.', 'Cette personne n’a pas de rôle dans cette municipalité.'));

const conflict = (c: Context, en: string, fr: string) => apiError(c, 409, 'conflict', say(c, en, fr));

export function registerUserRoutes(app: App, { db, config }: RouteDeps) {
  app.openapi(guard(listRoute, 'users.manage'), async (c) => {
    const { town } = c.req.valid('param');
    return c.json({ users: (await listTownUsers(db, town)).map(publicUser), invitations: await listPendingInvitations(db, town) }, 200);
  });

  app.openapi(guard(inviteRoute, 'users.manage'), async (c) => {
    const { town: townId } = c.req.valid('param');
    const { email, role, departmentIds, language } = c.req.valid('json');
    const town = c.var.town;
    const bad = await unknownDepartments(db, townId, departmentIds);
    if (bad.length > 0) return departmentError(c, bad);
    const actor = c.get('session')!.user;
    const existing = await findUserByEmail(db, email);
    const origin = linkOrigin(config);
    if (existing) {
      if ((await listTownRoles(db, existing.id)).some((r) => r.id === townId)) {
        return conflict(c, 'This person already has a role in this town.', 'Cette personne a déjà un rôle dans cette municipalité.');
      }
      const lang = existing.language ?? language ?? town.defaultLanguage;
      await db.transaction().execute(async (trx) => {
        await setTownRole(trx, existing.id, townId, role, departmentIds);
        await enqueueEmail(trx, {
          to: existing.email,
          lang,
          templateDir: EMAIL_TEMPLATES_DIR,
          template: 'access-granted',
          vars: { name: existing.name, townName: town.name[lang], inviterName: actor.name, roleName: ROLE_NAMES[role][lang], link: consoleLink(origin, 'sign-in') },
          townId,
        });
        await audit(c, 'user.role_granted', { type: 'user', id: existing.id }, null, { role, departmentIds }, { db: trx });
      });
      return c.json({ status: 'added' as const, email: existing.email, expiresAt: null }, 201);
    }
    const lang = language ?? town.defaultLanguage;
    const expiresAt = await db.transaction().execute(async (trx) => {
      await revokeTokens(trx, { purpose: 'invitation', email, townId });
      const issued = await issueToken(trx, { purpose: 'invitation', email, townId, role, departmentIds, createdBy: actor.id }, INVITATION_TTL_MS);
      await enqueueEmail(trx, {
        to: email,
        lang,
        templateDir: EMAIL_TEMPLATES_DIR,
        template: 'invitation',
        vars: {
          townName: town.name[lang],
          inviterName: actor.name,
          roleName: ROLE_NAMES[role][lang],
          link: consoleLink(origin, 'accept-invitation', issued.token),
          expiresAt: issued.expiresAt.slice(0, 16).replace('T', ' '),
        },
        townId,
      });
      await audit(c, 'user.invited', { type: 'invitation', id: email }, null, { email, role, departmentIds }, { db: trx });
      return issued.expiresAt;
    });
    return c.json({ status: 'invited' as const, email, expiresAt }, 201);
  });

  app.openapi(guard(revokeRoute, 'users.manage'), async (c) => {
    const { town: townId } = c.req.valid('param');
    const { email } = c.req.valid('json');
    const pending = (await listPendingInvitations(db, townId)).find((i) => i.email === email);
    if (!pending) {
      return apiError(c, 404, 'not_found', say(c, 'There is no pending invitation for this address.', 'Il n’y a pas d’invitation en attente pour cette adresse.'));
    }
    await revokeTokens(db, { purpose: 'invitation', email, townId });
    await audit(c, 'user.invitation_revoked', { type: 'invitation', id: email }, { email, role: pending.role }, null);
    return c.body(null, 204);
  });

  app.openapi(guard(departmentsRoute, 'requests.read'), async (c) => {
    const { town } = c.req.valid('param');
    const rows = await db.selectFrom('departments').select(['id', 'name_en', 'name_fr']).where('town_id', '=', town).orderBy('name_en').execute();
    return c.json({ departments: rows.map((r) => ({ id: r.id, name: { en: r.name_en, fr: r.name_fr } })) }, 200);
  });

  app.openapi(guard(patchRoute, 'users.manage'), async (c) => {
    const { town: townId, userId } = c.req.valid('param');
    const change = c.req.valid('json');
    const actorId = c.get('session')!.userId;
    const target = await getTownUser(db, townId, userId);
    if (!target) return notInTown(c);
    if (change.departmentIds) {
      const bad = await unknownDepartments(db, townId, change.departmentIds);
      if (bad.length > 0) return departmentError(c, bad);
    }
    const demotes = change.role !== undefined && change.role !== 'admin' && target.role === 'admin';
    const disables = change.disabled === true && !target.disabled;
    if (userId === actorId && (demotes || change.disabled !== undefined)) {
      return conflict(c, 'You cannot lower your own role or disable yourself. Ask another administrator.', 'Vous ne pouvez pas réduire votre propre rôle ni vous désactiver. Demandez à un autre administrateur.');
    }
    if ((demotes || (disables && target.role === 'admin')) && (await countActiveAdmins(db, townId)) <= 1) {
      return conflict(c, 'The town needs at least one active administrator.', 'La municipalité doit garder au moins un administrateur actif.');
    }
    if (change.disabled !== undefined && change.disabled !== target.disabled) {
      // Disabling is for the whole account: only someone who administers every town the person works for may do it.
      const theirs = await listTownRoles(db, userId);
      const mine = new Map((await listTownRoles(db, actorId)).map((r) => [r.id, r.role]));
      if (!theirs.every((r) => mine.get(r.id) === 'admin')) {
        return apiError(
          c,
          403,
          'forbidden',
          say(
            c,
            'This person also works for a town you do not administer. Remove their role in this town instead.',
            'Cette personne travaille aussi pour une municipalité que vous n’administrez pas. Retirez plutôt son rôle dans cette municipalité.',
          ),
        );
      }
    }
    await db.transaction().execute(async (trx) => {
      const role = change.role ?? target.role;
      const departmentIds = change.departmentIds ?? target.departmentIds;
      if (role !== target.role || JSON.stringify(departmentIds) !== JSON.stringify(target.departmentIds)) {
        await setTownRole(trx, userId, townId, role, departmentIds);
        await audit(c, 'user.role_changed', { type: 'user', id: userId }, { role: target.role, departmentIds: target.departmentIds }, { role, departmentIds }, { db: trx });
      }
      if (change.disabled !== undefined && change.disabled !== target.disabled) {
        await setUserDisabled(trx, userId, change.disabled);
        const ended = change.disabled ? await deleteUserSessions(trx, userId) : 0;
        await audit(c, change.disabled ? 'user.disabled' : 'user.enabled', { type: 'user', id: userId }, { disabled: target.disabled }, { disabled: change.disabled }, {
          db: trx,
          extra: change.disabled ? { sessionsEnded: ended } : {},
        });
      }
    });
    return c.json(publicUser((await getTownUser(db, townId, userId))!), 200);
  });

  app.openapi(guard(removeRoute, 'users.manage'), async (c) => {
    const { town: townId, userId } = c.req.valid('param');
    const target = await getTownUser(db, townId, userId);
    if (!target) return notInTown(c);
    if (userId === c.get('session')!.userId) {
      return conflict(c, 'You cannot remove yourself. Ask another administrator.', 'Vous ne pouvez pas vous retirer vous-même. Demandez à un autre administrateur.');
    }
    if (target.role === 'admin' && !target.disabled && (await countActiveAdmins(db, townId)) <= 1) {
      return conflict(c, 'The town needs at least one active administrator.', 'La municipalité doit garder au moins un administrateur actif.');
    }
    await removeTownRole(db, userId, townId);
    await audit(c, 'user.role_removed', { type: 'user', id: userId }, { role: target.role, departmentIds: target.departmentIds }, null);
    return c.body(null, 204);
  });
}

function departmentError(c: Context<AppEnv>, bad: string[]) {
  const lang = errorLang(c);
  return validationFailed(c, [
    {
      field: 'departmentIds',
      message: lang === 'fr' ? `Services inconnus dans cette municipalité : ${bad.join(', ')}.` : `Unknown departments in this town: ${bad.join(', ')}.`,
    },
  ]);
}
