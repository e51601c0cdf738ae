// WCAG 2.x contrast between two sRGB colours given as #rgb or #rrggbb (what <input type="color"> gives).

/** Relative luminance of a colour, or undefined when it is not a hex colour. */
export function luminance(hex: string): number | undefined {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return undefined;
  const digits = m[1]!.length === 3 ? [...m[1]!].map((d) => d + d).join('') : m[1]!;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(digits.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The contrast ratio (1 to 21) of two colours, or undefined when either is not a hex colour. */
export function contrastRatio(a: string, b: string): number | undefined {
  const la = luminance(a);
  const lb = luminance(b);
  if (la === undefined || lb === undefined) return undefined;
  const [hi, lo] = la > lb ? [la, lb] : [lb, la];
  return (hi + 0.05) / (lo + 0.05);
}

/** WCAG AA: 4.5:1 for text, 3:1 for user-interface components and graphics (1.4.11). */
export const AA_TEXT = 4.5;
export const AA_UI = 3;

/** Rounded down to one decimal, so 4.49 is never shown as a passing "4.5". */
export const formatRatio = (ratio: number, locale = 'en'): string =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.floor(ratio * 10) / 10);
