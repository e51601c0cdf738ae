// Group commit (platform/database/group-commit.ts) on SQLite: concurrent transaction callbacks share
// one COMMIT, each stays atomic, a failing one does not sink the others, and nobody is answered before
// the COMMIT (another connection already sees the rows when a promise resolves).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Kysely, sql, SqliteDialect, type Transaction } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inTransaction, MAX_GROUP_SIZE } from '../../src/platform/database/group-commit.ts';
import { openSqlite, sqliteAdapter } from '../../src/platform/database/node-sqlite-adapter.ts';
import { openPostgresTestDb, TEST_DATABASE_URL } from '../support/harness.ts';

interface T {
  parent: { id: string };
  child: { id: string; parent_id: string };
}

let dir: string;
let file: string;
let db: Kysely<T>;
let commits: number;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munikit-group-commit-'));
  file = path.join(dir, 'db.sqlite');
  const adapter = sqliteAdapter(openSqlite(file));
  commits = 0;
  const prepare = adapter.prepare.bind(adapter);
  adapter.prepare = (sql: string) => {
    if (/^commit$/i.test(sql.trim())) commits++;
    return prepare(sql);
  };
  db = new Kysely<T>({ dialect: new SqliteDialect({ database: adapter }) });
  await sql`CREATE TABLE parent (id TEXT PRIMARY KEY)`.execute(db);
  // Deferred: checked at COMMIT, which lets a test make the COMMIT itself fail.
  await sql`CREATE TABLE child (id TEXT PRIMARY KEY, parent_id TEXT NOT NULL REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)`.execute(db);
  commits = 0;
});

afterEach(async () => {
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

const file2 = (id: string) => async (trx: Transaction<T>) => {
  await trx.insertInto('parent').values({ id }).execute();
  await trx.insertInto('child').values({ id: `${id}-child`, parent_id: id }).execute();
  return id;
};

/** What another connection sees: committed rows only. */
function committed(): { parents: string[]; children: string[] } {
  const other = new DatabaseSync(file);
  try {
    return {
      parents: (other.prepare('SELECT id FROM parent ORDER BY id').all() as { id: string }[]).map((r) => r.id),
      children: (other.prepare('SELECT id FROM child ORDER BY id').all() as { id: string }[]).map((r) => r.id),
    };
  } finally {
    other.close();
  }
}

describe('group commit on SQLite', () => {
  it('runs concurrent callbacks in one COMMIT and answers each with its own result', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `p${String(i).padStart(2, '0')}`);
    const results = await Promise.all(ids.map((id) => inTransaction(db, file2(id))));
    expect(results).toEqual(ids);
    expect(committed().parents).toEqual(ids);
    // The first starts alone (nobody waits for company); the others arrived meanwhile and share one.
    expect(commits).toBeLessThanOrEqual(2);
  });

  it('commits a lone callback at once, in its own transaction', async () => {
    expect(await inTransaction(db, file2('solo'))).toBe('solo');
    expect(commits).toBe(1);
    expect(committed().parents).toEqual(['solo']);
  });

  it('rolls back a failing callback entirely and keeps the others of its group', async () => {
    const failing = async (trx: Transaction<T>) => {
      await trx.insertInto('parent').values({ id: 'bad' }).execute();
      await trx.insertInto('child').values({ id: 'bad-child', parent_id: 'bad' }).execute();
      throw new Error('refused after two inserts');
    };
    const duplicate = async (trx: Transaction<T>) => {
      await trx.insertInto('parent').values({ id: 'dup-first' }).execute();
      await trx.insertInto('parent').values({ id: 'a' }).execute(); // 'a' was inserted earlier in the same group
    };
    const settled = await Promise.allSettled([
      inTransaction(db, file2('a')),
      inTransaction(db, failing),
      inTransaction(db, file2('b')),
      inTransaction(db, duplicate),
      inTransaction(db, file2('c')),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect(String((settled[1] as PromiseRejectedResult).reason)).toContain('refused after two inserts');
    expect(String((settled[3] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
    expect(committed()).toEqual({ parents: ['a', 'b', 'c'], children: ['a-child', 'b-child', 'c-child'] });
  });

  it('settles nothing before the COMMIT: each result is already visible to another connection', async () => {
    const seen: string[][] = [];
    await Promise.all(
      ['x', 'y', 'z'].map((id) => inTransaction(db, file2(id)).then(() => seen.push(committed().parents))),
    );
    for (const parents of seen) expect(parents).toEqual(['x', 'y', 'z']);
  });

  it('rejects every member of a group whose COMMIT fails, and stores none of them', async () => {
    const breaksCommit = async (trx: Transaction<T>) => {
      // A deferred foreign key: every statement succeeds, the COMMIT refuses.
      await trx.insertInto('child').values({ id: 'orphan', parent_id: 'nobody' }).execute();
    };
    await inTransaction(db, file2('before'));
    // Queued together: one group, one COMMIT.
    const settled = await Promise.allSettled([inTransaction(db, file2('m')), inTransaction(db, breaksCommit), inTransaction(db, file2('n'))]);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(String((settled[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(committed()).toEqual({ parents: ['before'], children: ['before-child'] });
    // The connection is usable afterwards.
    await expect(inTransaction(db, file2('after'))).resolves.toBe('after');
    expect(committed().parents).toEqual(['after', 'before']);
  });

  it(`puts at most ${MAX_GROUP_SIZE} callbacks in one COMMIT`, async () => {
    const n = MAX_GROUP_SIZE * 2 + 5;
    await Promise.all(Array.from({ length: n }, (_, i) => inTransaction(db, file2(`q${i}`))));
    expect(committed().parents).toHaveLength(n);
    expect(commits).toBeGreaterThanOrEqual(Math.ceil(n / MAX_GROUP_SIZE));
  });

  it('inside a transaction, runs the callback in that transaction', async () => {
    await db.transaction().execute(async (trx) => {
      await inTransaction(trx, file2('nested'));
      expect(committed().parents).toEqual([]); // not committed until the outer transaction is
    });
    expect(committed().parents).toEqual(['nested']);
  });
});

describe.skipIf(!TEST_DATABASE_URL)('inTransaction on PostgreSQL', () => {
  it('is a plain transaction: a failing callback rolls back, others commit', async () => {
    const pgDb = await openPostgresTestDb(TEST_DATABASE_URL!);
    const k = pgDb.db as unknown as Kysely<T>;
    try {
      await k.schema.createTable('parent').addColumn('id', 'text', (c) => c.primaryKey()).execute();
      await k.schema
        .createTable('child')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('parent_id', 'text', (c) => c.notNull().references('parent.id'))
        .execute();
      const settled = await Promise.allSettled([
        inTransaction(k, file2('a')),
        inTransaction(k, async (trx) => {
          await trx.insertInto('parent').values({ id: 'bad' }).execute();
          throw new Error('no');
        }),
        inTransaction(k, file2('b')),
      ]);
      expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      const rows = await k.selectFrom('parent').select('id').orderBy('id').execute();
      expect(rows.map((r) => r.id)).toEqual(['a', 'b']);
    } finally {
      await pgDb.cleanup();
    }
  });
});
