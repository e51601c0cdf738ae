// Backups of the embedded SQLite database and its uploaded photos (`npm run admin -- backup | restore`).
// A backup is a folder: munikit.sqlite (made by VACUUM INTO, a consistent snapshot taken while the
// server keeps running), uploads/ (the photo files), and manifest.json (what is in it, to check a restore).
// PostgreSQL has its own tools (pg_dump / pg_restore, see docs/operating.md); photos live in the database there.
import fs from 'node:fs/promises';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { dataTables, SQLITE_TABLES } from '../database/sqlite-tables.ts';

export const BACKUP_FORMAT = 'munikit-sqlite-backup-1';
const DB_FILE = 'munikit.sqlite';
const MANIFEST = 'manifest.json';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  /** Migrations applied in the copied database (a restore onto a newer release migrates forward). */
  migrations: string[];
  /** Rows per table, counted in the copy. */
  tables: Record<string, number>;
  uploads: number;
}

export class BackupError extends Error {}

const sqliteFile = (dataDir: string) => path.join(dataDir, DB_FILE);
const uploadsDir = (dir: string) => path.join(dir, 'uploads');

/** The user tables of an open database (see dataTables). */
export function userTables(db: DatabaseSync): string[] {
  return dataTables(db.prepare(SQLITE_TABLES).all() as { name: string; sql: string }[]);
}

function describe(file: string): Pick<BackupManifest, 'migrations' | 'tables'> {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const check = db.prepare('PRAGMA integrity_check').get() as { integrity_check: string };
    if (check.integrity_check !== 'ok') throw new BackupError(`${file} failed SQLite's integrity check: ${check.integrity_check}`);
    const tables: Record<string, number> = {};
    for (const name of userTables(db)) {
      tables[name] = Number((db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n);
    }
    const migrations = tables.kysely_migration === undefined
      ? []
      : (db.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]).map((r) => r.name);
    return { migrations, tables };
  } finally {
    db.close();
  }
}

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    return (await fs.readdir(dir)).length === 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw err;
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/** Copies the photo files (not the half-written temporaries) and returns how many. */
async function copyUploads(from: string, to: string): Promise<number> {
  let names: string[];
  try {
    names = await fs.readdir(from);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw err;
  }
  await fs.mkdir(to, { recursive: true, mode: 0o700 });
  let copied = 0;
  for (const name of names) {
    if (name.startsWith('.tmp-')) continue;
    await fs.copyFile(path.join(from, name), path.join(to, name));
    copied++;
  }
  return copied;
}

/**
 * Writes a consistent copy of `<dataDir>/munikit.sqlite` and its uploads into `to` (a new or empty folder)
 * while the server keeps running: VACUUM INTO reads one snapshot, and photo files are copied after it,
 * so every photo row in the copy has its file (a photo's file is written before its row).
 */
export async function backupSqlite(dataDir: string, to: string, now: Date = new Date()): Promise<BackupManifest> {
  const source = sqliteFile(dataDir);
  if (!(await exists(source))) throw new BackupError(`there is no database at ${source} (check DATA_DIR)`);
  if (!(await isEmptyOrMissing(to))) throw new BackupError(`${to} is not empty: choose a new folder for the backup`);
  await fs.mkdir(to, { recursive: true, mode: 0o700 });

  const target = path.join(to, DB_FILE);
  const db = new DatabaseSync(source);
  try {
    db.exec('PRAGMA busy_timeout = 10000');
    db.prepare('VACUUM INTO ?').run(target);
  } finally {
    db.close();
  }
  const uploads = await copyUploads(uploadsDir(dataDir), uploadsDir(to));
  const manifest: BackupManifest = { format: BACKUP_FORMAT, createdAt: now.toISOString(), ...describe(target), uploads };
  await fs.writeFile(path.join(to, MANIFEST), JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });
  return manifest;
}

export async function readManifest(from: string): Promise<BackupManifest> {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(await fs.readFile(path.join(from, MANIFEST), 'utf8')) as BackupManifest;
  } catch {
    throw new BackupError(`${from} is not a MuniKit backup (no readable ${MANIFEST})`);
  }
  if (manifest.format !== BACKUP_FORMAT) throw new BackupError(`${from} has an unknown backup format "${String(manifest.format)}"`);
  return manifest;
}

/**
 * Puts a backup back into `dataDir`. The server must be stopped. What was there is moved aside into
 * `<dataDir>/before-restore-<time>/` (nothing is deleted), and only with `replace`; the copy is checked
 * against its manifest before anything is moved. Migrations run afterwards (at the next start or by the CLI).
 */
export async function restoreSqlite(
  from: string,
  dataDir: string,
  opts: { replace?: boolean; now?: Date } = {},
): Promise<{ manifest: BackupManifest; movedAside?: string }> {
  const manifest = await readManifest(from);
  const copy = path.join(from, DB_FILE);
  const found = describe(copy);
  for (const [table, rows] of Object.entries(manifest.tables)) {
    if (found.tables[table] !== rows) throw new BackupError(`the backup's ${table} holds ${found.tables[table] ?? 0} rows, its manifest says ${rows}`);
  }

  const target = sqliteFile(dataDir);
  await fs.mkdir(dataDir, { recursive: true });
  let movedAside: string | undefined;
  const current = [target, `${target}-wal`, `${target}-shm`, uploadsDir(dataDir)];
  const present = (await Promise.all(current.map(exists))).some(Boolean);
  if (present) {
    if (!opts.replace) throw new BackupError(`${dataDir} already holds a database: stop the server and add --replace (the current files are kept aside)`);
    const stamp = (opts.now ?? new Date()).toISOString().replaceAll(':', '-').replace(/\..*$/, '');
    movedAside = path.join(dataDir, `before-restore-${stamp}`);
    await fs.mkdir(movedAside, { recursive: true, mode: 0o700 });
    for (const file of current) {
      if (await exists(file)) await fs.rename(file, path.join(movedAside, path.basename(file)));
    }
  }
  await fs.copyFile(copy, target);
  await copyUploads(uploadsDir(from), uploadsDir(dataDir));
  return { manifest, movedAside };
}
