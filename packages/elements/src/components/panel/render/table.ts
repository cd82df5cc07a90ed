/** Table panels: label columns, then one value column per target; a header click sorts. */
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate, formatValueText, seriesField, type DataFrame, type Labels, type Panel, type VariableValues } from '@promkit/core';
import type { TimeseriesSeries } from '../../../charts/timeseries.js';
import { frameTableModel, sortedRows, tableModel, type TableColumn, type TableRow, type TableSort } from '../../../charts/table.js';

/** What a table shows: the series as they came, or the frames the panel's transformations left. */
export interface TableData {
  series: TimeseriesSeries[];
  frames: DataFrame[] | undefined;
  variables: VariableValues;
  timeZone: string;
}

/**
 * `sort`: the person's choice, else the spec's first `sortBy`. `variables` expand column display
 * names. Transformed frames show the first; when several are left, a note says how to join them.
 */
export function renderTable(spec: Panel, data: TableData, chosen: TableSort | undefined, onSort: (sort: TableSort) => void): TemplateResult {
  const columnOf = (title: string, refId: string, labels: Labels) => seriesField(spec, { seriesName: title, refId, labels, variables: data.variables });
  const model = data.frames?.[0]
    ? frameTableModel(data.frames[0], columnOf, (ms) => formatDate(String(ms), 'YYYY-MM-DD HH:mm:ss', data.timeZone))
    : tableModel(data.series, spec.targets, columnOf);
  const more = (data.frames?.length ?? 0) > 1 ? html`<p class="table-note" part="note">Showing the first of ${data.frames!.length} tables: a merge or join transformation makes them one.</p>` : nothing;
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
    return html`<td class="number">${value === undefined ? '' : formatValueText(value, column.field!.unit ?? 'none', column.field!.decimals, { timeZone: data.timeZone })}</td>`;
  };
  const columns = model.columns ?? [...model.labelColumns, ...model.valueColumns];
  return html`${more}<div class="table-wrap" part="chart"><table aria-labelledby="title">
    <thead><tr>${columns.map(header)}</tr></thead>
    <tbody>${sortedRows(model, sort).map((row) => html`<tr>${columns.map((c) => (c.field ? cell(row, c) : html`<td>${row.labels[c.key] ?? ''}</td>`))}</tr>`)}</tbody>
  </table></div>`;
}
