/**
 * <prom-panel frames>: the host app's own data drawn with no request made (time series, stat,
 * table), prom-data still fired, bad frames named, and a panel that drew host data and then
 * queries Prometheus again when `frames` is cleared; `appendData` pushes into a bounded window,
 * drawn at most once per animation frame. Against the real Prometheus.
 */
import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { SchemaError, rowsToFrames, type TargetResult } from '@promkit/core';
import { getInstanceByDom } from '../../charts/echarts.js';
import { panelStage, renderPanel } from '../../../../../tests/browser/panel-render.js';
import type { PromPanel } from './panel.component.js';
import './panel.js';

const url = window.__PROMKIT_TEST__.prometheusUrl;
const stage = panelStage();
afterEach(() => stage.replaceChildren());

const NOW = Date.now();
/** Runs of a data-quality job: rows profiled per table, one run every 10 minutes over the last hour. */
const RUNS = Array.from({ length: 6 }, (_, i) => [
  { at: new Date(NOW - (6 - i) * 600_000).toISOString(), rows: 1000 + i * 100, table: 'orders' },
  { at: NOW - (6 - i) * 600_000, rows: 400 + i * 10, table: 'users' },
]).flat();

/** Requests this page made to Prometheus since `mark`. */
const prometheusRequests = (mark: number) => performance.getEntriesByType('resource').filter((e) => e.startTime >= mark && e.name.startsWith(url)).length;

describe('<prom-panel> frames from the host', () => {
  it('draws time series from rows with no request, named by their labels, and fires prom-data', async () => {
    const mark = performance.now();
    const data: TargetResult[][] = [];
    const el = await renderPanel<PromPanel>(stage, { type: 'timeseries', title: 'Rows profiled', 'legend-format': '{{table}}', unit: 'short', range: 'now-1h' }, (p) => {
      p.id = 'host-timeseries';
      p.frames = rowsToFrames(RUNS, { time: 'at', value: 'rows', labels: ['table'] });
      p.addEventListener('prom-data', (e) => data.push(e.detail.targets));
    });
    expect(prometheusRequests(mark)).to.equal(0);
    expect(data).to.have.length(1);
    expect(data[0]!.map((t) => [t.refId, t.source, t.frames.length])).to.deep.equal([['A', 'host', 2]]);
    const root = el.shadowRoot!;
    expect([...root.querySelectorAll('.legend-name')].map((n) => n.textContent)).to.deep.equal(['orders', 'users']);
    // Each series is a dataset of [t0, v0, t1, v1, …].
    const option = getInstanceByDom(root.querySelector<HTMLElement>('.canvas')!)!.getOption() as { series: { name: string }[]; dataset: { source: Float64Array }[] };
    expect(option.series.map((s) => s.name)).to.deep.equal(['orders', 'users']);
    const orders = [...option.dataset[0]!.source];
    expect(orders.filter((_, i) => i % 2 === 1)).to.deep.equal([1000, 1100, 1200, 1300, 1400, 1500]);
    expect(orders.slice(-2)).to.deep.equal([Date.parse(RUNS[10]!.at as string), 1500]);
    await executeServerCommand('screenshot', { selector: '#host-timeseries', name: 'panel-host-frames' });
  });

  it('draws stat and table panels from frames per refId', async () => {
    const frames = { A: [{ labels: { table: 'orders' }, timestamps: [NOW - 60_000, NOW], values: [10, 12] }], B: [{ labels: { table: 'orders' }, timestamps: [NOW], values: [0.25] }] };
    const stat = await renderPanel<PromPanel>(stage, { type: 'stat', title: 'Failed checks' }, (p) => (p.frames = { A: frames.A }));
    expect(stat.shadowRoot!.querySelector('.stat-value')!.textContent!.trim()).to.equal('12');
    const table = await renderPanel<PromPanel>(stage, { type: 'table', title: 'Latest' }, (p) => (p.frames = frames));
    const headers = [...table.shadowRoot!.querySelectorAll('th')].map((th) => th.textContent!.trim());
    expect(headers).to.include('table');
    expect(table.shadowRoot!.querySelector('tbody')!.textContent).to.contain('orders');
  });

  it('names what is wrong with frames it cannot draw', async () => {
    const el = await renderPanel<PromPanel>(stage, { type: 'timeseries', title: 'Broken' }, (p) => (p.frames = { A: [{ timestamps: [NOW, 'soon'], values: [1, 2] }] }));
    const text = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('frames.A[0].timestamps[1]: must be a time');
  });

  it('a panel that drew host frames queries Prometheus again once frames is cleared', async () => {
    const el = await renderPanel<PromPanel>(stage, { type: 'stat', title: 'Up', url, query: 'vector(7)' }, (p) => (p.frames = [{ timestamps: [NOW], values: [3] }]));
    expect(el.shadowRoot!.querySelector('.stat-value')!.textContent!.trim()).to.equal('3');
    const next = new Promise((resolve) => el.addEventListener('prom-data', resolve, { once: true }));
    el.frames = undefined;
    await next;
    await el.updateComplete;
    expect(el.results[0]!.source).to.not.equal('host');
    expect(el.shadowRoot!.querySelector('.stat-value')!.textContent!.trim()).to.equal('7');
  });

  it('appendData: 10,000 pushes into a 600-point window leave 600 points, drawn at most once per animation frame', async () => {
    const el = await renderPanel<PromPanel>(stage, { type: 'timeseries', title: 'Live', 'max-points': '600', range: 'now-30m' }, (p) => (p.frames = []));
    let draws = 0;
    el.addEventListener('prom-data', () => draws++);
    let frames = 0;
    let counting = true;
    const count = () => {
      frames++;
      if (counting) requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
    const start = Date.now() - 1_200_000;
    for (let batch = 0; batch < 100; batch++) {
      for (let i = 0; i < 100; i++) {
        const n = batch * 100 + i;
        el.appendData('A', [{ labels: { job: 'loader' }, timestamps: [start + n * 100], values: [n] }]);
      }
      await new Promise((r) => setTimeout(r, 0));
    }
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await el.updateComplete;
    counting = false;
    const series = el.results[0]!.frames[0]!;
    expect([series.timestamps.length, series.values[0], series.values[599]]).to.deep.equal([600, 9400, 9999]);
    expect(draws).to.be.greaterThan(0);
    expect(draws, `${draws} draws in ${frames} animation frames`).to.be.at.most(frames);
    // A stream that resumes sends some samples again: nothing is drawn twice.
    el.appendData('A', [{ labels: { job: 'loader' }, timestamps: [start + 9_998 * 100, start + 9_999 * 100, start + 10_000 * 100], values: [9998, 9999, 10_000] }]);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const resumed = el.results[0]!.frames[0]!;
    expect([resumed.timestamps.length, resumed.values[598], resumed.values[599]]).to.deep.equal([600, 9999, 10_000]);
    expect(() => el.appendData('A', [{ timestamps: [Date.now()], values: ['many'] }])).to.throw(SchemaError, /appendData\("A"\)\[0\]\.values\[0\]: must be a number/);
  });
});
