// The period a report covers, as the console's URL keeps it: a preset (`?period=month|quarter|
// last-quarter|year`) or chosen days (`?from=2026-07-01&to=2026-09-30`, both days included). The API
// takes `to` as the first day NOT included, so `apiRange` adds a day. Days are UTC days, as the API's.

export const REPORTS_PATH = '/staff/reports';
export const COUNCIL_PATH = '/staff/reports/council';

export type Preset = 'month' | 'quarter' | 'last-quarter' | 'year';
export const PRESETS: Preset[] = ['month', 'quarter', 'last-quarter', 'year'];

export interface Period {
  preset: Preset | 'custom';
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day included, YYYY-MM-DD. */
  to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = (d: Date) => d.toISOString().slice(0, 10);
const utc = (y: number, m: number, d = 1) => new Date(Date.UTC(y, m, d));

/** The day after `iso` (YYYY-MM-DD). */
export function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return day(d);
}

/** A real calendar day written YYYY-MM-DD (not 2026-02-30). */
export function isDay(v: string): boolean {
  return DAY.test(v) && day(new Date(`${v}T00:00:00Z`)) === v;
}

export function presetPeriod(preset: Preset, now = new Date()): Period {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const q = Math.floor(m / 3) * 3;
  const span = (start: Date, end: Date) => ({ preset, from: day(start), to: day(new Date(end.getTime() - 86_400_000)) });
  switch (preset) {
    case 'month':
      return span(utc(y, m), utc(y, m + 1));
    case 'quarter':
      return span(utc(y, q), utc(y, q + 3));
    case 'last-quarter':
      return span(utc(y, q - 3), utc(y, q));
    case 'year':
      return span(utc(y, 0), utc(y + 1, 0));
  }
}

/** The period a URL query asks for; chosen days win over a preset; the default is this quarter. */
export function periodFromQuery(query: URLSearchParams, now = new Date()): Period {
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  if (isDay(from) && isDay(to) && from <= to) return { preset: 'custom', from, to };
  const preset = query.get('period') as Preset | null;
  return presetPeriod(preset && PRESETS.includes(preset) ? preset : 'quarter', now);
}

/** The URL query for a period (a preset stays a preset, so a bookmark moves with time). */
export function periodQuery(p: Period): URLSearchParams {
  return new URLSearchParams(p.preset === 'custom' ? { from: p.from, to: p.to } : { period: p.preset });
}

/** The API's `from` (inclusive) and `to` (exclusive) days. */
export function apiRange(p: Period): { from: string; to: string } {
  return { from: p.from, to: nextDay(p.to) };
}
