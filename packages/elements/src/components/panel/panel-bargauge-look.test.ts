/** Bar gauge displayMode (basic, gradient, lcd) in <prom-panel> against the real Prometheus, with a screenshot of each. */
import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { T0, T_END } from '../../../../../tests/harness/dataset.mjs';
import { panelStage, renderPanel } from '../../../../../tests/browser/panel-render.js';
import type { PromPanel } from './panel.component.js';
import './panel.js';

const url = window.__PROMKIT_TEST__.prometheusUrl;
const HOUR_RANGE = `${new Date(T0 * 1000).toISOString()},${new Date(T_END * 1000).toISOString()}`;
const stage = panelStage();
afterEach(() => stage.replaceChildren());

describe('<prom-panel> bar gauge look', () => {
  it('basic is flat; gradient and lcd show the thresholds along the bar, lcd in cells', async () => {
    const looks: Record<string, string> = {};
    const masks: Record<string, string> = {};
    for (const displayMode of ['basic', 'gradient', 'lcd'] as const) {
      const el = await renderPanel<PromPanel>(stage, { url, range: HOUR_RANGE }, (p) => {
        p.style.width = '420px';
        p.spec = {
          type: 'bargauge',
          title: `Rooms (${displayMode})`,
          targets: [{ refId: 'A', expr: 'promkit_temperature_celsius', legendFormat: '{{room}}' }],
          fieldConfig: { defaults: { unit: 'celsius', min: 0, max: 40, thresholds: { mode: 'absolute', steps: [{ value: null, color: 'green' }, { value: 19, color: '#f2495c' }] } }, overrides: [] },
          options: { displayMode },
        };
      });
      el.id = `shot-bargauge-${displayMode}`;
      await executeServerCommand('screenshot', { selector: `#${el.id}`, name: `bargauge-${displayMode}` });
      const fill = el.shadowRoot!.querySelector<HTMLElement>('.bar-fill')!;
      looks[displayMode] = getComputedStyle(fill).backgroundImage;
      masks[displayMode] = getComputedStyle(el.shadowRoot!.querySelector('.bar-track')!).maskImage;
      if (displayMode === 'basic') expect(getComputedStyle(fill).backgroundColor).to.equal('rgb(242, 73, 92)');
      stage.replaceChildren();
    }
    expect(looks['basic']).to.equal('none');
    // Gradient and LCD show the thresholds along the bar: green below 19 °C, red above.
    for (const mode of ['gradient', 'lcd']) {
      expect(looks[mode], mode).to.match(/^linear-gradient/);
      expect(looks[mode], mode).to.contain('rgb(242, 73, 92)');
      expect(looks[mode]!.split('rgb(242, 73, 92)')[0], `${mode}: green first`).to.match(/rgb\(\d+, \d+, \d+\)/);
    }
    expect(masks['lcd'], 'lcd cells').to.match(/^repeating-linear-gradient/);
    expect(masks['basic']).to.equal('none');
  });

  it('bars share the height; a tall row puts its name above the bar, a short one beside it', async () => {
    const rows = async (height: number) => {
      const el = await renderPanel<PromPanel>(stage, { url, range: HOUR_RANGE }, (p) => {
        p.style.width = '420px';
        p.style.height = `${height}px`;
        p.spec = { type: 'bargauge', title: 'Rooms', targets: [{ refId: 'A', expr: 'promkit_temperature_celsius', legendFormat: '{{room}}' }], fieldConfig: { defaults: { min: 0, max: 40 }, overrides: [] }, options: { displayMode: 'lcd' } };
      });
      const root = el.shadowRoot!;
      const name = root.querySelector('.legend-name')!.getBoundingClientRect();
      const track = root.querySelector('.bar-track')!.getBoundingClientRect();
      const bars = root.querySelector('.bars')!.getBoundingClientRect();
      stage.replaceChildren();
      return { above: name.bottom <= track.top + 1, trackHeight: track.height, barsHeight: bars.height };
    };
    const tall = await rows(260);
    expect(tall.above, 'name above the bar').to.equal(true);
    expect(tall.trackHeight, 'the bar fills its share of the height').to.be.greaterThan(tall.barsHeight / 4);
    expect((await rows(110)).above, 'name beside the bar').to.equal(false);
  });
});
