// The search page on a rural line (400 ms, 50 KB/s, cold cache): prints the time to a ready search
// box and each request on the way (a figure, never asserted: `npm run bench:embed` has all three
// elements). Asserts only what makes that time short: compressed files, no request for the town,
// the element's chunks and its index asked for together, nothing twice.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { CASES, formatTiming, timeToReady } from './support/slow-line.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it('gets the search box ready on a slow line, its chunks preloaded, its index asked for with them and nothing asked twice', { timeout: 90_000 }, async () => {
  const search = CASES[0]!;
  const timing = await timeToReady(browser, server.url, search);
  console.log(formatTiming(search, timing));
  const paths = timing.waterfall.map((d) => d.path);
  // The town is written into munikit.js: no /towns lookup before the index.
  expect(paths.filter((p) => /^\/api\/v1\/towns(\?|$)/.test(p))).toEqual([]);
  expect(paths.some((p) => p.includes('/kb/index'))).toBe(true);
  // Each chunk once; the element's own (the list munikit.js preloads) all asked for before the first one
  // arrived (preloaded, not discovered). The rest of the search comes after the box, in one chunk.
  const chunks = timing.waterfall.filter((d) => d.path.startsWith('/widgets/chunks/'));
  expect(new Set(chunks.map((d) => d.path)).size).toBe(chunks.length);
  const entry = await (await fetch(`${server.url}/widgets/munikit.js`)).text();
  const quoted = /"\{\\"[\w-]+\\":\[.*?\]\}"/.exec(entry)?.[0] ?? '"{}"';
  const preloads = ((JSON.parse(JSON.parse(quoted) as string) as Record<string, string[]>)['kb-search'] ?? []).map((f) => `/widgets/${f}`);
  expect(preloads.length).toBeGreaterThan(1);
  const preloaded = chunks.filter((d) => preloads.includes(d.path));
  expect(preloaded.length).toBe(preloads.length);
  const firstArrival = Math.min(...preloaded.map((d) => d.end));
  expect(preloaded.every((d) => d.start < firstArrival)).toBe(true);
  expect(chunks.length - preloaded.length).toBeLessThanOrEqual(1);
  // The index travels with the chunks (munikit.js asks at tag sight), not one round trip after them,
  // and the element takes that answer instead of asking again.
  const index = timing.waterfall.filter((d) => d.path.includes('/kb/index'));
  expect(index).toHaveLength(1);
  expect(index[0]!.start).toBeLessThan(firstArrival);
  // Compressed on the wire: the search chunks weigh far less than their files.
  const raw = await Promise.all(chunks.map(async (d) => (await (await fetch(server.url + d.path, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer()).byteLength));
  expect(chunks.reduce((s, d) => s + d.bytes, 0)).toBeLessThan(raw.reduce((s, n) => s + n, 0) / 2);
});
