/** <prom-panel> in Chromium against the real Prometheus: exact values, states, safety, cleanup. */
import { expect } from 'chai';
import { executeServerCommand, sendMouse } from '@web/test-runner-commands';
import { PrometheusClient, formatValueText } from '@promkit/core';
import { getInstanceByDom, init } from '../../charts/echarts.js';
import { HISTOGRAM_BUCKETS, STEP, T0, T_END, TRICKY_LABEL_VALUES, valueOf, storedSeries } from '../../../../../tests/harness/dataset.mjs';
import type { PromPanel } from './panel.component.js';
import { painted } from '../../../../../tests/browser/panel-probes.js';
import { panelStage, renderPanel } from '../../../../../tests/browser/panel-render.js';
import './panel.js';

const url = window.__PROMKIT_TEST__.prometheusUrl;
const HOUR_RANGE = `${new Date(T0 * 1000).toISOString()},${new Date(T_END * 1000).toISOString()}`;

/** Live ResizeObservers, counted by wrapping the constructor the controller uses. */
let liveObservers = 0;
const NativeResizeObserver = window.ResizeObserver;
window.ResizeObserver = class extends NativeResizeObserver {
  #live = false;
  override observe(target: Element, options?: ResizeObserverOptions) {
    if (!this.#live) liveObservers++;
    this.#live = true;
    super.observe(target, options);
  }
  override disconnect() {
    if (this.#live) liveObservers--;
    this.#live = false;
    super.disconnect();
  }
};

const stage = panelStage();

/** Renders a panel and waits until it has data (or an error). */
const panel = (attributes: Record<string, string>, setup?: (p: PromPanel) => void) => renderPanel<PromPanel>(stage, attributes, setup);

function shadow(el: PromPanel): ShadowRoot {
  return el.shadowRoot!;
}

async function screenshot(el: PromPanel, name: string) {
  el.id = `shot-${name}`;
  await executeServerCommand('screenshot', { selector: `#${el.id}`, name });
}

afterEach(() => {
  stage.replaceChildren();
});

describe('<prom-panel> types', () => {
  it('timeseries: exact dataset values, drawn from one Float64Array dataset per series', async () => {
    const el = await panel({ url, query: 'promkit_temperature_celsius', range: HOUR_RANGE, unit: 'celsius', 'legend-format': '{{room}}', title: 'Temperature' });
    const frames = el.results[0]!.frames;
    expect(frames.map((f) => f.labels['room'])).to.deep.equal(['lab', 'office']);
    const step = el.results[0]!.timing.step;
    frames.forEach((f) => {
      const room = f.labels['room']!;
      expect([...f.values]).to.deep.equal([...f.timestamps].map((t) => valueOf('promkit_temperature_celsius', { room }, (t / 1000 - T0) / STEP)));
    });
    expect(step % STEP).to.equal(0);
    const legend = [...shadow(el).querySelectorAll('.legend-name')].map((n) => n.textContent);
    expect(legend).to.deep.equal(['lab', 'office']);
    const chart = getInstanceByDom(shadow(el).querySelector<HTMLElement>('.canvas')!)!;
    const option = chart.getOption() as { dataset: { source: unknown }[] };
    expect(option.dataset[0]!.source).to.be.instanceOf(Float64Array);
    expect(painted(el)).to.equal(true);
  });

  it('stat: the shown text is the expected number', async () => {
    const el = await panel({ url, type: 'stat', query: 'promkit_combo{a="a4",b="b2"}', range: HOUR_RANGE, title: 'Combo 42' });
    expect(shadow(el).querySelector('.stat-value')!.textContent!.replace(/\s+/g, '')).to.equal(String(valueOf('promkit_combo', { a: 'a4', b: 'b2' }, 0)));
  });

  it('stat with a unit shows the formatted value', async () => {
    const el = await panel({ url, type: 'stat', query: 'promkit_temperature_celsius{room="lab"}', range: HOUR_RANGE, unit: 'celsius', decimals: '2', title: 'Lab' });
    const last = valueOf('promkit_temperature_celsius', { room: 'lab' }, (T_END - T0) / STEP)!;
    expect(shadow(el).querySelector('.stat-value')!.textContent!.replace(/\s+/g, '')).to.equal(formatValueText(last, 'celsius', 2).replace(/\s+/g, ''));
  });

  it('table: one row per series with the exact values, sortable by value', async () => {
    const el = await panel({ url, type: 'table', query: 'promkit_http_requests_total', range: HOUR_RANGE, title: 'Requests' });
    const end = (T_END - T0) / STEP;
    const expected = storedSeries()
      .filter((s) => s.name === 'promkit_http_requests_total')
      .map((s) => valueOf(s.name, s.labels, end));
    const table = shadow(el).querySelector('table')!;
    const headers = [...table.querySelectorAll('th')].map((th) => th.textContent!.trim());
    expect(headers).to.deep.equal(['instance', 'job', 'method', 'status', 'Value']);
    const valueCells = () => [...table.querySelectorAll('tbody tr')].map((tr) => tr.lastElementChild!.textContent!.trim());
    expect(valueCells().sort()).to.deep.equal(expected.map((v) => formatValueText(v!, 'none')).sort());
    table.querySelectorAll<HTMLButtonElement>('th button')[4]!.click();
    await el.updateComplete;
    const sorted = [...expected].sort((a, b) => b! - a!).map((v) => formatValueText(v!, 'none'));
    expect(valueCells()).to.deep.equal(sorted);
    expect(table.querySelectorAll('th')[4]!.getAttribute('aria-sort')).to.equal('descending');
  });

  it('bargauge: a bar per series, values from the dataset', async () => {
    const el = await panel({ url, type: 'bargauge', query: 'promkit_combo{a="a9"}', range: HOUR_RANGE, 'legend-format': '{{b}}', title: 'Bars' });
    const rows = [...shadow(el).querySelectorAll('.bar-row')].map((r) => [r.querySelector('.legend-name')!.textContent, r.querySelector('.bar-value')!.textContent]);
    expect(rows).to.deep.equal(Array.from({ length: 10 }, (_, b) => [`b${b}`, String(90 + b)]));
  });

  it('bargauge: small values fill their bars relative to the largest when no max is set', async () => {
    const el = await panel({ url, type: 'bargauge', query: 'promkit_combo{a="a0"} / 1000', range: HOUR_RANGE, 'legend-format': '{{b}}', unit: 's' });
    const widths = [...shadow(el).querySelectorAll<HTMLElement>('.bar-fill')].map((b) => Number.parseFloat(b.style.width));
    expect(widths.at(-1)).to.equal(100);
    expect(widths[1]).to.be.closeTo((1 / 9) * 100, 0.01);
  });

  it('barchart: an instant query is a bar per series, named by its legend, at the values Prometheus answers; a range query is a group of bars per time', async () => {
    const el = await panel({ url, range: HOUR_RANGE }, (p) => {
      p.style.width = '520px';
      p.style.height = '260px';
      p.spec = { type: 'barchart', title: 'Requests by method', targets: [{ refId: 'A', expr: 'sum by (method) (promkit_http_requests_total)', legendFormat: '{{method}}', instant: true }], fieldConfig: { defaults: { unit: 'short' }, overrides: [] } };
    });
    await screenshot(el, 'barchart');
    const answer = await new PrometheusClient({ url }).query({ query: 'sum by (method) (promkit_http_requests_total)', time: T_END });
    const expected = answer.resultType === 'vector' ? answer.result.map((r) => [r.metric['method'], Number(r.value?.[1])]) : [];
    const option = getInstanceByDom(shadow(el).querySelector<HTMLElement>('.canvas')!)!.getOption() as { xAxis: { type: string; data: string[] }[]; series: { type: string; data: (number | { value: number })[] }[] };
    expect(option.xAxis[0]!.type).to.equal('category');
    expect(option.series.map((s) => s.type)).to.deep.equal(['bar']);
    expect(option.xAxis[0]!.data.map((name, i) => [name, option.series[0]!.data[i]])).to.deep.equal(expected);
    expect(expected.length).to.equal(2);
    expect(painted(el)).to.equal(true);
    stage.replaceChildren();
    const perTime = await panel({ url, range: HOUR_RANGE }, (p) => {
      p.spec = { type: 'barchart', title: 'Temperature', maxDataPoints: 6, targets: [{ refId: 'A', expr: 'promkit_temperature_celsius', legendFormat: '{{room}}' }], fieldConfig: { defaults: { unit: 'celsius' }, overrides: [] }, options: { stacking: 'normal' } };
    });
    await screenshot(perTime, 'barchart-per-time');
    const byTime = getInstanceByDom(shadow(perTime).querySelector<HTMLElement>('.canvas')!)!.getOption() as { xAxis: { data: string[] }[]; series: { name: string; stack: string }[] };
    expect(byTime.series.map((s) => [s.name, s.stack])).to.deep.equal([['lab', 'total'], ['office', 'total']]);
    expect(byTime.xAxis[0]!.data.length).to.equal(perTime.results[0]!.frames[0]!.timestamps.length);
    expect([...shadow(perTime).querySelectorAll('.legend-name')].map((n) => n.textContent)).to.deep.equal(['lab', 'office']);
  });

  it('histogram: the samples of each series counted in value bands, as the real Prometheus answers them', async () => {
    const el = await panel({ url, range: HOUR_RANGE }, (p) => {
      p.spec = { type: 'histogram', title: 'Temperatures', targets: [{ refId: 'A', expr: 'promkit_temperature_celsius', legendFormat: '{{room}}' }], fieldConfig: { defaults: { unit: 'celsius' }, overrides: [] }, options: { bucketSize: 0.5 } };
    });
    await screenshot(el, 'histogram');
    const option = getInstanceByDom(shadow(el).querySelector<HTMLElement>('.canvas')!)!.getOption() as { series: { type: string; name: string; data: (number | string)[] }[] };
    expect(option.series.map((s) => [s.type, s.name])).to.deep.equal([['bar', 'lab'], ['bar', 'office']]);
    el.results[0]!.frames.forEach((f, i) => {
      const counted = option.series[i]!.data.reduce<number>((sum, v) => sum + (typeof v === 'number' ? v : 0), 0);
      expect(counted, `every sample of ${option.series[i]!.name} is in a band`).to.equal([...f.values].filter(Number.isFinite).length);
    });
    expect(painted(el)).to.equal(true);
  });

  it("exemplars: a target that asks for them draws the real Prometheus's exemplars as diamonds in its colour", async () => {
    let el: PromPanel | undefined;
    for (let tries = 0; tries < 40; tries++) {
      stage.replaceChildren();
      el = await panel({ url, range: 'now-10m' }, (p) => {
        p.spec = { type: 'timeseries', title: 'Live requests', targets: [{ refId: 'A', expr: 'rate(promkit_live_requests_total[1m])', exemplar: true, legendFormat: '{{path}}' }], fieldConfig: { defaults: { unit: 'reqps' }, overrides: [] } };
      });
      // Exemplars can come before rate() has two samples to draw (a Prometheus just started): wait for both.
      if (el.results[0]?.exemplars?.length && el.results[0].frames.length) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const exemplars = el!.results[0]!.exemplars!;
    expect(exemplars.length).to.be.greaterThan(0);
    await el!.updateComplete;
    const option = getInstanceByDom(shadow(el!).querySelector<HTMLElement>('.canvas')!)!.getOption() as { series: { id: string; symbol?: string; data: { value: number[] }[] }[] };
    const scatter = option.series.find((s) => s.id === 'exemplars');
    expect(scatter?.symbol).to.equal('diamond');
    expect(scatter!.data.map((d) => d.value.slice(0, 2))).to.deep.equal(exemplars.map((e) => [e.time, e.value]).sort((a, b) => a[0]! - b[0]!));
    expect(painted(el!)).to.equal(true);
    await screenshot(el!, 'timeseries-exemplars');
  });

  it('gauge: draws on canvas with the reduced value', async () => {
    const el = await panel({ url, type: 'gauge', query: 'promkit_combo{a="a6",b="b5"}', range: HOUR_RANGE, title: 'Gauge' });
    expect(el.results[0]!.frames[0]!.values.at(-1)).to.equal(65);
    expect(painted(el)).to.equal(true);
  });

  it('piechart: a slice per series by its reduced value, a donut, the legend with value and percent; a click hides a slice', async () => {
    const el = await panel({ url, range: HOUR_RANGE }, (p) => {
      p.style.width = '520px';
      p.style.height = '260px';
      p.spec = {
        type: 'piechart',
        title: 'Combos',
        targets: [{ refId: 'A', expr: 'promkit_combo{a="a0"}', legendFormat: '{{b}}' }],
        options: { pieType: 'donut', displayLabels: ['percent'], legend: { displayMode: 'list', placement: 'right', calcs: [], values: ['value', 'percent'] }, reduceOptions: { calcs: ['lastNotNull'] } },
      };
    });
    await screenshot(el, 'piechart-donut');
    const option = getInstanceByDom(shadow(el).querySelector<HTMLElement>('.canvas')!)!.getOption() as { series: { type: string; radius: string[]; data: { name: string; value: number }[] }[] };
    expect(option.series[0]!.type).to.equal('pie');
    expect(option.series[0]!.radius).to.deep.equal(['45%', '75%']);
    // b0 … b9 are 0 … 9 of 45 (b0 a slice of nothing).
    expect(option.series[0]!.data.map((d) => d.value).sort((x, y) => x - y)).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(painted(el)).to.equal(true);
    const items = () => [...shadow(el).querySelectorAll('[part="legend"] li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(items()).to.include('b9 9 20%');
    expect(items()).to.include('b1 1 2.2%');
    shadow(el).querySelector<HTMLButtonElement>('[part="legend"] li:last-child button')!.click();
    await el.updateComplete;
    // Hiding b9 leaves 36 to share: b8 is 8 of 36.
    expect(items()).to.include('b8 8 22%');
    expect(items()).to.include('b9 9 –');
  });

  it('state-timeline: a row per series, one span per run of a value, in its mapping colour and text; status-history: a cell per sample', async () => {
    const states = (type: 'state-timeline' | 'status-history') =>
      panel({ url, range: HOUR_RANGE }, (p) => {
        p.style.width = '640px';
        p.style.height = '200px';
        p.spec = {
          type,
          title: 'Combos',
          targets: [{ refId: 'A', expr: 'promkit_combo{a="a1",b=~"b[0-2]"}', legendFormat: '{{b}}' }],
          fieldConfig: {
            defaults: {
              mappings: [{ type: 'value', options: { '10': { text: 'ten', color: 'green' }, '11': { text: 'eleven', color: 'orange' } } }],
              thresholds: { mode: 'absolute', steps: [{ value: null, color: 'blue' }, { value: 12, color: 'red' }] },
            },
            overrides: [],
          },
        };
      });
    const timeline = await states('state-timeline');
    await screenshot(timeline, 'state-timeline');
    const rows = [...shadow(timeline).querySelectorAll('.state-row')];
    expect(rows.map((r) => r.querySelector('.state-name')!.textContent)).to.deep.equal(['b0', 'b1', 'b2']);
    // Each series holds one value for the whole hour: one span from its first sample on.
    expect(rows.map((r) => r.querySelectorAll('.state-span').length)).to.deep.equal([1, 1, 1]);
    const spans = rows.map((r) => r.querySelector<HTMLElement>('.state-span')!);
    expect(spans.map((x) => x.textContent!.trim())).to.deep.equal(['ten', 'eleven', '12']);
    const colors = spans.map((x) => getComputedStyle(x).backgroundColor);
    expect(new Set(colors).size).to.equal(3);
    expect(Number.parseFloat(spans[0]!.style.width)).to.be.greaterThan(90);
    expect(rows[0]!.getAttribute('aria-label')).to.match(/^b0: ten from /);
    // The legend says what the mapped colours mean.
    expect([...shadow(timeline).querySelectorAll('[part="legend"] li')].map((li) => li.textContent!.trim())).to.deep.equal(['ten', 'eleven']);
    const history = await states('status-history');
    await screenshot(history, 'status-history');
    const samples = history.results[0]!.frames[0]!.timestamps.length;
    expect([...shadow(history).querySelectorAll('.state-row')].map((r) => r.querySelectorAll('.state-span').length)).to.deep.equal([samples, samples, samples]);
    expect(painted(history)).to.equal(false);
  });

  it('heatmap: classic histogram buckets over time become per-bucket counts', async () => {
    const el = await panel({ url, type: 'heatmap', query: 'sum by (le) (rate(promkit_request_duration_seconds_bucket[5m]))', range: HOUR_RANGE, title: 'Latency' });
    const chart = getInstanceByDom(shadow(el).querySelector<HTMLElement>('.canvas')!)!;
    const option = chart.getOption() as { yAxis: { data: string[] }[] };
    expect(option.yAxis[0]!.data).to.have.length(HISTOGRAM_BUCKETS.length);
    expect(painted(el)).to.equal(true);
  });

  it('heatmap with calculate: raw series bucketed by value, how many series in each band at each time', async () => {
    const el = await panel({ url, range: HOUR_RANGE }, (p) => {
      p.style.width = '640px';
      p.style.height = '240px';
      p.spec = {
        type: 'heatmap',
        title: 'Combos by value',
        targets: [{ refId: 'A', expr: 'promkit_combo{a="a2"}' }],
        options: { calculate: true, calculation: { yBuckets: { mode: 'count', value: 5 } } },
      };
    });
    await screenshot(el, 'heatmap-calculate');
    const option = getInstanceByDom(shadow(el).querySelector<HTMLElement>('.canvas')!)!.getOption() as { yAxis: { data: string[] }[]; dataset: { source: Float64Array }[] };
    // Values 20 … 29 in five bands of 1.8: two series in each, at every time.
    expect(option.yAxis[0]!.data).to.have.length(5);
    const counts = new Set(Array.from({ length: option.dataset[0]!.source.length / 3 }, (_, i) => option.dataset[0]!.source[i * 3 + 2]));
    expect([...counts]).to.deep.equal([2]);
    expect(painted(el)).to.equal(true);
  });

  it('text: markdown rendered, scripts and handlers removed', async () => {
    const el = document.createElement('prom-panel');
    el.spec = {
      id: 1,
      type: 'text',
      title: 'Notes',
      gridPos: { x: 0, y: 0, w: 12, h: 4 },
      options: { content: '**Owned** by ops <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onerror="window.__xss=1"> <script>window.__xss=2</script> [docs](javascript:alert(1))' },
    };
    stage.append(el);
    await el.updateComplete;
    const body = shadow(el).querySelector('.markdown')!;
    expect(body.querySelector('strong')!.textContent).to.equal('Owned');
    expect(body.querySelector('script')).to.equal(null);
    expect(body.querySelector('img')!.hasAttribute('onerror')).to.equal(false);
    expect(body.querySelector('a')?.getAttribute('href') ?? '').not.to.match(/javascript:/);
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
  });
});

describe('<prom-panel> safety and states', () => {
  it('label values that look like HTML are shown as text in legend and tooltip', async () => {
    const el = await panel({ url, query: 'promkit_label_text', range: HOUR_RANGE, 'legend-format': '{{text}}' });
    const names = [...shadow(el).querySelectorAll('.legend-name')].map((n) => n.textContent);
    expect([...names].sort()).to.deep.equal([...TRICKY_LABEL_VALUES].sort());
    expect(shadow(el).querySelector('[part="legend"] img')).to.equal(null);
    const chart = getInstanceByDom(shadow(el).querySelector<HTMLElement>('.canvas')!)!;
    chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: 3 });
    await new Promise((r) => setTimeout(r, 100));
    const tooltip = [...shadow(el).querySelectorAll('div')].find((d) => d.textContent?.includes('<img src=x onerror=alert(1)>'));
    expect(tooltip, 'tooltip shows the markup as text').to.not.equal(undefined);
    expect(shadow(el).querySelector('[part="chart"] img')).to.equal(null);
  });

  it('one failing target leaves the others drawn and shows a warning badge naming it', async () => {
    const el = await panel({ range: HOUR_RANGE }, (p) => {
      p.url = url;
      p.spec = {
        id: 1,
        type: 'timeseries',
        title: 'Mixed',
        gridPos: { x: 0, y: 0, w: 12, h: 8 },
        targets: [
          { refId: 'A', expr: 'promkit_temperature_celsius' },
          { refId: 'B', expr: 'promkit_combo / on() promkit_combo' },
        ],
      };
    });
    expect(shadow(el).querySelector('[role="alert"]')).to.equal(null);
    const badge = shadow(el).querySelector('.badge')!;
    expect(badge.textContent!.trim()).to.equal('⚠ 1');
    expect(badge.getAttribute('aria-label')).to.match(/^1 warning\(s\): B: Prometheus could not run the query \(execution, 422\)/);
    expect(shadow(el).querySelectorAll('.legend-name')).to.have.length(2);
    await screenshot(el, 'warning-badge');
  });

  it('a refresh keeps the chart and replaces only its data, drawing once (not for the spinner)', async () => {
    const el = await panel({ url, query: 'promkit_temperature_celsius', range: HOUR_RANGE });
    const chart = getInstanceByDom(shadow(el).querySelector<HTMLElement>('.canvas')!)!;
    let fullRedraws = 0;
    let draws = 0;
    const setOption = chart.setOption.bind(chart);
    chart.setOption = ((option: unknown, opts?: { notMerge?: boolean }) => {
      draws++;
      if (opts?.notMerge) fullRedraws++;
      return setOption(option as never, opts as never);
    }) as typeof chart.setOption;
    let spinnerShown = false;
    // The event comes before the panel marks itself refreshing: look once that update has rendered.
    el.addEventListener('prom-refresh', () => void Promise.resolve().then(() => el.updateComplete).then(() => (spinnerShown = !!shadow(el).querySelector('.spinner'))), { once: true });
    const refreshed = new Promise((resolve) => el.addEventListener('prom-data', resolve, { once: true }));
    await el.refreshNow();
    await refreshed;
    await el.updateComplete;
    expect(getInstanceByDom(shadow(el).querySelector<HTMLElement>('.canvas')!)).to.equal(chart);
    expect(fullRedraws).to.equal(0);
    expect(spinnerShown, 'the refresh showed its spinner').to.equal(true);
    expect(draws, 'setOption calls for one refresh').to.equal(1);
  });

  it('no data is said plainly', async () => {
    const el = await panel({ url, query: 'promkit_does_not_exist', range: HOUR_RANGE });
    expect(shadow(el).querySelector('.message')!.textContent!.trim()).to.equal('No data');
  });

  it('a parse error shows the typed message, and Retry recovers after Prometheus comes back', async () => {
    const bad = await panel({ url, query: 'sum(rate(x[5m]', range: HOUR_RANGE });
    expect(shadow(bad).querySelector('[role="alert"] .detail')!.textContent).to.match(/^PromQL parse error at line 1, column 15/);

    await executeServerCommand('prometheus-kill');
    let el: PromPanel;
    try {
      el = await panel({ url, type: 'stat', query: 'promkit_combo{a="a1",b="b1"}', range: HOUR_RANGE }, (p) => {
        p.client = undefined;
      });
      expect(shadow(el).querySelector('[role="alert"] .detail')!.textContent).to.match(/^Cannot reach http:\/\/127\.0\.0\.1:\d+\/api\/v1\/query/);
    } finally {
      await executeServerCommand('prometheus-restart');
    }
    const recovered = new Promise((resolve) => el.addEventListener('prom-data', resolve, { once: true }));
    shadow(el).querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
    await recovered;
    await el.updateComplete;
    expect(shadow(el).querySelector('.stat-value')!.textContent!.trim()).to.equal('11');
  });

  it('refresh picks up newly scraped samples', async () => {
    const el = await panel({ url, type: 'stat', query: 'max(promkit_live_requests_total)', range: 'now-5m', refresh: '1s' });
    // Prometheus may have only just started: wait for its first scrape of the live exporter.
    const lastValue = () => el.results[0]?.frames[0]?.values.at(-1);
    for (let i = 0; i < 20 && lastValue() === undefined; i++) {
      await new Promise((resolve) => el.addEventListener('prom-data', resolve, { once: true }));
    }
    const first = lastValue()!;
    expect(first).to.be.a('number');
    let latest = first;
    for (let i = 0; i < 20 && latest <= first; i++) {
      await new Promise((resolve) => el.addEventListener('prom-data', resolve, { once: true }));
      latest = el.results[0]!.frames[0]?.values.at(-1) ?? latest;
    }
    expect(latest).to.be.greaterThan(first);
    await el.updateComplete;
    expect(shadow(el).querySelector('.stat-value')!.textContent!.trim()).to.equal(formatValueText(latest, 'none'));
  });

  it('leaves no ECharts instance or observer behind, and re-creates the chart when moved', async () => {
    const before = liveObservers;
    const el = await panel({ url, query: 'promkit_temperature_celsius', range: HOUR_RANGE });
    const container = shadow(el).querySelector<HTMLElement>('.canvas')!;
    expect(getInstanceByDom(container)).to.not.equal(undefined);
    expect(liveObservers).to.equal(before + 1);
    // Moving the element: disconnect then connect.
    const other = document.createElement('div');
    stage.append(other);
    other.append(el);
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    expect(getInstanceByDom(shadow(el).querySelector<HTMLElement>('.canvas')!)).to.not.equal(undefined);
    expect(liveObservers).to.equal(before + 1);
    el.remove();
    expect(getInstanceByDom(container)).to.equal(undefined);
    expect(getInstanceByDom(shadow(el).querySelector<HTMLElement>('.canvas')!)).to.equal(undefined);
    expect(liveObservers).to.equal(before);
  });
});

describe('<prom-panel> interaction', () => {
  it('is drawn once when it appears (no resize for the size it already has), and follows its box when resized', async () => {
    // Count resizes of every chart, from before this panel's chart exists.
    const probe = document.createElement('div');
    probe.style.cssText = 'width:10px;height:10px';
    document.body.append(probe);
    const probeChart = init(probe);
    const proto = Object.getPrototypeOf(probeChart) as { resize: (...args: unknown[]) => void };
    const original = proto.resize;
    let resizes = 0;
    proto.resize = function (this: unknown, ...args: unknown[]) {
      resizes++;
      original.apply(this, args);
    };
    try {
      const el = await panel({ url, query: 'promkit_temperature_celsius', range: HOUR_RANGE }, (p) => {
        p.style.width = '400px';
      });
      await new Promise((r) => setTimeout(r, 200));
      expect(resizes, 'appearing at its size: no redraw').to.equal(0);
      el.style.width = '600px';
      await new Promise((r) => setTimeout(r, 200));
      expect(resizes).to.equal(1);
      expect(getInstanceByDom(shadow(el).querySelector<HTMLElement>('.canvas')!)!.getWidth()).to.be.within(560, 600);
    } finally {
      proto.resize = original;
      probeChart.dispose();
      probe.remove();
    }
  });

  it('dragging across the chart zooms: a time-range event with the dragged span', async () => {
    const el = await panel({ url, query: 'promkit_temperature_celsius', range: HOUR_RANGE });
    const canvas = shadow(el).querySelector('canvas')!.getBoundingClientRect();
    const events: { from: string; to: string }[] = [];
    el.addEventListener('prom-time-range-change', (e) => events.push((e as CustomEvent).detail));
    const y = Math.round(canvas.top + canvas.height * 0.4);
    await sendMouse({ type: 'move', position: [Math.round(canvas.left + canvas.width * 0.3), y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [Math.round(canvas.left + canvas.width * 0.5), y] });
    await sendMouse({ type: 'move', position: [Math.round(canvas.left + canvas.width * 0.6), y] });
    // While dragging, the brush covers the dragged span over the plot.
    const brush = shadow(el).querySelector<HTMLElement>('.brush')!;
    expect(brush.hidden).to.equal(false);
    expect(brush.getBoundingClientRect().width).to.be.within(canvas.width * 0.28, canvas.width * 0.32);
    await executeServerCommand('screenshot', { selector: 'prom-panel', name: 'panel-drag-zoom' });
    const reloaded = new Promise((resolve) => el.addEventListener('prom-data', resolve, { once: true }));
    await sendMouse({ type: 'up' });
    await new Promise((r) => setTimeout(r, 100));
    expect(brush.hidden).to.equal(true);
    expect(events).to.have.length(1);
    const from = Date.parse(events[0]!.from) / 1000;
    const to = Date.parse(events[0]!.to) / 1000;
    expect(from).to.be.greaterThan(T0);
    expect(to).to.be.lessThan(T_END);
    expect(to - from).to.be.within(600, 1800);
    // Standalone, the panel takes the new range itself and queries it.
    await reloaded;
    expect(el.results[0]!.timing.start).to.be.at.least(Math.floor(from / 15) * 15 - 60);
  });

  it('an off-screen panel pauses its refresh and resumes when scrolled into view', async () => {
    const spacer = document.createElement('div');
    spacer.style.cssText = 'height:3000px;grid-column:1 / -1';
    stage.append(spacer);
    const el = await panel({ url, type: 'stat', query: 'max(promkit_live_requests_total)', range: 'now-5m', refresh: '1s' });
    let refreshes = 0;
    el.addEventListener('prom-refresh', () => refreshes++);
    await new Promise((r) => setTimeout(r, 2500));
    expect(refreshes, 'no refresh while off-screen').to.equal(0);
    el.scrollIntoView();
    await new Promise((resolve) => el.addEventListener('prom-data', resolve, { once: true }));
    expect(refreshes).to.be.greaterThan(0);
    window.scrollTo(0, 0);
  });
});

describe('screenshots per panel type and theme', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}`, async () => {
      stage.style.background = theme === 'dark' ? '#0d1117' : '#ffffff';
      const common = { url, range: HOUR_RANGE, theme };
      const panels = [
        ['timeseries', { ...common, query: 'rate(promkit_http_requests_total[5m])', unit: 'reqps', 'legend-format': '{{instance}} {{method}} {{status}}', title: 'Request rate' }],
        ['stat', { ...common, type: 'stat', query: 'sum(rate(promkit_http_requests_total[5m]))', unit: 'reqps', title: 'Total requests/s' }],
        ['gauge', { ...common, type: 'gauge', query: 'promkit_combo{a="a6",b="b5"}', unit: 'percent', title: 'Quota used' }],
        ['bargauge', { ...common, type: 'bargauge', query: 'promkit_combo{a="a4"}', 'legend-format': '{{b}}', title: 'Per table' }],
        ['table', { ...common, type: 'table', query: 'promkit_http_requests_total', title: 'Requests by series' }],
        ['heatmap', { ...common, type: 'heatmap', query: 'sum by (le) (rate(promkit_request_duration_seconds_bucket[5m]))', title: 'Latency buckets' }],
        ['barchart', { ...common, type: 'barchart', instant: '', query: 'sum by (method, status) (promkit_http_requests_total)', 'legend-format': '{{method}} {{status}}', title: 'Requests by method and status' }],
        ['histogram', { ...common, type: 'histogram', query: 'promkit_temperature_celsius', unit: 'celsius', 'legend-format': '{{room}}', title: 'Temperature spread' }],
        ['piechart', { ...common, type: 'piechart', query: 'sum by (method) (promkit_http_requests_total)', 'legend-format': '{{method}}', title: 'Requests by method' }],
        ['state-timeline', { ...common, type: 'state-timeline', query: 'promkit_temperature_celsius > bool 20', 'legend-format': '{{room}} warm', title: 'Warm rooms' }],
      ] as const;
      const text = document.createElement('prom-panel');
      text.setAttribute('theme', theme);
      text.style.height = '280px';
      text.spec = {
        id: 9,
        type: 'text',
        title: 'About this service',
        gridPos: { x: 0, y: 0, w: 12, h: 6 },
        options: { content: '## Checkout API\n\nOwned by **payments**. On call: see the [runbook](https://example.com/runbook).\n\n- p99 target: 300 ms\n- error budget: 0.1 %' },
      };
      stage.append(text);
      await text.updateComplete;
      await screenshot(text, `text-${theme}`);
      for (const [name, attributes] of panels) {
        const el = await panel(attributes as Record<string, string>);
        expect(el.shadowRoot!.querySelector('[role="alert"]'), `${name} rendered without error`).to.equal(null);
        await new Promise((r) => setTimeout(r, 150));
        await screenshot(el, `${name}-${theme}`);
      }
    });
  }
});

describe('<prom-panel scrape-interval>', () => {
  it('sizes $__rate_interval from the scrape interval it is given, and names a bad one', async () => {
    const query = 'sum(rate(promkit_http_requests_total[$__rate_interval]))';
    const fifteen = await panel({ url, query, range: HOUR_RANGE });
    const minute = await panel({ url, query, range: HOUR_RANGE, 'scrape-interval': '1m' });
    // An hour over a 560 px panel: a step well under a minute, so 4 × scrape interval wins.
    expect(fifteen.results[0]!.expr).to.equal('sum(rate(promkit_http_requests_total[1m]))');
    expect(minute.results[0]!.expr).to.equal('sum(rate(promkit_http_requests_total[4m]))');
    const bad = await panel({ url, query, range: HOUR_RANGE, 'scrape-interval': 'often' });
    const alert = shadow(bad).querySelector('[role="alert"]')!;
    expect(alert.querySelector('strong')!.textContent).to.equal('Invalid panel settings');
    expect(alert.textContent!.replace(/\s+/g, ' ')).to.contain('scrape-interval: must be a duration such as 15s or 1m, got "often"');
  });
});

describe('<prom-panel type="stat"> sizing', () => {
  it('shrinks a long value to fit a narrow stat instead of cutting it off', async () => {
    const p = await panel({ url, type: 'stat', query: 'vector(93784)', unit: 'dtdurations', range: HOUR_RANGE }, (el) => (el.style.width = '180px'));
    const line = shadow(p).querySelector<HTMLElement>('.stat-line')!;
    const stat = shadow(p).querySelector<HTMLElement>('.stat')!;
    expect(line.textContent).to.contain(formatValueText(93784, 'dtdurations'));
    expect(line.getBoundingClientRect().width).to.be.at.most(stat.getBoundingClientRect().width);
    await executeServerCommand('screenshot', { selector: 'prom-panel:last-child', name: 'panel-stat-long-value' });
  });
});

describe('<prom-panel> legend placement', () => {
  it('puts the legend right of the chart when the spec asks for it, as the attribute does', async () => {
    const spec = {
      type: 'timeseries' as const,
      title: 'Legend on the right',
      targets: [{ refId: 'A', expr: 'promkit_temperature_celsius', legendFormat: '{{room}}' }],
      options: { legend: { displayMode: 'table' as const, placement: 'right' as const, calcs: ['mean' as const] } },
    };
    for (const p of [await panel({ url, range: HOUR_RANGE }, (el) => (el.spec = spec)), await panel({ url, range: HOUR_RANGE, query: 'promkit_temperature_celsius', legend: 'table', 'legend-placement': 'right' })]) {
      const chart = shadow(p).querySelector('[part="chart"]')!.getBoundingClientRect();
      const legend = shadow(p).querySelector('[part="legend"]')!.getBoundingClientRect();
      expect(legend.left).to.be.at.least(chart.right);
      expect(legend.top).to.be.below(chart.bottom);
    }
  });
});
