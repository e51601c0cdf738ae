// `npm run admin`: an operator manages towns and users without the console (run as a real process on
// a temporary SQLite database).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/accounts/passwords.ts';
import { runAdmin } from '../../src/cli/admin.ts';
import { createSqliteDatabase } from '../../src/platform/database/database.ts';

const script = path.join(import.meta.dirname, '../../src/cli/admin.ts');
let dataDir: string;

const baseEnv = () => ({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', ADMIN_EMAIL: '', ADMIN_PASSWORD: '', PUBLIC_ORIGIN: 'https://services.newtown.example' });

/** In process (quick; hashes at the tests' scrypt cost). */
async function admin(args: string[], env: Record<string, string> = {}) {
  const lines = { out: [] as string[], err: [] as string[] };
  const status = await runAdmin(args, {
    env: { ...baseEnv(), ...env },
    out: { log: (l) => lines.out.push(l), error: (l) => lines.err.push(l) },
  });
  return { status, out: lines.out.join('\n'), err: lines.err.join('\n') };
}

/** As the operator runs it: a real process, at the production scrypt cost. */
function spawnAdmin(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings', script, ...args], {
    env: { ...baseEnv(), ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

function withDb<T>(fn: (db: ReturnType<typeof createSqliteDatabase>['db']) => Promise<T>): Promise<T> {
  const { db } = createSqliteDatabase(path.join(dataDir, 'munikit.sqlite'));
  return fn(db).finally(() => db.destroy());
}

// Every test starts from an empty database of its own and makes what it needs with the CLI itself.
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'munikit-cli-'));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const NEWTOWN = ['add-town', '--id', 'newtown', '--name-en', 'Newtown', '--name-fr', 'Villeneuve', '--prefix', 'NWT',
  '--timezone', 'America/Moncton', '--origin', 'https://www.newtown.example', '--default-language', 'fr'];

async function addNewtown() {
  const r = await admin(NEWTOWN);
  expect(r.status, r.err).toBe(0);
}

async function addClerk() {
  await addNewtown();
  const r = await admin(['create-user', '--email', 'clerk@newtown.example', '--name', 'Clerk', '--town', 'newtown', '--role', 'agent', '--password', 'clerk passphrase one']);
  expect(r.status, r.err).toBe(0);
}

describe('npm run admin', () => {
  it('adds and lists towns, refusing bad settings', async () => {
    const bad = await admin(['add-town', '--id', 'newtown', '--name-en', 'Newtown', '--name-fr', 'Villeneuve', '--prefix', 'NT', '--timezone', 'Nowhere/Else']);
    expect(bad.status).toBe(2);
    expect(bad.err).toMatch(/--timezone/);
    const ok = await admin(NEWTOWN);
    expect(ok.status, ok.err).toBe(0);
    const list = await admin(['list-towns']);
    expect(list.out).toContain('newtown\tNewtown\tVilleneuve\tNWT\tAmerica/Moncton\thttps://www.newtown.example');
  });

  it('creates a user (at full scrypt cost), refusing a common password', async () => {
    await addNewtown();
    const weak = await admin(['create-user', '--email', 'clerk@newtown.example', '--name', 'Clerk', '--town', 'newtown', '--role', 'agent', '--password', 'password1234']);
    expect(weak.status).toBe(2);
    expect(weak.err).toMatch(/common/);
    const ok = spawnAdmin(['create-user', '--email', 'Clerk@Newtown.example', '--name', 'Clerk', '--town', 'newtown', '--role', 'agent', '--password', 'clerk passphrase one']);
    expect(ok.status, ok.err).toBe(0);
    await withDb(async (db) => {
      const row = await db
        .selectFrom('users as u')
        .innerJoin('password_credentials as p', 'p.user_id', 'u.id')
        .select(['u.email', 'p.password_hash'])
        .executeTakeFirstOrThrow();
      expect(row.email).toBe('clerk@newtown.example');
      expect(row.password_hash).toMatch(/^scrypt\$131072\$8\$1\$/);
      expect(await verifyPassword('clerk passphrase one', row.password_hash)).toBe(true);
    });
  });

  it('promotes, disables and enables a user, ending their sessions, audited', async () => {
    await addClerk();
    expect((await admin(['set-role', '--email', 'clerk@newtown.example', '--town', 'newtown', '--role', 'admin'])).out).toMatch(/now admin in newtown \(was agent\)/);
    await withDb(async (db) => {
      const u = await db.selectFrom('users').select('id').executeTakeFirstOrThrow();
      const now = new Date().toISOString();
      await db.insertInto('sessions').values({ id: 's1', user_id: u.id, csrf_token: 'c', created_at: now, expires_at: now, last_seen_at: now }).execute();
    });
    expect((await admin(['disable-user', '--email', 'clerk@newtown.example'])).out).toMatch(/disabled \(1 session ended\)/);
    expect((await admin(['list-users'])).out).toMatch(/clerk@newtown.example\tClerk\tnewtown:admin\tDISABLED/);
    expect((await admin(['enable-user', '--email', 'clerk@newtown.example'])).status).toBe(0);
    await withDb(async (db) => {
      expect(await db.selectFrom('sessions').selectAll().execute()).toEqual([]);
      const actions = (await db.selectFrom('audit_log').select('action').orderBy('created_at').execute()).map((r) => r.action);
      expect(actions).toEqual(expect.arrayContaining(['town.created', 'user.created', 'user.role_changed', 'user.disabled', 'user.enabled']));
    });
  });

  it('prints a single-use reset link, or sets a password', async () => {
    await addClerk();
    const link = await admin(['reset-password', '--email', 'clerk@newtown.example']);
    expect(link.status, link.err).toBe(0);
    expect(link.out).toMatch(/https:\/\/services\.newtown\.example\/staff\/reset-password#token=[A-Za-z0-9_-]{43}$/m);
    const set = await admin(['reset-password', '--email', 'clerk@newtown.example', '--set'], { ADMIN_PASSWORD: 'operator set passphrase' });
    expect(set.status, set.err).toBe(0);
    await withDb(async (db) => {
      const row = await db.selectFrom('password_credentials').select('password_hash').executeTakeFirstOrThrow();
      expect(await verifyPassword('operator set passphrase', row.password_hash)).toBe(true);
      // Setting the password ends the link printed before.
      const open = await db.selectFrom('auth_tokens').select('id').where('used_at', 'is', null).execute();
      expect(open).toEqual([]);
    });
  });

  it('explains unknown commands and users', async () => {
    expect((await admin(['frobnicate'])).status).toBe(2);
    const r = await admin(['disable-user', '--email', 'ghost@newtown.example']);
    expect(r.status).toBe(2);
    expect(r.err).toMatch(/no user ghost@newtown.example/);
    expect((await admin(['help'])).out).toMatch(/reset-password/);
  });
});
