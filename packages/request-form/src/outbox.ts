/**
 * Requests filed while offline, kept in this browser until the connection returns, then sent
 * exactly once: each keeps the Idempotency-Key it was first tried with, so a send whose answer was
 * lost is answered by the server with the first reply instead of a second request.
 *
 * Where they live: what and where (service, description, place in words, answers, photo ids) in
 * localStorage, so they survive a closed tab or a restarted browser; the resident's name, email,
 * phone and device position only in sessionStorage (the same rule as the draft), so on a shared
 * computer they are gone when the tab closes. A queued request whose private part is gone is never
 * sent without it: it comes back to the form for the resident to check (see `needsReview`).
 */
import { ApiError, NetworkError } from '@munikit/core';
import type { ApiClient, ApiFieldError, NewServiceRequest, SubmittedRequest } from '@munikit/core';
import { read, write } from './draft.ts';
import { outboxKey } from './values.ts';
import { submitRequest } from './requests-api.ts';

export { outboxKey };

export interface QueuedRequest {
  v: 1;
  idempotencyKey: string;
  serviceCode: string;
  queuedAt: string;
  /** The request without its private part. */
  body: NewServiceRequest;
  /** Whether contact details or a device position belong to it (kept in sessionStorage). */
  hasPrivate: boolean;
}

interface PrivatePart {
  contact?: NewServiceRequest['contact'];
  lat?: number | null;
  lng?: number | null;
}

function entries(town: string): QueuedRequest[] {
  const list = read<QueuedRequest[]>(() => localStorage, outboxKey(town)) as Array<QueuedRequest | undefined> | undefined;
  return Array.isArray(list) ? list.filter((e): e is QueuedRequest => e?.v === 1 && typeof e.idempotencyKey === 'string' && !!e.body) : [];
}

function privateParts(town: string): Record<string, PrivatePart> {
  return (read<Record<string, PrivatePart>>(() => sessionStorage, outboxKey(town)) ?? {}) as Record<string, PrivatePart>;
}

function save(town: string, list: QueuedRequest[], parts: Record<string, PrivatePart>): void {
  const keys = new Set(list.map((e) => e.idempotencyKey));
  const kept = Object.fromEntries(Object.entries(parts).filter(([k]) => keys.has(k)));
  for (const [storage, value] of [[() => localStorage, list], [() => sessionStorage, kept]] as const) {
    if (Array.isArray(value) ? value.length : Object.keys(value).length) write(storage, outboxKey(town), value);
    else {
      try {
        storage().removeItem(outboxKey(town));
      } catch {
        /* storage unavailable */
      }
    }
  }
}

/** Keeps `body` to send later under `idempotencyKey`. */
export function enqueue(town: string, idempotencyKey: string, body: NewServiceRequest): void {
  const { contact, location, ...rest } = body;
  const { lat, lng, ...place } = location;
  const part: PrivatePart = { ...(contact ? { contact } : {}), ...(lat != null && lng != null ? { lat, lng } : {}) };
  const hasPrivate = Object.keys(part).length > 0;
  const entry: QueuedRequest = {
    v: 1,
    idempotencyKey,
    serviceCode: body.serviceCode,
    queuedAt: new Date().toISOString(),
    body: { ...rest, location: place },
    hasPrivate,
  };
  const list = entries(town).filter((e) => e.idempotencyKey !== idempotencyKey);
  const parts = privateParts(town);
  if (hasPrivate) parts[idempotencyKey] = part;
  save(town, [...list, entry], parts);
}

/** Requests waiting on this device. */
export function queued(town: string): QueuedRequest[] {
  return entries(town);
}

function remove(town: string, idempotencyKey: string): void {
  save(town, entries(town).filter((e) => e.idempotencyKey !== idempotencyKey), privateParts(town));
}

/** The whole request again, or undefined when its private part did not survive (another tab, a restart). */
function assemble(entry: QueuedRequest, part: PrivatePart | undefined): NewServiceRequest | undefined {
  if (!entry.hasPrivate) return entry.body;
  if (!part) return undefined;
  const location = { ...entry.body.location, ...(part.lat != null && part.lng != null ? { lat: part.lat, lng: part.lng } : {}) };
  return { ...entry.body, ...(part.contact ? { contact: part.contact } : {}), location };
}

export type Outcome =
  | { kind: 'sent'; idempotencyKey: string; serviceCode: string; result: SubmittedRequest }
  /** Taken out of the queue for the resident to check: refused by the server, or its private part is gone. */
  | { kind: 'review'; entry: QueuedRequest; fields: ApiFieldError[]; privateLost: boolean };

export interface FlushResult {
  outcomes: Outcome[];
  /** Still waiting (no connection, server trouble, rate limit). */
  waiting: number;
  /** From a 429: when to try again. */
  retryAfterSeconds?: number;
}

const inFlight = new Map<string, Promise<FlushResult>>();

/**
 * Sends every queued request of `town`, oldest first, stopping at the first sign the connection or
 * the server is not there. `canReview` says whether the caller can take a request back into its
 * form; when it cannot, such requests stay queued. One flush at a time per town in this page, and
 * (with the Web Locks API) across the tabs of this browser.
 */
export function flush(client: ApiClient, town: string, canReview: boolean): Promise<FlushResult> {
  let pending = inFlight.get(town);
  if (!pending) {
    const run = () => flushNow(client, town, canReview);
    pending = (navigator.locks ? navigator.locks.request(`munikit:outbox:${town}`, run) : run()).finally(() => inFlight.delete(town));
    inFlight.set(town, pending);
  }
  return pending;
}

async function flushNow(client: ApiClient, town: string, canReview: boolean): Promise<FlushResult> {
  const outcomes: Outcome[] = [];
  let retryAfterSeconds: number | undefined;
  // A form takes back one request at a time; others wait for the next flush.
  let room = canReview;
  // Read inside the lock: another tab may have just sent some.
  for (const entry of entries(town)) {
    const body = assemble(entry, privateParts(town)[entry.idempotencyKey]);
    if (!body) {
      if (!room) continue;
      room = false;
      remove(town, entry.idempotencyKey);
      outcomes.push({ kind: 'review', entry, fields: [], privateLost: true });
      continue;
    }
    try {
      const result = await submitRequest(client, town, body, entry.idempotencyKey);
      remove(town, entry.idempotencyKey);
      outcomes.push({ kind: 'sent', idempotencyKey: entry.idempotencyKey, serviceCode: entry.serviceCode, result });
    } catch (error) {
      if (error instanceof NetworkError || !(error instanceof ApiError) || error.status >= 500) break;
      if (error.code === 'rate_limited') {
        retryAfterSeconds = error.retryAfterSeconds ?? 60;
        break;
      }
      if (!room) continue;
      room = false;
      remove(town, entry.idempotencyKey);
      outcomes.push({ kind: 'review', entry: { ...entry, body }, fields: error.fields, privateLost: false });
    }
  }
  return { outcomes, waiting: entries(town).length, ...(retryAfterSeconds ? { retryAfterSeconds } : {}) };
}
