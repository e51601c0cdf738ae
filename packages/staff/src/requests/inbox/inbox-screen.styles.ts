import { css } from 'lit';
import { screenStyles } from '../../shared/screen.styles.ts';

export const inboxScreenStyles = [
  ...screenStyles,
  css`
    form.filters {
      max-width: none;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(12em, 1fr));
      gap: 0 1em;
      align-items: end;
      margin: 0 0 1em;
    }
    .filters .search {
      grid-column: 1 / -1;
    }
    .filters .actions {
      grid-column: 1 / -1;
      margin-bottom: 1em;
    }
    .flag {
      display: inline-block;
      margin-top: 0.25em;
      padding: 0 0.4em;
      border: 2px solid var(--_muni-error);
      border-radius: var(--_muni-radius);
      color: var(--_muni-error);
      font-weight: 700;
      white-space: nowrap;
    }
    nav.paging {
      display: flex;
      gap: 0.75em;
      margin: 1em 0;
    }
  `,
];
