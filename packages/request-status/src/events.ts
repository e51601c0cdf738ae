// The tracker's event: a typed class, bubbling and composed so a page can listen on document.
import type { RequestStatus } from '@munikit/core';

export interface StatusLoadedDetail {
  reference: string;
  status: RequestStatus;
}

/** A request was found and shown (after a lookup, an opened link, or a language change). */
export class StatusLoadedEvent extends CustomEvent<StatusLoadedDetail> {
  static readonly eventName = 'muni-status-loaded';
  constructor(detail: StatusLoadedDetail) {
    super(StatusLoadedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'muni-status-loaded': StatusLoadedEvent;
  }
}
