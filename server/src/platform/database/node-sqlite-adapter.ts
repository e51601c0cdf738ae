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

export function sqliteAdapter(db: DatabaseSync): SqliteDatabase {
  return {
    close: () => {
      if (db.isOpen) db.close();
    },
    prepare(sql: string): SqliteStatement {
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
    },
  };
}
