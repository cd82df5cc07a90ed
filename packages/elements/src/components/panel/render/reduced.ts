/** One value per series for stat, gauge and bar gauge panels, by the panel's first reducer. */
import type { Panel, Reducer } from '@promkit/core';
import type { ChartTheme } from '../../../theme/theme.js';
import type { TimeseriesSeries } from '../../../charts/timeseries.js';
import { reduceSeries, type ReducedValue } from '../../../charts/reduce.js';

export function reducedValues(spec: Panel, series: readonly TimeseriesSeries[], theme: ChartTheme): ReducedValue[] {
  const calc: Reducer = spec.options.reduceOptions?.calcs[0] ?? 'lastNotNull';
  return series.map((s) => reduceSeries(s.name, s.frame, s.field, calc, theme));
}
