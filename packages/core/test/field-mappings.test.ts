/** Value mappings: the first that applies gives the text and colour. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mapValue, type ValueMapping } from '@promkit/core';

const INF = Number.POSITIVE_INFINITY;

describe('mapValue', () => {
  it('matches an infinity by "Infinity" or by "+Inf"', () => {
    const grafana = { mappings: [{ type: 'value' as const, options: { Infinity: { text: 'unbounded' } } }] };
    const prometheus = { mappings: [{ type: 'value' as const, options: { '+Inf': { text: 'no limit' }, '-Inf': { text: 'none' } } }] };
    expect(mapValue(INF, grafana)?.text).toBe('unbounded');
    expect(mapValue(INF, prometheus)?.text).toBe('no limit');
    expect(mapValue(-INF, prometheus)?.text).toBe('none');
    expect(mapValue(5, prometheus)).toBe(undefined);
  });

  it('takes the first mapping that applies, in order: value, range, special, regex', () => {
    const mappings: ValueMapping[] = [
      { type: 'value', options: { '1': { text: 'up', color: 'green' } } },
      { type: 'range', options: { from: 0, to: 10, result: { text: 'low' } } },
      { type: 'range', options: { from: null, to: null, result: { text: 'any number' } } },
      { type: 'special', options: { match: 'nan', result: { text: 'no value' } } },
    ];
    expect([1, 0, 10, 10.5, Number.NaN].map((v) => mapValue(v, { mappings })?.text)).toEqual(['up', 'low', 'low', 'any number', 'no value']);
    expect(mapValue(1, { mappings })).toEqual({ text: 'up', color: 'green' });
  });

  it('matches NaN with special nan, null or null+nan only (never a range), and regex against the text', () => {
    for (const match of ['nan', 'null', 'null+nan'] as const) expect(mapValue(Number.NaN, { mappings: [{ type: 'special', options: { match, result: { text: match } } }] })?.text).toBe(match);
    expect(mapValue(Number.NaN, { mappings: [{ type: 'special', options: { match: 'empty', result: { text: 'x' } } }] })).toBe(undefined);
    expect(mapValue(Number.NaN, { mappings: [{ type: 'range', options: { from: null, to: null, result: { text: 'x' } } }] })).toBe(undefined);
    expect(mapValue(404, { mappings: [{ type: 'regex', options: { pattern: '/^4\\d\\d$/', result: { text: 'client error' } } }] })?.text).toBe('client error');
  });

  it('never returns an entry inherited from Object.prototype', () => {
    expect(mapValue(5, { mappings: [{ type: 'value', options: {} }] })).toBe(undefined);
    expect(mapValue(5, {})).toBe(undefined);
  });

  it('a range maps exactly the numbers within its bounds (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), fc.double({ noNaN: true }), (a, b, v) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const mapped = mapValue(v, { mappings: [{ type: 'range', options: { from, to, result: { text: 'in' } } }] });
        expect(mapped?.text === 'in').toBe(v >= from && v <= to);
      }),
    );
  });
});
