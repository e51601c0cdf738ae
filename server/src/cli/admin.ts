// `npm run admin -- <command> …`: what an operator needs without the staff console.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { hashPassword, passwordProblem, passwordProblemMessage } from '../accounts/passwords.ts';
import { ConfigError, loadConfig } from '../platform/config.ts';
import { createApiKey, listApiKeys, revokeApiKey } from '../accounts/api-keys.ts';
import { writeAudit } from '../accounts/audit.ts';
import { issueToken, RESET_TTL_MS, revokeTokens } from '../accounts/auth-tokens.ts';
import { consoleLink, linkOrigin } from '../accounts/links.ts';
import { ROLES } from '../accounts/permissions.ts';
import { deleteUserSessions } from '../accounts/sessions-store.ts';
import { hasTotp, removeTotp } from '../accounts/totp.ts';
import { BackupError, backupSqlite, restoreSqlite } from '../platform/backup/sqlite-backup.ts';
import { CopyError, copySqliteToPostgres } from '../platform/database/copy-to-postgres.ts';
import { createDatabase, createPostgresDatabase, createSqliteDatabase } from '../platform/database/database.ts';
import { migrateToLatest } from '../platform/database/migrate.ts';
import type { Db, Role } from '../platform/database/schema.ts';
import { getTown, insertTown, listTowns } from '../towns/store.ts';
import { isOrigin, isTimeZone, REFERENCE_PREFIX } from '../towns/validation.ts';
import {
  createUser,
  findUserByEmail,
  listTownRoles,
  setTownRole,
  setUserDisabled,
  setUserPassword,
} from '../accounts/users-store.ts';
import { listActiveServices } from '../services/store.ts';
import { eraseExpired } from '../privacy/retention.ts';
import { createPhotoStorage } from '../requests/photos/bytes.ts';
import { listDepartments } from '../towns/departments-store.ts';
import {
  deleteRoutingRule,
  describeRoutingRule,
  insertRoutingRule,
  listRoutingRules,
  prepareRoutingRule,
} from '../requests/routing-store.ts';

const USAGE = `MuniKit administration

Usage: npm run admin -- <command> [options]

Users
  create-user --email <email> --name <name> --town <town-id> --role <role> [--password <pw> | --no-password]
      Creates a staff user with a role in one town (or, when the email exists, gives that user the role).
      The password comes from --password, else ADMIN_PASSWORD, else it is asked for on the terminal
      (not echoed); --no-password makes an account that signs in by single sign-on only.
  set-role --email <email> --town <town-id> --role <role>       give or change a role (promote, demote)
  remove-role --email <email> --town <town-id>                   take away the role in one town
  disable-user --email <email>                                   block sign-in; ends every session at once
  enable-user --email <email>
  reset-password --email <email> [--set]
      Prints a single-use link (valid 1 hour) to choose a new password; with --set, asks for the new
      password (or takes ADMIN_PASSWORD) and sets it. Either way the user's sessions end.
  list-users [--town <town-id>]
  remove-two-factor --email <email>
      Turns off two-factor sign-in for someone who lost their authenticator app and recovery codes
      (check who is asking first); their sessions end and they can enrol again after signing in.

Routing rules
  routing-rules list --town <town-id> [--json]
  routing-rules add --town <town-id> --name <name> [conditions] <outcome> [--position <n>] [--disabled]
  routing-rules remove --town <town-id> --id <rule-id>

  Routing rules set a new request's priority, department and assignee. Rules are tried in order of
  position (1 first); the first enabled rule whose conditions ALL match decides; what it does not set
  keeps the default (the service's department, priority normal, nobody assigned). Every new request
  gets an internal "routed" event naming the rule (staff only).
  Conditions (none: the rule matches every request):
    --service <code>[,<code>…]     the service is one of these
    --words <word>[,<word>…]       the description has one of these words or phrases, English or
                                   French, ignoring case and accents; "tomb*" matches any ending
    --address-contains <text>      the location text contains this
    --near <lat>,<lng> --within <metres>   the request is placed on the map within this distance
  Outcome (at least one):
    --priority <low|normal|high|urgent>   --department <department-id>   --assignee <staff email>

Towns
  list-towns
  add-town --id <id> --name-en <name> --name-fr <name> --prefix <ABC> --timezone <Area/City>
           [--origin <https://…>]… [--default-language en|fr]

Open311 API keys (needed to file requests through /open311/v2/requests)
  api-key create --town <town-id> --name <who uses it>   prints the key once; only its hash is kept
  api-key list [--town <town-id>]
  api-key revoke --id <key-id>                           stops working at once

Backups (embedded SQLite; for PostgreSQL use pg_dump, see docs/operating.md)
  backup --to <folder>
      Writes a consistent copy of the database and the uploaded photos into a new (or empty) folder
      while the server keeps running, with a manifest of what it holds.
  restore --from <folder> [--replace]
      Stop the server first. Puts the backup into DATA_DIR; with --replace, what is there now is moved
      aside into DATA_DIR/before-restore-<time>/ (nothing is deleted). Migrations run afterwards, so a
      backup from an older release comes back on this one.

Residents' personal data
  erase-expired [--now <date-time>]
      Erases the contact details, photos and subscriptions of requests closed longer ago than their
      town's retention period (settings: retentionMonths, default 12), keeping the anonymous requests.
      The server does this daily; each run is recorded in the audit log.

Moving to PostgreSQL
  migrate-to-postgres --to <postgres://…>
      Stop the server first. Copies everything in the embedded SQLite database in DATA_DIR (and its photo
      files) into an empty PostgreSQL database, in one transaction; then start the server with
      DATABASE_URL set to that database. The SQLite files are left as they were.

Roles: ${ROLES.join(', ')}. Passwords: at least 12 characters and not a common one.
The database is the server's: DATABASE_URL (PostgreSQL) or DATA_DIR (SQLite). Migrations run first.
Links use PUBLIC_ORIGIN (else http://127.0.0.1:PORT).

Examples:
  npm run admin -- create-user --email clerk@lakeview.ca --name "Town Clerk" --town lakeview --role admin
  npm run admin -- routing-rules add --town lakeview --name "Flooding" --service water-main-break \\
    --words "flood*,inond*,basement,sous-sol" --priority urgent --department water
`;

/** A mistake of the operator's: printed with the usage, exit status 2. */
class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message);
}

/** Where the commands print (the terminal; a buffer in tests). */
let out: { log: (line: string) => void; error: (line: string) => void } = console;
let env: Record<string, string | undefined> = process.env;

async function promptHidden(question: string): Promise<string> {
  const { stdin, stdout } = process;
  if (!stdin.isTTY) fail('no password given: use --password, ADMIN_PASSWORD, or run in a terminal');
  stdout.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve) => {
    let value = '';
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          stdout.write('\n');
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          stdout.write('\n');
          process.exit(130);
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

function parse(args: string[], options: Options) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Record<string, string | boolean | string[] | undefined>;
  } catch (err) {
    fail((err as Error).message);
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function emailOf(values: Record<string, unknown>): string {
  const email = str(values.email)?.trim().toLowerCase();
  if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) fail('--email must be an email address');
  return email;
}

function roleOf(values: Record<string, unknown>): Role {
  const role = str(values.role) as Role | undefined;
  if (!role || !ROLES.includes(role)) fail(`--role must be one of ${ROLES.join(', ')}`);
  return role;
}

async function passwordFrom(values: Record<string, unknown>, email: string): Promise<string> {
  const password = str(values.password) || env.ADMIN_PASSWORD || (await promptHidden('Password: '));
  const problem = passwordProblem(password, email);
  if (problem) fail(passwordProblemMessage(problem, 'en'));
  return password;
}

async function withDb<T>(fn: (db: Db, origin: string) => Promise<T>): Promise<T> {
  let config;
  try {
    config = loadConfig({ ...env, ADMIN_EMAIL: undefined, ADMIN_PASSWORD: undefined });
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
  const { db } = createDatabase(config);
  try {
    await migrateToLatest(db);
    return await fn(db, linkOrigin(config));
  } finally {
    await db.destroy();
  }
}

// routing-rules: written with its own database handling (it predates the commands map below).
function openServerDatabase() {
  let config;
  try {
    config = loadConfig({ ...process.env, ADMIN_EMAIL: undefined });
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
  return createDatabase(config).db;
}

const list = (values: (string | boolean)[] | undefined): string[] =>
  (values ?? []).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);

async function routingRulesCommand(args: string[]) {
  const [sub, ...subArgs] = args;
  if (sub !== 'list' && sub !== 'add' && sub !== 'remove') fail('routing-rules needs list, add or remove');
  let values;
  try {
    ({ values } = parseArgs({
      args: subArgs,
      options: {
        town: { type: 'string' },
        json: { type: 'boolean' },
        id: { type: 'string' },
        name: { type: 'string' },
        position: { type: 'string' },
        disabled: { type: 'boolean' },
        service: { type: 'string', multiple: true },
        words: { type: 'string', multiple: true },
        'address-contains': { type: 'string' },
        near: { type: 'string' },
        within: { type: 'string' },
        priority: { type: 'string' },
        department: { type: 'string' },
        assignee: { type: 'string' },
      },
      strict: true,
    }));
  } catch (err) {
    fail((err as Error).message);
  }
  if (!values.town) fail('--town is required');
  const db = openServerDatabase();
  try {
    await migrateToLatest(db);
    const town = await getTown(db, values.town);
    if (!town) fail(`there is no town "${values.town}"`);

    if (sub === 'list') {
      const rules = await listRoutingRules(db, town.id);
      if (values.json) {
        console.log(JSON.stringify(rules, null, 2));
        return;
      }
      if (rules.length === 0) console.log(`No routing rules in ${town.id}: requests go to their service's department, priority normal.`);
      for (const r of rules) {
        const d = describeRoutingRule(r);
        console.log(`${r.position}. ${r.name}${r.enabled ? '' : ' (disabled)'}  [${r.id}]\n   when ${d.when}\n   then ${d.then}`);
      }
      return;
    }

    if (sub === 'remove') {
      if (!values.id) fail('--id is required (see routing-rules list)');
      const id = values.id;
      const removed = await db.transaction().execute(async (trx) => {
        const r = await deleteRoutingRule(trx, town.id, id);
        if (r) {
          await writeAudit(trx, { townId: town.id, action: 'routing_rule.removed', subjectType: 'routing_rule', subjectId: r.id, details: { name: r.name, via: 'cli' } });
        }
        return r;
      });
      if (!removed) fail(`there is no routing rule "${id}" in ${town.id}`);
      console.log(`Removed rule ${removed.position}. ${removed.name} from ${town.id}.`);
      return;
    }

    let near: { lat: number; lng: number; metres: number } | null = null;
    if (values.near !== undefined || values.within !== undefined) {
      const [lat, lng, extra] = (values.near ?? '').split(',').map((x) => Number(x.trim()));
      if (values.near === undefined || values.within === undefined || extra !== undefined || !Number.isFinite(lat) || !Number.isFinite(lng)) {
        fail('--near <lat>,<lng> and --within <metres> go together');
      }
      near = { lat: lat!, lng: lng!, metres: Number(values.within) };
    }
    const prepared = await prepareRoutingRule(
      db,
      town.id,
      {
        name: values.name ?? '',
        position: values.position === undefined ? undefined : Number(values.position),
        enabled: !values.disabled,
        serviceCodes: list(values.service),
        words: list(values.words),
        addressContains: values['address-contains'] ?? null,
        near,
        priority: values.priority ?? null,
        departmentId: values.department ?? null,
        assigneeEmail: values.assignee ?? null,
      },
      {
        serviceCodes: async (townId) => (await listActiveServices(db, townId)).map((s) => s.code),
        departmentIds: async (townId) => (await listDepartments(db, townId)).map((d) => d.id),
        townUserId: async (townId, email) => {
          const user = await findUserByEmail(db, email);
          if (!user || user.disabled) return undefined;
          return (await listTownRoles(db, user.id)).some((r) => r.id === townId) ? user.id : undefined;
        },
      },
    );
    if (!prepared.ok) fail(prepared.error);
    const rule = await db.transaction().execute(async (trx) => {
      const r = await insertRoutingRule(trx, prepared.rule);
      await writeAudit(trx, { townId: town.id, action: 'routing_rule.added', subjectType: 'routing_rule', subjectId: r.id, details: { name: r.name, via: 'cli' } });
      return r;
    });
    const d = describeRoutingRule(rule);
    console.log(`Added rule ${rule.position}. ${rule.name} to ${town.id} [${rule.id}]\n   when ${d.when}\n   then ${d.then}`);
  } finally {
    await db.destroy();
  }
}

async function userOrFail(db: Db, email: string) {
  const user = await findUserByEmail(db, email);
  if (!user) fail(`there is no user ${email}`);
  return user;
}

async function townOrFail(db: Db, id: string | undefined) {
  if (!id) fail('--town is required');
  const town = await getTown(db, id);
  if (!town) fail(`there is no town "${id}"`);
  return town;
}

/** The configuration's SQLite data folder; a usage mistake when the server runs on PostgreSQL. */
function sqliteDataDir(command: string): string {
  let config;
  try {
    config = loadConfig({ ...env, ADMIN_EMAIL: undefined, ADMIN_PASSWORD: undefined });
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
  if (config.databaseUrl) fail(`${command} copies the embedded SQLite database; with DATABASE_URL use pg_dump / pg_restore (docs/operating.md)`);
  return config.dataDir;
}

async function backupOrFail<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof BackupError) fail(err.message);
    throw err;
  }
}

const commands: Record<string, (args: string[]) => Promise<void>> = {
  'routing-rules': routingRulesCommand,
  async backup(args) {
    const v = parse(args, { to: { type: 'string' } });
    const to = str(v.to);
    if (!to) fail('--to <folder> is required');
    const dataDir = sqliteDataDir('backup');
    const m = await backupOrFail(() => backupSqlite(dataDir, path.resolve(to)));
    const rows = Object.values(m.tables).reduce((a, b) => a + b, 0);
    out.log(`Backup written to ${path.resolve(to)}: ${Object.keys(m.tables).length} tables, ${rows} rows, ${m.uploads} photo file(s), ${m.migrations.length} migrations.`);
  },
  async 'migrate-to-postgres'(args) {
    const v = parse(args, { to: { type: 'string' } });
    const to = str(v.to);
    if (!to || !/^postgres(ql)?:\/\//.test(to)) fail('--to <postgres://user@host:5432/database> is required');
    const dataDir = sqliteDataDir('migrate-to-postgres');
    const file = path.join(dataDir, 'munikit.sqlite');
    if (!existsSync(file)) fail(`there is no database at ${file} (check DATA_DIR)`);
    const source = createSqliteDatabase(file);
    const target = createPostgresDatabase(to);
    try {
      await migrateToLatest(source.db);
      await migrateToLatest(target.db);
      const r = await (async () => {
        try {
          return await copySqliteToPostgres(source.db, target.db, path.join(dataDir, 'uploads'));
        } catch (err) {
          if (err instanceof CopyError) fail(err.message);
          throw err;
        }
      })();
      const rows = Object.values(r.tables).reduce((a, b) => a + b, 0);
      out.log(`Copied ${rows} rows in ${Object.keys(r.tables).length} tables and ${r.photoFiles} photo file(s) into ${target.location}.`);
      out.log('Now start the server with DATABASE_URL set to that database. The SQLite files were not changed.');
    } finally {
      await source.db.destroy();
      await target.db.destroy();
    }
  },
  async restore(args) {
    const v = parse(args, { from: { type: 'string' }, replace: { type: 'boolean' } });
    const from = str(v.from);
    if (!from) fail('--from <folder> is required');
    const dataDir = sqliteDataDir('restore');
    const r = await backupOrFail(() => restoreSqlite(path.resolve(from), dataDir, { replace: v.replace === true }));
    if (r.movedAside) out.log(`The previous database and photos were moved to ${r.movedAside}.`);
    // Migrate now, so a backup made by an older release is brought up to this one.
    const { db } = createDatabase({ dataDir, databaseUrl: undefined });
    const applied = await migrateToLatest(db).finally(() => db.destroy());
    out.log(
      `Restored the backup of ${r.manifest.createdAt} into ${dataDir} (${r.manifest.uploads} photo file(s)` +
        (applied.length ? `; migrated forward: ${applied.join(', ')}).` : ').'),
    );
  },
  async 'create-user'(args) {
    const v = parse(args, {
      email: { type: 'string' },
      name: { type: 'string' },
      town: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
      'no-password': { type: 'boolean' },
    });
    const email = emailOf(v);
    const name = str(v.name)?.trim();
    if (!name) fail('--name is required');
    const role = roleOf(v);
    await withDb(async (db) => {
      const town = await townOrFail(db, str(v.town));
      const existing = await findUserByEmail(db, email);
      if (existing) {
        await setTownRole(db, existing.id, town.id, role);
        await writeAudit(db, { townId: town.id, action: 'user.role_changed', subjectType: 'user', subjectId: existing.id, details: { after: { role }, via: 'cli' } });
        out.log(`User ${email} already exists: role in ${town.id} set to ${role}. Password unchanged.`);
        return;
      }
      const passwordHash = v['no-password'] ? null : await hashPassword(await passwordFrom(v, email));
      await db.transaction().execute(async (trx) => {
        const userId = await createUser(trx, { email, name, passwordHash });
        await setTownRole(trx, userId, town.id, role);
        await writeAudit(trx, { townId: town.id, action: 'user.created', subjectType: 'user', subjectId: userId, details: { after: { role }, via: 'cli' } });
      });
      out.log(`Created ${email} (${name}) with role ${role} in ${town.id}${passwordHash ? '' : ' (no password: single sign-on only)'}.`);
    });
  },

  async 'set-role'(args) {
    const v = parse(args, { email: { type: 'string' }, town: { type: 'string' }, role: { type: 'string' } });
    const email = emailOf(v);
    const role = roleOf(v);
    await withDb(async (db) => {
      const user = await userOrFail(db, email);
      const town = await townOrFail(db, str(v.town));
      const before = (await listTownRoles(db, user.id)).find((r) => r.id === town.id)?.role ?? null;
      await setTownRole(db, user.id, town.id, role);
      await writeAudit(db, { townId: town.id, action: 'user.role_changed', subjectType: 'user', subjectId: user.id, details: { before: { role: before }, after: { role }, via: 'cli' } });
      out.log(`${email} is now ${role} in ${town.id}${before ? ` (was ${before})` : ''}.`);
    });
  },

  async 'remove-role'(args) {
    const v = parse(args, { email: { type: 'string' }, town: { type: 'string' } });
    const email = emailOf(v);
    await withDb(async (db) => {
      const user = await userOrFail(db, email);
      const town = await townOrFail(db, str(v.town));
      const before = (await listTownRoles(db, user.id)).find((r) => r.id === town.id)?.role;
      if (!before) fail(`${email} has no role in ${town.id}`);
      await db.deleteFrom('user_town_roles').where('user_id', '=', user.id).where('town_id', '=', town.id).execute();
      await writeAudit(db, { townId: town.id, action: 'user.role_removed', subjectType: 'user', subjectId: user.id, details: { before: { role: before }, via: 'cli' } });
      out.log(`${email} no longer has a role in ${town.id}.`);
    });
  },

  async 'disable-user'(args) {
    const email = emailOf(parse(args, { email: { type: 'string' } }));
    await withDb(async (db) => {
      const user = await userOrFail(db, email);
      const ended = await db.transaction().execute(async (trx) => {
        await setUserDisabled(trx, user.id, true);
        const n = await deleteUserSessions(trx, user.id);
        await writeAudit(trx, { action: 'user.disabled', subjectType: 'user', subjectId: user.id, details: { before: { disabled: user.disabled }, after: { disabled: true }, sessionsEnded: n, via: 'cli' } });
        return n;
      });
      out.log(`${email} is disabled (${ended} session${ended === 1 ? '' : 's'} ended). Their history stays.`);
    });
  },

  async 'enable-user'(args) {
    const email = emailOf(parse(args, { email: { type: 'string' } }));
    await withDb(async (db) => {
      const user = await userOrFail(db, email);
      await setUserDisabled(db, user.id, false);
      await writeAudit(db, { action: 'user.enabled', subjectType: 'user', subjectId: user.id, details: { before: { disabled: user.disabled }, after: { disabled: false }, via: 'cli' } });
      out.log(`${email} is enabled.`);
    });
  },

  async 'remove-two-factor'(args) {
    const email = emailOf(parse(args, { email: { type: 'string' } }));
    await withDb(async (db) => {
      const user = await userOrFail(db, email);
      if (!(await hasTotp(db, user.id))) {
        out.log(`${email} does not have two-factor sign-in on.`);
        return;
      }
      await removeTotp(db, user.id);
      await deleteUserSessions(db, user.id);
      await writeAudit(db, { action: 'account.totp_disabled', subjectType: 'user', subjectId: user.id, details: { via: 'cli' } });
      out.log(`Two-factor sign-in is off for ${email}; their sessions have ended.`);
    });
  },

  async 'reset-password'(args) {
    const v = parse(args, { email: { type: 'string' }, set: { type: 'boolean' }, password: { type: 'string' } });
    const email = emailOf(v);
    await withDb(async (db, origin) => {
      const user = await userOrFail(db, email);
      if (v.set) {
        const passwordHash = await hashPassword(await passwordFrom(v, email));
        await db.transaction().execute(async (trx) => {
          await setUserPassword(trx, user.id, passwordHash);
          await revokeTokens(trx, { purpose: 'password_reset', userId: user.id });
          await deleteUserSessions(trx, user.id);
          await writeAudit(trx, { action: 'auth.password_reset', subjectType: 'user', subjectId: user.id, details: { via: 'cli' } });
        });
        out.log(`Password of ${email} set; their sessions ended.`);
        return;
      }
      const { token, expiresAt } = await db.transaction().execute(async (trx) => {
        await revokeTokens(trx, { purpose: 'password_reset', userId: user.id });
        const issued = await issueToken(trx, { purpose: 'password_reset', email: user.email, userId: user.id }, RESET_TTL_MS);
        await writeAudit(trx, { action: 'auth.password_reset_requested', subjectType: 'user', subjectId: user.id, details: { via: 'cli' } });
        return issued;
      });
      out.log(`Give this link to ${email} (single use, until ${expiresAt}):\n${consoleLink(origin, 'reset-password', token)}`);
    });
  },

  async 'list-users'(args) {
    const v = parse(args, { town: { type: 'string' } });
    await withDb(async (db) => {
      let q = db
        .selectFrom('users as u')
        .leftJoin('user_town_roles as r', 'r.user_id', 'u.id')
        .select(['u.email', 'u.name', 'u.disabled', 'r.town_id', 'r.role'])
        .orderBy('u.email')
        .orderBy('r.town_id');
      if (str(v.town)) q = q.where('r.town_id', '=', str(v.town)!);
      for (const r of await q.execute()) {
        out.log([r.email, r.name, r.town_id ? `${r.town_id}:${r.role}` : '(no town)', r.disabled ? 'DISABLED' : ''].join('\t').trimEnd());
      }
    });
  },

  async 'erase-expired'(args) {
    const v = parse(args, { now: { type: 'string' } });
    const now = v.now ? new Date(String(v.now)) : new Date();
    if (Number.isNaN(now.getTime())) fail('--now must be a date and time, e.g. 2026-01-31T00:00:00Z');
    let config;
    try {
      config = loadConfig({ ...env, ADMIN_EMAIL: undefined, ADMIN_PASSWORD: undefined });
    } catch (err) {
      if (err instanceof ConfigError) fail(err.message);
      throw err;
    }
    const { db } = createDatabase(config);
    try {
      await migrateToLatest(db);
      const done = await eraseExpired(db, createPhotoStorage(config, db), now);
      if (done.length === 0) out.log('Nothing to erase: no closed request is past its town\'s retention period with personal data left.');
      for (const t of done) {
        out.log(
          `${t.townId}: closed before ${t.cutoff} (${t.retentionMonths} months): ${t.references.length} request(s), ` +
            `${t.contacts} contact detail(s), ${t.photos} photo(s), ${t.subscriptions} subscription(s) erased`,
        );
      }
    } finally {
      await db.destroy();
    }
  },

  async 'list-towns'(args) {
    parse(args, {});
    await withDb(async (db) => {
      for (const t of await listTowns(db)) {
        out.log([t.id, t.name.en, t.name.fr, t.referencePrefix, t.timezone, t.siteOrigins.join(' ')].join('\t'));
      }
    });
  },

  async 'add-town'(args) {
    const v = parse(args, {
      id: { type: 'string' },
      'name-en': { type: 'string' },
      'name-fr': { type: 'string' },
      prefix: { type: 'string' },
      timezone: { type: 'string' },
      origin: { type: 'string', multiple: true },
      'default-language': { type: 'string' },
    });
    const id = str(v.id)?.trim();
    if (!id || !/^[a-z0-9][a-z0-9-]{1,62}$/.test(id)) fail('--id must be lower-case letters, digits and hyphens (e.g. lakeview)');
    const en = str(v['name-en'])?.trim();
    const fr = str(v['name-fr'])?.trim();
    if (!en || !fr) fail('--name-en and --name-fr are required');
    const prefix = str(v.prefix)?.trim() ?? '';
    if (!REFERENCE_PREFIX.test(prefix)) fail('--prefix must be 2 to 8 capital letters or digits, starting with a letter');
    const timezone = str(v.timezone)?.trim() ?? '';
    if (!isTimeZone(timezone)) fail('--timezone must be a time zone such as America/Toronto');
    const origins = ((v.origin as string[] | undefined) ?? []).map((o) => o.trim().replace(/\/$/, ''));
    const badOrigin = origins.find((o) => !isOrigin(o));
    if (badOrigin) fail(`--origin ${badOrigin} is not an origin such as https://www.example-town.ca`);
    const lang = str(v['default-language']) ?? 'en';
    if (lang !== 'en' && lang !== 'fr') fail('--default-language must be en or fr');
    await withDb(async (db) => {
      if (await getTown(db, id)) fail(`there is already a town "${id}"`);
      await insertTown(db, { id, name: { en, fr }, defaultLanguage: lang, siteOrigins: origins, referencePrefix: prefix, timezone });
      await writeAudit(db, { townId: id, action: 'town.created', subjectType: 'town', subjectId: id, details: { after: { name: { en, fr }, referencePrefix: prefix, timezone, siteOrigins: origins }, via: 'cli' } });
      out.log(`Added town ${id} (${en} / ${fr}). Give it an admin: npm run admin -- create-user --town ${id} --role admin …`);
    });
  },

  async 'api-key'(args) {
    const [sub, ...rest] = args;
    const v = parse(rest, { town: { type: 'string' }, name: { type: 'string' }, id: { type: 'string' } });
    if (sub === 'create') {
      const townId = str(v.town);
      const name = str(v.name)?.trim();
      if (!townId) fail('--town is required');
      if (!name) fail('--name is required (who or what will use the key)');
      await withDb(async (db) => {
        const town = await getTown(db, townId);
        if (!town) fail(`there is no town "${townId}"`);
        const { id, key } = await createApiKey(db, town.id, name);
        await writeAudit(db, { townId: town.id, action: 'apikey.created', subjectType: 'api_key', subjectId: id, details: { after: { name }, via: 'cli' } });
        out.log(`Created API key ${id} for ${town.id} (${name}). Give this key to the client; it is not shown again:\n\n  ${key}\n`);
      });
    } else if (sub === 'list') {
      await withDb(async (db) => {
        const keys = await listApiKeys(db, str(v.town));
        if (keys.length === 0) out.log('No API keys.');
        for (const k of keys) out.log(`${k.id}  ${k.townId}  ${k.revokedAt ? `revoked ${k.revokedAt}` : 'active'}  created ${k.createdAt}  ${k.name}`);
      });
    } else if (sub === 'revoke') {
      const id = str(v.id);
      if (!id) fail('--id is required');
      await withDb(async (db) => {
        const key = (await listApiKeys(db)).find((k) => k.id === id);
        if (!key) fail(`there is no API key "${id}"`);
        if (!(await revokeApiKey(db, key.id))) fail(`API key ${key.id} was already revoked`);
        await writeAudit(db, { townId: key.townId, action: 'apikey.revoked', subjectType: 'api_key', subjectId: key.id, details: { before: { name: key.name }, via: 'cli' } });
        out.log(`Revoked API key ${key.id} (${key.name}).`);
      });
    } else {
      fail(`unknown api-key command "${sub ?? ''}": use create, list or revoke`);
    }
  },
};

/** Runs one command; returns the exit status (0 done, 2 a usage mistake). */
export async function runAdmin(
  argv: string[],
  io: { out?: typeof out; env?: Record<string, string | undefined> } = {},
): Promise<number> {
  out = io.out ?? console;
  env = io.env ?? process.env;
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') out.log(USAGE);
    else if (commands[command]) await commands[command](rest);
    else fail(`unknown command "${command}"`);
    return 0;
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    out.error(`Error: ${err.message}\n`);
    out.error(USAGE);
    return 2;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runAdmin(process.argv.slice(2));
}
