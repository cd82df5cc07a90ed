/**
 * Table cells as their field asks (render/table-cell.ts) and the table footer, in <prom-panel>
 * against the real Prometheus: coloured backgrounds with readable text, gauge bars from min to
 * max, value mappings in cells, and a footer reducing the rows shown.
 */
import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { formatValueText } from '@promkit/core';
import { T0, T_END } from '../../../../../tests/harness/dataset.mjs';
import { panelStage, renderPanel } from '../../../../../tests/browser/panel-render.js';
import type { PanelSpec, PromPanel } from './panel.component.js';
import './panel.js';

const url = window.__PROMKIT_TEST__.prometheusUrl;
const HOUR_RANGE = `${new Date(T0 * 1000).toISOString()},${new Date(T_END * 1000).toISOString()}`;
const stage = panelStage();
afterEach(() => stage.replaceChildren());

/** At the range's end the lab is at 20 °C (red above 19) and the office at 18.5 °C (green). */
function spec(cellOptions: { type: 'color-background' | 'gauge' | 'color-text'; mode?: 'basic' | 'gradient' | 'lcd' }): PanelSpec {
  return {
    type: 'table',
    title: 'Rooms',
    targets: [{ refId: 'A', expr: 'promkit_temperature_celsius', instant: true }],
    fieldConfig: {
      defaults: {
        unit: 'celsius',
        min: 0,
        max: 40,
        thresholds: { mode: 'absolute', steps: [{ value: null, color: '#73bf69' }, { value: 19, color: '#f2495c' }] },
        mappings: [{ type: 'value', options: { '20': { text: 'warm' } } }],
        custom: { cellOptions },
      },
      overrides: [],
    },
    options: { footer: { show: true, reducer: ['sum'] }, sortBy: [{ displayName: 'Value', desc: true }] },
  };
}

const mount = (s: PanelSpec) =>
  renderPanel<PromPanel>(stage, { url, range: HOUR_RANGE }, (el) => {
    el.style.width = '420px';
    el.spec = s;
  });
const valueCells = (el: PromPanel) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('tbody td.number')];

describe('<prom-panel> table cells and footer', () => {
  it('color-background: each value on its threshold colour, mapped text, a footer summing the column', async () => {
    const el = await mount(spec({ type: 'color-background' }));
    el.id = 'shot-table-cells';
    await executeServerCommand('screenshot', { selector: '#shot-table-cells', name: 'table-cells-background' });
    const [lab, office] = valueCells(el);
    expect([lab!.textContent, office!.textContent]).to.deep.equal(['warm', formatValueText(18.5, 'celsius')]);
    expect(getComputedStyle(lab!).backgroundColor).to.equal('rgb(242, 73, 92)');
    expect(getComputedStyle(office!).backgroundColor).to.equal('rgb(115, 191, 105)');
    expect(getComputedStyle(lab!).color).to.equal('rgb(255, 255, 255)');
    const footer = [...el.shadowRoot!.querySelectorAll('tfoot th, tfoot td')].map((c) => c.textContent!.trim());
    expect(footer).to.deep.equal(['Total', formatValueText(38.5, 'celsius')]);
  });

  it('gauge: a bar from min to max in the threshold colour, lcd and gradient looks', async () => {
    for (const mode of ['basic', 'lcd', 'gradient'] as const) {
      const el = await mount(spec({ type: 'gauge', mode }));
      const bars = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.cell-gauge-bar')];
      expect(bars.map((b) => b.style.width)).to.deep.equal(['50%', '46.3%']);
      expect(el.shadowRoot!.querySelector(`td.cell-gauge.${mode}`)).to.not.equal(null);
      if (mode === 'lcd') {
        el.id = 'shot-table-gauge';
        await executeServerCommand('screenshot', { selector: '#shot-table-gauge', name: 'table-cells-gauge-lcd' });
      }
    }
  });

  it('color-text colours the text only', async () => {
    const el = await mount(spec({ type: 'color-text' }));
    const [lab] = valueCells(el);
    expect(getComputedStyle(lab!).color).to.equal('rgb(242, 73, 92)');
    expect(lab!.style.backgroundColor).to.equal('');
  });
});

describe('<prom-panel> data links', () => {
  it("a table's values link to their row's URL (labels and time range filled in, encoded); a stat tile is the link", async () => {
    const links = [{ title: 'Room details', url: '/rooms?room=${__data.fields.room}&t=${__value.raw}&${__url_time_range}', targetBlank: true }];
    const table = await mount({ type: 'table', title: 'Rooms', targets: [{ refId: 'A', expr: 'promkit_temperature_celsius', instant: true }], fieldConfig: { defaults: { unit: 'celsius', links }, overrides: [] } });
    const anchors = [...table.shadowRoot!.querySelectorAll<HTMLAnchorElement>('tbody td.number a.data-link')];
    const rooms = [...table.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].find((td) => td.textContent === 'lab' || td.textContent === 'office')!.textContent);
    expect(anchors.map((a) => new URL(a.href).searchParams.get('room'))).to.deep.equal(rooms);
    const first = new URL(anchors[0]!.href);
    expect([first.pathname, first.searchParams.get('from'), first.searchParams.get('to')]).to.deep.equal(['/rooms', String(T0 * 1000), String(T_END * 1000)]);
    expect(anchors[0]!.target).to.equal('_blank');
    expect(anchors[0]!.rel).to.equal('noopener noreferrer');
    stage.replaceChildren();
    const stat = await mount({ type: 'stat', title: 'Labels', targets: [{ refId: 'A', expr: 'promkit_label_text', instant: true }], fieldConfig: { defaults: { links: [{ title: 'Open', url: '/label?text=${__field.labels.text}' }] }, overrides: [] } });
    const tiles = [...stat.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a.stat.data-link')];
    expect(tiles.length).to.equal(stat.results[0]!.frames.length);
    // The label values hold quotes, markup and unicode: each reaches the URL encoded, as one parameter.
    expect(tiles.map((a) => new URL(a.href).searchParams.get('text')).sort()).to.deep.equal(stat.results[0]!.frames.map((f) => f.labels['text']).sort());
    expect(stat.shadowRoot!.querySelector('img, script')).to.equal(null);
  });
});
