import { css } from 'lit';
import { screenStyles } from '../../shared/screen.styles.ts';

export const requestPageStyles = [
  ...screenStyles,
  css`
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 1.5em;
    }
    @media (min-width: 60em) {
      .layout {
        grid-template-columns: minmax(0, 3fr) minmax(14em, 1fr);
      }
    }
    dl.facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.35em 1em;
      margin: 0 0 1em;
    }
    dl.facts dt {
      font-weight: 700;
    }
    dl.facts dd {
      margin: 0;
    }
    .description,
    .note-text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      margin: 0.25em 0;
    }
    .photos {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75em;
      list-style: none;
      padding: 0;
    }
    .photos img {
      max-width: 14em;
      height: auto;
      border: 1px solid var(--_muni-border);
    }
    .flag,
    .staff-only {
      display: inline-block;
      padding: 0 0.4em;
      border: 2px solid currentColor;
      border-radius: var(--_muni-radius);
      font-weight: 700;
      white-space: nowrap;
    }
    .flag {
      color: var(--_muni-error);
    }
    ol.history {
      padding-inline-start: 1.25em;
    }
    ol.history li {
      margin: 0 0 1em;
    }
    ol.history li.internal,
    .internal-note {
      border-inline-start: 6px dashed var(--_muni-text);
      padding-inline-start: 0.75em;
    }
    .event-title {
      margin: 0;
    }
    .missing {
      font-style: italic;
      margin: 0.25em 0;
    }
    .label {
      font-weight: 600;
    }
    form,
    .panel {
      max-width: 48em;
    }
  `,
];
