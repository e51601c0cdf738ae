// The server's SQLite connection (platform/database/sqlite-durable.ts): a write is answered only after
// an fsync of the WAL that started after it committed; reads and statements inside a transaction wait
// for none; flushes asked for during one in flight share the next.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite, sqliteAdapter } from '../../src/platform/database/node-sqlite-adapter.ts';
import { durableSqliteDialect, fileFlusher } from '../../src/platform/database/sqlite-durable.ts';

interface T {
  item: { id: string };
}

let dir: string;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munikit-durable-'));
  file = path.join(dir, 'db.sqlite');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A flusher that records what was committed (seen by another connection) when each flush ran. */
function open() {
  const raw = openSqlite(file);
  const real = fileFlusher(`${file}-wal`);
  const flushes: string[][] = [];
  let release: (() => void) | undefined;
  let hold = false;
  const flusher = {
    async flush() {
      if (hold) await new Promise<void>((r) => (release = r));
      const other = new DatabaseSync(file);
      try {
        flushes.push((other.prepare('SELECT id FROM item ORDER BY id').all() as { id: string }[]).map((r) => r.id));
      } finally {
        other.close();
      }
      await real.flush();
    },
    close: real.close,
  };
  const db = new Kysely<T>({ dialect: durableSqliteDialect(raw, sqliteAdapter(raw), file, flusher) });
  return { raw, db, flushes, holdFlushes: (on: boolean) => (hold = on), release: () => release?.() };
}

describe('durable SQLite commits', () => {
  it('runs with synchronous=NORMAL and flushes after an autocommit write, not after a read', async () => {
    const { raw, db, flushes } = open();
    try {
      await sql`CREATE TABLE item (id TEXT PRIMARY KEY)`.execute(db);
      expect((raw.prepare('PRAGMA synchronous').get() as { synchronous: number }).synchronous).toBe(1);
      const before = flushes.length;
      await db.insertInto('item').values({ id: 'a' }).execute();
      expect(flushes.slice(before)).toEqual([['a']]);
      await db.selectFrom('item').selectAll().execute();
      expect(flushes.length).toBe(before + 1);
    } finally {
      await db.destroy();
    }
  });

  it('flushes a transaction once, after its COMMIT, and answers only after that flush', async () => {
    const { db, flushes, holdFlushes, release } = open();
    try {
      await sql`CREATE TABLE item (id TEXT PRIMARY KEY)`.execute(db);
      const before = flushes.length;
      holdFlushes(true);
      let done = false;
      const trx = db
        .transaction()
        .execute(async (t) => {
          await t.insertInto('item').values({ id: 'b' }).execute();
          await t.insertInto('item').values({ id: 'c' }).execute();
        })
        .then(() => (done = true));
      await new Promise((r) => setTimeout(r, 50));
      expect(done).toBe(false); // committed, but not yet flushed: not answered
      release();
      await trx;
      expect(flushes.slice(before)).toEqual([['b', 'c']]);
    } finally {
      await db.destroy();
    }
  });

  it('coalesces: asks made while a flush runs share one later flush', async () => {
    fs.writeFileSync(file, 'x');
    const flusher = fileFlusher(file);
    try {
      const first = flusher.flush();
      const second = flusher.flush();
      const third = flusher.flush();
      expect(second).toBe(third);
      expect(second).not.toBe(first);
      await Promise.all([first, second, third]);
    } finally {
      flusher.close();
    }
  });
});
