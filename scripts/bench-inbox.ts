// `npm run bench:inbox`: the staff inbox at 100,000 requests. Seeds the demo town, then 100,000
// requests spread over its services, departments, statuses, priorities, assignees and three years,
// each with a description and a location, into SQLite (a temp file, as the server opens it) and into
// PostgreSQL (its own schema in BENCH_DATABASE_URL, dropped afterwards), then times the inbox route
// through the app (session, permission, filters, count and page, JSON) for common filters: p95 of the
// first page and of page 50 (reached by following 49 keyset cursors). Target: ≤ 50 ms.
// The machine may be shared: every table also prints min and median, and a baseline measured in the
// same run (GET /healthz: the app and one database round trip, no inbox work), so a slow run shows
// as a slow baseline. Outside `npm test`; never asserts.
//
// Settings (environment): BENCH_REQUESTS (100000), BENCH_RUNS (40 timed calls per case),
// BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/test, the database every machine here has; off skips PostgreSQL),
// BENCH_SQLITE_FILE (seed SQLite into this new file and keep it), BENCH_PG_SCHEMA (seed PostgreSQL into
// this new schema and keep it), BENCH_REUSE=1 (time those kept databases again without seeding).
// Plans of the same cases: scripts/inbox-plans.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql, type Insertable } from 'kysely';
import { createApp } from '../server/src/app.ts';
import { ensureAdmin } from '../server/src/accounts/bootstrap.ts';
import { loadConfig } from '../server/src/platform/config.ts';
import { createPostgresDatabase, createSqliteDatabase, type DatabaseHandle } from '../server/src/platform/database/database.ts';
import { migrateToLatest } from '../server/src/platform/database/migrate.ts';
import type { Db, RequestStatus, RequestsTable } from '../server/src/platform/database/schema.ts';
import { dueDates, townCalendar } from '../server/src/requests/service-targets.ts';
import { seedDemoTown } from '../server/src/seed/seed.ts';

const N = Number(process.env.BENCH_REQUESTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TOWN = 'lakeview';
const EMAIL = 'bench@lakeview.example';
const PASSWORD = 'bench inbox passphrase long enough';
const SEARCH_WORD = 'hydrant';

// A small deterministic PRNG, so both databases get the same data.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'large deep hole road lane near corner school crossing light flickering dark broken pole sidewalk crack ' +
  'lifted slab garbage missed bins recycling blue box dumped mattress couch tires noise party dog barking ' +
  'parked truck driveway blocked snow plow ice windrow water leak main pressure valve sewer smell basement ' +
  'trou profond rue coin école lampadaire trottoir fissure ordures bac bruit chien stationnement neige glace fuite eau égout'
).split(' ');
const STREETS = ['Main St', 'Lakeshore Rd', 'Rue Principale', 'Maple Ave', 'Chemin du Lac', 'King St', 'Rue Saint-Élie', 'Birch Cres', 'Station Rd', 'Boul. des Pins'];

async function seedRequests(db: Db) {
  const services = await db.selectFrom('services').select(['id', 'code', 'department_id', 'target_days', 'ack_target_hours']).where('town_id', '=', TOWN).execute();
  const town = await db.selectFrom('towns').select(['timezone', 'settings']).where('id', '=', TOWN).executeTakeFirstOrThrow();
  const calendar = townCalendar(town.timezone, JSON.parse(town.settings));
  const staff = await db.selectFrom('user_town_roles').select('user_id').where('town_id', '=', TOWN).execute();
  const rand = rng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const now = Date.now();
  const span = 3 * 365 * 24 * 3600 * 1000;
  const BATCH = 500;
  for (let start = 0; start < N; start += BATCH) {
    const rows: Insertable<RequestsTable>[] = [];
    for (let i = start; i < Math.min(N, start + BATCH); i++) {
      // Newer requests are more often open; older ones mostly closed.
      const age = rand() ** 1.5 * span;
      const created = new Date(now - age).toISOString();
      const recent = age < 30 * 24 * 3600 * 1000;
      const status: RequestStatus = recent
        ? pick(['received', 'acknowledged', 'in_progress', 'in_progress', 'on_hold', 'resolved'] as const)
        : rand() < 0.03
          ? pick(['received', 'in_progress', 'on_hold'] as const)
          : pick(['resolved', 'resolved', 'closed', 'closed', 'declined', 'duplicate'] as const);
      const s = pick(services);
      const words = Array.from({ length: 8 + Math.floor(rand() * 20) }, () => pick(WORDS));
      if (rand() < 0.01) words.splice(Math.floor(rand() * words.length), 0, SEARCH_WORD);
      rows.push({
        id: `bench-${String(i).padStart(7, '0')}`,
        town_id: TOWN,
        reference: `LKV-B${i.toString(36).toUpperCase().padStart(8, '0')}`,
        service_id: s.id,
        service_code: s.code,
        status,
        priority: pick(['normal', 'normal', 'normal', 'normal', 'high', 'low', 'urgent'] as const),
        department_id: s.department_id,
        assignee_user_id: rand() < 0.4 && staff.length > 0 ? pick(staff).user_id : null,
        location_text: `${1 + Math.floor(rand() * 999)} ${pick(STREETS)}`,
        lat: rand() < 0.6 ? 45.4 + rand() * 0.1 : null,
        lng: null as number | null,
        description: words.join(' '),
        channel: pick(['web', 'web', 'web', 'open311', 'phone'] as const),
        answers: '{}',
        idempotency_key: null,
        idempotency_hash: null,
        lang: rand() < 0.3 ? ('fr' as const) : ('en' as const),
        created_at: created,
        updated_at: created,
        closed_at: status === 'resolved' || status === 'closed' || status === 'declined' || status === 'duplicate' ? created : null,
      });
      const last = rows[rows.length - 1]!;
      if (last.lat !== null) last.lng = -75.7 + rand() * 0.1;
      // As filing sets them (intake-store.ts).
      const due = dueDates(created, { targetDays: s.target_days, ackTargetHours: s.ack_target_hours }, calendar);
      last.due_at = due.dueAt;
      last.ack_due_at = due.ackDueAt;
    }
    await db.transaction().execute((trx) => trx.insertInto('requests').values(rows).execute());
  }
}

interface Case {
  name: string;
  query: string;
}
const CASES: Case[] = [
  { name: 'no filter', query: '' },
  { name: 'status=open', query: 'status=open' },
  { name: 'department=roads', query: 'department=roads' },
  { name: 'overdue', query: 'overdue=true' },
  { name: `search "${SEARCH_WORD}"`, query: `q=${SEARCH_WORD}` },
  { name: 'open, due-date sort', query: 'status=open&sort=due' },
];

interface Figures {
  min: number;
  median: number;
  p95: number;
}
const figures = (xs: number[]): Figures => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(s.length * q) - 1))]!;
  return { min: s[0]!, median: at(0.5), p95: at(0.95) };
};
const show = (f: Figures | null) => (f ? `${f.min.toFixed(1)} / ${f.median.toFixed(1)} / **${f.p95.toFixed(1)}**` : 'fewer than 50 pages');

async function measure(label: string, handle: DatabaseHandle) {
  const db = handle.db;
  const t0 = performance.now();
  await migrateToLatest(db);
  // BENCH_REUSE=1 with BENCH_SQLITE_FILE / BENCH_PG_SCHEMA: time a database an earlier run seeded.
  const reuse = process.env.BENCH_REUSE === '1' && (await db.selectFrom('requests').select('id').where('id', '=', 'bench-0000000').executeTakeFirst()) !== undefined;
  if (!reuse) {
    await seedDemoTown(db);
    await ensureAdmin(db, EMAIL, PASSWORD, 'Bench admin', 'bench');
    await seedRequests(db);
  }
  // Statistics, and on PostgreSQL the visibility map autovacuum keeps in production (index-only scans).
  await (label === 'PostgreSQL' ? sql`VACUUM ANALYZE` : sql`ANALYZE`).execute(db);
  const seeded = (performance.now() - t0) / 1000;
  const app = createApp({ db, config: loadConfig({ COOKIE_SECURE: 'false', SEED_DEMO: 'false', LOG_LEVEL: 'silent', DATA_DIR: os.tmpdir() }) });
  const login = await app.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: EMAIL, password: PASSWORD }) });
  if (login.status !== 200) throw new Error(`sign-in answered ${login.status}: ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const get = async (q: string) => {
    const res = await app.request(`/api/v1/staff/towns/${TOWN}/inbox?limit=50&${q}`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`inbox answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as { total: number; totalCapped: boolean; items: unknown[]; nextCursor: string | null };
  };
  const timeOf = async (call: () => Promise<unknown>) => {
    for (let i = 0; i < 3; i++) await call(); // warm-up
    const xs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      await call();
      xs.push(performance.now() - s);
    }
    return figures(xs);
  };
  const time = (q: string) => timeOf(() => get(q));
  const health = () =>
    timeOf(async () => {
      const res = await app.request('/healthz');
      if (res.status !== 200) throw new Error(`healthz answered ${res.status}`);
      await res.text();
    });
  const before = await health();
  const rows: { case: string; total: string; first: Figures; page50: Figures | null }[] = [];
  for (const c of CASES) {
    const first = await get(c.query);
    let cursor = first.nextCursor;
    for (let p = 2; p < 50 && cursor; p++) cursor = (await get(`${c.query}&cursor=${cursor}`)).nextCursor;
    rows.push({
      case: c.name,
      total: `${first.totalCapped ? 'more than ' : ''}${first.total.toLocaleString('en-CA')}`,
      first: await time(c.query),
      page50: cursor ? await time(`${c.query}&cursor=${cursor}`) : null,
    });
  }
  const after = await health();
  console.log(`\n${label}: ${N.toLocaleString('en-CA')} requests ${reuse ? 'reused (seeded earlier)' : `seeded in ${seeded.toFixed(0)} s`}; min / median / **p95** of ${RUNS} calls (ms), target p95 ≤ 50`);
  console.log(`Load: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.availableParallelism()} cores`);
  console.log('| filter | matching (first page count) | first page | page 50 |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(`| baseline: GET /healthz, before / after | | ${show(before)} | ${show(after)} |`);
  for (const r of rows) console.log(`| ${r.case} | ${r.total} | ${show(r.first)} | ${show(r.page50)} |`);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munikit-bench-inbox-'));
try {
  // BENCH_SQLITE_FILE: seed into this (new) file and keep it, to look at query plans afterwards.
  const sqlite = createSqliteDatabase(process.env.BENCH_SQLITE_FILE ?? path.join(dir, 'munikit.db'));
  await measure('SQLite', sqlite);
  await sqlite.db.destroy();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

if (PG_URL !== 'off') {
  const keep = process.env.BENCH_PG_SCHEMA;
  const schema = keep ?? `bench_inbox_${Date.now()}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${process.env.BENCH_REUSE === '1' ? 'IF NOT EXISTS ' : ''}${schema}`);
  try {
    const handle = createPostgresDatabase(PG_URL, { options: `-c search_path=${schema}`, max: 5 });
    await measure('PostgreSQL', handle);
    await handle.db.destroy();
  } finally {
    if (!keep) await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}
