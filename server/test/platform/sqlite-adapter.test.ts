// The node:sqlite adapter keeps prepared statements by SQL text; the answers must not change.
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { sqliteAdapter } from '../../src/platform/database/node-sqlite-adapter.ts';

describe('node:sqlite adapter', () => {
  it('reuses a prepared statement for the same SQL and gives the same answers', () => {
    const raw = new DatabaseSync(':memory:');
    const prepared: string[] = [];
    const original = raw.prepare.bind(raw);
    raw.prepare = ((sql: string) => {
      prepared.push(sql);
      return original(sql);
    }) as typeof raw.prepare;
    const db = sqliteAdapter(raw, 2);
    db.prepare('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)').run([]);
    const insert = 'INSERT INTO t (v) VALUES (?)';
    for (const v of ['a', 'b', 'c']) db.prepare(insert).run([v]);
    expect(prepared.filter((s) => s === insert)).toHaveLength(1);
    const select = db.prepare('SELECT v FROM t WHERE id >= ? ORDER BY id');
    expect(select.reader).toBe(true);
    expect(db.prepare(insert).reader).toBe(false);
    expect(db.prepare('SELECT v FROM t WHERE id >= ? ORDER BY id').all([2])).toEqual([{ v: 'b' }, { v: 'c' }]);
    expect(db.prepare('SELECT v FROM t WHERE id >= ? ORDER BY id').all([3])).toEqual([{ v: 'c' }]);
  });

  it('keeps at most the configured number of statements, dropping the least recently used', () => {
    const raw = new DatabaseSync(':memory:');
    let prepares = 0;
    const original = raw.prepare.bind(raw);
    raw.prepare = ((sql: string) => {
      prepares++;
      return original(sql);
    }) as typeof raw.prepare;
    const db = sqliteAdapter(raw, 2);
    db.prepare('SELECT 1').all([]);
    db.prepare('SELECT 2').all([]);
    db.prepare('SELECT 1').all([]); // 1 is now the most recent
    db.prepare('SELECT 3').all([]); // drops 2
    expect(prepares).toBe(3);
    db.prepare('SELECT 1').all([]);
    expect(prepares).toBe(3);
    db.prepare('SELECT 2').all([]);
    expect(prepares).toBe(4);
  });

  it('still sees a table changed after its statement was prepared', () => {
    const db = sqliteAdapter(new DatabaseSync(':memory:'));
    db.prepare('CREATE TABLE t (a TEXT)').run([]);
    db.prepare('INSERT INTO t VALUES (?)').run(['x']);
    expect(db.prepare('SELECT * FROM t').all([])).toEqual([{ a: 'x' }]);
    db.prepare('ALTER TABLE t ADD COLUMN b TEXT').run([]);
    expect(db.prepare('SELECT * FROM t').all([])).toEqual([{ a: 'x', b: null }]);
  });

  it('reuses a statement whose last run failed', () => {
    const db = sqliteAdapter(new DatabaseSync(':memory:'));
    db.prepare('CREATE TABLE t (id TEXT PRIMARY KEY)').run([]);
    const insert = 'INSERT INTO t (id) VALUES (?)';
    db.prepare(insert).run(['a']);
    expect(() => db.prepare(insert).run(['a'])).toThrow(/UNIQUE/);
    db.prepare(insert).run(['b']);
    const returning = 'INSERT INTO t (id) VALUES (?) RETURNING id';
    expect(db.prepare(returning).reader).toBe(true);
    expect(() => db.prepare(returning).all(['b'])).toThrow(/UNIQUE/);
    expect(db.prepare(returning).all(['c'])).toEqual([{ id: 'c' }]);
    expect(db.prepare('SELECT id FROM t ORDER BY id').all([])).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
  });

  it('still answers after the table it reads is dropped and made again (as a migration may)', () => {
    const db = sqliteAdapter(new DatabaseSync(':memory:'));
    db.prepare('CREATE TABLE t (a TEXT)').run([]);
    db.prepare('INSERT INTO t VALUES (?)').run(['x']);
    expect(db.prepare('SELECT * FROM t').all([])).toEqual([{ a: 'x' }]);
    db.prepare('DROP TABLE t').run([]);
    db.prepare('CREATE TABLE t (b INTEGER, c TEXT)').run([]);
    db.prepare('INSERT INTO t VALUES (?, ?)').run([1, 'y']);
    expect(db.prepare('SELECT * FROM t').all([])).toEqual([{ b: 1, c: 'y' }]);
  });
});
