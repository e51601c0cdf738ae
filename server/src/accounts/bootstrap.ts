import { randomBytes } from 'node:crypto';
import type { Db } from '../platform/database/schema.ts';
import { listTowns } from '../towns/store.ts';
import { createUser, findUserByEmail, setTownRole } from './users-store.ts';
import { writeAudit } from './audit.ts';
import { hashPassword, passwordProblem, passwordProblemMessage } from './passwords.ts';
import { ConfigError } from '../platform/config.ts';

/**
 * First start: creates the ADMIN_EMAIL user with role admin in every town, unless a user with that
 * email already exists (an existing password is never overwritten from the environment).
 */
export async function ensureAdmin(
  db: Db,
  email: string,
  password: string,
  name = 'Administrator',
  via = 'ADMIN_EMAIL',
): Promise<boolean> {
  if (await findUserByEmail(db, email)) return false;
  const problem = passwordProblem(password, email);
  if (problem) throw new ConfigError(`Invalid server configuration:\n  ADMIN_PASSWORD: ${passwordProblemMessage(problem, 'en')}`);
  const passwordHash = await hashPassword(password);
  const towns = await listTowns(db);
  await db.transaction().execute(async (trx) => {
    const userId = await createUser(trx, { email, name, passwordHash });
    for (const t of towns) await setTownRole(trx, userId, t.id, 'admin');
    await writeAudit(trx, { action: 'user.created', subjectType: 'user', subjectId: userId, details: { via, role: 'admin' } });
  });
  return true;
}

export const DEMO_ADMIN_EMAIL = 'admin@lakeview.example';

/**
 * Right after the demo town is seeded with no ADMIN_EMAIL configured, makes a demo admin so the staff
 * console can be tried at once. The password is random and returned for printing once: a known
 * default password would outlive the demo on a server someone forgot to reconfigure.
 */
export async function createDemoAdmin(db: Db): Promise<{ email: string; password: string } | undefined> {
  const password = randomBytes(12).toString('base64url');
  const created = await ensureAdmin(db, DEMO_ADMIN_EMAIL, password, 'Demo administrator', 'demo seed');
  return created ? { email: DEMO_ADMIN_EMAIL, password } : undefined;
}
