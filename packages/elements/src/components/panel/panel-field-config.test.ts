/**
 * Field config that changes how series are drawn, in <prom-panel> against the real Prometheus:
 * `custom.transform: negative-Y` (drawn below the axis), `custom.hideFrom` (legend, chart) by an
 * override, and soft axis bounds.
 */
import { expect } from 'chai';
import { getInstanceByDom } from '../../charts/echarts.js';
import { T0, T_END } from '../../../../../tests/harness/dataset.mjs';
import { panelStage, renderPanel } from '../../../../../tests/browser/panel-render.js';
import type { PromPanel } from './panel.component.js';
import './panel.js';

const url = window.__PROMKIT_TEST__.prometheusUrl;
const HOUR_RANGE = `${new Date(T0 * 1000).toISOString()},${new Date(T_END * 1000).toISOString()}`;
const stage = panelStage();
afterEach(() => stage.replaceChildren());

describe('<prom-panel> field config', () => {
  it('negative-Y below the axis, a series hidden from the legend, another from the chart, the axis reaching a soft max', async () => {
    const el = await renderPanel<PromPanel>(stage, { url, range: HOUR_RANGE }, (p) => {
      p.spec = {
        type: 'timeseries',
        title: 'Rooms',
        targets: [
          { refId: 'A', expr: 'promkit_temperature_celsius', legendFormat: '{{room}}' },
          { refId: 'B', expr: 'promkit_temperature_celsius{room="lab"} * 2', legendFormat: 'double' },
        ],
        fieldConfig: {
          defaults: { custom: { axisSoftMax: 60 } },
          overrides: [
            { matcher: { id: 'byName', options: 'office' }, properties: [{ id: 'custom.transform', value: 'negative-Y' }, { id: 'custom.hideFrom', value: { legend: true, tooltip: false, viz: false } }] },
            { matcher: { id: 'byName', options: 'double' }, properties: [{ id: 'custom.hideFrom', value: { legend: false, tooltip: false, viz: true } }] },
          ],
        },
      };
    });
    const root = el.shadowRoot!;
    expect([...root.querySelectorAll('.legend-name')].map((n) => n.textContent)).to.deep.equal(['lab', 'double']);
    const chart = getInstanceByDom(root.querySelector<HTMLElement>('.canvas')!)!;
    const option = chart.getOption() as { series: { name: string; datasetIndex: number }[]; dataset: { source: ArrayLike<number> }[] };
    expect(option.series.map((s) => s.name)).to.deep.equal(['lab', 'office']);
    const office = option.dataset[option.series[1]!.datasetIndex]!.source;
    expect(office[office.length - 1]).to.equal(-18.5);
    const axis = (chart as unknown as { getModel(): { getComponent(t: string, i: number): { axis: { scale: { getExtent(): [number, number] } } } } }).getModel().getComponent('yAxis', 0).axis.scale.getExtent();
    expect(axis[1]).to.be.at.least(60);
    expect(axis[0]).to.be.at.most(-18.5);
  });
});
