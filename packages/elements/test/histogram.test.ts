/** Histograms: samples counted in value bands of a round size (or as set), per series or combined, as bars. */
import { describe, expect, it } from 'vitest';
import { histogramBars, roundBucketSize } from '../src/charts/histogram.js';
import { barchartOption } from '../src/charts/barchart.js';
import type { TimeseriesSeries } from '../src/charts/timeseries.js';
import { frame, theme } from './fixtures.js';

const series = (name: string, values: number[], hidden = false): TimeseriesSeries => ({ name, refId: 'A', frame: frame(name, values.map((v, i) => [i * 1000, v])), field: { unit: 's' }, hidden });

describe('roundBucketSize', () => {
  it('1, 2 or 5 times a power of ten, giving about the asked number of bands', () => {
    expect([roundBucketSize(10, 30), roundBucketSize(100, 30), roundBucketSize(1, 30), roundBucketSize(7, 7), roundBucketSize(0, 30)]).toEqual([0.5, 5, 0.05, 1, 1]);
  });
});

describe('histogramBars', () => {
  it('counts each series in bands from the offset, each band named by its lower bound in the unit; non-finite samples and hidden series are left out', () => {
    const data = histogramBars([series('a', [0.1, 0.4, 0.45, 1.2, Number.NaN]), series('b', [0.6, 0.7]), series('c', [5], true)], { bucketSize: 0.5 }, theme);
    expect(data.categories).toEqual(['0 s', '500 ms', '1 s']);
    expect(data.headings[1]).toBe('500 ms – 1 s');
    expect(data.bars.map((b) => [b.name, b.color, b.values])).toEqual([
      ['a', '#000001', [3, 0, 1]],
      ['b', '#000002', [0, 2, 0]],
    ]);
  });

  it('combined: one count of every sample; an offset moves the bands; a round size by default', () => {
    const two = [series('a', [0.1, 0.4, 1.2]), series('b', [0.6, 0.7])];
    expect(histogramBars(two, { bucketSize: 0.5, combine: true }, theme).bars.map((b) => [b.name, b.values])).toEqual([['Count', [2, 2, 1]]]);
    expect(histogramBars(two, { bucketSize: 0.5, bucketOffset: 0.25, combine: true }, theme).bars[0]!.values).toEqual([1, 3, 1]);
    expect(histogramBars(two, { combine: true, bucketCount: 11 }, theme).categories.length).toBe(12);
  });

  it("several series' bars are drawn over one another, see-through; stacked ones stack", () => {
    const data = histogramBars([series('a', [0.1]), series('b', [0.2])], { bucketSize: 0.5 }, theme);
    const drawn = (stacking: 'none' | 'normal') => (barchartOption(data, { stacking }, theme) as { series: { barGap: string; itemStyle: { opacity?: number } }[] }).series[1]!;
    expect([drawn('none').barGap, drawn('none').itemStyle.opacity]).toEqual(['-100%', 0.8]);
    expect(drawn('normal').itemStyle.opacity).toBeUndefined();
  });
});
