// `npm run admin -- create-user --email a@b.ca --name "…" --town lakeview --role admin [--password …]`
import { parseArgs } from 'node:util';
import { hashPassword } from '../accounts/passwords.ts';
import { ConfigError, loadConfig } from '../platform/config.ts';
import { writeAudit } from '../accounts/audit.ts';
import { createDatabase } from '../platform/database/database.ts';
import { migrateToLatest } from '../platform/database/migrate.ts';
import type { Role } from '../platform/database/schema.ts';
import { getTown } from '../towns/store.ts';
import { createUser, findUserByEmail, listTownRoles, setTownRole } from '../accounts/users-store.ts';
import { listActiveServices } from '../services/store.ts';
import { listDepartments } from '../towns/departments-store.ts';
import {
  deleteRoutingRule,
  describeRoutingRule,
  insertRoutingRule,
  listRoutingRules,
  prepareRoutingRule,
} from '../requests/routing-store.ts';

const USAGE = `MuniKit administration

Usage:
  npm run admin -- create-user --email <email> --name <name> --town <town-id> --role <admin|staff|viewer> [--password <pw>]

  Creates a staff user with a role in one town (or, when the email already exists, gives that user
  the role in the town). The password comes from --password, else the ADMIN_PASSWORD environment
  variable, else it is asked for on the terminal (not echoed). At least 8 characters.

  npm run admin -- routing-rules list --town <town-id> [--json]
  npm run admin -- routing-rules add --town <town-id> --name <name> [conditions] <outcome> [--position <n>] [--disabled]
  npm run admin -- routing-rules remove --town <town-id> --id <rule-id>

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

  The database is the server's: DATABASE_URL (PostgreSQL) or DATA_DIR (SQLite). Migrations run first.

Examples:
  npm run admin -- create-user --email clerk@lakeview.ca --name "Town Clerk" --town lakeview --role admin
  npm run admin -- routing-rules add --town lakeview --name "Flooding" --service water-main-break \\
    --words "flood*,inond*,basement,sous-sol" --priority urgent --department water
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

const [command, ...rest] = process.argv.slice(2);
switch (command) {
  case 'create-user':
    await createUserCommand(rest);
    break;
  case 'routing-rules':
    await routingRulesCommand(rest);
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
