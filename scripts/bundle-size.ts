// `npm run size`: what a town's page downloads for each element, gzipped (a benchmark: it prints
// figures and asserts nothing). Run `npm run build` first.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = join(import.meta.dirname, '..', 'dist', 'widgets');
const read = (file: string) => readFileSync(join(dir, file));
const gz = (file: string) => gzipSync(read(file), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** A chunk and every chunk it imports statically, once each. */
function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const [, dep] of read(file).toString().matchAll(/from\s*["'`]\.\/([\w.-]+\.js)["'`]/g)) closure(`chunks/${dep}`, seen);
  return seen;
}

const entry = 'munikit.js';
console.log('file'.padEnd(40), 'raw'.padStart(10), 'gzip'.padStart(10));
for (const file of [entry, ...readdirSync(join(dir, 'chunks')).map((f) => `chunks/${f}`)]) {
  console.log(file.padEnd(40), kb(read(file).length).padStart(10), kb(gz(file)).padStart(10));
}

console.log('\nA page with only this element downloads (gzip):');
for (const [, tag, chunk] of read(entry).toString().matchAll(/"(muni-[\w-]+)":\(\)=>import\(`\.\/(chunks\/[\w.-]+\.js)`\)/g)) {
  const files = [entry, ...closure(chunk!)];
  console.log(`  <${tag}>`.padEnd(26), kb(files.reduce((sum, f) => sum + gz(f), 0)).padStart(9), ` (${files.length} files)`);
}
