// `npm run docs`: writes the element reference of docs/webmaster.md (every attribute, event, CSS custom
// property and part of every resident element) from custom-elements.json, between the GENERATED
// markers; the rest of the guide is written by hand. `--check` (run by `npm test` after the build)
// fails when the guide is not what the manifest says.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const GUIDE = join(root, 'docs', 'webmaster.md');
const MANIFEST = join(root, 'custom-elements.json');
const BEGIN = '<!-- BEGIN GENERATED: element reference (npm run docs) -->';
const END = '<!-- END GENERATED -->';
/** The elements a webmaster puts on a page, in the guide's order. */
const RESIDENT_TAGS = ['muni-kb-search', 'muni-request-form', 'muni-request-status'];

interface Named {
  name?: string;
  description?: string;
  type?: { text: string };
  default?: string;
  fieldName?: string;
}
interface Declaration {
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  attributes?: Named[];
  events?: Named[];
  cssProperties?: Named[];
  cssParts?: Named[];
}
interface Manifest {
  modules: { declarations?: Declaration[] }[];
}

const cell = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();

function table(head: string[], rows: string[][]): string {
  if (rows.length === 0) return '_None._\n';
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n') + '\n';
}

export function reference(manifest: Manifest): string {
  const byTag = new Map<string, Declaration>();
  for (const m of manifest.modules) for (const d of m.declarations ?? []) if (d.customElement && d.tagName) byTag.set(d.tagName, d);
  const parts: string[] = [];
  for (const tag of RESIDENT_TAGS) {
    const d = byTag.get(tag);
    if (!d) throw new Error(`custom-elements.json has no <${tag}>: run npm run build`);
    parts.push(`### \`<${tag}>\`\n\n${cell(d.summary)}\n`);
    parts.push(
      `**Attributes**\n\n` +
        table(
          ['attribute', 'type', 'meaning'],
          (d.attributes ?? []).filter((a) => a.name).map((a) => [`\`${a.name}\``, cell(a.type?.text ? `\`${a.type.text}\`` : ''), cell(a.description)]),
        ),
    );
    parts.push(
      `**Events** (bubbling, composed)\n\n` +
        table(['event', 'meaning'], (d.events ?? []).filter((e) => e.name).map((e) => [`\`${e.name}\``, cell(e.description)])),
    );
    parts.push(
      `**CSS custom properties**\n\n` +
        table(['property', 'meaning'], (d.cssProperties ?? []).map((p) => [`\`${p.name}\``, cell(p.description)])),
    );
    parts.push(`**CSS parts** (\`${tag}::part(name)\`)\n\n` + table(['part', 'what'], (d.cssParts ?? []).map((p) => [`\`${p.name}\``, cell(p.description)])));
  }
  return parts.join('\n');
}

export function render(guide: string, manifest: Manifest): string {
  const start = guide.indexOf(BEGIN);
  const end = guide.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${GUIDE} needs the markers ${BEGIN} … ${END}`);
  return `${guide.slice(0, start + BEGIN.length)}\n\n${reference(manifest)}\n${guide.slice(end)}`;
}

const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
const current = readFileSync(GUIDE, 'utf8');
const next = render(current, manifest);
if (process.argv.includes('--check')) {
  if (next !== current) {
    console.error('docs/webmaster.md is out of date with custom-elements.json: run `npm run docs` and commit it.');
    process.exit(1);
  }
  console.log('docs/webmaster.md is up to date.');
} else if (next !== current) {
  writeFileSync(GUIDE, next);
  console.log('docs/webmaster.md: element reference written.');
} else console.log('docs/webmaster.md is up to date.');
