/**
 * Shapes of the MuniKit JSON API (/api/v1), named for the widgets. Every one comes from
 * api-schema.gen.ts, which `npm run api-types` generates from the server's zod schemas, so a change
 * on the server that a widget does not follow breaks the type check.
 */
import type { components, paths } from './api-schema.gen.ts';

type Schemas = components['schemas'];
type Json<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type Lang = 'en' | 'fr';
export type LocalisedText = { en: string; fr: string };

export type Town = Schemas['Town'];
export type KbCategory = Schemas['KbCategory'];
export type KbArticleSummary = Schemas['KbArticleSummary'];
export type KbArticle = Schemas['KbArticle'];

export type Service = Schemas['Service'];
export type ServiceQuestion = Schemas['ServiceQuestion'];
export type ServiceQuestionDatatype = ServiceQuestion['datatype'];

export type NewServiceRequest = Schemas['NewServiceRequest'];
export type SubmittedRequest = Schemas['FiledServiceRequest'];
export type UploadedPhoto = Schemas['UploadedPhoto'];

export type PublicRequestStatus = Schemas['ServiceRequestStatus'];
export type RequestStatus = PublicRequestStatus['status'];
export type TimelineEntry = PublicRequestStatus['timeline'][number];
export type NearbyRequests = Schemas['NearbyRequests'];
export type NearbyRequest = Schemas['NearbyRequest'];

export type StaffSession = Schemas['StaffSession'];
export type StaffRequest = Schemas['StaffServiceRequest'];
export type StaffRequestPage = Json<'/api/v1/staff/towns/{town}/requests', 'get'>;

export type ApiErrorBody = Schemas['Error'];
export type ApiFieldError = NonNullable<ApiErrorBody['error']['fields']>[number];

export type Role = Schemas['Role'];
export type Action = Schemas['Action'];
export type TownUser = Schemas['TownUser'];
export type PendingInvitation = Schemas['PendingInvitation'];
export type TownSettings = Schemas['TownSettings'];
export type TownSettingsChange = Schemas['TownSettingsChange'];
export type AuditEntry = Schemas['AuditEntry'];
export type MyAccount = Schemas['MyAccount'];
export type Invitation = Schemas['Invitation'];
export type ApiKey = Schemas['ApiKey'];
export type NewApiKey = Schemas['NewApiKey'];
export type Webhook = Schemas['Webhook'];
export type NewWebhook = Schemas['NewWebhook'];
export type WebhookDelivery = Schemas['WebhookDelivery'];
export type OutboxJob = Schemas['OutboxJob'];
export type TotpChallenge = Schemas['TotpChallenge'];
export type TownReport = Schemas['TownReport'];
export type ReportCount = TownReport['byDepartment'][number];
export type ServiceTarget = Schemas['ServiceTarget'];

// The staff inbox and a request's page (issue 8).
export type InboxItem = Schemas['InboxItem'];
export type InboxPage = Schemas['InboxPage'];
export type InboxQuery = NonNullable<paths['/api/v1/staff/towns/{town}/inbox']['get']['parameters']['query']>;
export type InboxSort = NonNullable<InboxQuery['sort']>;
export type RequestPriority = NonNullable<InboxQuery['priority']>;
export type StaffRequestDetail = Schemas['StaffRequestDetail'];
export type StaffRequestEvent = Schemas['StaffRequestEvent'];
export type StaffRequestConflict = Schemas['StaffRequestConflict'];
export type StaffRequestChange = paths['/api/v1/staff/towns/{town}/requests/{reference}']['patch']['requestBody']['content']['application/json'];
export type StaffRequestNote = paths['/api/v1/staff/towns/{town}/requests/{reference}/notes']['post']['requestBody']['content']['application/json'];
export type Department = Schemas['Department'];
export type ResponseTemplate = Schemas['ResponseTemplate'];
export type Assignee = Json<'/api/v1/staff/towns/{town}/assignees', 'get'>['staff'][number];
