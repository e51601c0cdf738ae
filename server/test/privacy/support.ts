// Requests with personal data, inserted directly (contacts, a photo with bytes, a subscription).
import type { Db, RequestStatus } from '../../src/platform/database/schema.ts';
import type { PhotoStorage } from '../../src/requests/photos/bytes.ts';

let seq = 0;

export interface Filed {
  id: string;
  reference: string;
  photoId: string;
}

export async function fileWithData(
  db: Db,
  storage: PhotoStorage,
  o: { status?: RequestStatus; closedAt?: string | null; email?: string | null; phone?: string | null; name?: string | null; subscriber?: string; photo?: boolean },
): Promise<Filed> {
  const svc = await db.selectFrom('services').select(['id', 'code', 'department_id']).where('town_id', '=', 'testville').where('code', '=', 'pothole').executeTakeFirstOrThrow();
  seq += 1;
  const id = `priv-${seq}-${Math.random().toString(36).slice(2, 8)}`;
  const reference = `TST-P${seq}${Math.random().toString(36).slice(2, 5)}`;
  const at = '2024-01-01T00:00:00.000Z';
  await db
    .insertInto('requests')
    .values({
      id, town_id: 'testville', reference, service_id: svc.id, service_code: svc.code, status: o.status ?? 'closed', priority: 'normal',
      department_id: svc.department_id, assignee_user_id: null, location_text: '1 Main St', lat: 45.1, lng: -75.2,
      description: 'Deep pothole', channel: 'web', answers: '{}', idempotency_key: null, idempotency_hash: null, lang: 'en',
      created_at: at, updated_at: at, closed_at: o.closedAt === undefined ? '2024-02-01T00:00:00.000Z' : o.closedAt,
    })
    .execute();
  await db
    .insertInto('request_contacts')
    .values({ request_id: id, name: o.name === undefined ? 'Pat Resident' : o.name, email: o.email === undefined ? 'pat@example.org' : o.email, phone: o.phone === undefined ? '613-555-0199' : o.phone, device_id: null, account_id: null })
    .execute();
  const photoId = `photo${seq}${'x'.repeat(16)}`;
  if (o.photo !== false) {
    await storage.save({ id: photoId, townId: 'testville', contentType: 'image/jpeg', bytes: 3, width: 1, height: 1, sha256: 'ab', createdAt: at }, Buffer.from([1, 2, 3]));
    await db.updateTable('uploads').set({ request_id: id, attached_at: at }).where('id', '=', photoId).execute();
  }
  if (o.subscriber) {
    await db
      .insertInto('request_subscribers')
      .values({
        id: `sub-${id}`, town_id: 'testville', request_id: id, email: o.subscriber, lang: 'en', source: 'reporter', status: 'confirmed',
        confirm_token_hash: null, unsubscribe_token_hash: `u-${id}`, created_at: at, confirmed_at: at, unsubscribed_at: null, confirm_sent_at: null,
      })
      .execute();
  }
  return { id, reference, photoId };
}
