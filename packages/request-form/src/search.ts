// Finding a service by what residents type (the first step; suggest.ts, loaded with the later steps,
// finds articles that may answer their question). Plain string work on data already fetched: no index, no library.
import type { Service } from '@munikit/core';

/** Lower case without accents, so "deneigement" finds "Déneigement". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function words(text: string): string[] {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Every word typed starts a word of the service's name, keywords, description or department. */
export function serviceMatches(service: Service, query: string): boolean {
  const wanted = words(query);
  if (wanted.length === 0) return true;
  const have = words([service.name, service.keywords.join(' '), service.description, service.department?.name ?? '', service.group].join(' '));
  return wanted.every((w) => have.some((h) => h.startsWith(w)));
}
