/**
 * <prom-panel> with the samples Prometheus really sends: `+Inf`, `-Inf` and `NaN` from division by
 * zero, against the real Prometheus. Every type draws its finite data, keeps its scale finite and
 * writes the infinities as Prometheus does.
 */
import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { getInstanceByDom } from '../../charts/echarts.js';
import { STEP, T0, T_END, valueOf } from '../../../../../tests/harness/dataset.mjs';
import type { PromPanel, PanelSpec } from './panel.component.js';
import { painted } from '../../../../../tests/browser/panel-probes.js';
import { panelStage, renderPanel } from '../../../../../tests/browser/panel-render.js';
import './panel.js';

const url = window.__PROMKIT_TEST__.prometheusUrl;
const HOUR_RANGE = `${new Date(T0 * 1000).toISOString()},${new Date(T_END * 1000).toISOString()}`;
const LAB = 'promkit_temperature_celsius{room="lab"}';
/** +Inf where the lab reads 20 °C (every 8th sample, the last one included), 4 … 0.57 elsewhere. */
const POS_INF = `1 / (${LAB} - 20)`;
/** The same with the sign turned: -Inf and -4 … -0.57. */
const NEG_INF = `-1 / (${LAB} - 20)`;
/** One series with both: +Inf and -Inf by turns, every 8th sample. */
const MIXED_INF = `${POS_INF} * (2 * scalar(floor(vector(time() / 120)) % 2) - 1)`;
/** +Inf at every other sample, the lab temperature between: each finite sample stands alone. */
const ALTERNATING = `${LAB} / ((${LAB} - 20) * 4 % 2)`;

/** What `1 / (lab - 20)` is at sample index i, computed from the dataset. */
const posInfAt = (i: number) => 1 / (valueOf('promkit_temperature_celsius', { room: 'lab' }, i)! - 20);

const stage = panelStage();

/** Renders a panel (with `spec`, if given) and waits until it has data (or an error). */
const panel = (attributes: Record<string, string>, spec?: PanelSpec) => renderPanel<PromPanel>(stage, attributes, spec && ((el) => (el.spec = spec)));

function chartOf(el: PromPanel) {
  return getInstanceByDom(el.shadowRoot!.querySelector<HTMLElement>('.canvas')!)!;
}

function text(el: PromPanel, selector: string): string[] {
  return [...el.shadowRoot!.querySelectorAll(selector)].map((n) => n.textContent!.replace(/\s+/g, ' ').trim());
}

/** Canvas pixels in (about) one colour: lines and points of a series, not axes or labels. */
function pixelsOf(el: PromPanel, hex: string): number {
  const canvas = el.shadowRoot!.querySelector('canvas')!;
  const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  const [r, g, b] = [1, 3, 5].map((k) => Number.parseInt(hex.slice(k, k + 2), 16)) as [number, number, number];
  let n = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3]! > 200 && Math.abs(data[i]! - r) < 24 && Math.abs(data[i + 1]! - g) < 24 && Math.abs(data[i + 2]! - b) < 24) n++;
  }
  return n;
}

/** The y axis' drawn extent, from ECharts' model. */
function yExtent(el: PromPanel): [number, number] {
  const model = (chartOf(el) as unknown as { getModel(): { getComponent(t: string, i: number): { axis: { scale: { getExtent(): [number, number] } } } } }).getModel();
  return model.getComponent('yAxis', 0).axis.scale.getExtent();
}

async function screenshot(el: PromPanel, name: string) {
  el.id = `shot-${name}`;
  await executeServerCommand('screenshot', { selector: `#${el.id}`, name });
}

afterEach(() => stage.replaceChildren());

describe('<prom-panel> with +Inf, -Inf and NaN samples', () => {
  it('timeseries: every finite sample drawn, infinities as gaps, y axis on the finite data, +Inf in tooltip and legend', async () => {
    const el = await panel({ url, range: HOUR_RANGE, title: '1 / (lab − 20)' }, {
      type: 'timeseries',
      title: '1 / (lab − 20)',
      targets: [{ refId: 'A', expr: POS_INF, legendFormat: 'inverse' }, { refId: 'B', expr: NEG_INF, legendFormat: 'negative' }],
      options: { legend: { displayMode: 'table', placement: 'bottom', calcs: ['max', 'min', 'mean', 'lastNotNull'] } },
    });
    await screenshot(el, 'nonfinite-timeseries');
    const frame = el.results[0]!.frames[0]!;
    expect(el.results[0]!.timing.step).to.equal(STEP);
    expect([...frame.values]).to.deep.equal([...frame.timestamps].map((t) => posInfAt((t / 1000 - T0) / STEP)));
    expect(frame.values.filter((v) => v === Number.POSITIVE_INFINITY).length).to.be.greaterThan(10);

    const chart = chartOf(el);
    const option = chart.getOption() as { dataset: { source: Float64Array }[]; series: { color: string }[] };
    const drawn = option.dataset[0]!.source.filter((_, i) => i % 2 === 1);
    expect(drawn.every((v) => !Number.isFinite(v) ? Number.isNaN(v) : true), 'no infinity reaches ECharts').to.equal(true);
    expect([...drawn].filter(Number.isFinite)).to.deep.equal([...frame.values].filter(Number.isFinite));

    const [lo, hi] = yExtent(el);
    expect(Number.isFinite(lo) && Number.isFinite(hi)).to.equal(true);
    // The finite samples, padded by a tenth and ended on ticks: no infinity stretches the axis.
    expect(lo).to.be.at.least(-6);
    expect(hi).to.be.at.most(6);
    expect(hi).to.be.at.least(4);
    expect(pixelsOf(el, option.series[0]!.color), 'the line of the finite samples').to.be.greaterThan(200);
    expect(pixelsOf(el, option.series[1]!.color), 'the line of the negative series').to.be.greaterThan(200);

    const rows = [...el.shadowRoot!.querySelectorAll('[part="legend"] tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()));
    expect(rows).to.deep.equal([
      ['inverse', '+Inf', '0.571', '+Inf', '+Inf'],
      ['negative', '-0.571', '-Inf', '-Inf', '-Inf'],
    ]);

    // Hover the last sample, a +Inf: the tooltip names it.
    const [x, y] = chart.convertToPixel({ xAxisIndex: 0, yAxisIndex: 0 }, [T_END * 1000, 1]) as number[];
    chart.dispatchAction({ type: 'showTip', x, y });
    const tooltip = [...el.shadowRoot!.querySelectorAll('div')].map((d) => d.textContent ?? '').find((t) => t.includes('inverse'));
    await screenshot(el, 'nonfinite-timeseries-tooltip');
    expect(tooltip).to.contain('inverse+Inf').and.to.contain('negative-Inf');
  });

  it('timeseries: a finite sample between two infinities is drawn as a point', async () => {
    const el = await panel({ url, range: HOUR_RANGE, query: ALTERNATING, title: 'Every other sample +Inf' });
    await screenshot(el, 'nonfinite-timeseries-alternating');
    const values = el.results[0]!.frames[0]!.values;
    expect(values.filter(Number.isFinite).length).to.equal(120);
    expect(values.filter((v) => v === Number.POSITIVE_INFINITY).length).to.equal(121);
    const chart = chartOf(el);
    const color = (chart.getOption() as { series: { color: string }[] }).series[0]!.color;
    const [lo, hi] = yExtent(el);
    // The axis follows the finite samples (20 to 21.75), padded as Grafana pads it, not from zero.
    expect(lo).to.be.within(19, 20);
    expect(hi).to.be.within(21.75, 25);
    expect(pixelsOf(el, color), 'points of the lone finite samples').to.be.greaterThan(120 * 3);
  });

  it('stat: +Inf, -Inf and NaN written as Prometheus does; max and mean over infinities are infinite', async () => {
    const last = await panel({ url, type: 'stat', query: POS_INF, range: HOUR_RANGE, title: 'Last' });
    await screenshot(last, 'nonfinite-stat');
    expect(text(last, '.stat-value')).to.deep.equal(['+Inf']);
    expect(last.shadowRoot!.querySelector('.sparkline'), 'the sparkline of the finite samples').to.not.equal(null);
    for (const [calc, query, expected] of [
      ['mean', POS_INF, '+Inf'],
      ['max', POS_INF, '+Inf'],
      ['min', POS_INF, '0.571'],
      ['mean', NEG_INF, '-Inf'],
      ['mean', MIXED_INF, 'NaN'],
    ] as const) {
      const el = await panel({ url, range: HOUR_RANGE }, { type: 'stat', title: calc, targets: [{ refId: 'A', expr: query }], options: { reduceOptions: { calcs: [calc] } } });
      expect(text(el, '.stat-value')[0], `${calc} of ${query}`).to.equal(expected);
    }
  });

  it('bar gauge: +Inf fills its bar and says +Inf; -Inf and NaN are empty bars; finite bars scale to the largest finite value', async () => {
    const el = await panel({
      url,
      type: 'bargauge',
      range: HOUR_RANGE,
      query: 'promkit_special_value{kind=~"pos_inf|neg_inf|nan"} or promkit_combo{a="a0",b=~"b2|b5"}',
      'legend-format': '{{kind}}{{b}}',
    });
    await screenshot(el, 'nonfinite-bargauge');
    const rows = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.bar-row')].map((r) => [
      r.querySelector('.legend-name')!.textContent!,
      [r.querySelector('.bar-value')!.textContent, Number.parseFloat(r.querySelector<HTMLElement>('.bar-fill')!.style.width)],
    ]);
    expect(Object.fromEntries(rows)).to.deep.equal({
      nan: ['NaN', 0],
      neg_inf: ['-Inf', 0],
      pos_inf: ['+Inf', 100],
      b2: ['2', 40],
      b5: ['5', 100],
    });
  });

  it('gauge: +Inf says +Inf and points at the max; the canvas is drawn', async () => {
    const el = await panel({ url, type: 'gauge', query: POS_INF, range: HOUR_RANGE, title: 'Gauge' });
    await screenshot(el, 'nonfinite-gauge');
    const option = chartOf(el).getOption() as { series: { data: { value: number }[]; detail: { formatter: () => string }; max: number }[] };
    expect(option.series[0]!.data[0]!.value).to.equal(option.series[0]!.max);
    expect(option.series[0]!.detail.formatter()).to.equal('+Inf');
    expect(painted(el)).to.equal(true);
  });

  it('table: cells say +Inf, -Inf and NaN, and sort with +Inf on top', async () => {
    const el = await panel({ url, type: 'table', query: 'promkit_special_value{kind=~"pos_inf|neg_inf|nan|tiny"}', range: HOUR_RANGE, title: 'Special values' });
    const cells = () => [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => [tr.firstElementChild!.textContent!.trim(), tr.lastElementChild!.textContent!.trim()]);
    expect(Object.fromEntries(cells())).to.deep.equal({ nan: 'NaN', pos_inf: '+Inf', neg_inf: '-Inf', tiny: '1.50e-300' });
    el.shadowRoot!.querySelectorAll<HTMLButtonElement>('th button')[1]!.click();
    await el.updateComplete;
    expect(cells().map(([kind]) => kind).slice(0, 2)).to.deep.equal(['pos_inf', 'tiny']);
  });

  it('heatmap: non-finite counts are left out; the finite cells keep their colour scale', async () => {
    const el = await panel({
      url,
      type: 'heatmap',
      range: HOUR_RANGE,
      title: 'Latency / (lab − 20)',
      query: `sum by (le) (rate(promkit_request_duration_seconds_bucket[5m])) / on() group_left() (${LAB} - 20)`,
    });
    await screenshot(el, 'nonfinite-heatmap');
    const option = chartOf(el).getOption() as { dataset: { source: Float64Array }[] };
    const counts = option.dataset[0]!.source.filter((_, i) => i % 3 === 2);
    expect(counts.some((c) => c > 0)).to.equal(true);
    expect(counts.every((c) => Number.isFinite(c) || Number.isNaN(c)), 'no infinite count').to.equal(true);
    const scale = text(el, '.heat-scale span');
    expect(scale.at(-1)).to.match(/^\d/);
    expect(painted(el)).to.equal(true);
  });
});
