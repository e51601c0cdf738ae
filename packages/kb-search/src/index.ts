export { MuniKbSearch } from './kb-search.ts';
export type { KbArticleOpenedDetail } from './kb-search.ts';
