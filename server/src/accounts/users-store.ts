import type { DbOrTx, Role } from '../platform/database/schema.ts';
import { newId, nowIso } from '../platform/database/schema.ts';

export interface User {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  disabled: boolean;
}

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export async function createUser(db: DbOrTx, u: { email: string; name: string; passwordHash: string }): Promise<string> {
  const id = newId();
  await db
    .insertInto('users')
    .values({ id, email: normaliseEmail(u.email), name: u.name, password_hash: u.passwordHash, created_at: nowIso(), disabled: 0 })
    .execute();
  return id;
}

export async function findUserByEmail(db: DbOrTx, email: string): Promise<User | undefined> {
  const r = await db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
  return r ? { id: r.id, email: r.email, name: r.name, passwordHash: r.password_hash, disabled: r.disabled === 1 } : undefined;
}

export async function setUserPassword(db: DbOrTx, userId: string, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

export async function setTownRole(db: DbOrTx, userId: string, townId: string, role: Role): Promise<void> {
  await db
    .insertInto('user_town_roles')
    .values({ user_id: userId, town_id: townId, role })
    .onConflict((oc) => oc.columns(['user_id', 'town_id']).doUpdateSet({ role }))
    .execute();
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
