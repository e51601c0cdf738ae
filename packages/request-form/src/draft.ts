/** The resident's unfinished request, kept in localStorage so a reload or a dropped connection loses nothing. */

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

// Storage can be disabled or full (private browsing, strict settings); the form must still work.
export function loadDraft(town: string): Draft | undefined {
  try {
    const raw = localStorage.getItem(draftKey(town));
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Partial<Draft>;
    if (parsed.v !== 1 || typeof parsed.idempotencyKey !== 'string' || !parsed.values) return undefined;
    return { v: 1, idempotencyKey: parsed.idempotencyKey, values: { ...emptyValues(), ...parsed.values } };
  } catch {
    return undefined;
  }
}

export function saveDraft(town: string, draft: Draft): void {
  try {
    localStorage.setItem(draftKey(town), JSON.stringify(draft));
  } catch {
    /* storage unavailable: the in-memory form still holds the values */
  }
}

export function clearDraft(town: string): void {
  try {
    localStorage.removeItem(draftKey(town));
  } catch {
    /* ignore */
  }
}

export function hasContent(values: FormValues): boolean {
  const { answers, ...rest } = values;
  return Object.values(rest).some((v) => v.trim() !== '') || Object.keys(answers).length > 0;
}
