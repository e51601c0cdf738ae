import { css } from 'lit';
import { sharedStyles } from '@munikit/core';

export const staffConsoleStyles = [
  ...sharedStyles,
  css`
    .bar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75em;
      align-items: center;
      justify-content: space-between;
      margin: 0 0 1em;
    }
    .bar p {
      margin: 0;
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
    .table-wrap {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    caption {
      text-align: start;
      font-weight: 700;
      font-size: 1.125em;
      margin: 0 0 0.5em;
    }
    th,
    td {
      text-align: start;
      vertical-align: top;
      padding: 0.5em 0.75em;
      border-bottom: 1px solid var(--_muni-border);
    }
    th {
      border-bottom-width: 2px;
    }
    .reference {
      font-weight: 700;
      white-space: nowrap;
    }
    .sign-in {
      max-width: 28em;
    }
  `,
];
