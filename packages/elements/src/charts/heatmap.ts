/**
 * Heatmap over time of classic histogram buckets, or of raw series bucketed by value
 * (`calculate`, as Grafana does): frames of `sum by (le) (rate(x_bucket[…]))`,
 * one per `le`, become per-bucket counts (the cumulative buckets minus the one below). A count
 * that is not finite (an infinite rate, from division by zero) is no count: its cell is NaN,
 * which ECharts leaves empty, and it takes no part in the colour scale.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { formatValueText, type FieldDefaults, type Frame } from '@promkit/core';
import type { ChartTheme } from '../theme/theme.js';
import { domTooltip, type TooltipContent, type TooltipRenderer } from './tooltip.js';
import { axisTimeLabel, fullTimeLabel } from './time-format.js';

export interface HeatmapData {
  times: number[];
  /** Upper bounds, ascending, as labels. */
  buckets: string[];
  /** Flat [timeIndex, bucketIndex, count, …]. */
  cells: Float64Array;
  max: number;
}

/** Frames with an `le` label → per-bucket counts on a common time grid. */
export function bucketCounts(frames: Frame[]): HeatmapData {
  const withLe = frames
    .filter((f) => f.labels['le'] !== undefined)
    .map((f) => ({ f, le: f.labels['le'] === '+Inf' ? Number.POSITIVE_INFINITY : Number(f.labels['le']) }))
    .filter((x) => !Number.isNaN(x.le))
    .sort((a, b) => a.le - b.le);
  const times = sampleTimes(withLe.map(({ f }) => f));
  const timeIndex = new Map(times.map((t, i) => [t, i]));
  const cumulative = withLe.map(({ f }) => {
    const row = new Float64Array(times.length).fill(Number.NaN);
    f.timestamps.forEach((t, i) => (row[timeIndex.get(t)!] = f.values[i]!));
    return row;
  });
  const { cells, max } = gridCells(times.length, withLe.length, (t, b) => {
    const below = b === 0 ? 0 : cumulative[b - 1]![t]!;
    const difference = cumulative[b]![t]! - (Number.isNaN(below) ? 0 : below);
    return Number.isFinite(difference) ? Math.max(0, difference) : Number.NaN;
  });
  return { times, buckets: withLe.map(({ f }) => f.labels['le']!), cells, max };
}

/** Every time × band cell as flat [timeIndex, band, count] triples, bands outermost, and the largest count. */
function gridCells(timeCount: number, bandCount: number, countAt: (t: number, b: number) => number): { cells: Float64Array; max: number } {
  const cells = new Float64Array(timeCount * bandCount * 3);
  let o = 0;
  let max = 0;
  for (let b = 0; b < bandCount; b++) {
    for (let t = 0; t < timeCount; t++) {
      const count = countAt(t, b);
      cells[o++] = t;
      cells[o++] = b;
      cells[o++] = count;
      if (count > max) max = count;
    }
  }
  return { cells, max };
}

/** Every time any frame has a sample at, ascending. */
function sampleTimes(frames: Frame[]): number[] {
  return [...new Set(frames.flatMap((f) => [...f.timestamps]))].sort((a, b) => a - b);
}

/** How `calculate` buckets raw series: a number of equal buckets, or buckets of one size. */
export interface YBuckets {
  mode: 'count' | 'size';
  value: number;
}

/**
 * Raw series bucketed the way Grafana's heatmap `calculate` does, for series that are not
 * histograms: at each time, how many series have a value in each band of values. Bands split the
 * range of all finite values into `count` equal parts (10 unless given), or into parts of `size`;
 * labels are the bands' upper bounds.
 */
export function calculatedBuckets(frames: Frame[], buckets: YBuckets = { mode: 'count', value: 10 }): HeatmapData {
  const times = sampleTimes(frames);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const f of frames) for (const v of f.values) if (Number.isFinite(v)) (lo = Math.min(lo, v)), (hi = Math.max(hi, v));
  if (lo > hi) return { times, buckets: [], cells: new Float64Array(0), max: 0 };
  const bySize = buckets.mode === 'size' && buckets.value > 0;
  const count = Math.max(1, Math.round(buckets.value) || 10);
  const size = bySize ? buckets.value : (hi - lo || 1) / count;
  const start = bySize ? Math.floor(lo / size) * size : lo;
  // The top value has a band of its own by size (the last by count); at most 200 bands, so a tiny size cannot make millions of cells.
  const n = Math.min(200, bySize ? Math.floor((hi - start) / size) + 1 : count);
  const counts = new Float64Array(times.length * n);
  const timeIndex = new Map(times.map((t, i) => [t, i]));
  for (const f of frames) {
    f.values.forEach((v, i) => {
      if (!Number.isFinite(v)) return;
      const band = Math.min(n - 1, Math.floor((v - start) / size));
      const k = timeIndex.get(f.timestamps[i]!)! * n + band;
      counts[k] = counts[k]! + 1;
    });
  }
  const { cells, max } = gridCells(times.length, n, (t, b) => counts[t * n + b]!);
  const labels = Array.from({ length: n }, (_, b) => String(Number((start + (b + 1) * size).toPrecision(12))));
  return { times, buckets: labels, cells, max };
}

export function heatmapOption(
  data: HeatmapData,
  field: FieldDefaults,
  theme: ChartTheme,
  timeZone: string,
  renderTooltip: TooltipRenderer = domTooltip,
): EChartsCoreOption {
  const span = (data.times.at(-1) ?? 0) - (data.times[0] ?? 0);
  const unit = field.unit ?? 'none';
  return {
    animation: false,
    textStyle: { fontFamily: theme.fontFamily, fontSize: theme.fontSize, color: theme.text },
    grid: { left: 8, right: 16, top: 12, bottom: 8, containLabel: true },
    dataset: { source: data.cells, dimensions: ['time', 'bucket', 'count'] },
    xAxis: {
      type: 'category',
      data: data.times,
      axisLabel: { color: theme.textMuted, hideOverlap: true, formatter: (v: string) => axisTimeLabel(Number(v), span, timeZone) },
      axisLine: { lineStyle: { color: theme.axis } },
    },
    yAxis: {
      type: 'category',
      data: data.buckets.map((le) => (le === '+Inf' ? '+Inf' : formatValueText(Number(le), unit))),
      axisLabel: { color: theme.textMuted },
      axisLine: { lineStyle: { color: theme.axis } },
    },
    tooltip: {
      confine: true,
      backgroundColor: theme.tooltipBackground,
      borderColor: theme.border,
      textStyle: { color: theme.text },
      formatter: (p: { value: ArrayLike<number> }) => renderTooltip(heatmapTooltip(data, p.value, timeZone)),
    },
    // Colours per cell from the count (no visualMap component: it weighs 11 KB gzip); the scale is
    // drawn by the panel, in HTML, from heatScale.
    series: [
      {
        type: 'heatmap',
        encode: { x: 'time', y: 'bucket', value: 'count' },
        progressive: 0,
        itemStyle: { color: (p: { value: ArrayLike<number> }) => heatColor(p.value[2]!, data.max, theme) },
      },
    ],
  };
}

/** The colour scale of heatmap cells, from no count to the most, in the theme's light or dark. */
export function heatScale(theme: Pick<ChartTheme, 'dark'>): readonly string[] {
  return theme.dark ? ['#0d1117', '#1f4e8c', '#5794f2', '#fade2a'] : ['#f6f8fa', '#9ecae1', '#2f7fd8', '#0b3d91'];
}

/** A cell's colour: its count's place between 0 and `max`, interpolated along heatScale. */
export function heatColor(count: number, max: number, theme: Pick<ChartTheme, 'dark'>): string {
  const stops = heatScale(theme);
  const t = max > 0 && Number.isFinite(count) ? Math.min(1, Math.max(0, count / max)) * (stops.length - 1) : 0;
  const i = Math.min(stops.length - 2, Math.floor(t));
  const [a, b] = [rgb(stops[i]!), rgb(stops[i + 1]!)];
  const mix = (k: number) => Math.round(a[k]! + (b[k]! - a[k]!) * (t - i));
  return `rgb(${mix(0)}, ${mix(1)}, ${mix(2)})`;
}

function rgb(hex: string): number[] {
  return [1, 3, 5].map((k) => Number.parseInt(hex.slice(k, k + 2), 16));
}

/** What a heatmap cell's tooltip shows: its time, its bucket and its count. */
export function heatmapTooltip(data: HeatmapData, value: ArrayLike<number>, timeZone: string): TooltipContent {
  const [t, b, count] = [value[0]!, value[1]!, value[2]!];
  return { heading: fullTimeLabel(data.times[t] ?? 0, timeZone), rows: [{ name: `le ${data.buckets[b] ?? ''}`, value: formatValueText(count, 'short') }] };
}
