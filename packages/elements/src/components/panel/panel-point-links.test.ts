/**
 * Data links on a time series' points, in <prom-panel> against the real Prometheus: a click on a
 * line opens the links of the point it is on (series, time and value filled in, every macro
 * percent-encoded), only series with links are picked, and Escape or a press elsewhere closes it.
 */
import { expect } from 'chai';
import { executeServerCommand, sendKeys, sendMouse } from '@web/test-runner-commands';
import { formatValueText } from '@promkit/core';
import { T0, T_END, TRICKY_LABEL_VALUES } from '../../../../../tests/harness/dataset.mjs';
import { panelStage, renderPanel } from '../../../../../tests/browser/panel-render.js';
import { getInstanceByDom } from '../../charts/echarts.js';
import type { PanelSpec, PromPanel } from './panel.component.js';
import './panel.js';

const url = window.__PROMKIT_TEST__.prometheusUrl;
const HOUR_RANGE = `${new Date(T0 * 1000).toISOString()},${new Date(T_END * 1000).toISOString()}`;
const stage = panelStage();
afterEach(() => stage.replaceChildren());

const LAB_LINKS = [
  { title: 'Room ${__field.labels.room}', url: '/rooms?room=${__field.labels.room}&at=${__value.time}&v=${__value.raw}' },
  { title: 'Runbook', url: 'https://example.org/runbook', targetBlank: true },
];

/** Temperatures by room; only the lab has links (an override), the office none. */
const temperatures: PanelSpec = {
  type: 'timeseries',
  title: 'Rooms',
  targets: [{ refId: 'A', expr: 'promkit_temperature_celsius', legendFormat: '{{room}}' }],
  fieldConfig: { defaults: { unit: 'celsius' }, overrides: [{ matcher: { id: 'byName', options: 'lab' }, properties: [{ id: 'links', value: LAB_LINKS }] }] },
};

const mount = (spec: PanelSpec) =>
  renderPanel<PromPanel>(stage, { url, range: HOUR_RANGE }, (el) => {
    el.style.width = '560px';
    el.spec = spec;
  });

const menuOf = (el: PromPanel) => el.shadowRoot!.querySelector<HTMLElement>('[part="point-links"]');

/** Clicks sample `index` of the series whose `label` is `value`, where the chart drew it; returns its time and value. */
async function clickSample(el: PromPanel, label: string, value: string, index: number): Promise<{ t: number; v: number }> {
  const frame = el.results[0]!.frames.find((f) => f.labels[label] === value)!;
  const t = frame.timestamps[index]!;
  const v = frame.values[index]!;
  const canvas = el.shadowRoot!.querySelector<HTMLElement>('[part="chart"] .canvas')!;
  const [x, y] = getInstanceByDom(canvas)!.convertToPixel({ gridIndex: 0 }, [t, v]) as unknown as [number, number];
  const box = canvas.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.left + x), Math.round(box.top + y)] });
  await el.updateComplete;
  return { t, v };
}

describe('<prom-panel> data links on time series points', () => {
  it('a click on a point opens its links, filled in for that point, with the first focused', async () => {
    const el = await mount(temperatures);
    const { t, v } = await clickSample(el, 'room', 'lab', 120);
    const menu = menuOf(el);
    expect(menu, 'menu').to.not.equal(null);
    expect(menu!.getAttribute('role')).to.equal('dialog');
    expect(menu!.querySelector('.point-series')!.textContent).to.equal('lab');
    expect(menu!.querySelector('.point-at')!.textContent).to.contain(formatValueText(v, 'celsius'));
    const links = [...menu!.querySelectorAll('a')];
    expect(links.map((a) => a.textContent)).to.deep.equal(['Room lab', 'Runbook']);
    expect(links[0]!.getAttribute('href')).to.equal(`/rooms?room=lab&at=${t}&v=${v}`);
    expect(links[0]!.hasAttribute('target')).to.equal(false);
    expect([links[1]!.target, links[1]!.rel]).to.deep.equal(['_blank', 'noopener noreferrer']);
    expect(el.shadowRoot!.activeElement).to.equal(links[0]);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(menuOf(el)).to.equal(null);
    // For the eye: the menu open (the screenshot is taken with nothing focused).
    await clickSample(el, 'room', 'lab', 120);
    (el.shadowRoot!.activeElement as HTMLElement).blur();
    el.id = 'shot-point-links';
    await executeServerCommand('screenshot', { selector: '#shot-point-links', name: 'panel-point-links' });
  });

  it('picks only series with links, and a press elsewhere closes the menu', async () => {
    const el = await mount(temperatures);
    // The office has no links: a click on it opens nothing.
    await clickSample(el, 'room', 'office', 60);
    expect(menuOf(el)).to.equal(null);
    await clickSample(el, 'room', 'lab', 60);
    expect(menuOf(el)).to.not.equal(null);
    // A press on the page outside the menu (on the panel's header, say).
    const header = el.shadowRoot!.querySelector<HTMLElement>('[part="title"]')!.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(header.left + 4), Math.round(header.top + header.height / 2)] });
    await el.updateComplete;
    expect(menuOf(el)).to.equal(null);
  });

  it('a hostile label value is one percent-encoded parameter in the URL and text in the menu', async () => {
    const hostile = TRICKY_LABEL_VALUES[3]!;
    const el = await mount({
      type: 'timeseries',
      title: 'Labels',
      targets: [{ refId: 'A', expr: 'promkit_label_text', legendFormat: '{{text}}' }],
      fieldConfig: { defaults: { links: [{ title: '${__field.labels.text}', url: '/label?text=${__field.labels.text}&s=${__series.name}' }] }, overrides: [] },
    });
    await clickSample(el, 'text', hostile, 30);
    const menu = menuOf(el)!;
    const link = menu.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal(`/label?text=${encodeURIComponent(hostile)}&s=${encodeURIComponent(hostile)}`);
    expect(link.textContent).to.equal(hostile);
    expect(menu.querySelector('.point-series')!.textContent).to.equal(hostile);
    expect(menu.querySelector('img')).to.equal(null);
  });
});
