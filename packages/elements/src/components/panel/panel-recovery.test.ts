/**
 * A chart that drew and then failed comes back without a reload: after a 500, a network failure
 * or Prometheus stopping, the next refresh, Retry or refreshNow() draws again. Every panel type,
 * standalone and inside <prom-dashboard refresh>, against the real Prometheus.
 */
import { expect } from 'chai';
import { executeServerCommand, sendMouse } from '@web/test-runner-commands';
import { PrometheusClient } from '@promkit/core';
import { T0, T_END } from '../../../../../tests/harness/dataset.mjs';
import type { PromPanel } from './panel.component.js';
import type { PromDashboard } from '../dashboard/dashboard.component.js';
import { painted, panelsIn } from '../../../../../tests/browser/panel-probes.js';
import './panel.js';
import '../dashboard/dashboard.js';

const url = window.__PROMKIT_TEST__.prometheusUrl;
const HOUR_RANGE = `${new Date(T0 * 1000).toISOString()},${new Date(T_END * 1000).toISOString()}`;

/** Every panel type with a query that has data in the test dataset. */
const TYPES: [string, string][] = [
  ['timeseries', 'promkit_temperature_celsius'],
  ['gauge', 'promkit_combo{a="a6",b="b5"}'],
  ['heatmap', 'sum by (le) (rate(promkit_request_duration_seconds_bucket[5m]))'],
  ['stat', 'promkit_combo{a="a1",b="b1"}'],
  ['bargauge', 'promkit_combo{a="a4"}'],
  ['table', 'promkit_combo{a="a2"}'],
];
const CANVAS_TYPES = new Set(['timeseries', 'gauge', 'heatmap']);

/** A fetch that answers through the real one until told to fail, in one of the ways upstreams do. */
function switchableFetch() {
  const state = { mode: 'ok' as 'ok' | '500' | 'network' };
  const fetcher: typeof fetch = async (input, init) => {
    if (state.mode === '500') return new Response('upstream exploded', { status: 500, headers: { 'content-type': 'text/plain' } });
    if (state.mode === 'network') throw new TypeError('Failed to fetch');
    return fetch(input, init);
  };
  return { state, fetcher };
}

const stage = document.createElement('div');
stage.style.cssText = 'display:grid;grid-template-columns:repeat(2, 480px);gap:12px;padding:12px;background:#fff';
document.body.append(stage);
afterEach(() => stage.replaceChildren());

function next(el: EventTarget, type: 'prom-data' | 'prom-error'): Promise<void> {
  return new Promise((resolve) => el.addEventListener(type, () => resolve(), { once: true }));
}

async function frame(): Promise<void> {
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
}

/** Whether the panel shows its data: a painted canvas for chart types, its own markup for the rest. */
function drawn(el: Element, type: string): boolean {
  const root = el.shadowRoot!;
  if (CANVAS_TYPES.has(type)) return painted(el);
  const selector = type === 'stat' ? '.stat-value' : type === 'bargauge' ? '.bar-row' : 'tbody tr';
  return root.querySelector(selector) !== null;
}

/** Waits (bounded) until every panel is drawn. */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(condition(), what).to.equal(true);
}

async function standalone(type: string, query: string, client: PrometheusClient): Promise<PromPanel> {
  const el = document.createElement('prom-panel');
  el.style.height = '240px';
  el.setAttribute('type', type);
  el.setAttribute('query', query);
  el.setAttribute('range', HOUR_RANGE);
  el.client = client;
  const data = next(el, 'prom-data');
  stage.append(el);
  await data;
  await el.updateComplete;
  await frame();
  return el;
}

describe('<prom-panel> recovers after a failure', () => {
  for (const [type, query] of TYPES) {
    for (const failure of ['500', 'network'] as const) {
      it(`${type}: drawn, then a ${failure} failure, then drawn again by refreshNow()`, async () => {
        const { state, fetcher } = switchableFetch();
        const el = await standalone(type, query, new PrometheusClient({ url, fetch: fetcher, retries: 0 }));
        expect(drawn(el, type), 'drawn at first').to.equal(true);

        state.mode = failure;
        await el.refreshNow();
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('[role="alert"]'), 'the failure is shown').to.not.equal(null);

        state.mode = 'ok';
        await el.refreshNow();
        await el.updateComplete;
        await frame();
        expect(el.shadowRoot!.querySelector('[role="alert"]'), 'the failure is gone').to.equal(null);
        await until(() => drawn(el, type), `${type} drawn again`);
      });
    }
  }

  it('Retry after a failure draws the chart again, and the zoom brush still works on the new chart', async () => {
    const { state, fetcher } = switchableFetch();
    const el = await standalone('timeseries', 'promkit_temperature_celsius', new PrometheusClient({ url, fetch: fetcher, retries: 0 }));
    state.mode = '500';
    await el.refreshNow();
    await el.updateComplete;
    state.mode = 'ok';
    const data = next(el, 'prom-data');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
    await data;
    await el.updateComplete;
    await until(() => painted(el), 'drawn after Retry');
    // The chart is a new ECharts instance on a new container: it must be the one the panel zooms on.
    const zoomed = new Promise<CustomEvent>((resolve) => el.addEventListener('prom-time-range-change', (e) => resolve(e as CustomEvent), { once: true }));
    const box = el.shadowRoot!.querySelector('canvas')!.getBoundingClientRect();
    const y = Math.round(box.top + box.height * 0.4);
    await sendMouse({ type: 'move', position: [Math.round(box.left + box.width * 0.3), y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [Math.round(box.left + box.width * 0.5), y] });
    await sendMouse({ type: 'move', position: [Math.round(box.left + box.width * 0.6), y] });
    await sendMouse({ type: 'up' });
    const event = await Promise.race([zoomed, new Promise<undefined>((r) => setTimeout(() => r(undefined), 3000))]);
    expect(event, 'drag-to-zoom fired on the re-created chart').to.not.equal(undefined);
  });
});

describe('failure messages at any width', () => {
  it('a narrow panel wraps its message whole words at a time, inside its frame; invalid settings list their problems without Retry', async () => {
    const el = document.createElement('prom-panel');
    el.style.cssText = 'height:200px;width:180px';
    el.setAttribute('title', 'A rather long panel title that cannot fit');
    el.setAttribute('query', 'up');
    el.client = new PrometheusClient({ url: 'http://127.0.0.1:9', retries: 0 });
    const failed = next(el, 'prom-error');
    stage.append(el);
    await failed;
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector<HTMLElement>('[role="alert"]')!;
    const detail = alert.querySelector<HTMLElement>('.detail')!;
    expect(detail.scrollWidth, 'no line wider than the message').to.be.at.most(detail.clientWidth + 1);
    const frame = el.getBoundingClientRect();
    const box = detail.getBoundingClientRect();
    expect(box.left >= frame.left && box.right <= frame.right, `the message ${JSON.stringify(box)} inside the panel ${JSON.stringify(frame)}`).to.equal(true);
    expect(getComputedStyle(detail).overflowWrap).to.equal('break-word');
    const title = el.shadowRoot!.querySelector<HTMLElement>('[part="title"]')!;
    expect(title.getAttribute('title'), 'the whole title on hover').to.equal('A rather long panel title that cannot fit');
    await executeServerCommand('screenshot', { selector: 'prom-panel', name: 'panel-narrow-error' });

    el.setAttribute('type', 'timeserie');
    el.setAttribute('scrape-interval', 'often');
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    const invalid = el.shadowRoot!.querySelector<HTMLElement>('[role="alert"]')!;
    expect(invalid.querySelector('strong')!.textContent).to.equal('Invalid panel settings');
    expect(invalid.textContent).to.match(/timeseries, stat, gauge, bargauge, table, heatmap, piechart, state-timeline, status-history, barchart, histogram, alertlist, text/);
    expect(invalid.querySelector('button'), 'nothing to retry').to.equal(null);
  });
});

describe('<prom-dashboard refresh> recovers after Prometheus stops and restarts', () => {
  it('every panel type draws again after a restart of Prometheus on the same port and data', async function () {
    this.timeout(60_000);
    const el = document.createElement('prom-dashboard') as PromDashboard;
    el.style.cssText = 'display:block;width:980px';
    el.setAttribute('url', url);
    el.setAttribute('refresh', '1s');
    el.setAttribute('from', new Date(T0 * 1000).toISOString());
    el.setAttribute('to', new Date(T_END * 1000).toISOString());
    el.dashboard = {
      schemaVersion: 1,
      title: 'Recovery',
      panels: TYPES.map(([type, query], i) => ({
        id: i + 1,
        type,
        title: type,
        gridPos: { x: (i % 2) * 12, y: Math.floor(i / 2) * 6, w: 12, h: 6 },
        targets: [{ refId: 'A', expr: query }],
      })),
    } as PromDashboard['dashboard'];
    el.clientOptions = { retries: 0 };
    stage.append(el);
    const panels = () => panelsIn(el.shadowRoot!);
    const allDrawn = () => panels().length === TYPES.length && panels().every((p, i) => drawn(p, TYPES[i]![0]));
    await until(allDrawn, 'every panel drawn at first');

    const notice = () => el.shadowRoot!.querySelector<HTMLElement>('[part="notice"]');
    expect(notice(), 'no notice while all is well').to.equal(null);
    await executeServerCommand('prometheus-kill');
    try {
      await until(() => panels().every((p) => p.shadowRoot!.querySelector('[role="alert"]') !== null), 'every panel shows the outage');
      await until(() => notice() !== null, 'the dashboard shows one notice');
      // One notice says which URL, what failed and when it tries again; panels say it briefly.
      const text = notice()!.textContent!.replace(/\s+/g, ' ');
      expect(text).to.contain(`Cannot reach ${url}`);
      expect(text).to.match(/Trying again every 1s, next at/);
      expect(el.shadowRoot!.querySelectorAll('[part="notice"]')).to.have.length(1);
      for (const p of panels()) {
        const alert = p.shadowRoot!.querySelector<HTMLElement>('[role="alert"]')!;
        expect(alert.querySelector('strong')!.textContent).to.equal('No connection');
        expect(alert.querySelector('.detail')!.getAttribute('title'), 'the whole message on hover').to.contain(url);
      }
      await executeServerCommand('screenshot', { selector: 'prom-dashboard', name: 'dashboard-outage-notice' });
    } finally {
      await executeServerCommand('prometheus-restart');
    }
    const restarted = performance.now();
    await until(allDrawn, 'every panel drawn again after the restart');
    console.log(`restart to all ${TYPES.length} panels drawn: ${Math.round(performance.now() - restarted)} ms`);
    expect(panels().some((p) => p.shadowRoot!.querySelector('[role="alert"]') !== null)).to.equal(false);
    await until(() => notice() === null, 'the notice is gone once the server is back');
  });
});

describe('every request has a deadline', () => {
  const upstream = window.__PROMKIT_TEST__.misbehavingUrl;
  const setMode = (mode: string) => fetch(`${upstream}/__mode`, { method: 'POST', body: mode });
  afterEach(() => setMode('proxy'));

  for (const stall of ['stall-after-headers', 'stall-before-headers']) {
    it(`a chart that drew, then a server that ${stall === 'stall-after-headers' ? 'sends headers and stalls mid-body' : 'never answers'}: TimeoutError with Retry, then drawn again`, async () => {
      await setMode('proxy');
      const el = document.createElement('prom-panel');
      el.style.height = '240px';
      for (const [k, v] of Object.entries({ url: upstream, query: 'promkit_temperature_celsius', range: HOUR_RANGE, timeout: '1s' })) el.setAttribute(k, v);
      const data = next(el, 'prom-data');
      stage.append(el);
      await data;
      await until(() => painted(el), 'drawn through the upstream at first');

      await setMode(stall);
      const failed = new Promise<CustomEvent>((resolve) => el.addEventListener('prom-error', (e) => resolve(e as CustomEvent), { once: true }));
      void el.refreshNow();
      const error = (await failed).detail.error;
      expect(error.name).to.equal('TimeoutError');
      await el.updateComplete;
      const alert = el.shadowRoot!.querySelector<HTMLElement>('[role="alert"]')!;
      expect(alert.textContent).to.match(/No complete answer from POST .* within 1000 ms/);
      expect(el.shadowRoot!.querySelector('.skeleton'), 'no skeleton left').to.equal(null);

      await setMode('proxy');
      const back = next(el, 'prom-data');
      alert.querySelector('button')!.click();
      await back;
      await until(() => painted(el), 'drawn again after Retry');
    });
  }
});
