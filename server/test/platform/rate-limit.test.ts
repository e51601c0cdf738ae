// The shared rate limiter over rate_limit_buckets, on SQLite and (with TEST_DATABASE_URL) PostgreSQL,
// its middleware's 429, and the client address it keys on.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.ts';
import { migrateToLatest } from '../../src/platform/database/migrate.ts';
import { clientAddress, normaliseAddress, rateLimitSubject, UNKNOWN_ADDRESS } from '../../src/platform/http/client-address.ts';
import {
  deleteExpiredRateLimitBuckets,
  hitRateLimit,
  hitRateLimits,
  MAX_WINDOW_SECONDS,
  rateLimit,
} from '../../src/platform/http/rate-limit.ts';
import { dialects, type TestDb } from '../support/harness.ts';

const T0 = new Date('2026-03-01T12:00:00.000Z'); // the start of a 10-minute (and of a 1-minute) window

for (const dialect of dialects) {
  describe.skipIf(dialect.skip)(`rate limits on ${dialect.name}`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await dialect.open();
      await migrateToLatest(t.db);
    });
    afterAll(async () => {
      await t?.cleanup();
    });

    it('allows `limit` hits per window, then refuses with the seconds left in the window, then resets', async () => {
      const rule = { limit: 3, windowSeconds: 600 };
      const results = [];
      for (let i = 0; i < 3; i++) results.push(await hitRateLimit(t.db, 'test:a', rule, new Date(T0.getTime() + i * 1000)));
      expect(results.map((r) => [r.allowed, r.remaining])).toEqual([[true, 2], [true, 1], [true, 0]]);

      const refused = await hitRateLimit(t.db, 'test:a', rule, new Date(T0.getTime() + 100_500));
      expect(refused).toMatchObject({ allowed: false, remaining: 0, count: 4 });
      expect(refused.retryAfterSeconds).toBe(500); // 600 s window, 100.5 s in: 499.5 rounded up

      const lastSecond = await hitRateLimit(t.db, 'test:a', rule, new Date(T0.getTime() + 599_900));
      expect(lastSecond).toMatchObject({ allowed: false, retryAfterSeconds: 1 });

      const nextWindow = await hitRateLimit(t.db, 'test:a', rule, new Date(T0.getTime() + 600_000));
      expect(nextWindow).toMatchObject({ allowed: true, remaining: 2, count: 1 });
    });

    it('keeps keys apart, and two windows on one key apart', async () => {
      const short = { limit: 1, windowSeconds: 60 };
      const long = { limit: 1, windowSeconds: 3600 };
      expect((await hitRateLimit(t.db, 'test:b', short, T0)).allowed).toBe(true);
      expect((await hitRateLimit(t.db, 'test:c', short, T0)).allowed).toBe(true);
      expect((await hitRateLimit(t.db, 'test:b', long, T0)).allowed).toBe(true);
      expect((await hitRateLimit(t.db, 'test:b', short, T0)).allowed).toBe(false);
    });

    it('counts concurrent hits exactly once each: never more than the limit allowed', async () => {
      const rule = { limit: 10, windowSeconds: 600 };
      const results = await Promise.all(Array.from({ length: 25 }, () => hitRateLimit(t.db, 'test:race', rule, T0)));
      expect(results.filter((r) => r.allowed)).toHaveLength(10);
      expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    });

    it('stops at the first refusing rule, so a short-window refusal spends nothing of the long window', async () => {
      const rules = [{ limit: 2, windowSeconds: 60 }, { limit: 3, windowSeconds: 86_400 }];
      const at = (s: number) => new Date(T0.getTime() + s * 1000);
      expect(await hitRateLimits(t.db, 'test:d', rules, at(0))).toMatchObject({ allowed: true, remaining: 1 });
      expect(await hitRateLimits(t.db, 'test:d', rules, at(1))).toMatchObject({ allowed: true, remaining: 0 });
      expect(await hitRateLimits(t.db, 'test:d', rules, at(2))).toMatchObject({ allowed: false, retryAfterSeconds: 58 });
      expect(await hitRateLimits(t.db, 'test:d', rules, at(3))).toMatchObject({ allowed: false });
      // Next minute: the day has seen 2 hits, not 4.
      expect(await hitRateLimits(t.db, 'test:d', rules, at(60))).toMatchObject({ allowed: true, remaining: 0 });
      const dayRefusal = await hitRateLimits(t.db, 'test:d', rules, at(120));
      expect(dayRefusal.allowed).toBe(false);
      expect(dayRefusal.retryAfterSeconds).toBe(86_400 - 12 * 3600 - 120); // T0 is noon UTC
    });

    it('refuses rules it cannot keep', async () => {
      await expect(hitRateLimit(t.db, 'test:e', { limit: 0, windowSeconds: 60 })).rejects.toThrow(RangeError);
      await expect(hitRateLimit(t.db, 'test:e', { limit: 1, windowSeconds: MAX_WINDOW_SECONDS + 1 })).rejects.toThrow(RangeError);
    });

    it('deletes only buckets whose window has certainly ended', async () => {
      const old = new Date(T0.getTime() - (MAX_WINDOW_SECONDS + 60) * 1000);
      await hitRateLimit(t.db, 'test:old', { limit: 5, windowSeconds: 60 }, old);
      await hitRateLimit(t.db, 'test:current', { limit: 5, windowSeconds: MAX_WINDOW_SECONDS }, T0);
      await deleteExpiredRateLimitBuckets(t.db, T0);
      const keys = (await t.db.selectFrom('rate_limit_buckets').select('key').execute()).map((r) => r.key);
      expect(keys.some((k) => k.startsWith('test:old|'))).toBe(false);
      expect(keys.some((k) => k.startsWith('test:current|'))).toBe(true);
    });

    it('the middleware answers 429 with Retry-After and the contract body in English or French', async () => {
      const app = new Hono();
      app.use('/limited', rateLimit({ db: t.db, rules: [{ limit: 2, windowSeconds: 3600 }], key: (c) => `test:mw:${clientAddress(c, 1)}` }));
      app.get('/limited', (c) => c.text('ok'));
      const from = (address: string, headers: Record<string, string> = {}) =>
        app.request('/limited', { headers: { 'x-forwarded-for': address, ...headers } });
      expect((await from('198.51.100.1')).status).toBe(200);
      expect((await from('198.51.100.1')).status).toBe(200);
      const refused = await from('198.51.100.1');
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 3600).toBe(true);
      const body = (await refused.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('rate_limited');
      expect(body.error.message).toMatch(/try again in/i);
      expect(body.error.message).not.toContain('198.51.100.1');
      const fr = (await (await from('198.51.100.1', { 'accept-language': 'fr-CA' })).json()) as { error: { message: string } };
      expect(fr.error.message).toMatch(/Réessayez dans/);
      // Another address has its own allowance.
      expect((await from('198.51.100.2')).status).toBe(200);
    });
  });
}

describe('client address', () => {
  const app = (hops: number) => {
    const a = new Hono();
    a.get('/', (c) => c.text(clientAddress(c, hops)));
    return a;
  };
  const ask = async (hops: number, xff?: string) =>
    (await app(hops).request('/', { headers: xff === undefined ? {} : { 'x-forwarded-for': xff } })).text();

  it('ignores X-Forwarded-For unless told to trust proxies; with no socket the address is unknown', async () => {
    expect(await ask(0, '203.0.113.9')).toBe(UNKNOWN_ADDRESS);
    expect(await ask(0)).toBe(UNKNOWN_ADDRESS);
    expect(await ask(1)).toBe(UNKNOWN_ADDRESS);
  });

  it('takes the N-th hop from the right, so addresses a client forged further left do not count', async () => {
    expect(await ask(1, '203.0.113.9')).toBe('203.0.113.9');
    expect(await ask(1, '10.9.9.9, 203.0.113.9')).toBe('203.0.113.9');
    expect(await ask(2, '10.9.9.9, 203.0.113.9, 192.0.2.1')).toBe('203.0.113.9');
    // Fewer hops than proxies: the header did not come through them all; not trusted.
    expect(await ask(2, '203.0.113.9')).toBe(UNKNOWN_ADDRESS);
    // Not an address: not trusted.
    expect(await ask(1, 'evil')).toBe(UNKNOWN_ADDRESS);
  });

  it('reads the socket address on a real connection', async () => {
    const server = serve({ fetch: app(0).fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
      expect(await res.text()).toBe('127.0.0.1');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('normalises address forms and keys IPv6 clients by their /64', () => {
    expect(normaliseAddress('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(normaliseAddress('203.0.113.9:4711')).toBe('203.0.113.9');
    expect(normaliseAddress('[2001:DB8::1]:443')).toBe('2001:db8::1');
    expect(normaliseAddress('fe80::1%eth0')).toBe('fe80::1');
    expect(normaliseAddress('not an address')).toBeUndefined();
    expect(rateLimitSubject('203.0.113.9')).toBe('203.0.113.9');
    expect(rateLimitSubject('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(rateLimitSubject('2001:db8:1:2:ffff:ffff:ffff:fffe')).toBe('2001:db8:1:2::/64');
    expect(rateLimitSubject('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(rateLimitSubject('::ffff:1.2.3.4')).toBe('0:0:0:0::/64');
    expect(rateLimitSubject(UNKNOWN_ADDRESS)).toBe(UNKNOWN_ADDRESS);
  });

  it('reads TRUST_PROXY as a number of hops, false by default', () => {
    expect(loadConfig({}).trustProxyHops).toBe(0);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxyHops).toBe(0);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxyHops).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxyHops).toBe(2);
    expect(() => loadConfig({ TRUST_PROXY: 'all' })).toThrow(/TRUST_PROXY/);
  });
});
