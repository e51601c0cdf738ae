// Light singular forms, so "permits" finds "permit", "bacs" finds "bac", "chevaux" finds "cheval" and
// "gelées" finds "gelé". Deliberately light (plurals and French feminine -ée only): a heavier stemmer
// merges words residents tell apart, and prefixes and fuzzy matching catch the rest. Input is folded.

export function stemEn(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (/(?:xes|ches|shes|zes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

export function stemFr(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('eaux')) w = w.slice(0, -1);
  else if (w.endsWith('aux') && w.length > 4) w = `${w.slice(0, -3)}al`;
  else if ((w.endsWith('s') && !w.endsWith('ss')) || w.endsWith('x')) w = w.slice(0, -1);
  if (w.endsWith('ee') && w.length > 4) w = w.slice(0, -1);
  return w;
}

export function stem(word: string, lang: 'en' | 'fr'): string {
  return lang === 'fr' ? stemFr(word) : stemEn(word);
}
