// Open311 API keys: stored as SHA-256 only, found by hash, revoked for good; MUNIKIT_OPEN311_KEYS is
// idempotent; `npm run admin -- api-key create|list|revoke` prints a key once and never again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, ensureApiKeys, findApiKey, listApiKeys, revokeApiKey } from '../../src/accounts/api-keys.ts';
import { sha256 } from '../../src/accounts/tokens.ts';
import { runAdmin } from '../../src/cli/admin.ts';
import { ConfigError, loadConfig } from '../../src/platform/config.ts';
import { createSqliteDatabase } from '../../src/platform/database/database.ts';
import type { Db } from '../../src/platform/database/schema.ts';
import { createTestApp, dialects } from '../support/harness.ts';

for (const dialect of dialects) {
  describe.skipIf(dialect.skip)(`API keys (${dialect.name})`, () => {
    let db: Db;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      ({ db, cleanup } = await createTestApp({ db: await dialect.open() }));
    });
    afterAll(() => cleanup());

    it('stores only the SHA-256 of a random key of at least 128 bits, and finds the key by it', async () => {
      const { id, key } = await createApiKey(db, 'testville', 'Citizen app');
      expect(key).toMatch(/^mk_[A-Za-z0-9_-]{43}$/); // 32 random bytes
      const row = await db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(row.key_hash).toBe(sha256(key));
      expect(JSON.stringify(row)).not.toContain(key.slice(3));
      expect(await findApiKey(db, key)).toMatchObject({ id, townId: 'testville', name: 'Citizen app', revokedAt: null });
      expect(await findApiKey(db, `${key}x`)).toBeUndefined();
      expect(await findApiKey(db, '')).toBeUndefined();
      const other = await createApiKey(db, 'testville', 'CRM');
      expect(other.key).not.toBe(key);
    });

    it('a revoked key is not found; revoking twice reports it', async () => {
      const { id, key } = await createApiKey(db, 'testville', 'Old app');
      expect(await revokeApiKey(db, id)).toBe(true);
      expect(await revokeApiKey(db, id)).toBe(false);
      expect(await findApiKey(db, key)).toBeUndefined();
      expect((await listApiKeys(db, 'testville')).find((k) => k.id === id)?.revokedAt).toEqual(expect.any(String));
    });

    it('MUNIKIT_OPEN311_KEYS: the same keys on every start make no duplicates, and a revoked one stays revoked', async () => {
      const keys = ['automation-key-one-0123456789abcdef', 'automation-key-two-0123456789abcdef'];
      expect(await ensureApiKeys(db, 'testville', keys)).toBe(2);
      expect(await ensureApiKeys(db, 'testville', keys)).toBe(0);
      const [first] = await db.selectFrom('api_keys').select('id').where('key_hash', '=', sha256(keys[0]!)).execute();
      expect(first).toBeDefined();
      await revokeApiKey(db, first!.id);
      expect(await ensureApiKeys(db, 'testville', keys)).toBe(0);
      expect(await findApiKey(db, keys[0]!)).toBeUndefined();
      expect(await findApiKey(db, keys[1]!)).toMatchObject({ townId: 'testville', name: 'MUNIKIT_OPEN311_KEYS' });
      const count = await db.selectFrom('api_keys').select('id').where('key_hash', 'in', keys.map(sha256)).execute();
      expect(count).toHaveLength(2);
    });
  });
}

describe('MUNIKIT_OPEN311_KEYS configuration', () => {
  const base = { SEED_DEMO: 'false', DATA_DIR: '/tmp/munikit-unused' };
  it('reads a comma-separated list, ignoring spaces and empty items', () => {
    expect(loadConfig(base).open311Keys).toEqual([]);
    expect(loadConfig({ ...base, MUNIKIT_OPEN311_KEYS: '' }).open311Keys).toEqual([]);
    const a = 'a'.repeat(24);
    const b = 'b'.repeat(32);
    expect(loadConfig({ ...base, MUNIKIT_OPEN311_KEYS: ` ${a} ,, ${b}` }).open311Keys).toEqual([a, b]);
  });
  it('refuses keys too short to be secret, without echoing them', () => {
    let error: unknown;
    try {
      loadConfig({ ...base, MUNIKIT_OPEN311_KEYS: 'short-secret' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/MUNIKIT_OPEN311_KEYS/);
    expect((error as Error).message).not.toContain('short-secret');
  });
});

describe('npm run admin -- api-key', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'munikit-keys-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function admin(args: string[]) {
    const lines = { out: [] as string[], err: [] as string[] };
    const status = await runAdmin(args, {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', ADMIN_EMAIL: '', ADMIN_PASSWORD: '', MUNIKIT_OPEN311_KEYS: '' },
      out: { log: (l) => lines.out.push(l), error: (l) => lines.err.push(l) },
    });
    return { status, out: lines.out.join('\n'), err: lines.err.join('\n') };
  }

  it('creates (printing the key once), lists without the key, and revokes', async () => {
    const town = await admin(['add-town', '--id', 'keytown', '--name-en', 'Keytown', '--name-fr', 'Cléville', '--prefix', 'KEY', '--timezone', 'America/Toronto']);
    expect(town.status, town.err).toBe(0);
    expect((await admin(['api-key', 'create', '--town', 'keytown'])).status).toBe(2);
    expect((await admin(['api-key', 'create', '--town', 'nowhere', '--name', 'x'])).status).toBe(2);

    const created = await admin(['api-key', 'create', '--town', 'keytown', '--name', 'Citizen app']);
    expect(created.status, created.err).toBe(0);
    const key = /\b(mk_[A-Za-z0-9_-]{43})\b/.exec(created.out)?.[1];
    expect(key).toBeDefined();
    const id = /Created API key (\S+)/.exec(created.out)?.[1];
    expect(id).toBeDefined();

    const list = await admin(['api-key', 'list']);
    expect(list.out).toContain(id);
    expect(list.out).toContain('Citizen app');
    expect(list.out).toContain('active');
    expect(list.out).not.toContain(key);

    const { db } = createSqliteDatabase(path.join(dataDir, 'munikit.sqlite'));
    try {
      expect(await findApiKey(db, key!)).toMatchObject({ id, townId: 'keytown' });
      const audit = await db.selectFrom('audit_log').select(['action', 'details']).where('subject_id', '=', id!).execute();
      expect(audit.map((a) => a.action)).toEqual(['apikey.created']);
      expect(JSON.stringify(audit)).not.toContain(key);

      const revoked = await admin(['api-key', 'revoke', '--id', id!]);
      expect(revoked.status, revoked.err).toBe(0);
      expect(await findApiKey(db, key!)).toBeUndefined();
      expect((await admin(['api-key', 'revoke', '--id', id!])).status).toBe(2);
      expect((await admin(['api-key', 'list', '--town', 'keytown'])).out).toMatch(/revoked/);
    } finally {
      await db.destroy();
    }
  });
});
