export { MuniRequestStatus } from './request-status.ts';
export { StatusLoadedEvent } from './events.ts';
export type { StatusLoadedDetail } from './events.ts';
