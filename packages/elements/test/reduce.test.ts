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

describe('colour by value (continuous schemes and shades)', () => {
  const field = (mode: string, extra: Partial<FieldDefaults> = {}) => ({ thresholds, min: 0, max: 100, color: { mode }, ...extra }) as FieldDefaults;

  it('a continuous scheme colours a value by where it lies between min and max, over the thresholds', () => {
    expect(colorOf(field('continuous-GrYlRd'), 0)).toBe('rgb(0, 255, 1)');
    expect(colorOf(field('continuous-GrYlRd'), 50)).toBe('rgb(255, 255, 1)');
    expect(colorOf(field('continuous-GrYlRd'), 100)).toBe('rgb(255, 0, 1)');
    // Halfway from green to yellow; beyond max stays at red.
    expect(colorOf(field('continuous-GrYlRd'), 25)).toBe('rgb(128, 255, 1)');
    expect(colorOf(field('continuous-GrYlRd'), 500)).toBe('rgb(255, 0, 1)');
  });

  it('shades go from a tint of the fixed colour to a deep shade of it, the colour itself in the middle', () => {
    const shades = (value: number) => colorOf(field('shades', { color: { mode: 'shades', fixedColor: '#0000f1' } }), value);
    expect(shades(50)).toBe('rgb(0, 0, 241)');
    expect(shades(0)).toBe('rgb(191, 191, 252)');
    expect(shades(100)).toBe('rgb(0, 0, 181)');
  });

  it('without min and max, a stat panel spans its own values (reducedValues)', async () => {
    const { reducedValues } = await import('../src/components/panel/render/reduced.js');
    const spec = { type: 'stat', options: {}, fieldConfig: { defaults: { color: { mode: 'continuous-BlPu' } }, overrides: [] } } as never;
    const series = [10, 20, 30].map((v) => ({ name: String(v), refId: 'A', frame: frame(String(v), [[0, v]]), field: { color: { mode: 'continuous-BlPu' } } }) as never);
    expect(reducedValues(spec, series, theme).map((r) => r.color)).toEqual(['rgb(0, 0, 241)', 'rgb(85, 0, 201)', 'rgb(170, 0, 161)']);
  });
});
