// Public reads of service requests (the resident's status tracker). Deliberately never touches
// request_contacts, and never selects description or location: a reference number alone must not
// reveal anything that could identify the resident.
import type { DbOrTx, Lang, RequestStatus } from '../platform/database/schema.ts';
import { referenceLookup } from './references.ts';
import { departmentIdsOf, departmentNames, expectedDate, publicTimeline, PUBLIC_TIMELINE_TYPES, type PublicTimelineEntry } from './status-timeline.ts';

export type { PublicTimelineEntry } from './status-timeline.ts';

export interface PublicRequestStatus {
  reference: string;
  status: RequestStatus;
  serviceCode: string;
  serviceName: string;
  createdAt: string;
  updatedAt: string;
  /** The service's target date (YYYY-MM-DD in the town's time zone), or null without a target. */
  expectedDate: string | null;
  timeline: PublicTimelineEntry[];
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
  const row = await db
    .selectFrom('requests as r')
    .innerJoin('services as s', 's.id', 'r.service_id')
    .innerJoin('towns as t', 't.id', 'r.town_id')
    .select(['r.id', 'r.reference', 'r.status', 'r.service_code', 'r.created_at', 'r.updated_at', 's.name_en', 's.name_fr', 's.target_days', 't.timezone'])
    .where('r.town_id', '=', townId)
    .where('r.reference', 'in', candidates)
    .orderBy('r.created_at')
    .executeTakeFirst();
  if (!row) return undefined;
  const events = await db
    .selectFrom('request_events')
    .select(['type', 'status', 'note_en', 'note_fr', 'details', 'created_at'])
    .where('request_id', '=', row.id)
    .where('visibility', '=', 'public')
    .where('type', 'in', [...PUBLIC_TIMELINE_TYPES])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const departmentIds = departmentIdsOf(events);
  const departments = departmentIds.length > 0 ? await departmentNames(db, townId, departmentIds, lang) : new Map<string, string>();
  return {
    reference: row.reference,
    status: row.status,
    serviceCode: row.service_code,
    serviceName: lang === 'fr' ? row.name_fr : row.name_en,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    expectedDate: expectedDate(row.created_at, row.target_days, row.timezone),
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
