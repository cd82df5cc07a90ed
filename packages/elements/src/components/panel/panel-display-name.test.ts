/**
 * A field's `displayName` (core's field/display-name.ts) names series in <prom-panel>, against the
 * real Prometheus: legends, chart series (tooltips), stat names; legend toggles still work.
 */
import { expect } from 'chai';
import { getInstanceByDom } from '../../charts/echarts.js';
import { T0, T_END } from '../../../../../tests/harness/dataset.mjs';
import { panelStage, renderPanel } from '../../../../../tests/browser/panel-render.js';
import type { PanelSpec, PromPanel } from './panel.component.js';
import './panel.js';

const url = window.__PROMKIT_TEST__.prometheusUrl;
const HOUR_RANGE = `${new Date(T0 * 1000).toISOString()},${new Date(T_END * 1000).toISOString()}`;
const stage = panelStage();

afterEach(() => {
  stage.replaceChildren();
});

/** Both rooms' temperatures, named by a display name with a label, the legend name and a variable. */
function spec(type: 'timeseries' | 'stat'): PanelSpec {
  return {
    type,
    title: 'Rooms',
    targets: [{ refId: 'A', expr: 'promkit_temperature_celsius', legendFormat: '{{room}}' }],
    fieldConfig: { defaults: { displayName: 'Room ${__field.labels.room} (${__series.name}) at $site' }, overrides: [] },
  };
}

const expected = ['Room lab (lab) at hq', 'Room office (office) at hq'];

function panel(type: 'timeseries' | 'stat'): Promise<PromPanel> {
  return renderPanel<PromPanel>(stage, { url, range: HOUR_RANGE }, (el) => {
    el.spec = spec(type);
    el.scopedVars = { site: 'hq' };
  });
}

describe('<prom-panel> field displayName', () => {
  it('names time series in the legend and the chart (tooltip), and the legend still toggles them', async () => {
    const el = await panel('timeseries');
    const root = el.shadowRoot!;
    expect([...root.querySelectorAll('.legend-name')].map((n) => n.textContent)).to.deep.equal(expected);
    const chart = () => getInstanceByDom(root.querySelector<HTMLElement>('.canvas')!)!.getOption() as { series: { name: string; data?: unknown }[] };
    expect(chart().series.map((s) => s.name)).to.deep.equal(expected);

    const office = root.querySelectorAll<HTMLButtonElement>('.legend-item')[1]!;
    office.click();
    await el.updateComplete;
    expect(office.getAttribute('aria-pressed')).to.equal('false');
    office.click();
    await el.updateComplete;
    expect(office.getAttribute('aria-pressed')).to.equal('true');
  });

  it('names stat values', async () => {
    const el = await panel('stat');
    const root = el.shadowRoot!;
    expect([...root.querySelectorAll('.stat-name')].map((n) => n.textContent)).to.deep.equal(expected);
    expect([...root.querySelectorAll('.stat')].map((n) => n.getAttribute('aria-label')!.split(':')[0])).to.deep.equal(expected);
  });
});
