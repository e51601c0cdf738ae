// The per-address filing limit (INTAKE_RATE_LIMIT: 10 per 10 minutes, 50 per day) through the JSON
// API, on SQLite and (with TEST_DATABASE_URL) PostgreSQL. The clock is moved with fake Dates only
// (timers stay real), so no test waits.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/platform/config.ts';
import { createApp } from '../../src/app.ts';
import { createTestApp, dialects, testConfig } from '../support/harness.ts';

const valid = {
  serviceCode: 'pothole',
  description: 'A deep pothole.',
  location: { text: '1 Lake Road' },
  lang: 'en',
};
type ErrorBody = { error: { code: string; message: string } };

const NOON = Date.parse('2026-04-01T12:00:00.000Z'); // a 10-minute and a day boundary (UTC)
const MIN = 60_000;

for (const dialect of dialects) {
  describe.skipIf(dialect.skip)(`intake rate limit on ${dialect.name}`, () => {
    let t: Awaited<ReturnType<typeof createTestApp>>;
    const file = (from: string, body: unknown = valid, headers: Record<string, string> = {}) =>
      t.app.request('/api/v1/towns/testville/requests', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': from, ...headers },
        body: JSON.stringify(body),
      });
    const at = (ms: number) => vi.setSystemTime(ms);

    beforeAll(async () => {
      t = await createTestApp({ db: await dialect.open(), config: { TRUST_PROXY: '1' } });
    });
    afterAll(async () => {
      await t?.cleanup();
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it('has the agreed numbers by default, and INTAKE_RATE_LIMIT changes or turns them off', () => {
      expect(t.config.intakeRateLimits).toEqual([
        { limit: 10, windowSeconds: 600 },
        { limit: 50, windowSeconds: 86_400 },
      ]);
      expect(loadConfig({ INTAKE_RATE_LIMIT: '100/86400,20/60' }).intakeRateLimits).toEqual([
        { limit: 20, windowSeconds: 60 },
        { limit: 100, windowSeconds: 86_400 },
      ]);
      expect(loadConfig({ INTAKE_RATE_LIMIT: 'off' }).intakeRateLimits).toEqual([]);
      expect(() => loadConfig({ INTAKE_RATE_LIMIT: '10 per minute' })).toThrow(/INTAKE_RATE_LIMIT/);
      expect(() => loadConfig({ INTAKE_RATE_LIMIT: '0/60' })).toThrow(/INTAKE_RATE_LIMIT/);
      expect(() => loadConfig({ INTAKE_RATE_LIMIT: '5/90000' })).toThrow(/INTAKE_RATE_LIMIT/);
    });

    it('answers the 11th filing in 10 minutes with 429, Retry-After and an EN/FR message; other addresses are not affected; it resets', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      at(NOON + 30 * MIN);
      for (let i = 0; i < 10; i++) expect((await file('203.0.113.1')).status).toBe(201);

      at(NOON + 33 * MIN); // 3 minutes into the 12:30–12:40 window
      const refused = await file('203.0.113.1');
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('420');
      const body = (await refused.json()) as ErrorBody;
      expect(body.error.code).toBe('rate_limited');
      expect(body.error.message).toBe('Too many requests have come from your connection. Please try again in 7 minutes.');
      expect(JSON.stringify(body)).not.toContain('203.0.113.1');
      const fr = (await (await file('203.0.113.1', { ...valid, lang: 'fr' }, { 'accept-language': 'fr' })).json()) as ErrorBody;
      expect(fr.error.message).toBe('Trop de demandes envoyées depuis votre connexion. Réessayez dans 7 minutes.');

      expect((await file('203.0.113.2')).status).toBe(201);
      // The same town's limit is per address; IPv6 neighbours in one /64 share one allowance.
      for (let i = 0; i < 10; i++) expect((await file(`2001:db8:5:6::${i + 1}`)).status).toBe(201);
      expect((await file('2001:db8:5:6::ffff')).status).toBe(429);
      expect((await file('2001:db8:5:7::1')).status).toBe(201);

      at(NOON + 40 * MIN); // the next window
      expect((await file('203.0.113.1')).status).toBe(201);
    });

    it('counts only filings: refused bodies and Idempotency-Key replays spend nothing', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      at(NOON + 50 * MIN);
      for (let i = 0; i < 20; i++) expect((await file('203.0.113.3', { ...valid, description: '' })).status).toBe(400);
      const key = `replay-${crypto.randomUUID()}`;
      expect((await file('203.0.113.3', valid, { 'idempotency-key': key })).status).toBe(201);
      for (let i = 0; i < 15; i++) expect((await file('203.0.113.3', valid, { 'idempotency-key': key })).status).toBe(200);
      for (let i = 0; i < 9; i++) expect((await file('203.0.113.3')).status).toBe(201);
      // Even past the limit, a retry of a filed request still gets its reference back.
      expect((await file('203.0.113.3')).status).toBe(429);
      expect((await file('203.0.113.3', valid, { 'idempotency-key': key })).status).toBe(200);
    });

    it('allows 50 a day, then refuses until the day is over', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      const day = NOON + 24 * 60 * MIN; // noon the next day
      for (let w = 0; w < 5; w++) {
        at(day + w * 10 * MIN);
        for (let i = 0; i < 10; i++) expect((await file('203.0.113.4')).status).toBe(201);
      }
      at(day + 60 * MIN);
      const refused = await file('203.0.113.4');
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe(String(11 * 60 * 60)); // 13:00 → midnight UTC
      expect(((await refused.json()) as ErrorBody).error.message).toMatch(/try again in 11 hours/);
      at(day + 12 * 60 * MIN);
      expect((await file('203.0.113.4')).status).toBe(201);
    });

    it('files without limit when INTAKE_RATE_LIMIT is off', async () => {
      // A second app on the same database: one PostgreSQL test schema at a time.
      const off = createApp({ db: t.db, config: testConfig({ INTAKE_RATE_LIMIT: 'off' }) });
      for (let i = 0; i < 12; i++) {
        const res = await off.request('/api/v1/towns/testville/requests', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(valid),
        });
        expect(res.status).toBe(201);
      }
    });
  });
}
