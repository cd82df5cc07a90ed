/** Colour by value: Grafana's continuous schemes and shades, and the RGB reading they need. */
import { describe, expect, it } from 'vitest';
import { COLOR_MODES, CONTINUOUS_SCHEMES, parsePanel, parseRgb, schemeColor, valueFraction, type Rgb } from '@promkit/core';
import { fromGrafana } from '@promkit/core/grafana';

const HUES: Record<string, Rgb> = { green: [0, 200, 0], yellow: [250, 250, 0], red: [200, 0, 0], blue: [0, 0, 200], purple: [100, 0, 100] };
const toRgb = (name: string) => HUES[name] ?? parseRgb(name);

describe('valueFraction', () => {
  it('is where a value lies between min and max, clamped; undefined for a non-number', () => {
    expect([valueFraction(25, 0, 100), valueFraction(-5, 0, 100), valueFraction(500, 0, 100), valueFraction(7, 7, 7)]).toEqual([0.25, 0, 1, 1]);
    expect([valueFraction(Number.NaN, 0, 1), valueFraction(Infinity, 0, 1), valueFraction(1, 5, 0)]).toEqual([undefined, undefined, undefined]);
  });
});

describe('schemeColor', () => {
  it('runs through the scheme’s colours in order, linearly between them', () => {
    expect(schemeColor('continuous-GrYlRd', 0, toRgb)).toBe('rgb(0, 200, 0)');
    expect(schemeColor('continuous-GrYlRd', 0.5, toRgb)).toBe('rgb(250, 250, 0)');
    expect(schemeColor('continuous-GrYlRd', 1, toRgb)).toBe('rgb(200, 0, 0)');
    expect(schemeColor('continuous-GrYlRd', 0.25, toRgb)).toBe('rgb(125, 225, 0)');
    expect(schemeColor('continuous-RdYlGr', 0, toRgb)).toBe('rgb(200, 0, 0)');
  });

  it('reads shaded palette names: dark towards black, super-light towards white', () => {
    // dark-blue is blue 30 % of the way to black; super-light-yellow 60 % of the way to white.
    expect(schemeColor('continuous-BlYlRd', 0, toRgb)).toBe('rgb(0, 0, 140)');
    expect(schemeColor('continuous-YlRd', 0, toRgb)).toBe('rgb(253, 253, 153)');
  });

  it('shades of the fixed colour: a tint at the bottom, the colour in the middle, a deep shade at the top', () => {
    expect(['#336699', 'rgb(51, 102, 153)'].map((c) => schemeColor('shades', 0.5, toRgb, c))).toEqual(['rgb(51, 102, 153)', 'rgb(51, 102, 153)']);
    expect(schemeColor('shades', 0, toRgb, '#336699')).toBe('rgb(204, 217, 230)');
    expect(schemeColor('shades', 1, toRgb, '#336699')).toBe('rgb(38, 77, 115)');
  });

  it('gives undefined when a colour it needs is not RGB it can read (the caller falls back)', () => {
    expect(schemeColor('continuous-BlPu', 0.5, () => undefined)).toBeUndefined();
    expect(schemeColor('shades', 0.5, toRgb)).toBeUndefined();
    expect(schemeColor('shades', 0.5, toRgb, 'hsl(10 20% 30%)')).toBeUndefined();
  });
});

describe('parseRgb', () => {
  it('reads #rgb, #rgba, #rrggbb, #rrggbbaa and rgb()/rgba() with numbers or percentages', () => {
    expect(['#f80', '#f80c', '#ff8800', '#ff8800cc', 'rgb(255, 136, 0)', 'rgba(255 136 0 / 0.5)', 'rgb(100%, 0%, 50%)'].map(parseRgb)).toEqual([
      [255, 136, 0], [255, 136, 0], [255, 136, 0], [255, 136, 0], [255, 136, 0], [255, 136, 0], [255, 0, 127.5],
    ]);
    expect(['red', 'hsl(0 100% 50%)', '#ff888', ''].map(parseRgb)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('colour modes in dashboards', () => {
  it('the schema takes every mode, and the Grafana import keeps each one', () => {
    expect(COLOR_MODES).toEqual(expect.arrayContaining(['palette-classic', 'palette-classic-by-name', 'fixed', 'shades', 'thresholds', ...Object.keys(CONTINUOUS_SCHEMES)]));
    for (const mode of COLOR_MODES) {
      const parsed = parsePanel({ id: 1, type: 'stat', gridPos: { x: 0, y: 0, w: 6, h: 4 }, targets: [{ refId: 'A', expr: 'up' }], fieldConfig: { defaults: { color: { mode } } } });
      expect(parsed.fieldConfig.defaults.color?.mode, mode).toBe(mode);
      const grafana = { title: 'G', schemaVersion: 39, panels: [{ id: 1, type: 'stat', title: 'S', gridPos: { x: 0, y: 0, w: 6, h: 4 }, targets: [{ refId: 'A', expr: 'up' }], fieldConfig: { defaults: { color: { mode, fixedColor: 'blue' } }, overrides: [] } }] };
      expect(fromGrafana(grafana).dashboard.panels[0]).toMatchObject({ fieldConfig: { defaults: { color: { mode } } } });
    }
  });
});
