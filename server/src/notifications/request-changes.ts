// What the rest of the server tells notifications when something residents may follow happens to a
// request. Called inside the transaction of the change itself, so a message is queued (in the outbox)
// exactly when the change commits; sending happens later and never blocks or fails the change.
import type { DbOrTx, RequestStatus } from '../platform/database/schema.ts';

export type RequestChange =
  | { kind: 'received'; townId: string; requestId: string }
  | { kind: 'status_changed'; townId: string; requestId: string; eventId: string; status: RequestStatus }
  | { kind: 'public_note'; townId: string; requestId: string; eventId: string }
  | { kind: 'merged'; townId: string; requestId: string; intoRequestId: string };

/**
 * Queues the emails to the request's confirmed subscribers and the town's webhooks for a change.
 * Work in progress on the notifications branch: until it lands this queues nothing.
 */
export async function notifyRequestChange(_db: DbOrTx, _change: RequestChange): Promise<void> {}
