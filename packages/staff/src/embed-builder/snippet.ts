// The code a webmaster pastes: one module script, a style block when colours were chosen, and the tag.

export type EmbedTag = 'muni-kb-search' | 'muni-request-form' | 'muni-request-status';

export interface EmbedOptions {
  tag: EmbedTag;
  /** Origin of the MuniKit server (where munikit.js is served). */
  server: string;
  town: string;
  /** '' follows the page's language. */
  lang: '' | 'en' | 'fr';
  /** muni-kb-search: a category's slug. */
  category: string;
  /** muni-request-form: a service code. */
  service: string;
  /** Custom property name → colour; only the chosen ones. */
  colours: Partial<Record<ThemeColour, string>>;
}

export const THEME_COLOURS = ['--muni-color-primary', '--muni-color-on-primary', '--muni-color-text', '--muni-color-background'] as const;
export type ThemeColour = (typeof THEME_COLOURS)[number];

const escapeAttr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The element's attributes, in a stable order, only those set. */
export function attributesOf(o: EmbedOptions): [string, string][] {
  const attrs: [string, string][] = [['town', o.town]];
  if (o.lang) attrs.push(['lang', o.lang]);
  if (o.tag === 'muni-kb-search' && o.category) attrs.push(['category', o.category]);
  if (o.tag === 'muni-request-form' && o.service) attrs.push(['service', o.service]);
  return attrs;
}

export function snippet(o: EmbedOptions): string {
  const lines = [`<script type="module" async src="${escapeAttr(o.server)}/widgets/munikit.js"></script>`];
  const colours = THEME_COLOURS.filter((c) => o.colours[c]);
  if (colours.length > 0) {
    lines.push('<style>', `  ${o.tag} {`, ...colours.map((c) => `    ${c}: ${o.colours[c]};`), '  }', '</style>');
  }
  const attrs = attributesOf(o)
    .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
    .join('');
  lines.push(`<${o.tag}${attrs}></${o.tag}>`);
  return lines.join('\n');
}
