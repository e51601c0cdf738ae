// Scale-out, proved: two server instances on one PostgreSQL database, started at the same moment on an
// empty database (both try to migrate and seed), behind a small round-robin proxy started here, behave as
// one server: a staff session made on one works on the other, rate limits and idempotency keys hold
// across both, references never collide under concurrent filing, every queued email reaches the SMTP
// server exactly once, and a photo uploaded through one is served by the other.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ParsedMail } from 'mailparser';
import pg from 'pg';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startServer, type RunningServer } from './support/server.ts';
import { startSmtp, type TestSmtp } from './support/smtp.ts';

const BASE_URL = process.env.TEST_DATABASE_URL;
const database = `scaleout_${crypto.randomUUID().replaceAll('-', '').slice(0, 10)}`;

let a: RunningServer;
let b: RunningServer;
let proxy: http.Server;
let proxyUrl: string;
let smtp: TestSmtp;

/** Sends each new connection's requests to the next instance in turn (keep-alive off, so turns alternate). */
function roundRobin(targets: string[]): Promise<http.Server> {
  let next = 0;
  const server = http.createServer((req, res) => {
    const target = new URL(targets[next++ % targets.length]!);
    const upstream = http.request(
      { hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, connection: 'close' } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const json = (body: unknown, ip: string, extra: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, ...extra },
  body: JSON.stringify(body),
});

const filing = (i: number, email?: string) => ({
  serviceCode: 'pothole',
  description: `Scale-out pothole ${i}`,
  location: { text: `${i} Shoreline Road` },
  answers: { 'pothole-size': 'small' },
  contact: email ? { email } : {},
  lang: 'en',
});

beforeAll(async () => {
  if (!BASE_URL) return;
  const admin = new pg.Client({ connectionString: BASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();

  smtp = await startSmtp();

  const url = new URL(BASE_URL);
  url.pathname = `/${database}`;
  const env = {
    DATABASE_URL: url.toString(),
    SEED_DEMO: 'true',
    TRUST_PROXY: '1',
    SMTP_URL: smtp.url,
    INTAKE_RATE_LIMIT: '3/600',
    STATUS_LOOKUP_RATE_LIMIT: '4/600',
  };
  // At the same moment, on an empty database: both migrate and try to seed.
  [a, b] = await Promise.all([startServer(env), startServer(env)]);
  proxy = await roundRobin([a.url, b.url]);
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  if (!BASE_URL) return;
  await Promise.all([a?.stop(), b?.stop()]);
  proxy?.close();
  await smtp?.close();
  const admin = new pg.Client({ connectionString: BASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
});

describe.skipIf(!BASE_URL)('two instances on one PostgreSQL', () => {
  it('seeded the empty database once, though both started at the same moment', async () => {
    const c = new pg.Client({ connectionString: BASE_URL!.replace(/\/[^/]*$/, `/${database}`) });
    await c.connect();
    try {
      expect((await c.query('SELECT count(*)::int AS n FROM towns')).rows[0].n).toBe(1);
      expect((await c.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [ADMIN.email])).rows[0].n).toBe(1);
    } finally {
      await c.end();
    }
    for (const s of [a, b]) expect((await fetch(`${s.url}/readyz`)).status).toBe(200);
  });

  it('a staff session made on one instance works on the other', async () => {
    const login = await fetch(`${a.url}/api/v1/auth/login`, json({ email: ADMIN.email, password: ADMIN.password }, '203.0.113.1'));
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const inbox = await fetch(`${b.url}/api/v1/staff/towns/lakeview/inbox`, { headers: { cookie } });
    expect(inbox.status).toBe(200);
  });

  it('rate limits hold across both: one address gets its 3 filings, whichever instance answers', async () => {
    const ip = '203.0.113.2';
    const statuses = [];
    for (const [i, s] of [a, b, a, b].entries()) statuses.push((await fetch(`${s.url}/api/v1/towns/lakeview/requests`, json(filing(100 + i), ip))).status);
    expect(statuses).toEqual([201, 201, 201, 429]);

    const lookups = [];
    const reference = 'LKV-22222-22222';
    for (const s of [a, b, a, b, a]) lookups.push((await fetch(`${s.url}/api/v1/towns/lakeview/requests/${reference}`, { headers: { 'x-forwarded-for': '203.0.113.3' } })).status);
    expect(lookups).toEqual([404, 404, 404, 404, 429]);
  });

  it('an idempotency key holds across both: the retry on the other instance gets the same request', async () => {
    const key = { 'idempotency-key': `scale-out-${crypto.randomUUID()}` };
    const first = await fetch(`${a.url}/api/v1/towns/lakeview/requests`, json(filing(200), '203.0.113.4', key));
    expect(first.status).toBe(201);
    const retry = await fetch(`${b.url}/api/v1/towns/lakeview/requests`, json(filing(200), '203.0.113.4', key));
    expect(retry.status).toBeLessThan(300);
    expect(((await retry.json()) as { reference: string }).reference).toBe(((await first.json()) as { reference: string }).reference);
    const other = await fetch(`${b.url}/api/v1/towns/lakeview/requests`, json(filing(201), '203.0.113.4', key));
    expect(other.status).toBe(422);
  });

  it('concurrent filings through the proxy get distinct references, and each acknowledgement is emailed exactly once', async () => {
    const n = 30;
    const answers = await Promise.all(
      Array.from({ length: n }, (_, i) => fetch(`${proxyUrl}/api/v1/towns/lakeview/requests`, json(filing(300 + i, `resident${i}@example.com`), `198.51.100.${i + 1}`))),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(n).fill(201));
    const references = await Promise.all(answers.map(async (r) => ((await r.json()) as { reference: string }).reference));
    expect(new Set(references).size).toBe(n);

    const to = (m: ParsedMail) => (Array.isArray(m.to) ? m.to : [m.to]).flatMap((t) => t?.value.map((v) => v.address) ?? []);
    await expect.poll(() => smtp.mails.filter((m) => to(m).some((x) => x?.startsWith('resident'))).length, { timeout: 60_000, interval: 500 }).toBeGreaterThanOrEqual(n);
    await new Promise((r) => setTimeout(r, 3000)); // a duplicate would arrive in this time
    for (const [i, reference] of references.entries()) {
      const received = smtp.mails.filter((m) => to(m).includes(`resident${i}@example.com`));
      expect(received.length, `emails to resident${i}`).toBe(1);
      expect(received[0]!.text).toContain(reference);
    }
  }, 120_000);

  it('a photo uploaded through one instance is attached and served by the other', async () => {
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c03020' } }).jpeg().toBuffer();
    const upload = await fetch(`${a.url}/api/v1/towns/lakeview/uploads`, { method: 'POST', headers: { 'content-type': 'image/jpeg', 'x-forwarded-for': '203.0.113.5' }, body: jpeg });
    expect(upload.status).toBe(201);
    const { id } = (await upload.json()) as { id: string };
    const filed = await fetch(`${b.url}/api/v1/towns/lakeview/requests`, json({ ...filing(400), photos: [id] }, '203.0.113.5'));
    expect(filed.status).toBe(201);
    const { reference } = (await filed.json()) as { reference: string };

    const login = await fetch(`${a.url}/api/v1/auth/login`, json({ email: ADMIN.email, password: ADMIN.password }, '203.0.113.6'));
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const photo = await fetch(`${b.url}/api/v1/staff/towns/lakeview/requests/${reference}/photos/${id}`, { headers: { cookie } });
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    const meta = await sharp(Buffer.from(await photo.arrayBuffer())).metadata();
    expect([meta.width, meta.height]).toEqual([64, 48]);
  });
});
