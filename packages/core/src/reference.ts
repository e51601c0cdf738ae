// The check symbol of reference numbers (`LKV-7K4Q2-M9XCR`), one implementation for the server
// (server/src/requests/references.ts makes and finds references with it) and the widgets (which tell
// a resident about a typo before asking the server, since the server answers a mistyped and an unknown
// reference alike). Nine random symbols from a 31-symbol alphabet and a check symbol such that
// Σ weight_i × value_i ≡ 0 (mod 31), weights 2…10 on the random symbols and 1 on the check symbol:
// any single wrong symbol and any two swapped symbols are caught.
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** Random symbols per reference (44.6 bits). */
export const REFERENCE_RANDOM_SYMBOLS = 9;
export const REFERENCE_CODE_LENGTH = REFERENCE_RANDOM_SYMBOLS + 1;
const BASE = REFERENCE_ALPHABET.length; // 31, prime
const VALUE = new Map([...REFERENCE_ALPHABET].map((ch, i) => [ch, i]));

/** The check symbol of nine random symbols. */
export function checkSymbol(symbols: string): string {
  let sum = 0;
  for (let i = 0; i < symbols.length; i++) sum += (i + 2) * VALUE.get(symbols[i]!)!;
  return REFERENCE_ALPHABET[(BASE - (sum % BASE)) % BASE]!;
}

/** True when a ten-symbol code (without prefix and dashes) has a valid check symbol. */
export function codeChecksOut(code: string): boolean {
  if (code.length !== REFERENCE_CODE_LENGTH) return false;
  let sum = VALUE.get(code[REFERENCE_CODE_LENGTH - 1]!);
  if (sum === undefined) return false;
  for (let i = 0; i < REFERENCE_RANDOM_SYMBOLS; i++) {
    const v = VALUE.get(code[i]!);
    if (v === undefined) return false;
    sum += (i + 2) * v;
  }
  return sum % BASE === 0;
}

/** True when `code` is made only of reference symbols. */
export const isReferenceSymbols = (code: string): boolean => [...code].every((ch) => VALUE.has(ch));

/** Upper case, without spaces, dashes, dots, slashes or underscores. */
export function compactReference(typed: string): string {
  return typed.toUpperCase().replace(/[\s\-‐‑‒–—_./]+/g, '');
}

/**
 * What a resident typed, as the widget sees it: `mistyped` when it has the shape of a new reference
 * (ten symbols after an optional prefix of letters) but its check symbol is wrong. Old references
 * (`LKV-2026-00007`) and anything else are left to the server.
 */
export function referenceTypo(typed: string): { mistyped: boolean } {
  const compact = compactReference(typed);
  const m = /^([A-Z]{0,6}?)([2-9A-Z]{10})$/.exec(compact);
  if (!m) return { mistyped: false };
  const code = m[2]!;
  if (!isReferenceSymbols(code)) return { mistyped: false };
  return { mistyped: !codeChecksOut(code) };
}

/**
 * What a resident typed, tidied for asking the server: a new-format reference in its canonical form
 * (`lkv 7k4q2 m9xcr` → `LKV-7K4Q2-M9XCR`), anything else upper case without spaces.
 */
export function tidyReference(typed: string): string {
  const compact = compactReference(typed);
  const m = /^([A-Z]{0,6}?)([2-9A-Z]{10})$/.exec(compact);
  if (m && isReferenceSymbols(m[2]!)) return `${m[1] ? `${m[1]}-` : ''}${m[2]!.slice(0, 5)}-${m[2]!.slice(5)}`;
  return typed.trim().toUpperCase().replace(/\s+/g, '');
}
