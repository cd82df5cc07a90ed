/**
 * <prom-metrics-explorer> in Chromium against the real Prometheus: the server's names with their
 * type and help from its metadata, filtering by words, ↓ + Enter and clicks picking, the limit,
 * and the loading error with Retry.
 */
import { expect } from 'chai';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { PrometheusClient } from '@promkit/core';
import type { PromMetricsExplorer } from './metrics-explorer.component.js';
import type { PromMetricPickEvent } from '../../events/metric-pick-event.js';
import './metrics-explorer.js';

const url = window.__PROMKIT_TEST__.prometheusUrl;

const stage = document.createElement('div');
document.body.append(stage);
afterEach(() => stage.replaceChildren());

async function until<T>(probe: () => T | undefined | null | false, what: string): Promise<T> {
  for (let i = 0; i < 500; i++) {
    const value = probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The server's own answers, read without the element. */
async function serverNames(): Promise<string[]> {
  const body = await (await fetch(`${url}/api/v1/label/__name__/values`)).json();
  return body.data as string[];
}

/** Waits until the server has scraped the live exporter (its metadata exists only after a scrape). */
async function liveMetadata(): Promise<Record<string, { type: string; help: string; unit: string }[]>> {
  for (let i = 0; i < 200; i++) {
    const body = await (await fetch(`${url}/api/v1/metadata`)).json();
    if (body.data.promkit_live_requests) return body.data;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the server never scraped the live exporter');
}

async function explorer(client: PrometheusClient = new PrometheusClient({ url }), width = 560, theme = 'light'): Promise<{ el: PromMetricsExplorer; picks: string[] }> {
  const el = document.createElement('prom-metrics-explorer');
  el.client = client;
  el.setAttribute('theme', theme);
  el.style.width = `${width}px`;
  const picks: string[] = [];
  el.addEventListener('prom-metric-pick', (e) => picks.push((e as PromMetricPickEvent).detail.name));
  stage.append(el);
  await el.updateComplete;
  return { el, picks };
}

const root = (el: PromMetricsExplorer) => el.shadowRoot!;
const ready = (el: PromMetricsExplorer) => until(() => root(el).querySelector('[role="listbox"]') ?? root(el).querySelector('.state:not(.loading)'), 'the list');
const names = (el: PromMetricsExplorer) => [...root(el).querySelectorAll('[role="option"] .name')].map((n) => n.textContent);
const option = (el: PromMetricsExplorer, name: string) => [...root(el).querySelectorAll('[role="option"]')].find((o) => o.querySelector('.name')!.textContent === name)!;
async function filter(el: PromMetricsExplorer, text: string): Promise<void> {
  const input = root(el).querySelector<HTMLInputElement>('#filter')!;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

describe('<prom-metrics-explorer>', () => {
  it("lists the server's metric names with the type, help and unit of its metadata", async () => {
    const metadata = await liveMetadata();
    const { el } = await explorer();
    await ready(el);
    const all = await serverNames();
    expect(root(el).querySelector('#count')!.textContent).to.equal(`${all.length} metrics`);
    expect(names(el)).to.deep.equal([...all].sort().slice(0, 200));
    // The counter's series is `…_total`; the server keys its metadata by family.
    await filter(el, 'promkit_live');
    expect(names(el)).to.deep.equal(['promkit_live_queue_depth_items', 'promkit_live_requests_total']);
    const counter = option(el, 'promkit_live_requests_total');
    expect(counter.querySelector('.type')!.textContent).to.equal('counter');
    expect(counter.querySelector('.help')!.textContent).to.equal(metadata.promkit_live_requests![0]!.help);
    expect(counter.querySelector('.help')!.textContent).to.equal('Requests counted by the live test exporter.');
    const gauge = option(el, 'promkit_live_queue_depth_items');
    expect([gauge.querySelector('.type')!.textContent, gauge.querySelector('.unit')!.textContent]).to.deep.equal(['gauge', 'items']);
    await filter(el, 'prometheus_http_request_duration_seconds_bucket');
    expect(option(el, 'prometheus_http_request_duration_seconds_bucket').querySelector('.type')!.textContent).to.equal('histogram');
    // Backfilled history has no scrape target, so no metadata: the name is listed as unknown.
    await filter(el, 'promkit_temperature_celsius');
    expect(names(el)).to.deep.equal(['promkit_temperature_celsius']);
    expect(option(el, 'promkit_temperature_celsius').querySelector('.type')!.textContent).to.equal('unknown');
  });

  it('narrows by every typed word, in the name or the help, and marks the matches', async () => {
    await liveMetadata();
    const { el } = await explorer();
    await ready(el);
    await filter(el, 'PROMKIT temp');
    expect(names(el)).to.deep.equal(['promkit_temperature_celsius']);
    expect([...root(el).querySelectorAll('[role="option"] .name mark')].map((m) => m.textContent)).to.deep.equal(['promkit', 'temp']);
    expect(root(el).querySelector('#count')!.textContent).to.match(/^1 of \d+$/);
    // "queue" is in the name, "waiting" only in the help text.
    await filter(el, 'live waiting');
    expect(names(el)).to.deep.equal(['promkit_live_queue_depth_items']);
    expect(root(el).querySelector('.help mark')!.textContent).to.equal('waiting');
    await filter(el, 'promkit nothing-like-this');
    expect(root(el).querySelector('[role="listbox"]') === null).to.equal(true);
    expect(root(el).querySelector('.state')!.textContent).to.contain('No metric matches “promkit nothing-like-this”');
  });

  it('↓ then Enter in the filter box picks the second match; a click picks too', async () => {
    const { el, picks } = await explorer();
    await ready(el);
    await filter(el, 'promkit_');
    const expected = (await serverNames()).filter((n) => n.includes('promkit_')).sort();
    expect(names(el)).to.deep.equal(expected);
    root(el).querySelector<HTMLInputElement>('#filter')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    const input = root(el).querySelector<HTMLInputElement>('#filter')!;
    expect(input.getAttribute('aria-activedescendant')).to.equal('metric-1');
    expect(root(el).querySelector('#metric-1')!.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'Enter' });
    expect(picks).to.deep.equal([expected[1]]);
    option(el, 'promkit_temperature_celsius').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(picks).to.deep.equal([expected[1], 'promkit_temperature_celsius']);
    // Escape clears the filter first.
    input.focus();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.filter).to.equal('');
  });

  it('renders 200 matches at most and counts the rest', async () => {
    const many = Array.from({ length: 450 }, (_, i) => `synthetic_metric_${String(i).padStart(3, '0')}`);
    const client = new PrometheusClient({
      url,
      fetch: async (input, init) => {
        const request = new Request(input, init);
        if (new URL(request.url).pathname.endsWith('/label/__name__/values')) return Response.json({ status: 'success', data: many });
        return fetch(request);
      },
    });
    const { el } = await explorer(client);
    await ready(el);
    expect(names(el).length).to.equal(200);
    expect(root(el).querySelector('.more')!.textContent).to.equal('250 more — type to narrow');
    await filter(el, 'metric_1');
    expect(names(el).length).to.equal(100);
    expect(root(el).querySelector('.more') === null).to.equal(true);
  });

  it('shows the typed loading error, and Retry loads again', async () => {
    let fail = true;
    const client = new PrometheusClient({
      url,
      retries: 0,
      fetch: async (input, init) => (fail ? new Response('upstream down', { status: 503 }) : fetch(new Request(input, init))),
    });
    const { el } = await explorer(client);
    const alert = await until(() => root(el).querySelector('[role="alert"]'), 'the error');
    expect(alert.textContent).to.contain('The metrics could not be loaded.');
    expect(alert.querySelector('p')!.textContent).to.match(/^The metrics could not be loaded\. NotReadyError: http:\/\/\S+\/api\/v1\/label\/__name__\/values is not ready \(503\)/);
    fail = false;
    alert.querySelector<HTMLButtonElement>('button.retry')!.click();
    await until(() => root(el).querySelector('[role="listbox"]'), 'the list after Retry');
    expect(names(el).length).to.be.greaterThan(0);
  });

  it('says so when the server has no metrics, or when no client is set', async () => {
    const client = new PrometheusClient({ url, fetch: async () => Response.json({ status: 'success', data: [] }) });
    const { el } = await explorer(client);
    expect((await ready(el)).textContent).to.contain('This server has no metrics yet');
    el.client = undefined;
    await el.updateComplete;
    expect(root(el).querySelector('.state')!.textContent).to.contain('set the client property');
  });

  it('screenshots: light and dark, 420px and 800px', async () => {
    await liveMetadata();
    for (const [theme, width] of [
      ['light', 420],
      ['dark', 420],
      ['light', 800],
      ['dark', 800],
    ] as const) {
      const { el } = await explorer(undefined, width, theme);
      await ready(el);
      await filter(el, 'promkit');
      const name = `metrics-explorer-${theme}-${width}`;
      el.id = name;
      document.body.style.background = theme === 'dark' ? '#0d1117' : '#fff';
      await executeServerCommand('screenshot', { selector: `#${name}`, name });
      stage.replaceChildren();
    }
    document.body.style.background = '';
  });
});
