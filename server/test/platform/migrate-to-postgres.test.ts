// `npm run admin -- migrate-to-postgres`: a town on the embedded SQLite database (the demo town, filed
// requests, a photo file) moves into an empty PostgreSQL database with every row and the photo's bytes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdmin } from '../../src/cli/admin.ts';
import { userTables } from '../../src/platform/backup/sqlite-backup.ts';
import { createPostgresDatabase, createSqliteDatabase } from '../../src/platform/database/database.ts';
import { migrateToLatest } from '../../src/platform/database/migrate.ts';
import { databasePhotoStorage, filePhotoStorage } from '../../src/requests/photos/bytes.ts';
import { seedDemoTown } from '../../src/seed/seed.ts';
import { TEST_DATABASE_URL } from '../support/harness.ts';
import { DatabaseSync } from 'node:sqlite';

const PHOTO = { id: 'photo-move-test-00001', townId: 'lakeview', contentType: 'image/jpeg', bytes: 4, width: 1, height: 1, sha256: 'x', createdAt: '2026-12-01T10:00:00.000Z' };
const schema = `move_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
let dataDir: string;

async function admin(args: string[]) {
  const lines = { out: [] as string[], err: [] as string[] };
  const status = await runAdmin(args, {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', ADMIN_EMAIL: '', ADMIN_PASSWORD: '' },
    out: { log: (l) => lines.out.push(l), error: (l) => lines.err.push(l) },
  });
  return { status, out: lines.out.join('\n'), err: lines.err.join('\n') };
}

describe.skipIf(!TEST_DATABASE_URL)('migrate-to-postgres', () => {
  const target = () => {
    const url = new URL(TEST_DATABASE_URL!);
    url.searchParams.set('options', `-c search_path=${schema}`);
    return url.toString();
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'munikit-move-'));
    const { db } = createSqliteDatabase(path.join(dataDir, 'munikit.sqlite'));
    await migrateToLatest(db);
    await seedDemoTown(db);
    await filePhotoStorage(db, path.join(dataDir, 'uploads')).save(PHOTO, Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
    await db.destroy();
    const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await c.connect();
    await c.query(`CREATE SCHEMA ${schema}`);
    await c.end();
  });

  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.end();
  });

  it('copies every row and the photo bytes into an empty database, and refuses to copy twice', async () => {
    const moved = await admin(['migrate-to-postgres', '--to', target()]);
    expect(moved.err).toBe('');
    expect(moved.status).toBe(0);
    expect(moved.out).toMatch(/1 photo file/);

    const sqlite = new DatabaseSync(path.join(dataDir, 'munikit.sqlite'), { readOnly: true });
    const { db } = createPostgresDatabase(target());
    try {
      // upload_bytes is empty on SQLite (photos are files there) and holds the photo on PostgreSQL.
      for (const table of userTables(sqlite).filter((t) => !t.startsWith('kysely_') && t !== 'upload_bytes')) {
        const want = Number((sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n);
        const got = await db.selectFrom(table as never).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
        expect(Number(got.n), table).toBe(want);
      }
      expect(await databasePhotoStorage(db).read(PHOTO.id)).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xd9]));

      const again = await admin(['migrate-to-postgres', '--to', target()]);
      expect(again.status).toBe(2);
      expect(again.err).toMatch(/not empty/);
    } finally {
      sqlite.close();
      await db.destroy();
    }
  });
});
