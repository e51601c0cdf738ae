import { css } from 'lit';
import { sharedStyles } from '@munikit/core';
import { dataTableStyles } from '../shared/data-table.ts';

export const requestsScreenStyles = [
  ...sharedStyles,
  dataTableStyles,
  css`
    :host {
      display: block;
    }
    h1 {
      margin-top: 0;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75em;
      align-items: flex-end;
      margin: 0 0 1em;
    }
    .filters .field {
      margin: 0;
    }
    .hint {
      display: block;
      font-weight: 400;
      font-size: 0.875em;
    }
  `,
];
