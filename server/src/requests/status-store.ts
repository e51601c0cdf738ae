// Public reads of service requests (the resident's status tracker). Deliberately never touches
// request_contacts, and never selects description or location: a reference number alone must not
// reveal anything that could identify the resident.
import type { DbOrTx, Lang, RequestStatus } from '../platform/database/schema.ts';
import { referenceLookup } from './references.ts';

export interface PublicTimelineEntry {
  type: 'status_changed' | 'public_note';
  status: RequestStatus | null;
  /** The note in the resident's language, else in the other one (see noteLang); null without a note. */
  note: string | null;
  /** The language `note` is written in; differs from the asked language when staff wrote only the other. */
  noteLang: Lang | null;
  at: string;
}

export interface PublicRequestStatus {
  reference: string;
  status: RequestStatus;
  serviceCode: string;
  serviceName: string;
  createdAt: string;
  updatedAt: string;
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
    .select(['r.id', 'r.reference', 'r.status', 'r.service_code', 'r.created_at', 'r.updated_at', 's.name_en', 's.name_fr'])
    .where('r.town_id', '=', townId)
    .where('r.reference', 'in', candidates)
    .orderBy('r.created_at')
    .executeTakeFirst();
  if (!row) return undefined;
  const events = await db
    .selectFrom('request_events')
    .select(['type', 'status', 'note_en', 'note_fr', 'created_at'])
    .where('request_id', '=', row.id)
    .where('visibility', '=', 'public')
    .where('type', 'in', ['status_changed', 'public_note'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return {
    reference: row.reference,
    status: row.status,
    serviceCode: row.service_code,
    serviceName: lang === 'fr' ? row.name_fr : row.name_en,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    timeline: events.map((e) => {
      const other: Lang = lang === 'fr' ? 'en' : 'fr';
      const own = lang === 'fr' ? e.note_fr : e.note_en;
      const fallback = lang === 'fr' ? e.note_en : e.note_fr;
      const noteLang: Lang | null = own !== null ? lang : fallback !== null ? other : null;
      return {
        type: e.type as 'status_changed' | 'public_note',
        status: e.status,
        note: own ?? fallback,
        noteLang,
        at: e.created_at,
      };
    }),
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
  const status = await getPublicRequestStatus(db, town.id, lookup.candidates, lang);
  return status ? { found: true, status } : { found: false, mistyped: lookup.mistyped };
}
