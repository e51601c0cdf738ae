// Compression: the widget files' build-time .br/.gz copies, munikit.js with the town written in, and
// JSON answers compressed on the way out with ETags that still revalidate.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { compression } from '../../src/platform/http/compression.ts';
import { migrateToLatest } from '../../src/platform/database/migrate.ts';
import { seedTown } from '../../src/seed/seed.ts';
import { insertTown } from '../../src/towns/store.ts';
import { openSqliteTestDb, testConfig, type TestDb } from '../support/harness.ts';
import { TEST_ORIGIN, testTown } from '../support/test-town.ts';

let dir: string;
let tdb: TestDb;
let app: ReturnType<typeof createApp>;
const chunk = 'export const text = "' + 'a widget chunk, '.repeat(200) + '";';
const loader = 'const TOWNS = "__MUNIKIT_TOWNS__"; console.log(TOWNS);';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munikit-compress-'));
  fs.mkdirSync(path.join(dir, 'chunks'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'munikit.js'), loader);
  fs.writeFileSync(path.join(dir, 'chunks', 'a-1.js'), chunk);
  fs.writeFileSync(path.join(dir, 'chunks', 'a-1.js.br'), brotliCompressSync(chunk));
  fs.writeFileSync(path.join(dir, 'chunks', 'a-1.js.gz'), gzipSync(chunk));
  tdb = await openSqliteTestDb();
  await migrateToLatest(tdb.db);
  await seedTown(tdb.db, testTown);
  app = createApp({ db: tdb.db, config: testConfig(), staticPaths: { widgetsDir: dir, demoDir: dir } });
});
afterAll(async () => {
  await tdb.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe('widget files', () => {
  it('sends the .br copy to a browser that takes Brotli, the .gz one for gzip, the file otherwise', async () => {
    const br = await app.request('/widgets/chunks/a-1.js', { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(br.headers.get('content-type')).toMatch(/javascript/);
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(await bytes(br)).toString()).toBe(chunk);

    const gz = await app.request('/widgets/chunks/a-1.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await bytes(gz)).toString()).toBe(chunk);

    const plain = await app.request('/widgets/chunks/a-1.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toMatch(/accept-encoding/i);
    expect((await bytes(plain)).toString()).toBe(chunk);

    // One ETag per representation, each revalidating only itself.
    const tags = [br, gz, plain].map((r) => r.headers.get('etag'));
    expect(new Set(tags).size).toBe(3);
    const again = await app.request('/widgets/chunks/a-1.js', { headers: { 'accept-encoding': 'br', 'if-none-match': tags[0]! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('vary')).toMatch(/accept-encoding/i);
  });

  it('writes the only town into munikit.js, compressed, revalidated, open to every origin', async () => {
    const plain = await app.request('/widgets/munikit.js');
    expect(plain.status).toBe(200);
    expect(plain.headers.get('access-control-allow-origin')).toBe('*');
    expect(plain.headers.get('cache-control')).toBe('no-cache');
    const text = await plain.text();
    const baked = JSON.parse(JSON.parse(/const TOWNS = (".*?[^\\]");/.exec(text)![1]!) as string) as unknown;
    expect(baked).toEqual([{ id: 'testville', defaultLanguage: 'en', languages: ['en', 'fr'] }]);

    const br = await app.request('/widgets/munikit.js', { headers: { 'accept-encoding': 'br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(await bytes(br)).toString()).toBe(text);
    expect(br.headers.get('etag')).not.toBe(plain.headers.get('etag'));
    const again = await app.request('/widgets/munikit.js', { headers: { 'accept-encoding': 'br', 'if-none-match': br.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('writes no town into munikit.js when the server hosts several (each element names its own)', async () => {
    await insertTown(tdb.db, { ...testTown.town, id: 'otherville', referencePrefix: 'OTH' });
    // The town directory caches the list for a few seconds; a fresh app reads it now.
    const fresh = createApp({ db: tdb.db, config: testConfig(), staticPaths: { widgetsDir: dir, demoDir: dir } });
    expect(await (await fresh.request('/widgets/munikit.js')).text()).toBe(loader);
    await tdb.db.deleteFrom('towns').where('id', '=', 'otherville').execute();
  });
});

describe('JSON answers', () => {
  it('compresses a large answer with Brotli or gzip, the same JSON once decoded', async () => {
    const plain = await app.request('/api/v1/openapi.json');
    const identity = await plain.text();
    expect(identity.length).toBeGreaterThan(10_000);
    expect(plain.headers.get('content-encoding')).toBeNull();

    const br = await app.request('/api/v1/openapi.json', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    const brBytes = await bytes(br);
    expect(Number(br.headers.get('content-length'))).toBe(brBytes.length);
    expect(brBytes.length).toBeLessThan(identity.length / 4);
    expect(brotliDecompressSync(brBytes).toString()).toBe(identity);

    const gz = await app.request('/api/v1/openapi.json', { headers: { 'accept-encoding': 'gzip;q=1, br;q=0' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await bytes(gz)).toString()).toBe(identity);
  });

  it('leaves a small answer as it is (but says it could differ by encoding)', async () => {
    const res = await app.request('/api/v1/towns/testville', { headers: { 'accept-encoding': 'br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(((await res.json()) as { id: string }).id).toBe('testville');
  });

  it('gives a compressed answer a strong ETag of its own and answers 304 to it, while the handler compares its own tag', async () => {
    // The knowledge-base index's way: a strong tag, If-None-Match compared by the handler.
    const big = JSON.stringify({ articles: Array.from({ length: 50 }, (_, i) => ({ id: i, title: `Article number ${i}` })) });
    const mini = new Hono();
    let built = 0;
    mini.use('*', compression());
    mini.get('/index', (c) => {
      built++;
      c.header('ETag', '"v1"');
      if (c.req.header('if-none-match') === '"v1"') return c.body(null, 304);
      return c.body(big, 200, { 'Content-Type': 'application/json' });
    });
    const br = await mini.request('/index', { headers: { 'accept-encoding': 'br' } });
    expect(br.headers.get('etag')).toBe('"v1-br"');
    expect(brotliDecompressSync(await bytes(br)).toString()).toBe(big);
    const gz = await mini.request('/index', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('etag')).toBe('"v1-gz"');
    const plain = await mini.request('/index');
    expect(plain.headers.get('etag')).toBe('"v1"');

    const again = await mini.request('/index', { headers: { 'accept-encoding': 'br', 'if-none-match': '"v1-br"' } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe('"v1-br"');
    expect(again.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(await again.text()).toBe('');
    // A browser that stopped taking Brotli holds a tag that no longer matches: it gets the body.
    expect((await mini.request('/index', { headers: { 'accept-encoding': 'gzip', 'if-none-match': '"v1-br"' } })).status).toBe(200);
    expect((await mini.request('/index', { headers: { 'if-none-match': '"v1"' } })).status).toBe(304);
    expect(built).toBe(6);
  });

  it("revalidates the knowledge-base index through the whole app, with its CORS header", async () => {
    const url = '/api/v1/towns/testville/kb/index?lang=en';
    const headers = { 'accept-encoding': 'br', origin: TEST_ORIGIN };
    const first = await app.request(url, { headers });
    expect(first.status).toBe(200);
    const tag = first.headers.get('etag')!;
    const again = await app.request(url, { headers: { ...headers, 'if-none-match': tag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('access-control-allow-origin')).toBe(TEST_ORIGIN);
  });

  it('never compresses the answer to a HEAD', async () => {
    const head = await app.request('/api/v1/openapi.json', { method: 'HEAD', headers: { 'accept-encoding': 'br' } });
    expect(head.headers.get('content-encoding')).toBeNull();
  });
});
