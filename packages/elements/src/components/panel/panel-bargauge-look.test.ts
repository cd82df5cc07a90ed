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
  it('basic is flat, gradient deepens to the value colour, lcd lights cells', async () => {
    const looks: Record<string, string> = {};
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
      if (displayMode === 'basic') expect(getComputedStyle(fill).backgroundColor).to.equal('rgb(242, 73, 92)');
      stage.replaceChildren();
    }
    expect(looks['basic']).to.equal('none');
    expect(looks['gradient']).to.match(/^linear-gradient/);
    expect(looks['lcd']).to.match(/^repeating-linear-gradient/);
  });
});
