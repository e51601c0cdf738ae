// One log line per answered request, and the request id on every line logged while answering it.
// While the process drains (shutting down), answers also close their connection.
// The line names the route's pattern (`/api/v1/towns/:town/requests/:reference`), never the path itself,
// the query string, the body, a header or the caller's address: those can hold a resident's reference,
// email or location, and logs are read by more people than the data is.
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Lifecycle } from '../../app-types.ts';
import type { Metrics } from '../metrics/metrics.ts';
import { requestScope, type Logger } from './logger.ts';

/** An id a reverse proxy already gave the request is kept when it looks like one. */
const PROXY_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestLog(logger: Logger, lifecycle: Lifecycle, metrics?: Metrics): MiddlewareHandler {
  return (c, next) => {
    const given = c.req.header('x-request-id');
    const reqId = given && PROXY_REQUEST_ID.test(given) ? given : randomUUID();
    const started = performance.now();
    return requestScope.run({ reqId }, async () => {
      await next();
      c.res.headers.set('X-Request-Id', reqId);
      // Shutting down: the answer closes its connection, so a keep-alive client moves to another instance.
      if (lifecycle.draining) c.res.headers.set('Connection', 'close');
      const ms = performance.now() - started;
      // After next(), the current route index is the last handler that ran: the one that answered.
      const route = routePath(c);
      logger.info('request', { method: c.req.method, route, status: c.res.status, ms: Math.round(ms * 10) / 10 });
      metrics?.observeRequest(c.req.method, route, c.res.status, ms / 1000);
    });
  };
}
