export { MuniRequestForm } from './request-form.ts';
export type { RequestSubmittedDetail } from './request-form.ts';
export type { Draft, FormValues } from './draft.ts';
