import { MuniKbSearch } from './kb-search.ts';

if (!customElements.get('muni-kb-search')) customElements.define('muni-kb-search', MuniKbSearch);

export { MuniKbSearch };
