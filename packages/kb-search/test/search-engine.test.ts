// The search engine's contract with <muni-kb-search>: createSearchEngine / search / queryTerms.
import { expect } from '@open-wc/testing';
import Fuse from 'fuse.js';
import { buildSearchEngine, createSearchEngine, type SearchDoc, type SearchEngine } from '../src/search/engine.ts';
import { InvertedIndex, buildIndex } from '../src/search/index.ts';

type Articles = Record<'en' | 'fr', SearchDoc[]>;
let demo: Articles;
let en: SearchEngine;
let fr: SearchEngine;
const ids = (engine: SearchEngine, q: string, limit = 3): string[] => engine.search(q, { limit }).map((h) => h.doc.id.replace('art-', ''));

before(async () => {
  demo = (await (await fetch(new URL('./fixtures/demo-articles.json', import.meta.url))).json()) as Articles;
  en = createSearchEngine(demo.en, { lang: 'en', Fuse });
  fr = createSearchEngine(demo.fr, { lang: 'fr', Fuse });
});

describe('search engine', () => {
  it('knows its size and answers nothing for an empty or stop-word-only query', () => {
    expect(en.size).to.equal(39);
    expect(en.search('')).to.deep.equal([]);
    expect(en.search('   ')).to.deep.equal([]);
    expect(en.search('what is the')).to.deep.equal([]);
    expect(createSearchEngine([], { lang: 'fr', Fuse }).search('ordures')).to.deep.equal([]);
  });

  it('finds everyday multi-word questions, words in any order', () => {
    expect(ids(en, 'when is garbage day')[0]).to.equal('garbage-collection-schedule');
    expect(ids(en, 'day garbage')[0]).to.equal('garbage-collection-schedule');
    expect(ids(fr, 'quand passe le camion des ordures')[0]).to.equal('garbage-collection-schedule');
    expect(ids(fr, 'ordures camion passe')[0]).to.equal('garbage-collection-schedule');
  });

  it('ranks the parking article, not the building permit, first for "parking permit"', () => {
    const top = ids(en, 'parking permit');
    expect(['parking-rules', 'winter-parking-ban']).to.include(top[0]);
    expect(top[0]).not.to.equal('building-permits');
  });

  it('finds a title with one typo in each of two words', () => {
    expect(ids(en, 'swiming lesons')[0]).to.equal('swimming-lessons');
    expect(ids(en, 'biulding permt')[0]).to.equal('building-permits');
    expect(ids(fr, 'tuyeaux gelés')[0]).to.equal('frozen-pipes');
  });

  it('completes the word being typed', () => {
    expect(ids(en, 'garb')[0]).to.equal('garbage-collection-schedule');
    expect(ids(en, 'snow plo')[0]).to.equal('snow-plow-priorities');
    expect(ids(fr, 'nid de pou')[0]).to.equal('report-pothole');
    // Once followed by a space a word is complete: "dog " is only dog, never "dogs" prefixes like "doge".
    expect(en.search('dog ', { limit: 50 }).every((h) => h.matchedTerms.includes('dog'))).to.equal(true);
  });

  it('works on the other language\'s articles ("licence chien" typed on the English page)', () => {
    // The demo's English dog-licence article lists "licence chien" among its keywords (residents type it
    // on the English page); the French index matches both words on its own.
    expect(ids(en, 'licence chien')[0]).to.equal('dog-licences');
    expect(en.search('medaille chien').every((h) => !h.matchedTerms.includes('medaille'))).to.equal(true);
    const [hit] = fr.search('licence chien');
    expect(hit!.doc.id).to.equal('art-dog-licences');
    expect(hit!.matchedTerms).to.deep.equal(['licence', 'chien']);
  });

  it('folds accents, elision and plurals on both sides', () => {
    expect(ids(fr, 'avis debullition')[0]).to.equal('boil-water-advisory');
    expect(ids(fr, "avis d’ÉBULLITION")[0]).to.equal('boil-water-advisory');
    expect(ids(fr, 'nids-de-poule')[0]).to.equal('report-pothole');
    expect(ids(fr, 'niddepoule')[0]).to.equal('report-pothole');
    expect(ids(en, 'pickup mattresses')[0]).to.equal('bulky-items');
  });

  it('ranks articles matching more query words first, and title over summary', () => {
    const hits = en.search('water bill high', { limit: 10 });
    expect(hits[0]!.doc.id).to.equal('art-water-meter-reading');
    expect(hits[0]!.matchedTerms).to.deep.equal(['water', 'bill', 'high']);
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).to.be.at.most(hits[i - 1]!.score);
    const byTitle = en.search('pothole', { limit: 10 });
    expect(byTitle[0]!.doc.id).to.equal('art-report-pothole');
  });

  it('respects limit', () => {
    expect(en.search('water', { limit: 2 })).to.have.length(2);
    expect(en.search('water', { limit: 0 })).to.have.length(0);
    expect(en.search('water').length).to.be.at.most(10);
  });

  it('answers the matched query words and the places to highlight in title and summary', () => {
    const [hit] = en.search('Garbage DAY');
    expect(hit!.matchedTerms).to.deep.equal(['garbage', 'day']);
    const { title, summary } = hit!.doc;
    expect(hit!.highlights.title.map(([s, e]) => title.slice(s, e))).to.deep.equal(['Garbage']);
    expect(hit!.highlights.summary.map(([s, e]) => summary.slice(s, e))).to.deep.equal(['day']);

    const [fh] = fr.search("avis d'ebulition");
    expect(fh!.highlights.title.map(([s, e]) => fh!.doc.title.slice(s, e))).to.deep.equal(['Avis', 'ébullition']);

    const [ph] = fr.search('nid de poule');
    expect(ph!.highlights.title.map(([s, e]) => ph!.doc.title.slice(s, e))).to.deep.equal(['nid', 'poule']);
    const [jh] = fr.search('niddepoule');
    expect(jh!.highlights.title.map(([s, e]) => jh!.doc.title.slice(s, e))).to.deep.equal(['nid-de-poule']);
  });

  it('highlights the completed word for a prefix', () => {
    const [hit] = en.search('swimm');
    expect(hit!.doc.id).to.equal('art-swimming-lessons');
    expect(hit!.highlights.title.map(([s, e]) => hit!.doc.title.slice(s, e))).to.deep.equal(['Swimming']);
  });

  it('lets a stop word tell near-duplicates apart, but never list an article by itself', () => {
    const doc = (id: string, title: string): SearchDoc => ({ id, slug: id, title, summary: '', keywords: [], categoryId: null, categoryName: null });
    const engine = createSearchEngine([doc('eloi', 'Green bin — Lac-Éloi'), doc('ours', 'Green bin — Lac-à-l’Ours'), doc('other', 'Our parks')], { lang: 'en', Fuse });
    expect(engine.search('lac a l ours green bin').map((h) => h.doc.id)).to.deep.equal(['ours', 'eloi']);
    expect(engine.search('lac a l ours green bin')[0]!.matchedTerms).to.deep.equal(['lac', 'green', 'bin']);
    expect(engine.search('ours')).to.deep.equal([]);
  });

  it('breaks ties with popularity', () => {
    const twins: SearchDoc[] = [
      { id: 'a', slug: 'a', title: 'Dog park', summary: '', keywords: [], categoryId: null, categoryName: null, popularity: 1 },
      { id: 'b', slug: 'b', title: 'Dog park', summary: '', keywords: [], categoryId: null, categoryName: null, popularity: 50 },
    ];
    expect(createSearchEngine(twins, { lang: 'en', Fuse }).search('dog park').map((h) => h.doc.id)).to.deep.equal(['b', 'a']);
  });

  it('does not import fuse.js itself (the element loads it lazily)', async () => {
    for (const file of ['engine.ts', 'index.ts', 'fold.ts', 'stem.ts', 'stop-words.ts']) {
      const source = await (await fetch(new URL(`../src/search/${file}`, import.meta.url))).text();
      expect(source, file).not.to.match(/from\s*['"][^'"]*fuse/);
      expect(source, file).not.to.match(/import\(\s*['"][^'"]*fuse/);
    }
  });
});

describe('building the engine off the critical path', () => {
  it('builds the same index a slice at a time as at once, and answers the same', async () => {
    const docs = Array.from({ length: 600 }, (_, i) => ({
      id: `g${i}`, slug: `g-${i}`, title: `Topic ${i % 25} at Sainte-Hélène ${i}`, summary: `Garbage, compost and l’eau potable near lot ${i}.`,
      keywords: [`lot ${i}`, 'garbage day'], categoryId: null, categoryName: 'Déchets',
    }));
    const slices: number[] = [];
    const index = new InvertedIndex(docs, 'fr', true);
    expect(index.complete).to.equal(false);
    while (!index.step(performance.now() + 1)) slices.push(1);
    expect(index.complete).to.equal(true);
    expect(slices.length, 'several slices').to.be.greaterThan(0);
    const whole = new InvertedIndex(docs, 'fr');
    expect(index.vocabulary).to.deep.equal(whole.vocabulary);
    for (const term of whole.vocabulary) expect(index.postings.get(term)).to.deep.equal(whole.postings.get(term));

    const built = await buildSearchEngine(docs, { lang: 'fr', Fuse: Promise.resolve(Fuse), sliceMs: 1 });
    const direct = createSearchEngine(docs, { lang: 'fr', Fuse });
    for (const q of ['eau potable lot 42', 'sainte helene 7', 'garbag', 'compots 13']) {
      expect(built.search(q).map((h) => h.doc.id), q).to.deep.equal(direct.search(q).map((h) => h.doc.id));
    }
  });

  it('stops a build that is no longer wanted', async () => {
    const abort = new AbortController();
    const docs = Array.from({ length: 2000 }, (_, i) => ({ id: `d${i}`, slug: `d${i}`, title: `Article ${i} about parking`, summary: 'Parking.', keywords: [], categoryId: null, categoryName: null }));
    const build = buildIndex(docs, 'en', { signal: abort.signal, sliceMs: 1 });
    abort.abort();
    let error: unknown;
    await build.catch((e: unknown) => (error = e));
    expect((error as Error | undefined)?.name).to.equal('AbortError');
  });
});
