// Reference numbers residents read aloud over the phone and that nobody can guess.
//
// Format: `<PREFIX>-XXXXX-XXXXC`, e.g. `LKV-7K4Q2-M9XCR`: the town's prefix, then nine random symbols
// and one check symbol in two groups of five. Symbols come from a 31-character alphabet without the
// look-alikes 0/O, 1/I/L: 23456789ABCDEFGHJKMNPQRSTUVWXYZ. Nine random symbols carry
// 9 × log2(31) ≈ 44.6 bits, drawn from crypto.getRandomValues without modulo bias, so guessing one
// of a town's 100 000 references takes ~2^28 tries on average.
//
// The check symbol makes Σ weight_i × value_i ≡ 0 (mod 31) with weights 2…10 on the nine random
// symbols and 1 on the check symbol. 31 is prime and the weights are distinct, so any single wrong
// symbol and any two swapped symbols are detected: a mistyped reference is told apart from a
// reference that does not exist, without a database lookup.
//
// Lookups forgive case, spaces, dashes and a missing prefix. References of the old sequential format
// (`LKV-2026-00007`) stay valid and are still found.
import {
  checkSymbol,
  codeChecksOut,
  compactReference,
  REFERENCE_ALPHABET,
  REFERENCE_CODE_LENGTH as CODE_LENGTH,
  REFERENCE_RANDOM_SYMBOLS,
} from '../../../packages/core/src/reference.ts';

// The check-symbol algorithm is shared with the widgets (packages/core/src/reference.ts).
export { checkSymbol, codeChecksOut, compactReference, REFERENCE_ALPHABET, REFERENCE_RANDOM_SYMBOLS };
const BASE = REFERENCE_ALPHABET.length; // 31, prime
const VALUE = new Map([...REFERENCE_ALPHABET].map((ch, i) => [ch, i]));
/** Largest multiple of 31 below 256: bytes at or above it are redrawn, so every symbol is equally likely. */
const UNBIASED_BELOW = 256 - (256 % BASE);

/** `count` symbols drawn uniformly at random from REFERENCE_ALPHABET. */
export function randomSymbols(count: number): string {
  let out = '';
  const bytes = new Uint8Array(count * 2);
  while (out.length < count) {
    crypto.getRandomValues(bytes);
    for (const b of bytes) {
      if (b >= UNBIASED_BELOW) continue;
      out += REFERENCE_ALPHABET[b % BASE];
      if (out.length === count) break;
    }
  }
  return out;
}

const format = (prefix: string, code: string) => `${prefix}-${code.slice(0, 5)}-${code.slice(5)}`;

/** A new random reference for a town, e.g. `LKV-7K4Q2-M9XCR`. Unique per town by the database; retry on conflict. */
export function newReference(prefix: string, random: (count: number) => string = randomSymbols): string {
  const symbols = random(REFERENCE_RANDOM_SYMBOLS);
  return format(prefix, symbols + checkSymbol(symbols));
}

export interface ReferenceLookup {
  /** Stored forms the typed reference may stand for (exact matches to try), best first. */
  candidates: string[];
  /** The typed text has the shape of a new reference but its check symbol is wrong. */
  mistyped: boolean;
}

/**
 * What a resident typed → the stored references it can mean. `lkv 7k4q2 m9xcr`, `LKV7K4Q2M9XCR` and
 * `7K4Q2-M9XCR` all mean `LKV-7K4Q2-M9XCR`; `lkv-2026-00007` means the old `LKV-2026-00007`.
 */
export function referenceLookup(typed: string, prefix: string): ReferenceLookup {
  const compact = compactReference(typed);
  const pfx = compactReference(prefix);
  const rest = compact.startsWith(pfx) ? compact.slice(pfx.length) : compact;
  const candidates: string[] = [];
  let formatted = 0;
  let mistyped = false;
  for (const code of new Set([rest, compact])) {
    if (code.length === CODE_LENGTH && [...code].every((ch) => VALUE.has(ch))) {
      if (codeChecksOut(code)) formatted = candidates.push(format(prefix, code));
      else mistyped = true;
    }
    const old = /^(\d{4})(\d{5,7})$/.exec(code);
    if (old) formatted = candidates.push(`${prefix}-${old[1]}-${old[2]}`);
  }
  // Anything else is tried as typed (upper case), limited to the characters references are made of.
  const asTyped = typed.trim().toUpperCase();
  if (/^[A-Z0-9-]{1,40}$/.test(asTyped)) candidates.push(asTyped);
  return { candidates: [...new Set(candidates)], mistyped: mistyped && formatted === 0 };
}
