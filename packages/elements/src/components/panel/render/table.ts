/** Table panels: label columns, then one value column per target; a header click sorts. */
import { html, type TemplateResult } from 'lit';
import { formatValueText, seriesField, type Panel, type VariableValues } from '@promkit/core';
import type { TimeseriesSeries } from '../../../charts/timeseries.js';
import { sortedRows, tableModel, type TableColumn, type TableRow, type TableSort } from '../../../charts/table.js';

/** `sort`: the person's choice, else the spec's first `sortBy`. `variables` expand column display names. */
export function renderTable(spec: Panel, series: TimeseriesSeries[], variables: VariableValues, chosen: TableSort | undefined, onSort: (sort: TableSort) => void): TemplateResult {
  const model = tableModel(series, spec.targets, (title, refId, labels) => seriesField(spec, { seriesName: title, refId, labels, variables }));
  const initial = spec.options.sortBy?.[0];
  const sort = chosen ?? (initial ? { column: initial.displayName, desc: initial.desc } : undefined);
  const header = (column: TableColumn) => {
    const numeric = column.field !== undefined;
    const active = sort?.column === column.title;
    const ariaSort = active ? (sort!.desc ? 'descending' : 'ascending') : 'none';
    const next = { column: column.title, desc: active ? !sort!.desc : numeric };
    return html`<th class=${numeric ? 'number' : ''} aria-sort=${ariaSort} scope="col">
      <button @click=${() => onSort(next)}>${column.title}${active ? (sort!.desc ? ' ↓' : ' ↑') : ''}</button>
    </th>`;
  };
  const cell = (row: TableRow, column: TableColumn) => {
    const value = row.values[column.key];
    return html`<td class="number">${value === undefined ? '' : formatValueText(value, column.field!.unit ?? 'none', column.field!.decimals)}</td>`;
  };
  return html`<div class="table-wrap" part="chart"><table aria-labelledby="title">
    <thead><tr>${model.labelColumns.map(header)}${model.valueColumns.map(header)}</tr></thead>
    <tbody>${sortedRows(model, sort).map(
      (row) => html`<tr>${model.labelColumns.map((c) => html`<td>${row.labels[c.key] ?? ''}</td>`)}${model.valueColumns.map((c) => cell(row, c))}</tr>`,
    )}</tbody>
  </table></div>`;
}
