// The inverted index: every folded, singular word of an article (and of its keywords, category and
// hyphenated compounds) → the articles holding it and in which fields. Looking a word up, or every
// word starting with what is being typed, costs a map lookup or a binary search, whatever the number
// of articles, so only candidate articles reach the ranking.
import { scanWords } from './fold.ts';
import { isStopWord } from './stop-words.ts';
import { stem } from './stem.ts';

export type Lang = 'en' | 'fr';

/** Where a word occurs in an article; a posting's `fields` is a bit set of these. */
export const FIELD = { title: 1, keywords: 2, summary: 4, category: 8 } as const;

export interface Term {
  /** The folded, singular form looked up in the index. */
  term: string;
  /** [start, end) in the analysed text. */
  start: number;
  end: number;
}

/** A word worth indexing or searching: not a stop word, two letters or more (or a number). */
export function keepWord(word: string, lang: Lang): boolean {
  return (word.length >= 2 || /\d/.test(word)) && !isStopWord(word, lang);
}

const termCache: Record<Lang, Map<string, string | null>> = { en: new Map(), fr: new Map() };

/** The index term of a folded word, or null for a word not worth indexing. Cached. */
export function termOf(word: string, lang: Lang): string | null {
  const cache = termCache[lang];
  let term = cache.get(word);
  if (term === undefined) {
    term = keepWord(word, lang) ? stem(word, lang) : null;
    if (cache.size > 50_000) cache.clear();
    cache.set(word, term);
  }
  return term;
}

/**
 * The index terms of a text with their places. A hyphenated compound ("nid-de-poule", "pick-up") also
 * gives its joined form ("niddepoule", "pickup"), and so does a two- or three-word phrase when
 * `joinPhrase` is set (a keyword such as "snow plow" also gives "snowplow"), so residents find it however they spell it.
 */
export function analyze(text: string, lang: Lang, joinPhrase = false): Term[] {
  const terms: Term[] = [];
  forEachTerm(text, lang, joinPhrase, (term, start, end) => {
    terms.push({ term, start, end });
  });
  return terms;
}

/**
 * analyze() without building the list. With `visitStopWord`, stop words of two letters or more are
 * reported to it too (folded, not reduced): a place called Lac-à-l'Ours must stay findable by "ours".
 */
export function forEachTerm(
  text: string,
  lang: Lang,
  joinPhrase: boolean,
  visit: (term: string, start: number, end: number) => void,
  visitStopWord?: (word: string) => void,
): void {
  let runWords: string[] = [];
  let runStart = 0;
  let runEnd = 0;
  const flush = (): void => {
    if (runWords.length > 1 && runWords.length <= 3) visit(stem(runWords.join(''), lang), runStart, runEnd);
    runWords = [];
  };
  scanWords(text, (word, start, end, joined) => {
    if (!joined && !joinPhrase) flush();
    if (runWords.length === 0) runStart = start;
    runWords.push(word);
    runEnd = end;
    const term = termOf(word, lang);
    if (term !== null) visit(term, start, end);
    else if (visitStopWord && word.length >= 2) visitStopWord(word);
  });
  flush();
}

export interface IndexDoc {
  title: string;
  summary: string;
  keywords: readonly string[];
  categoryName: string | null;
}

export interface Posting {
  /** Article positions, ascending. */
  docs: number[];
  /** FIELD bits, one per entry of `docs`. */
  fields: number[];
}

export class InvertedIndex {
  readonly postings = new Map<string, Posting>();
  /**
   * Stop words → articles. Never a reason to list an article, never completed or corrected; they only
   * lift an article that matches the other words ("saint a l ours bin" → Saint-à-l'Ours, not Saint-Éloi).
   */
  readonly stopPostings = new Map<string, Posting>();
  /** Every indexed term, sorted, for prefix lookups (once the index is complete). */
  vocabulary: string[];
  readonly docCount: number;
  readonly lang: Lang;

  private readonly docs: readonly IndexDoc[];
  /** The next article to index (build() and step() index them in order). */
  private next = 0;
  private readonly addTitle: (term: string) => void;
  private readonly addKeywords: (term: string) => void;
  private readonly addSummary: (term: string) => void;
  private readonly addCategory: (term: string) => void;
  private readonly addStopTitle: (term: string) => void;
  private readonly addStopKeywords: (term: string) => void;
  private readonly addStopSummary: (term: string) => void;

  /** Indexes every article now, unless `deferred`: then step() does it a slice at a time (see buildIndex). */
  constructor(docs: readonly IndexDoc[], lang: Lang, deferred = false) {
    this.lang = lang;
    this.docs = docs;
    this.docCount = docs.length;
    const add = (field: number, postings = this.postings) => (term: string): void => {
      const doc = this.next;
      let posting = postings.get(term);
      if (!posting) {
        postings.set(term, (posting = { docs: [], fields: [] }));
      }
      // Articles are added in order: a term already seen in this article adds its field to that entry.
      const n = posting.docs.length;
      if (n > 0 && posting.docs[n - 1] === doc) posting.fields[n - 1]! |= field;
      else {
        posting.docs.push(doc);
        posting.fields.push(field);
      }
    };
    this.addTitle = add(FIELD.title);
    this.addKeywords = add(FIELD.keywords);
    this.addSummary = add(FIELD.summary);
    this.addCategory = add(FIELD.category);
    this.addStopTitle = add(FIELD.title, this.stopPostings);
    this.addStopKeywords = add(FIELD.keywords, this.stopPostings);
    this.addStopSummary = add(FIELD.summary, this.stopPostings);
    this.vocabulary = [];
    if (!deferred) this.step();
  }

  /** True once every article is indexed and the vocabulary sorted. */
  get complete(): boolean {
    return this.next >= this.docCount && this.vocabulary.length === this.postings.size;
  }

  /**
   * Indexes articles until all are done or `performance.now()` passes `deadline` (checked every few
   * articles); sorts the vocabulary at the end. Answers whether the index is complete.
   */
  step(deadline = Infinity): boolean {
    const lang = this.lang;
    while (this.next < this.docCount) {
      const d = this.docs[this.next]!;
      forEachTerm(d.title, lang, false, this.addTitle, this.addStopTitle);
      for (const keyword of d.keywords) forEachTerm(keyword, lang, true, this.addKeywords, this.addStopKeywords);
      forEachTerm(d.summary, lang, false, this.addSummary, this.addStopSummary);
      if (d.categoryName) forEachTerm(d.categoryName, lang, false, this.addCategory);
      this.next++;
      if (deadline !== Infinity && (this.next & 7) === 0 && performance.now() >= deadline) return false;
    }
    if (this.vocabulary.length !== this.postings.size) this.vocabulary = [...this.postings.keys()].sort();
    return true;
  }

  /** How rare a term is: 1 + ln(N / df); a word in every article weighs 1. */
  idf(term: string, postings = this.postings): number {
    const df = postings.get(term)?.docs.length ?? 0;
    return df === 0 ? 0 : 1 + Math.log(this.docCount / df);
  }

  /** Every indexed term starting with `prefix` (binary search in the sorted vocabulary). */
  withPrefix(prefix: string, max = 200): string[] {
    const vocab = this.vocabulary;
    let lo = 0;
    let hi = vocab.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (vocab[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found: string[] = [];
    for (let i = lo; i < vocab.length && found.length < max && vocab[i]!.startsWith(prefix); i++) found.push(vocab[i]!);
    return found;
  }
}

/** Gives the main thread back (input, rendering) between slices of work: scheduler.yield() where there is one. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface BuildOptions {
  /** Longest slice of work between two yields, ms (default 5). */
  sliceMs?: number;
  signal?: AbortSignal;
  /** Told how long each slice took (ms): `npm run bench:search` prints the longest. */
  onSlice?: (ms: number) => void;
}

/**
 * Builds the index a slice at a time, giving the main thread back between slices, so typing and
 * painting never wait for it (5,000 articles take one to three seconds of work on a slow phone).
 */
export async function buildIndex(docs: readonly IndexDoc[], lang: Lang, options: BuildOptions = {}): Promise<InvertedIndex> {
  const sliceMs = options.sliceMs ?? 5;
  const index = new InvertedIndex(docs, lang, true);
  for (;;) {
    const start = performance.now();
    const done = index.step(start + sliceMs);
    options.onSlice?.(performance.now() - start);
    if (done) break;
    await yieldToMain();
    options.signal?.throwIfAborted();
  }
  options.signal?.throwIfAborted();
  return index;
}
