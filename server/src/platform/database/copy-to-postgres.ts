// Copies a town's data from the embedded SQLite database into PostgreSQL, for
// `npm run admin -- migrate-to-postgres` and for the upgrade test's PostgreSQL half.
// Both databases must be at the same migration and the target must be empty; everything is copied in
// one PostgreSQL transaction (all or nothing), parents before children, generated columns left to
// PostgreSQL, photo files moved into upload_bytes (where photos live on PostgreSQL).
import fs from 'node:fs/promises';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { dataTables, SQLITE_TABLES } from './sqlite-tables.ts';

export class CopyError extends Error {}

type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tables are read by name

const MIGRATION_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);
/** PostgreSQL's limit is 65,535 bind parameters per statement. */
const MAX_PARAMETERS = 30_000;

async function sqliteTables(db: AnyDb): Promise<string[]> {
  const rows = await sql<{ name: string; sql: string }>`${sql.raw(SQLITE_TABLES)}`.execute(db);
  return dataTables(rows.rows).filter((n) => !MIGRATION_TABLES.has(n));
}

interface PgColumn {
  table: string;
  column: string;
  type: string;
  generated: boolean;
}

async function postgresColumns(db: AnyDb): Promise<Map<string, PgColumn[]>> {
  const rows = await sql<{ table_name: string; column_name: string; data_type: string; is_generated: string }>`
    SELECT table_name, column_name, data_type, is_generated FROM information_schema.columns
    WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`.execute(db);
  const byTable = new Map<string, PgColumn[]>();
  for (const r of rows.rows) {
    if (MIGRATION_TABLES.has(r.table_name)) continue;
    const list = byTable.get(r.table_name) ?? [];
    list.push({ table: r.table_name, column: r.column_name, type: r.data_type, generated: r.is_generated === 'ALWAYS' });
    byTable.set(r.table_name, list);
  }
  return byTable;
}

/** Tables ordered so that every table comes after the tables its foreign keys point to. */
async function parentsFirst(db: AnyDb, tables: string[]): Promise<string[]> {
  const edges = await sql<{ child: string; parent: string }>`
    SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE k.contype = 'f' AND n.nspname = current_schema()`.execute(db);
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const e of edges.rows) if (e.child !== e.parent) parents.get(e.child)?.add(e.parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p) || !parents.has(p)));
    if (ready.length === 0) throw new CopyError('the foreign keys between tables form a cycle');
    for (const t of ready) {
      ordered.push(t);
      placed.add(t);
    }
  }
  return ordered;
}

async function migrationNames(db: AnyDb): Promise<string[]> {
  const rows = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  return rows.rows.map((r) => r.name);
}

function toPostgres(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'bytea') return Buffer.from(value as Uint8Array);
  if (type === 'boolean') return Boolean(value);
  return value;
}

export interface CopyResult {
  tables: Record<string, number>;
  photoFiles: number;
}

/**
 * Copies every row of `from` (SQLite) into `to` (PostgreSQL, same migrations, empty). `uploadsDir`: the
 * SQLite server's photo folder, whose files become upload_bytes rows.
 */
export async function copySqliteToPostgres(from: AnyDb, to: AnyDb, uploadsDir?: string): Promise<CopyResult> {
  const [source, target] = [await migrationNames(from), await migrationNames(to)];
  if (source.join() !== target.join()) {
    throw new CopyError(`the databases are at different migrations (SQLite ${source.at(-1) ?? 'none'}, PostgreSQL ${target.at(-1) ?? 'none'}): migrate both first`);
  }
  const columns = await postgresColumns(to);
  const tables = await sqliteTables(from);
  for (const t of tables) if (!columns.has(t)) throw new CopyError(`PostgreSQL has no table ${t}`);
  const order = await parentsFirst(to, tables);

  return to.transaction().execute(async (trx) => {
    for (const t of order) {
      const n = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(t)}`.execute(trx);
      if (Number(n.rows[0]!.n) > 0) throw new CopyError(`PostgreSQL's ${t} is not empty: copy into a new, empty database`);
    }
    const counts: Record<string, number> = {};
    for (const t of order) {
      const writable = columns.get(t)!.filter((c) => !c.generated);
      const rows = (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(t)} ORDER BY rowid`.execute(from)).rows;
      const batch = Math.max(1, Math.floor(MAX_PARAMETERS / writable.length));
      for (let i = 0; i < rows.length; i += batch) {
        const values = rows.slice(i, i + batch).map((r) => Object.fromEntries(writable.map((c) => [c.column, toPostgres(r[c.column], c.type)])));
        await trx.insertInto(t).values(values).execute();
      }
      counts[t] = rows.length;
    }
    let photoFiles = 0;
    if (uploadsDir && columns.has('upload_bytes')) {
      const uploads = (await sql<{ id: string }>`SELECT id FROM uploads`.execute(trx)).rows;
      for (const { id } of uploads) {
        let data: Buffer;
        try {
          data = await fs.readFile(path.join(uploadsDir, path.basename(id)));
        } catch {
          continue; // a row whose file is gone stays a row without bytes, as it was on SQLite
        }
        await trx.insertInto('upload_bytes').values({ upload_id: id, data }).execute();
        photoFiles++;
      }
    }
    return { tables: counts, photoFiles };
  });
}
