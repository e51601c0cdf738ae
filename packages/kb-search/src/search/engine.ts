// The knowledge-base search engine behind <muni-kb-search>: pure, DOM-free, synchronous.
//
// A query is split into words (any order), folded (case, accents, French elision, apostrophe and
// hyphen variants), stop words dropped and plurals reduced (fold.ts, stop-words.ts, stem.ts). Each
// word is looked up in an inverted index of the articles' words (index.ts): exactly, by prefix for the
// word being typed (or when nothing matches exactly), and, for a word with no match at all, fuzzily with
// fuse.js over the index's vocabulary (a few thousand words, bucketed by length), never over every
// article. Only the articles those words point to are ranked: first by how many query words they match,
// then by where (title > keywords > summary > category), how rare the word is, and how close the match
// is (exact, prefix, or fuse.js's score for a typo).
//
// fuse.js is passed in (the element loads it lazily): this module imports only its type.
import type FuseClass from 'fuse.js';
import { tokenize } from './fold.ts';
import { FIELD, InvertedIndex, analyze, buildIndex, keepWord, type BuildOptions, type Lang } from './index.ts';
import { stem } from './stem.ts';

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
  /** folded query words this doc matched */
  matchedTerms: string[];
  /** [start,end) ranges in doc.title and doc.summary to highlight */
  highlights: { title: Array<[number, number]>; summary: Array<[number, number]> };
}

export interface SearchEngine {
  search(query: string, options?: { limit?: number }): SearchHit[];
  readonly size: number;
}

type Fuse = typeof FuseClass;
type FuseOverWords = FuseClass<string>;

/** What a word found in the article weighs, by field (the best field counts, others add a little). */
const FIELD_WEIGHT: ReadonlyArray<[number, number]> = [
  [FIELD.title, 3],
  [FIELD.keywords, 2.5],
  [FIELD.summary, 1],
  [FIELD.category, 1],
];
const EXTRA_FIELD_BONUS = 0.2;
/** A stop word the article also has ("ours" in Lac-à-l'Ours) lifts it by this share of a word. */
const STOP_WORD_WEIGHT = 0.1;
/** A match on every query word always outranks a match on fewer. */
const COVERAGE_WEIGHT = 100;
/** fuse.js threshold for a typo: about one wrong letter in four, two in seven. */
const FUZZY_THRESHOLD = 0.3;
const FUZZY_MIN_LENGTH = 4;
const PREFIX_MIN_LENGTH = 2;
const DEFAULT_LIMIT = 10;
const CACHE_LIMIT = 1000;

interface QueryWord {
  /** Folded word as typed (for matchedTerms and logging). */
  folded: string;
  /** Its singular form, looked up in the index. */
  term: string;
  /** The word still being typed: the last one, with no space after it. */
  typing: boolean;
  /** A stop word: it only lifts articles the other words found (and only as typed). */
  stop: boolean;
}

interface Expansion {
  term: string;
  /** 1 for the word itself, less for a prefix or a typo. */
  quality: number;
}

function parseQuery(query: string, lang: Lang): QueryWord[] {
  const tokens = tokenize(query);
  const last = tokens[tokens.length - 1];
  const typingOpen = last !== undefined && last.end === query.length;
  const words: QueryWord[] = [];
  const seen = new Set<string>();
  for (const token of tokens) {
    const stop = !keepWord(token.word, lang);
    if (stop && token.word.length < 2) continue;
    const term = stop ? token.word : stem(token.word, lang);
    const key = `${stop ? 's' : 'w'}${term}`;
    if (seen.has(key)) continue;
    seen.add(key);
    words.push({ folded: token.word, term, typing: typingOpen && token === last, stop });
  }
  return words;
}

/** The folded query words, stop words dropped, each once: for highlighting and for logging searches. */
export function queryTerms(query: string, lang: 'en' | 'fr'): string[] {
  return parseQuery(query, lang).filter((w) => !w.stop).map((w) => w.folded);
}

function fieldScoreOf(mask: number): number {
  let best = 0;
  let count = 0;
  for (const [bit, weight] of FIELD_WEIGHT) {
    if (mask & bit) {
      count++;
      if (weight > best) best = weight;
    }
  }
  return best + EXTRA_FIELD_BONUS * (count - 1);
}
/** fieldScoreOf() for every bit set of the four fields, looked up per posting. */
const FIELD_SCORE = Array.from({ length: 16 }, (_, mask) => fieldScoreOf(mask));
const fieldScore = (mask: number): number => FIELD_SCORE[mask]!;

/** The `limit` best of `candidates` by score (ties: earlier article first), best first. */
function topK(candidates: number[], scores: Float64Array, limit: number): number[] {
  const better = (a: number, b: number): boolean => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
  if (candidates.length <= limit * 4) return candidates.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0)).slice(0, limit);
  const top: number[] = [];
  for (const doc of candidates) {
    if (top.length === limit && !better(doc, top[limit - 1]!)) continue;
    let i = top.length === limit ? limit - 1 : top.length;
    while (i > 0 && better(doc, top[i - 1]!)) {
      top[i] = top[i - 1]!;
      i--;
    }
    top[i] = doc;
  }
  return top;
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const top = merged[merged.length - 1];
    if (top && range[0] <= top[1]) top[1] = Math.max(top[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

class Engine implements SearchEngine {
  private readonly index: InvertedIndex;
  private readonly fuzzyByLength = new Map<number, FuseOverWords>();
  private readonly expansions = new Map<string, Expansion[]>();

  private readonly docs: readonly SearchDoc[];
  private readonly lang: Lang;
  private readonly Fuse: Fuse;

  constructor(docs: readonly SearchDoc[], lang: Lang, Fuse: Fuse, index?: InvertedIndex) {
    this.docs = docs;
    this.lang = lang;
    this.Fuse = Fuse;
    this.index = index ?? new InvertedIndex(docs, lang);
  }

  get size(): number {
    return this.docs.length;
  }

  search(query: string, options: { limit?: number } = {}): SearchHit[] {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const parsed = parseQuery(query, this.lang);
    const words = parsed.filter((w) => !w.stop);
    const stopWords = parsed.filter((w) => w.stop);
    if (words.length === 0 || limit <= 0) return [];
    const n = this.docs.length;
    const best = words.map(() => new Float64Array(n));
    const touched: number[] = [];
    const seen = new Uint8Array(n);
    const expansions = words.map((word) => this.expand(word));

    expansions.forEach((list, w) => {
      const bestForWord = best[w]!;
      for (const { term, quality } of list) {
        const posting = this.index.postings.get(term);
        if (!posting) continue;
        const weight = quality * this.index.idf(term);
        for (let p = 0; p < posting.docs.length; p++) {
          const doc = posting.docs[p]!;
          const score = weight * fieldScore(posting.fields[p]!);
          if (score > bestForWord[doc]!) bestForWord[doc] = score;
          if (!seen[doc]) {
            seen[doc] = 1;
            touched.push(doc);
          }
        }
      }
    });

    // Stop words only lift articles already found, by a fraction of a word's weight.
    const lift = new Float64Array(n);
    for (const word of stopWords) {
      const posting = this.index.stopPostings.get(word.term);
      if (!posting) continue;
      const weight = STOP_WORD_WEIGHT * this.index.idf(word.term, this.index.stopPostings);
      for (let p = 0; p < posting.docs.length; p++) {
        const doc = posting.docs[p]!;
        if (seen[doc]) lift[doc]! += weight * fieldScore(posting.fields[p]!);
      }
    }

    const scores = new Float64Array(n);
    for (const doc of touched) {
      let matched = 0;
      let sum = 0;
      for (const bestForWord of best) {
        const s = bestForWord[doc]!;
        if (s > 0) {
          matched++;
          sum += s;
        }
      }
      const popularity = this.docs[doc]!.popularity ?? 0;
      scores[doc] = matched * COVERAGE_WEIGHT + sum + lift[doc]! + 0.01 * Math.log1p(Math.max(0, popularity));
    }
    return topK(touched, scores, limit).map((doc) => {
      const matchedWords: string[] = [];
      const terms = new Set<string>();
      words.forEach((word, w) => {
        if (best[w]![doc]! > 0) {
          matchedWords.push(word.folded);
          for (const e of expansions[w]!) terms.add(e.term);
        }
      });
      const item = this.docs[doc]!;
      return {
        doc: item,
        score: scores[doc]!,
        matchedTerms: matchedWords,
        highlights: { title: this.highlight(item.title, terms), summary: this.highlight(item.summary, terms) },
      };
    });
  }

  private highlight(text: string, terms: ReadonlySet<string>): Array<[number, number]> {
    const ranges: Array<[number, number]> = [];
    for (const t of analyze(text, this.lang)) if (terms.has(t.term)) ranges.push([t.start, t.end]);
    return mergeRanges(ranges);
  }

  /** The index terms a query word stands for, with how closely each matches it. Cached per word. */
  private expand(word: QueryWord): Expansion[] {
    const key = `${word.typing ? 1 : 0}${word.term}\u0000${word.folded}`;
    const cached = this.expansions.get(key);
    if (cached) return cached;
    const found = new Map<string, number>();
    const add = (term: string, quality: number): void => {
      if (quality > (found.get(term) ?? 0)) found.set(term, quality);
    };
    const exact = this.index.postings.has(word.term);
    if (exact) add(word.term, 1);
    if ((word.typing || !exact) && word.term.length >= PREFIX_MIN_LENGTH) {
      for (const stemPrefix of new Set([word.term, word.folded])) {
        for (const term of this.index.withPrefix(stemPrefix)) {
          if (term !== word.term) add(term, 0.6 + (0.35 * stemPrefix.length) / term.length);
        }
      }
    }
    if (found.size === 0 && word.term.length >= FUZZY_MIN_LENGTH) {
      for (const { term, score } of this.fuzzy(word.term)) add(term, 0.75 * (1 - score));
    }
    const list = [...found].map(([term, quality]) => ({ term, quality }));
    if (this.expansions.size >= CACHE_LIMIT) this.expansions.clear();
    this.expansions.set(key, list);
    return list;
  }

  /** Index terms within a typo or two of `term`: fuse.js over the vocabulary words of similar length. */
  private fuzzy(term: string): Array<{ term: string; score: number }> {
    const spread = term.length >= 8 ? 2 : 1;
    const found: Array<{ term: string; score: number }> = [];
    for (let length = term.length - spread; length <= term.length + spread; length++) {
      for (const result of this.fuzzyBucket(length).search(term)) {
        found.push({ term: result.item, score: result.score ?? 1 });
      }
    }
    return found;
  }

  private fuzzyBucket(length: number): FuseOverWords {
    let fuse = this.fuzzyByLength.get(length);
    if (!fuse) {
      const words = this.index.vocabulary.filter((t) => t.length === length);
      fuse = new this.Fuse(words, {
        includeScore: true,
        threshold: FUZZY_THRESHOLD,
        ignoreLocation: true,
        ignoreFieldNorm: true,
        isCaseSensitive: true, // everything is folded already
      });
      this.fuzzyByLength.set(length, fuse);
    }
    return fuse;
  }
}

/** Builds the engine at once (tests, small corpora); buildSearchEngine() is for a page being typed on. */
export function createSearchEngine(docs: SearchDoc[], options: { lang: 'en' | 'fr'; Fuse: typeof FuseClass }): SearchEngine {
  return new Engine(docs, options.lang, options.Fuse);
}

/**
 * Builds the engine off the critical path: the index a slice of a few ms at a time between the page's
 * input and paint tasks (buildIndex), while fuse.js may still be downloading (`Fuse` may be a promise).
 */
export async function buildSearchEngine(
  docs: SearchDoc[],
  options: BuildOptions & { lang: 'en' | 'fr'; Fuse: typeof FuseClass | Promise<typeof FuseClass> },
): Promise<SearchEngine> {
  const [index, Fuse] = await Promise.all([buildIndex(docs, options.lang, options), options.Fuse]);
  options.signal?.throwIfAborted();
  return new Engine(docs, options.lang, Fuse, index);
}
