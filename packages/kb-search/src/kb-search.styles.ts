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
    .count {
      margin: 0 0 0.75em;
      font-weight: 600;
    }
    .results {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .result {
      padding: 0.75em 0;
      border-bottom: 1px solid var(--_muni-border);
    }
    .result .link-button {
      font-size: 1.125em;
      font-weight: 600;
      min-height: 24px;
    }
    .result p {
      margin: 0.25em 0 0;
    }
    .meta {
      font-size: 0.875em;
    }
    .article-body {
      max-width: 42em;
    }
    .article-body img {
      max-width: 100%;
      height: auto;
    }
    .article-body table {
      border-collapse: collapse;
    }
    .article-body th,
    .article-body td {
      border: 1px solid var(--_muni-border);
      padding: 0.25em 0.5em;
    }
    .back {
      margin: 0 0 1em;
    }
  `,
];
