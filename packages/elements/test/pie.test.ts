/** Pie chart slices and option: shares of what can be drawn, pie or donut, labels as asked. */
import { describe, expect, it } from 'vitest';
import { percentText, pieOption, pieSlices } from '../src/charts/pie.js';
import { reduceSeries } from '../src/charts/reduce.js';
import { frame, theme } from './fixtures.js';

const reduced = (values: number[]) => values.map((v, i) => reduceSeries(`s${i}`, frame(`s${i}`, [[0, v]]), { unit: 'short' }, 'lastNotNull', theme));
const colors = ['#a', '#b', '#c', '#d'];

describe('pieSlices', () => {
  it('shares the sum of the values a pie can draw; negative, NaN, infinite and hidden ones have no share', () => {
    const shares = pieSlices(reduced([1, 3, -2, Number.NaN]), colors).map((s) => s.share);
    expect(shares).toEqual([0.25, 0.75, undefined, undefined]);
    expect(pieSlices(reduced([1, 3, Infinity, 4]), colors, [false, true]).map((s) => s.share)).toEqual([0.2, undefined, undefined, 0.8]);
    expect(pieSlices(reduced([0, 0]), colors).map((s) => s.share)).toEqual([undefined, undefined]);
  });
});

describe('percentText', () => {
  it('whole percent, one decimal between 0 and 10', () => {
    expect([0, 0.022222, 0.2, 0.5, 1].map(percentText)).toEqual(['0%', '2.2%', '20%', '50%', '100%']);
  });
});

describe('pieOption', () => {
  const slices = pieSlices(reduced([1, 3]), colors);

  it('a pie, or a donut with an open middle; slices in their colours; no labels unless asked', () => {
    const [pie] = pieOption(slices, {}, theme).series as { radius: unknown[]; data: { value: number; itemStyle: { color: string } }[]; label: { show: boolean } }[];
    expect(pie!.radius).toEqual([0, '75%']);
    expect(pie!.data.map((d) => [d.value, d.itemStyle.color])).toEqual([[1, '#a'], [3, '#b']]);
    expect(pie!.label.show).toBe(false);
    const [donut] = pieOption(slices, { pieType: 'donut' }, theme).series as { radius: unknown[] }[];
    expect(donut!.radius).toEqual(['45%', '75%']);
  });

  it('labels say name, value and percent, in the order given, as plain text', () => {
    const [pie] = pieOption(slices, { displayLabels: ['name', 'value', 'percent'] }, theme).series as { label: { show: boolean; formatter: (p: { dataIndex: number }) => string } }[];
    expect(pie!.label.show).toBe(true);
    expect([0, 1].map((dataIndex) => pie!.label.formatter({ dataIndex }))).toEqual(['s0 · 1 · 25%', 's1 · 3 · 75%']);
  });
});
