// Staff users, their roles per town and their password credentials (a user without one signs in by
// single sign-on only).
import type { DbOrTx, Lang, Role } from '../platform/database/schema.ts';
import { newId, nowIso } from '../platform/database/schema.ts';

export interface User {
  id: string;
  email: string;
  name: string;
  disabled: boolean;
  language: Lang | null;
  createdAt: string;
}

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

const toUser = (r: { id: string; email: string; name: string; disabled: number; language: Lang | null; created_at: string }): User => ({
  id: r.id,
  email: r.email,
  name: r.name,
  disabled: r.disabled === 1,
  language: r.language,
  createdAt: r.created_at,
});

/** Creates a user; with a passwordHash also its password credential. */
export async function createUser(
  db: DbOrTx,
  u: { email: string; name: string; passwordHash?: string | null; language?: Lang | null },
): Promise<string> {
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('users')
    .values({ id, email: normaliseEmail(u.email), name: u.name, created_at: now, disabled: 0, language: u.language ?? null })
    .execute();
  if (u.passwordHash) await db.insertInto('password_credentials').values({ user_id: id, password_hash: u.passwordHash, updated_at: now }).execute();
  return id;
}

export async function findUserByEmail(db: DbOrTx, email: string): Promise<User | undefined> {
  const r = await db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
  return r ? toUser(r) : undefined;
}

export async function findUserById(db: DbOrTx, id: string): Promise<User | undefined> {
  const r = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toUser(r) : undefined;
}

export async function getPasswordHash(db: DbOrTx, userId: string): Promise<string | undefined> {
  const r = await db.selectFrom('password_credentials').select('password_hash').where('user_id', '=', userId).executeTakeFirst();
  return r?.password_hash;
}

export async function setUserPassword(db: DbOrTx, userId: string, passwordHash: string): Promise<void> {
  await db
    .insertInto('password_credentials')
    .values({ user_id: userId, password_hash: passwordHash, updated_at: nowIso() })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ password_hash: passwordHash, updated_at: nowIso() }))
    .execute();
}

export async function updateUserProfile(db: DbOrTx, userId: string, p: { name?: string; language?: Lang | null }): Promise<void> {
  const set: { name?: string; language?: Lang | null } = {};
  if (p.name !== undefined) set.name = p.name;
  if (p.language !== undefined) set.language = p.language;
  if (Object.keys(set).length > 0) await db.updateTable('users').set(set).where('id', '=', userId).execute();
}

export async function setUserDisabled(db: DbOrTx, userId: string, disabled: boolean): Promise<void> {
  await db.updateTable('users').set({ disabled: disabled ? 1 : 0 }).where('id', '=', userId).execute();
}

export async function setTownRole(db: DbOrTx, userId: string, townId: string, role: Role, departmentIds: string[] = []): Promise<void> {
  const department_ids = JSON.stringify(departmentIds);
  await db
    .insertInto('user_town_roles')
    .values({ user_id: userId, town_id: townId, role, department_ids })
    .onConflict((oc) => oc.columns(['user_id', 'town_id']).doUpdateSet({ role, department_ids }))
    .execute();
}

export async function removeTownRole(db: DbOrTx, userId: string, townId: string): Promise<void> {
  await db.deleteFrom('user_town_roles').where('user_id', '=', userId).where('town_id', '=', townId).execute();
}

export async function listTownRoles(db: DbOrTx, userId: string): Promise<{ id: string; role: Role }[]> {
  const rows = await db
    .selectFrom('user_town_roles')
    .select(['town_id', 'role'])
    .where('user_id', '=', userId)
    .orderBy('town_id')
    .execute();
  return rows.map((r) => ({ id: r.town_id, role: r.role }));
}

export interface TownUser extends User {
  role: Role;
  departmentIds: string[];
  hasPassword: boolean;
}

export async function getTownUser(db: DbOrTx, townId: string, userId: string): Promise<TownUser | undefined> {
  return (await listTownUsers(db, townId, userId))[0];
}

export async function listTownUsers(db: DbOrTx, townId: string, onlyUserId?: string): Promise<TownUser[]> {
  let q = db
    .selectFrom('user_town_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .leftJoin('password_credentials as p', 'p.user_id', 'u.id')
    .select(['u.id', 'u.email', 'u.name', 'u.disabled', 'u.language', 'u.created_at', 'r.role', 'r.department_ids', 'p.user_id as credential'])
    .where('r.town_id', '=', townId);
  if (onlyUserId) q = q.where('u.id', '=', onlyUserId);
  const rows = await q.orderBy('u.email').execute();
  return rows.map((r) => ({
    ...toUser(r),
    role: r.role,
    departmentIds: JSON.parse(r.department_ids) as string[],
    hasPassword: r.credential !== null,
  }));
}

/** Enabled admins of a town (to refuse the change that would leave it with none). */
export async function countActiveAdmins(db: DbOrTx, townId: string): Promise<number> {
  const r = await db
    .selectFrom('user_town_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('r.town_id', '=', townId)
    .where('r.role', '=', 'admin')
    .where('u.disabled', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
