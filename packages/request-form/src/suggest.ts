// Knowledge-base articles that may answer a resident's question before they file anything, shown
// once a service is chosen. Plain string work on data already fetched: no index, no library.
import type { KbArticleSummary, Service } from '@munikit/core';
import { words } from './search.ts';

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
