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

const MARKS = /\p{M}/gu;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
/** Per UTF-16 unit beyond ASCII: 0 not yet known, 1 part of a word, 2 not. */
const charClass = new Uint8Array(65536);

/** Letters, combining marks and digits make words (ʼ U+02BC is a letter to Unicode, but an apostrophe here). */
function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  let c = charClass[code]!;
  if (c === 0) {
    c = code !== 0x2bc && (code < 0xd800 || code > 0xdfff) && WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
    charClass[code] = c;
  }
  return c === 1;
}

const foldCache = new Map<string, string>();

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

/** fold() of one word, cached (a corpus repeats the same words). */
function foldWord(word: string, ascii: boolean): string {
  if (ascii) return word.toLowerCase();
  let folded = foldCache.get(word);
  if (folded === undefined) {
    folded = fold(word);
    if (foldCache.size > 20_000) foldCache.clear();
    foldCache.set(word, folded);
  }
  return folded;
}

/**
 * Splits text into folded words with their places in the original text. Apostrophe variants and
 * hyphens split words; a French elided word before an apostrophe (l', d', qu', jusqu'…) is dropped,
 * and so is the English possessive "'s".
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  scanWords(text, (word, start, end, joined) => {
    tokens.push({ word, start, end, joined });
  });
  return tokens;
}

/** tokenize() without building the list: calls `visit` for each word, in order. */
export function scanWords(text: string, visit: (word: string, start: number, end: number, joined: boolean) => void): void {
  let previousEnd = -1;
  const length = text.length;
  let i = 0;
  while (i < length) {
    let code = text.charCodeAt(i);
    if (!isWordChar(code)) {
      i++;
      continue;
    }
    const start = i;
    let ascii = true;
    do {
      if (code >= 128) ascii = false;
      code = ++i < length ? text.charCodeAt(i) : -1;
    } while (i < length && isWordChar(code));
    const end = i;
    const word = foldWord(text.slice(start, end), ascii);
    const next = end < length ? text[end]! : '';
    const prev = start > 0 ? text[start - 1]! : '';
    if (APOSTROPHES.has(next) && ELISIONS.has(word)) {
      previousEnd = -1;
      continue;
    }
    if (word === 's' && APOSTROPHES.has(prev)) continue;
    visit(word, start, end, previousEnd >= 0 && start === previousEnd + 1 && HYPHENS.has(prev));
    previousEnd = end;
  }
}
