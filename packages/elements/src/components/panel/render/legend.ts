/** A time series panel's legend: a list or a table of calcs; a click shows or hides a series. */
import { html, nothing, type TemplateResult } from 'lit';
import { formatValueText, reduce, type Panel } from '@promkit/core';
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
    return html`<div part="legend"><table>
        <thead><tr><th>Series</th>${calcs.map((c) => html`<th class="number">${c}</th>`)}</tr></thead>
        <tbody>${listed.map(
          (s) => html`<tr><td>${item(s)}</td>${calcs.map((c) => html`<td class="number">${formatValueText(reduce(s.frame.values, c), unit, decimals)}</td>`)}</tr>`,
        )}</tbody>
      </table></div>`;
  }
  return html`<div part="legend"><ul class="legend-list">${listed.map((s) => html`<li>${item(s)}</li>`)}</ul></div>`;
}
