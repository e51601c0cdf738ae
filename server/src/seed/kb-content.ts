// Reads the knowledge base of a seed from Markdown files a clerk can edit: `categories.yaml`, and one
// file per article and language, `<category-slug>/<name>.<en|fr>.md`, with YAML front matter (title,
// slug, category, visibility, services, summary, keywords) above the Markdown body. The two language
// files of an article share `<name>`; the article's id is `art-<name>` unless the front matter gives
// an `id`. A mistake in a file stops the seed with the file's name and what is wrong.
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import type { SeedArticle, SeedArticleVersion, SeedCategory } from './seed-types.ts';

const LANGS = ['en', 'fr'] as const;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface KbContent {
  categories: SeedCategory[];
  articles: SeedArticle[];
}

class ContentError extends Error {
  constructor(file: string, problem: string) {
    super(`knowledge-base content ${file}: ${problem}`);
  }
}

const text = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/** Front matter and body of one Markdown file. */
export function parseMarkdownFile(source: string, file: string): { meta: Record<string, unknown>; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!m) throw new ContentError(file, 'it must start with front matter between two --- lines');
  const meta = parse(m[1]!) as unknown;
  if (!meta || typeof meta !== 'object' || Array.isArray(meta)) throw new ContentError(file, 'the front matter is not a list of fields');
  return { meta: meta as Record<string, unknown>, body: m[2]!.trim() };
}

export function loadKbContent(dir: URL): KbContent {
  const catFile = new URL('categories.yaml', dir);
  const rawCats = parse(readFileSync(catFile, 'utf8')) as unknown;
  if (!Array.isArray(rawCats)) throw new ContentError('categories.yaml', 'expected a list of categories');
  type RawCategory = { id?: unknown; slug?: { en?: unknown; fr?: unknown }; name?: { en?: unknown; fr?: unknown } } | null;
  const categories: SeedCategory[] = (rawCats as RawCategory[]).map((c, i) => {
    const [id, slugEn, slugFr, nameEn, nameFr] = [c?.id, c?.slug?.en, c?.slug?.fr, c?.name?.en, c?.name?.fr];
    if (!text(id) || !text(slugEn) || !text(slugFr) || !text(nameEn) || !text(nameFr)) {
      throw new ContentError('categories.yaml', `category ${i + 1} needs id, slug (en, fr) and name (en, fr)`);
    }
    return { id, slug: { en: slugEn, fr: slugFr }, name: { en: nameEn, fr: nameFr }, order: i + 1 };
  });
  const bySlug = new Map(categories.map((c) => [c.slug.en, c]));

  const articles = new Map<string, SeedArticle>();
  for (const folder of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const name of readdirSync(new URL(`${folder}/`, dir)).filter((f) => f.endsWith('.md')).sort()) {
      const file = `${folder}/${name}`;
      const m = /^([a-z0-9-]+)\.(en|fr)\.md$/.exec(name);
      if (!m) throw new ContentError(file, 'name it <name>.en.md or <name>.fr.md');
      const [, base, lang] = m as unknown as [string, string, 'en' | 'fr'];
      const { meta, body } = parseMarkdownFile(readFileSync(new URL(file, dir), 'utf8'), file);
      for (const f of ['title', 'slug', 'summary'] as const) if (!text(meta[f])) throw new ContentError(file, `\`${f}\` is missing`);
      if (!SLUG.test(meta.slug as string)) throw new ContentError(file, '`slug` must be lower-case letters, digits and dashes');
      const category = bySlug.get(String(meta.category ?? folder));
      if (!category) throw new ContentError(file, `no category with slug "${String(meta.category ?? folder)}" in categories.yaml`);
      const visibility = meta.visibility ?? 'public';
      if (visibility !== 'public' && visibility !== 'internal') throw new ContentError(file, '`visibility` is public or internal');
      const list = (v: unknown, field: string): string[] => {
        if (v === undefined || v === null) return [];
        if (!Array.isArray(v) || !v.every(text)) throw new ContentError(file, `\`${field}\` must be a list of words or phrases`);
        return v.map((s: string) => s.trim());
      };
      const keywords = list(meta.keywords, 'keywords');
      const services = list(meta.services, 'services');
      if (!body) throw new ContentError(file, 'the article has no text below the front matter');
      const id = text(meta.id) ? meta.id : `art-${base}`;
      const version: SeedArticleVersion = { slug: meta.slug as string, title: meta.title as string, summary: meta.summary as string, body, keywords };
      const a = articles.get(base) ?? { id, categoryId: category.id, visibility, serviceCodes: services };
      if (a.id !== id || a.categoryId !== category.id || a.visibility !== visibility || JSON.stringify(a.serviceCodes) !== JSON.stringify(services)) {
        throw new ContentError(file, 'id, category, visibility and services must be the same in both languages');
      }
      a[lang] = version;
      articles.set(base, a);
    }
  }
  for (const [base, a] of articles) {
    if (!LANGS.some((l) => a[l])) throw new ContentError(base, 'no language');
  }
  return { categories, articles: [...articles.values()] };
}
