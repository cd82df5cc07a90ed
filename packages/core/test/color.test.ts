import { describe, expect, it } from 'vitest';
import { GRAFANA_COLOR_NAMES, MAX_COLOR_LENGTH, isColor } from '@promkit/core';

describe('isColor', () => {
  it.each([
    'red',
    'RebeccaPurple',
    'LIGHTGOLDENRODYELLOW',
    'darkslategrey',
    'transparent',
    'Transparent',
    '#f00',
    '#F00A',
    '#ff0000',
    '#FF000080',
    'rgb(255, 0, 0)',
    'rgb(255,0,0)',
    'RGBA(255, 0, 0, 0.5)',
    'rgba(100%, 0%, 0%, .5)',
    'rgb(255 0 0)',
    'rgb(255 0 0 / 50%)',
    'rgb(255 0 0/0.5)',
    'rgba(0, 211, 255, 1)',
    'hsl(120, 100%, 50%)',
    'hsl(120deg 100% 50%)',
    'hsla(-30.5deg, 100%, 50%, 0.25)',
    'hsl(120 100% 50% / 0.3)',
    'green',
    'semi-dark-red',
    'dark-blue',
    'light-orange',
    'super-light-purple',
    'text',
    'panel-bg',
  ])('accepts %j', (value) => {
    expect(isColor(value)).toBe(true);
  });

  it('accepts every Grafana palette name (30 shades, text, panel-bg, transparent)', () => {
    expect(GRAFANA_COLOR_NAMES).toHaveLength(33);
    for (const name of GRAFANA_COLOR_NAMES) expect(isColor(name), name).toBe(true);
  });

  it.each([
    'red;position:fixed;inset:0',
    'red;position:fixed;inset:0;z-index:2147483647',
    'red;background-image:url(/x)',
    'red; background-image: url(/x)',
    'url(x)',
    'url(/x)',
    'expression(alert(1))',
    'var(--x)',
    'rgb(var(--x), 0, 0)',
    'rgb(calc(1 + 1), 0, 0)',
    'rgb(255, 0, 0) url(/x)',
    'rgb(255, 0, 0);',
    'rgb(255, 0, 0',
    'rgb(255, 0, 0))',
    'rgb(255, 0)',
    'rgb(255, 0, 0, 1, 1)',
    'rgb(255 0 0 / 1 / 1)',
    'rgb(255, 0 0)',
    'red}',
    'red}body{background:red',
    '}',
    'red!important',
    '#ff0000ff00',
    '#ff00f',
    '#ggg',
    '#',
    'ff0000',
    ' red',
    'red ',
    'red\n',
    '\tred',
    're\nd',
    'rgb(255,\t0, 0)',
    'rgb(255,\n0,0)',
    'hsl(120rad, 100%, 50%)',
    'hsl(120, 100deg, 50%)',
    'currentColor',
    'inherit',
    'initial',
    'unset',
    'Semi-Dark-Red',
    'semi-dark-pink',
    'blac\u212a',
    'red\u0000',
    '',
    '\\72 ed',
    '/*x*/red',
    'red/*',
    'javascript:alert(1)',
  ])('refuses %j', (value) => {
    expect(isColor(value)).toBe(false);
  });

  it('refuses very long strings, whatever they are made of', () => {
    for (const long of ['rgb(' + '1'.repeat(100_000) + ', 0, 0)', '#' + 'f'.repeat(100_000), 'rgb(' + ' '.repeat(100_000), 'rgb(1' + ' 1'.repeat(50_000)]) {
      expect(isColor(long)).toBe(false);
    }
    expect(isColor(`rgba(${'0'.repeat(MAX_COLOR_LENGTH)}, 0, 0, 1)`)).toBe(false);
  });

  it('refuses values that are not strings', () => {
    for (const value of [undefined, null, 0, 255, ['red'], { toString: () => 'red' }]) expect(isColor(value)).toBe(false);
  });
});
