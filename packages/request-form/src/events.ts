// The form's events: typed classes, bubbling and composed so a page can listen on document.

export interface RequestSubmittedDetail {
  reference: string;
  serviceCode: string;
}

export interface RequestQueuedDetail {
  serviceCode: string;
}

/** The town received the request (straight away, or later from this device's queue). */
export class RequestSubmittedEvent extends CustomEvent<RequestSubmittedDetail> {
  static readonly eventName = 'muni-request-submitted';
  constructor(detail: RequestSubmittedDetail) {
    super(RequestSubmittedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

/** No connection: the request is kept on this device and will be sent when the connection returns. */
export class RequestQueuedEvent extends CustomEvent<RequestQueuedDetail> {
  static readonly eventName = 'muni-request-queued';
  constructor(detail: RequestQueuedDetail) {
    super(RequestQueuedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'muni-request-submitted': RequestSubmittedEvent;
    'muni-request-queued': RequestQueuedEvent;
  }
}
