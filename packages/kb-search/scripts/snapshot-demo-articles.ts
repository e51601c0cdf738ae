// Snapshots the demo town's public articles (server/src/seed/content/kb/) into the fixture the search
// tests rank: test/fixtures/demo-articles.json, the fields the public index sends (no bodies), in
// both languages. Run after changing the demo content:
//   npm run snapshot-fixture -w @munikit/kb-search          (writes the fixture)
//   npm run snapshot-fixture -w @munikit/kb-search -- --check   (exit 1 when it is stale)
import { readFileSync, writeFileSync } from 'node:fs';
import { loadKbContent } from '../../../server/src/seed/kb-content.ts';

const fixture = new URL('../test/fixtures/demo-articles.json', import.meta.url);
const { categories, articles } = loadKbContent(new URL('../../../server/src/seed/content/kb/', import.meta.url));
const names = new Map(categories.map((c) => [c.id, c.name]));

const snapshot = Object.fromEntries(
  (['en', 'fr'] as const).map((lang) => [
    lang,
    articles
      .filter((a) => a.visibility === 'public' && a[lang])
      .map((a) => {
        const text = a[lang]!;
        return {
          id: a.id,
          slug: text.slug,
          title: text.title,
          summary: text.summary,
          keywords: text.keywords,
          categoryId: a.categoryId,
          categoryName: names.get(a.categoryId)?.[lang] ?? null,
        };
      }),
  ]),
);
const json = `${JSON.stringify(snapshot, null, 1)}\n`;

if (process.argv.includes('--check')) {
  const stale = readFileSync(fixture, 'utf8') !== json;
  console.log(stale ? 'demo-articles.json is stale: run npm run snapshot-fixture -w @munikit/kb-search' : 'demo-articles.json matches the demo content');
  process.exitCode = stale ? 1 : 0;
} else {
  writeFileSync(fixture, json);
  console.log(`demo-articles.json: ${snapshot.en!.length} English and ${snapshot.fr!.length} French public articles`);
}
