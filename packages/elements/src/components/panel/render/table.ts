/** Table panels: label columns, then one value column per target; a header click sorts. */
import { html, nothing, type TemplateResult } from 'lit';
import { REDUCER_NAMES, formatDate, formatValueText, reduce, seriesField, type DataFrame, type FieldDefaults, type Labels, type Panel, type VariableValues } from '@promkit/core';
import type { ChartTheme } from '../../../theme/theme.js';
import { renderTextCell, renderValueCell } from './table-cell.js';
import { dataLinkOf } from './data-link.js';
import type { TimeseriesSeries } from '../../../charts/timeseries.js';
import { frameTableModel, sortedRows, tableModel, type TableColumn, type TableRow, type TableSort } from '../../../charts/table.js';

/** What a table shows: the series as they came, or the frames the panel's transformations left. */
export interface TableData {
  series: TimeseriesSeries[];
  frames: DataFrame[] | undefined;
  variables: VariableValues;
  /** Where links to Grafana dashboards go (`{uid}`), if anywhere. */
  dashboardUrl?: string | undefined;
  timeZone: string;
  theme: ChartTheme;
  /** The range shown, for data links' `${__url_time_range}`. */
  range?: { from: number; to: number } | undefined;
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
  const columns = model.columns ?? [...model.labelColumns, ...model.valueColumns];
  const rows = sortedRows(model, sort);
  // A label column's own field settings (its data links), by its title as overrides name it.
  const textFields = new Map(columns.filter((c) => !c.field).map((c) => [c.key, columnOf(c.title, spec.targets[0]?.refId ?? 'A', {}).field]));
  return html`${more}<div class="table-wrap" part="chart"><table aria-labelledby="title">
    <thead><tr>${columns.map(header)}</tr></thead>
    <tbody>${rows.map((row) => {
      // What a data link's ${__data.fields.X} reads: the row's label columns by key and title, its values as shown.
      const fields: Record<string, string> = {};
      for (const c of columns) if (!c.field) fields[c.key] = fields[c.title] = row.labels[c.key] ?? '';
      const linkOf = (c: TableColumn, field: FieldDefaults) => (text: string) =>
        dataLinkOf(field, { seriesName: c.title, labels: row.labels, value: { raw: row.values[c.key] ?? text, text }, row: fields, range: data.range, variables: data.variables, dashboardUrl: data.dashboardUrl });
      return html`<tr>${columns.map((c) => {
        if (c.field) return renderValueCell(row.values[c.key], c.field, data.theme, data.timeZone, c.field.links?.length ? linkOf(c, c.field) : undefined);
        const text = textFields.get(c.key);
        return renderTextCell(row.labels[c.key] ?? '', text?.links?.length ? linkOf(c, text) : undefined);
      })}</tr>`;
    })}</tbody>
    ${renderFooter(spec.options.footer, columns, rows, data.timeZone)}
  </table></div>`;
}

/** The footer row: each value column (those `fields` names, when set) reduced over the rows shown, the reducer's name in the first text column. */
function renderFooter(footer: Panel['options']['footer'], columns: readonly TableColumn[], rows: readonly TableRow[], timeZone: string): TemplateResult | typeof nothing {
  if (!footer?.show) return nothing;
  const reducer = footer.reducer[0] ?? 'sum';
  const named = columns.findIndex((c) => !c.field);
  return html`<tfoot part="footer"><tr>${columns.map((c, i) => {
    if (!c.field) return html`<th scope="row">${i === named ? REDUCER_NAMES[reducer] : ''}</th>`;
    if (footer.fields?.length && !footer.fields.includes(c.title)) return html`<td class="number"></td>`;
    const values = Float64Array.from(rows.flatMap((r) => (r.values[c.key] === undefined ? [] : [r.values[c.key]!])));
    return html`<td class="number">${formatValueText(reduce(values, reducer), reducer === 'count' ? 'none' : (c.field.unit ?? 'none'), c.field.decimals, { timeZone })}</td>`;
  })}</tr></tfoot>`;
}
