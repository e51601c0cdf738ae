// `npm run bench:intake`: how fast the real server files and looks up service requests, beside two
// ceilings measured in the same run on the same machine:
//   - a bare Hono route on @hono/node-server (what HTTP alone costs here), and
//   - a bare loop of single-row commits on the same database with the same durability settings
//     (SQLite: WAL + synchronous=FULL through openSqlite(); PostgreSQL: the server's own
//     synchronous_commit) and the same concurrency as the HTTP load, measured before and after that
//     database's cases (a shared disk's commit rate drifts; the table shows both, ratios use the mean).
// Goals (issue 5): GET one request ≥ 0.2 × the bare route; POST ≥ 0.5 × the bare-commit ceiling.
// `cpu ms/req` is the server process's CPU time (user + system, from /proc) per expected answer: on a
// machine shared with other work, req/s swings with the load, CPU per answer much less.
//
// The server runs as `server/src/main.ts` does, in a child process (so the load generator has its own
// core): a temp DATA_DIR (SQLite) or its own PostgreSQL schema (dropped afterwards), SEED_DEMO=true,
// INTAKE_RATE_LIMIT=off and STATUS_LOOKUP_RATE_LIMIT=off (documented settings; the default 10 filings per 10 minutes per address
// would answer 429 after ten). Traffic goes to 127.0.0.1 only. Outside `npm test`; never asserts.
//
// Settings (environment): BENCH_SECONDS (5 per case), BENCH_CONNECTIONS (10), BENCH_ROUNDS (1; with
// more, every case runs that many times, interleaved, and the last table shows medians),
// BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/test; BENCH_DATABASE_URL=off skips
// PostgreSQL), BENCH_CPU_PROF=<dir> (the server writes a .cpuprofile there when it stops), BENCH_CASES (a comma-separated subset
// of post-json,post-open311,get,healthz,filing-alone; default all).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';

const root = path.join(import.meta.dirname, '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CPU_PROF = process.env.BENCH_CPU_PROF;
/** BENCH_CASES=post-json,post-open311,get,healthz: only these server cases (e.g. to profile one); default all. */
const CASES = new Set((process.env.BENCH_CASES ?? 'post-json,post-open311,get,healthz,filing-alone').split(',').map((s) => s.trim()));
const TOWN = 'lakeview';
/** Long enough for MUNIKIT_OPEN311_KEYS (24+ characters); only ever sent to 127.0.0.1. */
const OPEN311_KEY = 'bench-open311-key-0123456789abcdef';

interface Figure {
  rps: number;
  /** Ceilings only: measured before and after the server's cases (the disk is shared; it drifts). */
  before?: number;
  after?: number;
  p50: number;
  p99: number;
  /** Answers that were not the expected status, and socket errors: a figure with any is not valid. */
  bad: number;
  /** The server process's CPU time (user + system) per expected answer, in ms (Linux); less sensitive to a loaded machine than req/s. */
  cpuMs?: number;
}

// ---------------------------------------------------------------------------------------------
// Child roles: the same file started again with a role argument.


async function bareRoute(port: number) {
  const { Hono } = await import('hono');
  const { serve } = await import('@hono/node-server');
  const app = new Hono();
  app.get('/', (c) => c.json({ status: 'ok' }));
  serve({ fetch: app.fetch, hostname: '127.0.0.1', port });
  process.on('SIGTERM', () => process.exit(0));
}

function summarise(latencies: number[], seconds: number): Figure {
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { rps: latencies.length / seconds, p50: at(0.5), p99: at(0.99), bad: 0 };
}

/**
 * Single-row commits on one connection, in a loop: SQLite has one writer and node:sqlite is
 * synchronous, so this is the most commits the disk takes whatever the number of clients (the server
 * too writes through one connection). Each INSERT outside a transaction is its own commit.
 */
async function bareCommitSqlite(file: string, seconds: number) {
  const { openSqlite } = await import('../server/src/platform/database/node-sqlite-adapter.ts');
  const db = openSqlite(file);
  db.exec('CREATE TABLE bench_commit (id TEXT PRIMARY KEY, v TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO bench_commit (id, v) VALUES (?, ?)');
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  let i = 0;
  for (let t = performance.now(); t < end; ) {
    insert.run(`r${i++}`, 'a single row, committed on its own');
    const t2 = performance.now();
    latencies.push(t2 - t);
    t = t2;
  }
  db.close();
  process.stdout.write(JSON.stringify(summarise(latencies, seconds)));
}

/** `connections` clients each committing single-row INSERTs (autocommit) in a loop, as the server's pool would. */
async function bareCommitPostgres(url: string, seconds: number, connections: number) {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  await pool.query('CREATE TABLE bench_commit (id TEXT PRIMARY KEY, v TEXT NOT NULL)');
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  let i = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      const client = await pool.connect();
      try {
        while (performance.now() < end) {
          const t = performance.now();
          await client.query('INSERT INTO bench_commit (id, v) VALUES ($1, $2)', [`r${i++}`, 'a single row, committed on its own']);
          latencies.push(performance.now() - t);
        }
      } finally {
        client.release();
      }
    }),
  );
  await pool.query('DROP TABLE bench_commit');
  await pool.end();
  process.stdout.write(JSON.stringify(summarise(latencies, seconds)));
}

/**
 * What a filing costs without HTTP: the server's own database setup (createDatabase, migrations, the
 * demo town) and fileServiceRequest() called by `connections` concurrent loops, in one process (no
 * outbox worker: the queued acknowledgements stay queued). The
 * POST cases cannot beat this figure; its CPU per filing against the commit ceiling's time per commit
 * says whether the disk or the filing's own work bounds them.
 */
async function filingAlone(env: Record<string, string>, seconds: number, connections: number) {
  Object.assign(process.env, env);
  const { loadConfig } = await import('../server/src/platform/config.ts');
  const { createDatabase } = await import('../server/src/platform/database/database.ts');
  const { migrateToLatest } = await import('../server/src/platform/database/migrate.ts');
  const { seedDemoTown } = await import('../server/src/seed/seed.ts');
  const { getTown } = await import('../server/src/towns/store.ts');
  const { fileServiceRequest } = await import('../server/src/requests/intake.ts');
  const { db } = createDatabase(loadConfig());
  await migrateToLatest(db);
  await seedDemoTown(db);
  const town = (await getTown(db, TOWN))!;
  const body = JSON.parse(jsonBody) as { serviceCode: string; description: string; location: { text: string }; answers: Record<string, string>; contact: { name: string; email: string }; lang: 'en' };
  const latencies: number[] = [];
  const cpu = process.cpuUsage();
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        const r = await fileServiceRequest(db, { ...body, town, channel: 'web' });
        if (!r.ok) throw new Error(`filing failed: ${JSON.stringify(r)}`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const used = process.cpuUsage(cpu);
  await db.destroy();
  const figure = summarise(latencies, seconds);
  process.stdout.write(JSON.stringify({ ...figure, cpuMs: (used.user + used.system) / 1000 / latencies.length }));
}

// ---------------------------------------------------------------------------------------------
// The parent: starts servers, drives load, prints the table.

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

const node = process.execPath;
const strip = ['--experimental-strip-types', '--disable-warning=ExperimentalWarning'];

interface Running {
  base: string;
  child: ChildProcess;
  output: () => string;
}

async function startChild(args: string[], env: Record<string, string>, port: number, readyPath: string): Promise<Running> {
  const child = spawn(node, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const keep = (b: Buffer) => {
    out = (out + b.toString()).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${out}`);
    try {
      const r = await fetch(base + readyPath);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server did not start in 180 s (a loaded machine starts slowly):\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base, child, output: () => out };
}

async function stop(r: Running) {
  if (r.child.exitCode !== null) return;
  const exited = new Promise((resolve) => r.child.once('exit', resolve));
  r.child.kill('SIGTERM');
  await exited;
}

/** CPU time (user + system, ms) a process has used so far, from /proc (undefined elsewhere). */
function cpuTimeMs(pid: number | undefined): number | undefined {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return undefined;
  }
}

async function load(opts: { url: string; method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string; expect: number; pid?: number }): Promise<Figure> {
  const cpuBefore = cpuTimeMs(opts.pid);
  const result = await autocannon({
    url: opts.url,
    method: opts.method ?? 'GET',
    headers: opts.headers,
    body: opts.body,
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  const expected = (result.statusCodeStats as Record<string, { count: number } | undefined>)[String(opts.expect)]?.count ?? 0;
  return {
    rps: expected / SECONDS,
    cpuMs: cpuBefore === undefined || expected === 0 ? undefined : ((cpuTimeMs(opts.pid) ?? NaN) - cpuBefore) / expected,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bad: result.requests.total - expected + result.errors + result.timeouts,
  };
}

/** The commit ceiling is measured before and after the cases it is compared with; ratios use the mean. */
function bracket(a: Figure, b: Figure): Figure {
  return { rps: (a.rps + b.rps) / 2, p50: (a.p50 + b.p50) / 2, p99: Math.max(a.p99, b.p99), bad: 0, before: a.rps, after: b.rps };
}

async function runChild(args: string[]): Promise<Figure> {
  const child = spawn(node, [...strip, import.meta.filename, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  const code = await new Promise((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`${args[0]} exited with ${code}`);
  return JSON.parse(out) as Figure;
}

const jsonBody = JSON.stringify({
  serviceCode: 'pothole',
  description: 'A deep pothole in the eastbound lane, about a metre from the curb.',
  location: { text: '120 Main Street, in front of the library' },
  answers: { 'pothole-size': 'medium', lane: 'driving-lane' },
  contact: { name: 'Bench Resident', email: 'resident@example.ca' },
  lang: 'en',
});
const open311Body = new URLSearchParams({
  api_key: OPEN311_KEY,
  service_code: 'pothole',
  description: 'A deep pothole in the eastbound lane, about a metre from the curb.',
  address_string: '120 Main Street, in front of the library',
  'attribute[pothole-size]': 'medium',
  'attribute[lane]': 'driving-lane',
  first_name: 'Bench',
  last_name: 'Resident',
  email: 'resident@example.ca',
}).toString();

type Row = { db: string; kase: string; f: Figure | string; ceiling?: 'route' | 'commit' };

async function benchServer(dbLabel: string, env: Record<string, string>): Promise<Row[]> {
  const port = await freePort();
  const args = [...strip, ...(CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`] : []), 'server/src/main.ts'];
  const server = await startChild(
    args,
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
      COOKIE_SECURE: 'false',
      INTAKE_RATE_LIMIT: 'off',
      STATUS_LOOKUP_RATE_LIMIT: 'off',
      MUNIKIT_OPEN311_KEYS: OPEN311_KEY,
      ...env,
    },
    port,
    '/healthz',
  );
  const rows: Row[] = [];
  try {
    const requests = `${server.base}/api/v1/towns/${TOWN}/requests`;
    const filed = await fetch(requests, { method: 'POST', headers: { 'content-type': 'application/json' }, body: jsonBody });
    if (filed.status !== 201) throw new Error(`filing one request answered ${filed.status}: ${await filed.text()}`);
    const { reference } = (await filed.json()) as { reference: string };

    if (CASES.has('post-json')) rows.push({ db: dbLabel, kase: 'POST request (JSON API)', ceiling: 'commit', f: await load({ url: requests, method: 'POST', headers: { 'content-type': 'application/json' }, body: jsonBody, expect: 201, pid: server.child.pid }) });

    const o311 = `${server.base}/open311/v2/requests.json`;
    const probe = CASES.has('post-open311') ? await fetch(o311, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: open311Body }) : undefined;
    const probeText = probe ? await probe.text() : '';
    if (!probe) {
      // not asked for (BENCH_CASES)
    } else if (probe.status === 404 && !probeText.trim().startsWith('[') && !probeText.trim().startsWith('{')) {
      rows.push({ db: dbLabel, kase: 'POST request (Open311)', f: 'not available on this branch' });
    } else if (probe.status !== 201 && probe.status !== 200) {
      rows.push({ db: dbLabel, kase: 'POST request (Open311)', f: `not measured: probe answered ${probe.status} ${probeText.slice(0, 120)}` });
    } else {
      rows.push({
        db: dbLabel,
        kase: 'POST request (Open311)',
        ceiling: 'commit',
        f: await load({ url: o311, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: open311Body, expect: probe.status, pid: server.child.pid }),
      });
    }

    if (CASES.has('get')) rows.push({ db: dbLabel, kase: 'GET one request', ceiling: 'route', f: await load({ url: `${requests}/${reference}`, expect: 200, pid: server.child.pid }) });
    if (CASES.has('healthz')) rows.push({ db: dbLabel, kase: 'GET /healthz', ceiling: 'route', f: await load({ url: `${server.base}/healthz`, expect: 200, pid: server.child.pid }) });
  } finally {
    await stop(server);
  }
  return rows;
}

async function round(): Promise<{ route: Figure; commits: Record<string, Figure>; rows: Row[] }> {
  const port = await freePort();
  const bare = await startChild([...strip, import.meta.filename, '--bare-route', String(port)], {}, port, '/');
  let route: Figure;
  try {
    route = await load({ url: bare.base + '/', expect: 200 });
  } finally {
    await stop(bare);
  }
  const commits: Record<string, Figure> = {};
  const rows: Row[] = [];

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munikit-bench-'));
  try {
    const first = await runChild(['--bare-commit-sqlite', path.join(dir, 'commit-1.sqlite'), String(SECONDS)]);
    rows.push(...(await benchServer('SQLite', { DATA_DIR: path.join(dir, 'data') })));
    if (CASES.has('filing-alone')) rows.push({ db: 'SQLite', kase: 'filing alone, no HTTP (reference)', ceiling: 'commit', f: await runChild(['--filing-alone', JSON.stringify({ DATA_DIR: path.join(dir, 'alone') }), String(SECONDS), String(CONNECTIONS)]) });
    commits.SQLite = bracket(first, await runChild(['--bare-commit-sqlite', path.join(dir, 'commit-2.sqlite'), String(SECONDS)]));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  if (PG_URL !== 'off') {
    const schema = `bench_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA ${schema}`);
      const url = new URL(PG_URL);
      url.searchParams.set('options', `-c search_path=${schema}`);
      const commitArgs = ['--bare-commit-postgres', url.toString(), String(SECONDS), String(CONNECTIONS)];
      const first = await runChild(commitArgs);
      rows.push(...(await benchServer('PostgreSQL', { DATABASE_URL: url.toString(), DATA_DIR: os.tmpdir() })));
      if (CASES.has('filing-alone')) {
        // A schema of its own: a fresh demo town, as the SQLite case has.
        const alone = `${schema}_alone`;
        await admin.query(`CREATE SCHEMA ${alone}`);
        const aloneUrl = new URL(PG_URL);
        aloneUrl.searchParams.set('options', `-c search_path=${alone}`);
        try {
          rows.push({ db: 'PostgreSQL', kase: 'filing alone, no HTTP (reference)', ceiling: 'commit', f: await runChild(['--filing-alone', JSON.stringify({ DATABASE_URL: aloneUrl.toString(), DATA_DIR: os.tmpdir() }), String(SECONDS), String(CONNECTIONS)]) });
        } finally {
          await admin.query(`DROP SCHEMA IF EXISTS ${alone} CASCADE`);
        }
      }
      commits.PostgreSQL = bracket(first, await runChild(commitArgs));
    } finally {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    }
  }
  return { route, commits, rows };
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function printTable(title: string, route: Figure, commits: Record<string, Figure>, rows: Row[], ratios?: Map<string, number>) {
  console.log(`\n${title}`);
  const head = ['database', 'case', 'req/s', 'p50 ms', 'p99 ms', 'cpu ms/req', 'ratio', 'of'];
  const lines: string[][] = [['–', 'bare Hono route (ceiling)', fmt(route.rps), fmt(route.p50, 1), fmt(route.p99, 1), '', '1', 'itself']];
  for (const [db, c] of Object.entries(commits)) {
    const drift = c.before !== undefined ? ` (mean of ${fmt(c.before)} before and ${fmt(c.after!)} after)` : '';
    lines.push([db, 'bare single-row commits (ceiling)', fmt(c.rps), fmt(c.p50, 1), fmt(c.p99, 1), '', '1', `itself${drift}`]);
    for (const r of rows.filter((x) => x.db === db)) {
      if (typeof r.f === 'string') {
        lines.push([db, r.kase, '–', '–', '–', '–', r.f, '']);
        continue;
      }
      const ceiling = r.ceiling === 'route' ? route.rps : c.rps;
      const ratio = ratios?.get(`${db}|${r.kase}`) ?? r.f.rps / ceiling;
      const goal = r.kase.startsWith('GET one') ? ' (goal ≥ 0.2)' : r.kase.startsWith('POST') ? ' (goal ≥ 0.5)' : '';
      lines.push([
        db,
        r.kase + (r.f.bad ? ` [${r.f.bad} unexpected answers/errors]` : ''),
        fmt(r.f.rps),
        fmt(r.f.p50, 1),
        fmt(r.f.p99, 1),
        r.f.cpuMs === undefined ? '–' : fmt(r.f.cpuMs, 2),
        fmt(ratio, 3) + goal,
        r.ceiling === 'route' ? 'bare route' : 'bare commits',
      ]);
    }
  }
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const show = (l: string[]) => l.map((c, i) => (i >= 2 && i <= 5 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  console.log(show(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(show(l));
}

async function main() {
  const cpu = os.cpus();
  console.log(
    `bench:intake — ${cpu.length} CPUs (${cpu[0]?.model ?? '?'}), Node ${process.version}, ${CONNECTIONS} connections, ` +
      `${SECONDS} s per case, ${ROUNDS} round(s); server: server/src/main.ts in a child process; load: autocannon on 127.0.0.1`,
  );
  if (PG_URL !== 'off') {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    const s = await c.query<{ setting: string; name: string }>(
      "SELECT name, setting FROM pg_settings WHERE name IN ('synchronous_commit', 'fsync', 'commit_delay', 'server_version')",
    );
    await c.end();
    console.log(`PostgreSQL: ${s.rows.map((r) => `${r.name}=${r.setting}`).join(', ')}`);
  }
  console.log('SQLite: ceiling journal_mode=WAL, synchronous=FULL (openSqlite); server the same WAL, each commit answered after an fsync of the WAL off the event loop (sqlite-durable.ts); files in', os.tmpdir());

  const rounds: Awaited<ReturnType<typeof round>>[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const r = await round();
    rounds.push(r);
    printTable(`round ${i + 1} of ${ROUNDS}`, r.route, r.commits, r.rows);
  }
  if (ROUNDS > 1) {
    const med = (fs: Figure[]): Figure => ({ rps: median(fs.map((f) => f.rps)), p50: median(fs.map((f) => f.p50)), p99: median(fs.map((f) => f.p99)), bad: Math.max(...fs.map((f) => f.bad)), cpuMs: fs.every((f) => f.cpuMs !== undefined) ? median(fs.map((f) => f.cpuMs!)) : undefined });
    const route = med(rounds.map((r) => r.route));
    const commits = Object.fromEntries(Object.keys(rounds[0]!.commits).map((k) => [k, med(rounds.map((r) => r.commits[k]!))]));
    const ratios = new Map<string, number>();
    const rows: Row[] = rounds[0]!.rows.map((row, i) => {
      if (typeof row.f === 'string') return row;
      const figures = rounds.map((r) => r.rows[i]!.f as Figure);
      // The median of the ratios each round measured beside its own ceilings.
      const per = rounds.map((r) => (r.rows[i]!.f as Figure).rps / (row.ceiling === 'route' ? r.route.rps : r.commits[row.db]!.rps));
      ratios.set(`${row.db}|${row.kase}`, median(per));
      return { ...row, f: med(figures) };
    });
    printTable(`medians of ${ROUNDS} rounds (ratio: median of each round's ratio)`, route, commits, rows, ratios);
  }
}

// Last, so every constant above is initialised.
const role = process.argv[2];
if (role === '--bare-route') await bareRoute(Number(process.argv[3]));
else if (role === '--bare-commit-sqlite') await bareCommitSqlite(process.argv[3]!, Number(process.argv[4]));
else if (role === '--filing-alone') await filingAlone(JSON.parse(process.argv[3]!) as Record<string, string>, Number(process.argv[4]), Number(process.argv[5]));
else if (role === '--bare-commit-postgres') await bareCommitPostgres(process.argv[3]!, Number(process.argv[4]), Number(process.argv[5]));
else await main();
