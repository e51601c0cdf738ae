// Word handling of the search engine: folding, elision, hyphens, stop words, plurals.
import { expect } from '@open-wc/testing';
import { fold, tokenize } from '../src/search/fold.ts';
import { isStopWord } from '../src/search/stop-words.ts';
import { stem, stemEn, stemFr } from '../src/search/stem.ts';
import { analyze } from '../src/search/index.ts';
import { queryTerms } from '../src/search/engine.ts';

const words = (text: string): string[] => tokenize(text).map((t) => t.word);

describe('search: fold', () => {
  it('folds case, accents and ligatures', () => {
    expect(fold('Échéance DES Taxes Foncières')).to.equal('echeance des taxes foncieres');
    expect(fold('Œufs et cæcum')).to.equal('oeufs et caecum');
    expect(fold('Ça GÈLE à Noël')).to.equal('ca gele a noel');
  });

  it('folds decomposed accents the same as composed ones', () => {
    expect(fold('e\u0301bullition')).to.equal(fold('ébullition'));
  });
});

describe('search: tokenize', () => {
  it('drops French elided words before any apostrophe variant', () => {
    expect(words("l'eau d'égout")).to.deep.equal(['eau', 'egout']);
    expect(words('l’hôtel de ville')).to.deep.equal(['hotel', 'de', 'ville']);
    expect(words('lʼavis')).to.deep.equal(['avis']);
    expect(words("qu'est-ce jusqu'au lorsqu'il puisqu'elle j'ai n'a s'il c'est")).to.deep.equal(['est', 'ce', 'au', 'il', 'elle', 'ai', 'a', 'il', 'est']);
  });

  it('keeps a word before an apostrophe that is not an elision, and drops the English possessive', () => {
    expect(words("bank's online banking")).to.deep.equal(['bank', 'online', 'banking']);
    expect(words("don't")).to.deep.equal(['don', 't']);
  });

  it('splits hyphenated words and marks the joined parts', () => {
    const tokens = tokenize('nid-de-poule pick‑up');
    expect(tokens.map((t) => t.word)).to.deep.equal(['nid', 'de', 'poule', 'pick', 'up']);
    expect(tokens.map((t) => t.joined)).to.deep.equal([false, true, true, false, true]);
  });

  it('gives each word its place in the original text', () => {
    const text = 'Avis d’ébullition de l’eau';
    for (const t of tokenize(text)) expect(fold(text.slice(t.start, t.end))).to.equal(t.word);
    expect(tokenize(text).map((t) => [t.start, t.end])).to.deep.equal([[0, 4], [7, 17], [18, 20], [23, 26]]);
  });
});

describe('search: stop words', () => {
  it('drops question words and articles in each language', () => {
    for (const w of ['when', 'is', 'the', 'my', 'how', 'do', 'i']) expect(isStopWord(w, 'en'), w).to.equal(true);
    for (const w of ['quand', 'le', 'la', 'des', 'du', 'quel', 'est', 'ou', 'mon']) expect(isStopWord(w, 'fr'), w).to.equal(true);
  });

  it('keeps words residents search for', () => {
    for (const w of ['garbage', 'day', 'water', 'dog', 'permit', 'cans']) expect(isStopWord(w, 'en'), w).to.equal(false);
    for (const w of ['ordures', 'eau', 'chien', 'permis', 'jour', 'bac']) expect(isStopWord(w, 'fr'), w).to.equal(false);
  });
});

describe('search: stem', () => {
  it('reduces English plurals', () => {
    expect(stemEn('permits')).to.equal('permit');
    expect(stemEn('batteries')).to.equal('battery');
    expect(stemEn('boxes')).to.equal('box');
    expect(stemEn('branches')).to.equal('branch');
    expect(stemEn('glasses')).to.equal('glass');
    expect(stemEn('bus')).to.equal('bus');
    expect(stemEn('grass')).to.equal('grass');
    expect(stemEn('mpac')).to.equal('mpac');
  });

  it('reduces French plurals and the feminine -ée', () => {
    expect(stemFr('chevaux')).to.equal('cheval');
    expect(stemFr('tuyaux')).to.equal('tuyal'); // as long as singular and plural meet: "tuyau" is prefix-matched
    expect(stemFr('bateaux')).to.equal('bateau');
    expect(stemFr('ordures')).to.equal('ordure');
    expect(stemFr('gelees')).to.equal(stemFr('gele'));
    expect(stemFr('geles')).to.equal(stemFr('gele'));
    expect(stemFr('inondee')).to.equal('inonde');
    expect(stemFr('permis')).to.equal(stemFr('permi'));
  });

  it('picks the rules of the language', () => {
    expect(stem('chevaux', 'fr')).to.equal('cheval');
    expect(stem('chevaux', 'en')).to.equal('chevaux');
  });
});

describe('search: analyze and queryTerms', () => {
  it('indexes hyphenated compounds and keyword phrases joined as well as word by word', () => {
    expect(analyze('Signaler un nid-de-poule', 'fr').map((t) => t.term)).to.deep.equal(['signaler', 'nid', 'poule', 'niddepoule']);
    expect(analyze('snow plow', 'en', true).map((t) => t.term)).to.deep.equal(['snow', 'plow', 'snowplow']);
    expect(analyze('snow plow', 'en').map((t) => t.term)).to.deep.equal(['snow', 'plow']);
  });

  it('answers the folded query words without stop words, each once', () => {
    expect(queryTerms('When is GARBAGE day?', 'en')).to.deep.equal(['garbage', 'day']);
    expect(queryTerms('Quand passe le camion des ordures', 'fr')).to.deep.equal(['passe', 'camion', 'ordures']);
    expect(queryTerms("Avis d'ébullition de l’eau", 'fr')).to.deep.equal(['avis', 'ebullition', 'eau']);
    expect(queryTerms('dog dogs DOG', 'en')).to.deep.equal(['dog']);
    expect(queryTerms('  ', 'en')).to.deep.equal([]);
    expect(queryTerms('what is the', 'en')).to.deep.equal([]);
  });
});
