/** <prom-panel-editor> in Chromium against the real Prometheus: each field changes the preview and fires a valid panel. */
import { expect } from 'chai';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { PrometheusClient, formatValueText, parsePanel, type Panel } from '@promkit/core';
import { T0, T_END, STEP, valueOf } from '../../../../../tests/harness/dataset.mjs';
import type { PromPanel } from '../panel/panel.component.js';
import type { PromPanelEditor } from './panel-editor.component.js';
import type { PromPanelChangeEvent } from '../../events/panel-change-event.js';
import { PromQueryEditor } from '../query-editor/query-editor.component.js';
import { PromQueryRunEvent } from '../../events/query-run-event.js';
import { printVisualQuery, toVisualQuery } from '@promkit/core/edit';
import { PromVisualQueryChangeEvent } from '../../events/visual-query-change-event.js';
import './panel-editor.js';

const url = window.__PROMKIT_TEST__.prometheusUrl;
const HOUR_RANGE = `${new Date(T0 * 1000).toISOString()},${new Date(T_END * 1000).toISOString()}`;
const LAB = 'promkit_temperature_celsius{room="lab"}';
const start: Panel = parsePanel({
  id: 7,
  type: 'timeseries',
  title: 'Temperature',
  gridPos: { x: 0, y: 0, w: 12, h: 8 },
  targets: [{ refId: 'A', expr: LAB, legendFormat: '{{room}}' }],
});

const stage = document.createElement('div');
document.body.append(stage);
afterEach(() => stage.replaceChildren());

/** Resolves with the preview's next `prom-data` (or `prom-error`). */
function nextData(editor: PromPanelEditor): Promise<Event> {
  return new Promise((resolve) => {
    editor.addEventListener('prom-data', resolve, { once: true });
    editor.addEventListener('prom-error', resolve, { once: true });
  });
}

async function settle(editor: PromPanelEditor, preview = false): Promise<void> {
  await editor.updateComplete;
  await previewOf(editor).updateComplete;
  if (preview) await new Promise((r) => requestAnimationFrame(() => r(undefined)));
}

/** A panel with something in every section, for the screenshots. */
const SHOWCASE: Panel = parsePanel({
  ...start,
  targets: [...start.targets, { refId: 'B', expr: 'promkit_temperature_celsius{room="office"}', legendFormat: '{{room}}', minInterval: '30s' }],
  fieldConfig: {
    defaults: {
      unit: 'celsius',
      decimals: 1,
      thresholds: { mode: 'absolute', steps: [{ value: null, color: 'green' }, { value: 22, color: 'red' }] },
      mappings: [{ type: 'special', options: { match: 'nan', result: { text: 'No reading', color: 'text' } } }],
      custom: { fillOpacity: 10, thresholdsStyle: { mode: 'line' } },
    },
    overrides: [{ matcher: { id: 'byFrameRefID', options: 'B' }, properties: [{ id: 'custom.axisPlacement', value: 'right' }, { id: 'color', value: { mode: 'fixed', fixedColor: 'purple' } }] }],
  },
  options: { legend: { displayMode: 'table', placement: 'bottom', calcs: ['mean', 'max'] } },
});

async function editor(panel: Panel = start, width = 1100, theme?: 'light' | 'dark', height = 760): Promise<PromPanelEditor> {
  const el = document.createElement('prom-panel-editor');
  el.style.width = `${width}px`;
  el.style.height = `${height}px`;
  el.url = url;
  el.range = HOUR_RANGE;
  el.panel = panel;
  if (theme) el.theme = theme;
  const data = nextData(el);
  stage.append(el);
  await data;
  await settle(el, true);
  return el;
}

const root = (el: PromPanelEditor) => el.shadowRoot!;
const previewOf = (el: PromPanelEditor) => root(el).querySelector<PromPanel>('prom-panel')!;
const control = <T extends HTMLElement = HTMLInputElement>(el: PromPanelEditor, id: string) => {
  const found = root(el).getElementById(id) as T | null;
  if (!found) throw new Error(`no control #${id}`);
  return found;
};

/** Sets a control's value as a person would and fires its `input` and `change` (a query editor: runs it, as Shift+Enter does). */
function enter(c: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | PromQueryEditor, value: string): void {
  c.value = value;
  if (c instanceof PromQueryEditor) {
    c.dispatchEvent(new PromQueryRunEvent({ value }));
    return;
  }
  c.dispatchEvent(new Event('input', { bubbles: true }));
  c.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Runs `act` and returns the panels of the `prom-panel-change` events it fired. */
async function changes(el: PromPanelEditor, act: () => void | Promise<void>, opts: { data?: boolean } = {}): Promise<Panel[]> {
  const seen: Panel[] = [];
  const on = (e: PromPanelChangeEvent) => seen.push(e.detail.panel);
  el.addEventListener('prom-panel-change', on);
  const data = opts.data ? nextData(el) : undefined;
  await act();
  await data;
  await settle(el, opts.data);
  el.removeEventListener('prom-panel-change', on);
  // Every emitted panel passes the schema as it is.
  for (const p of seen) expect(() => parsePanel(p)).not.to.throw();
  return seen;
}

const statText = (el: PromPanelEditor) => [...previewOf(el).shadowRoot!.querySelectorAll('.stat-value')].map((n) => n.textContent!.replace(/\s+/g, ''));
const lastLab = valueOf('promkit_temperature_celsius', { room: 'lab' }, (T_END - T0) / STEP)!;

describe('<prom-panel-editor>', () => {
  it('previews the given panel with a real <prom-panel>', async () => {
    const el = await editor();
    expect(previewOf(el).spec).to.deep.equal(start);
    expect(previewOf(el).results[0]!.frames.map((f) => f.labels['room'])).to.deep.equal(['lab']);
    expect(control(el, 'title').value).to.equal('Temperature');
    expect(control<PromQueryEditor>(el, 'target-0-expr').value).to.equal(LAB);
    // Given only `url`, the query editor still asks that server (Test, completion, Explain).
    expect(control<PromQueryEditor>(el, 'target-0-expr').client instanceof PrometheusClient).to.equal(true);
  });

  it('type, unit and decimals change the preview (a stat with the value in °C)', async () => {
    const el = await editor();
    const [typed] = await changes(el, async () => {
      const data = nextData(el);
      enter(control<HTMLSelectElement>(el, 'type'), 'stat');
      await data;
    });
    expect(typed!.type).to.equal('stat');
    expect(previewOf(el).spec!.type).to.equal('stat');
    // The time series' legend option does not apply to a stat panel; the targets do.
    expect(typed!.targets).to.deep.equal(start.targets);
    const [withUnit, withDecimals] = await changes(el, () => {
      enter(control(el, 'unit'), 'celsius');
      enter(control(el, 'decimals'), '2');
    }, { data: true });
    expect(withUnit!.fieldConfig.defaults.unit).to.equal('celsius');
    expect(withDecimals!.fieldConfig.defaults).to.deep.equal({ unit: 'celsius', decimals: 2 });
    await settle(el, true);
    expect(statText(el)).to.deep.equal([formatValueText(lastLab, 'celsius', 2).replace(/\s+/g, '')]);
    expect(control(el, 'unit').closest('.field')!.querySelector('.hint')!.textContent).to.contain('Celsius');
  });

  it('title and description are in the emitted panel and the preview header', async () => {
    const el = await editor();
    const seen = await changes(el, () => {
      enter(control(el, 'title'), 'Lab temperature');
      enter(control<HTMLTextAreaElement>(el, 'description'), 'Measured every 15s');
    });
    expect(seen.at(-1)).to.include({ title: 'Lab temperature', description: 'Measured every 15s' });
    expect(previewOf(el).shadowRoot!.querySelector('[part="title"]')!.textContent).to.equal('Lab temperature');
  });

  it('adding a query gives the preview a second series; remove, reorder, hide, legend and instant edit the targets', async () => {
    const el = await editor();
    const [added] = await changes(el, () => root(el).querySelector<HTMLButtonElement>('.section-head button.add')!.click());
    expect(added!.targets.map((t) => t.refId)).to.deep.equal(['A', 'B']);
    const data = nextData(el);
    enter(control<PromQueryEditor>(el, 'target-1-expr'), 'promkit_temperature_celsius{room="office"}');
    await data;
    await settle(el);
    expect(previewOf(el).results.map((r) => r.frames.length)).to.deep.equal([1, 1]);
    const [legend, hidden, moved] = await changes(el, () => {
      enter(control(el, 'target-1-legend'), 'office {{room}}');
      control(el, 'target-0-hide').click();
      control<HTMLButtonElement>(el, 'target-0-hide').closest('.card')!.querySelector<HTMLButtonElement>('[aria-label="Move query A down"]')!.click();
    });
    expect(legend!.targets[1]!.legendFormat).to.equal('office {{room}}');
    expect(hidden!.targets[0]!.hide).to.equal(true);
    expect(moved!.targets.map((t) => t.refId)).to.deep.equal(['B', 'A']);
    const [instant, removed] = await changes(el, () => {
      control(el, 'target-0-instant').click();
      root(el).querySelector<HTMLButtonElement>('[aria-label="Remove query A"]')!.click();
    });
    expect(instant!.targets[0]).to.include({ refId: 'B', instant: true });
    expect(removed!.targets.map((t) => t.refId)).to.deep.equal(['B']);
  });

  it('an invalid value is not applied: the field shows why, and no event fires', async () => {
    const el = await editor();
    const seen = await changes(el, () => {
      enter(control<PromQueryEditor>(el, 'target-0-expr'), '');
      enter(control(el, 'target-0-interval'), 'soon');
    });
    expect(seen).to.deep.equal([]);
    expect(control<PromQueryEditor>(el, 'target-0-expr').closest('.field')!.classList.contains('invalid')).to.equal(true);
    expect(root(el).getElementById('target-0-expr-problem')!.textContent).to.match(/PromQL expression/);
    expect(root(el).getElementById('target-0-interval-problem')!.textContent).to.match(/duration/);
    expect(el.value).to.deep.equal(start);
    // Fixing it clears the problem.
    const [fixed] = await changes(el, () => enter(control(el, 'target-0-interval'), '30s'));
    expect(fixed!.targets[0]!.minInterval).to.equal('30s');
    expect(root(el).getElementById('target-0-interval-problem')).to.equal(null);
  });

  it('thresholds: added steps stay sorted, colours come from the picker or the text field and colour the stat', async () => {
    const el = await editor({ ...start, type: 'stat', fieldConfig: { defaults: { color: { mode: 'thresholds' } }, overrides: [] } });
    const addThreshold = () => [...root(el).querySelectorAll<HTMLButtonElement>('button.add')].find((b) => b.textContent!.includes('threshold'))!.click();
    const [one, two] = await changes(el, () => {
      addThreshold();
      addThreshold();
    });
    expect(one!.fieldConfig.defaults.thresholds!.steps.map((s) => s.value)).to.deep.equal([null, 80]);
    expect(two!.fieldConfig.defaults.thresholds!.steps.map((s) => s.value)).to.deep.equal([null, 80, 90]);
    const [lowered] = await changes(el, () => enter(control(el, 'threshold-2-value'), '-100'));
    expect(lowered!.fieldConfig.defaults.thresholds!.steps).to.deep.equal([
      { value: null, color: 'green' },
      { value: -100, color: 'orange' },
      { value: 80, color: 'red' },
    ]);
    const [picked, typed] = await changes(el, () => {
      enter(control(el, 'threshold-1-color').previousElementSibling as HTMLInputElement, '#112233');
      enter(control(el, 'threshold-1-color'), 'not a colour');
    }, { data: true });
    expect(typed).to.equal(undefined);
    expect(picked!.fieldConfig.defaults.thresholds!.steps[1]!.color).to.equal('#112233');
    await settle(el, true);
    // The lab's temperature is above -100: the stat takes the picked colour.
    expect(getComputedStyle(previewOf(el).shadowRoot!.querySelector('.stat-line')!).color).to.equal('rgb(17, 34, 51)');
  });

  it('per-type options: legend placement, stacking and log scale for time series; calculation and graph mode for stat', async () => {
    const el = await editor();
    const seen = await changes(el, () => {
      enter(control<HTMLSelectElement>(el, 'legend-placement'), 'right');
      enter(control<HTMLSelectElement>(el, 'stacking'), 'normal');
      enter(control<HTMLSelectElement>(el, 'axis-scale'), 'log2');
      enter(control<HTMLSelectElement>(el, 'gradient-mode'), 'opacity');
      control(el, 'legend-calc-max').click();
    });
    const last = seen.at(-1)!;
    expect(last.options.legend).to.deep.equal({ displayMode: 'list', placement: 'right', calcs: ['max'] });
    expect(last.fieldConfig.defaults.custom).to.deep.equal({ stacking: { mode: 'normal' }, axisScale: { type: 'log', log: 2 }, gradientMode: 'opacity' });
    expect(previewOf(el).shadowRoot!.querySelector('[part="body"]')!.classList.contains('legend-right')).to.equal(true);
    const data = nextData(el);
    enter(control<HTMLSelectElement>(el, 'type'), 'stat');
    await data;
    const [calc, graph] = await changes(el, () => {
      enter(control<HTMLSelectElement>(el, 'calc'), 'max');
      enter(control<HTMLSelectElement>(el, 'graph-mode'), 'none');
    }, { data: true });
    expect(calc!.options).to.deep.equal({ reduceOptions: { calcs: ['max'] } });
    expect(graph!.options.graphMode).to.equal('none');
    // Switching to stat dropped the legend, and the line settings that only time series read.
    expect(calc!.fieldConfig.defaults.custom).to.equal(undefined);
    await settle(el, true);
    expect(previewOf(el).shadowRoot!.querySelector('.sparkline')).to.equal(null);
  });

  it('pie chart, state timeline and heatmap options: type, slice labels, legend values; merge, values shown, row height; bucketing by value', async () => {
    const el = await editor({ ...start, type: 'piechart' });
    const pie = await changes(el, () => {
      enter(control<HTMLSelectElement>(el, 'pie-type'), 'donut');
      control(el, 'pie-label-percent').click();
      control(el, 'legend-value-value').click();
    });
    expect(pie.at(-1)!.options).to.deep.include({ pieType: 'donut', displayLabels: ['percent'] });
    expect(pie.at(-1)!.options.legend!.values).to.deep.equal(['value']);
    const data = nextData(el);
    enter(control<HTMLSelectElement>(el, 'type'), 'state-timeline');
    await data;
    const timeline = await changes(el, () => {
      control(el, 'merge-values').click();
      enter(control<HTMLSelectElement>(el, 'show-value'), 'never');
      enter(control<HTMLInputElement>(el, 'row-height'), '0.5');
    });
    // Switching to a state timeline dropped the pie's own options (type, labels, reducer); the legend setting carries over.
    expect(timeline.at(-1)!.options).to.deep.equal({ legend: { displayMode: 'list', placement: 'bottom', calcs: [], values: ['value'] }, mergeValues: false, showValue: 'never', rowHeight: 0.5 });
    const heat = nextData(el);
    enter(control<HTMLSelectElement>(el, 'type'), 'heatmap');
    await heat;
    await changes(el, () => control(el, 'calculate').click());
    const bands = await changes(el, () => enter(control<HTMLInputElement>(el, 'value-bands'), '4'));
    expect(bands.at(-1)!.options).to.deep.equal({ calculate: true, calculation: { yBuckets: { mode: 'count', value: 4 } } });
  });

  it('bar chart options: orientation, stacking, values, widths, label angle; the preview draws bars', async () => {
    const el = await editor({ ...start, type: 'barchart' });
    const set = await changes(el, () => {
      enter(control<HTMLSelectElement>(el, 'orientation'), 'horizontal');
      enter(control<HTMLSelectElement>(el, 'stacking'), 'percent');
      enter(control<HTMLSelectElement>(el, 'show-value'), 'never');
      enter(control<HTMLInputElement>(el, 'group-width'), '0.5');
      enter(control<HTMLInputElement>(el, 'label-rotation'), '-45');
    });
    expect(set.at(-1)!.options).to.deep.equal({ orientation: 'horizontal', stacking: 'percent', showValue: 'never', groupWidth: 0.5, xTickLabelRotation: -45 });
    await settle(el, true);
    await previewOf(el).updateComplete;
    expect(previewOf(el).shadowRoot!.querySelector('.canvas'), 'the preview draws a chart').to.not.equal(null);
  });

  it('alert list options: no queries or field settings to edit; view, order, name, labels, states, instances; the preview lists the firing rule', async () => {
    const el = await editor({ ...start, type: 'alertlist' });
    expect(root(el).querySelector('#unit'), 'no field settings').to.equal(null);
    expect(root(el).querySelector('prom-query-editor'), 'no queries').to.equal(null);
    const set = await changes(el, () => {
      enter(control<HTMLSelectElement>(el, 'sort-order'), 'importance');
      enter(control(el, 'label-filter'), '{severity="info"}');
      control(el, 'alert-state-pending').click();
      control(el, 'show-instances').click();
    });
    expect(set.at(-1)!.options).to.deep.equal({ sortOrder: 'importance', alertInstanceLabelFilter: '{severity="info"}', stateFilter: { pending: false }, showInstances: true });
    const listed = () => [...previewOf(el).shadowRoot!.querySelectorAll('.alert-name')].some((n) => n.textContent === 'PromkitAlwaysFiring');
    for (let i = 0; i < 250 && !listed(); i++) await new Promise((r) => setTimeout(r, 20));
    expect(listed(), 'the preview lists the firing rule').to.equal(true);
    const back = await changes(el, () => control(el, 'alert-state-pending').click());
    expect(back.at(-1)!.options.stateFilter).to.equal(undefined);
  });

  it('overrides set field settings for the matched series; value mappings replace the shown value', async () => {
    const el = await editor({ ...start, type: 'stat' });
    const button = (text: string) => [...root(el).querySelectorAll<HTMLButtonElement>('button.add')].find((b) => b.textContent!.includes(text))!;
    const [added] = await changes(el, () => button('override').click());
    expect(added!.fieldConfig.overrides).to.deep.equal([{ matcher: { id: 'byFrameRefID', options: 'A' }, properties: [] }]);
    const overridden = await changes(
      el,
      async () => {
        enter(control<HTMLSelectElement>(el, 'override-0-add'), 'unit');
        await el.updateComplete;
        enter(control<HTMLSelectElement>(el, 'override-0-add'), 'decimals');
        await el.updateComplete;
        enter(control(el, 'override-0-unit'), 'celsius');
        enter(control(el, 'override-0-decimals'), '3');
      },
      { data: true },
    );
    expect(overridden.at(-1)!.fieldConfig.overrides[0]!.properties).to.deep.equal([
      { id: 'unit', value: 'celsius' },
      { id: 'decimals', value: 3 },
    ]);
    expect(statText(el)).to.deep.equal([formatValueText(lastLab, 'celsius', 3).replace(/\s+/g, '')]);
    // A value the field defaults would refuse is refused in an override too.
    expect(await changes(el, () => enter(control(el, 'override-0-decimals'), '40'))).to.deep.equal([]);
    expect(root(el).getElementById('override-0-decimals-problem')!.textContent).to.match(/0–20/);

    const mapped = await changes(
      el,
      async () => {
        button('mapping').click();
        await el.updateComplete;
        enter(control<HTMLSelectElement>(el, 'mapping-0-type'), 'range');
        await el.updateComplete;
        enter(control(el, 'mapping-0-from'), '-1000');
        enter(control(el, 'mapping-0-to'), '1000');
        enter(control(el, 'mapping-0-text'), 'Comfortable');
      },
      { data: true },
    );
    expect(mapped.at(-1)!.fieldConfig.defaults.mappings).to.deep.equal([{ type: 'range', options: { from: -1000, to: 1000, result: { text: 'Comfortable' } } }]);
    expect(statText(el)).to.deep.equal(['Comfortable']);
  });

  it('data links: added, filled in and drawn by the preview; an unsafe URL is refused beside its field', async () => {
    const el = await editor({ ...start, type: 'stat' });
    const add = [...root(el).querySelectorAll<HTMLButtonElement>('button.add')].find((b) => b.textContent!.includes('data link'))!;
    const linked = await changes(
      el,
      async () => {
        add.click();
        await el.updateComplete;
        enter(control(el, 'data-link-0-title'), 'Room ${__field.labels.room}');
        enter(control(el, 'data-link-0-url'), '/rooms?room=${__field.labels.room}');
        control(el, 'data-link-0-blank').click();
      },
      { data: true },
    );
    expect(linked.at(-1)!.fieldConfig.defaults.links).to.deep.equal([{ title: 'Room ${__field.labels.room}', url: '/rooms?room=${__field.labels.room}', targetBlank: true }]);
    const tile = previewOf(el).shadowRoot!.querySelector<HTMLAnchorElement>('a.data-link')!;
    expect([tile.getAttribute('href'), tile.target]).to.deep.equal(['/rooms?room=lab', '_blank']);
    expect(await changes(el, () => enter(control(el, 'data-link-0-url'), 'javascript:alert(1)'))).to.deep.equal([]);
    expect(root(el).getElementById('data-link-0-url-problem')!.textContent).to.match(/http\(s\), mailto or relative/);
    const [removed] = await changes(el, () => root(el).querySelector<HTMLButtonElement>('[aria-label="Remove data link 1"]')!.click());
    expect(removed!.fieldConfig.defaults.links).to.equal(undefined);
  });

  it('text panels: the queries give way to the content, which the preview renders as markdown', async () => {
    const el = await editor();
    const [text] = await changes(el, () => enter(control<HTMLSelectElement>(el, 'type'), 'text'));
    expect(text!.targets).to.deep.equal(start.targets);
    expect(root(el).getElementById('target-0-expr')).to.equal(null);
    const seen = await changes(el, () => enter(control<HTMLTextAreaElement>(el, 'content'), '# Hello\n\nSome *notes*'));
    expect(seen.at(-1)!.options).to.deep.equal({ content: '# Hello\n\nSome *notes*' });
    expect(previewOf(el).shadowRoot!.querySelector('.markdown h1')!.textContent).to.equal('Hello');
  });

  it('with the dashboard\'s datasources: a picker, and the preview queries the chosen one', async () => {
    const el = document.createElement('prom-panel-editor');
    el.style.height = '700px';
    el.range = HOUR_RANGE;
    el.datasources = [
      { name: 'main', type: 'prometheus', url, backend: 'prometheus', scrapeInterval: '15s', default: true },
      { name: 'other', type: 'prometheus', url: `${url}/`, backend: 'prometheus', scrapeInterval: '15s' },
    ];
    el.panel = start;
    const data = nextData(el);
    stage.append(el);
    await data;
    await settle(el);
    const first = previewOf(el).client;
    expect(first).to.not.equal(undefined);
    expect(previewOf(el).results[0]!.frames.length).to.equal(1);
    const [picked] = await changes(el, () => enter(control<HTMLSelectElement>(el, 'datasource'), 'other'), { data: true });
    expect(picked!.datasource).to.equal('other');
    expect(previewOf(el).client).to.not.equal(first);
    expect(previewOf(el).results[0]!.frames.length).to.equal(1);
    const [cleared] = await changes(el, () => enter(control<HTMLSelectElement>(el, 'datasource'), ''));
    expect(cleared).to.not.have.property('datasource');
  });

  it('Code and Builder: a query the builder shows exactly switches, its edits are the query; one it cannot show stays in code, saying why', async () => {
    const el = await editor();
    const modeButton = (name: string) => [...root(el).querySelectorAll<HTMLButtonElement>('.query .segmented button')].find((b) => b.textContent === name)!;
    modeButton('Builder').click();
    await el.updateComplete;
    const builder = root(el).querySelector('prom-query-builder')!;
    expect(builder).to.not.equal(null);
    expect(root(el).querySelector('prom-query-editor')).to.equal(null);
    expect(modeButton('Builder').getAttribute('aria-checked')).to.equal('true');
    expect(builder.query).to.deep.include({ metric: 'promkit_temperature_celsius', labels: [{ label: 'room', op: '=', value: 'lab' }] });

    // An edit in the builder is the target's new PromQL, previewed.
    const expr = 'avg(promkit_temperature_celsius{room="lab"})';
    const visual = toVisualQuery(expr);
    if (!visual.ok) throw new Error(visual.reason);
    const [edited] = await changes(el, () => void builder.dispatchEvent(new PromVisualQueryChangeEvent({ query: visual.query, expr: printVisualQuery(visual.query) })), { data: true });
    expect(edited!.targets[0]!.expr).to.equal(expr);
    expect(previewOf(el).results[0]!.frames.map((f) => f.labels)).to.deep.equal([{}]);

    // Back to code: the same text.
    modeButton('Code').click();
    await el.updateComplete;
    expect(control<PromQueryEditor>(el, 'target-0-expr').value).to.equal(expr);

    // grafana/grafana#75164: the builder would read this as topk(5, a) / b; it stays in code instead.
    await changes(el, () => enter(control<PromQueryEditor>(el, 'target-0-expr'), 'topk(5, promkit_temperature_celsius / promkit_temperature_celsius)'));
    modeButton('Builder').click();
    await el.updateComplete;
    expect(root(el).querySelector('prom-query-builder')).to.equal(null);
    expect(modeButton('Code').getAttribute('aria-checked')).to.equal('true');
    expect(root(el).querySelector('.query .refusal')!.textContent).to.match(/^Stayed in code: .*topk/);
    expect(control<PromQueryEditor>(el, 'target-0-expr').value).to.equal('topk(5, promkit_temperature_celsius / promkit_temperature_celsius)');
  });

  it('Apply and Cancel fire with the edited panel', async () => {
    const el = await editor();
    enter(control(el, 'title'), 'Edited');
    await settle(el);
    const applied = new Promise<CustomEvent>((r) => el.addEventListener('prom-panel-apply', (e) => r(e as unknown as CustomEvent), { once: true }));
    root(el).querySelector<HTMLButtonElement>('[part="apply-button"]')!.click();
    expect((await applied).detail.panel.title).to.equal('Edited');
    let cancelled = 0;
    el.addEventListener('prom-panel-cancel', () => cancelled++);
    root(el).querySelector<HTMLButtonElement>('[part="cancel-button"]')!.click();
    expect(cancelled).to.equal(1);
  });

  it('every control has an accessible name and Tab reaches each of them in order', async () => {
    const el = await editor();
    const controls = [...root(el).querySelectorAll<HTMLElement>('input, select, textarea, button')].filter((c) => !(c as HTMLButtonElement).disabled);
    for (const c of controls) {
      const named = (c as HTMLInputElement).labels?.length || c.getAttribute('aria-label') || (c.tagName === 'BUTTON' && c.textContent!.trim());
      expect(named, `${c.tagName}#${c.id}`).to.be.ok;
    }
    control<HTMLSelectElement>(el, 'type').focus();
    const focusable = controls.filter((c) => c.tabIndex >= 0 && c.getClientRects().length > 0);
    // Tab until every control was reached; the query editors' own stops (text, toolbar) come in between.
    const reached: Element[] = [];
    for (let i = 0; i < controls.length * 2 && focusable.some((c) => !reached.includes(c)); i++) {
      reached.push(root(el).activeElement!);
      await sendKeys({ press: 'Tab' });
    }
    for (const c of focusable) expect(reached, `${c.tagName}#${c.id || c.getAttribute('aria-label') || c.textContent}`).to.include(c);
  });

  it('a panel that cannot be read is reported, not edited', async () => {
    const el = document.createElement('prom-panel-editor');
    el.panel = { type: 'pie' } as unknown as Panel;
    stage.append(el);
    await el.updateComplete;
    expect(root(el).querySelector('[role="alert"]')!.textContent).to.match(/type/);
    expect(root(el).querySelector('prom-panel')).to.equal(null);
  });

  it('screenshots: light, dark, narrow', async () => {
    for (const [name, theme, width, height] of [
      ['panel-editor-light', 'light', 1100, 760],
      ['panel-editor-dark', 'dark', 1100, 760],
      ['panel-editor-narrow', 'light', 560, 760],
      ['panel-editor-full-light', 'light', 1100, 3000],
      ['panel-editor-full-dark', 'dark', 1100, 3000],
    ] as const) {
      const el = await editor(SHOWCASE, width, theme, height);
      el.id = name;
      document.body.style.background = theme === 'dark' ? '#0d1117' : '#fff';
      await executeServerCommand('screenshot', { selector: `#${name}`, name });
      // The query editors inside follow the editor's theme: their text box is drawn like its inputs.
      const query = control<PromQueryEditor>(el, 'target-0-expr');
      await query.updateComplete;
      expect(getComputedStyle(query.shadowRoot!.querySelector('.input')!).backgroundColor, name).to.equal(getComputedStyle(control(el, 'title')).backgroundColor);
      stage.replaceChildren();
    }
    document.body.style.background = '';
  });
});
