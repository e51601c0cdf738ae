import { css } from 'lit';
import { sharedStyles } from '@munikit/core';

export const signInStyles = [
  ...sharedStyles,
  css`
    :host {
      display: block;
    }
    .panel {
      max-width: 28em;
      padding: 1.25em 1.5em 1.5em;
      border: 1px solid var(--_muni-border);
      border-radius: var(--_muni-radius);
    }
    h1 {
      margin-top: 0;
    }
  `,
];
