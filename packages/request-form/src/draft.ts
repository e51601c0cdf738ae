/**
 * The resident's unfinished request, kept so a reload or a dropped connection loses nothing.
 * What happened and where is kept in localStorage (it survives a browser restart); the resident's name,
 * email and phone only in sessionStorage, so on a shared computer (a library, a town-hall kiosk) the
 * next person never sees them once the tab is closed.
 */

export interface FormValues {
  serviceCode: string;
  description: string;
  locationText: string;
  name: string;
  email: string;
  phone: string;
  answers: Record<string, string | string[]>;
}

export interface Draft {
  v: 1;
  /** Sent as Idempotency-Key: the same draft retried after a lost response never creates a duplicate. */
  idempotencyKey: string;
  values: FormValues;
}

export function emptyValues(): FormValues {
  return { serviceCode: '', description: '', locationText: '', name: '', email: '', phone: '', answers: {} };
}

export function draftKey(town: string): string {
  return `munikit:request-draft:${town}`;
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

type Contact = Pick<FormValues, 'name' | 'email' | 'phone'>;
const NO_CONTACT: Contact = { name: '', email: '', phone: '' };

// Storage can be disabled or full (private browsing, strict settings); the form must still work.
function read<T>(storage: () => Storage, key: string): Partial<T> | undefined {
  try {
    const raw = storage().getItem(key);
    return raw ? (JSON.parse(raw) as Partial<T>) : undefined;
  } catch {
    return undefined;
  }
}

function write(storage: () => Storage, key: string, value: unknown): void {
  try {
    storage().setItem(key, JSON.stringify(value));
  } catch {
    /* storage unavailable: the in-memory form still holds the values */
  }
}

export function loadDraft(town: string): Draft | undefined {
  const parsed = read<Draft>(() => localStorage, draftKey(town));
  if (parsed?.v !== 1 || typeof parsed.idempotencyKey !== 'string' || !parsed.values) return undefined;
  const contact = read<Contact>(() => sessionStorage, draftKey(town));
  return { v: 1, idempotencyKey: parsed.idempotencyKey, values: { ...emptyValues(), ...parsed.values, ...contact } };
}

export function saveDraft(town: string, draft: Draft): void {
  const { name, email, phone, ...rest } = draft.values;
  write(() => localStorage, draftKey(town), { ...draft, values: { ...rest, ...NO_CONTACT } });
  write(() => sessionStorage, draftKey(town), { name, email, phone });
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
  const { answers, ...rest } = values;
  return Object.values(rest).some((v) => v.trim() !== '') || Object.keys(answers).length > 0;
}
