// A service's targets, defined once: the clock runs on the town's working days only (Monday to
// Friday, in the town's time zone, minus the town's holidays when it lists them in
// towns.settings.holidays as YYYY-MM-DD dates).
// - Time to close, `target_days` working days: due by the end of the filing day's date plus that many
//   working days (the tracker's "expected date"). due_at = the last millisecond of that local day.
// - Time to acknowledge, `ack_target_hours` working hours: hours of working days only (a request
//   filed Friday at 16:00 with 48 hours is due Tuesday at 16:00).
// The due dates are stored on the request (requests.due_at, ack_due_at) when it is filed and when a
// service's targets or the town's calendar change, so "overdue" is an indexed comparison with now;
// the tracker and Open311 show the stored due date in the town's time zone.
import { sql } from 'kysely';
import type { DbOrTx } from '../platform/database/schema.ts';

export interface TownCalendar {
  timeZone: string;
  /** Non-working dates (YYYY-MM-DD) besides weekends. */
  holidays: ReadonlySet<string>;
}

export interface ServiceTargets {
  /** Working days to close; null: no target. */
  targetDays: number | null;
  /** Working hours to acknowledge; null: no target. */
  ackTargetHours: number | null;
}

export interface DueDates {
  dueAt: string | null;
  ackDueAt: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const HOUR_MS = 3_600_000;

/** The holidays a town lists in its settings (`holidays`: YYYY-MM-DD strings); anything else is ignored. */
export function townHolidays(settings: unknown): string[] {
  const list = settings && typeof settings === 'object' ? (settings as { holidays?: unknown }).holidays : undefined;
  return Array.isArray(list) ? list.filter((d): d is string => typeof d === 'string' && DATE.test(d)).sort() : [];
}

export function townCalendar(timeZone: string, settings: unknown): TownCalendar {
  return { timeZone, holidays: new Set(townHolidays(settings)) };
}

// Building an Intl.DateTimeFormat costs far more than using one: one per time zone, kept.
const formats = new Map<string, Intl.DateTimeFormat | null>();
function zoneFormat(timeZone: string): Intl.DateTimeFormat | null {
  let f = formats.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-CA', {
        timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
      });
    } catch {
      f = null; // an unknown time zone: UTC
    }
    formats.set(timeZone, f);
  }
  return f;
}

/**
 * A time zone's offset from UTC (ms) at an instant. Offsets change only on quarter-hour boundaries
 * (every daylight-saving rule does), so each zone's offset is looked up once per quarter hour with
 * formatToParts (microseconds each, and a filing asks dozens of times) and kept.
 */
const QUARTER_HOUR_MS = 15 * 60 * 1000;
const offsets = new Map<string, number>();
function zoneOffset(ms: number, timeZone: string): number | null {
  const f = zoneFormat(timeZone);
  if (!f) return null;
  const start = Math.floor(ms / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
  const key = `${timeZone} ${start}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const p: Record<string, number> = {};
    for (const part of f.formatToParts(new Date(start))) if (part.type !== 'literal') p[part.type] = Number(part.value);
    offset = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - start;
    if (offsets.size >= 50_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

function zoneParts(ms: number, timeZone: string): { y: number; m: number; d: number; h: number; mi: number; s: number } | null {
  const offset = zoneOffset(ms, timeZone);
  if (offset === null) return null;
  const local = new Date(ms + offset);
  return { y: local.getUTCFullYear(), m: local.getUTCMonth() + 1, d: local.getUTCDate(), h: local.getUTCHours(), mi: local.getUTCMinutes(), s: local.getUTCSeconds() };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `YYYY-MM-DD` of an instant in a time zone. */
export function localDate(instant: string | Date | number, timeZone: string): string {
  const ms = typeof instant === 'number' ? instant : typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  const p = zoneParts(ms, timeZone);
  return p ? `${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}` : new Date(ms).toISOString().slice(0, 10);
}

/** The instant (ms) a local date starts in a time zone. */
export function startOfLocalDay(date: string, timeZone: string): number {
  const guess = Date.parse(`${date}T00:00:00.000Z`);
  const offset = (ms: number) => {
    const p = zoneParts(ms, timeZone);
    return p ? Date.UTC(p.y, p.m - 1, p.d, p.h, p.mi, p.s) - Math.floor(ms / 1000) * 1000 : 0;
  };
  const first = guess - offset(guess);
  const second = guess - offset(first);
  return second;
}

export const nextDate = (date: string): string => {
  const d = new Date(`${date}T12:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

export function isWorkingDay(date: string, holidays: ReadonlySet<string> = new Set()): boolean {
  const weekday = new Date(`${date}T12:00:00.000Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(date);
}

/** A calendar date plus `days` working days (weekends and the given holidays are skipped). */
export function addWorkingDays(date: string, days: number, holidays: ReadonlySet<string> = new Set()): string {
  let d = date;
  let left = Math.max(0, Math.floor(days));
  while (left > 0) {
    d = nextDate(d);
    if (isWorkingDay(d, holidays)) left--;
  }
  return d;
}

const hasTarget = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0;

/** The local date a request is due to be closed by (the tracker's expected date); null without a target. */
export function expectedDate(createdAt: string, targetDays: number | null, cal: TownCalendar): string | null {
  return hasTarget(targetDays) ? addWorkingDays(localDate(createdAt, cal.timeZone), targetDays, cal.holidays) : null;
}

/** `createdAt` plus `hours` of working days' time. */
export function addWorkingHours(createdAt: string, hours: number, cal: TownCalendar): string {
  let left = hours * HOUR_MS;
  let at = Date.parse(createdAt);
  let day = localDate(at, cal.timeZone);
  // A year of targets at most (8,760 hours) spans well under 1,000 days with any holiday list.
  for (let i = 0; i < 5000; i++) {
    const end = startOfLocalDay(nextDate(day), cal.timeZone);
    if (isWorkingDay(day, cal.holidays)) {
      if (left <= end - at) return new Date(at + left).toISOString();
      left -= end - at;
    }
    at = end;
    day = nextDate(day);
  }
  return new Date(at + left).toISOString();
}

/** The due dates of a request filed at `createdAt` under a service's targets. */
export function dueDates(createdAt: string, t: ServiceTargets, cal: TownCalendar): DueDates {
  const expected = expectedDate(createdAt, t.targetDays, cal);
  return {
    dueAt: expected ? new Date(startOfLocalDay(nextDate(expected), cal.timeZone) - 1).toISOString() : null,
    ackDueAt: hasTarget(t.ackTargetHours) ? addWorkingHours(createdAt, t.ackTargetHours, cal) : null,
  };
}

/** The local date of a stored due date (what the tracker shows as the expected date). */
export const dueDate = (dueAt: string | null, timeZone: string): string | null => (dueAt ? localDate(dueAt, timeZone) : null);

/**
 * Recomputes the stored due dates of a town's requests (of one service, or all): after a service's
 * targets or the town's time zone or holidays change. In the caller's transaction.
 */
export async function recomputeDueDates(db: DbOrTx, townId: string, serviceId?: string): Promise<number> {
  const town = await db.selectFrom('towns').select(['timezone', 'settings']).where('id', '=', townId).executeTakeFirst();
  if (!town) return 0;
  const cal = townCalendar(town.timezone, JSON.parse(town.settings) as unknown);
  let q = db
    .selectFrom('requests as r')
    .innerJoin('services as s', 's.id', 'r.service_id')
    .select(['r.id', 'r.created_at', 'r.due_at', 'r.ack_due_at', 's.target_days', 's.ack_target_hours'])
    .where('r.town_id', '=', townId);
  if (serviceId) q = q.where('r.service_id', '=', serviceId);
  const rows = await q.execute();
  const changed: { id: string; due: DueDates }[] = [];
  for (const r of rows) {
    const due = dueDates(r.created_at, { targetDays: r.target_days, ackTargetHours: r.ack_target_hours }, cal);
    if (due.dueAt !== r.due_at || due.ackDueAt !== r.ack_due_at) changed.push({ id: r.id, due });
  }
  // One statement per 500 rows: UPDATE … FROM (VALUES …) works on both databases.
  for (let i = 0; i < changed.length; i += 500) {
    const chunk = changed.slice(i, i + 500);
    const values = sql.join(chunk.map((c) => sql`(${c.id}, ${c.due.dueAt}, ${c.due.ackDueAt})`));
    await sql`
      UPDATE requests SET due_at = v.due_at, ack_due_at = v.ack_due_at
      FROM (SELECT column1 AS id, column2 AS due_at, column3 AS ack_due_at FROM (VALUES ${values}) AS x) AS v
      WHERE requests.id = v.id`.execute(db);
  }
  return changed.length;
}
