// The uploads table: what we know about each resident's photo (never its bytes; see bytes.ts).
// Photos are personal data: this module is the only reader of `uploads`, and nothing here is public.
import type { DbOrTx, Lang } from '../../platform/database/schema.ts';

import type { FieldError } from '../../platform/http/errors.ts';

export const MAX_PHOTOS_PER_REQUEST = 3;
/** Uploads never attached to a request are deleted after this long. */
export const ORPHAN_TTL_MS = 24 * 60 * 60 * 1000;

export interface UploadRow {
  id: string;
  townId: string;
  contentType: string;
  bytes: number;
  width: number;
  height: number;
  sha256: string;
  createdAt: string;
}

export interface PhotoSummary {
  id: string;
  contentType: string;
  width: number;
  height: number;
}

export async function insertUpload(db: DbOrTx, u: UploadRow): Promise<void> {
  await db
    .insertInto('uploads')
    .values({
      id: u.id,
      town_id: u.townId,
      request_id: null,
      content_type: u.contentType,
      bytes: u.bytes,
      width: u.width,
      height: u.height,
      sha256: u.sha256,
      created_at: u.createdAt,
      attached_at: null,
    })
    .execute();
}

const orphanCutoff = (now: Date) => new Date(now.getTime() - ORPHAN_TTL_MS).toISOString();

/** Deletes the town's uploads that were never attached and are older than a day; returns their ids. */
export async function deleteExpiredOrphans(db: DbOrTx, townId: string, now = new Date()): Promise<string[]> {
  const rows = await db
    .deleteFrom('uploads')
    .where('town_id', '=', townId)
    .where('request_id', 'is', null)
    .where('created_at', '<', orphanCutoff(now))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** The photo `id` of the request `reference` in `townId`, for staff; undefined when any of it does not match. */
export async function findRequestPhoto(db: DbOrTx, townId: string, reference: string, id: string, departmentIds: readonly string[] = []) {
  let q = db
    .selectFrom('uploads as u')
    .innerJoin('requests as r', 'r.id', 'u.request_id')
    .select(['u.id', 'u.content_type', 'u.bytes'])
    .where('r.town_id', '=', townId)
    .where('u.town_id', '=', townId)
    .where('r.reference', '=', reference)
    .where('u.id', '=', id);
  // An agent limited to departments sees only their requests' photos.
  if (departmentIds.length > 0) q = q.where('r.department_id', 'in', [...departmentIds]);
  return q.executeTakeFirst();
}

/** Photos of each request id, in the order they were attached (staff views only). */
export async function listPhotosForRequests(db: DbOrTx, requestIds: string[]): Promise<Map<string, PhotoSummary[]>> {
  const out = new Map<string, PhotoSummary[]>();
  if (requestIds.length === 0) return out;
  const rows = await db
    .selectFrom('uploads')
    .select(['id', 'request_id', 'content_type', 'width', 'height'])
    .where('request_id', 'in', requestIds)
    .orderBy('attached_at')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.request_id!) ?? [];
    list.push({ id: r.id, contentType: r.content_type, width: r.width, height: r.height });
    out.set(r.request_id!, list);
  }
  return out;
}

const MESSAGES = {
  tooMany: { en: `Attach at most ${MAX_PHOTOS_PER_REQUEST} photos.`, fr: `Joignez au plus ${MAX_PHOTOS_PER_REQUEST} photos.` },
  duplicate: { en: 'This photo is already in the list.', fr: 'Cette photo est déjà dans la liste.' },
  unknown: {
    en: 'This photo was not found or has expired. Add it again.',
    fr: 'Cette photo est introuvable ou a expiré. Ajoutez-la de nouveau.',
  },
  taken: {
    en: 'This photo is already attached to another request. Add it again.',
    fr: 'Cette photo est déjà jointe à une autre demande. Ajoutez-la de nouveau.',
  },
};

/**
 * Checks, before filing, that each id names an upload of the town that has not expired (field
 * `photos.N`), so the resident sees every problem at once. Read-only. Whether a photo is still free is
 * left to attachPhotos, inside the filing transaction: a replay with the same Idempotency-Key names
 * photos its first filing attached, and must still answer with that first filing.
 */
export async function checkPhotos(db: DbOrTx, p: { townId: string; photoIds: readonly string[]; lang: Lang }): Promise<FieldError[]> {
  const errors = listErrors(p.photoIds, p.lang);
  if (errors.length > 0 || p.photoIds.length === 0) return errors;
  const cutoff = orphanCutoff(new Date());
  const rows = await db
    .selectFrom('uploads')
    .select(['id', 'request_id', 'created_at'])
    .where('town_id', '=', p.townId)
    .where('id', 'in', [...p.photoIds])
    .execute();
  const usable = new Set(rows.filter((r) => r.request_id !== null || r.created_at >= cutoff).map((r) => r.id));
  p.photoIds.forEach((id, i) => {
    if (!usable.has(id)) errors.push({ field: `photos.${i}`, message: MESSAGES.unknown[p.lang] });
  });
  return errors;
}

/**
 * Attaches the town's uploads `photoIds` to `requestId`. Call it inside the transaction that files the
 * request: each id must exist, belong to the town, be younger than a day and not be attached yet; the
 * claim is one conditional UPDATE per id, so two requests can never share a photo. Any error (field
 * `photos.N`) means the caller must roll the transaction back.
 */
export async function attachPhotos(
  trx: DbOrTx,
  p: { townId: string; requestId: string; photoIds: readonly string[]; lang: Lang },
): Promise<FieldError[]> {
  const errors = listErrors(p.photoIds, p.lang);
  if (errors.length > 0) return errors;
  const now = new Date();
  const attachedAt = now.toISOString();
  for (const [i, id] of p.photoIds.entries()) {
    const result = await trx
      .updateTable('uploads')
      .set({ request_id: p.requestId, attached_at: attachedAt })
      .where('id', '=', id)
      .where('town_id', '=', p.townId)
      .where('request_id', 'is', null)
      .where('created_at', '>=', orphanCutoff(now))
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) continue;
    const taken = await trx
      .selectFrom('uploads')
      .select('id')
      .where('id', '=', id)
      .where('town_id', '=', p.townId)
      .where('request_id', 'is not', null)
      .executeTakeFirst();
    errors.push({ field: `photos.${i}`, message: (taken ? MESSAGES.taken : MESSAGES.unknown)[p.lang] });
  }
  return errors;
}

function listErrors(photoIds: readonly string[], lang: Lang): FieldError[] {
  if (photoIds.length > MAX_PHOTOS_PER_REQUEST) return [{ field: 'photos', message: MESSAGES.tooMany[lang] }];
  const errors: FieldError[] = [];
  photoIds.forEach((id, i) => {
    if (photoIds.indexOf(id) !== i) errors.push({ field: `photos.${i}`, message: MESSAGES.duplicate[lang] });
  });
  return errors;
}

/** Thrown inside a filing transaction when attachPhotos refused an id, so the transaction rolls back. */
export class PhotosNotAttached extends Error {
  readonly fields: FieldError[];
  constructor(fields: FieldError[]) {
    super('photos could not be attached');
    this.fields = fields;
  }
}

