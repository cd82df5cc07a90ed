import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDUCERS, UNITS, formatValue, formatValueText, reduce, reduceAll, onlySharedLabel, seriesName } from '@promkit/core';

describe('formatValueText', () => {
  it.each([
    [0, 'none', undefined, '0'],
    [1234.5678, 'none', undefined, '1235'],
    [12.3456, 'none', undefined, '12.3'],
    [0.012345, 'none', undefined, '0.0123'],
    [0.00001234, 'none', undefined, '0.0000123'],
    [5, 'none', 2, '5.00'],
    [1_500_000, 'short', undefined, '1.50 Mil'],
    [2_340, 'short', 1, '2.3 K'],
    [42.123, 'percent', 1, '42.1%'],
    [0.4567, 'percentunit', undefined, '45.7%'],
    [-1.797693134862316e306, 'percentunit', undefined, '-1.80e+308%'],
    [1536, 'bytes', undefined, '1.50 KiB'],
    [5 * 1024 ** 3, 'bytes', 0, '5 GiB'],
    [1500, 'decbytes', undefined, '1.50 kB'],
    [2048, 'bits', undefined, '2 Kib'],
    [12_500_000, 'bps', undefined, '12.5 Mb/s'],
    [999, 'Bps', undefined, '999 B/s'],
    [0.25, 's', undefined, '250 ms'],
    [90, 's', undefined, '1.50 mins'],
    [7200, 's', 0, '2 hours'],
    [3 * 86400, 's', undefined, '3 days'],
    [1500, 'ms', undefined, '1.50 s'],
    [0.5, 'ms', undefined, '0.500 ms'],
    [250, 'µs', undefined, '250 µs'],
    [250, 'us', undefined, '250 µs'],
    [1500, 'ns', undefined, '1.50 µs'],
    [93_784, 'dtdurations', undefined, '1 day'],
    [93_784, 'dtdurations', 1, '1 day, 2 hours'],
    [200, 'dtdurations', undefined, '3 minutes'],
    [200, 'dtdurations', 1, '3 minutes, 20 seconds'],
    [1, 'dtdurations', undefined, '1 second'],
    [-1.7625990849069044e308, 'dtdurations', undefined, '5.589165033317175e+300 years ago'],
    [2_400_000_000, 'hertz', undefined, '2.40 GHz'],
    [1234, 'reqps', undefined, '1.23K req/s'],
    [12, 'ops', undefined, '12 ops/s'],
    [21.5, 'celsius', 1, '21.5 °C'],
    [0.25, 'watt', undefined, '250 mW'],
    [3_500, 'watt', undefined, '3.50 kW'],
    [-1536, 'bytes', undefined, '-1.50 KiB'],
    [2048, 'kbytes', undefined, '2 MiB'],
    [1500, 'decmbytes', undefined, '1.50 GB'],
    [1536, 'binBps', undefined, '1.50 KiB/s'],
    [90, 'm', undefined, '1.50 hours'],
    [36, 'h', undefined, '1.50 days'],
    [1200, 'pps', undefined, '1.20 kp/s'],
    [0.5, 'volt', undefined, '500 mV'],
    [7, 'widgets', undefined, '7 widgets'],
  ])('%d in %s (decimals %s) is %j', (value, unit, decimals, text) => {
    expect(formatValueText(value, unit, decimals)).toBe(text);
  });

  it('writes NaN and infinities as Prometheus does, in any unit', () => {
    for (const { id } of UNITS) {
      expect(formatValueText(Number.NaN, id)).toBe('NaN');
      expect(formatValueText(Number.POSITIVE_INFINITY, id)).toBe('+Inf');
      expect(formatValueText(Number.NEGATIVE_INFINITY, id)).toBe('-Inf');
    }
  });

  it('keeps the number and unit apart for styling', () => {
    expect(formatValue(1536, 'bytes')).toEqual({ prefix: '', text: '1.50', suffix: ' KiB' });
  });

  it('properties: every unit formats every finite number to a short readable string', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(...UNITS.map((u) => u.id)), (value, unit) => {
        const f = formatValue(value, unit);
        expect(f.text).not.toMatch(/NaN|Infinity|undefined/);
        expect(f.text.length).toBeLessThan(40);
      }),
    );
  });
});

describe('reduce', () => {
  const values = Float64Array.from([3, Number.NaN, 1, 4, 1, 5, 9, 2, 6, Number.NaN]);

  it('computes every reducer, treating NaN as missing except for first and last', () => {
    const all = reduceAll(values, REDUCERS);
    const { stddev, p95, p99, ...exact } = all;
    expect(exact).toEqual({
      last: Number.NaN,
      lastNotNull: 6,
      first: 3,
      firstNotNull: 3,
      mean: 31 / 8,
      min: 1,
      max: 9,
      sum: 31,
      count: 8,
      range: 8,
      delta: 3 + 3 + 1 + 4 + 2 + 6, // increases, with each drop counted as a counter reset
      diff: 3,
      median: 3.5,
    });
    // Sorted: 1 1 2 3 4 5 6 9; p95 sits 0.65 of the way from 6 to 9, p99 0.93 of the way.
    expect(p95).toBeCloseTo(6 + 0.65 * 3, 12);
    expect(p99).toBeCloseTo(6 + 0.93 * 3, 12);
    expect(stddev).toBeCloseTo(Math.sqrt([3, 1, 4, 1, 5, 9, 2, 6].reduce((s, v) => s + (v - 31 / 8) ** 2, 0) / 8), 12);
  });

  it('an empty or all-NaN series reduces to NaN (count 0)', () => {
    for (const input of [new Float64Array(0), Float64Array.from([Number.NaN])]) {
      for (const r of REDUCERS) expect(reduce(input, r)).toBe(r === 'count' ? 0 : Number.NaN);
    }
  });

  it('handles 200,000 samples without overflowing the stack', () => {
    const big = Float64Array.from({ length: 200_000 }, (_, i) => i);
    expect(reduce(big, 'max')).toBe(199_999);
    expect(reduce(big, 'range')).toBe(199_999);
  });
});

describe('seriesName', () => {
  const labels = { __name__: 'http_requests_total', instance: 'api-1', method: 'GET', path: '<b>"x"</b>' };

  it('fills {{label}} placeholders, spaces allowed, absent labels empty', () => {
    expect(seriesName(labels, '{{instance}} {{ method }} {{missing}}!')).toBe('api-1 GET !');
  });

  it('without a template writes the Prometheus notation, values quoted and escaped as text', () => {
    expect(seriesName(labels)).toBe('http_requests_total{instance="api-1", method="GET", path="<b>\\"x\\"</b>"}');
    expect(seriesName({})).toBe('{}');
    expect(seriesName({ __name__: 'up' })).toBe('up');
  });

  it('a template that comes out empty (its labels are missing) falls back to the default name, as Grafana does', () => {
    expect(seriesName({ instance: 'node-1:9100' }, '{{ node }}')).toBe('{instance="node-1:9100"}');
    expect(seriesName({ instance: 'node-1:9100' }, '{{ node }}', 'instance')).toBe('node-1:9100');
    expect(seriesName({ instance: 'node-1:9100' }, 'cpu {{ node }}', 'instance')).toBe('cpu ');
  });

  it('names a series by its only label when every series of the panel has that one label alone', () => {
    expect(onlySharedLabel([{ namespace: 'a' }, { namespace: 'b' }])).toBe('namespace');
    expect(onlySharedLabel([{ namespace: 'a' }, { pod: 'b' }])).toBe(undefined);
    expect(onlySharedLabel([{ namespace: 'a' }, { namespace: 'b', pod: 'c' }])).toBe(undefined);
    expect(onlySharedLabel([{ __name__: 'up' }, { __name__: 'down' }]), 'the metric name counts').toBe('__name__');
    expect(onlySharedLabel([{}])).toBe(undefined);
    expect(seriesName({ namespace: 'kube-system' }, undefined, 'namespace')).toBe('kube-system');
    expect(seriesName({ namespace: 'kube-system', pod: 'x' }, undefined, 'namespace')).toBe('kube-system');
  });
});
