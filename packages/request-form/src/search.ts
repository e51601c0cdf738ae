// Finding a service by what residents type, and knowledge-base articles that may answer their
// question before they file anything. Plain string work on data already fetched: no index, no library.
import type { KbArticleSummary, Service } from '@munikit/core';

/** Lower case without accents, so "deneigement" finds "Déneigement". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function words(text: string): string[] {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Every word typed starts a word of the service's name, keywords, description or department. */
export function serviceMatches(service: Service, query: string): boolean {
  const wanted = words(query);
  if (wanted.length === 0) return true;
  const have = words([service.name, service.keywords.join(' '), service.description, service.department?.name ?? '', service.group].join(' '));
  return wanted.every((w) => have.some((h) => h.startsWith(w)));
}

const STOP = new Set(
  'the and for with from that this your are not out off any its des les une aux sur par pour dans avec est pas qui que son ses'.split(' '),
);

function terms(text: string): Set<string> {
  return new Set(words(text).filter((w) => w.length >= 3 && !STOP.has(w)));
}

/**
 * Up to `max` articles sharing words with the service's name and keywords: a word in an article's
 * title or keywords counts twice, in its summary once; an article needs a title or keyword match.
 */
export function suggestArticles(service: Service, articles: readonly KbArticleSummary[], max = 3): KbArticleSummary[] {
  const wanted = terms(`${service.name} ${service.keywords.join(' ')}`);
  if (wanted.size === 0) return [];
  const scored: Array<{ article: KbArticleSummary; score: number }> = [];
  for (const article of articles) {
    const strong = terms(`${article.title} ${article.keywords.join(' ')}`);
    const weak = terms(article.summary);
    let score = 0;
    for (const w of wanted) {
      if (strong.has(w)) score += 2;
      else if (weak.has(w)) score += 1;
    }
    if (score >= 2) scored.push({ article, score });
  }
  return scored.sort((a, b) => b.score - a.score).slice(0, max).map((s) => s.article);
}
