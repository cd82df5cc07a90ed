/** Reductions and formatting over series that hold +Inf and -Inf samples (division by zero). */
import { describe, expect, it } from 'vitest';
import { REDUCERS, formatValueText, reduce, reduceAll } from '@promkit/core';

const INF = Number.POSITIVE_INFINITY;

describe('reduce with infinities: float arithmetic over the present samples, as Grafana does', () => {
  const values = Float64Array.from([3, INF, 1, Number.NaN, 4]);

  it('max, mean, sum are +Inf; min and the order statistics of the finite part stay finite', () => {
    const all = reduceAll(values, REDUCERS);
    expect(all).toEqual({
      last: 4,
      lastNotNull: 4,
      first: 3,
      firstNotNull: 3,
      mean: INF,
      min: 1,
      max: INF,
      sum: INF,
      count: 4,
      range: INF,
      delta: INF,
      diff: 1,
      // Sorted 1 3 4 +Inf: the infinite sample is the largest, never a reason to give up.
      median: 3.5,
      p95: INF,
      p99: INF,
      // The spread around an infinite mean has no value.
      stddev: Number.NaN,
    });
  });

  it('+Inf and -Inf together: the sum and mean are NaN, min and max each infinity', () => {
    const both = Float64Array.from([INF, 2, -INF]);
    expect(reduce(both, 'sum')).toBeNaN();
    expect(reduce(both, 'mean')).toBeNaN();
    expect(reduce(both, 'max')).toBe(INF);
    expect(reduce(both, 'min')).toBe(-INF);
    expect(reduce(both, 'median')).toBe(2);
    // 0.95 of the way from -Inf to 5 is still -Inf.
    expect(reduce(Float64Array.from([-INF, 5]), 'p95')).toBe(-INF);
  });

  it('percentiles between equal infinities are those infinities, not NaN', () => {
    const infs = Float64Array.from([INF, INF, INF]);
    for (const r of ['median', 'p95', 'p99', 'max', 'mean', 'lastNotNull'] as const) expect(reduce(infs, r), r).toBe(INF);
    const negs = Float64Array.from([-INF, -INF]);
    for (const r of ['median', 'p95', 'min', 'mean'] as const) expect(reduce(negs, r), r).toBe(-INF);
  });

  it('a sum that overflows float64 is +Inf, not NaN', () => {
    expect(reduce(Float64Array.from([1.5e308, 1.5e308, 1]), 'sum')).toBe(INF);
    expect(reduce(Float64Array.from([-1.5e308, -1.5e308]), 'mean')).toBe(-INF);
  });

  it('the reductions format as Prometheus writes them', () => {
    expect(formatValueText(reduce(values, 'mean'), 'bytes')).toBe('+Inf');
    expect(formatValueText(reduce(Float64Array.from([-INF, 1]), 'min'), 's')).toBe('-Inf');
    expect(formatValueText(reduce(Float64Array.from([-INF, INF]), 'sum'), 'percent')).toBe('NaN');
  });
});
