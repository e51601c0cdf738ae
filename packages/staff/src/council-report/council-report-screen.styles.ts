import { css } from 'lit';
import { screenStyles } from '../shared/screen.styles.ts';

// Sized to print on one page of A4 or Letter (the smaller of each: 210 × 279 mm) with 12 mm margins
// (the @page rule is in the console's document stylesheet, server/src/site/staff.css).
export const councilReportStyles = [
  ...screenStyles,
  css`
    .report {
      max-width: 50em;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em 1.25em;
      align-items: center;
      margin-bottom: 1.5em;
    }
    .town {
      margin: 0;
      font-size: 1em;
      font-weight: 700;
      text-transform: uppercase;
      letter-spacing: 0.04em;
    }
    h1 {
      margin: 0.1em 0 0.2em;
      font-size: 1.6em;
      line-height: 1.2;
    }
    .period {
      margin: 0 0 1em;
      font-size: 1.05em;
    }
    .figures {
      display: grid;
      grid-template-columns: repeat(5, 1fr);
      gap: 0.5em;
      margin: 0 0 1em;
    }
    .figures div {
      border: 1px solid var(--_muni-border);
      border-top: 4px solid var(--_muni-primary);
      padding: 0.4em 0.6em;
    }
    .figures dt {
      font-size: 0.8em;
      line-height: 1.25;
    }
    .figures dd {
      margin: 0.2em 0 0;
      font-size: 1.15em;
      font-weight: 700;
      line-height: 1.2;
    }
    .tables {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 0.75em 1.25em;
      align-items: start;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-size: 0.85em;
    }
    caption {
      text-align: start;
      font-weight: 700;
      padding-bottom: 0.2em;
    }
    th,
    td {
      text-align: start;
      padding: 0.15em 0.4em;
      border-bottom: 1px solid var(--_muni-border);
    }
    td,
    thead th.n {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    .notes,
    .prepared {
      font-size: 0.8em;
      margin: 0.75em 0 0;
    }
    @media print {
      :host {
        font-size: 10pt;
        color: #000;
      }
      .toolbar {
        display: none;
      }
      .report {
        max-width: none;
      }
      section,
      table {
        break-inside: avoid;
      }
    }
  `,
];
