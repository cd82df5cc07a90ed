/**
 * Reductions of a series to one number, as stat, gauge and legend calcs use them. NaN samples
 * count as missing (Prometheus has no null), except for `last` and `first`, which report the
 * sample as it is. An empty input reduces to NaN.
 *
 * `+Inf` and `-Inf` samples (division by zero, a quantile in the `+Inf` bucket) take part as the
 * numbers they are, as in Grafana: float arithmetic decides, so `max`, `sum` and `mean` of a series
 * holding `+Inf` are `+Inf`, `min` stays the smallest finite sample, and `+Inf` with `-Inf` sums
 * to NaN. Percentiles sort infinities to the ends (the median of `1, 3, +Inf` is 3); `stddev` of a
 * series with an infinity is NaN, since the spread around an infinite mean has no value.
 */

/** Reduction names (Grafana's ids). */
export const REDUCERS = [
  'last',
  'lastNotNull',
  'first',
  'firstNotNull',
  'mean',
  'min',
  'max',
  'sum',
  'count',
  'range',
  'delta',
  'diff',
  'stddev',
  'median',
  'p95',
  'p99',
] as const;
export type Reducer = (typeof REDUCERS)[number];

/** The name Grafana shows for each reduction (legend headers, reduce and calculate-field columns). */
export const REDUCER_NAMES: Readonly<Record<Reducer, string>> = {
  last: 'Last',
  lastNotNull: 'Last *',
  first: 'First',
  firstNotNull: 'First *',
  mean: 'Mean',
  min: 'Min',
  max: 'Max',
  sum: 'Total',
  count: 'Count',
  range: 'Range',
  delta: 'Delta',
  diff: 'Difference',
  stddev: 'StdDev',
  median: 'Median',
  p95: '95th %',
  p99: '99th %',
};

/** Reduces values with one reducer. */
export function reduce(values: ArrayLike<number>, reducer: Reducer): number {
  if (reducer === 'last') return values.length ? values[values.length - 1]! : Number.NaN;
  if (reducer === 'first') return values.length ? values[0]! : Number.NaN;
  const present = presentValues(values);
  const n = present.length;
  switch (reducer) {
    case 'count':
      return n;
    case 'lastNotNull':
      return n ? present[n - 1]! : Number.NaN;
    case 'firstNotNull':
      return n ? present[0]! : Number.NaN;
  }
  if (n === 0) return Number.NaN;
  switch (reducer) {
    case 'sum':
      return sum(present);
    case 'mean':
      return sum(present) / n;
    case 'min':
      return extreme(present, -1);
    case 'max':
      return extreme(present, 1);
    case 'range':
      return extreme(present, 1) - extreme(present, -1);
    case 'diff':
      return present[n - 1]! - present[0]!;
    case 'delta':
      return counterDelta(present);
    case 'stddev': {
      const mean = sum(present) / n;
      return Math.sqrt(sum(present.map((v) => (v - mean) ** 2)) / n);
    }
    case 'median':
      return percentile(present, 0.5);
    case 'p95':
      return percentile(present, 0.95);
    case 'p99':
      return percentile(present, 0.99);
  }
}

/** Every reducer at once, for legend tables. */
export function reduceAll(values: ArrayLike<number>, reducers: readonly Reducer[]): Record<string, number> {
  return Object.fromEntries(reducers.map((r) => [r, reduce(values, r)]));
}

function presentValues(values: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) out.push(values[i]!);
  return out;
}

/** Largest (sign 1) or smallest (sign -1) value; a loop, since spreading 100k values overflows the stack. */
function extreme(values: readonly number[], sign: 1 | -1): number {
  let best = values[0]!;
  for (const v of values) if ((v - best) * sign > 0) best = v;
  return best;
}

/**
 * Kahan summation: sums of many samples stay exact to the last digit that matters. Once the total
 * is infinite (an infinite sample, or float64 overflow) there is nothing left to compensate: the
 * carry would be `Inf - Inf`, NaN, and turn `+Inf` into NaN.
 */
function sum(values: readonly number[]): number {
  let total = 0;
  let carry = 0;
  for (const v of values) {
    const y = v - carry;
    const t = total + y;
    const c = t - total - y;
    carry = Number.isFinite(c) ? c : 0;
    total = t;
  }
  return total;
}

/** Total increase of a counter, counting a drop as a reset to zero. */
function counterDelta(values: readonly number[]): number {
  let total = 0;
  for (let i = 1; i < values.length; i++) {
    const change = values[i]! - values[i - 1]!;
    total += change >= 0 ? change : values[i]!;
  }
  return total;
}

/** Linear interpolation between closest ranks (the method numpy and Grafana use). */
function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = q * (sorted.length - 1);
  const low = Math.floor(rank);
  return lerp(sorted[low]!, sorted[Math.ceil(rank)]!, rank - low);
}

/** The point `f` of the way from a to b (a ≤ b); an infinite end wins, as the limit says. */
function lerp(a: number, b: number, f: number): number {
  if (f === 0 || a === b) return a;
  if (a === Number.NEGATIVE_INFINITY) return b === Number.POSITIVE_INFINITY ? Number.NaN : a;
  if (b === Number.POSITIVE_INFINITY) return b;
  return a + (b - a) * f;
}
