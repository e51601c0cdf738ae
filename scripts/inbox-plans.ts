// Prints the query plans of the inbox's common cases (EXPLAIN QUERY PLAN on SQLite, EXPLAIN ANALYZE on
// PostgreSQL) against a seeded database: PLAN_SQLITE_FILE (from BENCH_SQLITE_FILE) or PLAN_DATABASE_URL
// with PLAN_PG_SCHEMA (from BENCH_PG_SCHEMA). A tool for choosing indexes; not part of `npm test`.
import { Kysely, PostgresDialect, SqliteDialect, sql, type CompiledQuery } from 'kysely';
import pg from 'pg';
import { openSqlite, sqliteAdapter } from '../server/src/platform/database/node-sqlite-adapter.ts';
import type { Database } from '../server/src/platform/database/schema.ts';
import { listInbox, type InboxFilter, type InboxSort } from '../server/src/requests/staff-inbox.ts';
import { OPEN_STATUSES } from '../server/src/requests/statuses.ts';

const captured: CompiledQuery[] = [];
const log = (e: { level: string; query: CompiledQuery }) => { if (e.level === 'query') captured.push(e.query); };
const file = process.env.PLAN_SQLITE_FILE;
const db: Kysely<Database> = file
  ? new Kysely<Database>({ dialect: new SqliteDialect({ database: sqliteAdapter(openSqlite(file)) }), log })
  : new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: process.env.PLAN_DATABASE_URL, options: `-c search_path=${process.env.PLAN_PG_SCHEMA}`, max: 1 }) }), log });

const cases: [string, InboxFilter, InboxSort][] = [
  ['no filter', {}, 'newest'],
  ['status=open', { statuses: OPEN_STATUSES }, 'newest'],
  ['department=roads', { departmentId: 'roads' }, 'newest'],
  ['overdue', { overdue: true }, 'newest'],
  ['search hydrant', { q: 'hydrant' }, 'newest'],
  ['open, due sort', { statuses: OPEN_STATUSES }, 'due'],
];
const only = process.env.PLAN_CASE;
for (const [name, f, sort] of cases) {
  if (only && !name.includes(only)) continue;
  captured.length = 0;
  const first = await listInbox(db, 'lakeview', f, { sort, limit: 50 });
  let cursor = first.nextCursor;
  let page = first;
  for (let p = 2; p < 50 && cursor; p++) {
    page = await listInbox(db, 'lakeview', f, { sort, limit: 50, cursor: JSON.parse(Buffer.from(cursor, 'base64url').toString()) as (string | number)[] });
    cursor = page.nextCursor;
  }
  const queries = captured.slice(0, 2).concat(captured.length > 2 ? [captured[captured.length - 1]!] : []);
  console.log(`\n### ${name} (total ${first.total})`);
  for (const q of queries) {
    console.log('--', q.sql.slice(0, 400));
    const t = performance.now();
    const rows = file
      ? await sql.raw(`EXPLAIN QUERY PLAN ${inline(q)}`).execute(db)
      : await db.executeQuery({ ...q, sql: `EXPLAIN (ANALYZE, BUFFERS OFF, COSTS OFF) ${q.sql}` });
    const ms = performance.now() - t;
    for (const r of rows.rows as Record<string, unknown>[]) console.log('  ', file ? `${r.id}/${r.parent} ${r.detail}` : r['QUERY PLAN']);
    if (file) {
      const s = performance.now();
      await db.executeQuery(q);
      console.log(`   (${(performance.now() - s).toFixed(1)} ms)`);
    } else console.log(`   (${ms.toFixed(1)} ms)`);
  }
}
await db.destroy();

function inline(q: CompiledQuery): string {
  let i = 0;
  return q.sql.replace(/\?/g, () => {
    const v = q.parameters[i++];
    return typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`;
  });
}
