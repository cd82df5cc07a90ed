/** Stat, gauge and bar gauge colours: a value mapping's colour, then a fixed colour, then thresholds. */
import { describe, expect, it } from 'vitest';
import type { FieldDefaults } from '@promkit/core';
import { reduceSeries } from '../src/charts/reduce.js';
import { frame, theme } from './fixtures.js';

const thresholds = { mode: 'absolute' as const, steps: [{ value: null, color: 'green' }, { value: 10, color: 'red' }] };
const colorOf = (field: FieldDefaults, value: number) => reduceSeries('a', frame('a', [[0, value]]), field, 'lastNotNull', theme).color;

describe('reduceSeries colours', () => {
  it('follows the thresholds by default', () => {
    expect([colorOf({ thresholds }, 3), colorOf({ thresholds }, 30)]).toEqual(['#00ff01', '#ff0001']);
  });

  it('a fixed colour scheme wins over the thresholds, as in Grafana', () => {
    expect(colorOf({ thresholds, color: { mode: 'fixed', fixedColor: '#7c3aed' } }, 30)).toBe('#7c3aed');
  });

  it("a value mapping's colour wins over both", () => {
    const mappings = [{ type: 'value' as const, options: { '30': { text: 'thirty', color: 'orange' } } }];
    expect(colorOf({ thresholds, mappings, color: { mode: 'fixed', fixedColor: '#7c3aed' } } as FieldDefaults, 30)).toBe('#ff9901');
  });
});
