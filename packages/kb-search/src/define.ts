import { defineElement } from '@munikit/core';
import { MuniKbSearch } from './kb-search.ts';

defineElement('muni-kb-search', MuniKbSearch);

export { MuniKbSearch };
