import type { Db } from '../storage/schema.ts';
import { listTowns } from '../storage/towns.ts';
import { createUser, findUserByEmail, setTownRole } from '../storage/users.ts';
import { writeAudit } from '../storage/audit.ts';
import { hashPassword } from './passwords.ts';

/**
 * First start: creates the ADMIN_EMAIL user with role admin in every town, unless a user with that
 * email already exists (an existing password is never overwritten from the environment).
 */
export async function ensureAdmin(db: Db, email: string, password: string, name = 'Administrator'): Promise<boolean> {
  if (await findUserByEmail(db, email)) return false;
  const passwordHash = await hashPassword(password);
  const towns = await listTowns(db);
  await db.transaction().execute(async (trx) => {
    const userId = await createUser(trx, { email, name, passwordHash });
    for (const t of towns) await setTownRole(trx, userId, t.id, 'admin');
    await writeAudit(trx, { action: 'user.created', subjectType: 'user', subjectId: userId, details: { via: 'ADMIN_EMAIL', role: 'admin' } });
  });
  return true;
}
