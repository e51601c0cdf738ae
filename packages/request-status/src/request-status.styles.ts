import { css } from 'lit';
import { sharedStyles } from '@munikit/core';

export const requestStatusStyles = [
  ...sharedStyles,
  css`
    .lookup {
      display: flex;
      flex-wrap: wrap;
      gap: calc(0.5 * var(--_muni-space));
      align-items: flex-end;
      margin: 0 0 calc(1.5 * var(--_muni-space));
    }
    .lookup .field {
      flex: 1 1 14em;
      margin: 0;
    }
    .badge {
      display: inline-block;
      padding: 0.1em 0.6em;
      border: 2px solid currentColor;
      border-radius: var(--_muni-radius);
      font-weight: 700;
    }
    .badge--resolved {
      color: var(--_muni-success);
    }
    .badge--declined {
      color: var(--_muni-error);
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.35em 1em;
      margin: 0 0 1.25em;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
    }
    .timeline {
      list-style: none;
      margin: 0;
      padding: 0;
      border-inline-start: 3px solid var(--_muni-border);
    }
    .timeline li {
      margin: 0 0 1em;
      padding-inline-start: 1em;
    }
    .timeline time {
      display: block;
      font-size: 0.875em;
    }
    .timeline p {
      margin: 0.25em 0 0;
    }
  `,
];
