/** Thresholds: the active step and its colour. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { activeStep, thresholdColor, type Thresholds } from '@promkit/core';

const traffic: Thresholds = { mode: 'absolute', steps: [{ value: null, color: 'green' }, { value: 80, color: 'orange' }, { value: 90, color: 'red' }] };

describe('thresholdColor', () => {
  it('takes the highest step at or below the value, the base step below them all', () => {
    expect([-1e9, 0, 79.99, 80, 89, 90, 1e9].map((v) => thresholdColor(v, traffic))).toEqual(['green', 'green', 'green', 'orange', 'orange', 'red', 'red']);
  });

  it('places infinities at the ends and gives NaN or no thresholds no colour', () => {
    expect(thresholdColor(Number.POSITIVE_INFINITY, traffic)).toBe('red');
    expect(thresholdColor(Number.NEGATIVE_INFINITY, traffic)).toBe('green');
    expect(thresholdColor(Number.NaN, traffic)).toBe(undefined);
    expect(thresholdColor(5, undefined)).toBe(undefined);
  });

  it('in percentage mode, compares the value placed between min and max', () => {
    const percent: Thresholds = { mode: 'percentage', steps: [{ value: null, color: 'green' }, { value: 50, color: 'red' }] };
    expect(thresholdColor(14, percent, 10, 20)).toBe('green');
    expect(thresholdColor(15, percent, 10, 20)).toBe('red');
    // min = max divides by 1, not 0.
    expect(thresholdColor(10.5, percent, 10, 10)).toBe('red');
  });

  it('does not need sorted steps', () => {
    const unsorted: Thresholds = { mode: 'absolute', steps: [{ value: null, color: 'green' }, { value: 90, color: 'red' }, { value: 80, color: 'orange' }] };
    expect([85, 95].map((v) => thresholdColor(v, unsorted))).toEqual(['orange', 'red']);
    expect(activeStep(95, unsorted)).toEqual({ value: 90, color: 'red' });
  });

  const steps = fc.uniqueArray(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 6 }).map(
    (values): Thresholds => ({ mode: 'absolute', steps: [{ value: null, color: '#000000' }, ...values.map((value, i) => ({ value, color: `#00000${i + 1}` }))] }),
  );

  it('is monotone: a larger value never falls in a lower step (property)', () => {
    fc.assert(
      fc.property(steps, fc.double({ noNaN: true }), fc.double({ noNaN: true }), (thresholds, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const level = (v: number) => activeStep(v, thresholds)?.value ?? Number.NEGATIVE_INFINITY;
        expect(level(lo)).toBeLessThanOrEqual(level(hi));
      }),
    );
  });

  it('the active step is at or below the value, and no other step lies between them (property)', () => {
    fc.assert(
      fc.property(steps, fc.double({ min: -2e6, max: 2e6, noNaN: true }), (thresholds, v) => {
        const step = activeStep(v, thresholds)!;
        const bound = step.value ?? Number.NEGATIVE_INFINITY;
        expect(bound).toBeLessThanOrEqual(v);
        expect(thresholds.steps.some((s) => s.value !== null && s.value > bound && s.value <= v)).toBe(false);
      }),
    );
  });
});
