// TEMPORARY search engine (branch kbwidget): just enough of the engine's interface for the element
// and its tests. The kbengine branch's real engine (query understanding, an inverted index that
// narrows candidates before fuse.js ranks them) replaces this file at merge; keep the interface.
import type FuseType from 'fuse.js';

export interface SearchDoc {
  id: string;
  slug: string;
  title: string;
  summary: string;
  keywords: string[];
  categoryId: string | null;
  categoryName: string | null;
  popularity?: number;
}

export interface SearchHit {
  doc: SearchDoc;
  score: number;
  matchedTerms: string[];
  /** [start,end) ranges in doc.title and doc.summary to highlight */
  highlights: { title: Array<[number, number]>; summary: Array<[number, number]> };
}

export interface SearchEngine {
  search(query: string, options?: { limit?: number }): SearchHit[];
  readonly size: number;
}

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

export function queryTerms(query: string, _lang: 'en' | 'fr'): string[] {
  return fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1);
}

export function createSearchEngine(
  docs: SearchDoc[],
  options: { lang: 'en' | 'fr'; Fuse: typeof FuseType },
): SearchEngine {
  const fuse = new options.Fuse(docs, {
    threshold: 0.3,
    minMatchCharLength: 2,
    ignoreLocation: true,
    ignoreDiacritics: true,
    includeMatches: true,
    includeScore: true,
    keys: [
      { name: 'title', weight: 4 },
      { name: 'keywords', weight: 3 },
      { name: 'summary', weight: 2 },
      { name: 'categoryName', weight: 1 },
    ],
  });
  return {
    size: docs.length,
    search(query, opts = {}) {
      if (!query.trim()) return [];
      const results = fuse.search(query.trim(), opts.limit ? { limit: opts.limit } : undefined);
      return results.map((r) => {
        const ranges = (key: string) =>
          (r.matches ?? [])
            .filter((m) => m.key === key)
            .flatMap((m) => m.indices.filter(([a, b]) => b - a >= 1).map(([a, b]) => [a, b + 1] as [number, number])); // fuse's end is inclusive
        return {
          doc: r.item,
          score: 1 - (r.score ?? 1),
          matchedTerms: queryTerms(query, options.lang),
          highlights: { title: ranges('title'), summary: ranges('summary') },
        };
      });
    },
  };
}
