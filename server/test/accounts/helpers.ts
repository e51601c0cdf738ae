// Shared by the accounts suites: sign in through the API, make staff with a role.
import type { App } from '../../src/app.ts';
import { hashPassword } from '../../src/accounts/passwords.ts';
import { createUser, setTownRole } from '../../src/accounts/users-store.ts';
import type { Db, Role } from '../../src/platform/database/schema.ts';

export const PASSWORD = 'a long staff passphrase';

export const jsonPost = (body: unknown, headers: Record<string, string> = {}, method = 'POST') => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

export interface Signed {
  cookie: string;
  csrf: string;
  userId: string;
  /** Headers for a state-changing call. */
  write: Record<string, string>;
}

export async function signIn(app: App, email: string, password = PASSWORD): Promise<Signed> {
  const res = await app.request('/api/v1/auth/login', jsonPost({ email, password }));
  if (res.status !== 200) throw new Error(`sign-in of ${email} answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string; user: { id: string } };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { cookie, csrf: body.csrfToken, userId: body.user.id, write: { cookie, 'x-csrf-token': body.csrfToken } };
}

export async function makeStaff(db: Db, email: string, roles: Record<string, Role>, password: string | null = PASSWORD): Promise<string> {
  const id = await createUser(db, { email, name: email.split('@')[0]!, passwordHash: password ? await hashPassword(password) : null });
  for (const [town, role] of Object.entries(roles)) await setTownRole(db, id, town, role);
  return id;
}
