/** ECharts-drawn panel kinds (time series, gauge, heatmap, pie chart, bar chart, histogram): their container and their option. */
import { html, nothing, type TemplateResult } from 'lit';
import type { EChartsCoreOption } from 'echarts/core';
import { formatValueText, reduce, type AnnotationEvent, type Exemplar, type Panel, type TimeRange } from '@promkit/core';
import { timeseriesOption, type TimeseriesSeries } from '../../../charts/timeseries.js';
import { gaugeOption } from '../../../charts/gauge.js';
import { heatmapOption, type HeatmapData } from '../../../charts/heatmap.js';
import { pieOption } from '../../../charts/pie.js';
import { panelSlices } from './pie.js';
import { barchartOption } from '../../../charts/barchart.js';
import { panelBars } from './barchart.js';
import { histogramBars } from '../../../charts/histogram.js';
import type { ChartTheme } from '../../../theme/theme.js';
import { valuesShown } from './reduced.js';

/** The chart container (its `.canvas` takes the chart, `.brush` the zoom selection), a text summary, then `below`. */
export function renderChart(spec: Panel, series: readonly TimeseriesSeries[], below: TemplateResult | typeof nothing, marks: TemplateResult | typeof nothing = nothing): TemplateResult {
  return html`<div part="chart">
      <div class="canvas" role="img" aria-labelledby="title summary"></div>
      ${marks}
      ${spec.type === 'timeseries' ? html`<div class="brush" hidden></div>` : nothing}
    </div>
    <span class="visually-hidden" id="summary">${summary(spec, series)}</span>
    ${below}`;
}

/** Text summary of the chart for assistive technology. */
function summary(spec: Panel, series: readonly TimeseriesSeries[]): string {
  const unit = spec.fieldConfig.defaults.unit ?? 'none';
  const parts = series.slice(0, 10).map((s) => `${s.name}: last ${formatValueText(reduce(s.frame.values, 'lastNotNull'), unit)}, max ${formatValueText(reduce(s.frame.values, 'max'), unit)}`);
  return `${series.length} series. ${parts.join('; ')}${series.length > 10 ? '; …' : ''}`;
}

/** What a chart is drawn from. */
export interface ChartInput {
  spec: Panel;
  series: TimeseriesSeries[];
  /** Heatmap panels: the series as bucket counts. */
  heatmap: HeatmapData | undefined;
  /** The resolved range of the data. */
  range: TimeRange | undefined;
  /** The data's step in seconds. */
  step: number;
  theme: ChartTheme;
  timeZone: string;
  /** Where the pointer is, in value units (time series tooltips). */
  pointer: { value: number | undefined };
  /** The chart box, for the gauges' size. */
  box: HTMLElement | null;
  /** Annotation events drawn on a time series. */
  annotations?: readonly AnnotationEvent[];
  /** Exemplars of the targets that ask for them, drawn on a time series. */
  exemplars?: readonly (Exemplar & { refId: string })[];
}

/** The ECharts option for the panel's kind, or undefined when it draws no chart (or no data). */
export function chartOption(input: ChartInput): EChartsCoreOption | undefined {
  const { spec, series, theme } = input;
  if (series.length === 0) return undefined;
  if (spec.type === 'timeseries') {
    return timeseriesOption({
      series,
      field: spec.fieldConfig.defaults,
      options: spec.options,
      range: input.range ?? { from: 0, to: 1 },
      stepMs: input.step * 1000,
      theme,
      timeZone: input.timeZone,
      pointer: input.pointer,
      ...(input.annotations ? { annotations: input.annotations } : {}),
      ...(input.exemplars?.length ? { exemplars: input.exemplars } : {}),
    });
  }
  if (spec.type === 'gauge') {
    const box = input.box;
    const size = box ? Math.min(box.clientWidth / Math.max(1, series.length), box.clientHeight) : 200;
    return gaugeOption(valuesShown(spec, series, theme), spec.fieldConfig.defaults, theme, size);
  }
  if (spec.type === 'heatmap' && input.heatmap) return heatmapOption(input.heatmap, spec.fieldConfig.defaults, theme, input.timeZone);
  if (spec.type === 'piechart') return pieOption(panelSlices(spec, series, theme), spec.options, theme);
  if (spec.type === 'barchart') return barchartOption(panelBars(spec, series, theme, input.timeZone), spec.options, theme);
  if (spec.type === 'histogram') {
    // Bands side by side with no gap, stacked as the field says (Grafana keeps a histogram's stacking there).
    const stacking = spec.fieldConfig.defaults.custom?.stacking?.mode ?? 'none';
    return barchartOption(histogramBars(series, spec.options, theme), { ...spec.options, stacking, groupWidth: 0.98, barWidth: 1, showValue: spec.options.showValue ?? 'never' }, theme);
  }
  return undefined;
}
