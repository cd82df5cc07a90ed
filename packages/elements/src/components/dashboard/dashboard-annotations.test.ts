/**
 * Annotations drawn on time series, against the real Prometheus and the real stream server: the
 * dashboard's own events, a Prometheus expression's region, a host source's events over the
 * picker's range, and one pushed by the stream within a second; marks are buttons (hover text,
 * keyboard, click event), hostile text stays text, and the toolbar turns each annotation off.
 */
import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import type { AnnotationEvent, DashboardInput, HostAnnotationQuery, HostSource } from '@promkit/core';
import { getInstanceByDom } from '../../charts/echarts.js';
import type { PromDashboard } from './dashboard.component.js';
import type { PromPanel } from '../panel/panel.component.js';
import '../../define.js';

const prometheusUrl = window.__PROMKIT_TEST__.prometheusUrl;
const streamUrl = window.__PROMKIT_TEST__.streamUrl;
const NOW = Date.now();
const HOSTILE = '<img src=x onerror="window.__pwned=1">';

const BOARD: DashboardInput = {
  schemaVersion: 1,
  title: 'Quality',
  time: { from: 'now-1h', to: 'now' },
  datasources: [
    { name: 'prom', url: prometheusUrl, default: true },
    { name: 'quality', type: 'host', source: 'dq', stream: `${streamUrl}/events` },
  ],
  annotations: [
    {
      type: 'events',
      name: 'Deploys',
      color: 'blue',
      events: [
        { time: NOW - 20 * 60_000, title: 'Deploy v2', text: HOSTILE, tags: ['api'] },
        { time: NOW - 40 * 60_000, timeEnd: NOW - 35 * 60_000, title: 'Maintenance' },
      ],
    },
    { type: 'prometheus', name: 'Up', expr: 'vector(1)', titleFormat: 'Prometheus answers', color: 'green' },
    { type: 'host', name: 'Drift', datasource: 'quality', query: 'drift' },
  ],
  panels: [{ id: 1, type: 'timeseries', title: 'Samples', gridPos: { x: 0, y: 0, w: 24, h: 8 }, targets: [{ refId: 'A', expr: 'vector(1)' }] }],
};

const stage = document.createElement('div');
document.body.append(stage);
afterEach(() => stage.replaceChildren());

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition(), what).to.equal(true);
}

const panel = (d: PromDashboard) => d.shadowRoot!.querySelector<PromPanel>('prom-panel')!;
const marks = (d: PromDashboard) => [...(panel(d)?.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part="annotation"]') ?? [])];
const toggle = (d: PromDashboard, name: string) => [...d.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="annotation-toggle"]')].find((b) => b.textContent!.includes(name))!;

async function mount(): Promise<{ d: PromDashboard; asked: HostAnnotationQuery[] }> {
  const asked: HostAnnotationQuery[] = [];
  const dq: HostSource = {
    query: () => [],
    annotations: (request) => (asked.push(request), [{ time: NOW - 10 * 60_000, title: 'Drift in orders.amount', tags: ['drift'] }]),
  };
  const d = document.createElement('prom-dashboard');
  d.style.width = '1000px';
  d.sources = { dq };
  d.dashboard = BOARD;
  stage.append(d);
  await d.updateComplete;
  return { d, asked };
}

describe('<prom-dashboard> annotations', () => {
  it('draws events, a Prometheus region and a host source\'s events as lines, bands and marks', async () => {
    const { d, asked } = await mount();
    await until(() => marks(d).length === 4, 'four marks');
    const labels = marks(d).map((m) => m.getAttribute('aria-label')!);
    expect(labels.filter((l) => l.startsWith('Deploys: Deploy v2'))).to.have.length(1);
    expect(labels.some((l) => l.startsWith('Deploys: Maintenance'))).to.equal(true);
    expect(labels.some((l) => l.startsWith('Up: Prometheus answers'))).to.equal(true);
    expect(labels.some((l) => l.startsWith('Drift: Drift in orders.amount'))).to.equal(true);
    expect(asked[0]).to.include({ datasource: 'quality', annotation: 'Drift', query: 'drift' });
    expect(asked[0]!.range.to - asked[0]!.range.from).to.equal(3_600_000);
    // Lines for the marks, bands for the regions, in the chart.
    const chart = getInstanceByDom(panel(d).shadowRoot!.querySelector<HTMLElement>('.canvas')!)!;
    const series = (chart.getOption() as { series: { id: string; markLine?: { data: unknown[] }; markArea?: { data: unknown[] } }[] }).series.find((s) => s.id === '__annotations')!;
    expect(series.markLine!.data).to.have.length(2);
    expect(series.markArea!.data).to.have.length(2);
    // Hostile text is text: in the title, never as markup.
    const deploy = marks(d).find((m) => m.getAttribute('aria-label')!.startsWith('Deploys: Deploy v2'))!;
    expect(deploy.title).to.contain(HOSTILE);
    expect(panel(d).shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    await executeServerCommand('screenshot', { selector: 'prom-dashboard', name: 'dashboard-annotations' });
  });

  it('a click or Enter on a mark fires prom-annotation-click with the event', async () => {
    const { d } = await mount();
    await until(() => marks(d).length === 4, 'four marks');
    const picked: AnnotationEvent[] = [];
    d.addEventListener('prom-annotation-click', (e) => picked.push(e.detail.annotation));
    marks(d).find((m) => m.getAttribute('aria-label')!.startsWith('Drift'))!.click();
    expect(picked).to.have.length(1);
    expect(picked[0]).to.deep.include({ annotation: 'Drift', title: 'Drift in orders.amount', tags: ['drift'], time: NOW - 10 * 60_000 });
  });

  it('a tag filter keeps the events carrying its tags', async () => {
    const d = document.createElement('prom-dashboard');
    d.style.width = '1000px';
    d.sources = { dq: { query: () => [], annotations: () => [] } };
    d.dashboard = { ...BOARD, annotations: [{ ...BOARD.annotations![0]!, tags: ['api'] } as NonNullable<DashboardInput['annotations']>[number]] };
    stage.append(d);
    await until(() => marks(d).length === 1, 'one mark');
    expect(marks(d)[0]!.getAttribute('aria-label')).to.match(/^Deploys: Deploy v2/);
  });

  it('the toolbar turns an annotation off and on', async () => {
    const { d } = await mount();
    await until(() => marks(d).length === 4, 'four marks');
    toggle(d, 'Deploys').click();
    await until(() => marks(d).length === 2, 'the two deploy marks are gone');
    expect(toggle(d, 'Deploys').getAttribute('aria-pressed')).to.equal('false');
    toggle(d, 'Deploys').click();
    await until(() => marks(d).length === 4, 'they are back');
  });

  it('an event the stream pushes appears within a second', async () => {
    const { d } = await mount();
    await until(() => marks(d).length === 4, 'four marks');
    await new Promise((r) => setTimeout(r, 300));
    const before = marks(d).length;
    const sent = performance.now();
    await executeServerCommand('stream-insert', { channel: 'drift', labels: {}, at: Date.now() - 60_000, value: 0, title: 'Drift in users.email' });
    await until(() => marks(d).some((m) => m.getAttribute('aria-label')!.includes('users.email')), 'the pushed event is drawn');
    expect(performance.now() - sent).to.be.below(1000);
    expect(marks(d).length).to.be.greaterThan(before);
  });
});
