export { MuniRequestForm } from './request-form.ts';
export { isPhone } from './steps.ts';
export { RequestQueuedEvent, RequestSubmittedEvent } from './events.ts';
export type { RequestQueuedDetail, RequestSubmittedDetail } from './events.ts';
export type { Draft, FormValues, PhotoRef } from './draft.ts';
