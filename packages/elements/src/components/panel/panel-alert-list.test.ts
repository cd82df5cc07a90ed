/** An alert list panel in Chromium against the real Prometheus, whose always-firing rule fires: the rule, its state, time, instances, filters, stat view, bad filters, failure and recovery, hostile text. */
import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { PrometheusClient, type PanelInput } from '@promkit/core';
import type { PromPanel } from './panel.component.js';
import { panelStage, renderPanel } from '../../../../../tests/browser/panel-render.js';
import './panel.js';

const url = window.__PROMKIT_TEST__.prometheusUrl;
const stage = panelStage();
const ALWAYS = 'PromkitAlwaysFiring';

function alertList(options: PanelInput['options'] = {}, setup?: (p: PromPanel) => void): Promise<PromPanel> {
  return renderPanel<PromPanel>(stage, {}, (p) => {
    p.url = url;
    p.spec = { id: 1, type: 'alertlist', title: 'Alerts', gridPos: { x: 0, y: 0, w: 8, h: 8 }, options };
    setup?.(p);
  });
}

const body = (p: PromPanel) => p.shadowRoot!.querySelector<HTMLElement>('[part="body"]')!;
const rule = (p: PromPanel, name: string) => [...p.shadowRoot!.querySelectorAll<HTMLElement>('.alert')].find((li) => li.querySelector('.alert-name')?.textContent === name);

/** Waits until Prometheus' rule has fired at least once (its first evaluation comes a few seconds after start). */
async function firing(): Promise<void> {
  const client = new PrometheusClient({ url });
  for (let i = 0; i < 100; i++) {
    if ((await client.alerts()).data.alerts.some((a) => a.labels['alertname'] === ALWAYS && a.state === 'firing')) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${ALWAYS} never fired`);
}

describe('<prom-panel> alert list', () => {
  before(firing);
  afterEach(() => stage.replaceChildren());

  it('lists the firing rule: its state in words, its name, how long, its instance count and summary', async () => {
    const el = await alertList();
    const row = rule(el, ALWAYS);
    expect(row, 'the always-firing rule is listed').to.not.equal(undefined);
    expect(row!.classList.contains('firing')).to.equal(true);
    expect(row!.querySelector('.alert-state')!.textContent).to.equal('Firing');
    expect(row!.querySelector('.alert-since')!.textContent).to.match(/^for (\d+[smhd])+$/);
    expect(row!.querySelector('.alert-count')!.textContent).to.equal('1 instance');
    expect(row!.querySelector('.alert-summary')!.textContent).to.equal('Fires on every evaluation, for tests.');
    expect(row!.querySelector('.alert-instances'), 'instances only with showInstances').to.equal(null);
  });

  it('showInstances lists each instance by its labels (alertname aside)', async () => {
    const el = await alertList({ showInstances: true });
    const labels = [...rule(el, ALWAYS)!.querySelectorAll('.alert-instance .alert-label')].map((l) => l.textContent);
    expect(labels).to.include('severity=info');
    expect(labels.some((l) => l!.startsWith('alertname='))).to.equal(false);
  });

  it('filters by labels, name and state; an empty list says what it looked for', async () => {
    expect(rule(await alertList({ alertInstanceLabelFilter: '{severity=~"inf.*"}' }), ALWAYS)).to.not.equal(undefined);
    stage.replaceChildren();
    const critical = await alertList({ alertInstanceLabelFilter: '{severity="critical"}' });
    expect(body(critical).textContent!.trim()).to.equal('No alerts firing or pending.');
    stage.replaceChildren();
    expect(body(await alertList({ alertName: 'nothing like it' })).textContent).to.contain('No alerts firing or pending.');
    stage.replaceChildren();
    expect(body(await alertList({ stateFilter: { firing: false } })).textContent).to.contain('No alerts pending.');
  });

  it('stat view: how many rules are active, in the colour of the most important state', async () => {
    const el = await alertList({ viewMode: 'stat' });
    const stat = el.shadowRoot!.querySelector('.alert-stat')!;
    expect(stat.classList.contains('firing')).to.equal(true);
    expect(Number(stat.querySelector('.alert-stat-value')!.textContent)).to.be.greaterThanOrEqual(1);
    expect(stat.querySelector('.alert-stat-label')!.textContent).to.match(/alert rules? active/);
  });

  it('a label filter that cannot work is an invalid setting, named with how to write it; no request is needed to say so', async () => {
    const el = await alertList({ alertInstanceLabelFilter: 'severity="critical"' });
    const message = el.shadowRoot!.querySelector('.message.error')!;
    expect(message.textContent).to.contain('Invalid panel settings');
    expect(message.textContent).to.contain('options.alertInstanceLabelFilter');
    expect(message.textContent).to.contain('such as {severity="critical"}');
  });

  it('a failed request is shown with Retry; Retry after the server answers lists the alerts again', async () => {
    let down = true;
    const el = await alertList({}, (p) => {
      p.url = undefined;
      p.client = new PrometheusClient({ url, retries: 0, fetch: (input, init) => (down ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init)) });
    });
    const error = el.shadowRoot!.querySelector<HTMLElement>('.message.error')!;
    expect(error.getAttribute('role')).to.equal('alert');
    down = false;
    const data = new Promise((r) => el.addEventListener('prom-data', r, { once: true }));
    error.querySelector('button')!.click();
    await data;
    await el.updateComplete;
    expect(rule(el, ALWAYS)).to.not.equal(undefined);
  });

  it('hostile alert names, labels and annotations are shown as text', async () => {
    const hostile = '<img src=x onerror="window.__alertPwned=1">';
    const answer = { status: 'success', data: { alerts: [{ labels: { alertname: hostile, team: hostile }, annotations: { summary: hostile }, state: 'firing', activeAt: new Date().toISOString(), value: '1' }] } };
    const el = await alertList({ showInstances: true }, (p) => {
      p.url = undefined;
      p.client = new PrometheusClient({ url, fetch: async () => new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } }) });
    });
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(rule(el, hostile)!.querySelector('.alert-summary')!.textContent).to.equal(hostile);
    expect(rule(el, hostile)!.querySelector('.alert-label')!.textContent).to.equal(`team=${hostile}`);
    expect((window as { __alertPwned?: number }).__alertPwned).to.equal(undefined);
  });

  it('screenshots: list with instances and stat, light and dark', async () => {
    for (const theme of ['light', 'dark'] as const) {
      stage.replaceChildren();
      stage.style.background = theme === 'dark' ? '#0d1117' : '#fff';
      const list = await alertList({ showInstances: true }, (p) => p.setAttribute('theme', theme));
      const stat = await alertList({ viewMode: 'stat' }, (p) => p.setAttribute('theme', theme));
      list.id = `alert-list-${theme}`;
      stat.id = `alert-stat-${theme}`;
      await executeServerCommand('screenshot', { selector: `#${list.id}`, name: `alert-list-${theme}` });
      await executeServerCommand('screenshot', { selector: `#${stat.id}`, name: `alert-stat-${theme}` });
    }
    stage.style.background = '#fff';
  });
});
