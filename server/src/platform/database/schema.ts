// Row types shared by both dialects. Portable types only: text ids, UTC ISO 8601 text timestamps,
// integer 0/1 booleans, JSON stored as text, double precision coordinates.
import type { Generated, Kysely, Transaction } from 'kysely';

export type RequestStatus =
  | 'received'
  | 'acknowledged'
  | 'in_progress'
  | 'on_hold'
  | 'resolved'
  | 'closed'
  | 'declined'
  | 'duplicate';
export type RequestChannel = 'web' | 'open311' | 'staff' | 'phone';
export type RequestEventType =
  | 'created'
  | 'status_changed'
  | 'public_note'
  | 'internal_note'
  | 'assigned'
  | 'routed'
  /** Public: the request went to another department (details: {departmentId}). */
  | 'department_changed'
  /** Public: merged into another request (details: {intoReference}). */
  | 'merged';
export type RequestPriority = 'low' | 'normal' | 'high' | 'urgent';
export type Visibility = 'public' | 'internal';
export type ArticleStatus = 'draft' | 'published' | 'archived';
export type Role = 'admin' | 'editor' | 'agent' | 'viewer';
export type Lang = 'en' | 'fr';

export interface TownsTable {
  id: string;
  name_en: string;
  name_fr: string;
  default_language: Lang;
  site_origins: string;
  reference_prefix: string;
  timezone: string;
  settings: string;
  created_at: string;
}

export interface DepartmentsTable {
  id: string;
  town_id: string;
  name_en: string;
  name_fr: string;
  email: string | null;
  created_at: string;
}

export interface ServicesTable {
  id: string;
  town_id: string;
  code: string;
  name_en: string;
  name_fr: string;
  description_en: string;
  description_fr: string;
  group_en: string;
  group_fr: string;
  keywords_en: string;
  keywords_fr: string;
  department_id: string | null;
  questions: string;
  target_days: number | null;
  /** Time to acknowledge, in hours (0014; 48 by default); target_days is the time to close. */
  ack_target_hours: number | null;
  anonymous_allowed: number;
  active: number;
  sort: number;
  created_at: string;
  updated_at: string;
}

export interface RequestsTable {
  id: string;
  town_id: string;
  reference: string;
  service_id: string;
  service_code: string;
  status: RequestStatus;
  priority: string;
  department_id: string | null;
  assignee_user_id: string | null;
  location_text: string;
  lat: number | null;
  lng: number | null;
  description: string;
  channel: RequestChannel;
  answers: string;
  idempotency_key: string | null;
  /** SHA-256 (hex) of the canonical body filed under idempotency_key; NULL before 0002. */
  idempotency_hash: string | null;
  lang: Lang;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  /** Residents who said "this is my problem too" (0012). */
  followers: Generated<number>;
  /** Optimistic concurrency: +1 on every staff change (0014). */
  version: Generated<number>;
  /** created_at + the service's targets, set by a trigger on insert (0014). */
  ack_due_at: string | null;
  due_at: string | null;
}

export interface RequestContactsTable {
  request_id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  device_id: string | null;
  account_id: string | null;
}

export interface RequestEventsTable {
  id: string;
  request_id: string;
  type: RequestEventType;
  status: RequestStatus | null;
  /** Internal notes and the `routed` decision; public notes use note_en / note_fr. */
  note: string | null;
  /** A public note in English; NULL when it has none (shown as missing, never replaced). */
  note_en: string | null;
  note_fr: string | null;
  visibility: Visibility;
  actor_user_id: string | null;
  created_at: string;
  /** JSON (as text) about the event for staff, e.g. a `routed` event's decision. */
  details: string | null;
}

export interface RequestSubscribersTable {
  id: string;
  town_id: string;
  request_id: string;
  /** Personal data: never in a public answer or a log line. */
  email: string;
  lang: Lang;
  source: 'reporter' | 'follower' | 'tracker';
  status: 'pending' | 'confirmed' | 'unsubscribed';
  confirm_token_hash: string | null;
  unsubscribe_token_hash: string;
  created_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
  /** When the current confirm link was sent; it expires 7 days later (0012). */
  confirm_sent_at: string | null;
}

/** Secrets the server generates on first start, shared by every instance (0012). */
export interface ServerSecretsTable {
  name: string;
  value: string;
  created_at: string;
}

export interface RequestFixAnswersTable {
  id: string;
  town_id: string;
  request_id: string;
  fixed: number;
  created_at: string;
  /** SHA-256 of the emailed link's token (0013): one answer per link. */
  token_hash: string | null;
}

/** A town's outgoing webhook (0013). */
export interface WebhooksTable {
  id: string;
  town_id: string;
  url: string;
  /** HMAC-SHA256 key of the MuniKit-Signature header; shown once when made. */
  secret: string;
  /** JSON array of event types, e.g. ["request.received"]. */
  events: string;
  active: number;
  created_at: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  town_id: string;
  webhook_id: string;
  job_id: string;
  event: string;
  status_code: number | null;
  duration_ms: number;
  error: string | null;
  attempt: number;
  created_at: string;
}

export interface ReferenceCountersTable {
  town_id: string;
  year: number;
  value: number;
}

export interface KbCategoriesTable {
  id: string;
  town_id: string;
  slug_en: string;
  slug_fr: string;
  name_en: string;
  name_fr: string;
  sort: number;
}

export interface KbArticlesTable {
  id: string;
  town_id: string;
  category_id: string | null;
  status: ArticleStatus;
  created_at: string;
  updated_at: string;
  slug: string;
  visibility: Visibility;
  publish_at: string | null;
  review_by: string | null;
  version: number;
  updated_by_user_id: string | null;
}

export interface KbArticleServicesTable {
  article_id: string;
  service_code: string;
}

/** What the public sees of one language of an article, from published_at on (a future one is scheduled). */
export interface KbPublicationsTable {
  id: string;
  article_id: string;
  lang: Lang;
  revision_id: string;
  body_html: string;
  published_at: string;
  published_by_user_id: string | null;
  created_at: string;
}

export interface KbArticleViewsTable {
  article_id: string;
  lang: Lang;
  day: string;
  count: number;
}

export interface KbSearchesTable {
  town_id: string;
  day: string;
  lang: Lang;
  query: string;
  result_count: number;
  count: number;
  opened_count: number;
}

export interface KbFeedbackTable {
  id: string;
  town_id: string;
  article_id: string;
  lang: Lang;
  helpful: number;
  comment: string | null;
  created_at: string;
}

export interface KbArticleVersionsTable {
  id: string;
  article_id: string;
  lang: Lang;
  revision: number;
  slug: string;
  title: string;
  summary: string;
  body_markdown: string;
  keywords: string;
  author_user_id: string | null;
  created_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  created_at: string;
  disabled: number;
  language: Lang | null;
}

export interface PasswordCredentialsTable {
  user_id: string;
  password_hash: string;
  updated_at: string;
}

export type AuthTokenPurpose = 'password_reset' | 'invitation';

export interface AuthTokensTable {
  id: string;
  purpose: AuthTokenPurpose;
  user_id: string | null;
  email: string;
  town_id: string | null;
  role: Role | null;
  department_ids: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface JobsTable {
  id: string;
  kind: string;
  town_id: string | null;
  payload: string;
  run_at: string;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  locked_until: string | null;
  done_at: string | null;
  failed_at: string | null;
  result: string | null;
  created_at: string;
}

export interface UserTownRolesTable {
  user_id: string;
  town_id: string;
  role: Role;
  department_ids: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface ApiKeysTable {
  id: string;
  town_id: string;
  name: string;
  key_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface AuditLogTable {
  id: string;
  town_id: string | null;
  actor_user_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  details: string;
  created_at: string;
}

export interface RoutingRulesTable {
  id: string;
  town_id: string;
  position: number;
  name: string;
  enabled: number;
  /** JSON array of service codes; [] = any service. */
  service_codes: string;
  /** JSON array of words or phrases (a trailing * matches any ending); [] = any description. */
  words: string;
  address_contains: string | null;
  near_lat: number | null;
  near_lng: number | null;
  near_metres: number | null;
  priority: RequestPriority | null;
  department_id: string | null;
  assignee_user_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface RateLimitBucketsTable {
  key: string;
  window_start: string;
  count: number;
}

/** Residents' photos (personal data): read only by requests/photos/. */
export interface UploadsTable {
  id: string;
  town_id: string;
  request_id: string | null;
  content_type: string;
  bytes: number;
  width: number;
  height: number;
  sha256: string;
  created_at: string;
  attached_at: string | null;
}

/** A photo's bytes when the server runs on PostgreSQL (files under DATA_DIR/uploads/ on SQLite). */
export interface UploadBytesTable {
  upload_id: string;
  data: Uint8Array;
}

export interface TotpCredentialsTable {
  user_id: string;
  secret: string;
  confirmed_at: string | null;
  last_step: number;
  created_at: string;
}

export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  created_at: string;
  used_at: string | null;
}

export interface PendingLoginsTable {
  id: string;
  user_id: string;
  method: 'password' | 'sso';
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface OidcProvidersTable {
  town_id: string;
  name: string;
  issuer: string;
  client_id: string;
  client_secret: string;
  allowed_domains: string;
  default_role: Role;
  enabled: number;
  updated_at: string;
}

export interface OidcStatesTable {
  id: string;
  town_id: string;
  nonce: string;
  code_verifier: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface ResponseTemplatesTable {
  id: string;
  town_id: string;
  /** NULL: any service. */
  service_code: string | null;
  name: string;
  text_en: string | null;
  text_fr: string | null;
  created_at: string;
  updated_at: string;
}

export interface Database {
  towns: TownsTable;
  departments: DepartmentsTable;
  services: ServicesTable;
  requests: RequestsTable;
  request_contacts: RequestContactsTable;
  request_events: RequestEventsTable;
  request_subscribers: RequestSubscribersTable;
  request_fix_answers: RequestFixAnswersTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  server_secrets: ServerSecretsTable;
  reference_counters: ReferenceCountersTable;
  kb_categories: KbCategoriesTable;
  kb_articles: KbArticlesTable;
  kb_article_versions: KbArticleVersionsTable;
  kb_article_services: KbArticleServicesTable;
  kb_publications: KbPublicationsTable;
  kb_article_views: KbArticleViewsTable;
  kb_searches: KbSearchesTable;
  kb_feedback: KbFeedbackTable;
  users: UsersTable;
  user_town_roles: UserTownRolesTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
  rate_limit_buckets: RateLimitBucketsTable;
  uploads: UploadsTable;
  upload_bytes: UploadBytesTable;
  routing_rules: RoutingRulesTable;
  password_credentials: PasswordCredentialsTable;
  auth_tokens: AuthTokensTable;
  jobs: JobsTable;
  totp_credentials: TotpCredentialsTable;
  recovery_codes: RecoveryCodesTable;
  pending_logins: PendingLoginsTable;
  oidc_providers: OidcProvidersTable;
  oidc_states: OidcStatesTable;
  response_templates: ResponseTemplatesTable;
}

export type Db = Kysely<Database>;
/** A database handle or an open transaction: storage functions accept either. */
export type DbOrTx = Kysely<Database> | Transaction<Database>;

export const nowIso = (): string => new Date().toISOString();
/**
 * A new row id: a UUID version 7 (RFC 9562), its first 48 bits the time in milliseconds, the other
 * 74 random. Ids made one after another sort together, so a new row lands on the same few index pages
 * as the last ones instead of a random page of every primary-key index (each dirty page is written
 * again at commit). Ids are never secrets: tokens are made apart, and references (requests/references.ts)
 * are all random.
 */
export const newId = (): string => {
  const b = crypto.getRandomValues(new Uint8Array(16));
  let ms = Date.now();
  for (let i = 5; i >= 0; i--) {
    b[i] = ms & 0xff;
    ms = Math.floor(ms / 256);
  }
  b[6] = 0x70 | (b[6]! & 0x0f);
  b[8] = 0x80 | (b[8]! & 0x3f);
  const hex = Array.from(b, (x) => HEX[x]).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
