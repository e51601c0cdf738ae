// `npm run admin -- erase-expired`: the operator's way to run the retention job now, on the server's
// own SQLite database and photo files.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runAdmin } from '../../src/cli/admin.ts';
import { createSqliteDatabase } from '../../src/platform/database/database.ts';
import { migrateToLatest } from '../../src/platform/database/migrate.ts';
import { filePhotoStorage } from '../../src/requests/photos/bytes.ts';
import { seedTown } from '../../src/seed/seed.ts';
import { testTown } from '../support/test-town.ts';
import { fileWithData } from './support.ts';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'munikit-erase-cli-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

async function admin(args: string[]) {
  const lines: string[] = [];
  const status = await runAdmin(args, {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', ADMIN_EMAIL: '', ADMIN_PASSWORD: '' },
    out: { log: (l) => lines.push(l), error: (l) => lines.push(l) },
  });
  return { status, out: lines.join('\n') };
}

it('erases what is past the retention period and says what it did; a second run finds nothing', async () => {
  const { db } = createSqliteDatabase(path.join(dataDir, 'munikit.sqlite'));
  const storage = filePhotoStorage(db, path.join(dataDir, 'uploads'));
  let old;
  try {
    await migrateToLatest(db);
    await seedTown(db, testTown);
    old = await fileWithData(db, storage, { closedAt: '2024-02-01T00:00:00.000Z', subscriber: 'pat@example.org' });
    await fileWithData(db, storage, { closedAt: '2025-06-01T00:00:00.000Z' });
  } finally {
    await db.destroy();
  }
  const first = await admin(['erase-expired', '--now', '2025-09-01T00:00:00Z']);
  expect(first.status).toBe(0);
  expect(first.out).toBe('testville: closed before 2024-09-01T00:00:00.000Z (12 months): 1 request(s), 1 contact detail(s), 1 photo(s), 1 subscription(s) erased');
  expect(first.out).not.toContain('pat@example.org');
  const again = await admin(['erase-expired', '--now', '2025-09-01T00:00:00Z']);
  expect(again.out).toContain('Nothing to erase');
  const bad = await admin(['erase-expired', '--now', 'yesterday']);
  expect(bad.status).toBe(2);

  const check = createSqliteDatabase(path.join(dataDir, 'munikit.sqlite')).db;
  try {
    expect(await filePhotoStorage(check, path.join(dataDir, 'uploads')).read(old.photoId)).toBeUndefined();
    expect((await check.selectFrom('request_contacts').select('email').where('request_id', '=', old.id).executeTakeFirstOrThrow()).email).toBeNull();
  } finally {
    await check.destroy();
  }
});
