// `npm run admin -- backup | restore` on the embedded SQLite database: a populated town (the demo town,
// filed requests and a photo) is backed up while a connection keeps writing, changed, and restored; every
// table then holds exactly what it held when the backup was taken, and the photo file is back.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAdmin } from '../../src/cli/admin.ts';
import { userTables } from '../../src/platform/backup/sqlite-backup.ts';
import { createSqliteDatabase } from '../../src/platform/database/database.ts';
import { migrateToLatest } from '../../src/platform/database/migrate.ts';
import { filePhotoStorage } from '../../src/requests/photos/bytes.ts';
import { seedDemoTown } from '../../src/seed/seed.ts';

let root: string;
let dataDir: string;

async function admin(args: string[]) {
  const lines = { out: [] as string[], err: [] as string[] };
  const status = await runAdmin(args, {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', ADMIN_EMAIL: '', ADMIN_PASSWORD: '' },
    out: { log: (l) => lines.out.push(l), error: (l) => lines.err.push(l) },
  });
  return { status, out: lines.out.join('\n'), err: lines.err.join('\n') };
}

/** Every row of every table, in a stable order: what "the same database" means here. */
function snapshot(file: string): Record<string, unknown[]> {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const all: Record<string, unknown[]> = {};
    for (const table of userTables(db)) all[table] = db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all();
    return all;
  } finally {
    db.close();
  }
}

const PHOTO = { id: 'photo-backup-test-0001', townId: 'lakeview', contentType: 'image/jpeg', bytes: 4, width: 1, height: 1, sha256: 'x', createdAt: '2026-12-01T10:00:00.000Z' };

beforeEach(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'munikit-backup-'));
  dataDir = path.join(root, 'data');
  const { db } = createSqliteDatabase(path.join(dataDir, 'munikit.sqlite'));
  await migrateToLatest(db);
  await seedDemoTown(db);
  await filePhotoStorage(db, path.join(dataDir, 'uploads')).save(PHOTO, Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
  await db.destroy();
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('backup and restore (SQLite)', () => {
  it('round-trips a populated town: every table and the photo files come back as they were', async () => {
    const live = path.join(dataDir, 'munikit.sqlite');
    // The server keeps its connection open (WAL, a write not yet checkpointed) while the backup runs.
    const server = new DatabaseSync(live);
    server.exec("UPDATE towns SET name_en = name_en || '' WHERE id = 'lakeview'");
    const before = snapshot(live);
    expect(Object.keys(before).length).toBeGreaterThan(20);
    expect(before.requests!.length).toBeGreaterThan(0);
    expect(before.kb_articles!.length).toBeGreaterThan(0);

    const to = path.join(root, 'backup-1');
    const made = await admin(['backup', '--to', to]);
    expect(made.err).toBe('');
    expect(made.status).toBe(0);
    expect(made.out).toMatch(/1 photo file/);
    const manifest = JSON.parse(readFileSync(path.join(to, 'manifest.json'), 'utf8')) as { tables: Record<string, number> };
    expect(manifest.tables.requests).toBe(before.requests!.length);

    // Life goes on after the backup: a request disappears, a town is renamed, the photo is lost.
    server.exec('PRAGMA foreign_keys = OFF');
    server.exec('DELETE FROM request_events');
    server.exec("UPDATE towns SET name_en = 'Renamed' WHERE id = 'lakeview'");
    server.close();
    rmSync(path.join(dataDir, 'uploads', PHOTO.id));

    const refused = await admin(['restore', '--from', to]);
    expect(refused.status).toBe(2);
    expect(refused.err).toMatch(/--replace/);

    const restored = await admin(['restore', '--from', to, '--replace']);
    expect(restored.err).toBe('');
    expect(restored.status).toBe(0);
    expect(snapshot(live)).toEqual(before);
    expect(readFileSync(path.join(dataDir, 'uploads', PHOTO.id))).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
    // Nothing was deleted: what was there before the restore is kept aside.
    const aside = readdirSync(dataDir).find((n) => n.startsWith('before-restore-'));
    expect(aside).toBeDefined();
    expect(readdirSync(path.join(dataDir, aside!))).toContain('munikit.sqlite');
  });

  it('refuses a folder that is not empty, a missing database and a folder that is not a backup', async () => {
    const full = path.join(root, 'full');
    await admin(['backup', '--to', full]);
    const again = await admin(['backup', '--to', full]);
    expect(again.status).toBe(2);
    expect(again.err).toMatch(/not empty/);

    await admin(['backup', '--to', path.join(root, 'x')]);
    writeFileSync(path.join(root, 'x', 'manifest.json'), '{"format":"something-else"}');
    const wrong = await admin(['restore', '--from', path.join(root, 'x'), '--replace']);
    expect(wrong.status).toBe(2);
    expect(wrong.err).toMatch(/unknown backup format/);

    dataDir = path.join(root, 'empty');
    const missing = await admin(['backup', '--to', path.join(root, 'y')]);
    expect(missing.status).toBe(2);
    expect(missing.err).toMatch(/no database/);
  });

  it('refuses on PostgreSQL and points to pg_dump', async () => {
    const lines: string[] = [];
    const status = await runAdmin(['backup', '--to', path.join(root, 'z')], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' },
      out: { log: () => {}, error: (l) => lines.push(l) },
    });
    expect(status).toBe(2);
    expect(lines.join('\n')).toMatch(/pg_dump/);
  });
});
