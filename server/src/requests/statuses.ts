// A request's statuses, in the order a request usually moves through them, and which of them are
// open. Open311 maps every open one to `open` and every other to `closed`.
import type { RequestStatus } from '../platform/database/schema.ts';

export const REQUEST_STATUSES = [
  'received',
  'acknowledged',
  'in_progress',
  'on_hold',
  'resolved',
  'closed',
  /** Not the town's responsibility (the public note says who to contact). */
  'declined',
  /** Merged into another request (its reference is on the timeline). */
  'duplicate',
] as const satisfies readonly RequestStatus[];

export const OPEN_STATUSES: readonly RequestStatus[] = ['received', 'acknowledged', 'in_progress', 'on_hold'];
export const CLOSED_STATUSES: readonly RequestStatus[] = ['resolved', 'closed', 'declined', 'duplicate'];

export const isClosedStatus = (s: RequestStatus): boolean => CLOSED_STATUSES.includes(s);
