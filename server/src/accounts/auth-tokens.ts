// Single-use, expiring tokens sent by email: password resets (1 hour) and invitations (72 hours).
// Only the SHA-256 of a token is stored; using one marks it used in the same statement that checks it,
// so two concurrent uses cannot both succeed.
import type { AuthTokenPurpose, DbOrTx, Role } from '../platform/database/schema.ts';
import { nowIso } from '../platform/database/schema.ts';
import { newToken, sha256 } from './tokens.ts';

export const RESET_TTL_MS = 60 * 60 * 1000;
export const INVITATION_TTL_MS = 72 * 60 * 60 * 1000;

export interface AuthToken {
  purpose: AuthTokenPurpose;
  userId: string | null;
  email: string;
  townId: string | null;
  role: Role | null;
  departmentIds: string[];
  createdBy: string | null;
  expiresAt: string;
}

export async function issueToken(
  db: DbOrTx,
  t: { purpose: AuthTokenPurpose; email: string; userId?: string | null; townId?: string | null; role?: Role | null; departmentIds?: string[]; createdBy?: string | null },
  ttlMs: number,
): Promise<{ token: string; expiresAt: string }> {
  const token = newToken();
  const now = Date.now();
  const expiresAt = new Date(now + ttlMs).toISOString();
  await db
    .insertInto('auth_tokens')
    .values({
      id: sha256(token),
      purpose: t.purpose,
      user_id: t.userId ?? null,
      email: t.email,
      town_id: t.townId ?? null,
      role: t.role ?? null,
      department_ids: JSON.stringify(t.departmentIds ?? []),
      created_by: t.createdBy ?? null,
      created_at: new Date(now).toISOString(),
      expires_at: expiresAt,
      used_at: null,
    })
    .execute();
  return { token, expiresAt };
}

/** Marks the token used and returns it, or undefined when it is unknown, used, expired or for another purpose. */
export async function consumeToken(db: DbOrTx, token: string, purpose: AuthTokenPurpose): Promise<AuthToken | undefined> {
  if (token.length > 200) return undefined;
  const id = sha256(token);
  const now = nowIso();
  const used = await db
    .updateTable('auth_tokens')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (Number(used.numUpdatedRows) !== 1) return undefined;
  const r = await db.selectFrom('auth_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return {
    purpose: r.purpose,
    userId: r.user_id,
    email: r.email,
    townId: r.town_id,
    role: r.role,
    departmentIds: JSON.parse(r.department_ids) as string[],
    createdBy: r.created_by,
    expiresAt: r.expires_at,
  };
}

/** A still-usable token, without using it (the console shows whom an invitation is for). */
export async function peekToken(db: DbOrTx, token: string, purpose: AuthTokenPurpose) {
  if (token.length > 200) return undefined;
  return db
    .selectFrom('auth_tokens')
    .select(['email', 'town_id', 'role', 'expires_at'])
    .where('id', '=', sha256(token))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', nowIso())
    .executeTakeFirst();
}

/** Ends earlier unused tokens of the same kind (a new reset link replaces the old one). */
export async function revokeTokens(db: DbOrTx, where: { purpose: AuthTokenPurpose; userId?: string; email?: string; townId?: string }) {
  let q = db.updateTable('auth_tokens').set({ used_at: nowIso() }).where('purpose', '=', where.purpose).where('used_at', 'is', null);
  if (where.userId) q = q.where('user_id', '=', where.userId);
  if (where.email) q = q.where('email', '=', where.email);
  if (where.townId) q = q.where('town_id', '=', where.townId);
  await q.execute();
}

export async function listPendingInvitations(db: DbOrTx, townId: string) {
  const rows = await db
    .selectFrom('auth_tokens')
    .select(['email', 'role', 'department_ids', 'created_at', 'expires_at'])
    .where('town_id', '=', townId)
    .where('purpose', '=', 'invitation')
    .where('used_at', 'is', null)
    .where('expires_at', '>', nowIso())
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    email: r.email,
    role: r.role!,
    departmentIds: JSON.parse(r.department_ids) as string[],
    createdAt: r.created_at,
    expiresAt: r.expires_at,
  }));
}
