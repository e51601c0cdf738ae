// Public reads of service requests (the resident's status tracker). Deliberately never touches
// request_contacts, and never selects description or location: a reference number alone must not
// reveal anything that could identify the resident.
import type { DbOrTx, Lang, RequestEventType, RequestStatus } from '../platform/database/schema.ts';
import { preparedQuery, type PreparedQuery } from '../platform/database/prepared.ts';
import { referenceLookup } from './references.ts';
import { dueDate } from './service-targets.ts';
import { departmentIdsOf, departmentNames, publicTimeline, PUBLIC_TIMELINE_TYPES, type PublicEventRow, type PublicTimelineEntry } from './status-timeline.ts';

export type { PublicTimelineEntry } from './status-timeline.ts';

export interface PublicRequestStatus {
  reference: string;
  status: RequestStatus;
  serviceCode: string;
  serviceName: string;
  createdAt: string;
  updatedAt: string;
  /** The date the request is due to be closed by (YYYY-MM-DD in the town's time zone; service-targets.ts), or null without a target. */
  expectedDate: string | null;
  timeline: PublicTimelineEntry[];
}

type Lookup = PreparedQuery<
  readonly [townId: string, ...references: string[]],
  {
    id: string;
    reference: string;
    status: RequestStatus;
    service_code: string;
    created_at: string;
    updated_at: string;
    name_en: string;
    name_fr: string;
    due_at: string | null;
    timezone: string;
    event_type: RequestEventType | null;
    event_status: RequestStatus | null;
    event_note_en: string | null;
    event_note_fr: string | null;
    event_details: string | null;
    event_at: string | null;
  }
>;

/**
 * One statement (one round trip on PostgreSQL): the first request with one of `count` candidate
 * references, and its public timeline entries joined to it (no entry: one row with null event
 * columns). Prepared once per candidate count.
 */
const lookups = new Map<number, Lookup>();
function lookupFor(count: number): Lookup {
  let q = lookups.get(count);
  if (!q) {
    q = preparedQuery((db, arg) =>
      db
        .selectFrom('requests as r')
        .innerJoin('services as s', 's.id', 'r.service_id')
        .innerJoin('towns as t', 't.id', 'r.town_id')
        .leftJoin('request_events as e', (j) =>
          j.onRef('e.request_id', '=', 'r.id').on('e.visibility', '=', 'public').on('e.type', 'in', [...PUBLIC_TIMELINE_TYPES]),
        )
        .select([
          'r.id',
          'r.reference',
          'r.status',
          'r.service_code',
          'r.created_at',
          'r.updated_at',
          's.name_en',
          's.name_fr',
          'r.due_at',
          't.timezone',
          'e.type as event_type',
          'e.status as event_status',
          'e.note_en as event_note_en',
          'e.note_fr as event_note_fr',
          'e.details as event_details',
          'e.created_at as event_at',
        ])
        // The request by a scalar subquery on (town_id, reference): on SQLite a third of the cost of
        // the same choice made in a CTE with ORDER BY … LIMIT (no co-routine, one sort fewer).
        .where('r.id', '=', (eb) =>
          eb
            .selectFrom('requests')
            .select('id')
            .where('town_id', '=', arg<string>(0))
            .where(
              'reference',
              'in',
              Array.from({ length: count }, (_, i) => arg<string>(i + 1)),
            )
            .orderBy('created_at')
            .limit(1),
        )
        .orderBy('e.created_at')
        .orderBy('e.id'),
    ) as Lookup;
    lookups.set(count, q);
  }
  return q;
}

/**
 * A request's public status by its exact stored reference (or the first of several candidate forms
 * that exists). For what a resident typed, use findPublicRequestStatus.
 */
export async function getPublicRequestStatus(
  db: DbOrTx,
  townId: string,
  reference: string | readonly string[],
  lang: Lang,
): Promise<PublicRequestStatus | undefined> {
  const candidates = typeof reference === 'string' ? [reference] : [...reference];
  if (candidates.length === 0) return undefined;
  const rows = await lookupFor(candidates.length)(db, townId, ...candidates);
  const row = rows[0];
  if (!row) return undefined;
  const events: PublicEventRow[] = [];
  for (const e of rows) {
    if (e.event_type === null || e.event_at === null) continue;
    events.push({ type: e.event_type, status: e.event_status, note_en: e.event_note_en, note_fr: e.event_note_fr, details: e.event_details, created_at: e.event_at });
  }
  const departmentIds = departmentIdsOf(events);
  const departments = departmentIds.length > 0 ? await departmentNames(db, townId, departmentIds, lang) : new Map<string, string>();
  return {
    reference: row.reference,
    status: row.status,
    serviceCode: row.service_code,
    serviceName: lang === 'fr' ? row.name_fr : row.name_en,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    expectedDate: dueDate(row.due_at, row.timezone),
    timeline: publicTimeline(events, lang, departments),
  };
}

export type PublicStatusLookup =
  | { found: true; status: PublicRequestStatus }
  | { found: false; /** The typed reference has a wrong check symbol: a typo, not an unknown request. */ mistyped: boolean };

/**
 * A request's public status from what a resident typed: forgiving about case, spaces, dashes and a
 * missing town prefix; finds old-format references too (see references.ts). Every channel's
 * lookup (JSON API, Open311, staff search) should come through here.
 */
export async function findPublicRequestStatus(
  db: DbOrTx,
  town: { id: string; referencePrefix: string },
  typed: string,
  lang: Lang,
): Promise<PublicStatusLookup> {
  const lookup = referenceLookup(typed, town.referencePrefix);
  // Always one query, even for text that cannot be a reference, so an answer's timing says nothing.
  const status = await getPublicRequestStatus(db, town.id, lookup.candidates.length > 0 ? lookup.candidates : [''], lang);
  return status ? { found: true, status } : { found: false, mistyped: lookup.mistyped };
}
