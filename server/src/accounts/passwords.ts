// Password hashes: scrypt at OWASP's cost (N = 2^17, r = 8, p = 1), stored as
// `scrypt$N$r$p$salt$hash` (salt and hash base64url) so a hash made at an older cost still verifies and
// is upgraded at the next successful sign-in (needsRehash).
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { dictionary } from '@zxcvbn-ts/language-common';
import type { Lang } from '../platform/database/schema.ts';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** OWASP Password Storage Cheat Sheet: scrypt with N = 2^17, r = 8, p = 1 (128 MiB, a few hundred ms). */
export const PRODUCTION_SCRYPT_COST: ScryptCost = Object.freeze({ N: 2 ** 17, r: 8, p: 1 });
const KEYLEN = 32;

let targetCost: ScryptCost = PRODUCTION_SCRYPT_COST;

/**
 * For the test suite only (test/support/setup.ts): hashing at production cost would make every test that
 * signs in take half a second. The server and the CLI never call this.
 */
export function setScryptCostForTestsOnly(cost: ScryptCost): void {
  targetCost = Object.freeze({ ...cost });
  dummyHash = undefined;
}

export const currentScryptCost = (): ScryptCost => targetCost;

/**
 * At most this many scrypt computations run at once (each takes 128 MiB for a few hundred ms at
 * production cost): a burst of sign-ins queues instead of taking the server's memory and every thread
 * of libuv's pool, which file and DNS work share.
 */
export const MAX_CONCURRENT_HASHES = 2;
let running = 0;
const waiting: (() => void)[] = [];
let peak = 0;

async function withHashSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_HASHES) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  peak = Math.max(peak, running);
  try {
    return await fn();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** The most scrypt computations seen running at once (for tests). */
export const peakConcurrentHashes = (): number => peak;

function scryptAsync(password: string, salt: Buffer, keylen: number, cost: ScryptCost): Promise<Buffer> {
  // scrypt needs 128 · N · r bytes; allow twice that.
  const maxmem = Math.max(64 * 1024 * 1024, 256 * cost.N * cost.r);
  return withHashSlot(
    () =>
      new Promise<Buffer>((resolve, reject) => {
        scrypt(password.normalize('NFKC'), salt, keylen, { N: cost.N, r: cost.r, p: cost.p, maxmem }, (err, key) =>
          err ? reject(err) : resolve(key),
        );
      }),
  );
}

export async function hashPassword(password: string, cost: ScryptCost = targetCost): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEYLEN, cost);
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

function parse(stored: string): { cost: ScryptCost; salt: Buffer; hash: Buffer } | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [, n, r, p, saltB64, hashB64] = parts as [string, string, string, string, string, string];
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (![cost.N, cost.r, cost.p].every((v) => Number.isInteger(v) && v > 0)) return undefined;
  return { cost, salt: Buffer.from(saltB64, 'base64url'), hash: Buffer.from(hashB64, 'base64url') };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed || parsed.hash.length === 0) return false;
  const key = await scryptAsync(password, parsed.salt, parsed.hash.length, parsed.cost);
  return key.length === parsed.hash.length && timingSafeEqual(key, parsed.hash);
}

/** True when the stored hash was made at a lower cost than today's (rehash it after a good sign-in). */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  if (!parsed) return true;
  const t = targetCost;
  return parsed.cost.N < t.N || parsed.cost.r < t.r || parsed.cost.p < t.p || parsed.hash.length < KEYLEN;
}

// Hash checked when the email is unknown, so that a wrong email costs the same time as a wrong password.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}

// ---- Password policy (NIST SP 800-63B): a minimum length and a check against common passwords, no
// composition rules.

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** zxcvbn-ts's list of the 30 000 most common passwords (lower case). */
const COMMON = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.normalize('NFKC').toLowerCase());
}

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_email';

export function passwordProblem(password: string, email?: string): PasswordProblem | undefined {
  const length = [...password.normalize('NFKC')].length;
  if (length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (length > MAX_PASSWORD_LENGTH) return 'too_long';
  if (isCommonPassword(password)) return 'common';
  const local = email?.split('@')[0]?.toLowerCase();
  if (email && (password.toLowerCase() === email.toLowerCase() || (local && local.length >= 4 && password.toLowerCase() === local))) {
    return 'contains_email';
  }
  return undefined;
}

const PROBLEM_MESSAGES: Record<PasswordProblem, Record<Lang, string>> = {
  too_short: {
    en: `Use at least ${MIN_PASSWORD_LENGTH} characters. A few words make a password that is long and easy to remember.`,
    fr: `Utilisez au moins ${MIN_PASSWORD_LENGTH} caractères. Quelques mots forment un mot de passe long et facile à retenir.`,
  },
  too_long: {
    en: `Use at most ${MAX_PASSWORD_LENGTH} characters.`,
    fr: `Utilisez au plus ${MAX_PASSWORD_LENGTH} caractères.`,
  },
  common: {
    en: 'This password is one of the most common ones and easy to guess. Choose another.',
    fr: 'Ce mot de passe est parmi les plus courants et facile à deviner. Choisissez-en un autre.',
  },
  contains_email: {
    en: 'Do not use your email address as your password.',
    fr: 'N’utilisez pas votre adresse courriel comme mot de passe.',
  },
};

export const passwordProblemMessage = (problem: PasswordProblem, lang: Lang): string => PROBLEM_MESSAGES[problem][lang];
