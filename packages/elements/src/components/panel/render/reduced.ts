/** One value per series for stat, gauge and bar gauge panels, by the panel's first reducer. */
import { reduce, type Panel, type Reducer } from '@promkit/core';
import type { ChartTheme } from '../../../theme/theme.js';
import type { TimeseriesSeries } from '../../../charts/timeseries.js';
import { reduceSeries, type ReducedValue } from '../../../charts/reduce.js';
import { valueColor } from '../../../charts/value-color.js';

export function reducedValues(spec: Panel, series: readonly TimeseriesSeries[], theme: ChartTheme): ReducedValue[] {
  const calc: Reducer = spec.options.reduceOptions?.calcs[0] ?? 'lastNotNull';
  // A colour scheme without a min and max spans the panel's own values, as in Grafana.
  const finite = series.map((s) => reduce(s.frame.values, calc)).filter(Number.isFinite);
  const span = finite.length > 0 ? { min: Math.min(...finite), max: Math.max(...finite) } : undefined;
  return series.map((s) => reduceSeries(s.name, s.frame, s.field, calc, theme, span));
}

/** Panel types that show "no data" as their value (big, coloured), as Grafana does, not as a message. */
export const NO_DATA_AS_VALUE: ReadonlySet<Panel['type']> = new Set(['stat', 'gauge', 'bargauge']);

/**
 * The values a stat, gauge or bar gauge shows: one per series, or without any series one value
 * as Grafana shows it: the field's `noValue` text (else "No data") at the scale's start, in the
 * base colour (the first threshold, the fixed colour or the scheme's start).
 */
export function valuesShown(spec: Panel, series: readonly TimeseriesSeries[], theme: ChartTheme): ReducedValue[] {
  if (series.length > 0) return reducedValues(spec, series, theme);
  const field = spec.fieldConfig.defaults;
  const text = field.noValue ?? 'No data';
  const frame = { labels: {}, timestamps: new Float64Array(0), values: new Float64Array(0) };
  return [{ name: '', value: field.min ?? 0, previous: Number.NaN, formatted: { prefix: '', text, suffix: '' }, color: valueColor(Number.NEGATIVE_INFINITY, field, theme), frame }];
}
