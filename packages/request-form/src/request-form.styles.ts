import { css } from 'lit';
import { sharedStyles } from '@munikit/core';

/** The first step (choosing a service): the element's own styles. */
export const requestFormStyles = [
  ...sharedStyles,
  css`    .checkbox,
    .radio {
      display: flex;
      align-items: center;
      gap: 0.6em;
      min-height: 44px;
    }
    .checkbox input,
    .radio input {
      flex: none;
      width: 1.4em;
      height: 1.4em;
      margin: 0;
      accent-color: var(--_muni-primary);
    }
    .checkbox label,
    .radio label {
      margin: 0;
      font-weight: 400;
    }
    .search-label {
      font-weight: 400;
    }
    .count {
      margin: 0.35em 0 0.5em;
    }
    .service-list {
      max-height: 22em;
      overflow-y: auto;
      max-width: 36em;
      padding: 0.25em 0.75em;
      border: 1px solid var(--_muni-border);
      border-radius: var(--_muni-radius);
    }
    .service-group {
      margin: 0.5em 0;
    }
    .service-group legend {
      font-size: 1em;
      margin: 0.25em 0;
    }
  `,
];
