// Two-factor sign-in with TOTP (RFC 6238: 6 digits, 30-second steps, SHA-1 — what every authenticator
// app reads from an otpauth:// QR code) and single-use recovery codes.
//
// Rules:
// - A secret is created unconfirmed by "start enrolment" and becomes active only when a first code from
//   the app is given; it is shown then and never returned again.
// - A code is accepted one step either side of now (clock drift) and never twice: the last accepted
//   step is stored and only a later step is accepted, by one conditional UPDATE, so two instances
//   racing on one code cannot both accept it.
// - Ten recovery codes (50 random bits each) are shown once; only a SHA-256 of user id and code is
//   stored; using one marks it used in the statement that checks it.
// - Between a right password and a right code the browser holds a pending-login token (5 minutes,
//   single use, SHA-256 stored): no session exists until the second step succeeds.
import { randomBytes } from 'node:crypto';
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import { nowIso, type DbOrTx } from '../platform/database/schema.ts';
import { newToken, sha256 } from './tokens.ts';

export const TOTP_PERIOD = 30;
export const RECOVERY_CODE_COUNT = 10;
export const PENDING_LOGIN_TTL_MS = 5 * 60 * 1000;
const ISSUER = 'MuniKit';

const totpFor = (secret: string, label = 'staff') =>
  new OTPAuth.TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD, secret: OTPAuth.Secret.fromBase32(secret) });

export const newTotpSecret = (): string => new OTPAuth.Secret({ size: 20 }).base32;

/** The otpauth:// URI and the same as a QR code image (an SVG data: URL, allowed by the console's CSP). */
export async function enrolmentPicture(secret: string, email: string) {
  const uri = totpFor(secret, email).toString();
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { otpauthUri: uri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/** The current code (for tests and the CLI's checks). */
export const currentCode = (secret: string, timestamp = Date.now()): string => totpFor(secret).generate({ timestamp });

/** The 30-second step a code matches (now ± 1 step), or undefined. */
export function matchingStep(secret: string, code: string, now = Date.now()): number | undefined {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return undefined;
  const delta = totpFor(secret).validate({ token, timestamp: now, window: 1 });
  return delta === null ? undefined : Math.floor(now / 1000 / TOTP_PERIOD) + delta;
}

export interface TotpCredential {
  secret: string;
  confirmed: boolean;
  lastStep: number;
}

export async function getTotp(db: DbOrTx, userId: string): Promise<TotpCredential | undefined> {
  const r = await db.selectFrom('totp_credentials').selectAll().where('user_id', '=', userId).executeTakeFirst();
  return r ? { secret: r.secret, confirmed: r.confirmed_at !== null, lastStep: Number(r.last_step) } : undefined;
}

export const hasTotp = async (db: DbOrTx, userId: string): Promise<boolean> => (await getTotp(db, userId))?.confirmed ?? false;

/** Starts (or restarts) an enrolment: a new unconfirmed secret. Callers refuse when one is confirmed. */
export async function startTotpEnrolment(db: DbOrTx, userId: string): Promise<string> {
  const secret = newTotpSecret();
  await db.deleteFrom('totp_credentials').where('user_id', '=', userId).execute();
  await db.insertInto('totp_credentials').values({ user_id: userId, secret, confirmed_at: null, last_step: 0, created_at: nowIso() }).execute();
  return secret;
}

/**
 * Checks a code against the user's secret (confirmed, or the pending one when `pending`) and uses its
 * step: true only once per step.
 */
export async function useTotpCode(db: DbOrTx, userId: string, code: string, opts: { pending?: boolean } = {}): Promise<boolean> {
  const t = await getTotp(db, userId);
  if (!t || t.confirmed === Boolean(opts.pending)) return false;
  const step = matchingStep(t.secret, code);
  if (step === undefined || step <= t.lastStep) return false;
  const r = await db
    .updateTable('totp_credentials')
    .set({ last_step: step })
    .where('user_id', '=', userId)
    .where('last_step', '<', step)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function confirmTotp(db: DbOrTx, userId: string): Promise<void> {
  await db.updateTable('totp_credentials').set({ confirmed_at: nowIso() }).where('user_id', '=', userId).execute();
}

export async function removeTotp(db: DbOrTx, userId: string): Promise<void> {
  await db.deleteFrom('totp_credentials').where('user_id', '=', userId).execute();
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
}

const normaliseRecovery = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');
const recoveryId = (userId: string, code: string) => sha256(`${userId}:${normaliseRecovery(code)}`);

/** Replaces the user's recovery codes with new ones, returned once (e.g. `k7m2-x9qp-4d`). */
export async function newRecoveryCodes(db: DbOrTx, userId: string): Promise<string[]> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const codes: string[] = [];
  while (codes.length < RECOVERY_CODE_COUNT) {
    const bytes = randomBytes(10);
    const raw = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
    const code = `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 10)}`;
    if (!codes.includes(code)) codes.push(code);
  }
  const now = nowIso();
  await db
    .insertInto('recovery_codes')
    .values(codes.map((c) => ({ id: recoveryId(userId, c), user_id: userId, created_at: now, used_at: null })))
    .execute();
  return codes;
}

export async function useRecoveryCode(db: DbOrTx, userId: string, code: string): Promise<boolean> {
  if (code.length > 40 || normaliseRecovery(code).length !== 10) return false;
  const r = await db
    .updateTable('recovery_codes')
    .set({ used_at: nowIso() })
    .where('id', '=', recoveryId(userId, code))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function recoveryCodesLeft(db: DbOrTx, userId: string): Promise<number> {
  const r = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function issuePendingLogin(db: DbOrTx, userId: string, method: 'password' | 'sso' = 'password'): Promise<{ token: string; expiresAt: string }> {
  const token = newToken();
  const now = Date.now();
  const expiresAt = new Date(now + PENDING_LOGIN_TTL_MS).toISOString();
  await db.insertInto('pending_logins').values({ id: sha256(token), user_id: userId, method, created_at: new Date(now).toISOString(), expires_at: expiresAt, used_at: null }).execute();
  // Old ones go: the table only holds sign-ins in progress.
  await db.deleteFrom('pending_logins').where('expires_at', '<', new Date(now - PENDING_LOGIN_TTL_MS).toISOString()).execute();
  return { token, expiresAt };
}

/** The user a still-valid pending login belongs to, and its first step (does not use it). */
export async function peekPendingLogin(db: DbOrTx, token: string): Promise<{ userId: string; method: 'password' | 'sso' } | undefined> {
  if (token.length > 200) return undefined;
  const r = await db
    .selectFrom('pending_logins')
    .select(['user_id', 'method'])
    .where('id', '=', sha256(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', nowIso())
    .executeTakeFirst();
  return r ? { userId: r.user_id, method: r.method } : undefined;
}

/** Uses a pending login: true once. */
export async function consumePendingLogin(db: DbOrTx, token: string): Promise<boolean> {
  const now = nowIso();
  const r = await db
    .updateTable('pending_logins')
    .set({ used_at: now })
    .where('id', '=', sha256(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** True when one of the user's towns requires two-factor sign-in. */
export async function twoFactorRequired(db: DbOrTx, userId: string): Promise<boolean> {
  const rows = await db
    .selectFrom('user_town_roles')
    .innerJoin('towns', 'towns.id', 'user_town_roles.town_id')
    .select('towns.settings')
    .where('user_town_roles.user_id', '=', userId)
    .execute();
  return rows.some((r) => (JSON.parse(r.settings) as { requireTwoFactor?: unknown }).requireTwoFactor === true);
}
