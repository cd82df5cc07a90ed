/** A time series panel's legend: a list or a table of calcs; a click shows or hides a series. */
import { html, nothing, type TemplateResult } from 'lit';
import { REDUCER_NAMES, formatValueText, reduce, type Panel, type Reducer } from '@promkit/core';
import { cssProps } from '../../../internal/css-props.js';
import { seriesColors, type TimeseriesSeries } from '../../../charts/timeseries.js';
import type { ChartTheme } from '../../../theme/theme.js';

export function renderLegend(spec: Panel, series: readonly TimeseriesSeries[], theme: ChartTheme, onToggle: (s: TimeseriesSeries) => void): TemplateResult | typeof nothing {
  const legend = spec.options.legend;
  if (legend?.displayMode === 'hidden') return nothing;
  // Colours keep each series' place in the full list; `custom.hideFrom.legend` leaves one out.
  const listed = series.filter((s) => !s.field.custom?.hideFrom?.legend);
  if (listed.length === 0 || (listed.length === 1 && !legend)) return nothing;
  const unit = spec.fieldConfig.defaults.unit ?? 'none';
  const decimals = spec.fieldConfig.defaults.decimals;
  const colors = seriesColors(series, theme);
  const item = (s: TimeseriesSeries) => html`<button class="legend-item" aria-pressed=${s.hidden ? 'false' : 'true'} @click=${() => onToggle(s)}>
    <span class="swatch" ${cssProps({ backgroundColor: colors[series.indexOf(s)]! })}></span><span class="legend-name">${s.name}</span>
  </button>`;
  if (legend?.displayMode === 'table') {
    const calcs = legend.calcs;
    const { sortBy, sortDesc = false } = legend;
    // aria-sort and an arrow on the column the rows are sorted by.
    const sorted = (column: Reducer | 'name') => (column === sortBy ? (sortDesc ? 'descending' : 'ascending') : nothing);
    const arrow = (column: Reducer | 'name') => (column === sortBy ? html`<span aria-hidden="true">${sortDesc ? ' ▾' : ' ▴'}</span>` : nothing);
    return html`<div part="legend"><table>
        <thead><tr><th aria-sort=${sorted('name')}>Series${arrow('name')}</th>${calcs.map((c) => html`<th class="number" aria-sort=${sorted(c)}>${REDUCER_NAMES[c]}${arrow(c)}</th>`)}</tr></thead>
        <tbody>${sortedRows(listed, sortBy, sortDesc).map(
          (s) => html`<tr><td>${item(s)}</td>${calcs.map((c) => html`<td class="number">${formatValueText(reduce(s.frame.values, c), unit, decimals)}</td>`)}</tr>`,
        )}</tbody>
      </table></div>`;
  }
  return html`<div part="legend"><ul class="legend-list">${listed.map((s) => html`<li>${item(s)}</li>`)}</ul></div>`;
}

/** A table legend's rows in the order its `sortBy` asks: by name, or by a calc with values that are no number last. */
function sortedRows(series: readonly TimeseriesSeries[], sortBy: Reducer | 'name' | undefined, desc: boolean): readonly TimeseriesSeries[] {
  if (!sortBy) return series;
  const sign = desc ? -1 : 1;
  if (sortBy === 'name') return [...series].sort((a, b) => sign * a.name.localeCompare(b.name));
  const keyed = series.map((s) => ({ s, v: reduce(s.frame.values, sortBy) }));
  return keyed.sort((a, b) => (Number.isNaN(a.v) ? (Number.isNaN(b.v) ? 0 : 1) : Number.isNaN(b.v) ? -1 : sign * (a.v - b.v))).map(({ s }) => s);
}
