// Staff reads and actions on service requests. The only module that reads request_contacts.
import type { DbOrTx, RequestStatus } from '../platform/database/schema.ts';
import { isClosedStatus } from './statuses.ts';
import { newId, nowIso } from '../platform/database/schema.ts';
import { listPhotosForRequests, type PhotoSummary } from './photos/store.ts';

export interface StaffRequestRow {
  reference: string;
  status: RequestStatus;
  priority: string;
  serviceCode: string;
  serviceName: { en: string; fr: string };
  description: string;
  location: { text: string; lat: number | null; lng: number | null };
  contact: { name: string | null; email: string | null; phone: string | null } | null;
  channel: string;
  createdAt: string;
  updatedAt: string;
  /** Attached photos; the bytes only through the staff photo route. */
  photos: PhotoSummary[];
}

export async function listTownRequests(
  db: DbOrTx,
  townId: string,
  opts: { status?: RequestStatus; page: number; pageSize: number; departmentIds?: readonly string[] },
): Promise<{ total: number; requests: StaffRequestRow[] }> {
  let base = db.selectFrom('requests as r').where('r.town_id', '=', townId);
  if (opts.status) base = base.where('r.status', '=', opts.status);
  // An agent with departments sees only their requests (none given: every department).
  if (opts.departmentIds && opts.departmentIds.length > 0) base = base.where('r.department_id', 'in', [...opts.departmentIds]);
  const count = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .innerJoin('services as s', 's.id', 'r.service_id')
    .leftJoin('request_contacts as c', 'c.request_id', 'r.id')
    .select([
      'r.id', 'r.reference', 'r.status', 'r.priority', 'r.service_code', 'r.description', 'r.location_text', 'r.lat', 'r.lng',
      'r.channel', 'r.created_at', 'r.updated_at', 's.name_en', 's.name_fr', 'c.request_id as contact_id',
      'c.name as contact_name', 'c.email as contact_email', 'c.phone as contact_phone',
    ])
    .orderBy('r.created_at', 'desc')
    .orderBy('r.reference', 'desc')
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize)
    .execute();
  const photos = await listPhotosForRequests(db, rows.map((r) => r.id));
  return {
    total: Number(count.n),
    requests: rows.map((r) => ({
      reference: r.reference,
      status: r.status,
      priority: r.priority,
      serviceCode: r.service_code,
      serviceName: { en: r.name_en, fr: r.name_fr },
      description: r.description,
      location: { text: r.location_text, lat: r.lat, lng: r.lng },
      contact: r.contact_id ? { name: r.contact_name, email: r.contact_email, phone: r.contact_phone } : null,
      channel: r.channel,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      photos: photos.get(r.id) ?? [],
    })),
  };
}


/** A public note's text in each language; a language staff did not write stays null (shown as missing). */
export interface PublicNoteText {
  en?: string | null;
  fr?: string | null;
}

/** Changes a request's status and records it as a (public) timeline event, with an optional public note. */
export async function changeRequestStatus(
  db: DbOrTx,
  requestId: string,
  status: RequestStatus,
  opts: { actorUserId?: string | null; note?: PublicNoteText | null; at?: string } = {},
): Promise<string> {
  const at = opts.at ?? nowIso();
  const id = newId();
  await db
    .updateTable('requests')
    .set({ status, updated_at: at, closed_at: isClosedStatus(status) ? at : null })
    .where('id', '=', requestId)
    .execute();
  await db
    .insertInto('request_events')
    .values({
      id,
      request_id: requestId,
      type: 'status_changed',
      status,
      note_en: opts.note?.en ?? null,
      note_fr: opts.note?.fr ?? null,
      visibility: 'public',
      actor_user_id: opts.actorUserId ?? null,
      created_at: at,
    })
    .execute();
  return id;
}

/** A public note (shown on the tracker, in each language staff wrote it in). */
export async function addPublicNote(
  db: DbOrTx,
  requestId: string,
  note: PublicNoteText,
  opts: { actorUserId?: string | null; at?: string } = {},
): Promise<string> {
  const id = newId();
  await db
    .insertInto('request_events')
    .values({
      id,
      request_id: requestId,
      type: 'public_note',
      status: null,
      note_en: note.en ?? null,
      note_fr: note.fr ?? null,
      visibility: 'public',
      actor_user_id: opts.actorUserId ?? null,
      created_at: opts.at ?? nowIso(),
    })
    .execute();
  return id;
}

/** An internal note: staff only, never on the tracker, in Open311 or in an email. */
export async function addInternalNote(
  db: DbOrTx,
  requestId: string,
  note: string,
  opts: { actorUserId?: string | null; at?: string } = {},
): Promise<void> {
  await db
    .insertInto('request_events')
    .values({
      id: newId(),
      request_id: requestId,
      type: 'internal_note',
      status: null,
      note,
      visibility: 'internal',
      actor_user_id: opts.actorUserId ?? null,
      created_at: opts.at ?? nowIso(),
    })
    .execute();
}
