// The box's own styles; what arrives later brings its own (view.styles.ts, article.styles.ts).
import { css } from 'lit';
import { sharedStyles } from '@munikit/core';

export const kbSearchStyles = [
  ...sharedStyles,
  css`
    .search {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      align-items: flex-end;
      margin: 0 0 1em;
    }
    .search .field {
      flex: 1 1 16em;
      margin: 0;
    }
    .combo {
      position: relative;
    }
  `,
];
