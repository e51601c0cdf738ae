export { MuniRequestStatus } from './request-status.ts';
export type { RequestStatusLoadedDetail } from './request-status.ts';
