// munikit.js carries a placeholder the server replaces with its only town (id and languages), so an
// element needs no request to learn it. One spelling of that replacement, for the server
// (loader-script.ts) and for the size check, which counts munikit.js as the server sends it.
export interface BakedTown {
  id: string;
  defaultLanguage: string;
  languages: string[];
}

const PLACEHOLDER = /(["'`])__MUNIKIT_TOWNS__\1/;

/** The built munikit.js with `towns` written in (a JSON text inside a string literal), as munikit.ts reads it. */
export function bakeTowns(source: string, towns: readonly BakedTown[]): string {
  return source.replace(PLACEHOLDER, () => JSON.stringify(JSON.stringify(towns)));
}
