// Erasing residents' personal data from requests: contact details (the row stays, emptied), photos
// (rows here; the caller removes their bytes after the commit) and subscriptions. Each statement
// returns only what it changed, so a second run (or a concurrent one) finds nothing left and counts 0.
import type { DbOrTx } from '../platform/database/schema.ts';
import { deleteSubscriptions } from '../notifications/subscriptions-store.ts';

export interface RequestsErasure {
  /** References of the requests something was erased from. */
  references: string[];
  contacts: number;
  photoIds: string[];
  subscriptions: number;
}

export async function eraseRequestsData(
  db: DbOrTx,
  townId: string,
  requestIds: readonly string[],
  subscriptionFilter?: { emails: readonly string[] },
): Promise<RequestsErasure> {
  if (requestIds.length === 0) return { references: [], contacts: 0, photoIds: [], subscriptions: 0 };
  const ids = [...requestIds];
  const touched = new Set<string>();
  const contacts = await db
    .updateTable('request_contacts')
    .set({ name: null, email: null, phone: null, device_id: null, account_id: null })
    .where('request_id', 'in', ids)
    .where((w) =>
      w.or([w('name', 'is not', null), w('email', 'is not', null), w('phone', 'is not', null), w('device_id', 'is not', null), w('account_id', 'is not', null)]),
    )
    .returning('request_id')
    .execute();
  for (const c of contacts) touched.add(c.request_id);
  const photos = await db.deleteFrom('uploads').where('town_id', '=', townId).where('request_id', 'in', ids).returning(['id', 'request_id']).execute();
  for (const p of photos) if (p.request_id) touched.add(p.request_id);
  const subscriptions = await deleteSubscriptions(db, townId, { requestIds: ids, emails: subscriptionFilter ? ['', ...subscriptionFilter.emails] : undefined });
  for (const requestId of subscriptions) touched.add(requestId);
  const references =
    touched.size === 0
      ? []
      : (await db.selectFrom('requests').select('reference').where('town_id', '=', townId).where('id', 'in', [...touched]).orderBy('reference').execute()).map((r) => r.reference);
  return { references, contacts: contacts.length, photoIds: photos.map((p) => p.id), subscriptions: subscriptions.length };
}
