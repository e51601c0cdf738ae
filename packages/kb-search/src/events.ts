// The element's events: typed classes, bubbling and composed so a town's analytics can listen on document.
import type { Lang } from '@munikit/core';

export interface KbSearchDetail {
  query: string;
  lang: Lang;
  resultCount: number;
}

export interface KbArticleOpenDetail {
  id: string;
  slug: string;
  lang: Lang;
}

/** A resident settled on a query (paused typing, pressed Enter, or opened an article). */
export class KbSearchEvent extends CustomEvent<KbSearchDetail> {
  static readonly eventName = 'muni-search';
  constructor(detail: KbSearchDetail) {
    super(KbSearchEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

/** An article is shown in the element. */
export class KbArticleOpenEvent extends CustomEvent<KbArticleOpenDetail> {
  static readonly eventName = 'muni-article-open';
  constructor(detail: KbArticleOpenDetail) {
    super(KbArticleOpenEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'muni-search': KbSearchEvent;
    'muni-article-open': KbArticleOpenEvent;
  }
}
