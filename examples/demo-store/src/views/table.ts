import { html, type SafeHtml } from './html.js';

export interface Column {
  label: string;
  /** Right-aligned (amounts, counts). */
  numeric?: boolean;
}

export interface Row {
  /** Attributes for the `<tr>`, e.g. html`data-order-id="${id}"`. */
  attributes?: SafeHtml;
  cells: unknown[];
}

/**
 * A table that turns into one card per row on a phone: each cell then shows its column's label
 * (`data-label`), so nothing scrolls sideways at 375 px.
 */
export function dataTable(testId: string, columns: Column[], rows: Row[]): SafeHtml {
  const numeric = (i: number) => (columns[i]?.numeric ? html` class="num"` : '');
  return html`<div class="table"><table class="cards" data-testid="${testId}">
<thead><tr>${columns.map((c, i) => html`<th${numeric(i)}>${c.label}</th>`)}</tr></thead>
<tbody>${rows.map(
    (row) =>
      html`<tr ${row.attributes ?? ''}>${row.cells.map((cell, i) => html`<td data-label="${columns[i]?.label ?? ''}"${numeric(i)}>${cell}</td>`)}</tr>`,
  )}</tbody></table></div>`;
}
