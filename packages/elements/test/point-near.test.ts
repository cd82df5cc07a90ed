/** Which point a click on a time series is on (charts/point-near.ts), in Node. */
import { describe, expect, it } from 'vitest';
import type { FieldDefaults } from '@promkit/core';
import { pointNear } from '../src/charts/point-near.js';
import type { TimeseriesSeries } from '../src/charts/timeseries.js';
import { frame } from './fixtures.js';

const series = (field: FieldDefaults = {}, extra: Partial<TimeseriesSeries>[] = []): TimeseriesSeries[] =>
  [
    frame('low', [[0, 1], [10_000, 2], [20_000, 3]]),
    frame('high', [[0, 10], [10_000, 20], [20_000, Number.NaN]]),
  ].map((f, i) => ({ name: f.labels['name']!, refId: 'A', frame: f, field, ...extra[i] }));

describe('pointNear', () => {
  it('takes the sample nearest the clicked time of the series drawn nearest the clicked value', () => {
    expect(pointNear(series(), {}, { time: 9_000, value: 4 }, 15_000)).toMatchObject({ series: { name: 'low' }, time: 10_000, value: 2 });
    expect(pointNear(series(), {}, { time: 9_000, value: 15 }, 15_000)).toMatchObject({ series: { name: 'high' }, time: 10_000, value: 20 });
    // A gap is no candidate; too far from any sample is none.
    expect(pointNear(series(), {}, { time: 21_000, value: 50 }, 15_000)).toMatchObject({ series: { name: 'low' }, time: 20_000 });
    expect(pointNear(series(), {}, { time: 90_000, value: 1 }, 15_000)).toBeUndefined();
    // Within reach of the pointer only.
    expect(pointNear(series(), {}, { time: 10_000, value: 5, reach: 2 }, 15_000)).toBeUndefined();
    expect(pointNear(series(), {}, { time: 10_000, value: 3.5, reach: 2 }, 15_000)).toMatchObject({ series: { name: 'low' } });
  });

  it('keeps to the eligible, drawn series', () => {
    expect(pointNear(series(), {}, { time: 10_000, value: 19 }, 15_000, (s) => s.name === 'low')).toMatchObject({ series: { name: 'low' } });
    expect(pointNear(series({}, [{}, { hidden: true }]), {}, { time: 10_000, value: 19 }, 15_000)).toMatchObject({ series: { name: 'low' } });
  });

  it('reads values as stacked and negated, and gives the sample as it is', () => {
    const stacked: FieldDefaults = { custom: { stacking: { mode: 'normal' } } };
    // Stacked, "high" is drawn at 22 at 10 s: a click at 21 is on it; one at 11.5 is nearer "low" (at 2), unstacked nearer "high" (at 20).
    expect(pointNear(series(stacked), stacked, { time: 10_000, value: 21 }, 15_000)).toMatchObject({ series: { name: 'high' }, value: 20 });
    expect(pointNear(series(stacked), stacked, { time: 10_000, value: 11.5 }, 15_000)).toMatchObject({ series: { name: 'low' } });
    expect(pointNear(series(), {}, { time: 10_000, value: 11.5 }, 15_000)).toMatchObject({ series: { name: 'high' } });
    const percent: FieldDefaults = { custom: { stacking: { mode: 'percent' } } };
    // 2 of 22 is 9 %: a click at 50 % is nearer "high" (drawn at 100 %) than "low".
    expect(pointNear(series(percent), percent, { time: 10_000, value: 60 }, 15_000)).toMatchObject({ series: { name: 'high' }, value: 20 });
    expect(pointNear(series(percent), percent, { time: 10_000, value: 20 }, 15_000)).toMatchObject({ series: { name: 'low' }, value: 2 });
    const negated = series({}, [{}, { field: { custom: { transform: 'negative-Y' } } }]);
    expect(pointNear(negated, {}, { time: 10_000, value: -18 }, 15_000)).toMatchObject({ series: { name: 'high' }, value: 20 });
  });
});
