/**
 * Stat options as Grafana has them, in <prom-panel> against the real Prometheus: colorMode paints
 * the value, the tile (gradient or solid, with text that reads on it) or nothing; textMode shows
 * the value, the name, both or neither.
 */
import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { T0, T_END } from '../../../../../tests/harness/dataset.mjs';
import { panelStage, renderPanel } from '../../../../../tests/browser/panel-render.js';
import type { PanelSpec, PromPanel } from './panel.component.js';
import { readableOn } from './render/stat.js';
import './panel.js';

const url = window.__PROMKIT_TEST__.prometheusUrl;
const HOUR_RANGE = `${new Date(T0 * 1000).toISOString()},${new Date(T_END * 1000).toISOString()}`;
const stage = panelStage();
afterEach(() => stage.replaceChildren());

/** Both rooms, green below 19 °C and red above. */
function spec(options: PanelSpec['options']): PanelSpec {
  return {
    type: 'stat',
    title: 'Rooms',
    targets: [{ refId: 'A', expr: 'promkit_temperature_celsius', legendFormat: '{{room}}' }],
    fieldConfig: { defaults: { unit: 'celsius', thresholds: { mode: 'absolute', steps: [{ value: null, color: 'green' }, { value: 19, color: 'red' }] } }, overrides: [] },
    options,
  };
}

const mount = (options: PanelSpec['options'], width = 420) =>
  renderPanel<PromPanel>(stage, { url, range: HOUR_RANGE }, (el) => {
    el.style.width = `${width}px`;
    el.style.height = '160px';
    el.spec = spec(options);
  });
const tiles = (el: PromPanel) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.stat')];

describe('<prom-panel> stat look', () => {
  it('colorMode background: each tile in its threshold colour, text that reads on it; solid has no gradient', async () => {
    const el = await mount({ colorMode: 'background', graphMode: 'area' });
    el.id = 'shot-stat-background';
    await executeServerCommand('screenshot', { selector: '#shot-stat-background', name: 'stat-background' });
    const [lab, office] = tiles(el);
    expect(getComputedStyle(lab!).backgroundImage).to.contain('linear-gradient');
    expect(getComputedStyle(lab!).color).to.equal(getComputedStyle(lab!).getPropertyValue('--stat-fg').trim() === '#111217' ? 'rgb(17, 18, 23)' : 'rgb(255, 255, 255)');
    expect(lab!.style.getPropertyValue('--stat-bg')).to.not.equal(office!.style.getPropertyValue('--stat-bg'));
    const solid = await mount({ colorMode: 'background_solid' });
    expect(getComputedStyle(tiles(solid)[0]!).backgroundImage).to.equal('none');
  });

  it('a continuous colour scheme colours each tile by its value between min and max, not by the thresholds', async () => {
    const el = await renderPanel<PromPanel>(stage, { url, range: HOUR_RANGE }, (p) => {
      p.style.width = '420px';
      p.style.height = '160px';
      const base = spec({ colorMode: 'background', graphMode: 'none' });
      p.spec = { ...base, fieldConfig: { ...base.fieldConfig, defaults: { ...base.fieldConfig!.defaults, color: { mode: 'continuous-BlYlRd' }, min: 15, max: 25 } } };
    });
    el.id = 'shot-stat-continuous';
    await executeServerCommand('screenshot', { selector: '#shot-stat-continuous', name: 'stat-continuous-BlYlRd' });
    const colors = tiles(el).map((t) => t.style.getPropertyValue('--stat-bg'));
    expect(colors).to.have.length(2);
    for (const c of colors) expect(c).to.match(/^rgb\(\d+, \d+, \d+\)$/);
    expect(colors[0]).to.not.equal(colors[1]);
  });

  it('colorMode none: no colour on the value; value (default) colours the text', async () => {
    const none = await mount({ colorMode: 'none' });
    expect(none.shadowRoot!.querySelector<HTMLElement>('.stat-line')!.style.color).to.equal('');
    const value = await mount({});
    expect(value.shadowRoot!.querySelector<HTMLElement>('.stat-line')!.style.color).to.not.equal('');
  });

  it('textMode: value only, name only, both for a single series, or neither', async () => {
    const text = async (textMode: NonNullable<PanelSpec['options']>['textMode']) => {
      const el = await mount({ textMode, graphMode: 'none' });
      return tiles(el).map((t) => [t.querySelector('.stat-value')?.textContent?.trim() ?? null, t.querySelector('.stat-name')?.textContent ?? null]);
    };
    expect((await text('value')).map(([, name]) => name)).to.deep.equal([null, null]);
    expect((await text('name')).map(([v]) => v)).to.deep.equal(['lab', 'office']);
    expect((await text('value_and_name')).map(([, name]) => name)).to.deep.equal(['lab', 'office']);
    expect(await text('none')).to.deep.equal([[null, null], [null, null]]);
    // Still named for screen readers whatever is shown.
    expect(tiles(await mount({ textMode: 'none' })).map((t) => t.getAttribute('aria-label')!.split(':')[0])).to.deep.equal(['lab', 'office']);
  });

  it('a single value fills its tile, as Grafana sizes it: most of the height, and never wider than the tile', async () => {
    const el = await renderPanel<PromPanel>(stage, { url, range: HOUR_RANGE }, (p) => {
      p.style.width = '300px';
      p.style.height = '160px';
      p.spec = { ...spec({ graphMode: 'none' }), targets: [{ refId: 'A', expr: 'promkit_temperature_celsius{room="lab"}' }] };
    });
    const body = el.shadowRoot!.querySelector<HTMLElement>('.stats-wrap')!.getBoundingClientRect();
    const value = el.shadowRoot!.querySelector<HTMLElement>('.stat-value')!;
    expect(parseFloat(getComputedStyle(value).fontSize), 'font size against the body height').to.be.at.least(0.5 * body.height);
    expect(value.getBoundingClientRect().width).to.be.at.most(tiles(el)[0]!.getBoundingClientRect().width);
  });

  it('no data shows as the value, as in Grafana: the noValue text (else "No data") in the base colour, for stats, bar gauges and gauges', async () => {
    const empty = (type: 'stat' | 'bargauge' | 'gauge', noValue?: string) =>
      renderPanel<PromPanel>(stage, { url, range: HOUR_RANGE }, (p) => {
        p.style.width = '300px';
        p.style.height = '160px';
        const base = spec({ graphMode: 'area' });
        p.spec = { ...base, type, targets: [{ refId: 'A', expr: 'promkit_does_not_exist' }], fieldConfig: { ...base.fieldConfig, defaults: { ...base.fieldConfig!.defaults, noValue } } };
      });
    const zero = await empty('stat', '0');
    expect(zero.shadowRoot!.querySelector('.message')?.textContent ?? null, 'no "No data" message').to.equal(null);
    zero.id = 'shot-stat-no-value';
    await executeServerCommand('screenshot', { selector: '#shot-stat-no-value', name: 'stat-no-value' });
    expect(tiles(zero).map((t) => t.getAttribute('aria-label'))).to.deep.equal(['0']);
    const line = zero.shadowRoot!.querySelector<HTMLElement>('.stat-line')!;
    expect(line.textContent!.trim()).to.equal('0');
    expect(getComputedStyle(line).color, 'the base threshold (green)').to.match(/^rgb\((\d+), (\d+), (\d+)\)$/);
    const [r, g, b] = getComputedStyle(line).color.match(/\d+/g)!.map(Number);
    expect(g! > r! && g! > b!, `green: ${getComputedStyle(line).color}`).to.equal(true);
    expect(zero.shadowRoot!.querySelectorAll('.sparkline').length, 'no sparkline without data').to.equal(0);

    const plain = await empty('stat');
    expect(plain.shadowRoot!.querySelector('.stat-value')!.textContent!.trim()).to.equal('No data');
    const bars = await empty('bargauge', 'none yet');
    expect(bars.shadowRoot!.querySelector('.bar-value')!.textContent).to.equal('none yet');
    expect(bars.shadowRoot!.querySelector<HTMLElement>('.bar-fill')!.style.width).to.equal('0%');
    const gauge = await empty('gauge');
    expect(gauge.shadowRoot!.querySelector('.message')?.textContent ?? null).to.equal(null);
    expect(gauge.shadowRoot!.querySelectorAll('.canvas').length, 'the gauge is drawn').to.equal(1);
  });

  it('text on a tile: dark on light colours, white on dark ones', () => {
    expect(readableOn('#fade2a')).to.equal('#111217');
    expect(readableOn('#1f60c4')).to.equal('#ffffff');
    expect(readableOn('rgb(255, 255, 255)')).to.equal('#111217');
    expect(readableOn('hsl(0 0% 0%)')).to.equal('#ffffff');
  });
});
