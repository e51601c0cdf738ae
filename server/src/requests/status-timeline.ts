// The public tracker's timeline and expected date, as plain functions over rows status-store.ts has
// already read (so a lookup stays at two queries, plus one for department names only when a request
// changed department). Only public events, and of those only what a resident may read: the status,
// the public note in the asked language (else the other, saying which), the department's name, the
// reference a duplicate was merged into. Never a name, email, phone, photo, description, location text
// or internal note: those are never selected.
import type { DbOrTx, Lang, RequestEventType, RequestStatus } from '../platform/database/schema.ts';

/** Public event types the tracker shows, in its own words. */
export const PUBLIC_TIMELINE_TYPES = ['created', 'status_changed', 'public_note', 'department_changed', 'merged'] as const satisfies readonly RequestEventType[];
export type PublicTimelineType = (typeof PUBLIC_TIMELINE_TYPES)[number];

export interface PublicTimelineEntry {
  /** created (received), status_changed, public_note, department_changed (assigned to a department), merged (a duplicate). */
  type: PublicTimelineType;
  status: RequestStatus | null;
  /** The note in the resident's language, else in the other one (see noteLang); null without a note. */
  note: string | null;
  /** The language `note` is written in; differs from the asked language when staff wrote only the other. */
  noteLang: Lang | null;
  /** department_changed: the department's name in the asked language. */
  department: string | null;
  /** merged: the reference of the request this one was merged into. */
  intoReference: string | null;
  at: string;
}

export interface PublicEventRow {
  type: RequestEventType;
  status: RequestStatus | null;
  note_en: string | null;
  note_fr: string | null;
  details: string | null;
  created_at: string;
}

function parseDetails(details: string | null): Record<string, unknown> {
  if (!details) return {};
  try {
    const v: unknown = JSON.parse(details);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const textField = (details: Record<string, unknown>, key: string): string | null => {
  const v = details[key];
  return typeof v === 'string' && v.length > 0 ? v : null;
};

/** Department ids named by department_changed events (for one lookup of their names). */
export function departmentIdsOf(events: readonly PublicEventRow[]): string[] {
  const ids = new Set<string>();
  for (const e of events) {
    if (e.type !== 'department_changed') continue;
    const id = textField(parseDetails(e.details), 'departmentId');
    if (id) ids.add(id);
  }
  return [...ids];
}

/** Names of a town's departments in one language, by id (one query; only called when needed). */
export async function departmentNames(db: DbOrTx, townId: string, ids: readonly string[], lang: Lang): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('departments')
    .select(['id', 'name_en', 'name_fr'])
    .where('town_id', '=', townId)
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, lang === 'fr' ? r.name_fr || r.name_en : r.name_en || r.name_fr]));
}

/** Public event rows (in time order) → the resident's timeline in `lang`. */
export function publicTimeline(events: readonly PublicEventRow[], lang: Lang, departments: ReadonlyMap<string, string>): PublicTimelineEntry[] {
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  const out: PublicTimelineEntry[] = [];
  for (const e of events) {
    if (!(PUBLIC_TIMELINE_TYPES as readonly string[]).includes(e.type)) continue;
    const own = lang === 'fr' ? e.note_fr : e.note_en;
    const fallback = lang === 'fr' ? e.note_en : e.note_fr;
    const noteLang: Lang | null = own !== null ? lang : fallback !== null ? other : null;
    const details = parseDetails(e.details);
    const departmentId = e.type === 'department_changed' ? textField(details, 'departmentId') : null;
    const department = departmentId ? (departments.get(departmentId) ?? null) : null;
    // A department change to a department since removed says nothing a resident can use.
    if (e.type === 'department_changed' && department === null) continue;
    out.push({
      type: e.type as PublicTimelineType,
      status: e.type === 'created' ? (e.status ?? 'received') : e.status,
      note: own ?? fallback,
      noteLang,
      department,
      intoReference: e.type === 'merged' ? textField(details, 'intoReference') : null,
      at: e.created_at,
    });
  }
  return out;
}
