// `npm run bench:intake`: how fast the server files and looks up requests, beside two ceilings measured
// in the same run on the same machine: a bare Hono route, and a bare loop of single-row commits on the
// same database with the same durability settings. Prints figures; asserts nothing.
//
// Each server runs as its own child process (as `npm start` runs it), so the load generator
// (autocannon, in this process) does not share its event loop. Traffic goes to 127.0.0.1 only.
// Settings: BENCH_SECONDS (default 5 per case), BENCH_CONNECTIONS (10),
// BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test; a fresh database is made and dropped).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import autocannon from 'autocannon';
import pg from 'pg';
import { openSqlite } from '../server/src/platform/database/node-sqlite-adapter.ts';

const root = join(import.meta.dirname, '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const OPEN311_KEY = `mk_bench_${randomUUID().replaceAll('-', '')}`;

interface Figure {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function startChild(script: string, env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--experimental-strip-types', script], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log += d));
  child.stderr!.on('data', (d: Buffer) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const probe = script.includes('bare-server') ? '/' : '/healthz';
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${script} exited:\n${log}`);
    try {
      if ((await fetch(url + probe)).ok) return { url, child };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${script} did not start:\n${log}`);
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

async function load(url: string, opts: Partial<autocannon.Options> = {}): Promise<Figure> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, ...opts });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

const pothole = (lang: 'en' | 'fr') =>
  JSON.stringify({
    serviceCode: 'pothole',
    description: 'Deep pothole in the eastbound lane, about a metre wide.',
    location: { text: '400 Lakeshore Road' },
    answers: { 'pothole-size': 'medium' },
    lang,
  });

/** POST a request with a fresh Idempotency-Key each time, as the form does. */
const postRequests = (url: string) =>
  load(`${url}/api/v1/towns/lakeview/requests`, {
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => ({
          ...req,
          headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
          body: pothole('en'),
        }),
      },
    ],
  });

const postOpen311 = (url: string) =>
  load(`${url}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      api_key: OPEN311_KEY,
      service_code: 'pothole',
      description: 'Deep pothole in the eastbound lane.',
      address_string: '400 Lakeshore Road',
      'attribute[pothole-size]': 'medium',
    }).toString(),
  });

/** Single-row commits, one after another, with the server's own SQLite settings (WAL, synchronous=FULL). */
function sqliteCommitCeiling(dir: string): number {
  const db: DatabaseSync = openSqlite(join(dir, 'ceiling.sqlite'));
  db.exec('CREATE TABLE t (id TEXT PRIMARY KEY, body TEXT NOT NULL, created_at TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO t (id, body, created_at) VALUES (?, ?, ?)');
  const body = pothole('en');
  const end = Date.now() + SECONDS * 1000;
  let n = 0;
  while (Date.now() < end) {
    db.exec('BEGIN IMMEDIATE');
    insert.run(randomUUID(), body, new Date().toISOString());
    db.exec('COMMIT');
    n++;
  }
  db.close();
  return n / SECONDS;
}

/** Single-row commits from CONNECTIONS clients at once (PostgreSQL's default synchronous_commit). */
async function postgresCommitCeiling(url: string): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: CONNECTIONS });
  await pool.query('CREATE TABLE ceiling (id TEXT PRIMARY KEY, body TEXT NOT NULL, created_at TEXT NOT NULL)');
  const body = pothole('en');
  const end = Date.now() + SECONDS * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < end) {
        await pool.query('INSERT INTO ceiling (id, body, created_at) VALUES ($1, $2, $3)', [randomUUID(), body, new Date().toISOString()]);
        n++;
      }
    }),
  );
  await pool.end();
  return n / SECONDS;
}

async function fileOne(url: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/towns/lakeview/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: pothole('en'),
  });
  if (res.status !== 201) throw new Error(`filing failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { reference: string }).reference;
}

const fmt = (f: Figure) => `${f.rps.toFixed(0).padStart(7)} req/s   p50 ${String(f.p50).padStart(3)} ms   p99 ${String(f.p99).padStart(3)} ms${f.errors ? `   (${f.errors} errors)` : ''}`;
const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : 'n/a');

async function benchDialect(name: string, env: Record<string, string>, commitCeiling: () => Promise<number> | number, bare: Figure) {
  const server = await startChild('server/src/main.ts', {
    SEED_DEMO: 'true',
    INTAKE_RATE_LIMIT: 'off',
    MUNIKIT_OPEN311_KEYS: OPEN311_KEY,
    ADMIN_EMAIL: '',
    ADMIN_PASSWORD: '',
    ...env,
  });
  try {
    const reference = await fileOne(server.url);
    const health = await load(`${server.url}/healthz`);
    const get = await load(`${server.url}/api/v1/towns/lakeview/requests/${reference}`);
    const post = await postRequests(server.url);
    const hasOpen311 = (await fetch(`${server.url}/open311/v2/discovery.json`)).ok;
    const open311 = hasOpen311 ? await postOpen311(server.url) : undefined;
    const commits = await commitCeiling();
    console.log(`\n${name}`);
    console.log(`  bare Hono route                ${fmt(bare)}`);
    console.log(`  bare single-row commits        ${commits.toFixed(0).padStart(7)} commits/s`);
    console.log(`  GET /healthz                   ${fmt(health)}   ${ratio(health.rps, bare.rps)} of the bare route`);
    console.log(`  GET one request                ${fmt(get)}   ${ratio(get.rps, bare.rps)} of the bare route (goal ≥ 0.2)`);
    console.log(`  POST a request (JSON API)      ${fmt(post)}   ${ratio(post.rps, commits)} of the commit ceiling (goal ≥ 0.5)`);
    console.log(
      open311
        ? `  POST a request (Open311)       ${fmt(open311)}   ${ratio(open311.rps, commits)} of the commit ceiling`
        : '  POST a request (Open311)       not available on this server',
    );
  } finally {
    await stop(server.child);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'munikit-bench-'));
const bareServer = await startChild('scripts/bench/bare-server.ts', {});
try {
  const bare = await load(bareServer.url);
  console.log(`${CONNECTIONS} connections, ${SECONDS} s per case, loopback; node ${process.versions.node}`);

  await benchDialect('SQLite (WAL, synchronous=FULL)', { DATA_DIR: join(dir, 'data') }, () => sqliteCommitCeiling(dir), bare);

  const dbName = `bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  const connected = await admin.connect().then(
    () => true,
    (err: unknown) => {
      console.log(`\nPostgreSQL: skipped (${(err as Error).message})`);
      return false;
    },
  );
  if (connected) {
    await admin.query(`CREATE DATABASE ${dbName}`);
    const url = new URL(PG_URL);
    url.pathname = `/${dbName}`;
    try {
      await benchDialect('PostgreSQL', { DATABASE_URL: url.href }, () => postgresCommitCeiling(url.href), bare);
    } finally {
      await admin.query(`DROP DATABASE ${dbName} WITH (FORCE)`);
      await admin.end();
    }
  }
} finally {
  await stop(bareServer.child);
  rmSync(dir, { recursive: true, force: true });
}
