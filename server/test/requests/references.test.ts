// Reference numbers: format, randomness, check symbol and forgiving lookups (no database).
import { describe, expect, it } from 'vitest';
import {
  checkSymbol,
  codeChecksOut,
  compactReference,
  newReference,
  randomSymbols,
  REFERENCE_ALPHABET,
  REFERENCE_RANDOM_SYMBOLS,
  referenceLookup,
} from '../../src/requests/references.ts';

const FORMAT = /^LKV-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}$/;
const codeOf = (reference: string) => compactReference(reference).slice(3);

describe('references', () => {
  it('use a 31-symbol alphabet without look-alikes and carry at least 40 random bits', () => {
    expect(REFERENCE_ALPHABET).toHaveLength(31);
    expect(REFERENCE_ALPHABET).not.toMatch(/[01OIL]/);
    expect(REFERENCE_RANDOM_SYMBOLS * Math.log2(REFERENCE_ALPHABET.length)).toBeGreaterThanOrEqual(40);
  });

  it('look like LKV-7K4Q2-M9XCR and end with a valid check symbol', () => {
    for (let i = 0; i < 1000; i++) {
      const ref = newReference('LKV');
      expect(ref).toMatch(FORMAT);
      expect(codeChecksOut(codeOf(ref))).toBe(true);
    }
  });

  it('are all different over many draws, and every symbol is about equally likely in every position', () => {
    const n = 60_000;
    const seen = new Set<string>();
    const counts = Array.from({ length: REFERENCE_RANDOM_SYMBOLS }, () => new Map<string, number>());
    for (let i = 0; i < n; i++) {
      const symbols = randomSymbols(REFERENCE_RANDOM_SYMBOLS);
      seen.add(symbols);
      [...symbols].forEach((ch, pos) => counts[pos]!.set(ch, (counts[pos]!.get(ch) ?? 0) + 1));
    }
    expect(seen.size).toBe(n);
    // Chi-square per position, 30 degrees of freedom: a fair generator exceeds 100 with p ≈ 2e-9, so
    // it never fails this; a biased one (byte % 31 without redraws) scores about 200.
    const expected = n / REFERENCE_ALPHABET.length;
    for (const posCounts of counts) {
      expect(posCounts.size).toBe(REFERENCE_ALPHABET.length);
      let chi = 0;
      for (const ch of REFERENCE_ALPHABET) chi += ((posCounts.get(ch) ?? 0) - expected) ** 2 / expected;
      expect(chi).toBeLessThan(100);
    }
  });

  it('detect every single wrong symbol and every swap of two symbols', () => {
    for (let trial = 0; trial < 50; trial++) {
      const symbols = randomSymbols(REFERENCE_RANDOM_SYMBOLS);
      const code = symbols + checkSymbol(symbols);
      expect(codeChecksOut(code)).toBe(true);
      for (let i = 0; i < code.length; i++) {
        for (const ch of REFERENCE_ALPHABET) {
          if (ch === code[i]) continue;
          expect(codeChecksOut(code.slice(0, i) + ch + code.slice(i + 1))).toBe(false);
        }
        for (let j = i + 1; j < code.length; j++) {
          if (code[i] === code[j]) continue;
          const swapped = [...code];
          [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
          expect(codeChecksOut(swapped.join(''))).toBe(false);
        }
      }
    }
  });

  it('are found from what a resident types: any case, spaces or dashes, with or without the prefix', () => {
    const ref = newReference('LKV');
    const code = codeOf(ref);
    for (const typed of [ref, ref.toLowerCase(), ` ${code.slice(0, 5)} ${code.slice(5)} `, `lkv ${code.toLowerCase()}`, `LKV–${code}`, code]) {
      expect(referenceLookup(typed, 'LKV').candidates[0]).toBe(ref);
      expect(referenceLookup(typed, 'LKV').mistyped).toBe(false);
    }
  });

  it('still find old sequential references', () => {
    expect(referenceLookup('lkv 2026 00007', 'LKV').candidates).toContain('LKV-2026-00007');
    expect(referenceLookup('LKV-2026-00007', 'LKV').candidates).toContain('LKV-2026-00007');
    expect(referenceLookup('2026-00007', 'LKV').candidates).toContain('LKV-2026-00007');
  });

  it('tell a mistyped reference from an unknown one', () => {
    const ref = newReference('LKV');
    const code = codeOf(ref);
    const wrong = code.slice(0, 3) + (code[3] === 'A' ? 'B' : 'A') + code.slice(4);
    expect(referenceLookup(`LKV-${wrong}`, 'LKV')).toMatchObject({ mistyped: true });
    expect(referenceLookup('nothing like it', 'LKV')).toEqual({ candidates: [], mistyped: false });
  });

  it('only pass reference-like text to the database', () => {
    expect(referenceLookup("x'; drop table requests; --", 'LKV').candidates).toEqual([]);
    expect(referenceLookup('LKV-\u0000', 'LKV').candidates).toEqual([]);
  });
});
