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

let seededNow = false;
if (config.seedDemo && (await listTowns(db)).length === 0) {
  await seedDemoTown(db);
  seededNow = true;
  logger.info('seeded the demo town into the empty database');
}

if (config.adminEmail && config.adminPassword) {
  try {
    if (await ensureAdmin(db, config.adminEmail, config.adminPassword)) logger.info(`created admin user ${config.adminEmail}`);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    await db.destroy();
    process.exit(1);
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

const app = createApp({ db, config, logger });

const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
  logger.info(`MuniKit server listening on http://${host}:${info.port}`);
});

// The outbox worker. Without SMTP_URL, email stays in the outbox (admins read it in the console).
const sender = config.smtpUrl ? smtpSender(config.smtpUrl, config.mailFrom) : keepInOutbox;
logger.info(config.smtpUrl ? 'email: sent through SMTP_URL' : 'email: kept in the outbox (set SMTP_URL to send)');
const worker = createWorker({ db, logger, handlers: { [EMAIL_KIND]: emailHandler(sender), [WEBHOOK_KIND]: webhookHandler({ allowPrivate: config.webhookAllowPrivate }) } });
worker.start();

const sweep = setInterval(() => {
  deleteExpiredSessions(db, nowIso()).catch((err: unknown) => logger.warn('expired session sweep failed', err));
}, 60 * 60 * 1000);
sweep.unref();

let closing = false;
function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  logger.info(`${signal}: shutting down`);
  clearInterval(sweep);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  server.close(() => {
    worker
      .stop()
      .then(() => db.destroy())
      .catch((err: unknown) => logger.error('closing the database failed', err))
      .finally(() => process.exit(0));
  });
  // Idle keep-alive connections would otherwise hold close() open.
  if ('closeIdleConnections' in server) server.closeIdleConnections();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
