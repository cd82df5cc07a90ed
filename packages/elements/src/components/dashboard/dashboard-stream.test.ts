/**
 * A host datasource's stream (Server-Sent Events, then WebSocket) from a real server process over
 * rows in a file: rows appended appear on the panel, killing the server shows Retrying (state
 * events too), and after a restart the panel holds exactly the file's rows, the ones added while
 * it was down included, none twice. A Prometheus panel beside it keeps drawing.
 */
import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import type { DashboardInput } from '@promkit/core';
import { getInstanceByDom } from '../../charts/echarts.js';
import type { PromDashboard } from './dashboard.component.js';
import type { PromPanel } from '../panel/panel.component.js';
import type { PromStreamStateEvent } from '../../events/stream-state-event.js';
import '../../define.js';

const prometheusUrl = window.__PROMKIT_TEST__.prometheusUrl;
const streamUrl = window.__PROMKIT_TEST__.streamUrl;

interface Row {
  id: number;
  channel: string;
  labels: Record<string, string>;
  at: number;
  value: number;
}

function board(stream: string): DashboardInput {
  return {
    schemaVersion: 1,
    title: 'Live runs',
    time: { from: 'now-15m', to: 'now' },
    datasources: [
      { name: 'prom', url: prometheusUrl, default: true },
      { name: 'live', type: 'host', stream },
    ],
    panels: [
      { id: 1, type: 'stat', title: 'Prometheus', gridPos: { x: 0, y: 0, w: 6, h: 6 }, targets: [{ refId: 'A', expr: 'vector(1)' }] },
      { id: 2, type: 'timeseries', title: 'Rows profiled', datasource: 'live', gridPos: { x: 6, y: 0, w: 18, h: 6 }, targets: [{ refId: 'A', expr: 'rows', legendFormat: '{{table}}' }] },
    ],
  };
}

const stage = document.createElement('div');
document.body.append(stage);
afterEach(() => stage.replaceChildren());

let clock = Date.now() - 60_000;
/** Appends a row to the server's file ("the database"), the server running or not. */
const insert = (value: number, channel = 'rows'): Promise<Row> => executeServerCommand('stream-insert', { channel, labels: { table: 'orders' }, at: (clock += 1000), value });

/** Waits up to 12 s: after a restart the next try may be a few doubled waits away. */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 600 && !condition(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(condition(), what).to.equal(true);
}

function panel(d: PromDashboard, title: string): PromPanel {
  return [...d.shadowRoot!.querySelectorAll('prom-panel')].find((p) => p.shadowRoot?.querySelector('[part="title"]')?.textContent === title)!;
}

/** The samples the panel holds for target A: [time, value] pairs. */
function samples(p: PromPanel | undefined): [number, number][] {
  const frame = p?.results[0]?.frames[0];
  return frame ? [...frame.timestamps].map((t, i) => [t, frame.values[i]!]) : [];
}

const badge = (p: PromPanel | undefined) => p?.shadowRoot?.querySelector<HTMLElement>('[part="stream"]') ?? undefined;

async function mount(stream: string): Promise<{ d: PromDashboard; states: string[] }> {
  const d = document.createElement('prom-dashboard');
  d.style.width = '1000px';
  const states: string[] = [];
  d.addEventListener('prom-stream-state', (e: PromStreamStateEvent) => states.push(e.detail.state));
  d.dashboard = board(stream);
  stage.append(d);
  await d.updateComplete;
  return { d, states };
}

/** Rows of the file on channel `rows`, as the panel should hold them. */
async function fileSamples(): Promise<[number, number][]> {
  const rows: Row[] = await executeServerCommand('stream-rows');
  return rows.filter((r) => r.channel === 'rows').map((r) => [r.at, r.value]);
}

for (const [protocol, url] of [
  ['Server-Sent Events', `${streamUrl}/events`],
  ['WebSocket', `${streamUrl.replace(/^http/, 'ws')}/ws`],
] as const) {
  describe(`<prom-dashboard> with a ${protocol} stream`, () => {
    it('draws rows as they are added, shows Retrying while the server is down, and resumes with exactly the file\'s rows', async () => {
      await insert(1);
      const { d, states } = await mount(url);
      await until(() => !!panel(d, 'Rows profiled') && badge(panel(d, 'Rows profiled'))?.dataset['state'] === 'open', 'the stream is open');
      const live = panel(d, 'Rows profiled');
      expect(badge(live)!.textContent).to.contain('Live');
      const sofar = await fileSamples();
      await until(() => samples(live).length === sofar.length, 'the rows so far are drawn');
      // In this order: once row 2 is drawn, the other channel's row (which this panel does not show) has arrived too.
      await insert(3, 'other channel');
      await insert(2);
      await until(() => samples(live).length === sofar.length + 1, 'an added row appears');
      expect(samples(live)).to.deep.equal(await fileSamples());

      const lastBeforeKill: Row = (await executeServerCommand<Row[], undefined>('stream-rows')).at(-1)!;
      await executeServerCommand('stream-kill');
      await until(() => badge(live)?.dataset['state'] === 'retrying', 'the panel shows it is retrying');
      expect(badge(live)!.textContent).to.match(/Retrying in \d+ s/);
      expect(badge(live)!.title).to.contain(url.replace(/\/(events|ws)$/, ''));
      await insert(4);
      await insert(5);
      await executeServerCommand('stream-restart');
      const expected = await fileSamples();
      await until(() => samples(live).length === expected.length, 'the rows added while it was down arrive');
      await new Promise((r) => setTimeout(r, 300));
      expect(samples(live)).to.deep.equal(expected);
      expect(badge(live)!.dataset['state']).to.equal('open');
      // It resumed after the last row it had (Last-Event-ID, or lastEventId for a WebSocket), not from the start.
      expect((await executeServerCommand<number[], undefined>('stream-resumes')).at(-1)).to.equal(lastBeforeKill.id);
      expect(states).to.include.members(['connecting', 'open', 'retrying']);
      expect(states.lastIndexOf('open')).to.be.greaterThan(states.indexOf('retrying'));
      expect(panel(d, 'Prometheus').shadowRoot!.querySelector('.stat-value')!.textContent!.trim()).to.equal('1');
      // The pushed chart shares the dashboard's crosshair group with the polled ones.
      const group = getInstanceByDom(live.shadowRoot!.querySelector<HTMLElement>('.canvas')!)!.group;
      expect(group).to.match(/^prom-dashboard-\d+$/);
      if (protocol === 'Server-Sent Events') await executeServerCommand('screenshot', { selector: 'prom-dashboard', name: 'dashboard-stream' });
    });
  });
}

describe('<prom-dashboard> with a stream that cannot work', () => {
  it('names the server\'s refusal and stops trying', async () => {
    const { d, states } = await mount(`${streamUrl}/no-such-stream`);
    await until(() => badge(panel(d, 'Rows profiled'))?.dataset['state'] === 'closed', 'the stream is closed');
    const b = badge(panel(d, 'Rows profiled'))!;
    expect(b.textContent).to.contain('Stream stopped');
    expect(b.title).to.contain('answered HTTP 404');
    expect(states).to.deep.equal(['connecting', 'closed']);
  });
});
