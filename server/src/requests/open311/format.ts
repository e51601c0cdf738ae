// Open311 GeoReport v2's formats: the same answer as JSON (the XML with its root dropped, so lists are
// arrays) or as XML (a root element, one child element per list item), its errors, and its times.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { XMLBuilder } from 'fast-xml-parser';

export type Format = 'json' | 'xml';

/** `services.json` → ['services', 'json']; no or another extension → undefined. */
export function splitFormat(segment: string): [string, Format] | undefined {
  const m = /^(.*)\.(json|xml)$/i.exec(segment);
  if (!m || !m[1]) return undefined;
  return [m[1], m[2]!.toLowerCase() as Format];
}

const builder = new XMLBuilder({ format: false, suppressEmptyNode: false, processEntities: true, suppressBooleanAttributes: false });

// Characters XML 1.0 cannot carry at all (even escaped).
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** A value as XML element content: null → empty element, booleans and numbers as text. */
function xmlValue(v: unknown): unknown {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.replace(NOT_XML, '');
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(xmlValue);
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, xmlValue(x)]));
  return String(v);
}

/**
 * One shape, both formats. `root` and `item` name the XML elements of a list answer (`services` /
 * `service`); `nested` names the item element of lists inside items (`attributes` → `attribute`).
 */
export interface Shape {
  root: string;
  /** The element of each list item; absent when the answer is one object (discovery, a service definition). */
  item?: string;
  nested?: Record<string, string>;
}

function wrapNested(value: unknown, nested: Record<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => wrapNested(v, nested));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        const child = nested[k];
        if (child && Array.isArray(v)) return [k, v.length === 0 ? '' : { [child]: v.map((x) => wrapNested(x, nested)) }];
        return [k, wrapNested(v, nested)];
      }),
    );
  }
  return value;
}

export function toXml(body: unknown, shape: Shape): string {
  const nested = shape.nested ?? {};
  let inner: unknown;
  if (shape.item) {
    const items = body as unknown[];
    inner = items.length === 0 ? '' : { [shape.item]: items.map((x) => wrapNested(x, nested)) };
  } else {
    inner = wrapNested(body, nested);
  }
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [shape.root]: xmlValue(inner) }) as string}`;
}

export function respond(c: Context, format: Format, status: ContentfulStatusCode, body: unknown, shape: Shape): Response {
  if (format === 'json') {
    return c.body(JSON.stringify(body), status, { 'Content-Type': 'application/json; charset=utf-8' });
  }
  return c.body(toXml(body, shape), status, { 'Content-Type': 'text/xml; charset=utf-8' });
}

export interface Open311Error {
  code: string;
  description: string;
}

/** The spec's error list: HTTP 400, 403 or 404 (and our 413, 429), `[{code, description}]`. */
export function respondErrors(c: Context, format: Format, status: ContentfulStatusCode, errors: Open311Error[]): Response {
  return respond(c, format, status, errors, { root: 'errors', item: 'error' });
}

export const oneError = (c: Context, format: Format, status: ContentfulStatusCode, description: string, code: string = String(status)) =>
  respondErrors(c, format, status, [{ code, description }]);

const partsFormatter = new Map<string, Intl.DateTimeFormat>();

function zoneParts(date: Date, timeZone: string) {
  let f = partsFormatter.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    partsFormatter.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(date).map((x) => [x.type, x.value])) as Record<string, string>;
  return { y: Number(p.year), mo: Number(p.month), d: Number(p.day), h: Number(p.hour), mi: Number(p.minute), s: Number(p.second) };
}

/** Minutes the zone is ahead of UTC at this instant (-300 for Toronto in winter). */
export function zoneOffsetMinutes(date: Date, timeZone: string): number {
  const p = zoneParts(date, timeZone);
  const asUtc = Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

const two = (n: number) => String(n).padStart(2, '0');

/** A stored UTC time as W3C ISO 8601 in the town's zone, with its offset: `2026-11-22T14:03:00-05:00`. */
export function isoInZone(utcIso: string, timeZone: string): string {
  const date = new Date(utcIso);
  const p = zoneParts(date, timeZone);
  const off = zoneOffsetMinutes(date, timeZone);
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  return `${p.y}-${two(p.mo)}-${two(p.d)}T${two(p.h)}:${two(p.mi)}:${two(p.s)}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A client's date filter: a W3C date-time with its zone (`Z` or `±HH:MM`), or a bare date, taken as
 * the start of that day in the town's zone. Undefined when it is neither (a time without a zone is
 * ambiguous and refused).
 */
export function parseClientTime(value: string, timeZone: string): Date | undefined {
  const d = DATE_ONLY.exec(value);
  if (d) {
    const utcMidnight = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]));
    if (Number.isNaN(utcMidnight) || new Date(utcMidnight).toISOString().slice(0, 10) !== value) return undefined;
    // Midnight there is UTC midnight minus the zone's offset (taken a few hours later, clear of DST changes).
    return new Date(utcMidnight - zoneOffsetMinutes(new Date(utcMidnight + 12 * 3600_000), timeZone) * 60_000);
  }
  if (!DATE_TIME.test(value)) return undefined;
  const t = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(t) ? undefined : new Date(t);
}
