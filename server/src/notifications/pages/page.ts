// The small pages residents reach from links in emails (/r/…): confirm a subscription, unsubscribe,
// and the notify engineer's "did we fix it?". One bilingual layout, no script and no inline style
// (the page CSP forbids both): a static stylesheet at /r/r.css. Every value is escaped here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Context } from 'hono';
import type { Lang } from '../../platform/database/schema.ts';
import { HTML_CSP } from '../../site/routes.ts';

export const PAGE_STYLESHEET_PATH = '/r/r.css';
export const PAGE_STYLESHEET = readFileSync(path.join(import.meta.dirname, 'r.css'), 'utf8');

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text → HTML text or attribute value. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);

/** HTML made by this module's helpers (already escaped), as opposed to text. */
export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
}
/** A template tag: interpolated strings are escaped, SafeHtml (and arrays of it) are kept. */
export function safe(strings: TemplateStringsArray, ...values: (string | number | SafeHtml | SafeHtml[] | null | undefined)[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((v, i) => {
    if (v instanceof SafeHtml) out += v.value;
    else if (Array.isArray(v)) out += v.map((x) => x.value).join('');
    else if (v !== null && v !== undefined) out += escapeHtml(String(v));
    out += strings[i + 1]!;
  });
  return new SafeHtml(out);
}

export interface PageContent {
  lang: Lang;
  title: string;
  body: SafeHtml;
}

/** A whole page, sent with the page CSP, never cached (it is about one person's link). */
export function sendPage(c: Context, page: PageContent, status: 200 | 400 | 404 | 410 | 429 = 200) {
  const doc = safe`<!doctype html>
<html lang="${page.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>${page.title}</title>
<link rel="stylesheet" href="${PAGE_STYLESHEET_PATH}">
</head>
<body>
<main>
<h1>${page.title}</h1>
${page.body}
</main>
</body>
</html>
`;
  c.header('Content-Security-Policy', HTML_CSP);
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
  return c.html(doc.value, status);
}

/** The language of a page without a subscriber to ask: ?lang=, else the browser's, else English. */
export function pageLang(c: Context): Lang {
  const asked = c.req.query('lang');
  if (asked === 'fr' || asked === 'en') return asked;
  return /^\s*fr\b/i.test(c.req.header('accept-language') ?? '') ? 'fr' : 'en';
}
