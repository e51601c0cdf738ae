import { css } from 'lit';
import { screenStyles } from '../shared/screen.styles.ts';
import { barChartStyles } from './bar-chart.ts';

export const reportsScreenStyles = [
  ...screenStyles,
  barChartStyles,
  css`
    .period {
      max-width: none;
    }
    .presets {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em 1.5em;
    }
    .dates {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1.5em;
    }
    .dates .field {
      min-width: 12em;
    }
    .figures {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
      gap: 0.75em;
      margin: 0 0 1.5em;
      padding: 0;
    }
    .figures div {
      border: 1px solid var(--_muni-border);
      border-radius: var(--_muni-radius);
      padding: 0.75em 1em;
    }
    .figures dt {
      font-size: 0.9375em;
    }
    .figures dd {
      margin: 0.25em 0 0;
      font-size: 1.375em;
      font-weight: 700;
    }
    .downloads {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em 1.5em;
      padding: 0;
      list-style: none;
    }
    .section {
      margin: 2em 0;
    }
    figure {
      margin: 0 0 1em;
    }
    figcaption {
      font-size: 0.9375em;
      margin-bottom: 0.5em;
    }
    .data-table {
      max-width: 40em;
    }
    td.count,
    td.share {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
  `,
];
