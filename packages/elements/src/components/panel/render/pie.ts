/** A pie chart panel's slices from its series, and its legend: each name with its value and percent as asked; a click hides or shows a slice. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Panel } from '@promkit/core';
import { cssProps } from '../../../internal/css-props.js';
import { seriesColor, type TimeseriesSeries } from '../../../charts/timeseries.js';
import { pieSlices, sliceText, type PieSlice } from '../../../charts/pie.js';
import type { ChartTheme } from '../../../theme/theme.js';
import { reducedValues } from './reduced.js';

/** The panel's slices: one per series, reduced by its first reducer, coloured as its time series would be. */
export function panelSlices(spec: Panel, series: readonly TimeseriesSeries[], theme: ChartTheme): PieSlice[] {
  return pieSlices(
    reducedValues(spec, series, theme),
    series.map((s, i) => seriesColor(s.field, i, theme)),
    series.map((s) => s.hidden === true),
  );
}

export function renderPieLegend(spec: Panel, series: readonly TimeseriesSeries[], slices: readonly PieSlice[], onToggle: (s: TimeseriesSeries) => void): TemplateResult | typeof nothing {
  const legend = spec.options.legend;
  if (legend?.displayMode === 'hidden' || slices.length === 0) return nothing;
  const values = legend?.values ?? [];
  const item = (slice: PieSlice, i: number) => {
    const s = series[i]!;
    return html`<button class="legend-item" aria-pressed=${s.hidden ? 'false' : 'true'} @click=${() => onToggle(s)}>
      <span class="swatch slice" ${cssProps({ backgroundColor: slice.color })}></span><span class="legend-name">${slice.value.name}</span>
    </button>`;
  };
  const cells = (slice: PieSlice) => values.map((what) => sliceText(slice, what));
  if (legend?.displayMode === 'table') {
    return html`<div part="legend"><table>
        <thead><tr><th>Series</th>${values.map((v) => html`<th class="number">${v === 'value' ? 'Value' : 'Percent'}</th>`)}</tr></thead>
        <tbody>${slices.map((slice, i) => html`<tr><td>${item(slice, i)}</td>${cells(slice).map((c) => html`<td class="number">${c}</td>`)}</tr>`)}</tbody>
      </table></div>`;
  }
  return html`<div part="legend"><ul class="legend-list">${slices.map(
    (slice, i) => html`<li>${item(slice, i)}${cells(slice).map((c) => html` <span class="legend-value">${c}</span>`)}</li>`,
  )}</ul></div>`;
}
