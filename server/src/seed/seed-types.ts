// Shapes of the demo-town seed data. The seed content (demo-town.ts) is plain data in these shapes;
// seed.ts turns it into rows through the same storage functions the API uses.

export interface Bilingual {
  en: string;
  fr: string;
}

export type Open311Datatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

export interface SeedTown {
  id: string;
  name: Bilingual;
  defaultLanguage: 'en' | 'fr';
  /** Origins of the town's own website(s); CORS is limited to these. */
  siteOrigins: string[];
  /** Prefix of request reference numbers, e.g. LKV -> LKV-7K4Q2-M9XCR (see requests/references.ts). */
  referencePrefix: string;
  timezone: string;
  contact: { email: string; phone: string; address: Bilingual };
}

export interface SeedDepartment {
  id: string;
  name: Bilingual;
  email: string;
}

export interface SeedQuestion {
  code: string;
  datatype: Open311Datatype;
  required: boolean;
  /** Open311 `variable=false` questions are information only (no input). */
  variable: boolean;
  order: number;
  label: Bilingual;
  description?: Bilingual;
  values?: { key: string; name: Bilingual }[];
}

export interface SeedService {
  code: string;
  name: Bilingual;
  description: Bilingual;
  /** Open311 group, e.g. Roads / Routes. */
  group: Bilingual;
  keywords: { en: string[]; fr: string[] };
  departmentId: string;
  anonymousAllowed: boolean;
  /** Target time to resolve, in working days. */
  targetDays: number;
  questions: SeedQuestion[];
}

export interface SeedCategory {
  id: string;
  slug: Bilingual;
  name: Bilingual;
  order: number;
}

export interface SeedArticleVersion {
  slug: string;
  title: string;
  summary: string;
  /** Markdown; rendered and sanitised by the server. */
  body: string;
  keywords: string[];
}

export interface SeedArticle {
  id: string;
  categoryId: string;
  /** internal: staff only (shown in the console and beside requests of its services), never public. */
  visibility?: 'public' | 'internal';
  /** Service codes the article is about (internal articles are shown beside these requests). */
  serviceCodes?: string[];
  /** A missing language is a missing translation, never filled with the other language. */
  en?: SeedArticleVersion;
  fr?: SeedArticleVersion;
}

export interface SeedRequest {
  serviceCode: string;
  status: 'received' | 'in_progress' | 'on_hold' | 'resolved' | 'declined';
  description: string;
  locationText: string;
  lat?: number;
  lng?: number;
  daysAgo: number;
  contact?: { name?: string; email?: string; phone?: string };
  /** Public notes staff added, oldest first (shown on the status tracker). */
  publicNotes: Bilingual[];
}

export interface SeedData {
  town: SeedTown;
  departments: SeedDepartment[];
  services: SeedService[];
  categories: SeedCategory[];
  articles: SeedArticle[];
  requests: SeedRequest[];
}
