import { html } from 'lit';
import type { TemplateResult } from 'lit';

/**
 * The text with the engine's matched ranges (`[start, end)`, end exclusive) in <mark>; overlapping
 * or touching ranges merge, ranges past the text are clipped.
 */
export function highlight(text: string, ranges: ReadonlyArray<readonly [number, number]>): Array<string | TemplateResult> {
  const sorted = ranges
    .map(([a, b]) => [Math.max(0, a), Math.min(text.length, b)] as [number, number])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const merged: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  const out: Array<string | TemplateResult> = [];
  let at = 0;
  for (const [a, b] of merged) {
    if (a > at) out.push(text.slice(at, a));
    out.push(html`<mark>${text.slice(a, b)}</mark>`);
    at = b;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}
