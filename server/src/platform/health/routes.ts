// /healthz: the process is alive and its database answers (restart it when this fails).
// /readyz: it should get traffic: the database answers, every migration this release knows is applied,
// and it is not shutting down (a load balancer stops sending requests as soon as SIGTERM arrives).
import { sql } from 'kysely';
import type { App, RouteDeps } from '../../app-types.ts';
import { createMigrator } from '../database/migrate.ts';

export function registerHealthRoutes(app: App, { db, logger, lifecycle }: RouteDeps) {
  app.get('/healthz', async (c) => {
    c.header('Cache-Control', 'no-store');
    try {
      await sql`select 1`.execute(db);
      return c.json({ status: 'ok' }, 200);
    } catch (err) {
      logger.warn('health check: database did not answer', err);
      return c.json({ status: 'unavailable' }, 503);
    }
  });

  let migrated = false; // once every migration is applied it stays so for this process
  app.get('/readyz', async (c) => {
    c.header('Cache-Control', 'no-store');
    if (lifecycle.draining) return c.json({ status: 'draining' }, 503);
    try {
      await sql`select 1`.execute(db);
      if (!migrated) {
        const pending = (await (await createMigrator(db)).getMigrations()).filter((m) => m.executedAt === undefined).map((m) => m.name);
        if (pending.length > 0) return c.json({ status: 'unavailable', database: 'ok', pendingMigrations: pending }, 503);
        migrated = true;
      }
    } catch (err) {
      logger.warn('readiness check: database did not answer', err);
      return c.json({ status: 'unavailable', database: 'unavailable' }, 503);
    }
    return c.json({ status: 'ready', database: 'ok' }, 200);
  });
}
