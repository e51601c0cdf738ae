import { css } from 'lit';
import { sharedStyles } from '@munikit/core';

export const staffAppStyles = [
  ...sharedStyles,
  css`
    :host {
      display: block;
      min-height: 100vh;
    }
    .skip-link {
      position: absolute;
      left: -9999px;
    }
    .skip-link:focus {
      position: static;
      display: inline-block;
      margin: 0.5em;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em 1.25em;
      align-items: center;
      justify-content: space-between;
      padding: 0.75em 1em;
      border-bottom: 4px solid var(--_muni-primary);
    }
    .brand {
      margin: 0;
      font-weight: 700;
      font-size: 1.125em;
    }
    .account {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em 0.75em;
      align-items: center;
    }
    .account p,
    .account .field {
      margin: 0;
    }
    .account .field {
      display: flex;
      gap: 0.5em;
      align-items: center;
    }
    nav ul {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em 1.25em;
      list-style: none;
      margin: 0;
      padding: 0.5em 1em;
      border-bottom: 1px solid var(--_muni-border);
    }
    nav a {
      display: inline-block;
      padding: 0.25em 0;
    }
    nav a[aria-current='page'] {
      font-weight: 700;
      text-decoration-thickness: 3px;
    }
    main {
      padding: 1em;
      max-width: 80em;
    }
    main:focus {
      outline: none;
    }
    /* A printed screen (the council report) is the screen alone. */
    @media print {
      :host {
        min-height: 0;
      }
      header,
      nav,
      .skip-link {
        display: none !important;
      }
      main {
        padding: 0;
        max-width: none;
      }
    }
  `,
];
