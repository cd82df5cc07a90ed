/**
 * <prom-query-builder> in Chromium against the real Prometheus: picking a metric from the
 * server's names, a filter with a value the server offers, operations, binary queries, offset and
 * patterns each fire the exact PromQL; invalid ranges and numbers are refused in place.
 */
import { expect } from 'chai';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { PrometheusClient } from '@promkit/core';
import { VISUAL_OPERATIONS, VISUAL_PATTERNS, type VisualQuery } from '@promkit/core/edit';
import type { PromQueryBuilder } from './query-builder.component.js';
import type { PromVisualQueryChangeEvent } from '../../events/visual-query-change-event.js';
import './query-builder.js';

const url = window.__PROMKIT_TEST__.prometheusUrl;
const client = new PrometheusClient({ url });

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

interface Fired {
  query: VisualQuery;
  expr: string;
}

async function builder(opts: { query?: VisualQuery; width?: number; theme?: string } = {}): Promise<{ el: PromQueryBuilder; fired: Fired[] }> {
  const el = document.createElement('prom-query-builder');
  el.client = client;
  if (opts.query) el.query = opts.query;
  el.setAttribute('theme', opts.theme ?? 'light');
  el.style.width = `${opts.width ?? 480}px`;
  const fired: Fired[] = [];
  el.addEventListener('prom-visual-query-change', (e) => fired.push((e as PromVisualQueryChangeEvent).detail));
  stage.append(el);
  await el.updateComplete;
  return { el, fired };
}

const $ = <T extends Element = HTMLElement>(el: PromQueryBuilder, sel: string) => {
  const found = el.shadowRoot!.querySelector<T>(sel);
  if (!found) throw new Error(`nothing matches ${sel}`);
  return found;
};
const exprs = (fired: Fired[]) => fired.map((f) => f.expr);
const preview = (el: PromQueryBuilder) => $(el, '.preview').textContent;

/** Sets a text box or select and fires its change. */
async function change(el: PromQueryBuilder, control: HTMLInputElement | HTMLSelectElement, value: string): Promise<void> {
  control.value = value;
  control.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

/** Adds the catalogue's operation `id` through the "+ Operation" menu. */
async function addOperation(el: PromQueryBuilder, id: string): Promise<HTMLElement> {
  await change(el, $<HTMLSelectElement>(el, '#add-operation'), id);
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('.operations > li')].at(-1)!;
}
const entry = (kind: string, fn: string) => VISUAL_OPERATIONS.find((o) => o.kind === kind && o.fn === fn)!;

describe('<prom-query-builder>', () => {
  it('builds sum by (job) (rate(x{status="200"}[5m])) * 100 step by step, each step firing its exact PromQL', async () => {
    const { el, fired } = await builder();
    // The metric: typed into the combobox, the first of the server's matches picked with Enter.
    await until(() => el._metrics.state === 'ready', 'the metric names');
    $<HTMLInputElement>(el, '#metric').focus();
    await sendKeys({ type: 'promkit_http_req' });
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll('#metric-list [role="option"] .option-name')].map((o) => o.textContent)).to.deep.equal(['promkit_http_requests_total']);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(exprs(fired)).to.deep.equal(['promkit_http_requests_total']);

    // A filter on a label the server names, with a value the server offers.
    $<HTMLButtonElement>(el, '#add-filter').click();
    await el.updateComplete;
    expect(fired.at(-1)!.expr).to.equal('promkit_http_requests_total');
    const names = await until(() => [...el.shadowRoot!.querySelectorAll('#label-names option')].map((o) => (o as HTMLOptionElement).value).filter(Boolean).join(','), 'label names');
    expect(names).to.equal('instance,job,method,status');
    const label = $<HTMLInputElement>(el, '.filter-label');
    expect(el.shadowRoot!.activeElement).to.equal(label);
    await change(el, label, 'status');
    expect(fired.at(-1)!.expr).to.equal('promkit_http_requests_total{status=""}');
    const valuesList = $<HTMLDataListElement>(el, `#${$(el, '.filter-value').getAttribute('list')}`);
    const values = await until(() => [...valuesList.options].map((o) => o.value).join(',') || undefined, 'status values');
    expect(values).to.equal('200,500');
    await change(el, $<HTMLInputElement>(el, '.filter-value'), '200');
    expect(fired.at(-1)!.expr).to.equal('promkit_http_requests_total{status="200"}');

    // rate, then its range.
    const rate = await addOperation(el, entry('range', 'rate').id);
    expect(fired.at(-1)!.expr).to.equal('rate(promkit_http_requests_total{status="200"}[$__rate_interval])');
    expect(rate.querySelector('.title')!.textContent).to.equal('Rate');
    await change(el, rate.querySelector<HTMLInputElement>('input[id$="-range"]')!, '5m');
    expect(fired.at(-1)!.expr).to.equal('rate(promkit_http_requests_total{status="200"}[5m])');

    // sum, grouped by job.
    const sum = await addOperation(el, entry('aggregate', 'sum').id);
    expect(fired.at(-1)!.expr).to.equal('sum(rate(promkit_http_requests_total{status="200"}[5m]))');
    await change(el, sum.querySelector<HTMLSelectElement>('select[id$="-mode"]')!, 'by');
    await change(el, sum.querySelector<HTMLInputElement>('input[id$="-labels"]')!, 'job');
    expect(fired.at(-1)!.expr).to.equal('sum by (job) (rate(promkit_http_requests_total{status="200"}[5m]))');
    expect(sum.querySelector('.chip')!.textContent!.trim()).to.equal('job');

    // Times 100.
    const scalar = await addOperation(el, entry('scalar', '+').id);
    expect(fired.at(-1)!.expr).to.equal('sum by (job) (rate(promkit_http_requests_total{status="200"}[5m])) + 0');
    expect(scalar.querySelector('.title')!.textContent).to.equal('Add a number');
    await change(el, scalar.querySelector<HTMLSelectElement>('select[id$="-op"]')!, '*');
    await change(el, scalar.querySelector<HTMLInputElement>('input[id$="-value"]')!, '100');
    const final = 'sum by (job) (rate(promkit_http_requests_total{status="200"}[5m])) * 100';
    expect(fired.at(-1)!.expr).to.equal(final);
    expect(preview(el)).to.equal(final);
    expect(fired.at(-1)!.query).to.deep.equal({
      metric: 'promkit_http_requests_total',
      labels: [{ label: 'status', op: '=', value: '200' }],
      operations: [
        { kind: 'range', fn: 'rate', range: '5m' },
        { kind: 'aggregate', fn: 'sum', grouping: { mode: 'by', labels: ['job'], first: true } },
        { kind: 'scalar', op: '*', value: 100 },
      ],
      binaryQueries: [],
    });
    expect(el.value).to.equal(fired.at(-1)!.query);
    // Each event is a new query; the one before is untouched.
    expect(fired[0]!.query.labels).to.deep.equal([]);

  });

  it('refuses an invalid range, count and offset in place: marked, explained, not applied, no event', async () => {
    const query: VisualQuery = { metric: 'promkit_http_requests_total', labels: [], operations: [{ kind: 'range', fn: 'rate', range: '5m' }], binaryQueries: [] };
    const { el, fired } = await builder({ query });
    const range = $<HTMLInputElement>(el, 'input[id$="-range"]');
    await change(el, range, 'five minutes');
    expect(fired).to.deep.equal([]);
    expect(range.getAttribute('aria-invalid')).to.equal('true');
    expect(range.value).to.equal('five minutes');
    const problem = $(el, `#${range.id}-problem`);
    expect(problem.getAttribute('role')).to.equal('alert');
    expect(problem.textContent).to.equal('“five minutes” is not a range: write a duration such as 5m, 1h or 30s, or a variable such as $__rate_interval.');
    expect(range.getAttribute('aria-describedby')).to.equal(problem.id);
    expect(preview(el)).to.equal('rate(promkit_http_requests_total[5m])');
    expect(el.value).to.equal(undefined);
    expect(el.problems[0]).to.contain('five minutes');

    await change(el, $<HTMLInputElement>(el, '#offset'), 'yesterday');
    expect(fired).to.deep.equal([]);
    expect($(el, '#offset-problem').textContent).to.contain('“yesterday” is not an offset');

    // Fixed: applied and fired; the other refusal stays.
    await change(el, range, '$__rate_interval');
    expect(exprs(fired)).to.deep.equal(['rate(promkit_http_requests_total[$__rate_interval])']);
    expect(range.getAttribute('aria-invalid')).to.equal('false');
    await change(el, $<HTMLInputElement>(el, '#offset'), '1h');
    expect(exprs(fired).at(-1)).to.equal('rate(promkit_http_requests_total[$__rate_interval] offset 1h)');
    expect(el.value).to.equal(fired.at(-1)!.query);

    const topk = await addOperation(el, entry('aggregate-param', 'topk').id);
    const k = topk.querySelector<HTMLInputElement>('input[id$="-param"]')!;
    const before = fired.length;
    await change(el, k, '2.5');
    expect(fired.length).to.equal(before);
    expect($(el, `#${k.id}-problem`).textContent).to.equal('“2.5” is not a count: write a whole number of at least 1, such as 5.');
    await change(el, k, '3');
    expect(fired.at(-1)!.expr).to.equal('topk(3, rate(promkit_http_requests_total[$__rate_interval] offset 1h))');
  });

  it('moves and removes operations, keeping focus on the control used', async () => {
    const query: VisualQuery = {
      metric: 'promkit_temperature_celsius',
      labels: [{ label: 'room', op: '=~', value: 'lab|office' }],
      operations: [
        { kind: 'aggregate', fn: 'max' },
        { kind: 'function', fn: 'abs' },
      ],
      binaryQueries: [],
    };
    const { el, fired } = await builder({ query });
    const cards = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.operations > li')];
    const down = cards()[0]!.querySelector<HTMLButtonElement>('button[id$="-down"]')!;
    down.click();
    await el.updateComplete;
    expect(fired.at(-1)!.expr).to.equal('max(abs(promkit_temperature_celsius{room=~"lab|office"}))');
    // The moved card is now last: its own "up" button has the focus (its "down" is disabled).
    expect(el.shadowRoot!.activeElement!.id).to.equal(down.id.replace('-down', '-up'));
    cards()[0]!.querySelector<HTMLButtonElement>('button[id$="-remove"]')!.click();
    await el.updateComplete;
    expect(fired.at(-1)!.expr).to.equal('max(promkit_temperature_celsius{room=~"lab|office"})');
    el.shadowRoot!.querySelector<HTMLButtonElement>('.filter button[id$="-remove"]')!.click();
    await el.updateComplete;
    expect(fired.at(-1)!.expr).to.equal('max(promkit_temperature_celsius)');
    expect(el.shadowRoot!.activeElement!.id).to.equal('add-filter');
  });

  it('a binary operation with another query, built in a nested builder', async () => {
    const query: VisualQuery = { metric: 'promkit_http_requests_total', labels: [{ label: 'status', op: '=', value: '500' }], operations: [{ kind: 'aggregate', fn: 'sum' }], binaryQueries: [] };
    const { el, fired } = await builder({ query });
    $<HTMLButtonElement>(el, '#add-binary').click();
    await el.updateComplete;
    const nested = $<PromQueryBuilder>(el, 'prom-query-builder[nested]');
    await nested.updateComplete;
    // Typed, then left: the text typed is the metric.
    const metric = nested.shadowRoot!.querySelector<HTMLInputElement>('#metric')!;
    metric.value = 'promkit_http_requests_total';
    metric.dispatchEvent(new Event('input'));
    metric.dispatchEvent(new FocusEvent('blur'));
    await nested.updateComplete;
    await el.updateComplete;
    expect(fired.at(-1)!.expr).to.equal('sum(promkit_http_requests_total{status="500"}) / promkit_http_requests_total');
    await change(el, nested.shadowRoot!.querySelector<HTMLSelectElement>('#add-operation')!, entry('aggregate', 'sum').id);
    await nested.updateComplete;
    await el.updateComplete;
    expect(fired.at(-1)!.expr).to.equal('sum(promkit_http_requests_total{status="500"}) / sum(promkit_http_requests_total)');
    await change(el, $<HTMLSelectElement>(el, 'select[id^="bin-"][id$="-op"]'), '>');
    await change(el, $<HTMLSelectElement>(el, 'select[id$="-matching"]'), 'on');
    await change(el, $<HTMLInputElement>(el, '.binary input[id$="-labels"]'), 'job');
    $<HTMLInputElement>(el, 'input[id$="-bool"]').click();
    await el.updateComplete;
    expect(fired.at(-1)!.expr).to.equal('sum(promkit_http_requests_total{status="500"}) > bool on (job) sum(promkit_http_requests_total)');
    // A set operator: no bool any more.
    await change(el, $<HTMLSelectElement>(el, 'select[id^="bin-"][id$="-op"]'), 'unless');
    expect(fired.at(-1)!.expr).to.equal('sum(promkit_http_requests_total{status="500"}) unless on (job) sum(promkit_http_requests_total)');
    expect(el.shadowRoot!.querySelector('input[id$="-bool"]') === null).to.equal(true);
    // The nested builder's own events stop at the outer one: the host hears only the whole query.
    expect(new Set(fired.map((f) => f.query.metric))).to.deep.equal(new Set(['promkit_http_requests_total']));
  });

  it('applies a starter pattern to the chosen metric, keeping its filters', async () => {
    const pattern = VISUAL_PATTERNS[0]!;
    const query: VisualQuery = { metric: 'promkit_http_requests_total', labels: [{ label: 'job', op: '=', value: 'api' }], operations: [], binaryQueries: [] };
    const { el, fired } = await builder({ query });
    $<HTMLButtonElement>(el, '#patterns-toggle').click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, `#pattern-${pattern.id}`).click();
    await el.updateComplete;
    const built = pattern.build('promkit_http_requests_total');
    expect(fired.at(-1)!.query).to.deep.equal({ ...built, labels: [{ label: 'job', op: '=', value: 'api' }] });
    expect(fired.at(-1)!.expr).to.equal('sum(rate(promkit_http_requests_total{job="api"}[$__rate_interval]))');
    expect(preview(el)).to.equal(fired.at(-1)!.expr);
    // The histogram pattern on a histogram's family name: its buckets, rated, summed by le, p95.
    el.query = { metric: 'promkit_request_duration_seconds', labels: [], operations: [{ kind: 'function', fn: 'abs' }], binaryQueries: [] };
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#pattern-histogram-p95').click();
    await el.updateComplete;
    expect(fired.at(-1)!.expr).to.equal('histogram_quantile(0.95, sum by (le) (rate(promkit_request_duration_seconds_bucket[$__rate_interval])))');
    expect([...el.shadowRoot!.querySelectorAll('.operations .title')].map((t) => t.textContent)).to.deep.equal(['Rate', 'Sum', 'Histogram quantile']);
  });

  it('Browse opens the metrics explorer in a dialog; picking there sets the metric', async () => {
    const { el, fired } = await builder();
    $<HTMLButtonElement>(el, '#browse').click();
    await el.updateComplete;
    const dialog = $<HTMLDialogElement>(el, 'dialog.browse');
    expect(dialog.open).to.equal(true);
    const explorer = dialog.querySelector('prom-metrics-explorer')!;
    await explorer.updateComplete;
    expect(explorer.shadowRoot!.activeElement!.id).to.equal('filter');
    explorer.filter = 'temperature';
    await explorer.updateComplete;
    const option = await until(() => [...explorer.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')].find((o) => o.querySelector('.name')!.textContent === 'promkit_temperature_celsius'), 'the explorer list');
    option.click();
    await el.updateComplete;
    expect(exprs(fired)).to.deep.equal(['promkit_temperature_celsius']);
    // The dialog closes (its close event comes a task later) and the focus returns to Browse.
    await until(() => el.shadowRoot!.querySelector('dialog.browse') === null && el.shadowRoot!.activeElement?.id === 'browse', 'the dialog to close');
  });

  it('screenshots: light and dark, 420px and 800px', async () => {
    const query: VisualQuery = {
      metric: 'promkit_request_duration_seconds_bucket',
      labels: [{ label: 'le', op: '!=', value: '+Inf' }],
      operations: [
        { kind: 'range', fn: 'rate', range: '$__rate_interval' },
        { kind: 'aggregate', fn: 'sum', grouping: { mode: 'by', labels: ['le', 'job'], first: true } },
        { kind: 'histogram_quantile', quantile: 0.95 },
        { kind: 'scalar', op: '*', value: 1000 },
      ],
      binaryQueries: [{ op: '>', bool: true, query: { metric: 'promkit_temperature_celsius', labels: [], operations: [{ kind: 'aggregate', fn: 'max' }], binaryQueries: [] } }],
    };
    for (const [theme, width] of [
      ['light', 420],
      ['dark', 420],
      ['light', 800],
      ['dark', 800],
    ] as const) {
      const { el } = await builder({ query, width, theme });
      await until(() => el._metrics.state === 'ready', 'the metric names');
      $<HTMLButtonElement>(el, '#patterns-toggle').click();
      await change(el, $<HTMLInputElement>(el, 'input[id$="-range"]'), '5 min');
      const name = `query-builder-${theme}-${width}`;
      el.id = name;
      document.body.style.background = theme === 'dark' ? '#0d1117' : '#fff';
      await executeServerCommand('screenshot', { selector: `#${name}`, name });
      stage.replaceChildren();
    }
    document.body.style.background = '';
  });
});
