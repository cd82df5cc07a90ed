import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinVariables, computeTiming, isIntervalSetting, parseDuration, parsePanel, resolveInterval, roundInterval } from '@promkit/core';

const HOUR = 3_600_000;

describe('computeTiming', () => {
  it('6 hours on a 1200 px chart with a 15 s scrape gives a 20 s step', () => {
    const t = computeTiming({ range: { from: 0, to: 6 * HOUR }, maxDataPoints: 1200 });
    expect(t.step).toBe(20);
    expect(t.rateInterval).toBe(60);
    expect(builtinVariables(t)).toEqual({
      __interval: '20s',
      __interval_ms: '20000',
      __rate_interval: '1m',
      __range: '6h',
      __range_s: '21600',
      __range_ms: '21600000',
    });
  });

  it('never steps below the min interval, which defaults to the scrape interval', () => {
    expect(computeTiming({ range: { from: 0, to: 5 * 60_000 }, maxDataPoints: 1000 }).step).toBe(15);
    expect(computeTiming({ range: { from: 0, to: 5 * 60_000 }, maxDataPoints: 1000, scrapeInterval: 5 }).step).toBe(5);
    expect(computeTiming({ range: { from: 0, to: 5 * 60_000 }, maxDataPoints: 1000, minInterval: 60 }).step).toBe(60);
  });

  it("Grafana's resolution 1/N multiplies the automatic step; the min interval is still the floor", () => {
    const range = { from: 0, to: 6 * HOUR };
    expect(computeTiming({ range, maxDataPoints: 1200, intervalFactor: 3 }).step).toBe(60);
    expect(computeTiming({ range, maxDataPoints: 1200, intervalFactor: 3, minInterval: 300 }).step).toBe(300);
    expect(builtinVariables(computeTiming({ range, maxDataPoints: 1200, intervalFactor: 2 })).__interval).toBe('40s');
    expect(() => computeTiming({ range, intervalFactor: 0 })).toThrow(/intervalFactor must be a positive number/);
  });

  it('$__rate_interval is max(step + scrape, 4 × scrape)', () => {
    const wide = computeTiming({ range: { from: 0, to: 7 * 24 * HOUR }, maxDataPoints: 500 });
    expect(wide.step).toBe(1800);
    expect(builtinVariables(wide)['__rate_interval']).toBe('30m15s');
  });

  it('properties: readable, aligned, within the point budget and the 11,000 cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_500_000_000_000, max: 1_900_000_000_000 }),
        fc.integer({ min: 1000, max: 400 * 24 * HOUR }),
        fc.integer({ min: 1, max: 20_000 }),
        fc.constantFrom(1, 5, 10, 15, 30, 60),
        (from, length, maxDataPoints, scrapeInterval) => {
          const t = computeTiming({ range: { from, to: from + length }, maxDataPoints, scrapeInterval });
          const points = Math.floor((t.end - t.start) / t.step) + 1;
          expect(points).toBeLessThanOrEqual(11_000);
          expect(t.step).toBeGreaterThanOrEqual(scrapeInterval);
          // Aligned: bounds are whole multiples of the step.
          expect(Math.abs(t.start / t.step - Math.round(t.start / t.step))).toBeLessThan(1e-6);
          expect(Math.abs(t.end / t.step - Math.round(t.end / t.step))).toBeLessThan(1e-6);
          expect(t.start * 1000).toBeLessThanOrEqual(from);
          expect(t.end * 1000).toBeLessThanOrEqual(from + length);
          expect(t.start).toBeLessThanOrEqual(t.end);
          // Every built-in duration is one Prometheus can read back to the same seconds.
          const vars = builtinVariables(t);
          expect(parseDuration(vars['__interval']!)).toBeCloseTo(t.step, 6);
          expect(parseDuration(vars['__rate_interval']!)).toBeCloseTo(t.rateInterval, 6);
        },
      ),
    );
  });

  it('refuses empty ranges and nonsense sizes', () => {
    expect(() => computeTiming({ range: { from: 10, to: 10 } })).toThrow(/"to" must be after "from"/);
    expect(() => computeTiming({ range: { from: 0, to: 10 }, maxDataPoints: 0 })).toThrow(/maxDataPoints must be a positive/);
  });
});

describe('roundInterval', () => {
  it.each([
    [0.0004, 0.001],
    [7, 10],
    [16, 20],
    [61, 120],
    [3601, 7200],
    [40_000_000, 63_072_000],
  ])('%d s rounds up to %d s', (raw, nice) => {
    expect(roundInterval(raw)).toBe(nice);
  });
});

describe('interval settings', () => {
  it('a duration, ">duration" or one variable whose value is one', () => {
    expect(['30s', '>1m', '$resolution', '${res}', '${res:text}', '[[res]]'].filter(isIntervalSetting)).toHaveLength(6);
    expect(['', 'abc', '$a$b', '1m $x', '${a'].filter(isIntervalSetting)).toEqual([]);
    expect(resolveInterval('$resolution', { resolution: '2m' })).toBe(120);
    expect(resolveInterval('>30s')).toBe(30);
    expect(resolveInterval('${res}', { res: { value: '1h', text: 'hour' } })).toBe(3600);
    expect(resolveInterval('$resolution', { resolution: 'auto' })).toBeUndefined();
    expect(resolveInterval('$resolution', {})).toBeUndefined();
    expect(resolveInterval(undefined)).toBeUndefined();
  });

  it('the schema takes them on targets and panels, and names what is wrong', () => {
    const panel = (extra: object, target: object = {}) => ({ id: 1, type: 'timeseries', gridPos: { x: 0, y: 0, w: 6, h: 4 }, targets: [{ refId: 'A', expr: 'up', ...target }], ...extra });
    expect(parsePanel(panel({ interval: '$resolution' }, { minInterval: '${step}', intervalFactor: 2 }))).toMatchObject({ interval: '$resolution', targets: [{ minInterval: '${step}', intervalFactor: 2 }] });
    expect(() => parsePanel(panel({ interval: 'fast' }))).toThrow('interval: must be a duration such as "15s", or a $variable whose value is one, got "fast"');
    expect(() => parsePanel(panel({}, { intervalFactor: 11 }))).toThrow(/targets\[0\]\.intervalFactor: must be 1–10, got 11/);
  });
});
