// Sessions live in the database so several server instances share them. The row id is the SHA-256 of
// the cookie token: a leaked database dump holds no usable cookies.
import type { DbOrTx } from '../platform/database/schema.ts';

export interface SessionRow {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
  user: { id: string; email: string; name: string; disabled: boolean; language: 'en' | 'fr' | null };
}

export async function insertSession(
  db: DbOrTx,
  s: { id: string; userId: string; csrfToken: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ id: s.id, user_id: s.userId, csrf_token: s.csrfToken, created_at: s.createdAt, expires_at: s.expiresAt, last_seen_at: s.createdAt })
    .execute();
}

export async function findSession(db: DbOrTx, id: string): Promise<SessionRow | undefined> {
  const r = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.user_id', 's.csrf_token', 's.created_at', 's.expires_at', 's.last_seen_at', 'u.email', 'u.name', 'u.disabled', 'u.language'])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    userId: r.user_id,
    csrfToken: r.csrf_token,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    lastSeenAt: r.last_seen_at,
    user: { id: r.user_id, email: r.email, name: r.name, disabled: r.disabled === 1, language: r.language },
  };
}

export async function extendSession(db: DbOrTx, id: string, lastSeenAt: string, expiresAt: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: DbOrTx, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user, or every one but `exceptId`. Returns how many ended. */
export async function deleteUserSessions(db: DbOrTx, userId: string, exceptId?: string): Promise<number> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteExpiredSessions(db: DbOrTx, now: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}
