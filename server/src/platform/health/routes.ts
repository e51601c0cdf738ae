import { sql } from 'kysely';
import type { App, RouteDeps } from '../../app-types.ts';

export function registerHealthRoutes(app: App, { db, logger }: RouteDeps) {
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
}
