/** One value per series for stat, gauge and bar gauge panels, by the panel's first reducer. */
import { reduce, type Panel, type Reducer } from '@promkit/core';
import type { ChartTheme } from '../../../theme/theme.js';
import type { TimeseriesSeries } from '../../../charts/timeseries.js';
import { reduceSeries, type ReducedValue } from '../../../charts/reduce.js';

export function reducedValues(spec: Panel, series: readonly TimeseriesSeries[], theme: ChartTheme): ReducedValue[] {
  const calc: Reducer = spec.options.reduceOptions?.calcs[0] ?? 'lastNotNull';
  // A colour scheme without a min and max spans the panel's own values, as in Grafana.
  const finite = series.map((s) => reduce(s.frame.values, calc)).filter(Number.isFinite);
  const span = finite.length > 0 ? { min: Math.min(...finite), max: Math.max(...finite) } : undefined;
  return series.map((s) => reduceSeries(s.name, s.frame, s.field, calc, theme, span));
}
