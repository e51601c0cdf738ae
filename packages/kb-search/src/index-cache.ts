// The compact search index: fetched once per town and language (ETag, so an unchanged index costs a
// 304), kept on this device so search still works offline or on a flaky line.
import { ApiError, NetworkError, prefetchedOrFetch, reportBlockedOrigin } from '@munikit/core';
import type { ApiClient, Lang } from '@munikit/core';
import { kbArticles } from './article-api.ts';

export interface KbIndexCategory {
  id: string;
  slug: string;
  name: string;
  articleCount: number;
  sort: number;
}

export interface KbIndexArticle {
  id: string;
  slug: string;
  title: string;
  summary: string;
  keywords: string[];
  categoryId: string | null;
  categoryName: string | null;
  popularity?: number;
  updatedAt: string;
}

export interface KbIndex {
  lang: Lang;
  categories: KbIndexCategory[];
  articles: KbIndexArticle[];
}

export interface LoadedIndex {
  index: KbIndex;
  /** Set when the network failed and this is the copy kept on the device: when it was saved. */
  keptCopyFrom?: string;
}

interface Kept {
  etag: string | null;
  savedAt: string;
  index: KbIndex;
}

const keyFor = (client: ApiClient, town: string, lang: Lang) => `munikit:kb-index:${client.base}:${town}:${lang}`;

function readKept(key: string): Kept | undefined {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Kept) : undefined;
  } catch {
    return undefined;
  }
}

function keep(key: string, etag: string | null, index: KbIndex): void {
  try {
    localStorage.setItem(key, JSON.stringify({ etag, savedAt: new Date().toISOString(), index } satisfies Kept));
  } catch {
    // Storage full or disabled (private browsing): search still works while the page is open.
  }
}

/** Categories counted from the articles, for a server without `/kb/index` (its list has no counts). */
function categoriesOf(articles: KbIndexArticle[]): KbIndexCategory[] {
  const byId = new Map<string, KbIndexCategory>();
  for (const a of articles) {
    if (!a.categoryId) continue;
    const c = byId.get(a.categoryId) ?? { id: a.categoryId, slug: a.categoryId, name: a.categoryName ?? '', articleCount: 0, sort: byId.size };
    c.articleCount++;
    byId.set(a.categoryId, c);
  }
  return [...byId.values()];
}

const memory = new Map<string, Promise<LoadedIndex>>();

/** The index of one town and language; one fetch per page however many elements ask. */
export function loadIndex(client: ApiClient, town: string, lang: Lang): Promise<LoadedIndex> {
  const key = keyFor(client, town, lang);
  let pending = memory.get(key);
  if (!pending) {
    pending = fetchIndex(client, key, town, lang);
    memory.set(key, pending);
    pending.catch(() => memory.delete(key));
  }
  return pending;
}

/** Forgets the in-memory copies (tests; a language reload). The copies kept on the device stay. */
export function clearIndexMemory(): void {
  memory.clear();
}

async function fetchIndex(client: ApiClient, key: string, town: string, lang: Lang): Promise<LoadedIndex> {
  const kept = readKept(key);
  const path = `/towns/${encodeURIComponent(town)}/kb`;
  let res: Response | undefined;
  // Twice, as the API client does for every GET: rural links often drop a single request.
  for (let attempt = 1; !res; attempt++) {
    try {
      // munikit.js asks for the index at tag sight, alongside this code: its answer (a 200, not a 304:
      // it cannot know the copy kept here) is taken when it is there.
      res = await prefetchedOrFetch(client.url(`${path}/index`, { lang }), {
        headers: { Accept: 'application/json', ...(kept?.etag ? { 'If-None-Match': kept.etag } : {}) },
        credentials: client.credentials,
        signal: AbortSignal.timeout(20_000),
      });
    } catch (error) {
      // A site missing from the town's list fails like a dropped connection: say so in the console.
      if (kept || attempt >= 2) reportBlockedOrigin(client.base);
      if (kept) return { index: kept.index, keptCopyFrom: kept.savedAt };
      if (attempt >= 2) throw new NetworkError('Network request failed', false, error);
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
  }
  if (res.status === 304 && kept) return { index: kept.index };
  if (res.ok) {
    const index = (await res.json()) as KbIndex;
    keep(key, res.headers.get('etag'), index);
    return { index };
  }
  if (res.status === 404) {
    // A server from before `/kb/index`: its article list has the same fields, minus popularity.
    try {
      const articles = await kbArticles(client, town, lang);
      const index: KbIndex = { lang, categories: categoriesOf(articles), articles };
      keep(key, null, index);
      return { index };
    } catch (error) {
      if (kept && error instanceof NetworkError) return { index: kept.index, keptCopyFrom: kept.savedAt };
      throw error;
    }
  }
  if (kept && res.status >= 500) return { index: kept.index, keptCopyFrom: kept.savedAt };
  throw new ApiError(res.status, res.status >= 500 ? 'internal' : 'unknown', res.statusText || `HTTP ${res.status}`);
}
