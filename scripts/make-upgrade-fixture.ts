// Makes the database an upgrade test starts from: run at a release, it writes a SQLite file made by that
// release's own migrations and code, holding a small town with the data a town has after some use
// (requests with contact details, a subscription, staff changes and notes, queued email, kb articles).
//   node --experimental-strip-types scripts/make-upgrade-fixture.ts <out.sqlite.gz>
// server/test/platform/upgrade.test.ts migrates it forward on SQLite and (copied) on PostgreSQL.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { gzipSync } from 'node:zlib';
import { createApp } from '../server/src/app.ts';
import { ensureAdmin } from '../server/src/accounts/bootstrap.ts';
import { loadConfig } from '../server/src/platform/config.ts';
import { createSqliteDatabase } from '../server/src/platform/database/database.ts';
import { migrateToLatest } from '../server/src/platform/database/migrate.ts';
import { seedTown } from '../server/src/seed/seed.ts';
import { testTown } from '../server/test/support/test-town.ts';

const out = process.argv[2];
if (!out) throw new Error('usage: make-upgrade-fixture.ts <out.sqlite.gz>');
const ADMIN = { email: 'admin@testville.example', password: 'a long test password' };

const dir = mkdtempSync(path.join(tmpdir(), 'munikit-fixture-'));
const file = path.join(dir, 'munikit.sqlite');
const { db } = createSqliteDatabase(file);
await migrateToLatest(db);
await seedTown(db, testTown, new Date('2026-11-02T14:00:00Z'));
await ensureAdmin(db, ADMIN.email, ADMIN.password, 'Test Admin');
const app = createApp({ db, config: loadConfig({ COOKIE_SECURE: 'false', SEED_DEMO: 'false', LOG_LEVEL: 'silent', DATA_DIR: dir, TRUST_PROXY: '1' }) });

async function call(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await app.request(url, { method, headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.20', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return { json: (await res.json()) as Record<string, unknown>, res };
}

const references: string[] = [];
for (const [i, contact] of [{ name: 'Ada Reporter', email: 'ada@example.com', phone: '613-555-0101' }, {}, { email: 'bo@example.com' }].entries()) {
  const filed = await call('POST', '/api/v1/towns/testville/requests', {
    serviceCode: 'pothole',
    description: `Pothole number ${i + 1} on the school road, déneigement nearby.`,
    location: { text: `${10 + i} Lake Road`, lat: 45.1 + i / 1000, lng: -75.2 },
    contact,
    lang: i === 1 ? 'fr' : 'en',
  });
  references.push(filed.json.reference as string);
}
await call('POST', `/api/v1/towns/testville/requests/${references[0]}/subscriptions`, { email: 'neighbour@example.com', lang: 'fr' });

const login = await call('POST', '/api/v1/auth/login', ADMIN);
const cookie = login.res.headers.get('set-cookie')!.split(';')[0]!;
const staff = { cookie, 'x-csrf-token': login.json.csrfToken as string };
const detail = await call('GET', `/api/v1/staff/towns/testville/requests/${references[0]}`, undefined, staff);
let version = detail.json.version as number;
const changed = await call('PATCH', `/api/v1/staff/towns/testville/requests/${references[0]}`, { version, status: 'in_progress', priority: 'high' }, staff);
version = changed.json.version as number;
await call('POST', `/api/v1/staff/towns/testville/requests/${references[0]}/notes`, { version, visibility: 'public', en: 'Crew booked for Tuesday.', fr: 'Équipe prévue mardi.' }, staff);
const again = await call('GET', `/api/v1/staff/towns/testville/requests/${references[0]}`, undefined, staff);
await call('POST', `/api/v1/staff/towns/testville/requests/${references[0]}/notes`, { version: again.json.version, visibility: 'internal', text: 'Call the contractor first.' }, staff);
await db.destroy();

// A compact file: the WAL folded in, free pages dropped.
const compact = path.join(dir, 'compact.sqlite');
const raw = new DatabaseSync(file);
raw.prepare('VACUUM INTO ?').run(compact);
raw.close();
writeFileSync(out, gzipSync(readFileSync(compact), { level: 9 }));
rmSync(dir, { recursive: true, force: true });
console.log(`wrote ${out}: requests ${references.join(', ')}`);
