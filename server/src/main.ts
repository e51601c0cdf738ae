// Process entry: `node server/src/main.ts`. Configuration comes from the environment (see config.ts).
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { createDemoAdmin, ensureAdmin } from './accounts/bootstrap.ts';
import { ConfigError, loadConfig, type Config } from './platform/config.ts';
import { createLogger } from './platform/http/logger.ts';
import { createDatabase } from './platform/database/database.ts';
import { migrateToLatest } from './platform/database/migrate.ts';
import { nowIso } from './platform/database/schema.ts';
import { deleteExpiredSessions } from './accounts/sessions-store.ts';
import { createWorker } from './platform/jobs/worker.ts';
import { EMAIL_KIND, emailHandler, keepInOutbox, smtpSender } from './platform/jobs/email.ts';
import { WEBHOOK_KIND, webhookHandler } from './notifications/webhooks.ts';
import { listTowns } from './towns/store.ts';
import { ensureApiKeys } from './accounts/api-keys.ts';
import { seedDemoTown } from './seed/seed.ts';
import { withStartupLock } from './platform/database/startup-lock.ts';
import { RETENTION_KIND, retentionHandler, scheduleRetention } from './privacy/retention.ts';
import { createPhotoStorage } from './requests/photos/bytes.ts';

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

const logger = createLogger(config.logLevel);
const { db, dialect, location } = createDatabase(config);
logger.info(`database: ${dialect} (${location})`);

const applied = await migrateToLatest(db);
if (applied.length > 0) logger.info(`migrations applied: ${applied.join(', ')}`);

// Instances started at the same moment on one PostgreSQL take turns here (see startup-lock.ts).
const startupFailed = await withStartupLock(db, async (db) => {
  let seededNow = false;
  if (config.seedDemo && (await listTowns(db)).length === 0) {
    seededNow = await seedDemoTown(db);
    if (seededNow) logger.info('seeded the demo town into the empty database');
  }

  if (config.adminEmail && config.adminPassword) {
    try {
      if (await ensureAdmin(db, config.adminEmail, config.adminPassword)) logger.info(`created admin user ${config.adminEmail}`);
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      console.error(err.message);
      return true;
    }
  } else if (seededNow) {
    const demoAdmin = await createDemoAdmin(db);
    if (demoAdmin) {
      logger.info(
        `demo staff sign-in (shown once): ${demoAdmin.email} / ${demoAdmin.password}` +
          ' (set ADMIN_EMAIL and ADMIN_PASSWORD, or run `npm run admin -- create-user`, for real accounts)',
      );
    }
  }

  if (config.open311Keys.length > 0) {
    // The default town: the only one, else the first by id (as the widgets' default).
    const [town] = await listTowns(db);
    if (!town) logger.warn('MUNIKIT_OPEN311_KEYS is set but there is no town yet: no key added');
    else {
      const added = await ensureApiKeys(db, town.id, config.open311Keys);
      if (added > 0) logger.info(`added ${added} Open311 API key(s) from MUNIKIT_OPEN311_KEYS to ${town.id}`);
    }
  }
  return false;
});
if (startupFailed) {
  await db.destroy();
  process.exit(1);
}

const lifecycle = { draining: false };
const app = createApp({ db, config, logger, lifecycle });

const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
  logger.info(`MuniKit server listening on http://${host}:${info.port}`);
});

// The outbox worker. Without SMTP_URL, email stays in the outbox (admins read it in the console).
const sender = config.smtpUrl ? smtpSender(config.smtpUrl, config.mailFrom) : keepInOutbox;
logger.info(config.smtpUrl ? 'email: sent through SMTP_URL' : 'email: kept in the outbox (set SMTP_URL to send)');
const worker = createWorker({
  db,
  logger,
  handlers: {
    [EMAIL_KIND]: emailHandler(sender),
    [WEBHOOK_KIND]: webhookHandler({ allowPrivate: config.webhookAllowPrivate }),
    [RETENTION_KIND]: retentionHandler(createPhotoStorage(config, db)),
  },
});
worker.start();

// Hourly upkeep: expired sessions go, and today's retention run is put in the outbox (once a day for
// all instances: erasing residents' data of requests closed longer ago than their town keeps it).
const upkeep = () => {
  deleteExpiredSessions(db, nowIso()).catch((err: unknown) => logger.warn('expired session sweep failed', err));
  scheduleRetention(db).catch((err: unknown) => logger.warn('scheduling the retention run failed', err));
};
upkeep();
const sweep = setInterval(upkeep, 60 * 60 * 1000);
sweep.unref();

// SIGTERM (systemd, a container stop) or Ctrl-C: /readyz answers 503 at once, no new connection is
// accepted, requests in flight are answered (their connections then close), the outbox worker finishes
// the jobs in hand, and the database is closed. Whatever is still running after SHUTDOWN_TIMEOUT_MS is cut.
let closing = false;
function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  lifecycle.draining = true;
  logger.info(`${signal}: shutting down (finishing requests in flight and jobs in hand)`);
  clearInterval(sweep);
  const force = setTimeout(() => {
    logger.error(`shutdown took longer than ${config.shutdownTimeoutMs} ms: exiting with work unfinished`);
    process.exit(1);
  }, config.shutdownTimeoutMs);
  force.unref();
  server.close(() => {
    worker
      .stop()
      .then(() => db.destroy())
      .then(() => logger.info('shut down cleanly'))
      .catch((err: unknown) => logger.error('closing the database failed', err))
      .finally(() => process.exit(0));
  });
  // Idle keep-alive connections would otherwise hold close() open; busy ones close after their answer.
  if ('closeIdleConnections' in server) server.closeIdleConnections();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
