// Upgrades: a database made by the previous release (its migrations, its code, a town after some use; see
// scripts/make-upgrade-fixture.ts) is migrated forward by this release, on SQLite and on PostgreSQL, and
// everything in it still works: the tracker, staff sign-in, the inbox, the request page, the outbox.
// Migrations are forward-only: a released migration is never edited (checked by its recorded name list).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { copySqliteToPostgres } from '../../src/platform/database/copy-to-postgres.ts';
import { createSqliteDatabase } from '../../src/platform/database/database.ts';
import { createMigrator, migrateToLatest } from '../../src/platform/database/migrate.ts';
import type { Db } from '../../src/platform/database/schema.ts';
import { openPostgresTestDb, TEST_DATABASE_URL, testConfig } from '../support/harness.ts';

/** The previous release: the commit whose code made the fixture. */
const RELEASE = '0d0eaa0';
const ADMIN = { email: 'admin@testville.example', password: 'a long test password' };

let dir: string;
let fixture: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'munikit-upgrade-'));
  fixture = path.join(dir, 'release.sqlite');
  writeFileSync(fixture, gunzipSync(readFileSync(path.join(import.meta.dirname, '../fixtures/upgrade', `release-${RELEASE}.sqlite.gz`))));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function releaseState() {
  const { db } = createSqliteDatabase(fixture);
  try {
    const migrations = (await db.selectFrom('kysely_migration' as never).select('name' as never).orderBy('name' as never).execute()).map((r) => (r as { name: string }).name);
    const requests = await db.selectFrom('requests').select(['reference', 'description', 'status']).orderBy('created_at').execute();
    return { migrations, requests };
  } finally {
    await db.destroy();
  }
}

/** What a town needs after the upgrade, checked through the HTTP API as the widgets and console use it. */
async function checkUpgradedTown(db: Db, before: Awaited<ReturnType<typeof releaseState>>) {
  const app = createApp({ db, config: testConfig({ TRUST_PROXY: '1' }) });
  const after = await db.selectFrom('requests').select(['reference', 'description', 'status']).orderBy('created_at').execute();
  expect(after).toEqual(before.requests);

  // The release's own filing that staff worked (the seed's requests come first).
  const first = before.requests.find((r) => r.description.startsWith('Pothole number 1 '));
  const tracker = await app.request(`/api/v1/towns/testville/requests/${first!.reference}`, { headers: { 'x-forwarded-for': '198.51.100.30' } });
  expect(tracker.status).toBe(200);
  const status = (await tracker.json()) as { status: string; timeline: unknown[] };
  expect(status.status).toBe('in_progress');
  expect(JSON.stringify(status)).toContain('Crew booked for Tuesday.');
  expect(JSON.stringify(status)).not.toContain('Call the contractor first.');

  const login = await app.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const inbox = await app.request('/api/v1/staff/towns/testville/inbox', { headers: { cookie } });
  expect(inbox.status).toBe(200);
  expect(JSON.stringify(await inbox.json())).toContain(first!.reference);
  const detail = await app.request(`/api/v1/staff/towns/testville/requests/${first!.reference}`, { headers: { cookie } });
  expect(detail.status).toBe(200);
  const text = JSON.stringify(await detail.json());
  expect(text).toContain('Ada Reporter');
  expect(text).toContain('Call the contractor first.');

  const search = await app.request('/api/v1/staff/towns/testville/inbox?q=deneigement', { headers: { cookie } });
  expect(search.status).toBe(200);

  // A new filing on the upgraded database.
  const filed = await app.request('/api/v1/towns/testville/requests', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.31' },
    body: JSON.stringify({ serviceCode: 'pothole', description: 'Filed after the upgrade.', location: { text: '1 Lake Road' }, lang: 'en' }),
  });
  expect(filed.status).toBe(201);
}

describe(`upgrade from release ${RELEASE}`, () => {
  it('the fixture was made by the release: its migrations are a prefix of ours, unchanged in name and order', async () => {
    const { migrations } = await releaseState();
    const ours = (await createMigrator(createSqliteDatabase(':memory:').db).then((m) => m.getMigrations())).map((m) => m.name);
    expect(migrations.length).toBeGreaterThan(5);
    expect(ours.slice(0, migrations.length)).toEqual(migrations);
  });

  it('on SQLite: migrates forward and the town works', async () => {
    const before = await releaseState();
    const copy = path.join(dir, 'sqlite-upgrade.sqlite');
    writeFileSync(copy, readFileSync(fixture));
    const { db } = createSqliteDatabase(copy);
    try {
      await migrateToLatest(db);
      await checkUpgradedTown(db, before);
    } finally {
      await db.destroy();
    }
  });

  it.skipIf(!TEST_DATABASE_URL)('on PostgreSQL: the release schema with the same data migrates forward and the town works', async () => {
    const before = await releaseState();
    const pg = await openPostgresTestDb(TEST_DATABASE_URL!);
    const { db: source } = createSqliteDatabase(fixture);
    try {
      // The schema as the release left it (its migrations, on PostgreSQL), holding the release's data.
      const { error } = await (await createMigrator(pg.db)).migrateTo(before.migrations.at(-1)!);
      expect(error).toBeUndefined();
      await copySqliteToPostgres(source, pg.db);
      await migrateToLatest(pg.db);
      await checkUpgradedTown(pg.db, before);
    } finally {
      await source.destroy();
      await pg.cleanup();
    }
  });
});
