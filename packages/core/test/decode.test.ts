import { describe, expect, it } from 'vitest';
import { PrometheusClient, decodeHistogram, formatSampleValue, isPromkitError, parseSampleValue, toFrames } from '@promkit/core';
import { fixture, fixtureFetch } from './fixture-fetch.js';

describe('sample values', () => {
  it.each([
    ['+Inf', Number.POSITIVE_INFINITY],
    ['Inf', Number.POSITIVE_INFINITY],
    ['-Inf', Number.NEGATIVE_INFINITY],
    ['NaN', Number.NaN],
    ['1e+300', 1e300],
    ['-2.5e-300', -2.5e-300],
    ['6.6000000000000005', 6.6000000000000005],
    ['0.1', 0.1],
    ['-0', -0],
    ['123456789012345678', 123456789012345680],
  ])('%s', (text, expected) => {
    expect(parseSampleValue(text)).toBe(expected);
  });

  it.each(['', ' 1', 'Infinity', '+inf', 'abc', '1,5'])('refuses %j', (text) => {
    expect(parseSampleValue(text)).toBeUndefined();
  });

  it('round-trips every special value through formatSampleValue', () => {
    for (const v of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1.5e-300, 42]) {
      expect(parseSampleValue(formatSampleValue(v))).toBe(v);
    }
  });
});

describe('native histograms', () => {
  it('decode counts, sums and every boundary rule', async () => {
    const { fetch } = fixtureFetch(fixture('native-histogram-range.json'));
    const r = await new PrometheusClient({ url: 'http://p', fetch }).queryRange({ query: 'h', start: 1700000000, end: 1700000030, step: 15 });
    const [first, mixed] = toFrames(r);
    expect(first!.values.length).toBe(0);
    expect([...first!.histograms!.timestamps]).toEqual([1700000000000, 1700000015500]);
    expect(first!.histograms!.values[0]).toEqual({
      count: 10,
      sum: 3.25,
      buckets: [
        { lower: -0.5, upper: -0.25, count: 1, lowerInclusive: false, upperInclusive: true },
        { lower: -0.001, upper: 0.001, count: 2, lowerInclusive: true, upperInclusive: true },
        { lower: 0.25, upper: 0.5, count: 3, lowerInclusive: true, upperInclusive: false },
        { lower: 0.5, upper: 1, count: 4, lowerInclusive: false, upperInclusive: false },
      ],
    });
    expect(first!.histograms!.values[1]!.sum).toBe(4);
    // A series with both float and histogram samples keeps both.
    expect([...mixed!.values]).toEqual([1]);
    expect(mixed!.histograms!.values).toEqual([{ count: 0, sum: 0, buckets: [] }]);
  });

  it('a bad number inside a histogram names its path', () => {
    try {
      decodeHistogram({ count: '1', sum: 'x', buckets: [] });
      expect.unreachable();
    } catch (error) {
      expect(isPromkitError(error, 'SchemaError')).toBe(true);
      expect((error as Error).message).toBe('Sample value "x" at histogram.sum is not a number.');
    }
  });
});

describe('toFrames', () => {
  it('reports the path of a sample that is not a number', () => {
    const result = {
      resultType: 'matrix' as const,
      result: [{ metric: {}, values: [[1, '1'], [2, 'oops']] as [number, string][] }],
      warnings: [],
      infos: [],
      partial: false,
    };
    expect(() => toFrames(result)).toThrow('Sample value "oops" at result[0].values[1][1] is not a number.');
  });

  it('turns a vector into one-sample frames and keeps series order', () => {
    const frames = toFrames({
      resultType: 'vector',
      result: [
        { metric: { a: '1' }, value: [10, '+Inf'] },
        { metric: { a: '2' }, value: [10, '2'] },
      ],
      warnings: [],
      infos: [],
      partial: false,
    });
    expect(frames.map((f) => [f.labels['a'], f.timestamps[0], f.values[0]])).toEqual([
      ['1', 10000, Number.POSITIVE_INFINITY],
      ['2', 10000, 2],
    ]);
  });
});
