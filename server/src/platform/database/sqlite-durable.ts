// The server's SQLite connection: durable commits that do not stop the event loop for the disk.
//
// With `synchronous=FULL`, SQLite writes a commit's WAL frames and then fsyncs the WAL inside the
// COMMIT statement. node:sqlite is synchronous, so that fsync (milliseconds on a busy disk) held the
// whole process: no request was parsed, no read answered, while the disk flushed. Here the connection
// runs with `synchronous=NORMAL` (the COMMIT writes the frames to the OS and returns) and every write
// that ends outside a transaction (a COMMIT, or a statement in autocommit) then waits for an fsync of
// the WAL file on libuv's thread pool before its promise resolves. A caller therefore hears "done"
// only once its frames are on disk, as with FULL, while the event loop keeps serving others; writes
// that end during one flush share the next (a natural group commit). Checkpoints keep NORMAL's own
// syncs (WAL before copying, database after). One difference from FULL: for the length of the flush,
// other queries in this process can already read the committed rows; no writer is answered before
// its flush, and a later write's flush covers the earlier frames (the WAL is written in order).
import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type {
  CompiledQuery} from 'kysely';
import {
  SelectQueryNode,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type SqliteDatabase,
} from 'kysely';

/**
 * fsync of one file, coalesced: a caller waits for a flush that started after it asked (one in flight
 * plus at most one queued, shared by everyone who asked meanwhile).
 */
export function fileFlusher(file: string): { flush(): Promise<void>; close(): void } {
  let fd: number | undefined;
  let inFlight: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  const run = (): Promise<void> => {
    const p = (async () => {
      if (fd === undefined) {
        fd = await new Promise<number>((resolve, reject) => fs.open(file, 'r+', (err, d) => (err ? reject(err) : resolve(d))));
        // The file's directory entry, once (SQLite does the same for a journal it creates).
        const dir = await fs.promises.open(path.dirname(file), 'r');
        try {
          await dir.sync();
        } finally {
          await dir.close();
        }
      }
      await new Promise<void>((resolve, reject) => fs.fsync(fd!, (err) => (err ? reject(err) : resolve())));
    })();
    inFlight = p.finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
  return {
    flush() {
      if (!inFlight) return run();
      if (!queued) {
        const after = inFlight.catch(() => undefined);
        queued = after.then(() => {
          queued = undefined;
          return inFlight ?? run();
        });
      }
      return queued;
    },
    close() {
      if (fd !== undefined) fs.closeSync(fd);
      fd = undefined;
    },
  };
}

const READ_ONLY = /^\s*(select|explain|begin|savepoint)\b/i;

/** Could this statement have written? (A read-only statement needs no flush.) */
function mayWrite(q: CompiledQuery): boolean {
  if (SelectQueryNode.is(q.query)) return false;
  return !READ_ONLY.test(q.sql);
}

class DurableConnection implements DatabaseConnection {
  readonly #db: SqliteDatabase;
  readonly #raw: DatabaseSync;
  readonly #flush: () => Promise<void>;

  constructor(db: SqliteDatabase, raw: DatabaseSync, flush: () => Promise<void>) {
    this.#db = db;
    this.#raw = raw;
    this.#flush = flush;
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const { sql, parameters } = compiled;
    const stmt = this.#db.prepare(sql);
    let result: QueryResult<R>;
    if (stmt.reader) {
      result = { rows: stmt.all(parameters) as R[] };
    } else {
      const { changes, lastInsertRowid } = stmt.run(parameters);
      result = {
        insertId: lastInsertRowid != null ? BigInt(lastInsertRowid) : undefined,
        numAffectedRows: changes != null ? BigInt(changes) : undefined,
        rows: [],
      };
    }
    // Committed (a COMMIT, or an autocommit write): answer once the WAL is on disk.
    if (!this.#raw.isTransaction && mayWrite(compiled)) await this.#flush();
    return result;
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not used with SQLite here');
  }
}

class DurableSqliteDriver extends SqliteDriver implements Driver {
  readonly #connection: DurableConnection;
  readonly #close: () => void;

  constructor(db: SqliteDatabase, raw: DatabaseSync, flusher: { flush(): Promise<void>; close(): void }) {
    super({ database: db });
    this.#connection = new DurableConnection(db, raw, flusher.flush);
    this.#close = flusher.close;
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    return this.#connection;
  }

  override async destroy(): Promise<void> {
    await super.destroy();
    this.#close();
  }
}

/**
 * Kysely's SqliteDialect over `db` (an adapter of `raw`, opened on `filename` in WAL mode), with
 * commits made durable by an fsync of the WAL off the event loop. Sets `synchronous=NORMAL` on `raw`.
 * An in-memory database has nothing to flush: plain SqliteDialect.
 */
export function durableSqliteDialect(
  raw: DatabaseSync,
  db: SqliteDatabase,
  filename: string,
  flusher: { flush(): Promise<void>; close(): void } = fileFlusher(`${path.resolve(filename)}-wal`),
): SqliteDialect {
  if (filename === ':memory:' || filename === '') return new SqliteDialect({ database: db });
  raw.exec('PRAGMA synchronous = NORMAL');
  return new (class extends SqliteDialect {
    override createDriver(): Driver {
      return new DurableSqliteDriver(db, raw, flusher);
    }
  })({ database: db });
}
