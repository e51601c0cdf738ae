// `npm run admin -- create-user --email a@b.ca --name "…" --town lakeview --role admin [--password …]`
import { parseArgs } from 'node:util';
import { hashPassword } from '../accounts/passwords.ts';
import { ConfigError, loadConfig } from '../platform/config.ts';
import { writeAudit } from '../accounts/audit.ts';
import { createDatabase } from '../platform/database/database.ts';
import { migrateToLatest } from '../platform/database/migrate.ts';
import type { Role } from '../platform/database/schema.ts';
import { getTown } from '../towns/store.ts';
import { createUser, findUserByEmail, setTownRole } from '../accounts/users-store.ts';

const USAGE = `MuniKit administration

Usage:
  npm run admin -- create-user --email <email> --name <name> --town <town-id> --role <admin|staff|viewer> [--password <pw>]

  Creates a staff user with a role in one town (or, when the email already exists, gives that user
  the role in the town). The password comes from --password, else the ADMIN_PASSWORD environment
  variable, else it is asked for on the terminal (not echoed). At least 8 characters.

  The database is the server's: DATABASE_URL (PostgreSQL) or DATA_DIR (SQLite). Migrations run first.

Example:
  npm run admin -- create-user --email clerk@lakeview.ca --name "Town Clerk" --town lakeview --role admin
`;

const ROLES: Role[] = ['admin', 'staff', 'viewer'];

function fail(message: string): never {
  console.error(`Error: ${message}\n`);
  console.error(USAGE);
  process.exit(2);
}

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

async function createUserCommand(args: string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        town: { type: 'string' },
        role: { type: 'string' },
        password: { type: 'string' },
      },
      strict: true,
    }));
  } catch (err) {
    fail((err as Error).message);
  }
  const email = values.email?.trim().toLowerCase();
  if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) fail('--email must be an email address');
  const name = values.name?.trim();
  if (!name) fail('--name is required');
  if (!values.town) fail('--town is required');
  const role = values.role as Role | undefined;
  if (!role || !ROLES.includes(role)) fail(`--role must be one of ${ROLES.join(', ')}`);

  let config;
  try {
    config = loadConfig({ ...process.env, ADMIN_EMAIL: undefined });
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
  const { db } = createDatabase(config);
  try {
    await migrateToLatest(db);
    const town = await getTown(db, values.town);
    if (!town) fail(`there is no town "${values.town}"`);
    const existing = await findUserByEmail(db, email);
    if (existing) {
      await setTownRole(db, existing.id, town.id, role);
      await writeAudit(db, { townId: town.id, action: 'user.role_set', subjectType: 'user', subjectId: existing.id, details: { role, via: 'cli' } });
      console.log(`User ${email} already exists: role in ${town.id} set to ${role}. Password unchanged.`);
      return;
    }
    const password = values.password || process.env.ADMIN_PASSWORD || (await promptHidden('Password: '));
    if (password.length < 8) fail('the password must be at least 8 characters');
    const passwordHash = await hashPassword(password);
    await db.transaction().execute(async (trx) => {
      const userId = await createUser(trx, { email, name, passwordHash });
      await setTownRole(trx, userId, town.id, role);
      await writeAudit(trx, { townId: town.id, action: 'user.created', subjectType: 'user', subjectId: userId, details: { role, via: 'cli' } });
    });
    console.log(`Created ${email} (${name}) with role ${role} in ${town.id}.`);
  } finally {
    await db.destroy();
  }
}

const [command, ...rest] = process.argv.slice(2);
switch (command) {
  case 'create-user':
    await createUserCommand(rest);
    break;
  case undefined:
  case 'help':
  case '--help':
  case '-h':
    console.log(USAGE);
    break;
  default:
    fail(`unknown command "${command}"`);
}
