import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { App, AppDeps, AppEnv, RouteDeps } from './app-types.ts';
import { loadSession, sessionCookieName } from './accounts/session.ts';
import { publicCors } from './platform/http/cors.ts';
import { securityHeaders } from './platform/http/security-headers.ts';
import { compression } from './platform/http/compression.ts';
import { townContext } from './platform/http/town.ts';
import { createTownDirectory } from './towns/directory.ts';
import { apiError, defaultHook } from './platform/http/errors.ts';
import { createLogger } from './platform/http/logger.ts';
import { requestLog } from './platform/http/request-log.ts';
import { createMetrics, registerMetricsRoute } from './platform/metrics/metrics.ts';
import { registerAuthRoutes } from './accounts/routes.ts';
import { registerAuditRoutes } from './accounts/audit-routes.ts';
import { registerMeRoutes } from './accounts/me-routes.ts';
import { registerOutboxRoutes } from './accounts/outbox-routes.ts';
import { registerUserRoutes } from './accounts/users-routes.ts';
import { registerTownSettingsRoutes } from './towns/settings-routes.ts';
import { registerApiKeyRoutes } from './accounts/api-keys-routes.ts';
import { registerTotpRoutes } from './accounts/totp-routes.ts';
import { registerOidcRoutes } from './accounts/oidc-routes.ts';
import { requireEnrolledTotp } from './accounts/totp-required.ts';
import { registerHealthRoutes } from './platform/health/routes.ts';
import { registerKbRoutes } from './kb/routes.ts';
import { registerRequestRoutes } from './requests/routes.ts';
import { registerNearbyRoutes } from './requests/nearby-routes.ts';
import { registerSubscriptionRoutes } from './notifications/subscriptions-routes.ts';
import { isUploadPath, registerPhotoRoutes } from './requests/photos/routes.ts';
import { registerServiceRoutes } from './services/routes.ts';
import { registerStaffRequestRoutes } from './requests/staff-routes.ts';
import { registerReportRoutes } from './reports/routes.ts';
import { registerPrivacyRoutes } from './privacy/routes.ts';
import { registerOpen311Routes } from './requests/open311/routes.ts';
import { DEFAULT_STATIC_PATHS, registerStaticRoutes } from './site/routes.ts';
import { registerTownRoutes } from './towns/routes.ts';
import { configureNotificationLinks } from './notifications/links.ts';
import { registerFixedPage } from './notifications/pages/fixed.ts';
import { registerWebhookRoutes } from './notifications/webhook-routes.ts';
import { linkOrigin } from './accounts/links.ts';

export type { App, AppDeps, AppEnv } from './app-types.ts';

export const MAX_BODY_BYTES = 64 * 1024;

/** Builds the whole HTTP application (no socket): `app.request()` in tests, @hono/node-server in main.ts. */
export function createApp(deps: AppDeps): App {
  const logger = deps.logger ?? createLogger(deps.config.logLevel);
  const towns = createTownDirectory(deps.db);
  configureNotificationLinks(linkOrigin(deps.config));
  const routeDeps: RouteDeps = {
    db: deps.db,
    towns,
    config: deps.config,
    logger,
    staticPaths: { ...DEFAULT_STATIC_PATHS, ...deps.staticPaths },
    lifecycle: deps.lifecycle ?? { draining: false },
  };
  const app: App = new OpenAPIHono<AppEnv>({ defaultHook });

  app.onError((err, c) => {
    if (err instanceof HTTPException) {
      if (err.status === 413) return apiError(c, 413, 'payload_too_large', 'The request body is larger than 64 KB.');
      if (err.status === 400) return apiError(c, 400, 'validation_failed', 'The request body is not valid JSON.');
      if (err.status === 415) return apiError(c, 415, 'validation_failed', 'Send the request body as application/json.');
      if (err.status === 404) return apiError(c, 404, 'not_found', 'Not found.');
    }
    logger.error(`${c.req.method} ${c.req.path} failed`, err);
    return apiError(c, 500, 'internal', 'Something went wrong on the server. Please try again later.');
  });

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) return apiError(c, 404, 'not_found', 'There is no such API endpoint.');
    return c.text('Not found', 404);
  });

  const metrics = deps.config.metricsToken ? createMetrics(deps.db) : undefined;
  app.use('*', requestLog(logger, routeDeps.lifecycle, metrics?.metrics));
  if (metrics) registerMetricsRoute(app, metrics.registry, deps.config.metricsToken!);
  app.use('*', async (c, next) => {
    c.set('db', deps.db);
    c.set('access', undefined);
    await next();
  });
  app.use('*', securityHeaders());
  app.use('*', compression());
  const tooLarge = (c: Context) => apiError(c, 413, 'payload_too_large', 'The request body is larger than 64 KB.');
  const apiBodyLimit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge });
  // Photo uploads stream their body under their own 10 MB limit (requests/photos/routes.ts).
  // A GET or HEAD has no body, and a declared Content-Length is checked from the header alone (what
  // bodyLimit does too), so the body stays unread: bodyLimit looks at `req.raw.body`, which makes
  // @hono/node-server build a full web Request and stream, and then JSON is no longer read on its fast path.
  app.use('/api/*', async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || isUploadPath(c.req.path)) return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      return parseInt(length || '0', 10) > MAX_BODY_BYTES ? tooLarge(c) : next();
    }
    return apiBodyLimit(c, next);
  });

  const cors = publicCors(towns, deps.config.publicOrigin, deps.config.allowedOrigins);
  app.use('/api/v1/towns', cors);
  app.use('/api/v1/towns/*', cors);
  const town = townContext(towns);
  app.use('/api/v1/towns/:town', town);
  app.use('/api/v1/towns/:town/*', town);
  app.use('/api/v1/staff/towns/:town', town);
  app.use('/api/v1/staff/towns/:town/*', town);

  const session = loadSession(deps.db, deps.config.cookieSecure);
  for (const p of ['/api/v1/auth/*', '/api/v1/staff/*']) {
    app.use(p, async (c, next) => {
      await next();
      if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
    });
    app.use(p, session);
  }
  app.use('/api/v1/staff/*', requireEnrolledTotp(deps.db));

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: sessionCookieName(deps.config.cookieSecure),
    description: 'Staff session cookie set by POST /api/v1/auth/login (__Host-munikit_session; munikit_session on a loopback demo without HTTPS)',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'csrf', {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
    description: 'The csrfToken from login/session; required on state-changing staff calls',
  });

  registerHealthRoutes(app, routeDeps);
  registerTownRoutes(app, routeDeps);
  registerKbRoutes(app, routeDeps);
  registerServiceRoutes(app, routeDeps);
  registerNearbyRoutes(app, routeDeps); // before /requests/{reference}
  registerRequestRoutes(app, routeDeps);
  registerSubscriptionRoutes(app, routeDeps);
  registerPhotoRoutes(app, routeDeps);
  registerAuthRoutes(app, routeDeps);
  registerTotpRoutes(app, routeDeps);
  registerOidcRoutes(app, routeDeps);
  registerStaffRequestRoutes(app, routeDeps);
  registerReportRoutes(app, routeDeps);
  registerMeRoutes(app, routeDeps);
  registerUserRoutes(app, routeDeps);
  registerTownSettingsRoutes(app, routeDeps);
  registerPrivacyRoutes(app, routeDeps);
  registerAuditRoutes(app, routeDeps);
  registerOutboxRoutes(app, routeDeps);
  registerApiKeyRoutes(app, routeDeps);
  registerOpen311Routes(app, routeDeps);
  registerWebhookRoutes(app, routeDeps);
  registerFixedPage(app, routeDeps);

  app.doc31('/api/v1/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'MuniKit API',
      version: '1.0.0',
      description: 'Public knowledge base and service requests for a town, plus the staff API.',
    },
  });

  registerStaticRoutes(app, routeDeps);
  return app;
}
