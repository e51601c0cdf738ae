// Where a photo's bytes live: one small interface, two implementations chosen from the configuration.
// - PostgreSQL (DATABASE_URL set): in the upload_bytes table, written in the same transaction as the
//   uploads row, so every server instance sees every photo.
// - SQLite: one file per photo under DATA_DIR/uploads/, written to a temporary file, fsynced and
//   renamed into place before the uploads row is inserted (so a row always has its file).
// save() resolves only once both the row and the bytes are durable.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/database/schema.ts';
import { insertUpload, type UploadRow } from './store.ts';

export interface PhotoStorage {
  /** Inserts the uploads row and stores its bytes, durably, before resolving. */
  save(row: UploadRow, data: Buffer): Promise<void>;
  /** The bytes of an upload, or undefined when they are gone. */
  read(id: string): Promise<Buffer | undefined>;
  /** Forgets the bytes of uploads whose rows were just deleted. */
  removeBytes(ids: readonly string[]): Promise<void>;
}

/** Ids are base64url (see routes.ts); anything else never reaches the file system. */
const SAFE_ID = /^[A-Za-z0-9_-]{16,64}$/;

export function createPhotoStorage(config: Pick<Config, 'databaseUrl' | 'dataDir'>, db: Db): PhotoStorage {
  return config.databaseUrl ? databasePhotoStorage(db) : filePhotoStorage(db, path.join(config.dataDir, 'uploads'));
}

export function databasePhotoStorage(db: Db): PhotoStorage {
  return {
    async save(row, data) {
      await db.transaction().execute(async (trx) => {
        await insertUpload(trx, row);
        await trx.insertInto('upload_bytes').values({ upload_id: row.id, data }).execute();
      });
    },
    async read(id) {
      const row = await db.selectFrom('upload_bytes').select('data').where('upload_id', '=', id).executeTakeFirst();
      return row ? Buffer.from(row.data) : undefined;
    },
    async removeBytes() {
      // ON DELETE CASCADE removed them with the uploads rows.
    },
  };
}

export function filePhotoStorage(db: Db, dir: string): PhotoStorage {
  const fileOf = (id: string) => {
    if (!SAFE_ID.test(id)) throw new Error('invalid upload id');
    return path.join(dir, id);
  };
  let ready: Promise<void> | undefined;
  const ensureDir = () => (ready ??= fs.mkdir(dir, { recursive: true, mode: 0o700 }).then(() => undefined));

  return {
    async save(row, data) {
      await ensureDir();
      const target = fileOf(row.id);
      const temp = path.join(dir, `.tmp-${row.id}-${randomBytes(6).toString('hex')}`);
      const handle = await fs.open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        await fs.rename(temp, target);
        await syncDir(dir);
        await insertUpload(db, row);
      } catch (err) {
        await fs.rm(temp, { force: true });
        await fs.rm(target, { force: true });
        throw err;
      }
    },
    async read(id) {
      try {
        return await fs.readFile(fileOf(id));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
    async removeBytes(ids) {
      for (const id of ids) await fs.rm(fileOf(id), { force: true });
    },
  };
}

/** Makes a rename durable: fsync the directory that holds the new name (a no-op where unsupported). */
async function syncDir(dir: string) {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL') throw err;
  } finally {
    await handle?.close();
  }
}
