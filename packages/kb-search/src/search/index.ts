// The inverted index: every folded, singular word of an article (and of its keywords, category and
// hyphenated compounds) → the articles holding it and in which fields. Looking a word up, or every
// word starting with what is being typed, costs a map lookup or a binary search, whatever the number
// of articles, so only candidate articles reach the ranking.
import { tokenize } from './fold.ts';
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

/**
 * The index terms of a text with their places. A hyphenated compound ("nid-de-poule", "pick-up") also
 * gives its joined form ("niddepoule", "pickup"), and so does a two- or three-word phrase when
 * `joinPhrase` is set (a keyword such as "snow plow" also gives "snowplow"), so residents find it however they spell it.
 */
export function analyze(text: string, lang: Lang, joinPhrase = false): Term[] {
  const tokens = tokenize(text);
  const terms: Term[] = [];
  let run: typeof tokens = [];
  const flush = (): void => {
    if (run.length > 1 && run.length <= 3) {
      const joined = run.map((t) => t.word).join('');
      terms.push({ term: stem(joined, lang), start: run[0]!.start, end: run[run.length - 1]!.end });
    }
    run = [];
  };
  for (const token of tokens) {
    if (!token.joined && !joinPhrase) flush();
    run.push(token);
    if (keepWord(token.word, lang)) terms.push({ term: stem(token.word, lang), start: token.start, end: token.end });
  }
  flush();
  return terms;
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
  /** Every indexed term, sorted, for prefix lookups. */
  readonly vocabulary: string[];
  readonly docCount: number;
  readonly lang: Lang;

  constructor(docs: readonly IndexDoc[], lang: Lang) {
    this.lang = lang;
    this.docCount = docs.length;
    docs.forEach((doc, i) => {
      const fields = new Map<string, number>();
      const add = (terms: Term[], field: number): void => {
        for (const { term } of terms) fields.set(term, (fields.get(term) ?? 0) | field);
      };
      add(analyze(doc.title, lang), FIELD.title);
      for (const keyword of doc.keywords) add(analyze(keyword, lang, true), FIELD.keywords);
      add(analyze(doc.summary, lang), FIELD.summary);
      if (doc.categoryName) add(analyze(doc.categoryName, lang), FIELD.category);
      for (const [term, mask] of fields) {
        let posting = this.postings.get(term);
        if (!posting) this.postings.set(term, (posting = { docs: [], fields: [] }));
        posting.docs.push(i);
        posting.fields.push(mask);
      }
    });
    this.vocabulary = [...this.postings.keys()].sort();
  }

  /** How rare a term is: 1 + ln(N / df); a word in every article weighs 1. */
  idf(term: string): number {
    const df = this.postings.get(term)?.docs.length ?? 0;
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
