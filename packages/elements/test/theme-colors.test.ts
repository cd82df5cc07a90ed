/** The render-time colour guard: a dashboard value that is not a colour is never handed to a chart. */
import { describe, expect, it } from 'vitest';
import type { FieldDefaults, Frame } from '@promkit/core';
import { gaugeOption } from '../src/charts/gauge.js';
import { reduceSeries } from '../src/charts/reduce.js';
import { seriesColor } from '../src/charts/timeseries.js';
import { resolveColor } from '../src/theme/theme.js';
import { theme } from './fixtures.js';

const HOSTILE = ['red;position:fixed;inset:0', 'red;background-image:url(/x)', 'url(x)', 'var(--x)', 'red}', 'expression(1)', ' red', '', 42, undefined];

describe('resolveColor', () => {
  it.each([
    ['red', theme.named['red']],
    ['semi-dark-red', theme.named['red']],
    ['dark-blue', theme.named['blue']],
    ['light-orange', theme.named['orange']],
    ['super-light-purple', theme.named['purple']],
    ['text', theme.text],
    ['panel-bg', theme.background],
    ['transparent', 'transparent'],
    ['#abc', '#abc'],
    ['rgba(1, 2, 3, 0.5)', 'rgba(1, 2, 3, 0.5)'],
    ['cornflowerblue', 'cornflowerblue'],
  ])('%j is %j', (color, expected) => {
    expect(resolveColor(color, theme)).toBe(expected);
  });

  it.each(HOSTILE)('drops %j', (color) => {
    expect(resolveColor(color, theme)).toBeUndefined();
  });
});

describe('chart builders fall back to their own colour for a value that slipped through', () => {
  it.each(HOSTILE.filter((c): c is string => typeof c === 'string' && c !== ''))('%j', (color) => {
    const field = { color: { mode: 'fixed', fixedColor: color }, thresholds: { mode: 'absolute', steps: [{ value: null, color }] } } as FieldDefaults;
    expect(seriesColor(field, 1, theme)).toBe(theme.palette[1]);
    const frame: Frame = { labels: {}, timestamps: Float64Array.from([0]), values: Float64Array.from([1]) };
    const reduced = reduceSeries('a', frame, field, 'lastNotNull', theme);
    expect(reduced.color).toBeUndefined();
    expect(JSON.stringify(gaugeOption([reduced], field, theme))).not.toContain(color);
  });
});
