// The one table every console list uses: a caption, column headers, and rows. On a narrow screen
// (a phone at 390 px) the table scrolls sideways inside a labelled, focusable region, with the header
// row and the first column kept in view, so a row never loses its reference.
import { css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';

export interface Column<Row> {
  /** Stable id, also the class of the column's cells. */
  key: string;
  label: string;
  cell: (row: Row) => TemplateResult | string;
}

export interface DataTableOptions<Row> {
  /** id of the caption; the scroll region is labelled by it. */
  id: string;
  caption: TemplateResult | string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  /** Shown as the only row when there are no rows. */
  empty?: string;
}

export function dataTable<Row>(o: DataTableOptions<Row>): TemplateResult {
  return html`<div class="data-table" role="region" aria-labelledby="${o.id}-caption" tabindex="0">
    <table part="table">
      <caption id="${o.id}-caption">${o.caption}</caption>
      <thead>
        <tr>
          ${o.columns.map((c) => html`<th scope="col" class=${c.key}>${c.label}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${o.rows.length === 0 && o.empty
          ? html`<tr><td colspan=${o.columns.length}>${o.empty}</td></tr>`
          : repeat(o.rows, o.rowKey, (row) => html`<tr>${o.columns.map((c, i) =>
              i === 0 ? html`<th scope="row" class=${c.key}>${c.cell(row)}</th>` : html`<td class=${c.key}>${c.cell(row)}</td>`,
            )}</tr>`)}
      </tbody>
    </table>
  </div>`;
}

export const dataTableStyles = css`
  .data-table {
    overflow: auto;
    max-height: 75vh;
    border: 1px solid var(--_muni-border);
    border-radius: var(--_muni-radius);
  }
  .data-table:focus-visible {
    outline: var(--_muni-focus-ring);
  }
  .data-table table {
    border-collapse: separate;
    border-spacing: 0;
    width: 100%;
  }
  .data-table caption {
    text-align: start;
    font-weight: 700;
    font-size: 1.125em;
    padding: 0.5em 0.75em;
  }
  .data-table th,
  .data-table td {
    text-align: start;
    vertical-align: top;
    padding: 0.5em 0.75em;
    border-bottom: 1px solid var(--_muni-border);
    background: var(--_muni-background);
  }
  .data-table thead th {
    position: sticky;
    top: 0;
    z-index: 2;
    border-bottom-width: 2px;
    white-space: nowrap;
  }
  .data-table tbody th {
    position: sticky;
    left: 0;
    z-index: 1;
    white-space: nowrap;
  }
  .data-table thead th:first-child {
    left: 0;
    z-index: 3;
  }
`;
