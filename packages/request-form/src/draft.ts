/**
 * The resident's unfinished request, kept so a reload or a dropped connection loses nothing.
 * What happened and where (in words) is kept in localStorage (it survives a browser restart); the
 * resident's name, email, phone and device position only in sessionStorage, so on a shared computer
 * (a library, a town-hall kiosk) the next person never sees them once the tab is closed.
 */

import { emptyValues, draftKey } from './values.ts';
import type { FormValues } from './values.ts';

export { emptyValues, draftKey };
export type { FormValues, PhotoRef } from './values.ts';

export interface Draft {
  v: 1;
  /** Sent as Idempotency-Key: the same draft retried after a lost response never creates a duplicate. */
  idempotencyKey: string;
  values: FormValues;
}

export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; some town sites are still served over plain http.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** What stays in this tab only: who the resident is and where their device was. */
export type Private = Pick<FormValues, 'name' | 'email' | 'phone' | 'lat' | 'lng'>;
const NO_PRIVATE: Private = { name: '', email: '', phone: '', lat: null, lng: null };

export function splitPrivate(values: FormValues): { shared: FormValues; private: Private } {
  const { name, email, phone, lat, lng } = values;
  return { shared: { ...values, ...NO_PRIVATE }, private: { name, email, phone, lat, lng } };
}

// Storage can be disabled or full (private browsing, strict settings); the form must still work.
export function read<T>(storage: () => Storage, key: string): Partial<T> | undefined {
  try {
    const raw = storage().getItem(key);
    return raw ? (JSON.parse(raw) as Partial<T>) : undefined;
  } catch {
    return undefined;
  }
}

export function write(storage: () => Storage, key: string, value: unknown): void {
  try {
    storage().setItem(key, JSON.stringify(value));
  } catch {
    /* storage unavailable: the in-memory form still holds the values */
  }
}

export function loadDraft(town: string): Draft | undefined {
  const parsed = read<Draft>(() => localStorage, draftKey(town));
  if (parsed?.v !== 1 || typeof parsed.idempotencyKey !== 'string' || !parsed.values) return undefined;
  const own = read<Private>(() => sessionStorage, draftKey(town));
  const values = { ...emptyValues(), ...parsed.values, ...own };
  if (!Array.isArray(values.photos)) values.photos = [];
  return { v: 1, idempotencyKey: parsed.idempotencyKey, values };
}

export function saveDraft(town: string, draft: Draft): void {
  const parts = splitPrivate(draft.values);
  write(() => localStorage, draftKey(town), { ...draft, values: parts.shared });
  write(() => sessionStorage, draftKey(town), parts.private);
}

export function clearDraft(town: string): void {
  for (const storage of [() => localStorage, () => sessionStorage]) {
    try {
      storage().removeItem(draftKey(town));
    } catch {
      /* ignore */
    }
  }
}

export function hasContent(values: FormValues): boolean {
  const { answers, photos, lat, ...rest } = values;
  return (
    Object.values(rest).some((v) => typeof v === 'string' && v.trim() !== '') ||
    Object.keys(answers).length > 0 ||
    photos.length > 0 ||
    lat !== null
  );
}
