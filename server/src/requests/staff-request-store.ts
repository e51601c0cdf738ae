// A request's page for staff: everything the resident sent, the full history, and the changes staff
// make (status, priority, department, assignee, notes, merge, reopen) under optimistic concurrency:
// every change names the version it was made on; a stale version changes nothing.
import { sql } from 'kysely';
import { followerCounts, moveSubscribers } from '../notifications/subscriptions-store.ts';
import type { DbOrTx, Lang, RequestEventType, RequestPriority, RequestStatus, Visibility } from '../platform/database/schema.ts';
import { newId, nowIso } from '../platform/database/schema.ts';
import type { StoredQuestion } from '../services/store.ts';
import { listPhotosForRequests, type PhotoSummary } from './photos/store.ts';
import { overdueFlags } from './staff-inbox.ts';
import { isClosedStatus } from './statuses.ts';

export interface RequestEventView {
  id: string;
  type: RequestEventType;
  status: RequestStatus | null;
  visibility: Visibility;
  /** Internal notes and the routing decision. */
  note: string | null;
  /** A public note per language; null = missing translation. */
  noteEn: string | null;
  noteFr: string | null;
  details: Record<string, unknown> | null;
  actor: { id: string; name: string } | null;
  createdAt: string;
}

export interface StaffRequestDetail {
  reference: string;
  version: number;
  status: RequestStatus;
  priority: string;
  service: { code: string; name: { en: string; fr: string }; ackTargetHours: number | null; targetDays: number | null };
  department: { id: string; name: { en: string; fr: string } } | null;
  assignee: { id: string; name: string } | null;
  /** Plain text, as the resident wrote it. */
  description: string;
  answers: { code: string; label: { en: string; fr: string }; value: string | number | boolean | string[]; display: { en: string; fr: string } }[];
  location: { text: string; lat: number | null; lng: number | null; mapUrl: string | null };
  contact: { name: string | null; email: string | null; phone: string | null } | null;
  channel: string;
  lang: Lang;
  photos: PhotoSummary[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  ackDueAt: string | null;
  dueAt: string | null;
  overdue: boolean;
  ackOverdue: boolean;
  followers: number;
  events: RequestEventView[];
}

/** An OpenStreetMap link centred on the point (no embedded map: nothing loads from a third party). */
export const osmUrl = (lat: number, lng: number): string =>
  `https://www.openstreetmap.org/?mlat=${lat.toFixed(6)}&mlon=${lng.toFixed(6)}#map=18/${lat.toFixed(6)}/${lng.toFixed(6)}`;


export interface RequestRef {
  id: string;
  townId: string;
  reference: string;
  version: number;
  status: RequestStatus;
  priority: string;
  departmentId: string | null;
  assigneeUserId: string | null;
}

/** Finds a town's request by reference (case and spaces ignored), within an agent's departments. */
export async function findStaffRequest(
  db: DbOrTx,
  townId: string,
  reference: string,
  departmentIds: readonly string[] = [],
): Promise<RequestRef | undefined> {
  const ref = reference.trim().toUpperCase().replace(/\s+/g, '');
  let q = db
    .selectFrom('requests')
    .select(['id', 'town_id', 'reference', 'version', 'status', 'priority', 'department_id', 'assignee_user_id'])
    .where('town_id', '=', townId)
    .where('reference', '=', ref);
  if (departmentIds.length > 0) q = q.where('department_id', 'in', [...departmentIds]);
  const r = await q.executeTakeFirst();
  return r
    ? { id: r.id, townId: r.town_id, reference: r.reference, version: r.version, status: r.status, priority: r.priority, departmentId: r.department_id, assigneeUserId: r.assignee_user_id }
    : undefined;
}

function display(q: StoredQuestion | undefined, v: string | number | boolean | string[]): { en: string; fr: string } {
  const name = (key: string, lang: Lang) => q?.values?.find((x) => x.key === key)?.name[lang] ?? key;
  const one = (lang: Lang) =>
    Array.isArray(v) ? v.map((k) => name(k, lang)).join(', ') : typeof v === 'string' ? name(v, lang) : typeof v === 'boolean' ? (v ? (lang === 'fr' ? 'Oui' : 'Yes') : lang === 'fr' ? 'Non' : 'No') : String(v);
  return { en: one('en'), fr: one('fr') };
}

export async function getStaffRequestDetail(db: DbOrTx, requestId: string, now = nowIso()): Promise<StaffRequestDetail> {
  const r = await db
    .selectFrom('requests as r')
    .innerJoin('services as s', 's.id', 'r.service_id')
    .leftJoin('departments as d', 'd.id', 'r.department_id')
    .leftJoin('users as u', 'u.id', 'r.assignee_user_id')
    .leftJoin('request_contacts as c', 'c.request_id', 'r.id')
    .select([
      'r.id', 'r.reference', 'r.version', 'r.status', 'r.priority', 'r.description', 'r.answers', 'r.location_text', 'r.lat', 'r.lng',
      'r.channel', 'r.lang', 'r.created_at', 'r.updated_at', 'r.closed_at', 'r.due_at', 'r.ack_due_at', 'r.department_id',
      'r.assignee_user_id', 's.code', 's.name_en', 's.name_fr', 's.questions', 's.ack_target_hours', 's.target_days',
      'd.name_en as dept_en', 'd.name_fr as dept_fr', 'u.name as assignee_name', 'c.request_id as contact_id',
      'c.name as contact_name', 'c.email as contact_email', 'c.phone as contact_phone',
    ])
    .where('r.id', '=', requestId)
    .executeTakeFirstOrThrow();
  const questions = JSON.parse(r.questions) as StoredQuestion[];
  const answers = JSON.parse(r.answers) as Record<string, string | number | boolean | string[]>;
  const events = await db
    .selectFrom('request_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .select(['e.id', 'e.type', 'e.status', 'e.visibility', 'e.note', 'e.note_en', 'e.note_fr', 'e.details', 'e.actor_user_id', 'e.created_at', 'u.name as actor_name'])
    .where('e.request_id', '=', requestId)
    .orderBy('e.created_at', 'asc')
    .orderBy('e.id', 'asc')
    .execute();
  const photos = await listPhotosForRequests(db, [requestId]);
  const followers = await followerCounts(db, [requestId]);
  return {
    reference: r.reference,
    version: r.version,
    status: r.status,
    priority: r.priority,
    service: { code: r.code, name: { en: r.name_en, fr: r.name_fr }, ackTargetHours: r.ack_target_hours, targetDays: r.target_days },
    department: r.department_id ? { id: r.department_id, name: { en: r.dept_en ?? '', fr: r.dept_fr ?? '' } } : null,
    assignee: r.assignee_user_id ? { id: r.assignee_user_id, name: r.assignee_name ?? '' } : null,
    description: r.description,
    answers: Object.entries(answers).map(([code, value]) => {
      const q = questions.find((x) => x.code === code);
      return { code, label: q?.label ?? { en: code, fr: code }, value, display: display(q, value) };
    }),
    location: { text: r.location_text, lat: r.lat, lng: r.lng, mapUrl: r.lat !== null && r.lng !== null ? osmUrl(r.lat, r.lng) : null },
    contact: r.contact_id ? { name: r.contact_name, email: r.contact_email, phone: r.contact_phone } : null,
    channel: r.channel,
    lang: r.lang,
    photos: photos.get(requestId) ?? [],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    closedAt: r.closed_at,
    ackDueAt: r.ack_due_at,
    dueAt: r.due_at,
    ...overdueFlags(r, now),
    followers: followers.get(requestId) ?? 0,
    events: events.map((e) => ({
      id: e.id,
      type: e.type,
      status: e.status,
      visibility: e.visibility,
      note: e.note,
      noteEn: e.note_en,
      noteFr: e.note_fr,
      details: e.details ? (JSON.parse(e.details) as Record<string, unknown>) : null,
      actor: e.actor_user_id ? { id: e.actor_user_id, name: e.actor_name ?? '' } : null,
      createdAt: e.created_at,
    })),
  };
}

/**
 * Claims the change: bumps the version when it is still `version`. False when another change came
 * first (the caller answers 409 with the current state and changes nothing).
 */
export async function claimVersion(db: DbOrTx, requestId: string, version: number, at: string): Promise<boolean> {
  const res = await db
    .updateTable('requests')
    .set({ version: sql`version + 1`, updated_at: at })
    .where('id', '=', requestId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertEvent(
  db: DbOrTx,
  e: { requestId: string; type: RequestEventType; visibility: Visibility; status?: RequestStatus | null; note?: string | null; details?: Record<string, unknown>; actorUserId?: string | null; at: string },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('request_events')
    .values({
      id,
      request_id: e.requestId,
      type: e.type,
      status: e.status ?? null,
      note: e.note ?? null,
      note_en: null,
      note_fr: null,
      visibility: e.visibility,
      actor_user_id: e.actorUserId ?? null,
      created_at: e.at,
      details: e.details ? JSON.stringify(e.details) : null,
    })
    .execute();
  return id;
}

export async function setPriority(db: DbOrTx, requestId: string, priority: RequestPriority): Promise<void> {
  await db.updateTable('requests').set({ priority }).where('id', '=', requestId).execute();
}

/** The department changes: a public `department_changed` event (the tracker says it moved). */
export async function setDepartment(db: DbOrTx, requestId: string, departmentId: string, actorUserId: string | null, at: string): Promise<string> {
  await db.updateTable('requests').set({ department_id: departmentId }).where('id', '=', requestId).execute();
  return insertEvent(db, { requestId, type: 'department_changed', visibility: 'public', details: { departmentId }, actorUserId, at });
}

/** The assignee changes (null: unassigned): an internal `assigned` event. */
export async function setAssignee(db: DbOrTx, requestId: string, assigneeUserId: string | null, actorUserId: string | null, at: string): Promise<void> {
  await db.updateTable('requests').set({ assignee_user_id: assigneeUserId }).where('id', '=', requestId).execute();
  await insertEvent(db, { requestId, type: 'assigned', visibility: 'internal', details: { assigneeUserId }, actorUserId, at });
}

/**
 * Merges a request into another as a duplicate: status 'duplicate', a public `merged` event naming
 * the other request, an internal note on the other, and the subscribers moved over (one per email:
 * an address already following the other request keeps its own subscription there).
 */
export async function mergeRequest(
  db: DbOrTx,
  from: { id: string; reference: string },
  into: { id: string; reference: string },
  actorUserId: string | null,
  at: string,
): Promise<{ eventId: string; moved: number }> {
  await db.updateTable('requests').set({ status: 'duplicate', closed_at: at }).where('id', '=', from.id).execute();
  const eventId = await insertEvent(db, {
    requestId: from.id,
    type: 'merged',
    visibility: 'public',
    status: 'duplicate',
    details: { intoReference: into.reference },
    actorUserId,
    at,
  });
  await insertEvent(db, {
    requestId: into.id,
    type: 'internal_note',
    visibility: 'internal',
    note: `${from.reference} merged into this request as a duplicate. / ${from.reference} fusionnée avec cette demande (doublon).`,
    details: { mergedReference: from.reference },
    actorUserId,
    at,
  });
  const moved = await moveSubscribers(db, from.id, into.id);
  // "This is my problem too" clicks on the duplicate count for the request it was merged into.
  const fromFollowers = await db.selectFrom('requests').select('followers').where('id', '=', from.id).executeTakeFirst();
  if (fromFollowers && fromFollowers.followers > 0) {
    await db
      .updateTable('requests')
      .set((eb) => ({ followers: eb('followers', '+', fromFollowers.followers) }))
      .where('id', '=', into.id)
      .execute();
  }
  return { eventId, moved };
}

export const isClosed = isClosedStatus;

/** Is this user staff of the town (any role, not disabled)? */
export async function isTownStaff(db: DbOrTx, townId: string, userId: string): Promise<boolean> {
  const r = await db
    .selectFrom('user_town_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select('u.id')
    .where('r.town_id', '=', townId)
    .where('r.user_id', '=', userId)
    .where('u.disabled', '=', 0)
    .executeTakeFirst();
  return r !== undefined;
}

export async function listTownStaff(db: DbOrTx, townId: string): Promise<{ id: string; name: string; role: string }[]> {
  const rows = await db
    .selectFrom('user_town_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.id', 'u.name', 'r.role'])
    .where('r.town_id', '=', townId)
    .where('u.disabled', '=', 0)
    .orderBy('u.name')
    .execute();
  return rows;
}
