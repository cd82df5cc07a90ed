/**
 * <prom-query-editor> in Chromium against the real Prometheus: completion typed with real keys
 * (metric prefix, `{` for labels, `status="` for values), directly, with a bearer token, and
 * through promkit's credentials proxy; lint after interpolation; Format; Test; run and change events.
 */
import { expect } from 'chai';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { EditorView } from '@codemirror/view';
import { PrometheusClient } from '@promkit/core';
import { T0, T_END, TRICKY_LABEL_VALUES } from '../../../../../tests/harness/dataset.mjs';
import type { PromQueryEditor } from './query-editor.component.js';
import './query-editor.js';

const url = window.__PROMKIT_TEST__.prometheusUrl;
const HOUR_RANGE = `${new Date(T0 * 1000).toISOString()},${new Date(T_END * 1000).toISOString()}`;
const direct = new PrometheusClient({ url });

const stage = document.createElement('div');
document.body.append(stage);
afterEach(() => stage.replaceChildren());

async function editor(props: Partial<Pick<PromQueryEditor, 'value' | 'client' | 'variables' | 'range'>> & { theme?: string; width?: number } = {}): Promise<PromQueryEditor> {
  const el = document.createElement('prom-query-editor');
  el.client = props.client ?? direct;
  el.range = props.range ?? HOUR_RANGE;
  if (props.value !== undefined) el.value = props.value;
  if (props.variables) el.variables = props.variables;
  el.setAttribute('theme', props.theme ?? 'light');
  el.style.width = `${props.width ?? 560}px`;
  stage.append(el);
  await el.updateComplete;
  await until(() => el.shadowRoot!.querySelector('.cm-editor'));
  return el;
}

const view = (el: PromQueryEditor) => EditorView.findFromDOM(el.shadowRoot!.querySelector<HTMLElement>('.cm-editor')!)!;

async function until<T>(probe: () => T | undefined | null | false, what = 'condition'): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const value = probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 15));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The labels of the completion list, once it shows one containing `expected`. */
async function offered(el: PromQueryEditor, expected: string): Promise<string[]> {
  return until(() => {
    const items = [...el.shadowRoot!.querySelectorAll('.cm-tooltip-autocomplete li .cm-completionLabel')].map((n) => n.textContent ?? '');
    return items.includes(expected) && items;
  }, `completion offering ${expected}`);
}

/** Types into the editor with real key events (from the end of the text, unless `where` is 'cursor'). */
async function type(el: PromQueryEditor, text: string, where: 'end' | 'cursor' = 'end'): Promise<void> {
  el.focus();
  const v = view(el);
  if (where === 'end') v.dispatch({ selection: { anchor: v.state.doc.length } });
  await sendKeys({ type: text });
}

/** What lint shows, once it has run over the current text. */
async function linted(el: PromQueryEditor): Promise<{ severity: string; message: string; from: number; to: number }[]> {
  await new Promise((r) => setTimeout(r, 400));
  await el.updateComplete;
  return el._problems.map(({ severity, message, from, to }) => ({ severity, message, from, to }));
}

async function completionScenario(client: PrometheusClient): Promise<void> {
  const metrics = (await direct.labelValues({ label: '__name__', match: ['{__name__=~"promkit_http.*"}'], start: T0, end: T_END })).data;
  const el = await editor({ client });
  await type(el, 'promkit_http_req');
  const names = await offered(el, metrics[0]!);
  expect(names.filter((n) => n.startsWith('promkit_http'))).to.deep.equal(metrics);

  await sendKeys({ press: 'Escape' });
  view(el).dispatch({ changes: { from: 0, to: view(el).state.doc.length, insert: `${metrics[0]}` } });
  await type(el, '{');
  const labels = (await direct.labels({ match: [metrics[0]!], start: T0, end: T_END })).data.filter((l) => l !== '__name__');
  expect(await offered(el, 'status')).to.include.members(labels);

  // `{` closed itself: the cursor is between the braces.
  expect(view(el).state.doc.toString()).to.equal(`${metrics[0]}{}`);
  await type(el, 'status="', 'cursor');
  const values = (await direct.labelValues({ label: 'status', match: [metrics[0]!], start: T0, end: T_END })).data;
  const shown = await offered(el, values[0]!);
  expect(shown).to.include.members(values);
  expect(values).to.deep.equal(['200', '500']);
}

describe('<prom-query-editor>', () => {
  it('completes metric names, then labels after {, then values after status=" from the server', async () => {
    await completionScenario(direct);
  });

  it('completes the same with a bearer token, and through the credentials proxy (the browser holding no token)', async () => {
    const bearer = new PrometheusClient({ url: `${location.origin}/bearer-prometheus`, auth: { type: 'bearer', token: 'promkit-test-token' } });
    await completionScenario(bearer);
    await completionScenario(new PrometheusClient({ url: `${location.origin}/proxy-prometheus` }));
    // Without the token the gate refuses: the scenario above really went through it.
    const refused = new PrometheusClient({ url: `${location.origin}/bearer-prometheus` });
    const error = await refused.labels().catch((e: Error) => e);
    expect(error).to.be.instanceOf(Error);
    const el = await editor({ client: refused });
    await type(el, 'promkit_h');
    await until(() => el._completionError, 'the completion error');
    expect(el.shadowRoot!.querySelector('.hint')!.textContent).to.contain('Suggestions from the server are unavailable');
  });

  it('shows hostile label values from the server as text: in completion, Test and Explain', async () => {
    const hostile = TRICKY_LABEL_VALUES.find((v) => v.startsWith('<img'))!;
    const el = await editor({ value: 'promkit_label_text' });
    await type(el, '{text="');
    const shown = await offered(el, hostile);
    expect(shown).to.include.members(TRICKY_LABEL_VALUES);
    await sendKeys({ press: 'Escape' });
    el.value = `promkit_label_text{text="${hostile}"}`;
    await el.updateComplete;
    const result = await el.test();
    expect(result?.ok && result.series).to.equal(1);
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.toolbar button')].find((b) => b.textContent === 'Explain')!.click();
    await el.updateComplete;
    const explain = el.shadowRoot!.querySelector('prom-query-explain')!;
    await explain.evaluation;
    await explain.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=result]')!.textContent).to.contain(hostile);
    expect(explain.shadowRoot!.textContent).to.contain(hostile);
    // Text, never markup: no element was made from a label value anywhere.
    for (const root of [el.shadowRoot!, explain.shadowRoot!]) expect(root.querySelectorAll('img, [onerror]').length).to.equal(0);
  });

  it('lints after interpolation: variables and built-ins are no errors, real errors land where they were typed', async () => {
    const el = await editor({ value: 'sum by ($grouping) (rate(promkit_http_requests_total{job=~"$job"}[$__rate_interval]))', variables: ['grouping', 'job'] });
    expect(await linted(el)).to.deep.equal([]);
    // Drawn as variables too: the grammar's error token for `$` is not painted red.
    const marks = [...el.shadowRoot!.querySelectorAll('.cm-promkit-variable')];
    expect(marks.map((m) => m.textContent)).to.deep.equal(['$grouping', '$job', '$__rate_interval']);
    const red = getComputedStyle(el).getPropertyValue('--_color-red').trim();
    const painted = marks.flatMap((m) => [m, ...m.querySelectorAll('span')]).map((s) => getComputedStyle(s).color);
    expect(new Set(painted).size, painted.join()).to.equal(1);
    expect(painted[0]).to.not.equal(getComputedStyle(el.shadowRoot!.querySelector('.cm-content')!).color);
    expect(red).to.not.equal('');
    const probe = document.createElement('span');
    probe.style.color = red;
    el.shadowRoot!.append(probe);
    expect(painted[0]).to.not.equal(getComputedStyle(probe).color);
    probe.remove();

    view(el).dispatch({ changes: { from: 0, to: view(el).state.doc.length, insert: 'rate(up[$__rate_interval]) / $nope' } });
    const [warning] = await linted(el);
    expect(warning!.severity).to.equal('warning');
    expect(warning!.message).to.contain('$nope');
    const at = 'rate(up[$__rate_interval]) / '.length;
    expect([warning!.from, warning!.to]).to.deep.equal([at, at + '$nope'.length]);

    const broken = 'sum(rate(up[$__rate_interval])) by (job) +';
    view(el).dispatch({ changes: { from: 0, to: view(el).state.doc.length, insert: broken } });
    const [error] = await linted(el);
    expect(error!.severity).to.equal('error');
    expect(error!.from).to.be.at.least(broken.length - 1);
    await until(() => el.shadowRoot!.querySelector('.problem.error')?.textContent?.startsWith('Error:'), 'the error line');
    expect(el.shadowRoot!.querySelector('.input')!.classList.contains('invalid')).to.equal(true);
  });

  it('fires prom-query-change for edits (not for value set by the host) and prom-query-run on Shift+Enter', async () => {
    const el = await editor({ value: 'up' });
    const changes: string[] = [];
    const runs: string[] = [];
    el.addEventListener('prom-query-change', (e) => changes.push(e.detail.value));
    el.addEventListener('prom-query-run', (e) => runs.push(e.detail.value));
    el.value = 'vector(1)';
    await el.updateComplete;
    expect(view(el).state.doc.toString()).to.equal('vector(1)');
    expect(changes).to.deep.equal([]);
    await type(el, ' + 1');
    expect(changes.at(-1)).to.equal('vector(1) + 1');
    expect(el.value).to.equal('vector(1) + 1');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    expect(runs).to.deep.equal(['vector(1) + 1']);
    expect(view(el).state.doc.toString()).to.equal('vector(1) + 1');
    // Tab leaves the editor (no keyboard trap): focus goes on to Run.
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.textContent).to.equal('Run');
  });

  it('formats with the server and keeps the variables as typed', async () => {
    const el = await editor({ value: 'sum(rate(promkit_http_requests_total{job=~"$job"}[$__rate_interval]))by(instance)', variables: ['job'] });
    await el.format();
    expect(el.value).to.equal('sum by (instance) (rate(promkit_http_requests_total{job=~"$job"}[$__rate_interval]))');
    expect(view(el).state.doc.toString()).to.equal(el.value);
  });

  it('tests the query over its range: series, samples and first labels as a direct query finds them', async () => {
    const query = 'sum by (instance) (rate(promkit_http_requests_total[$__rate_interval]))';
    const el = await editor({ value: query });
    const result = await el.test();
    if (!result?.ok) throw new Error('the test failed');
    const again = await direct.queryRangeFrames({ query: result.sent, start: T0, end: T_END, step: result.step });
    expect(result.sent).to.not.contain('$');
    expect(result.series).to.equal(again.frames.length).and.equal(2);
    expect(result.samples).to.equal(again.frames.reduce((n, f) => n + f.timestamps.length, 0));
    await el.updateComplete;
    const shown = el.shadowRoot!.querySelector('[part=result]')!.textContent!.replace(/\s+/g, ' ');
    expect(shown).to.contain(`2 series, ${result.samples.toLocaleString('en')} samples`);
    expect(shown).to.contain('instance="api-1"');

    el.value = 'sum(rate(promkit_http_requests_total[5m])';
    await el.updateComplete;
    const failed = await el.test();
    expect(failed?.ok).to.equal(false);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=result]')!.textContent).to.contain('could not parse');
  });

  it('Explain shows the query as sent (variables filled in), again after each run; Metrics inserts the picked name at the cursor', async () => {
    const el = await editor({ value: 'sum(rate(promkit_http_requests_total[$__rate_interval]))' });
    const button = (name: string) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.toolbar button')].find((b) => b.textContent === name)!;
    button('Explain').click();
    await el.updateComplete;
    const explain = el.shadowRoot!.querySelector('prom-query-explain')!;
    expect(button('Explain').getAttribute('aria-pressed')).to.equal('true');
    expect(explain.query).to.match(/^sum\(rate\(promkit_http_requests_total\[\d+[smh]\]\)\)$/);
    expect(explain.time).to.equal(T_END);
    view(el).dispatch({ changes: { from: 0, to: view(el).state.doc.length, insert: 'count(up)' } });
    await type(el, '');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('prom-query-explain')!.query).to.equal('count(up)');

    view(el).dispatch({ changes: { from: 0, to: view(el).state.doc.length, insert: 'avg()' }, selection: { anchor: 4 } });
    button('Metrics').click();
    await el.updateComplete;
    const dialog = el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.explorer')!;
    expect(dialog.open).to.equal(true);
    const explorer = dialog.querySelector('prom-metrics-explorer')!;
    await explorer.updateComplete;
    explorer.shadowRoot!.querySelector<HTMLInputElement>('#filter')!.focus();
    await sendKeys({ type: 'temperature' });
    const option = await until(() => [...explorer.shadowRoot!.querySelectorAll<HTMLElement>('[role=option]')].find((o) => o.textContent!.includes('promkit_temperature_celsius')), 'the metric in the explorer');
    option.click();
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    expect(el.value).to.equal('avg(promkit_temperature_celsius)');
  });

  it('colours tokens from the theme in light and dark (screenshots with a completion list open)', async () => {
    const colours: { keyword: string; label: string; text: string; list: string }[] = [];
    for (const theme of ['light', 'dark']) {
      const el = await editor({ theme, value: '# errors per job\nsum by (job) (rate(promkit_http_requests_total{status="500"}[5m])) / 2', width: 520 });
      stage.style.padding = '8px';
      await el.test();
      await type(el, ' + promkit_te');
      await until(() => el.shadowRoot!.querySelector('.cm-tooltip-autocomplete li'), 'completion');
      stage.style.height = '360px';
      // The page, not the element: an element screenshot draws CodeMirror's fixed-position list unstyled.
      await executeServerCommand('screenshot', { selector: 'body', name: `query-editor-${theme}` });
      const colorOf = (text: string) => getComputedStyle([...el.shadowRoot!.querySelectorAll('.cm-line span')].find((s) => s.textContent === text)!).color;
      colours.push({
        keyword: colorOf('sum'),
        label: colorOf('status'),
        text: getComputedStyle(el.shadowRoot!.querySelector('.cm-content')!).color,
        list: getComputedStyle(el.shadowRoot!.querySelector('.cm-tooltip-autocomplete')!).backgroundColor,
      });
      stage.replaceChildren();
    }
    stage.removeAttribute('style');
    const [light, dark] = colours;
    // Tokens, not one colour: keywords and labels differ from plain text and between the themes.
    expect(new Set([light!.keyword, light!.label, light!.text]).size).to.equal(3);
    expect(light!.keyword).to.not.equal(dark!.keyword);
    expect(light!.text).to.not.equal(dark!.text);
    expect(light!.list).to.not.equal(dark!.list);
  });
});
