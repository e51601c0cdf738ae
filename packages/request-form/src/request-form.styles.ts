import { css } from 'lit';
import { sharedStyles } from '@munikit/core';

export const requestFormStyles = [
  ...sharedStyles,
  css`
    .reference {
      font-size: 1.75em;
      font-weight: 700;
      letter-spacing: 0.03em;
      margin: 0 0 0.5em;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75em;
      align-items: center;
    }
    .status {
      margin: 0.75em 0 0;
    }
    .checkboxes {
      display: grid;
      gap: 0.25em;
    }
  
    .summary-list {
      margin: 0 0 1.5em;
      border-top: 1px solid var(--_muni-border);
    }
    .summary-row {
      display: grid;
      grid-template-columns: minmax(8em, 1fr) 2fr auto;
      gap: 0.25em 1em;
      padding: 0.6em 0;
      border-bottom: 1px solid var(--_muni-border);
    }
    .summary-row dt {
      font-weight: 700;
    }
    .summary-row dd {
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    @media (max-width: 40em) {
      .summary-row {
        grid-template-columns: 1fr;
      }
    }
    .link-button {
      background: none;
      border: 0;
      padding: 0;
      color: var(--_muni-primary);
      text-decoration: underline;
      cursor: pointer;
      font: inherit;
      min-height: 44px;
    }
  `,
];
