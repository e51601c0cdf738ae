// The knowledge base's public calls, for the elements that read it (kb-search, the form's
// suggestions, the console's embed builder). An entry point of its own (@munikit/core/kb-api), not
// part of the shared core chunk.
import type { ApiClient } from './api-client.ts';
import type { KbArticleSummary, KbCategory, Lang } from './api-types.ts';

export async function kbCategories(client: ApiClient, town: string, lang: Lang): Promise<KbCategory[]> {
  return (await client.get<{ categories: KbCategory[] }>(`/towns/${encodeURIComponent(town)}/kb/categories`, { lang })).categories;
}

export async function kbArticles(client: ApiClient, town: string, lang: Lang): Promise<KbArticleSummary[]> {
  return (await client.get<{ articles: KbArticleSummary[] }>(`/towns/${encodeURIComponent(town)}/kb/articles`, { lang })).articles;
}
