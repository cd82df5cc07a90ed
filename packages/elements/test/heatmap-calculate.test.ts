/** Heatmaps that bucket raw series themselves (Grafana's `calculate`): how many series in each band of values, at each time. */
import { describe, expect, it } from 'vitest';
import { calculatedBuckets } from '../src/charts/heatmap.js';
import { frame } from './fixtures.js';

/** The cells as [time index, band, count] triples. */
const triples = (cells: Float64Array) => Array.from({ length: cells.length / 3 }, (_, i) => [cells[i * 3], cells[i * 3 + 1], cells[i * 3 + 2]]);

describe('calculatedBuckets', () => {
  const frames = [
    frame('a', [[0, 0], [15, 10]]),
    frame('b', [[0, 5], [15, 10]]),
    frame('c', [[0, 10], [15, Number.NaN]]),
  ];

  it('splits the range of all values into equal bands and counts the series in each, per time', () => {
    const data = calculatedBuckets(frames, { mode: 'count', value: 2 });
    expect(data.times).toEqual([0, 15]);
    expect(data.buckets).toEqual(['5', '10']);
    // At 0: 0 in the low band, 5 and 10 in the high one (the top value belongs to the last band); at 15: two 10s, NaN not counted.
    expect(triples(data.cells)).toEqual([[0, 0, 1], [1, 0, 0], [0, 1, 2], [1, 1, 2]]);
    expect(data.max).toBe(2);
  });

  it('bands of a given size start on a multiple of it', () => {
    const data = calculatedBuckets([frame('a', [[0, 7], [15, 23]])], { mode: 'size', value: 10 });
    expect(data.buckets).toEqual(['10', '20', '30']);
    expect(triples(data.cells).filter((c) => c[2] === 1)).toEqual([[0, 0, 1], [1, 2, 1]]);
  });

  it('ten bands by default; no finite value gives no bands; a tiny size is capped at 200 bands', () => {
    expect(calculatedBuckets(frames).buckets).toHaveLength(10);
    expect(calculatedBuckets([frame('a', [[0, Number.NaN]])]).buckets).toEqual([]);
    expect(calculatedBuckets(frames, { mode: 'size', value: 1e-9 }).buckets).toHaveLength(200);
  });
});
