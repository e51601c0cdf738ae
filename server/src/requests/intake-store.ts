// Filing a new service request (public web form, Open311, staff or phone). This module writes the
// resident's contact details; it never reads them back — reads live in staff-requests.ts only.
import type { Db, DbOrTx, Lang, RequestChannel, RequestStatus } from '../platform/database/schema.ts';
import { newId, nowIso } from '../platform/database/schema.ts';
import { mintReference, townYear } from './references.ts';
import { attachPhotos, PhotosNotAttached } from './photos/store.ts';

export interface NewRequest {
  town: { id: string; referencePrefix: string; timezone: string };
  service: { id: string; code: string; departmentId: string | null };
  description: string;
  location: { text: string; lat?: number | null; lng?: number | null };
  contact?: { name?: string | null; email?: string | null; phone?: string | null } | null;
  answers?: Record<string, unknown>;
  lang: Lang;
  channel: RequestChannel;
  idempotencyKey?: string | null;
  /** Upload ids to attach (photos/store.ts); a refused id throws PhotosNotAttached and rolls back. */
  photos?: string[];
  /** For seeding/imports: when the request was filed. Defaults to now. */
  createdAt?: string;
}

export interface FiledRequest {
  id: string;
  reference: string;
  status: RequestStatus;
  createdAt: string;
  /** True when the Idempotency-Key had been seen: nothing new was stored. */
  replayed: boolean;
}

async function findByIdempotencyKey(db: Db, townId: string, key: string): Promise<FiledRequest | undefined> {
  const row = await db
    .selectFrom('requests')
    .select(['id', 'reference', 'created_at'])
    .where('town_id', '=', townId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  // The reply to a replay repeats the original one: the status it was filed with.
  return row ? { id: row.id, reference: row.reference, status: 'received', createdAt: row.created_at, replayed: true } : undefined;
}

export async function fileRequest(db: Db, r: NewRequest): Promise<FiledRequest> {
  const key = r.idempotencyKey ?? null;
  if (key) {
    const seen = await findByIdempotencyKey(db, r.town.id, key);
    if (seen) return seen;
  }
  try {
    return await db.transaction().execute((trx) => insertRequest(trx, r));
  } catch (err) {
    // Two submissions with the same key raced: the loser answers with the winner's request.
    if (key) {
      const seen = await findByIdempotencyKey(db, r.town.id, key);
      if (seen) return seen;
    }
    throw err;
  }
}

/** Inserts a request, its contact and its `created` event. Run inside a transaction. */
export async function insertRequest(trx: DbOrTx, r: NewRequest): Promise<FiledRequest> {
  const key = r.idempotencyKey ?? null;
  const id = newId();
  const createdAt = r.createdAt ?? nowIso();
  const reference = await mintReference(trx, r.town.id, r.town.referencePrefix, townYear(r.town.timezone, new Date(createdAt)));
  await trx
    .insertInto('requests')
    .values({
      id,
      town_id: r.town.id,
      reference,
      service_id: r.service.id,
      service_code: r.service.code,
      status: 'received',
      priority: 'normal',
      department_id: r.service.departmentId,
      assignee_user_id: null,
      location_text: r.location.text,
      lat: r.location.lat ?? null,
      lng: r.location.lng ?? null,
      description: r.description,
      channel: r.channel,
      answers: JSON.stringify(r.answers ?? {}),
      idempotency_key: key,
      lang: r.lang,
      created_at: createdAt,
      updated_at: createdAt,
      closed_at: null,
    })
    .execute();
  const c = r.contact;
  if (c && (c.name || c.email || c.phone)) {
    await trx
      .insertInto('request_contacts')
      .values({ request_id: id, name: c.name || null, email: c.email || null, phone: c.phone || null, device_id: null, account_id: null })
      .execute();
  }
  if (r.photos && r.photos.length > 0) {
    const photoErrors = await attachPhotos(trx, { townId: r.town.id, requestId: id, photoIds: r.photos, lang: r.lang });
    if (photoErrors.length > 0) throw new PhotosNotAttached(photoErrors);
  }
  await trx
    .insertInto('request_events')
    .values({
      id: newId(),
      request_id: id,
      type: 'created',
      status: 'received',
      note: null,
      visibility: 'public',
      actor_user_id: null,
      created_at: createdAt,
    })
    .execute();
  return { id, reference, status: 'received' as const, createdAt, replayed: false };
}
