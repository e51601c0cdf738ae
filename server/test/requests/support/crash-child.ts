// A MuniKit server process for the crash-durability test: serves the app on a free port over an
// existing, migrated database and prints `PORT <n>`; the test then kills it with SIGKILL.
// Usage: node --experimental-strip-types crash-child.ts sqlite <file> | postgres <url> <schema>
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../../src/app.ts';
import { loadConfig } from '../../../src/platform/config.ts';
import { createPostgresDatabase, createSqliteDatabase } from '../../../src/platform/database/database.ts';

const [kind, target, schema] = process.argv.slice(2);
if (!target || (kind !== 'sqlite' && kind !== 'postgres') || (kind === 'postgres' && !schema)) {
  console.error('usage: crash-child.ts sqlite <file> | postgres <url> <schema>');
  process.exit(2);
}
const { db } =
  kind === 'sqlite' ? createSqliteDatabase(target) : createPostgresDatabase(target, { options: `-c search_path=${schema}`, max: 5 });
const config = loadConfig({ COOKIE_SECURE: 'false', SEED_DEMO: 'false', LOG_LEVEL: 'silent', TRUST_PROXY: '1', DATA_DIR: '/tmp/munikit-unused' });
const server = serve({ fetch: createApp({ db, config }).fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
  console.log(`PORT ${info.port}`);
});
server.on('error', (err) => {
  console.error(err);
  process.exit(1);
});
