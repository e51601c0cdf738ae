import path from 'node:path';
import { z } from 'zod';
import { isOrigin, normaliseOrigin } from '../towns/validation.ts';

const booleanFlag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
    .optional()
    .transform((v) => (v === undefined ? fallback : v === 'true' || v === '1' || v === 'yes'));

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

/** `limit/seconds` rules, comma-separated, or `off` (no limit). */
const rateRules = (fallback: string, what: string) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^(off|\d{1,6}\/\d{1,5}(,\d{1,6}\/\d{1,5})*)$/, `must be like ${fallback} (${what}/seconds), or off`)
      .default(fallback)
      .transform((v) => (v === 'off' ? [] : v.split(',').map((r) => ({ limit: Number(r.split('/')[0]), windowSeconds: Number(r.split('/')[1]) }))))
      .refine((rules) => rules.every((r) => r.limit >= 1 && r.windowSeconds >= 1 && r.windowSeconds <= 86_400), 'limits must be at least 1, windows 1 to 86400 seconds'),
  );

const envSchema = z.object({
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(8787)),
  HOST: z.preprocess(emptyToUndefined, z.string().min(1).default('127.0.0.1')),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().min(1).default('./data')),
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
  ),
  ADMIN_EMAIL: z.preprocess(emptyToUndefined, z.email().optional()),
  ADMIN_PASSWORD: z.preprocess(emptyToUndefined, z.string().min(12, 'must be at least 12 characters').optional()),
  SEED_DEMO: z.preprocess(emptyToUndefined, booleanFlag(true)),
  PUBLIC_ORIGIN: z.preprocess(
    emptyToUndefined,
    z
      .url()
      .refine((u) => new URL(u).origin === u.replace(/\/$/, ''), 'must be an origin like https://services.example.ca')
      .transform((u) => new URL(u).origin)
      .optional(),
  ),
  COOKIE_SECURE: z.preprocess(emptyToUndefined, booleanFlag(true)),
  MUNIKIT_OPEN311_KEYS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .optional()
      .transform((v) => (v ?? '').split(',').map((k) => k.trim()).filter(Boolean))
      .refine((keys) => keys.every((k) => k.length >= 24 && k.length <= 200), 'each key must be 24 to 200 characters'),
  ),
  // Sites allowed to use the default town's widgets besides those in its settings (comma-separated).
  MUNIKIT_ALLOWED_ORIGINS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .optional()
      .transform((v) => (v ?? '').split(',').map((o) => normaliseOrigin(o.trim())).filter(Boolean))
      .superRefine((origins, ctx) => {
        const bad = origins.find((o) => !isOrigin(o));
        if (bad) ctx.addIssue({ code: 'custom', message: `"${bad}" is not an origin like https://www.example-town.ca (https, no path; http only on localhost)` });
      }),
  ),
  // Outgoing email: smtp(s)://user:pass@host:port; unset = messages stay in the database outbox.
  SMTP_URL: z.preprocess(emptyToUndefined, z.string().regex(/^smtps?:\/\/[^\s]+$/, 'must look like smtp://user:password@host:587 or smtps://…').optional()),
  MAIL_FROM: z.preprocess(emptyToUndefined, z.string().min(3).max(300).default('MuniKit <no-reply@munikit.invalid>')),
  // Turns on Prometheus metrics at /metrics; a scrape must send it as a bearer token.
  METRICS_TOKEN: z.preprocess(emptyToUndefined, z.string().min(24, 'must be at least 24 characters').max(200).optional()),
  SHUTDOWN_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1000).max(600_000).default(25_000)),
  LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info')),
  // How many reverse proxies in front of the server append to X-Forwarded-For: false/0 (default: the
  // header is ignored), true = 1, or a number of hops. See platform/http/client-address.ts.
  TRUST_PROXY: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^(true|false|yes|no|\d{1,2})$/, 'must be false, true or a number of proxy hops')
      .optional()
      .transform((v) => (v === undefined || v === 'false' || v === 'no' ? 0 : v === 'true' || v === 'yes' ? 1 : Number(v))),
  ),
  // How often one address may file requests in one town: `limit/seconds` rules, comma-separated, or
  // `off`. The one place these numbers live.
  INTAKE_RATE_LIMIT: rateRules('10/600,50/86400', 'filings'),
  // How often one address may look requests up in one town (the tracker, duplicates at the door).
  STATUS_LOOKUP_RATE_LIMIT: rateRules('30/60,300/3600', 'lookups'),
  // Webhooks may post to private, loopback and link-local addresses, and over plain http:// (tests, a
  // town whose work-order system is on its own network). Off: only public https:// receivers.
  WEBHOOK_ALLOW_PRIVATE: z.preprocess(emptyToUndefined, booleanFlag(false)),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** Set when PostgreSQL is used; otherwise SQLite at `<dataDir>/munikit.sqlite`. */
  readonly databaseUrl: string | undefined;
  readonly adminEmail: string | undefined;
  readonly adminPassword: string | undefined;
  readonly seedDemo: boolean;
  /** Open311 API keys added to the default town at start (MUNIKIT_OPEN311_KEYS, comma-separated). */
  readonly open311Keys: readonly string[];
  readonly publicOrigin: string | undefined;
  /** MUNIKIT_ALLOWED_ORIGINS: site origins allowed for the default town on top of its settings. */
  readonly allowedOrigins: readonly string[];
  readonly cookieSecure: boolean;
  /** SMTP server for outgoing email; undefined keeps messages in the outbox (the offline demo). */
  readonly smtpUrl: string | undefined;
  /** The From of outgoing email. */
  readonly mailFrom: string;
  /** Set: /metrics answers Prometheus scrapes that send it as a bearer token. */
  readonly metricsToken: string | undefined;
  /** How long a shutdown waits for requests in flight and jobs in hand before exiting anyway. */
  readonly shutdownTimeoutMs: number;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Reverse proxies trusted to append to X-Forwarded-For (0: use the socket's address only). */
  readonly trustProxyHops: number;
  /** Filings allowed per address and town, shortest window first; [] = no limit. */
  readonly intakeRateLimits: readonly { readonly limit: number; readonly windowSeconds: number }[];
  /** STATUS_LOOKUP_RATE_LIMIT: lookups per address and town (empty: no limit). */
  readonly statusLookupRateLimits: readonly { readonly limit: number; readonly windowSeconds: number }[];
  /** WEBHOOK_ALLOW_PRIVATE: webhooks may reach private/loopback addresses and plain http:// (notifications/webhook-target.ts). */
  readonly webhookAllowPrivate: boolean;
}

export class ConfigError extends Error {}

/** Plain-HTTP sessions (COOKIE_SECURE=false) are for a demo on the same machine only. */
export const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid server configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (!e.COOKIE_SECURE && !LOOPBACK_HOSTS.has(e.HOST)) {
    throw new ConfigError(
      'Invalid server configuration:\n  COOKIE_SECURE: false is only allowed when HOST is a loopback address (127.0.0.1, ::1, localhost): ' +
        'staff sessions need HTTPS everywhere else',
    );
  }
  if (e.ADMIN_EMAIL && !e.ADMIN_PASSWORD) {
    throw new ConfigError('Invalid server configuration:\n  ADMIN_PASSWORD: required when ADMIN_EMAIL is set');
  }
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    adminEmail: e.ADMIN_EMAIL?.toLowerCase(),
    adminPassword: e.ADMIN_PASSWORD,
    seedDemo: e.SEED_DEMO,
    open311Keys: e.MUNIKIT_OPEN311_KEYS,
    publicOrigin: e.PUBLIC_ORIGIN,
    allowedOrigins: Object.freeze([...new Set(e.MUNIKIT_ALLOWED_ORIGINS)]),
    cookieSecure: e.COOKIE_SECURE,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    metricsToken: e.METRICS_TOKEN,
    trustProxyHops: e.TRUST_PROXY,
    intakeRateLimits: Object.freeze([...e.INTAKE_RATE_LIMIT].sort((a, b) => a.windowSeconds - b.windowSeconds)),
    statusLookupRateLimits: Object.freeze([...e.STATUS_LOOKUP_RATE_LIMIT].sort((a, b) => a.windowSeconds - b.windowSeconds)),
    webhookAllowPrivate: e.WEBHOOK_ALLOW_PRIVATE,
  });
}
