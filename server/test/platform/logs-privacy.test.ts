// Logs are JSON lines carrying a request id, and a resident's personal data never reaches them: a
// request is filed, refused, looked up and made to fail (the database gone), at debug level, and every
// line is searched for the contact details, the description and the place.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { createLogger } from '../../src/platform/http/logger.ts';
import { migrateToLatest } from '../../src/platform/database/migrate.ts';
import { seedTown } from '../../src/seed/seed.ts';
import { openSqliteTestDb, testConfig, type TestDb } from '../support/harness.ts';
import { testTown } from '../support/test-town.ts';

const PERSONAL = {
  name: 'Philippa Quenneville-Oyelaran',
  email: 'philippa.q.oyelaran@example.net',
  phone: '613-555-0177',
  description: 'Sinkhole beside my driveway at the blue heron mailbox',
  place: '4417 Cormorant Crescent',
};

const lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  },
});

let tdb: TestDb;
let app: ReturnType<typeof createApp>;

const file = (body: unknown, headers: Record<string, string> = {}) =>
  app.request('/api/v1/towns/testville/requests', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.7', ...headers },
    body: JSON.stringify(body),
  });

const valid = {
  serviceCode: 'pothole',
  description: PERSONAL.description,
  location: { text: PERSONAL.place, lat: 45.1, lng: -75.2 },
  contact: { name: PERSONAL.name, email: PERSONAL.email, phone: PERSONAL.phone },
  lang: 'en',
};

beforeAll(async () => {
  tdb = await openSqliteTestDb();
  await migrateToLatest(tdb.db);
  await seedTown(tdb.db, testTown);
  app = createApp({ db: tdb.db, config: testConfig({ LOG_LEVEL: 'debug', TRUST_PROXY: '1' }), logger: createLogger('debug', sink) });
});

afterAll(() => tdb.cleanup().catch(() => {}));

describe('logs', () => {
  it('are JSON lines; each answered request is one line with its id, its route pattern and no path', async () => {
    const res = await app.request('/api/v1/towns/testville', { headers: { 'x-request-id': 'proxy-given-id-1234' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('proxy-given-id-1234');
    const line = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.reqId === 'proxy-given-id-1234');
    expect(line).toMatchObject({ level: 'info', msg: 'request', method: 'GET', route: '/api/v1/towns/:town', status: 200 });
    expect(typeof line!.time).toBe('string');

    const mine = await app.request('/healthz', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(mine.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('never hold what a resident sent, whether the request is filed, refused, looked up or fails', async () => {
    const filed = await file(valid, { 'idempotency-key': 'privacy-key-0001' });
    expect(filed.status).toBe(201);
    const { reference } = (await filed.json()) as { reference: string };
    // The same key with another body, a refused phone number and a refused email.
    expect((await file({ ...valid, description: `${PERSONAL.description}!` }, { 'idempotency-key': 'privacy-key-0001' })).status).toBe(422);
    expect((await file({ ...valid, contact: { ...valid.contact, phone: `${PERSONAL.phone} call ${PERSONAL.name}` } })).status).toBe(400);
    expect((await file({ ...valid, contact: { ...valid.contact, email: `${PERSONAL.name}@` } })).status).toBe(400);
    expect((await app.request(`/api/v1/towns/testville/requests/${reference}`)).status).toBe(200);
    expect((await app.request(`/api/v1/towns/testville/requests/nearby?serviceCode=pothole&address=${encodeURIComponent(PERSONAL.place)}`)).status).toBeLessThan(500);

    // The database goes away mid-filing: a 500, logged with its error.
    await tdb.db.destroy();
    const failed = await file(valid);
    expect(failed.status).toBe(500);
    expect(JSON.stringify(await failed.json())).not.toContain(PERSONAL.email);

    const all = lines.join('\n');
    expect(lines.some((l) => (JSON.parse(l) as { level: string }).level === 'error')).toBe(true);
    for (const [what, value] of Object.entries(PERSONAL)) expect(all.includes(value), `${what} found in the logs`).toBe(false);
    expect(all).not.toContain(reference);
    expect(all).not.toContain('198.51.100.7');
  });
});
