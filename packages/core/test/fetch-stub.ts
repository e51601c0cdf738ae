import type { Town } from '../src/api-types.ts';
/** A tiny router standing in for window.fetch, so component tests never need the real server. */

export interface StubRequest {
  method: string;
  url: URL;
  headers: Headers;
  /** The JSON body, parsed. */
  body: unknown;
  /** The body as sent (a Blob for a photo upload). */
  raw: BodyInit | null | undefined;
  credentials: RequestCredentials | undefined;
}

export type StubResponse = Response | { status: number; body?: unknown } | 'network-error';
export type Handler = (req: StubRequest) => StubResponse | Promise<StubResponse>;

export interface FetchStub {
  calls: StubRequest[];
  /** `METHOD /path` (path relative to /api/v1, query ignored) -> handler or fixed response. */
  on(route: string, handler: Handler | StubResponse): FetchStub;
  restore(): void;
}

export function json(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

export function apiError(status: number, code: string, message: string, fields?: Array<{ field: string; message: string }>) {
  return { status, body: { error: { code, message, ...(fields ? { field: fields[0]?.field, fields } : {}) } } };
}

export function stubFetch(): FetchStub {
  const original = window.fetch;
  const routes = new Map<string, Handler | StubResponse>();
  const calls: StubRequest[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    const method = (init?.method ?? 'GET').toUpperCase();
    const req: StubRequest = {
      method,
      url,
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      raw: init?.body,
      credentials: init?.credentials,
    };
    calls.push(req);
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const handler = routes.get(`${method} ${path}`);
    if (handler === undefined) return json(404, { error: { code: 'not_found', message: `No stub for ${method} ${path}` } });
    const result = typeof handler === 'function' ? await handler(req) : handler;
    if (result === 'network-error') throw new TypeError('Failed to fetch');
    if (result instanceof Response) return result;
    return json(result.status, result.body);
  };
  const stub: FetchStub = {
    calls,
    on(route, handler) {
      routes.set(route, handler);
      return stub;
    },
    restore() {
      window.fetch = original;
    },
  };
  return stub;
}

export const lakeview: Town = {
  id: 'lakeview',
  name: { en: 'Township of Lakeview', fr: 'Canton de Lakeview' },
  defaultLanguage: 'en',
  retentionMonths: 12,
};

/** The usual public routes: one town. */
export function stubTown(stub: FetchStub): FetchStub {
  return stub.on('GET /towns', { status: 200, body: { towns: [lakeview] } });
}

/** Shadow-root query helper. */
export function $<T extends Element = HTMLElement>(el: Element, selector: string): T {
  const found = el.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`No ${selector} in ${el.localName}`);
  return found;
}

export function $$<T extends Element = HTMLElement>(el: Element, selector: string): T[] {
  return [...(el.shadowRoot?.querySelectorAll<T>(selector) ?? [])];
}

/** Sets a native input's value and fires input + change, as typing would. */
export function type(field: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** The deepest focused element, looking through shadow roots. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const mounted: Element[] = [];

/**
 * Puts `<tag>` inside a `<section lang=...>` without @open-wc's fixture: fixture() waits for an
 * animation frame on non-Lit roots, which headless Chrome throttles for background tabs.
 */
export function mountInLang<K extends keyof HTMLElementTagNameMap>(lang: string, tag: K): HTMLElementTagNameMap[K] {
  const section = document.createElement('section');
  section.lang = lang;
  const el = document.createElement(tag);
  section.append(el);
  document.body.append(section);
  mounted.push(section);
  return el;
}

export function unmountAll(): void {
  mounted.splice(0).forEach((n) => n.remove());
}
