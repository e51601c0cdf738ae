// The knowledge base's public calls: the article list (index-cache.ts), one article's body (fetched
// only when it is opened), its feedback, and the settled searches.
import { ApiError, NetworkError } from '@munikit/core';
import type { ApiClient, KbArticleSummary, Lang } from '@munikit/core';

export async function kbArticles(client: ApiClient, town: string, lang: Lang): Promise<KbArticleSummary[]> {
  return (await client.get<{ articles: KbArticleSummary[] }>(`/towns/${encodeURIComponent(town)}/kb/articles`, { lang })).articles;
}

export interface KbArticleLink {
  id: string;
  slug: string;
  title: string;
}

export interface KbArticleView {
  lang: Lang;
  id: string;
  slug: string;
  title: string;
  summary: string;
  bodyHtml: string;
  categoryId: string | null;
  categoryName: string | null;
  updatedAt: string;
  related?: KbArticleLink[];
  otherLanguage?: { lang: Lang; slug: string; title: string } | null;
}

/** 404 `translation_missing`: the article is published only in the other language. */
export class TranslationMissingError extends Error {
  readonly otherLanguage: { lang: Lang; slug: string; title: string } | null;
  constructor(otherLanguage: { lang: Lang; slug: string; title: string } | null) {
    super('translation_missing');
    this.otherLanguage = otherLanguage;
  }
}

const base = (town: string) => `/towns/${encodeURIComponent(town)}/kb`;

export async function fetchArticle(client: ApiClient, town: string, idOrSlug: string, lang: Lang): Promise<KbArticleView> {
  let res: Response;
  try {
    res = await fetch(client.url(`${base(town)}/articles/${encodeURIComponent(idOrSlug)}`, { lang }), {
      headers: { Accept: 'application/json' },
      credentials: client.credentials,
      signal: AbortSignal.timeout(20_000),
    });
  } catch (error) {
    throw new NetworkError('Network request failed', false, error);
  }
  if (res.ok) return (await res.json()) as KbArticleView;
  const body = (await res.json().catch(() => undefined)) as
    | { error?: { code?: string; message?: string }; otherLanguage?: KbArticleView['otherLanguage'] }
    | undefined;
  const code = body?.error?.code ?? (res.status === 404 ? 'not_found' : 'internal');
  if (code === 'translation_missing') throw new TranslationMissingError(body?.otherLanguage ?? null);
  throw new ApiError(res.status, code, body?.error?.message ?? `HTTP ${res.status}`);
}

export function sendFeedback(
  client: ApiClient,
  town: string,
  articleId: string,
  body: { lang: Lang; helpful: boolean; comment?: string },
): Promise<void> {
  return client.post<void>(`${base(town)}/articles/${encodeURIComponent(articleId)}/feedback`, body);
}

/** Aggregated on the server with nothing about the resident: no address, cookie or user agent. */
export function recordSearch(
  client: ApiClient,
  town: string,
  body: { lang: Lang; query: string; resultCount: number; openedArticleId?: string },
): Promise<void> {
  return client.post<void>(`${base(town)}/searches`, body);
}
