// Prometheus metrics at /metrics (prom-client), off unless METRICS_TOKEN is set; a scrape then sends
// `Authorization: Bearer <token>`. Figures only: counts and durations per route pattern and status,
// the outbox's queue, and Node's own process metrics. Nothing in them names a resident or a request.
import { timingSafeEqual } from 'node:crypto';
import client from 'prom-client';
import type { App } from '../../app-types.ts';
import type { Db } from '../database/schema.ts';

export interface Metrics {
  observeRequest(method: string, route: string, status: number, seconds: number): void;
}

export function createMetrics(db: Db): { metrics: Metrics; registry: client.Registry } {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'munikit_' });
  const requests = new client.Counter({
    name: 'munikit_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new client.Histogram({
    name: 'munikit_http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new client.Gauge({
    name: 'munikit_outbox_jobs',
    help: 'Jobs in the outbox (email, webhooks) by state: pending (waiting or being worked) and failed (gave up)',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      const row = await db
        .selectFrom('jobs')
        .select((eb) => [
          eb.fn.count<string>('id').filterWhere((w) => w.and([w('done_at', 'is', null), w('failed_at', 'is', null)])).as('pending'),
          eb.fn.count<string>('id').filterWhere('failed_at', 'is not', null).as('failed'),
        ])
        .executeTakeFirstOrThrow();
      this.set({ state: 'pending' }, Number(row.pending));
      this.set({ state: 'failed' }, Number(row.failed));
    },
  });
  return {
    registry,
    metrics: {
      observeRequest(method, route, status, seconds) {
        requests.inc({ method, route, status: String(status) });
        duration.observe({ method, route }, seconds);
      },
    },
  };
}

export function registerMetricsRoute(app: App, registry: client.Registry, token: string) {
  const expected = Buffer.from(`Bearer ${token}`);
  app.get('/metrics', async (c) => {
    const given = Buffer.from(c.req.header('authorization') ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      c.header('WWW-Authenticate', 'Bearer');
      return c.json({ error: { code: 'unauthorized', message: 'Send the METRICS_TOKEN as a bearer token.' } }, 401);
    }
    c.header('Cache-Control', 'no-store');
    return c.body(await registry.metrics(), 200, { 'Content-Type': registry.contentType });
  });
}
