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
  `,
];
