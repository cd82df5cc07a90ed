/**
 * A panel's Grafana transformations (core's transform/) change what <prom-panel> draws, against
 * the real Prometheus: table queries merged and organised into one table whose overrides match
 * the renamed columns, series renamed and joined with a calculated one, a note when several
 * tables are left, and label text that stays text all the way through.
 */
import { expect } from 'chai';
import { formatValueText } from '@promkit/core';
import { getInstanceByDom } from '../../charts/echarts.js';
import { T0, T_END, TRICKY_LABEL_VALUES } from '../../../../../tests/harness/dataset.mjs';
import { panelStage, renderPanel } from '../../../../../tests/browser/panel-render.js';
import type { PanelSpec, PromPanel } from './panel.component.js';
import './panel.js';

const url = window.__PROMKIT_TEST__.prometheusUrl;
const HOUR_RANGE = `${new Date(T0 * 1000).toISOString()},${new Date(T_END * 1000).toISOString()}`;
const stage = panelStage();

afterEach(() => {
  stage.replaceChildren();
});

const panel = (spec: PanelSpec) => renderPanel<PromPanel>(stage, { url, range: HOUR_RANGE }, (el) => (el.spec = spec));
const headers = (el: PromPanel) => [...el.shadowRoot!.querySelectorAll('th')].map((th) => th.textContent!.replace(/[↑↓]/g, '').trim());
const cells = (el: PromPanel) => [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));

/** Both rooms in Celsius (with the metric name) and Fahrenheit (without), as table queries. */
const temperatures = [
  { refId: 'A', expr: 'promkit_temperature_celsius', instant: true, format: 'table' as const },
  { refId: 'B', expr: 'promkit_temperature_celsius * 9 / 5 + 32', instant: true, format: 'table' as const },
];

describe('<prom-panel> transformations', () => {
  it('merge + organize + sortBy: one table, columns renamed and reordered, overrides by the new names', async () => {
    const el = await panel({
      type: 'table',
      title: 'Rooms',
      targets: temperatures,
      fieldConfig: {
        defaults: {},
        overrides: [
          { matcher: { id: 'byName', options: 'Celsius' }, properties: [{ id: 'unit', value: 'celsius' }] },
          { matcher: { id: 'byName', options: 'Fahrenheit' }, properties: [{ id: 'unit', value: 'fahrenheit' }] },
        ],
      },
      transformations: [
        { id: 'merge', options: {} },
        { id: 'organize', options: { excludeByName: { Time: true, __name__: true }, indexByName: { room: 0 }, renameByName: { room: 'Room', 'Value #A': 'Celsius', 'Value #B': 'Fahrenheit' } } },
        { id: 'sortBy', options: { sort: [{ field: 'Celsius', desc: true }] } },
      ],
    });
    expect(headers(el)).to.deep.equal(['Room', 'Celsius', 'Fahrenheit']);
    // At the range's end: the lab at 20 °C, the office at 18.5 °C.
    expect(cells(el)).to.deep.equal([
      ['lab', formatValueText(20, 'celsius'), formatValueText(68, 'fahrenheit')],
      ['office', formatValueText(18.5, 'celsius'), formatValueText(65.3, 'fahrenheit')],
    ]);
    expect(el.shadowRoot!.querySelector('.table-note')).to.equal(null);
  });

  it('time series: renamed by regex, joined, and an average row calculated beside them', async () => {
    const el = await panel({
      type: 'timeseries',
      title: 'Rooms',
      targets: [{ refId: 'A', expr: 'promkit_temperature_celsius', legendFormat: '{{room}}' }],
      transformations: [
        { id: 'renameByRegex', options: { regex: '^(.*)$', renamePattern: 'Room $1' } },
        { id: 'joinByField', options: {} },
        { id: 'calculateField', options: { mode: 'reduceRow', reduce: { reducer: 'mean' }, alias: 'Average' } },
      ],
    });
    const root = el.shadowRoot!;
    expect([...root.querySelectorAll('.legend-name')].map((n) => n.textContent)).to.deep.equal(['Room lab', 'Room office', 'Average']);
    const option = getInstanceByDom(root.querySelector<HTMLElement>('.canvas')!)!.getOption() as { series: { name: string }[]; dataset: { source: ArrayLike<number> }[] };
    expect(option.series.map((s) => s.name)).to.deep.equal(['Room lab', 'Room office', 'Average']);
    // Each dataset is [t0, v0, t1, v1, …]: the average's last value.
    const average = option.dataset.at(-1)!.source;
    expect(average[average.length - 1]).to.equal((20 + 18.5) / 2);
  });

  it('several tables left: the first is shown, and a note says how to join them', async () => {
    const el = await panel({ type: 'table', title: 'Rooms', targets: temperatures, transformations: [{ id: 'organize', options: { excludeByName: { Time: true } } }] });
    expect(el.shadowRoot!.querySelector('.table-note')!.textContent).to.contain('first of 2 tables');
    expect(headers(el)).to.deep.equal(['__name__', 'room', 'Value #A']);
  });

  it('label text from Prometheus stays text through labelsToFields, filterByValue and the table', async () => {
    const el = await panel({
      type: 'table',
      title: 'Text',
      targets: [{ refId: 'A', expr: 'promkit_label_text', instant: true }],
      transformations: [
        { id: 'labelsToFields', options: {} },
        { id: 'merge', options: {} },
        { id: 'filterByValue', options: { filters: [{ fieldName: 'text', config: { id: 'regex', options: { value: '<img' } } }], type: 'exclude' } },
        { id: 'filterFieldsByName', options: { include: { names: ['text', 'Value'] } } },
      ],
    });
    const kept = TRICKY_LABEL_VALUES.filter((t) => !t.includes('<img'));
    expect(cells(el).map((row) => row[0])).to.have.members(kept);
    expect(el.shadowRoot!.querySelector('tbody img')).to.equal(null);
  });
});
