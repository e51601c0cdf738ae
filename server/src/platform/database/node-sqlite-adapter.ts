// Adapts node:sqlite's DatabaseSync to the small interface Kysely's built-in SqliteDialect expects,
// so no native module is needed.
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

export function openSqlite(filename: string): DatabaseSync {
  const db = new DatabaseSync(filename);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 5000');
  return db;
}

const toInput = (params: ReadonlyArray<unknown>): SQLInputValue[] =>
  params.map((p) => {
    if (p === undefined) return null;
    if (typeof p === 'boolean') return p ? 1 : 0;
    return p as SQLInputValue;
  });

/** How many distinct SQL texts keep their prepared statement; Kysely's queries are a few hundred at most. */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely asks for a statement on every query. Preparing is a large share of a simple query's cost, so
 * statements are kept by SQL text (least recently used dropped first). Reuse is safe: Kysely runs one
 * query at a time on this connection, and SQLite re-prepares a statement itself after a schema change.
 */
export function sqliteAdapter(db: DatabaseSync, cacheSize = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  const prepareUncached = (sql: string): SqliteStatement => {
    const stmt = db.prepare(sql);
    return {
      reader: stmt.columns().length > 0,
      all: (params) => stmt.all(...toInput(params)),
      run: (params) => {
        const r = stmt.run(...toInput(params));
        return { changes: r.changes, lastInsertRowid: r.lastInsertRowid };
      },
      iterate: (params) => stmt.iterate(...toInput(params)),
    };
  };
  return {
    close: () => {
      cache.clear();
      if (db.isOpen) db.close();
    },
    prepare(sql: string): SqliteStatement {
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql); // re-inserted below: most recently used last
      } else {
        statement = prepareUncached(sql);
        if (cache.size >= cacheSize) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}
