export { MuniKbSearch } from './kb-search.ts';
export { KbSearchEvent, KbArticleOpenEvent } from './events.ts';
export type { KbSearchDetail, KbArticleOpenDetail } from './events.ts';
