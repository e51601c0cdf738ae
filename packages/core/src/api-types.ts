/** Shapes of the MuniKit JSON API (/api/v1), as fixed by the shared contract. */

export type Lang = 'en' | 'fr';
export type LocalisedText = { en: string; fr: string };

export interface Town {
  id: string;
  name: LocalisedText;
  defaultLanguage: Lang;
}

export interface KbCategory {
  id: string;
  slug: string;
  name: string;
  articleCount: number;
}

export interface KbArticleSummary {
  id: string;
  slug: string;
  categoryId: string;
  categoryName: string;
  title: string;
  summary: string;
  keywords: string[];
  updatedAt: string;
}

export interface KbArticle {
  lang: Lang;
  id: string;
  slug: string;
  categoryId: string;
  categoryName: string;
  title: string;
  summary: string;
  /** Rendered from Markdown and sanitised by the server. */
  bodyHtml: string;
  updatedAt: string;
}

export type ServiceQuestionDatatype =
  | 'string'
  | 'number'
  | 'datetime'
  | 'text'
  | 'singlevaluelist'
  | 'multivaluelist';

export interface ServiceQuestion {
  code: string;
  datatype: ServiceQuestionDatatype;
  required: boolean;
  label: string;
  description?: string;
  order: number;
  values?: Array<{ key: string; name: string }>;
}

export interface Service {
  code: string;
  name: string;
  description: string;
  group: string;
  keywords: string[];
  anonymousAllowed: boolean;
  questions: ServiceQuestion[];
}

export interface NewServiceRequest {
  serviceCode: string;
  description: string;
  location: { text: string; lat?: number; lng?: number };
  contact?: { name?: string; email?: string; phone?: string };
  answers?: Record<string, string | string[]>;
  lang: Lang;
}

export type RequestStatus = 'received' | 'in_progress' | 'on_hold' | 'resolved' | 'declined';

export interface SubmittedRequest {
  reference: string;
  status: RequestStatus;
  createdAt: string;
}

export interface TimelineEntry {
  type: 'status_changed' | 'public_note';
  status?: RequestStatus;
  note?: string;
  at: string;
}

export interface PublicRequestStatus {
  reference: string;
  status: RequestStatus;
  serviceCode: string;
  serviceName: string;
  createdAt: string;
  updatedAt: string;
  timeline: TimelineEntry[];
}

export interface StaffSession {
  user: { id: string; email: string; name: string };
  csrfToken: string;
  towns: Array<{ id: string; role: string }>;
}

export interface StaffRequest {
  reference: string;
  status: RequestStatus;
  priority: string;
  serviceCode: string;
  serviceName: LocalisedText;
  description: string;
  location: { text: string; lat?: number | null; lng?: number | null };
  contact: { name?: string | null; email?: string | null; phone?: string | null } | null;
  channel: string;
  createdAt: string;
  updatedAt: string;
}

export interface StaffRequestPage {
  total: number;
  page: number;
  pageSize: number;
  requests: StaffRequest[];
}

export interface ApiFieldError {
  field: string;
  message: string;
}

export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    field?: string;
    fields?: ApiFieldError[];
  };
}
