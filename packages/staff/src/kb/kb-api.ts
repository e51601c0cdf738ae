// The knowledge base's staff API (issue 7), typed by hand until the server's schemas reach the
// generated client (packages/core/src/api-schema.gen.ts). The shapes match the contract exactly:
// prefix /api/v1/staff/towns/{town}/kb; reads need kb.read, writes kb.edit and the CSRF token.
import { ApiError, NetworkError } from '@munikit/core';
import type { ApiClient, Lang } from '@munikit/core';

export type KbLang = Lang;
export type Visibility = 'public' | 'internal';
export type ArticleStatus = 'draft' | 'published' | 'archived';

export interface StaffArticleSummary {
  id: string;
  slug: string;
  categoryId: string | null;
  visibility: Visibility;
  status: ArticleStatus;
  titleEn: string | null;
  titleFr: string | null;
  missing: KbLang[];
  unpublishedChanges: boolean;
  publishAt: string | null;
  reviewBy: string | null;
  updatedAt: string;
  updatedByName: string | null;
  serviceCodes: string[];
}

export interface ArticleText {
  title: string;
  summary: string;
  /** Markdown. */
  body: string;
  keywords: string[];
}

export interface ArticleInput {
  slug: string;
  categoryId: string | null;
  visibility: Visibility;
  serviceCodes: string[];
  /** YYYY-MM-DD */
  reviewBy: string | null;
  en: ArticleText | null;
  fr: ArticleText | null;
}

export interface PublishedMark {
  revisionId: string;
  publishedAt: string;
}

export interface StaffArticle extends ArticleInput {
  id: string;
  status: ArticleStatus;
  version: number;
  publishAt: string | null;
  published: { en: PublishedMark | null; fr: PublishedMark | null };
  missing: KbLang[];
  unpublishedChanges: boolean;
  updatedAt: string;
  updatedByName: string | null;
}

export interface EditConflict {
  error: { code: 'edit_conflict'; message: string };
  current: StaffArticle;
}

export interface RevisionSummary {
  id: string;
  lang: KbLang;
  number: number;
  title: string;
  createdAt: string;
  authorName: string | null;
  published: boolean;
}

export interface Revision {
  id: string;
  lang: KbLang;
  number: number;
  title: string;
  summary: string;
  body: string;
  keywords: string[];
  createdAt: string;
  authorName: string | null;
}

export interface Change {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface RevisionDiff {
  from: string;
  to: string;
  fields: { title: Change[]; summary: Change[]; body: Change[]; keywords: Change[] };
}

export interface KbCategory {
  id: string;
  slugEn: string;
  slugFr: string;
  nameEn: string;
  nameFr: string;
  sort: number;
  articleCount: number;
}

export interface CategoryInput {
  nameEn?: string;
  nameFr?: string;
  slugEn?: string;
  slugFr?: string;
  sort?: number;
}

export interface SearchCount {
  query: string;
  lang: KbLang;
  count: number;
}

export interface ArticleInsight {
  id: string;
  title: string;
  lang: KbLang;
  views: number;
  helpful: number;
  unhelpful: number;
  comments: { text: string; helpful: boolean; createdAt: string }[];
}

export interface KbInsight {
  from: string;
  to: string;
  totalSearches: number;
  topSearches: SearchCount[];
  noResultSearches: SearchCount[];
  articles: ArticleInsight[];
}

export interface ArticleFilter {
  status?: ArticleStatus | '';
  categoryId?: string;
  visibility?: Visibility | '';
  service?: string;
  q?: string;
}

const enc = encodeURIComponent;

/** Someone else saved the article first (409 edit_conflict): nothing was overwritten. */
export class EditConflictError extends ApiError {
  readonly current: StaffArticle;

  constructor(message: string, current: StaffArticle) {
    super(409, 'edit_conflict', message);
    this.name = 'EditConflictError';
    this.current = current;
  }
}

/** The knowledge base's staff calls for one town. Writes carry the session's CSRF token. */
export class KbApi {
  private readonly client: ApiClient;
  private readonly csrfToken: string;
  private readonly base: string;

  constructor(client: ApiClient, csrfToken: string, town: string) {
    this.client = client;
    this.csrfToken = csrfToken;
    this.base = `/staff/towns/${enc(town)}/kb`;
  }

  /**
   * A write. Done here rather than through ApiClient.request because a 409 edit_conflict carries the
   * article as it now is (`current`), which ApiError does not keep: it becomes an EditConflictError.
   */
  private async write<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    let res: Response;
    try {
      res = await globalThis.fetch(this.client.url(`${this.base}${path}`), {
        method,
        headers: { Accept: 'application/json', 'X-CSRF-Token': this.csrfToken, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(45_000)]) : AbortSignal.timeout(45_000),
      });
    } catch (e) {
      if (signal?.aborted) throw e;
      throw new NetworkError('Network request failed', e instanceof DOMException && e.name === 'TimeoutError', e);
    }
    if (res.status === 204) return undefined as T;
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      json = undefined;
    }
    if (res.ok) return json as T;
    const err = (json as { error?: { code?: string; message?: string; field?: string; fields?: { field: string; message: string }[] } } | undefined)?.error;
    const current = (json as { current?: StaffArticle } | undefined)?.current;
    if (res.status === 409 && err?.code === 'edit_conflict' && current) throw new EditConflictError(err.message ?? 'Edit conflict', current);
    const fields = [...(err?.fields ?? [])];
    if (err?.field && !fields.some((f) => f.field === err.field)) fields.push({ field: err.field, message: err.message ?? '' });
    throw new ApiError(res.status, err?.code ?? (res.status >= 500 ? 'internal' : 'unknown'), err?.message ?? `HTTP ${res.status}`, fields);
  }

  articles(filter: ArticleFilter = {}) {
    return this.client.get<{ articles: StaffArticleSummary[] }>(`${this.base}/articles`, { ...filter });
  }
  article(id: string) {
    return this.client.get<StaffArticle>(`${this.base}/articles/${enc(id)}`);
  }
  create(input: ArticleInput) {
    return this.write<StaffArticle>('POST', '/articles', input);
  }
  save(id: string, input: ArticleInput, version: number) {
    return this.write<StaffArticle>('PUT', `/articles/${enc(id)}`, { ...input, version });
  }
  publish(id: string, version: number, publishAt?: string) {
    return this.write<StaffArticle>('POST', `/articles/${enc(id)}/publish`, publishAt ? { version, publishAt } : { version });
  }
  archive(id: string, version: number) {
    return this.write<StaffArticle>('POST', `/articles/${enc(id)}/archive`, { version });
  }
  unarchive(id: string, version: number) {
    return this.write<StaffArticle>('POST', `/articles/${enc(id)}/unarchive`, { version });
  }
  revisions(id: string) {
    return this.client.get<{ revisions: RevisionSummary[] }>(`${this.base}/articles/${enc(id)}/revisions`);
  }
  revision(id: string, revisionId: string) {
    return this.client.get<Revision>(`${this.base}/articles/${enc(id)}/revisions/${enc(revisionId)}`);
  }
  diff(id: string, from: string, to: string) {
    return this.client.get<RevisionDiff>(`${this.base}/articles/${enc(id)}/diff`, { from, to });
  }
  restore(id: string, revisionId: string, version: number) {
    return this.write<StaffArticle>('POST', `/articles/${enc(id)}/revisions/${enc(revisionId)}/restore`, { version });
  }
  preview(markdown: string, signal?: AbortSignal) {
    return this.write<{ html: string }>('POST', '/preview', { markdown }, signal);
  }
  categories() {
    return this.client.get<{ categories: KbCategory[] }>(`${this.base}/categories`);
  }
  createCategory(input: CategoryInput & { nameEn: string; nameFr: string }) {
    return this.write<KbCategory>('POST', '/categories', input);
  }
  changeCategory(id: string, input: CategoryInput) {
    return this.write<KbCategory>('PATCH', `/categories/${enc(id)}`, input);
  }
  deleteCategory(id: string) {
    return this.write<void>('DELETE', `/categories/${enc(id)}`);
  }
  insight(from: string, to: string) {
    return this.client.get<KbInsight>(`${this.base}/insight`, { from, to });
  }
}

/** Comma-separated input ↔ list: trimmed, no empties. */
export const splitList = (text: string): string[] => text.split(',').map((s) => s.trim()).filter(Boolean);
