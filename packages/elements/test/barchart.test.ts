/** Bar charts: a bar per series from instant queries (a bar series per query), a group per time from range queries; stacking, percent, orientation, colours by value, values on bars. */
import { describe, expect, it } from 'vitest';
import { barchartOption, barData, barsPerSeries } from '../src/charts/barchart.js';
import type { TimeseriesSeries } from '../src/charts/timeseries.js';
import { frame, theme } from './fixtures.js';

const series = (name: string, refId: string, points: [number, number][], field: TimeseriesSeries['field'] = { unit: 'short' }, hidden = false): TimeseriesSeries => ({
  name,
  refId,
  frame: frame(name, points),
  field,
  hidden,
});
const input = { instant: true, calc: 'lastNotNull' as const, theme, timeZone: 'UTC' };

describe('barData', () => {
  it('instant: a category per series name, a bar series per query named as Grafana names table values; a missing pair is a gap', () => {
    const data = barData([series('GET', 'A', [[0, 3]]), series('POST', 'A', [[0, 1]]), series('GET', 'B', [[0, 0.5]])], input);
    expect(data.categories).toEqual(['GET', 'POST']);
    expect(data.bars.map((b) => [b.name, b.color, b.values])).toEqual([
      ['Value #A', '#000001', [3, 1]],
      ['Value #B', '#000002', [0.5, Number.NaN]],
    ]);
    expect(barData([series('GET', 'A', [[0, 3]])], input).bars[0]!.name).toBe('Value');
  });

  it('reduces each series by the panel reducer', () => {
    expect(barData([series('x', 'A', [[0, 1], [15_000, 5], [30_000, 3]])], { ...input, calc: 'max' }).bars[0]!.values).toEqual([5]);
  });

  it('per time: a category per sample time, a bar per series in its own colour; a toggled-off series is left out and the others keep their colours', () => {
    const all = [series('a', 'A', [[0, 1], [60_000, 2]]), series('b', 'A', [[60_000, 4]], { unit: 'short' }, true), series('c', 'A', [[0, 7]])];
    const data = barData(all, { ...input, instant: false });
    expect(data.categories).toEqual(['00:00:00', '00:01:00']);
    expect(data.headings[1]).toContain('00:01:00');
    expect(data.bars.map((b) => [b.name, b.color, b.values])).toEqual([
      ['a', '#000001', [1, 2]],
      ['c', '#000003', [7, Number.NaN]],
    ]);
  });

  it('is per series when every series comes from an instant query or has one sample', () => {
    const range = series('a', 'A', [[0, 1], [15_000, 2]]);
    expect(barsPerSeries([range], new Set(['A']))).toBe(true);
    expect(barsPerSeries([range], new Set())).toBe(false);
    expect(barsPerSeries([series('a', 'A', [[0, 1]])], new Set())).toBe(true);
  });
});

type Bar = { type: string; stack?: string; data: (number | string | { value: number; itemStyle: { color: string } })[]; label: { show: boolean; formatter: (p: { dataIndex: number }) => string } };

describe('barchartOption', () => {
  const data = barData([series('GET', 'A', [[0, 3]]), series('POST', 'A', [[0, 1]]), series('GET', 'B', [[0, 1]])], input);

  it('vertical bars side by side over a category axis, values written on them when they fit, formatted in the unit', () => {
    const option = barchartOption(data, {}, theme) as { xAxis: { type: string; data: string[] }; yAxis: { type: string }; series: Bar[] };
    expect([option.xAxis.type, option.yAxis.type]).toEqual(['category', 'value']);
    expect(option.xAxis.data).toEqual(['GET', 'POST']);
    expect(option.series.map((s) => [s.type, s.stack])).toEqual([['bar', undefined], ['bar', undefined]]);
    expect(option.series[1]!.data).toEqual([1, '-']);
    expect(option.series[0]!.label.show).toBe(true);
    expect(option.series[0]!.label.formatter({ dataIndex: 0 })).toBe('3');
    expect((barchartOption(data, { showValue: 'never' }, theme) as { series: Bar[] }).series[0]!.label.show).toBe(false);
  });

  it('horizontal: the category axis goes down, first category on top', () => {
    const option = barchartOption(data, { orientation: 'horizontal' }, theme) as { xAxis: { type: string }; yAxis: { type: string; inverse: boolean } };
    expect([option.xAxis.type, option.yAxis.type, option.yAxis.inverse]).toEqual(['value', 'category', true]);
  });

  it('stacked, and stacked to 100 %: each category as shares of its total, in percent', () => {
    const stacked = barchartOption(data, { stacking: 'normal' }, theme) as { series: Bar[] };
    expect(stacked.series.map((s) => s.stack)).toEqual(['total', 'total']);
    const percent = barchartOption(data, { stacking: 'percent' }, theme) as { series: Bar[]; yAxis: { max: number } };
    expect(percent.yAxis.max).toBe(1);
    expect(percent.series.map((s) => s.data[0])).toEqual([0.75, 0.25]);
    expect(percent.series[0]!.label.formatter({ dataIndex: 0 })).toBe('75%');
  });

  it('colours each bar by its value where the field colours by value (thresholds, a mapping), else by series', () => {
    const thresholds = { mode: 'absolute' as const, steps: [{ value: null, color: '#00aa00' }, { value: 2, color: '#aa0000' }] };
    const byValue = barData([series('a', 'A', [[0, 1]], { color: { mode: 'thresholds' }, thresholds }), series('b', 'A', [[0, 3]], { color: { mode: 'thresholds' }, thresholds })], input);
    const bars = (barchartOption(byValue, {}, theme) as { series: Bar[] }).series[0]!.data as { itemStyle: { color: string } }[];
    expect(bars.map((b) => b.itemStyle.color)).toEqual(['#00aa00', '#aa0000']);
    const mapped = barData([series('a', 'A', [[0, 1]], { mappings: [{ type: 'value', options: { 1: { color: '#123456' } } }] })], input);
    expect((barchartOption(mapped, {}, theme) as { series: Bar[] }).series[0]!.data[0]).toEqual({ value: 1, itemStyle: { color: '#123456' } });
  });
});
