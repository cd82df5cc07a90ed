/**
 * Bar chart panel → ECharts option, as Grafana's bar chart reads Prometheus data: instant queries
 * give a bar per series, named by its legend, with one bar series per query (reduced by the
 * panel's reducer); range queries give a group of bars per time, a bar per series. Bars are
 * coloured by series (palette or fixed colour), or by value where the field colours by value
 * (thresholds, schemes, value mappings). Stacked, percent-stacked, horizontal; values written on
 * the bars when they fit (`showValue`). Tooltips are built as text (tooltip.ts).
 */
import type { EChartsCoreOption } from 'echarts/core';
import { formatTickText, formatValueText, isByValue, mapValue, reduce, type FieldDefaults, type PanelOptions, type Reducer } from '@promkit/core';
import { resolveColor, type ChartTheme } from '../theme/theme.js';
import { domTooltip, type TooltipRenderer } from './tooltip.js';
import { axisTimeLabel, fullTimeLabel } from './time-format.js';
import { drawnSeries, seriesColor, seriesColors, type TimeseriesSeries } from './timeseries.js';
import { valueColor } from './value-color.js';

/** One bar series: a value per category, its name and colour, and the field that formats it. */
export interface BarSeries {
  name: string;
  color: string;
  field: FieldDefaults;
  values: number[];
}

/** What a bar chart draws: categories along its axis, and the bar series over them. */
export interface BarData {
  categories: string[];
  /** Each category's name as the tooltip heads it (the full time for a time category). */
  headings: string[];
  bars: BarSeries[];
  /** Each category's bars drawn over one another, see-through (a histogram's series), not side by side. */
  overlap?: boolean;
}

/** Whether the panel's bars are per series (every series from an instant query, or one sample each) rather than per time. */
export function barsPerSeries(series: readonly TimeseriesSeries[], instantRefIds: ReadonlySet<string>): boolean {
  return series.length > 0 && series.every((s) => instantRefIds.has(s.refId) || s.frame.timestamps.length <= 1);
}

/** Bars per series: one bar series per query, named as Grafana names table values (`Value`, or `Value #A`… with several), in its place's colour. */
export function queryBars(series: readonly TimeseriesSeries[], theme: ChartTheme): (Omit<BarSeries, 'values'> & { refId: string })[] {
  const refIds = [...new Set(series.map((s) => s.refId))];
  return refIds.map((refId, i) => {
    const field = series.find((s) => s.refId === refId)!.field;
    return { refId, name: refIds.length === 1 ? 'Value' : `Value #${refId}`, color: seriesColor(field, i, theme), field };
  });
}

/**
 * Bars from the panel's series (those toggled off or hidden from the chart are left out, the
 * others keep their colour). `instant`: a category per series name and a bar series per query
 * (queryBars); else a category per sample time and a bar series per series.
 */
export function barData(all: readonly TimeseriesSeries[], input: { instant: boolean; calc: Reducer; theme: ChartTheme; timeZone: string }): BarData {
  const { theme } = input;
  const series = drawnSeries(all);
  if (input.instant) {
    const categories = [...new Set(series.map((s) => s.name))];
    const bars = queryBars(series, theme).map(({ refId, ...bar }): BarSeries => {
      const values = categories.map((name) => {
        const s = series.find((x) => x.refId === refId && x.name === name);
        return s ? reduce(s.frame.values, input.calc) : Number.NaN;
      });
      return { ...bar, values };
    });
    return { categories, headings: categories, bars };
  }
  const times = [...new Set(series.flatMap((s) => [...s.frame.timestamps]))].sort((a, b) => a - b);
  const span = (times.at(-1) ?? 0) - (times[0] ?? 0);
  const colors = seriesColors(all, theme);
  const bars = series.map((s): BarSeries => {
    const at = new Map<number, number>();
    s.frame.timestamps.forEach((t, k) => at.set(t, s.frame.values[k]!));
    return { name: s.name, color: colors[all.indexOf(s)]!, field: s.field, values: times.map((t) => at.get(t) ?? Number.NaN) };
  });
  return { categories: times.map((t) => axisTimeLabel(t, span, input.timeZone)), headings: times.map((t) => fullTimeLabel(t, input.timeZone)), bars };
}

/** Each category's values as shares of its total (percent stacking); NaN stays a gap. */
function asShares(bars: readonly BarSeries[]): number[][] {
  return bars.map((b) =>
    b.values.map((v, c) => {
      const total = bars.reduce((sum, x) => sum + (Number.isFinite(x.values[c]) ? Math.abs(x.values[c]!) : 0), 0);
      return Number.isFinite(v) && total > 0 ? v / total : Number.NaN;
    }),
  );
}

/** Bars a category can hold before `showValue: auto` stops writing values on them. */
const AUTO_VALUE_BARS = 24;

export function barchartOption(data: BarData, options: PanelOptions, theme: ChartTheme, renderTooltip: TooltipRenderer = domTooltip): EChartsCoreOption {
  const stacking = options.stacking ?? 'none';
  const horizontal = options.orientation === 'horizontal';
  const shown = stacking === 'percent' ? asShares(data.bars) : data.bars.map((b) => b.values);
  const unitOf = (b: BarSeries) => (stacking === 'percent' ? 'percentunit' : b.field.unit ?? 'none');
  const axisUnit = data.bars[0] ? unitOf(data.bars[0]) : 'none';
  const text = (b: BarSeries, v: number) => formatValueText(v, unitOf(b), stacking === 'percent' ? 0 : b.field.decimals);
  const showValue = options.showValue ?? 'auto';
  const writeValues = showValue === 'always' || (showValue === 'auto' && data.categories.length * (stacking === 'none' ? data.bars.length : 1) <= AUTO_VALUE_BARS);
  const categoryAxis = {
    type: 'category',
    data: data.categories,
    ...(horizontal ? { inverse: true } : {}),
    axisLabel: { color: theme.textMuted, hideOverlap: true, rotate: horizontal ? 0 : (options.xTickLabelRotation ?? 0) },
    axisLine: { lineStyle: { color: theme.axis } },
    axisTick: { show: false },
  };
  const valueAxis = {
    type: 'value',
    ...(stacking === 'percent' ? { max: 1 } : {}),
    axisLabel: { color: theme.textMuted, formatter: (v: number) => formatTickText(v, axisUnit, stacking === 'percent' ? 0 : data.bars[0]?.field.decimals) },
    splitLine: { lineStyle: { color: theme.grid } },
  };
  const groupGap = `${Math.round((1 - (options.groupWidth ?? 0.7)) * 100)}%`;
  return {
    animation: false,
    textStyle: { fontFamily: theme.fontFamily, fontSize: theme.fontSize, color: theme.text },
    grid: { left: 8, right: 16, top: writeValues && !horizontal ? 20 : 12, bottom: 8, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    tooltip: {
      trigger: 'axis',
      confine: true,
      axisPointer: { type: 'shadow' },
      backgroundColor: theme.tooltipBackground,
      borderColor: theme.border,
      textStyle: { color: theme.text },
      formatter: (params: { dataIndex: number; seriesIndex: number }[]) => {
        const c = params[0]?.dataIndex ?? 0;
        return renderTooltip({
          heading: data.headings[c] ?? '',
          rows: params.map((p) => ({ color: data.bars[p.seriesIndex]!.color, name: data.bars[p.seriesIndex]!.name, value: text(data.bars[p.seriesIndex]!, shown[p.seriesIndex]![c]!) })),
        });
      },
    },
    series: data.bars.map((b, i) => ({
      type: 'bar',
      name: b.name,
      ...(stacking === 'none' ? {} : { stack: 'total' }),
      barCategoryGap: groupGap,
      barGap: data.overlap && stacking === 'none' ? '-100%' : `${Math.round((1 - (options.barWidth ?? 0.97)) * 100)}%`,
      itemStyle: { color: b.color, ...(data.overlap && stacking === 'none' ? { opacity: 0.8 } : {}) },
      label: {
        show: writeValues,
        position: stacking === 'none' ? (horizontal ? 'right' : 'top') : 'inside',
        color: stacking === 'none' ? theme.text : '#ffffff',
        fontSize: theme.fontSize - 1,
        formatter: (p: { dataIndex: number }) => (Number.isFinite(shown[i]![p.dataIndex]) ? text(b, shown[i]![p.dataIndex]!) : ''),
      },
      emphasis: { focus: 'none' },
      data: shown[i]!.map((v, c) => {
        const own = byValueColor(b, b.values[c]!, theme);
        return Number.isFinite(v) ? (own ? { value: v, itemStyle: { color: own } } : v) : '-';
      }),
    })),
  };
}

/** A bar's own colour when its field colours by value (thresholds, a scheme, a mapping with a colour). */
function byValueColor(b: BarSeries, value: number, theme: ChartTheme): string | undefined {
  const mode = b.field.color?.mode;
  if (mode === 'thresholds' || isByValue(mode)) return valueColor(value, b.field, theme);
  const mapped = mapValue(value, b.field)?.color;
  return mapped ? resolveColor(mapped, theme) : undefined;
}
