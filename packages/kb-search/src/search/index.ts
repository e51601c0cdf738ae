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
  /** Every indexed term, sorted, for prefix lookups. */
  readonly vocabulary: string[];
  readonly docCount: number;
  readonly lang: Lang;

  constructor(docs: readonly IndexDoc[], lang: Lang) {
    this.lang = lang;
    this.docCount = docs.length;
    let doc = 0;
    const add = (field: number, postings = this.postings) => (term: string): void => {
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
    const title = add(FIELD.title);
    const keywords = add(FIELD.keywords);
    const summary = add(FIELD.summary);
    const category = add(FIELD.category);
    const stopTitle = add(FIELD.title, this.stopPostings);
    const stopKeywords = add(FIELD.keywords, this.stopPostings);
    const stopSummary = add(FIELD.summary, this.stopPostings);
    for (; doc < docs.length; doc++) {
      const d = docs[doc]!;
      forEachTerm(d.title, lang, false, title, stopTitle);
      for (const keyword of d.keywords) forEachTerm(keyword, lang, true, keywords, stopKeywords);
      forEachTerm(d.summary, lang, false, summary, stopSummary);
      if (d.categoryName) forEachTerm(d.categoryName, lang, false, category);
    }
    this.vocabulary = [...this.postings.keys()].sort();
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
