/**
 * Histogram panel → bars (drawn by barchart.ts): how many samples of each series fall in each
 * band of values, as Grafana's histogram counts them. Bands are `bucketSize` wide (else a round
 * size giving about `bucketCount` bands, 30 by default) and start at `bucketOffset` (0); with
 * `combine`, one count for all series together. Several series' bars are drawn over one another,
 * see-through, as Grafana draws them (or stacked, as the field's stacking says).
 */
import { formatValueText, type PanelOptions } from '@promkit/core';
import type { ChartTheme } from '../theme/theme.js';
import type { BarData } from './barchart.js';
import { drawnSeries, seriesColor, seriesColors, type TimeseriesSeries } from './timeseries.js';

/** A round band width (1, 2 or 5 × 10ⁿ) giving about `count` bands over `span`. */
export function roundBucketSize(span: number, count: number): number {
  if (!(span > 0)) return 1;
  const raw = span / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].find((m) => m * magnitude >= raw)! * magnitude;
  return Number(step.toPrecision(12));
}

export function histogramBars(all: readonly TimeseriesSeries[], options: PanelOptions, theme: ChartTheme): BarData {
  const series = drawnSeries(all);
  const values = series.map((s) => Array.from(s.frame.values).filter(Number.isFinite));
  const flat = values.flat();
  if (flat.length === 0) return { categories: [], headings: [], bars: [] };
  const min = Math.min(...flat);
  const max = Math.max(...flat);
  const size = options.bucketSize ?? roundBucketSize(max - min, options.bucketCount ?? 30);
  const offset = options.bucketOffset ?? 0;
  // A value on a band's edge is in the band it starts (1.2 / 0.1 is 11.999… in floating point).
  const band = (v: number) => Math.floor((v - offset) / size + 1e-9);
  const first = band(min);
  const count = Math.max(1, band(max) - first + 1);
  const lower = (b: number) => Number((offset + (first + b) * size).toPrecision(12));
  const countsOf = (list: readonly number[]) => {
    const counts = new Array<number>(count).fill(0);
    for (const v of list) counts[Math.min(count - 1, band(v) - first)]! += 1;
    return counts;
  };
  const field = series[0]!.field;
  const colors = seriesColors(all, theme);
  const unit = field.unit ?? 'none';
  const countField = { unit: 'short', decimals: 0 };
  const bars = options.combine
    ? [{ name: 'Count', color: seriesColor(field, 0, theme), field: countField, values: countsOf(flat) }]
    : series.map((s, i) => ({ name: s.name, color: colors[all.indexOf(s)]!, field: countField, values: countsOf(values[i]!) }));
  const edges = Array.from({ length: count + 1 }, (_, b) => formatValueText(lower(b), unit, field.decimals));
  const categories = edges.slice(0, count);
  const headings = categories.map((low, b) => `${low} – ${edges[b + 1]}`);
  return { categories, headings, bars, overlap: bars.length > 1 };
}
