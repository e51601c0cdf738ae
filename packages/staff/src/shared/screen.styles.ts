import { css } from 'lit';
import { sharedStyles } from '@munikit/core';
import { dataTableStyles } from './data-table.ts';

/** What every console screen shares: headings, form widths, notices, the data table. */
export const screenStyles = [
  ...sharedStyles,
  dataTableStyles,
  css`
    :host {
      display: block;
    }
    h1 {
      margin-top: 0;
    }
    form,
    .panel {
      max-width: 40em;
    }
    .panel {
      margin: 1.5em 0;
      padding: 1em 1.25em;
      border: 1px solid var(--_muni-border);
      border-radius: var(--_muni-radius);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75em;
      align-items: center;
    }
    .hint {
      display: block;
      font-size: 0.9375em;
      margin: 0 0 0.25em;
    }
    fieldset {
      border: 0;
      margin: 0 0 1em;
      padding: 0;
    }
    legend {
      font-weight: 700;
      margin-bottom: 0.25em;
    }
    .choice {
      display: flex;
      gap: 0.5em;
      align-items: center;
      margin: 0.25em 0;
    }
    .choice input {
      width: auto;
    }
    .link-button {
      background: none;
      border: 0;
      padding: 0;
      color: var(--_muni-primary);
      text-decoration: underline;
      cursor: pointer;
      font: inherit;
    }
  `,
];
