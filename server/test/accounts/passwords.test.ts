import { describe, expect, it } from 'vitest';
import {
  currentScryptCost,
  hashPassword,
  isCommonPassword,
  MAX_CONCURRENT_HASHES,
  needsRehash,
  peakConcurrentHashes,
  passwordProblem,
  PRODUCTION_SCRYPT_COST,
  verifyPassword,
} from '../../src/accounts/passwords.ts';

describe('password hashing', () => {
  it('uses the OWASP scrypt cost in production (N = 2^17, r = 8, p = 1)', () => {
    expect(PRODUCTION_SCRYPT_COST).toEqual({ N: 131072, r: 8, p: 1 });
  });

  it('really hashes at the production cost when asked (one hash, about a third of a second)', async () => {
    const h = await hashPassword('a long staff passphrase', PRODUCTION_SCRYPT_COST);
    expect(h).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword('a long staff passphrase', h)).toBe(true);
    expect(await verifyPassword('a long staff passphrasf', h)).toBe(false);
  });

  it('flags hashes made at a lower cost than today for an upgrade', async () => {
    const weak = await hashPassword('x', { N: 2 ** 8, r: 8, p: 1 });
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(await hashPassword('x'))).toBe(false);
    expect(currentScryptCost().N).toBeGreaterThan(2 ** 8);
    expect(needsRehash('not a hash')).toBe(true);
  });
});

describe('hashing under load', () => {
  it('runs at most MAX_CONCURRENT_HASHES scrypt computations at once, and all finish', async () => {
    const hashes = await Promise.all(Array.from({ length: 8 }, (_, i) => hashPassword(`password number ${i}`)));
    expect(new Set(hashes).size).toBe(8);
    expect(peakConcurrentHashes()).toBeLessThanOrEqual(MAX_CONCURRENT_HASHES);
    expect(peakConcurrentHashes()).toBe(MAX_CONCURRENT_HASHES);
    expect(await Promise.all(hashes.map((h, i) => verifyPassword(`password number ${i}`, h)))).toEqual(Array(8).fill(true));
  });
});

describe('password policy', () => {
  it('needs 12 characters, counted as characters not bytes', () => {
    expect(passwordProblem('short pass')).toBe('too_short');
    expect(passwordProblem('éééééééééééé')).toBeUndefined();
    expect(passwordProblem('correct horse battery')).toBeUndefined();
  });

  it('refuses common passwords whatever their case, with no composition rules', () => {
    expect(isCommonPassword('PASSWORD')).toBe(true);
    expect(passwordProblem('password1234')).toBe('common');
    expect(passwordProblem('qwertyuiop123')).toBe('common');
    expect(passwordProblem('alllowercasebutlong')).toBeUndefined();
  });

  it('refuses the email address as the password', () => {
    expect(passwordProblem('clerk.lakeview@example.ca', 'clerk.lakeview@example.ca')).toBe('contains_email');
    expect(passwordProblem('clerklakeview', 'clerklakeview@example.ca')).toBe('contains_email');
  });
});

describe('the first admin from the environment', () => {
  it('must have a good password too', async () => {
    const { ensureAdmin } = await import('../../src/accounts/bootstrap.ts');
    const { openSqliteTestDb } = await import('../support/harness.ts');
    const { migrateToLatest } = await import('../../src/platform/database/migrate.ts');
    const t = await openSqliteTestDb();
    try {
      await migrateToLatest(t.db);
      await expect(ensureAdmin(t.db, 'boss@example.ca', 'password1234')).rejects.toThrow(/ADMIN_PASSWORD: This password is one of the most common/);
      expect(await ensureAdmin(t.db, 'boss@example.ca', 'a sound first passphrase')).toBe(true);
    } finally {
      await t.cleanup();
    }
  });
});
