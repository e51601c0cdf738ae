import type {
  ApiErrorBody,
  ApiFieldError,
  Town,
} from './api-types.ts';

/**
 * After a failed call to another server: tells the webmaster, in the console, when the reason is that
 * this page's site is not allowed (blocked-origin.ts). Only a failing page needs that code, so it is
 * fetched then.
 */
export function reportBlockedOrigin(base: string): void {
  void import('./blocked-origin.ts').then((m) => m.explainBlockedOrigin(base)).catch(() => undefined);
}

/** The server answered with a 4xx/5xx; `code` is the contract's error code. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: ApiFieldError[];
  /** From a 429's Retry-After header: seconds to wait before trying again. */
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, code: string, message: string, fields: ApiFieldError[] = [], retryAfterSeconds?: number) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The request never got an answer: offline, DNS, dropped connection or timeout. */
export class NetworkError extends Error {
  readonly timedOut: boolean;

  constructor(message: string, timedOut: boolean, cause?: unknown) {
    super(message, { cause });
    this.name = 'NetworkError';
    this.timedOut = timedOut;
  }
}

export interface RequestOptions {
  /** Milliseconds before giving up. Generous defaults: residents may be on slow rural links. */
  timeoutMs?: number;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

const GET_TIMEOUT_MS = 20_000;
const WRITE_TIMEOUT_MS = 45_000;
const RETRY_DELAY_MS = 400;

const statusCodes: Record<number, string> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
};

/** Default API origin: where the widget script itself was served from. */
export function scriptOrigin(): string {
  return new URL(import.meta.url).origin;
}

/** Turns the `api` attribute (absolute or relative URL) into a base URL without a trailing slash. */
export function resolveApiBase(api?: string | null): string {
  if (!api) return scriptOrigin();
  const url = new URL(api, document.baseURI);
  return url.href.replace(/\/+$/, '');
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: Partial<ApiErrorBody> | undefined;
  try {
    body = (await res.json()) as Partial<ApiErrorBody>;
  } catch {
    body = undefined;
  }
  const err = body?.error;
  const fields = [...(err?.fields ?? [])];
  if (err?.field && !fields.some((f) => f.field === err.field)) {
    fields.push({ field: err.field, message: err.message });
  }
  const retryAfter = Number(res.headers.get('retry-after'));
  return new ApiError(
    res.status,
    err?.code ?? statusCodes[res.status] ?? (res.status >= 500 ? 'internal' : 'unknown'),
    err?.message ?? res.statusText ?? `HTTP ${res.status}`,
    fields,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  );
}

function isNetworkFailure(e: unknown): boolean {
  return e instanceof TypeError || (e instanceof DOMException && e.name === 'TimeoutError');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * fetch(url, init), unless munikit.js already asked for this URL (an element's first data, asked for
 * at tag sight with its chunks: munikit.ts's prefetchData, keyed by URL on globalThis since munikit.js
 * bundles no core code). That was a plain GET with credentials omitted and Accept: application/json;
 * a GET with the same credentials takes its answer once (a later call asks the server again), waiting
 * under `init.signal` as it would for fetch; headers `init` adds were not sent. A prefetch that failed
 * on the way falls back to this fetch.
 */
export async function prefetchedOrFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const registry = (globalThis as Record<symbol, Map<string, Promise<Response>> | undefined>)[Symbol.for('munikit.prefetched')];
  const prefetched = (init.method ?? 'GET') === 'GET' && init.credentials === 'omit' ? registry?.get(url) : undefined;
  if (!prefetched) return globalThis.fetch(url, init);
  registry!.delete(url);
  const { signal } = init;
  signal?.throwIfAborted();
  const answer = await Promise.race([
    prefetched.catch(() => undefined),
    new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true })),
  ]);
  return answer ?? globalThis.fetch(url, init);
}

export class ApiClient {
  readonly base: string;
  readonly credentials: RequestCredentials;

  constructor(base: string, credentials: RequestCredentials = 'omit') {
    this.base = base.replace(/\/+$/, '');
    this.credentials = credentials;
  }

  url(path: string, query?: Record<string, string | number | undefined>): string {
    const url = new URL(`${this.base}/api/v1${path}`);
    for (const [k, v] of Object.entries(query ?? {})) {
      if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
    }
    return url.href;
  }

  /** One HTTP exchange; returns parsed JSON (undefined for 204) or throws ApiError / NetworkError. */
  async request<T>(method: string, url: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
    const isGet = method === 'GET';
    const attempts = isGet ? 2 : 1;
    const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
    // A Blob (a photo) goes as its raw bytes with its own type; anything else as JSON.
    const raw = body instanceof Blob;
    if (body !== undefined) headers['Content-Type'] = raw ? body.type || 'application/octet-stream' : 'application/json';
    // munikit.js may have asked for this GET already (the element's first data); not with other headers.
    const plain = isGet && !opts.headers;
    for (let attempt = 1; ; attempt++) {
      const timeout = AbortSignal.timeout(opts.timeoutMs ?? (isGet ? GET_TIMEOUT_MS : WRITE_TIMEOUT_MS));
      const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
      let res: Response;
      try {
        const init: RequestInit = {
          method,
          headers,
          body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
          credentials: this.credentials,
          signal,
        };
        res = await (plain ? prefetchedOrFetch(url, init) : globalThis.fetch(url, init));
      } catch (e) {
        if (opts.signal?.aborted) throw e;
        if (!isNetworkFailure(e)) throw e;
        // A GET is safe to repeat; rural links often drop a single request.
        if (attempt < attempts) {
          await sleep(RETRY_DELAY_MS);
          continue;
        }
        const timedOut = e instanceof DOMException && e.name === 'TimeoutError';
        if (!timedOut) reportBlockedOrigin(this.base);
        throw new NetworkError(timedOut ? 'Request timed out' : 'Network request failed', timedOut, e);
      }
      if (!res.ok) throw await toApiError(res);
      if (res.status === 204) return undefined as T;
      return (await res.json()) as T;
    }
  }

  get<T>(path: string, query?: Record<string, string | number | undefined>, opts?: RequestOptions): Promise<T> {
    return this.request<T>('GET', this.url(path, query), undefined, opts);
  }

  post<T>(path: string, body?: unknown, opts?: RequestOptions): Promise<T> {
    return this.request<T>('POST', this.url(path), body, opts);
  }

  // Public endpoints

  async listTowns(): Promise<Town[]> {
    return (await this.get<{ towns: Town[] }>('/towns')).towns;
  }

  getTown(town: string): Promise<Town> {
    return this.get<Town>(`/towns/${encodeURIComponent(town)}`);
  }

  // What each element asks for is written beside it (request-form/src/requests-api.ts,
  // request-status/src/status-api.ts, kb-search/src/article-api.ts, services-api.ts here, the console's staff-api.ts):
  // a page then downloads only the calls its elements make.
}

const clients = new Map<string, ApiClient>();

/** One client per base URL and credentials mode, shared by every element on the page. */
export function apiClientFor(base: string, credentials: RequestCredentials = 'omit'): ApiClient {
  const key = `${credentials} ${base}`;
  let client = clients.get(key);
  if (!client) {
    client = new ApiClient(base, credentials);
    clients.set(key, client);
  }
  return client;
}
