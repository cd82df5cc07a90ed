/** A bar chart panel's bars and legend: per series for instant queries, per time for range queries (charts/barchart.ts). */
import { html, nothing, type TemplateResult } from 'lit';
import type { Panel } from '@promkit/core';
import { cssProps } from '../../../internal/css-props.js';
import { barData, barsPerSeries, queryBars, type BarData } from '../../../charts/barchart.js';
import { drawnSeries, type TimeseriesSeries } from '../../../charts/timeseries.js';
import type { ChartTheme } from '../../../theme/theme.js';
import { renderLegend } from './legend.js';

/** Whether the panel draws a bar per series (its queries are instant) rather than bars per time. */
const perSeries = (spec: Panel, series: readonly TimeseriesSeries[]) => barsPerSeries(series, new Set(spec.targets.filter((t) => t.instant).map((t) => t.refId)));

/** The bars a bar chart panel draws from its series. */
export function panelBars(spec: Panel, series: readonly TimeseriesSeries[], theme: ChartTheme, timeZone: string): BarData {
  return barData(series, { instant: perSeries(spec, series), calc: spec.options.reduceOptions?.calcs[0] ?? 'lastNotNull', theme, timeZone });
}

/**
 * The legend: per time, the series (a click hides one, as on a time series); per series, the
 * queries when there are several (each bar's name is on its axis already).
 */
export function renderBarLegend(spec: Panel, series: readonly TimeseriesSeries[], theme: ChartTheme, onToggle: (s: TimeseriesSeries) => void): TemplateResult | typeof nothing {
  if (!perSeries(spec, series)) return renderLegend(spec, series, theme, onToggle);
  const bars = queryBars(drawnSeries(series), theme);
  if (bars.length < 2 || spec.options.legend?.displayMode === 'hidden') return nothing;
  return html`<div part="legend"><ul class="legend-list">${bars.map(
    (b) => html`<li class="legend-key"><span class="swatch" ${cssProps({ backgroundColor: b.color })}></span><span class="legend-name">${b.name}</span></li>`,
  )}</ul></div>`;
}
