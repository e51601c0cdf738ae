// Which of a SQLite database's tables hold MuniKit's data (for backups and the copy to PostgreSQL).

/**
 * MuniKit's tables among sqlite_master's rows: not SQLite's own, not a full-text table nor its shadow
 * tables (FTS5 rebuilds them from its triggers).
 */
export function dataTables(rows: readonly { name: string; sql: string }[]): string[] {
  const virtual = rows.filter((r) => r.sql.startsWith('CREATE VIRTUAL TABLE')).map((r) => r.name);
  return rows
    .filter((r) => !r.name.startsWith('sqlite_') && !virtual.includes(r.name) && !virtual.some((v) => r.name.startsWith(`${v}_`)))
    .map((r) => r.name)
    .sort();
}

export const SQLITE_TABLES = "SELECT name, sql FROM sqlite_master WHERE type = 'table'";
