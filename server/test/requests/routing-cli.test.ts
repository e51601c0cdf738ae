// `npm run admin -- routing-rules list|add|remove`, run as the real CLI against a SQLite file.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, setTownRole } from '../../src/accounts/users-store.ts';
import { createSqliteDatabase } from '../../src/platform/database/database.ts';
import { migrateToLatest } from '../../src/platform/database/migrate.ts';
import { seedTown } from '../../src/seed/seed.ts';
import { testTown } from '../support/test-town.ts';

const run = promisify(execFile);
const ADMIN_CLI = path.resolve(import.meta.dirname, '../../src/cli/admin.ts');

describe('routing-rules CLI', () => {
  let dir: string;
  const admin = async (...args: string[]) => {
    try {
      const { stdout } = await run(process.execPath, ['--experimental-strip-types', '--no-warnings', ADMIN_CLI, 'routing-rules', ...args], {
        env: { PATH: process.env.PATH, DATA_DIR: dir, LOG_LEVEL: 'silent' },
      });
      return { code: 0, stdout, stderr: '' };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munikit-routing-cli-'));
    const { db } = createSqliteDatabase(path.join(dir, 'munikit.sqlite'));
    await migrateToLatest(db);
    await seedTown(db, testTown);
    const id = await createUser(db, { email: 'crew@testville.example', name: 'Crew', passwordHash: 'x' });
    await setTownRole(db, id, 'testville', 'agent');
    await db.destroy();
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('adds, lists and removes rules', async () => {
    const empty = await admin('list', '--town', 'testville');
    expect(empty.code).toBe(0);
    expect(empty.stdout).toMatch(/No routing rules/);

    const first = await admin('add', '--town', 'testville', '--name', 'Trees on roads', '--service', 'tree', '--words', 'road,route', '--priority', 'urgent', '--assignee', 'crew@testville.example');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Added rule 1\. Trees on roads/);
    expect(first.stdout).toMatch(/when service in \[tree\] and description has one of \[road, route\]/);
    const second = await admin('add', '--town', 'testville', '--name', 'School zone', '--near', '45.1,-75.2', '--within', '250', '--priority', 'high', '--position', '1');
    expect(second.code).toBe(0);

    const listed = await admin('list', '--town', 'testville', '--json');
    const rules = JSON.parse(listed.stdout) as { id: string; position: number; name: string; near: unknown; assigneeUserId: string | null }[];
    expect(rules.map((r) => [r.position, r.name])).toEqual([[1, 'School zone'], [2, 'Trees on roads']]);
    expect(rules[0]!.near).toEqual({ lat: 45.1, lng: -75.2, metres: 250 });
    expect(rules[1]!.assigneeUserId).toEqual(expect.any(String));

    const removed = await admin('remove', '--town', 'testville', '--id', rules[0]!.id);
    expect(removed.code).toBe(0);
    const after = JSON.parse((await admin('list', '--town', 'testville', '--json')).stdout) as { position: number; name: string }[];
    expect(after.map((r) => [r.position, r.name])).toEqual([[1, 'Trees on roads']]);

    const { db } = createSqliteDatabase(path.join(dir, 'munikit.sqlite'));
    try {
      const audit = await db.selectFrom('audit_log').select('action').where('action', 'like', 'routing_rule.%').orderBy('created_at').execute();
      expect(audit.map((a) => a.action)).toEqual(['routing_rule.added', 'routing_rule.added', 'routing_rule.removed']);
    } finally {
      await db.destroy();
    }
  });

  it('explains what is wrong and exits non-zero', async () => {
    const unknownService = await admin('add', '--town', 'testville', '--name', 'x', '--service', 'dragons', '--priority', 'high');
    expect(unknownService.code).toBe(2);
    expect(unknownService.stderr).toMatch(/unknown service code\(s\) in this town: dragons/);
    const nothing = await admin('add', '--town', 'testville', '--name', 'x', '--words', 'tree');
    expect(nothing.stderr).toMatch(/must set something/);
    const halfNear = await admin('add', '--town', 'testville', '--name', 'x', '--near', '45,-75', '--priority', 'high');
    expect(halfNear.stderr).toMatch(/--near <lat>,<lng> and --within <metres> go together/);
    const noTown = await admin('list', '--town', 'atlantis');
    expect(noTown.stderr).toMatch(/no town "atlantis"/);
    const badRemove = await admin('remove', '--town', 'testville', '--id', 'nope');
    expect(badRemove.stderr).toMatch(/no routing rule "nope"/);
  });
});
