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
