/**
 * A dashboard's datasource of type host: its panels and variables are answered by the page's own
 * source (the `sources` property, or registerSource for the page), which sees the picker's range
 * and is aborted when a newer run supersedes it, beside a panel of the real Prometheus.
 */
import { expect } from 'chai';
import { registerSource, unregisterSource, type DashboardInput, type HostQuery, type HostSource, type HostValuesQuery } from '@promkit/core';
import { executeServerCommand } from '@web/test-runner-commands';
import { getInstanceByDom } from '../../charts/echarts.js';
import type { PromDashboard } from './dashboard.component.js';
import type { PromPanel } from '../panel/panel.component.js';
import '../../define.js';

const url = window.__PROMKIT_TEST__.prometheusUrl;
const NOW = Date.now();

const BOARD: DashboardInput = {
  schemaVersion: 1,
  title: 'Data quality',
  time: { from: 'now-1h', to: 'now' },
  datasources: [
    { name: 'prom', url, default: true },
    { name: 'quality', type: 'host', source: 'runs' },
  ],
  variables: [{ type: 'query', name: 'table', datasource: 'quality', query: 'tables' }],
  panels: [
    { id: 1, type: 'stat', title: 'Prometheus', gridPos: { x: 0, y: 0, w: 6, h: 4 }, targets: [{ refId: 'A', expr: 'vector(42)' }] },
    {
      id: 2,
      type: 'timeseries',
      title: 'Rows profiled',
      datasource: 'quality',
      gridPos: { x: 6, y: 0, w: 18, h: 8 },
      targets: [{ refId: 'A', expr: 'rows_profiled table=$table', legendFormat: '{{table}}' }],
    },
  ],
};

/** A source of runs: every query and values request is kept; `hold` keeps answers back until released. */
function runsSource() {
  const queries: HostQuery[] = [];
  const listed: HostValuesQuery[] = [];
  const held: (() => void)[] = [];
  let holding = false;
  const source: HostSource = {
    async query(request) {
      queries.push(request);
      if (holding) await new Promise<void>((resolve) => held.push(resolve));
      const table = /table=(\w+)/.exec(request.targets[0]!.expr)?.[1] ?? 'none';
      return { A: [{ labels: { table }, timestamps: [NOW - 1_200_000, NOW - 600_000, NOW], values: [10, 20, 30] }] };
    },
    values(request) {
      listed.push(request);
      return ['orders', 'users'];
    },
  };
  return {
    source,
    queries,
    listed,
    hold: (on: boolean) => (holding = on),
    release: () => held.splice(0).forEach((r) => r()),
  };
}

const stage = document.createElement('div');
document.body.append(stage);
afterEach(() => {
  stage.replaceChildren();
  unregisterSource('runs');
});

async function mount(setup: (d: PromDashboard) => void): Promise<PromDashboard> {
  const d = document.createElement('prom-dashboard');
  d.style.width = '1000px';
  setup(d);
  d.dashboard = BOARD;
  stage.append(d);
  await d.updateComplete;
  return d;
}

function panel(d: PromDashboard, title: string): PromPanel | undefined {
  return [...d.shadowRoot!.querySelectorAll('prom-panel')].find((p) => p.shadowRoot?.querySelector('[part="title"]')?.textContent === title);
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 25));
  expect(condition(), what).to.equal(true);
}

const drawn = (d: PromDashboard, title: string) => panel(d, title)?.results[0]?.frames.length ?? 0;

describe('<prom-dashboard> with a host datasource', () => {
  it('asks its own source for the variable and the panel over the picker\'s range, next to a Prometheus panel', async () => {
    const runs = runsSource();
    const sentToPrometheus: string[] = [];
    const d = await mount((d) => {
      d.sources = { runs: runs.source };
      d.clientOptions = { fetch: (input, init) => (sentToPrometheus.push(decodeURIComponent(String(input instanceof Request ? input.url : input))), fetch(input, init)) };
    });
    await until(() => drawn(d, 'Rows profiled') === 1 && drawn(d, 'Prometheus') === 1, 'both panels drew');
    expect(runs.listed.map((r) => [r.datasource, r.variable, r.query])).to.deep.equal([['quality', 'table', 'tables']]);
    const asked = runs.queries.at(-1)!;
    expect(asked.targets).to.deep.equal([{ refId: 'A', expr: 'rows_profiled table=orders' }]);
    expect(asked.range.to - asked.range.from).to.equal(3_600_000);
    expect(Math.abs(asked.range.to - Date.now())).to.be.below(10_000);
    expect(asked.variables['table']).to.equal('orders');
    const host = panel(d, 'Rows profiled')!;
    expect(host.results[0]!.source).to.equal('host');
    const option = getInstanceByDom(host.shadowRoot!.querySelector<HTMLElement>('.canvas')!)!.getOption() as { series: { name: string }[] };
    expect(option.series.map((s) => s.name)).to.deep.equal(['orders']);
    await executeServerCommand('screenshot', { selector: 'prom-dashboard', name: 'dashboard-host-source' });
    expect(panel(d, 'Prometheus')!.shadowRoot!.querySelector('.stat-value')!.textContent!.trim()).to.equal('42');
    // The host's query text never went to Prometheus.
    expect(sentToPrometheus.some((u) => u.includes('rows_profiled'))).to.equal(false);
    expect(sentToPrometheus.length).to.be.greaterThan(0);
  });

  it('aborts a request a newer range supersedes, and asks again with the new range', async () => {
    const runs = runsSource();
    const d = await mount((d) => (d.sources = { runs: runs.source }));
    await until(() => drawn(d, 'Rows profiled') === 1, 'the host panel drew');
    runs.hold(true);
    d.from = 'now-3h';
    await until(() => runs.queries.some((q) => q.range.to - q.range.from === 3 * 3_600_000), 'the 3 h range was asked');
    const superseded = runs.queries.at(-1)!;
    d.from = 'now-6h';
    await until(() => runs.queries.some((q) => q.range.to - q.range.from === 6 * 3_600_000), 'the 6 h range was asked');
    expect(superseded.signal.aborted).to.equal(true);
    const latest = runs.queries.at(-1)!;
    expect(latest.signal.aborted).to.equal(false);
    runs.hold(false);
    runs.release();
    await until(() => panel(d, 'Rows profiled')!.results[0]?.timing.rangeSeconds === 6 * 3600, 'the panel shows the 6 h answer');
  });

  it('uses a source registered for the page, and names what to register when none is', async () => {
    const d = await mount(() => undefined);
    const problem = () => panel(d, 'Rows profiled')?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
    await until(() => problem().includes('No host source is registered as "runs"'), 'the panel names the missing source');
    expect(problem()).to.contain('registerSource("runs", { query })');
    const runs = runsSource();
    registerSource('runs', runs.source);
    d.refreshNow();
    await until(() => drawn(d, 'Rows profiled') === 1, 'the host panel drew from the registered source');
    expect(runs.queries.length).to.be.greaterThan(0);
  });
});
