// /healthz (alive) and /readyz (send traffic): pending migrations and a draining process are not ready.
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { migrateToLatest } from '../../src/platform/database/migrate.ts';
import { openSqliteTestDb, testConfig } from '../support/harness.ts';

describe('/readyz', () => {
  it('is 503 with the pending migrations until migrated, 200 then, and 503 again while draining', async () => {
    const tdb = await openSqliteTestDb();
    const lifecycle = { draining: false };
    const app = createApp({ db: tdb.db, config: testConfig(), lifecycle });
    try {
      expect((await app.request('/healthz')).status).toBe(200);
      const early = await app.request('/readyz');
      expect(early.status).toBe(503);
      const pending = ((await early.json()) as { pendingMigrations: string[] }).pendingMigrations;
      expect(pending[0]).toMatch(/^0001_/);

      await migrateToLatest(tdb.db);
      const ready = await app.request('/readyz');
      expect(ready.status).toBe(200);
      expect(ready.headers.get('cache-control')).toBe('no-store');

      lifecycle.draining = true;
      const draining = await app.request('/readyz');
      expect(draining.status).toBe(503);
      expect(await draining.json()).toEqual({ status: 'draining' });
      expect(draining.headers.get('connection')).toBe('close');
    } finally {
      await tdb.cleanup();
    }
  });
});

describe('/metrics', () => {
  const TOKEN = 'a-metrics-token-of-enough-length';

  it('is not there unless METRICS_TOKEN is set', async () => {
    const tdb = await openSqliteTestDb();
    try {
      const app = createApp({ db: tdb.db, config: testConfig() });
      expect((await app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    } finally {
      await tdb.cleanup();
    }
  });

  it('answers a scrape with the token: requests by route pattern and status, the outbox queue, process figures', async () => {
    const tdb = await openSqliteTestDb();
    try {
      await migrateToLatest(tdb.db);
      const app = createApp({ db: tdb.db, config: testConfig({ METRICS_TOKEN: TOKEN }) });
      await app.request('/healthz');
      await app.request('/api/v1/towns/nowhere');
      expect((await app.request('/metrics')).status).toBe(401);
      expect((await app.request('/metrics', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      const res = await app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await res.text();
      expect(text).toContain('munikit_http_requests_total{method="GET",route="/healthz",status="200"} 1');
      expect(text).toContain('munikit_http_requests_total{method="GET",route="/api/v1/towns/:town",status="404"} 1');
      expect(text).toContain('munikit_outbox_jobs{state="pending"} 0');
      expect(text).toContain('munikit_process_cpu_seconds_total');
      expect(text).not.toContain('nowhere');
    } finally {
      await tdb.cleanup();
    }
  });
});
