// Public reads of service requests for Open311 GET requests (lists and one request). Like
// status-store.ts it never touches request_contacts, never selects the description (residents type
// personal details into it) nor the answers; the problem's address and coordinates are public, as in
// every 311 system. Only public timeline events (status changes and public notes) give status_notes.
import type { DbOrTx, Lang, RequestStatus } from '../../platform/database/schema.ts';
import { referenceLookup } from '../references.ts';

export interface PublicRequestRow {
  reference: string;
  status: RequestStatus;
  serviceCode: string;
  serviceName: string;
  /** The department now responsible (routing may have changed the service's), in the asked language. */
  department: string | null;
  targetDays: number | null;
  /** The stored due date (requests/service-targets.ts: working days in the town's time zone). */
  dueAt: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  address: string;
  lat: number | null;
  lng: number | null;
  /** The latest public note (a status change's note or a public note); null when there is none. */
  statusNotes: string | null;
}

export interface PublicRequestFilter {
  /** Inclusive lower and exclusive upper bound on created_at (UTC ISO text). */
  from: string;
  to: string;
  serviceCodes?: readonly string[];
  statuses?: readonly RequestStatus[];
  limit: number;
  offset?: number;
}

function baseQuery(db: DbOrTx, townId: string, lang: Lang) {
  return db
    .selectFrom('requests as r')
    .innerJoin('services as s', 's.id', 'r.service_id')
    .leftJoin('departments as d', 'd.id', 'r.department_id')
    .select([
      'r.id',
      'r.reference',
      'r.status',
      'r.service_code',
      'r.created_at',
      'r.updated_at',
      'r.closed_at',
      'r.location_text',
      'r.lat',
      'r.lng',
      's.target_days',
      'r.due_at',
      lang === 'fr' ? 's.name_fr as service_name' : 's.name_en as service_name',
      lang === 'fr' ? 'd.name_fr as department_name' : 'd.name_en as department_name',
    ])
    .where('r.town_id', '=', townId);
}

type BaseRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

async function withNotes(db: DbOrTx, rows: BaseRow[]): Promise<PublicRequestRow[]> {
  const latest = new Map<string, string>();
  // Chunks keep the IN list well under both databases' parameter limits.
  for (let i = 0; i < rows.length; i += 500) {
    const ids = rows.slice(i, i + 500).map((r) => r.id);
    const events = await db
      .selectFrom('request_events')
      .select(['request_id', 'note_en', 'note_fr'])
      .where('request_id', 'in', ids)
      .where('visibility', '=', 'public')
      .where('type', 'in', ['status_changed', 'public_note'])
      .where((eb) => eb.or([eb('note_en', 'is not', null), eb('note_fr', 'is not', null)]))
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    // Open311 has no language parameter: status_notes gives the English note, else the French one.
    for (const e of events) {
      const note = e.note_en ?? e.note_fr;
      if (note) latest.set(e.request_id, note);
    }
  }
  return rows.map((r) => ({
    reference: r.reference,
    status: r.status,
    serviceCode: r.service_code,
    serviceName: r.service_name,
    department: r.department_name ?? null,
    targetDays: r.target_days,
    dueAt: r.due_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    closedAt: r.closed_at,
    address: r.location_text,
    lat: r.lat,
    lng: r.lng,
    statusNotes: latest.get(r.id) ?? null,
  }));
}

/** Requests filed in [from, to), newest first, with the optional service and status filters. */
export async function listPublicRequests(db: DbOrTx, townId: string, filter: PublicRequestFilter, lang: Lang): Promise<PublicRequestRow[]> {
  let q = baseQuery(db, townId, lang).where('r.created_at', '>=', filter.from).where('r.created_at', '<', filter.to);
  if (filter.serviceCodes?.length) q = q.where('r.service_code', 'in', [...filter.serviceCodes]);
  if (filter.statuses?.length) q = q.where('r.status', 'in', [...filter.statuses]);
  const rows = await q
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset ?? 0)
    .execute();
  return withNotes(db, rows);
}

/**
 * Requests by what clients typed as their ids, in the order asked; forgiving like the JSON API's
 * status lookup (case, spaces, dashes, a missing town prefix: references.ts). Unknown ids are left out.
 */
export async function findPublicRequests(
  db: DbOrTx,
  town: { id: string; referencePrefix: string },
  typed: readonly string[],
  lang: Lang,
): Promise<PublicRequestRow[]> {
  const found: PublicRequestRow[] = [];
  const seen = new Set<string>();
  for (const t of typed) {
    const { candidates } = referenceLookup(t, town.referencePrefix);
    if (candidates.length === 0) continue;
    const rows = await baseQuery(db, town.id, lang).where('r.reference', 'in', [...candidates]).orderBy('r.created_at').limit(1).execute();
    const row = rows[0];
    if (!row || seen.has(row.reference)) continue;
    seen.add(row.reference);
    found.push(...(await withNotes(db, [row])));
  }
  return found;
}
