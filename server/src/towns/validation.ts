// Rules for a town's settings, shared by the settings API and `npm run admin -- add-town`.
import { z } from '@hono/zod-openapi';
import { bilingual } from '../platform/http/validation-messages.ts';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `https://www.town.ca` (or http on a loopback host, for testing): scheme, host and port only. */
export function isOrigin(value: string): boolean {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && LOOPBACK.has(u.hostname))) return false;
  return u.origin === value;
}

/** `HTTPS://WWW.Town.ca/` → `https://www.town.ca`: what a person pastes, as the browser sends it in Origin. Anything else unchanged. */
export function normaliseOrigin(value: string): string {
  try {
    const u = new URL(value);
    if (u.pathname === '/' && !u.search && !u.hash && !u.username && !u.password && u.origin !== 'null') return u.origin;
  } catch {
    // not a URL: left for isOrigin to refuse
  }
  return value;
}

let zones: Set<string> | undefined;
/** An IANA time zone this runtime knows (Intl), e.g. America/Toronto. */
export function isTimeZone(value: string): boolean {
  zones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
  return zones.has(value);
}

export const REFERENCE_PREFIX = /^[A-Z][A-Z0-9]{1,7}$/;

export const OriginSchema = z
  .string()
  .trim()
  .max(200)
  .transform(normaliseOrigin)
  .refine(
    isOrigin,
    bilingual(
      'Enter the address of a website, such as https://www.example-town.ca (https, without a path).',
      'Entrez l’adresse d’un site Web, comme https://www.exemple-ville.ca (https, sans chemin).',
    ),
  );

export const TimeZoneSchema = z
  .string()
  .trim()
  .max(100)
  .refine(isTimeZone, bilingual('Enter a time zone such as America/Toronto.', 'Entrez un fuseau horaire comme America/Toronto.'));
export const ReferencePrefixSchema = z
  .string()
  .trim()
  .refine(
    (v) => REFERENCE_PREFIX.test(v),
    bilingual(
      'Use two to eight capital letters or digits, starting with a letter (for example LKV).',
      'Utilisez de deux à huit majuscules ou chiffres, en commençant par une lettre (par exemple LKV).',
    ),
  );

/** An absolute http(s) address of a page (the town's tracker page); an empty value clears it (null). */
export const TrackerUrlSchema = z
  .string()
  .trim()
  .max(500)
  .refine(
    (v) => {
      if (v === '') return true;
      try {
        const u = new URL(v);
        return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '' && !u.username && !u.password;
      } catch {
        return false;
      }
    },
    bilingual(
      'Enter the full address of the page, such as https://www.example-town.ca/track-a-request.',
      'Entrez l’adresse complète de la page, comme https://www.exemple-ville.ca/suivre-une-demande.',
    ),
  )
  .transform((v) => (v === '' ? null : v));
