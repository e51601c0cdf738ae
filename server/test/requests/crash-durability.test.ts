// An acknowledged request survives a crash: a server process files requests, is killed with SIGKILL
// the moment the first 201 arrives, and every request it acknowledged is in the database afterwards.
// SQLite on a file (WAL, each commit answered after an fsync of the WAL: sqlite-durable.ts); PostgreSQL when TEST_DATABASE_URL is set.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createSqliteDatabase } from '../../src/platform/database/database.ts';
import { migrateToLatest } from '../../src/platform/database/migrate.ts';
import type { Db } from '../../src/platform/database/schema.ts';
import { seedTown } from '../../src/seed/seed.ts';
import { openPostgresTestDb, TEST_DATABASE_URL } from '../support/harness.ts';
import { testTown } from '../support/test-town.ts';

const CHILD = path.resolve(import.meta.dirname, 'support/crash-child.ts');

async function startChild(args: string[]) {
  const child = spawn(process.execPath, ['--experimental-strip-types', '--no-warnings', CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /PORT (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    void exited.then(({ code }) => reject(new Error(`server exited (${code}) before listening: ${stderr}`)));
  });
  return { child, port, exited };
}

/** Files `n` requests at once; SIGKILLs the server when the first 201 arrives; returns the acknowledged references. */
async function fileThenCrash(args: string[], n: number): Promise<string[]> {
  const { child, port, exited } = await startChild(args);
  const acknowledged: string[] = [];
  const attempts = Array.from({ length: n }, async (_, i) => {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/towns/testville/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${i + 1}` },
      body: JSON.stringify({ serviceCode: 'pothole', description: `Crash test ${i}`, location: { text: 'Main St' }, lang: 'en' }),
    });
    if (res.status !== 201) throw new Error(`status ${res.status}`);
    const { reference } = (await res.json()) as { reference: string };
    acknowledged.push(reference);
    child.kill('SIGKILL');
  });
  await Promise.allSettled(attempts);
  child.kill('SIGKILL');
  expect((await exited).signal).toBe('SIGKILL');
  return acknowledged;
}

async function prepare(db: Db) {
  await migrateToLatest(db);
  await seedTown(db, testTown);
}

async function stored(db: Db, references: string[]) {
  const rows = await db.selectFrom('requests').select(['reference', 'description']).where('reference', 'in', references).execute();
  return rows.map((r) => r.reference).sort();
}

describe('crash durability', () => {
  it('on SQLite: every acknowledged request is in the file after a SIGKILL', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munikit-crash-'));
    const file = path.join(dir, 'munikit.sqlite');
    try {
      const before = createSqliteDatabase(file);
      await prepare(before.db);
      await before.db.destroy();

      const acknowledged = await fileThenCrash(['sqlite', file], 5);
      expect(acknowledged.length).toBeGreaterThanOrEqual(1);

      const after = createSqliteDatabase(file);
      try {
        expect(await stored(after.db, acknowledged)).toEqual([...acknowledged].sort());
      } finally {
        await after.db.destroy();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!TEST_DATABASE_URL)('on PostgreSQL: every acknowledged request is committed after a SIGKILL', async () => {
    const t = await openPostgresTestDb(TEST_DATABASE_URL!);
    try {
      await prepare(t.db);
      const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(t.db);
      const acknowledged = await fileThenCrash(['postgres', TEST_DATABASE_URL!, rows[0]!.schema], 5);
      expect(acknowledged.length).toBeGreaterThanOrEqual(1);
      expect(await stored(t.db, acknowledged)).toEqual([...acknowledged].sort());
    } finally {
      await t.cleanup();
    }
  });
});
