// `npm run size`: what a town's page downloads for its elements, gzipped, against the budgets of
// issue 9: the entry plus what the first element needs ≤ 30 KB (the heaviest resident element counts,
// since any may be first), and a page with every resident element ≤ 60 KB. Run `npm run build` first.
//
// `--check` (a step of `npm test`) exits 1 past a ceiling: the budget where it is met, else today's
// figure rounded up. Both budgets are met, so both ceilings are the budgets: a change that needs more
// bytes before an element is ready must find them elsewhere (i18next and Lit alone are 21.5 KB of the
// 30). Lower a ceiling when a change makes room; never raise it quietly.
//
// munikit.js is counted as the server sends it to a one-town server: with the town written into it
// (server/src/site/loader-script.ts), here the demo town's.
//
// What an element needs is read from munikit.js: the build writes into it each element's chunk and
// every chunk that chunk imports (scripts/widget-build.ts), which is also what munikit.js preloads.
// Chunks loaded later (fuse.js on the first key, the article sanitiser) are listed apart.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { bakeTowns } from '../server/src/site/bake-towns.ts';

const KB = 1024;
export const BUDGETS = { firstElement: 30 * KB, allResident: 60 * KB };
export const CEILINGS = { firstElement: 30 * KB, allResident: 60 * KB };
const RESIDENT = ['kb-search', 'request-form', 'request-status'];

const dir = join(import.meta.dirname, '..', 'dist', 'widgets');
/** The town a one-town server writes into munikit.js (the demo town's values). */
const DEMO_TOWN = [{ id: 'lakeview', defaultLanguage: 'en', languages: ['en', 'fr'] }];
const read = (file: string): Buffer => {
  const bytes = readFileSync(join(dir, file));
  return file === 'munikit.js' ? Buffer.from(bakeTowns(bytes.toString(), DEMO_TOWN)) : bytes;
};
const gz = (file: string) => gzipSync(read(file), { level: 9 }).length;
const br = (file: string) => brotliCompressSync(read(file)).length;
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} kB`;
const sum = (files: Iterable<string>, size: (f: string) => number) => [...files].reduce((s, f) => s + size(f), 0);

const entry = 'munikit.js';
// The map is a JSON text inside a JSON-style string literal (see elementChunkMap).
const quoted = /"\{\\"[\w-]+\\":\[.*?\]\}"/.exec(read(entry).toString())?.[0];
const chunkMap = (quoted ? JSON.parse(JSON.parse(quoted) as string) : {}) as Record<string, string[]>;
if (!RESIDENT.every((name) => chunkMap[name]?.length)) {
  console.error(`munikit.js has no chunk map for ${RESIDENT.join(', ')}: run \`npm run build\` first`);
  process.exit(1);
}

const files = [entry, ...readdirSync(join(dir, 'chunks')).filter((f) => f.endsWith('.js')).map((f) => `chunks/${f}`)];
console.log('file'.padEnd(42), 'raw'.padStart(9), 'gzip'.padStart(9), 'brotli'.padStart(9));
for (const file of files) console.log(file.padEnd(42), kb(read(file).length).padStart(9), kb(gz(file)).padStart(9), kb(br(file)).padStart(9));

console.log('\nA page with only this element downloads before it is ready (gzip / brotli):');
const needs = (name: string) => new Set([entry, ...chunkMap[name]!]);
for (const name of Object.keys(chunkMap)) {
  const set = needs(name);
  console.log(`  ${name.padEnd(16)} ${kb(sum(set, gz)).padStart(9)} ${kb(sum(set, br)).padStart(9)}  (${set.size} files)`);
}
const preloaded = new Set(Object.values(chunkMap).flat());
const later = RESIDENT.flatMap((name) => {
  const source = chunkMap[name]!.map((f) => read(f).toString()).join('\n');
  return [...source.matchAll(/import\(\s*["'`]\.\/([\w.-]+\.js)["'`]\s*\)/g)].map((m) => `chunks/${m[1]}`).filter((f) => !preloaded.has(f));
});
if (later.length) console.log(`  loaded when needed: ${[...new Set(later)].map((f) => `${f.replace(/^chunks\//, '')} ${kb(gz(f))}`).join(', ')}`);

const first = RESIDENT.map((name) => ({ name, bytes: sum(needs(name), gz) })).sort((a, b) => b.bytes - a.bytes)[0]!;
const all = sum(new Set(RESIDENT.flatMap((name) => [...needs(name)])), gz);
const checks = [
  { what: `first element (${first.name}, the heaviest)`, bytes: first.bytes, budget: BUDGETS.firstElement, ceiling: CEILINGS.firstElement },
  { what: 'all resident elements', bytes: all, budget: BUDGETS.allResident, ceiling: CEILINGS.allResident },
];
console.log('\nBudgets (gzip):');
for (const c of checks) {
  const over = c.bytes - c.budget;
  const state = c.bytes > c.ceiling ? 'FAIL' : over > 0 ? 'over' : 'ok  ';
  console.log(
    `  ${state} ${c.what.padEnd(40)} ${kb(c.bytes).padStart(9)} budget ${kb(c.budget)}${over > 0 ? ` (${kb(over)} over)` : ''}, ceiling ${kb(c.ceiling)}`,
  );
}
if (process.argv.includes('--check') && checks.some((c) => c.bytes > c.ceiling)) process.exit(1);
