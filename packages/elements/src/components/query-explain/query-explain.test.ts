/**
 * <prom-query-explain> in Chromium against the real Prometheus: each part's count equals what the
 * server answers for that part on its own, a part that finds nothing shows 0 and is marked,
 * changing the query aborts the run in flight, and the tree works from the keyboard.
 */
import { expect } from 'chai';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { PrometheusClient } from '@promkit/core';
import { T_END } from '../../../../../tests/harness/dataset.mjs';
import type { PromQueryExplain } from './query-explain.component.js';
import './query-explain.js';

const url = window.__PROMKIT_TEST__.prometheusUrl;
const client = new PrometheusClient({ url });
/** The request counter per job, divided by the targets per job: `up` has no history at T_END. */
const RATIO = 'sum by (job) (rate(promkit_http_requests_total[5m])) / on (job) group_left count by (job) (up)';

const stage = document.createElement('div');
document.body.append(stage);
afterEach(() => stage.replaceChildren());

async function explain(query: string, options: { theme?: 'light' | 'dark'; width?: number; time?: number; client?: PrometheusClient } = {}): Promise<PromQueryExplain> {
  const el = document.createElement('prom-query-explain');
  el.client = options.client ?? client;
  el.time = options.time ?? T_END;
  el.query = query;
  if (options.theme) el.setAttribute('theme', options.theme);
  el.style.width = `${options.width ?? 720}px`;
  stage.append(el);
  await el.updateComplete;
  await el.evaluation;
  await el.updateComplete;
  return el;
}

const root = (el: PromQueryExplain) => el.shadowRoot!;
const items = (el: PromQueryExplain) => [...root(el).querySelectorAll<HTMLElement>('[role="treeitem"]')];
const row = (el: PromQueryExplain, i: number) => root(el).querySelector<HTMLElement>(`#n-${i}`)!;
const resultText = (el: PromQueryExplain, i: number) => row(el, i).querySelector(':scope > .row .result')!.textContent!.replace(/\s+/g, ' ').trim();

/** What the server answers for `query` alone: a series count or a scalar. */
async function direct(query: string): Promise<string> {
  const r = await client.query({ query, time: T_END });
  return r.resultType === 'vector' || r.resultType === 'matrix' ? `${r.result.length} series${r.resultType === 'matrix' ? ' (range)' : ''}` : `${r.resultType} ${r.result[1]}`;
}

describe('<prom-query-explain>', () => {
  it("shows each part's count as the server answers it alone, and marks where series are lost", async () => {
    const el = await explain(RATIO);
    expect(items(el).map((n) => n.querySelector(':scope > .row .label')!.textContent)).to.deep.equal([
      '/ on (job) group_left',
      'sum by (job)',
      'rate',
      'promkit_http_requests_total[5m]',
      'count by (job)',
      'up',
    ]);
    for (const [i, part] of el.parts.entries()) {
      const expected = await direct(part.text);
      expect(resultText(el, i), part.text).to.match(new RegExp(`^${expected.replace(/[()]/g, '\\$&')}(\\s|$)`));
    }
    // The dataset: one job "api" with 5 request series; no `up` at T_END.
    expect(resultText(el, 1)).to.match(/^1 series/);
    expect(resultText(el, 3)).to.match(/^5 series \(range\)/);
    expect(resultText(el, 5)).to.match(/^0 series no series match/);
    expect(resultText(el, 4)).to.match(/^0 series inputs are empty/);
    // The division finds nothing although its left side has a series: the loss is there.
    expect(resultText(el, 0)).to.match(/^0 series series lost here/);
    expect(items(el).filter((n) => n.classList.contains('origin')).map((n) => n.id)).to.deep.equal(['n-0', 'n-5']);
    expect(row(el, 4).classList.contains('empty')).to.equal(true);
    // A few label sets, as Prometheus writes series.
    const range = await client.query({ query: 'promkit_http_requests_total[5m]', time: T_END });
    if (range.resultType !== 'matrix') throw new Error(`expected a matrix, got ${range.resultType}`);
    expect([...row(el, 3).querySelectorAll(':scope > .samples li')].map((li) => li.textContent)).to.deep.equal([
      ...range.result.slice(0, 3).map((s) => {
        const { __name__, ...rest } = s.metric;
        return `${__name__}{${Object.entries(rest).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}}`;
      }),
      'and 2 more',
    ]);
    expect(root(el).querySelector('[role="status"]')!.textContent).to.contain('no series from / on (job) group_left, up');
  });

  it('a selector that matches nothing shows 0 and is marked; literals are not run', async () => {
    const el = await explain('histogram_quantile(0.9, rate(promkit_http_requests_total{status="404"}[5m]))');
    expect(el.parts.map((p) => p.kind)).to.deep.equal(['function', 'number', 'function', 'range-selector']);
    expect(resultText(el, 1)).to.equal('literal');
    expect(resultText(el, 3)).to.match(/^0 series \(range\) no series match/);
    expect(row(el, 3).classList.contains('origin')).to.equal(true);
    expect(row(el, 2).classList.contains('origin')).to.equal(false);
    expect(row(el, 2).classList.contains('empty')).to.equal(true);
  });

  it('shows scalars and typed errors per part', async () => {
    const el = await explain('scalar(sum(promkit_http_requests_total)) + vector(1) * label_replace(up, "a", "$1", "b", "(")');
    const byLabel = (label: string) => el.parts.findIndex((p) => p.label === label);
    expect(resultText(el, byLabel('scalar'))).to.match(/^scalar \d+/);
    const failed = row(el, byLabel('label_replace'));
    expect(failed.classList.contains('failed')).to.equal(true);
    expect(failed.querySelector('.error-text')!.textContent).to.match(/^PrometheusApiError: .*label_replace/);
  });

  it('changing the query aborts the parts still running and shows only the new ones', async () => {
    const signals: { query: string; signal: AbortSignal }[] = [];
    const recording = new PrometheusClient({
      url,
      fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
        const request = new Request(input, init);
        const query = new URLSearchParams(await request.clone().text()).get('query') ?? '';
        signals.push({ query, signal: request.signal });
        // The first query's answers wait until they are aborted: only the abort lets them end.
        if (query.includes('promkit_temperature_celsius')) await new Promise((r) => request.signal.addEventListener('abort', r, { once: true }));
        return fetch(request);
      },
    });
    const el = document.createElement('prom-query-explain');
    el.client = recording;
    el.time = T_END;
    el.query = 'avg(promkit_temperature_celsius)';
    stage.append(el);
    await el.updateComplete;
    const first = el.evaluation;
    el.query = 'count(promkit_combo)';
    await el.updateComplete;
    await Promise.all([first, el.evaluation]);
    await el.updateComplete;
    const old = signals.filter((s) => s.query.includes('promkit_temperature_celsius'));
    expect(old.length).to.be.greaterThan(0);
    expect(old.every((s) => s.signal.aborted)).to.equal(true);
    expect(signals.filter((s) => s.query.includes('promkit_combo')).every((s) => !s.signal.aborted)).to.equal(true);
    expect(el.parts.map((p) => p.text)).to.deep.equal(['count(promkit_combo)', 'promkit_combo']);
    expect(resultText(el, 0)).to.match(/^1 series/);
    expect(resultText(el, 1)).to.match(/^100 series/);
  });

  it('is a tree the keyboard moves through, opens and closes', async () => {
    const el = await explain(RATIO);
    const tree = root(el).querySelector('[role="tree"]')!;
    expect(tree.getAttribute('aria-labelledby')).to.equal('title');
    expect(items(el).filter((n) => n.tabIndex === 0).map((n) => n.id)).to.deep.equal(['n-0']);
    row(el, 0).focus();
    const focused = () => root(el).activeElement?.id;
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(focused()).to.equal('n-1');
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(row(el, 1).getAttribute('aria-expanded')).to.equal('false');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    // n-2 and n-3 are inside the closed node: the next row is count by (job).
    expect(focused()).to.equal('n-4');
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(row(el, 4).getAttribute('aria-expanded')).to.equal('false');
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(focused()).to.equal('n-0');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(focused()).to.equal('n-4');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(row(el, 4).getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(focused()).to.equal('n-5');
    // The accessible name of a part is its label and its result, not its children's text.
    expect(row(el, 5).getAttribute('aria-labelledby')).to.equal('n-5-label n-5-result');
  });

  it('says what is wrong when the query does not parse, and what to do with no query', async () => {
    const el = await explain('sum(rate(x[5m])');
    expect(root(el).querySelector('[role="alert"]')!.textContent!.replace(/\s+/g, ' ')).to.contain('The query does not parse: unexpected end of input at line 1, column 16. Fix it');
    el.query = '';
    await el.updateComplete;
    expect(root(el).querySelector('.state')!.textContent).to.equal('Type a query to see its parts.');
  });

  it('screenshots: light and dark, wide and narrow', async () => {
    for (const [theme, width] of [['light', 760], ['dark', 760], ['light', 440], ['dark', 440]] as const) {
      document.body.style.background = theme === 'dark' ? '#0d1117' : '#ffffff';
      const el = await explain(RATIO, { theme, width });
      el.id = `query-explain-${theme}-${width}`;
      await executeServerCommand('screenshot', { selector: `#${el.id}`, name: el.id });
      stage.replaceChildren();
    }
    document.body.style.background = '';
  });
});
