/**
 * Reductions of a series to one number, as stat, gauge and legend calcs use them. NaN samples
 * count as missing (Prometheus has no null), except for `last` and `first`, which report the
 * sample as it is. An empty input reduces to NaN.
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

/** Kahan summation: sums of many samples stay exact to the last digit that matters. */
function sum(values: readonly number[]): number {
  let total = 0;
  let carry = 0;
  for (const v of values) {
    const y = v - carry;
    const t = total + y;
    carry = t - total - y;
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
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}
