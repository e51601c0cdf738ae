// Case and accent folding and word splitting for search, the same for articles and queries.
// DOM-free and dependency-free: it runs in the widget, in tests and in the benchmark.

/** Apostrophes residents and editors type: ASCII, typographic right/left quote, modifier letter, grave, acute. */
const APOSTROPHES = new Set(["'", '’', 'ʼ', '‘', '`', '´']);
/** Hyphens and dashes that join compound words (nid-de-poule, pick-up, sera-t-elle). */
const HYPHENS = new Set(['-', '‐', '‑', '‒', '–']);

/**
 * French elided words: `l'eau`, `d'égout`, `qu'est-ce`, `jusqu'au`… The word before the apostrophe is
 * dropped when an apostrophe follows it. Folded (no accents).
 */
export const ELISIONS: ReadonlySet<string> = new Set(['l', 'd', 'j', 'n', 's', 'c', 'm', 't', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'presqu']);

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const MARKS = /\p{M}/gu;

/** Lower case, accents removed, ligatures spelled out: "Échéance" → "echeance", "Œufs" → "oeufs". */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss');
}

export interface Token {
  /** The folded word. */
  word: string;
  /** [start, end) of the word in the original text. */
  start: number;
  end: number;
  /** True when a hyphen joins this word to the previous one ("pick-up": "up" has joined = true). */
  joined: boolean;
}

/**
 * Splits text into folded words with their places in the original text. Apostrophe variants and
 * hyphens split words; a French elided word before an apostrophe (l', d', qu', jusqu'…) is dropped,
 * and so is the English possessive "'s".
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = -1;
  // ʼ (U+02BC) is a letter to Unicode; as one UTF-16 unit for another, places do not move.
  text = text.replace(/ʼ/g, "'");
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    const word = fold(match[0]);
    const next = text[end];
    const prev = start > 0 ? text[start - 1] : undefined;
    if (next !== undefined && APOSTROPHES.has(next) && ELISIONS.has(word)) {
      previousEnd = -1;
      continue;
    }
    if (word === 's' && prev !== undefined && APOSTROPHES.has(prev)) continue;
    const joined = previousEnd >= 0 && start === previousEnd + 1 && prev !== undefined && HYPHENS.has(prev);
    tokens.push({ word, start, end, joined });
    previousEnd = end;
  }
  return tokens;
}
