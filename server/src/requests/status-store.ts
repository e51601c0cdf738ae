// Public reads of service requests (the resident's status tracker). Deliberately never touches
// request_contacts, and never selects description or location: a reference number alone must not
// reveal anything that could identify the resident.
import type { DbOrTx, Lang, RequestStatus } from '../platform/database/schema.ts';

export interface PublicTimelineEntry {
  type: 'status_changed' | 'public_note';
  status: RequestStatus | null;
  note: string | null;
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

export async function getPublicRequestStatus(
  db: DbOrTx,
  townId: string,
  reference: string,
  lang: Lang,
): Promise<PublicRequestStatus | undefined> {
  const row = await db
    .selectFrom('requests as r')
    .innerJoin('services as s', 's.id', 'r.service_id')
    .select(['r.id', 'r.reference', 'r.status', 'r.service_code', 'r.created_at', 'r.updated_at', 's.name_en', 's.name_fr'])
    .where('r.town_id', '=', townId)
    .where('r.reference', '=', reference)
    .executeTakeFirst();
  if (!row) return undefined;
  const events = await db
    .selectFrom('request_events')
    .select(['type', 'status', 'note', 'created_at'])
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
    timeline: events.map((e) => ({
      type: e.type as 'status_changed' | 'public_note',
      status: e.status,
      note: e.note,
      at: e.created_at,
    })),
  };
}
