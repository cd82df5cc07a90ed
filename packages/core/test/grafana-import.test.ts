/** Import from Grafana: the round trip with toGrafana, and a corpus of legacy and current dashboards. */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromGrafana, toGrafana } from '@promkit/core/grafana';
import { parseDashboard, type Dashboard, type DashboardInput, type Panel, type Row } from '@promkit/core';
import { sourcePanelCount, valueAt as at } from '../../../tests/harness/grafana-corpus.mjs';

const read = (url: URL) => JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
const example = (name: string) => read(new URL(`../../../examples/dashboards/${name}.json`, import.meta.url)) as DashboardInput;
const CORPUS = new URL('../../../tests/fixtures/grafana/', import.meta.url);
const corpus = (name: string) => read(new URL(name, CORPUS));

/** Every panel, rows' own panels included. */
const flat = (d: Dashboard): (Panel | Row)[] => d.panels.flatMap((p) => (p.type === 'row' ? [p, ...p.panels] : [p]));
const titled = (d: Dashboard, title: string) => {
  const found = flat(d).find((p) => p.title === title);
  if (!found) throw new Error(`no panel "${title}"`);
  return found as Panel;
};

describe('fromGrafana(toGrafana(d))', () => {
  it.each(['app-overview', 'hosts', 'service-overview', 'prometheus-self'])('%s: gives the dashboard back', (name) => {
    const original = parseDashboard(example(name));
    const { $schema: _editorHint, ...expected } = original;
    // Events supplied by the host page have no place in Grafana (toGrafana warns); all else returns.
    expected.annotations = expected.annotations.filter((a) => a.type === 'prometheus');
    const back = fromGrafana(toGrafana(example(name)).dashboard, { datasources: original.datasources });
    expect(back.warnings).toEqual([]);
    expect(back.dashboard).toEqual(expected);
  });
});

describe('fromGrafana(toGrafana(d)): exactly, defaults as set', () => {
  it('a property set to its default stays set, a repeat direction left out stays out', () => {
    const d = parseDashboard({
      schemaVersion: 1,
      title: 'Exact',
      variables: [{ type: 'custom', name: 'host', query: 'a,b' }],
      panels: [
        {
          id: 1,
          type: 'timeseries',
          title: 'Per host',
          repeat: 'host',
          gridPos: { x: 0, y: 0, w: 12, h: 8 },
          targets: [{ refId: 'A', expr: 'up' }],
          fieldConfig: {
            defaults: { custom: { stacking: { mode: 'none', group: 'A' }, thresholdsStyle: { mode: 'off' } } },
            overrides: [{ matcher: { id: 'byName', options: 'x' }, properties: [{ id: 'custom.stacking', value: { mode: 'none' } }] }],
          },
        },
        { id: 2, type: 'stat', title: 'Down', repeat: 'host', repeatDirection: 'v', gridPos: { x: 12, y: 0, w: 12, h: 8 }, targets: [{ refId: 'A', expr: 'up == 0', instant: true }] },
      ],
    });
    const exported = toGrafana(d).dashboard;
    expect(exported.panels.map((p) => 'repeatDirection' in p)).toEqual([false, true]);
    const { $schema: _hint, ...expected } = d;
    expect(fromGrafana(exported, { datasources: d.datasources })).toEqual({ dashboard: expected, warnings: [] });
  });
});

describe("a table legend's sort", () => {
  const grafanaPanel = (legend: object) => ({
    schemaVersion: 39,
    title: 'Sorted',
    panels: [{ id: 1, type: 'timeseries', title: 'Counts', gridPos: { x: 0, y: 0, w: 12, h: 8 }, targets: [{ refId: 'A', expr: 'up' }], options: { legend } }],
  });
  const legendOf = (legend: object) => {
    const panel = fromGrafana(grafanaPanel(legend)).dashboard.panels[0]!;
    return panel.type === 'row' ? undefined : panel.options.legend;
  };

  it("comes from Grafana's column header (\"Max\", \"Last *\", \"Name\") and its direction", () => {
    expect(legendOf({ displayMode: 'table', placement: 'right', calcs: ['min', 'max', 'mean'], sortBy: 'Max', sortDesc: true })).toEqual({ displayMode: 'table', placement: 'right', calcs: ['min', 'max', 'mean'], sortBy: 'max', sortDesc: true });
    expect(legendOf({ displayMode: 'table', calcs: ['lastNotNull'], sortBy: 'Last *' })).toMatchObject({ sortBy: 'lastNotNull' });
    expect(legendOf({ displayMode: 'table', calcs: [], sortBy: 'Name', sortDesc: false })).toMatchObject({ sortBy: 'name', sortDesc: false });
    // A column the legend does not show sorts nothing.
    expect(legendOf({ displayMode: 'table', calcs: ['min'], sortBy: 'Max' })).not.toHaveProperty('sortBy');
  });

  it('goes back to Grafana as its header names it, and returns the same', () => {
    const { dashboard } = fromGrafana(grafanaPanel({ displayMode: 'table', placement: 'right', calcs: ['min', 'max'], sortBy: 'Max', sortDesc: true }));
    const exported = toGrafana(dashboard).dashboard;
    expect((exported.panels[0] as unknown as { options: { legend: object } }).options.legend).toMatchObject({ sortBy: 'Max', sortDesc: true });
    expect(fromGrafana(exported, { datasources: dashboard.datasources }).dashboard).toEqual(dashboard);
  });
});

describe('fromGrafana: a corpus of legacy and current dashboards', () => {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.json'));

  it.each(files)('%s: imports every panel, and every warning points at something in the Grafana JSON', (file) => {
    const json = corpus(file);
    const { dashboard, warnings } = fromGrafana(json);
    expect(flat(dashboard).filter((p) => p.type !== 'row').length).toBe(sourcePanelCount(json));
    for (const w of warnings) expect(at(json, w.path), `${w.path}: ${w.message}`).not.toBe(undefined);
  });

  it('schemaVersion 14 rows: laid out on the 24-column grid, legacy graph and singlestat translated', () => {
    const { dashboard, warnings } = fromGrafana(corpus('prometheus-stats-v14.json'));
    // First row: no title, 150px high (4 cells), four panels of span 3 (6 columns).
    expect(dashboard.panels.slice(0, 4).map((p) => [p.title, p.gridPos])).toEqual([
      ['Uptime', { x: 0, y: 0, w: 6, h: 4 }],
      ['Local Storage Memory Series', { x: 6, y: 0, w: 6, h: 4 }],
      ['Targets up', { x: 12, y: 0, w: 6, h: 4 }],
      ['About', { x: 18, y: 0, w: 6, h: 4 }],
    ]);
    expect(dashboard.panels[4]).toMatchObject({ type: 'row', title: 'Server', gridPos: { y: 4, h: 1 }, collapsed: false });
    expect(titled(dashboard, 'HTTP requests').gridPos).toEqual({ x: 0, y: 5, w: 12, h: 7 });
    const scrapes = dashboard.panels.find((p): p is Row => p.type === 'row' && p.title === 'Scrapes')!;
    expect(scrapes.collapsed).toBe(true);
    expect(scrapes.panels.map((p) => p.type)).toEqual(['table']);

    const uptime = titled(dashboard, 'Uptime');
    expect(uptime).toMatchObject({ type: 'stat', options: { reduceOptions: { calcs: ['lastNotNull'] }, graphMode: 'none' } });
    expect(uptime.fieldConfig.defaults).toMatchObject({ unit: 's', decimals: 1, mappings: [{ type: 'special', options: { match: 'null', result: { text: 'N/A' } } }] });
    expect(uptime.targets).toEqual([{ refId: 'A', expr: '(time() - process_start_time_seconds{job="prometheus"})', instant: false, minInterval: '4s', intervalFactor: 2, hide: false }]);
    const series = titled(dashboard, 'Local Storage Memory Series');
    expect(series.options.graphMode).toBe('area');
    expect(series.fieldConfig.defaults.thresholds).toEqual({
      mode: 'absolute',
      steps: [{ value: null, color: 'rgba(50, 172, 45, 0.97)' }, { value: 1_000_000, color: 'rgba(237, 129, 40, 0.89)' }, { value: 2_000_000, color: 'rgba(245, 54, 54, 0.9)' }],
    });
    expect(series.fieldConfig.defaults.color).toEqual({ mode: 'thresholds' });
    expect(titled(dashboard, 'Targets up')).toMatchObject({ type: 'gauge', fieldConfig: { defaults: { min: 0, max: 100 } } });

    const memory = titled(dashboard, 'Memory');
    expect(memory.options.legend).toEqual({ displayMode: 'table', placement: 'bottom', calcs: ['lastNotNull', 'max', 'mean'] });
    expect(memory.options.tooltip).toEqual({ mode: 'multi', sort: 'none' });
    expect(memory.fieldConfig.defaults).toMatchObject({ unit: 'bytes', min: 0, custom: { fillOpacity: 10, lineWidth: 1, thresholdsStyle: { mode: 'line+area' } } });
    expect(memory.fieldConfig.overrides).toEqual([
      { matcher: { id: 'byRegexp', options: '/heap/' }, properties: [{ id: 'custom.axisPlacement', value: 'right' }, { id: 'custom.fillOpacity', value: 0 }] },
      { matcher: { id: 'byName', options: 'resident' }, properties: [{ id: 'color', value: { mode: 'fixed', fixedColor: '#7EB26D' } }, { id: 'custom.lineWidth', value: 3 }] },
    ]);
    expect(titled(dashboard, 'HTTP requests').fieldConfig.overrides[0]).toEqual({ matcher: { id: 'byName', options: 'prometheus' }, properties: [{ id: 'color', value: { mode: 'fixed', fixedColor: '#C15C17' } }] });
    expect(titled(dashboard, 'Scrape durations').fieldConfig.defaults).toMatchObject({ unit: 's', decimals: 3, thresholds: { steps: [{ value: null }, { value: 0.5 }, { value: 0.9 }] } });
    expect(dashboard.variables).toEqual([expect.objectContaining({ type: 'query', name: 'job', query: 'label_values(up, job)', sort: 'alpha-asc', current: { value: 'prometheus' } })]);
    expect(dashboard.links).toEqual([{ title: 'Prometheus docs', url: 'https://prometheus.io/docs/' }]);
    expect(warnings.map((w) => w.path)).toContain('rows[0].panels[3].mode');
  });

  it('a shared export (schemaVersion 18): ${DS_…} inputs, 6.x gauges, table-old, interval and custom variables', () => {
    const { dashboard, warnings } = fromGrafana(corpus('shared-export-v18.json'));
    expect(warnings.filter((w) => w.path.includes('datasource'))).toEqual([]);
    expect(titled(dashboard, 'Goroutines').fieldConfig.defaults).toEqual({
      unit: 'short', decimals: 0, min: 0, max: 2000,
      thresholds: { mode: 'absolute', steps: [{ value: null, color: 'green' }, { value: 1000, color: '#EAB839' }, { value: 1500, color: 'red' }] },
    });
    const requests = titled(dashboard, 'Requests by status ($interval rate)');
    expect(requests.fieldConfig.defaults.custom).toEqual({ axisLabel: 'requests', fillOpacity: 50, lineWidth: 1, stacking: { mode: 'normal' } });
    expect(requests.options.legend).toEqual({ displayMode: 'list', placement: 'right', calcs: ['lastNotNull'] });
    expect(titled(dashboard, 'Samples per scrape')).toMatchObject({ type: 'table', fieldConfig: { overrides: [{ matcher: { id: 'byName', options: 'Value' }, properties: [{ id: 'unit', value: 'short' }, { id: 'decimals', value: 0 }, { id: 'displayName', value: 'Samples' }] }] } });
    expect(titled(dashboard, 'Samples appended').fieldConfig.defaults.custom?.drawStyle).toBe('bars');
    expect(dashboard.variables.map((v) => [v.type, v.name])).toEqual([['query', 'job'], ['interval', 'interval'], ['custom', 'env']]);
    expect(dashboard.variables[0]).toMatchObject({ refresh: 'time' });
    expect(dashboard.variables[1]).toMatchObject({ auto: true, autoCount: 30, autoMin: '10s', query: '1m,5m,10m,30m,1h' });
    expect(dashboard.variables[2]).toMatchObject({ multi: true, includeAll: true, current: { value: ['$__all'], text: 'All' } });
    expect(dashboard.annotations).toEqual([{ type: 'prometheus', name: 'Restarts', enabled: true, expr: 'changes(process_start_time_seconds{job="$job"}[2m]) > 0', step: '1m', titleFormat: 'Restart of {{instance}}', tagKeys: 'instance', color: '#F2495C' }]);
    expect(dashboard).toMatchObject({ uid: 'prom-server-v18', refresh: '30s', timezone: 'browser', time: { from: 'now-30m', to: 'now' } });
    expect(warnings).toContainEqual({ path: 'templating.list[3]', message: '"Filters" is a variable of type "adhoc", which promkit does not have (left out)' });
  });

  it('Grafana 8 (schemaVersion 30): mixed datasources keep their Prometheus queries; logs say what became of them, pies stay pies', () => {
    const { dashboard, warnings } = fromGrafana(corpus('service-v30.json'));
    expect(titled(dashboard, 'Prometheus up').fieldConfig.defaults.mappings).toEqual([
      { type: 'value', options: { '0': { text: 'DOWN' } } },
      { type: 'value', options: { '1': { text: 'UP' } } },
    ]);
    expect(titled(dashboard, 'Prometheus up').links).toEqual([{ title: 'Targets', url: '/targets' }]);
    expect(titled(dashboard, 'Samples per job').type).toBe('piechart');
    expect(titled(dashboard, 'API latency').targets.map((t) => t.legendFormat)).toEqual(['p99', 'p50']);
    expect(titled(dashboard, 'Logs')).toMatchObject({ type: 'text', options: { content: expect.stringContaining('"logs"') } });
    expect(titled(dashboard, 'Memory by job').targets[1]).toMatchObject({ refId: 'B', hide: true });
    expect(titled(dashboard, 'Scrapes').options.sortBy).toEqual([{ displayName: 'Value #A', desc: true }]);
    expect(titled(dashboard, 'Scrapes')).toMatchObject({
      targets: [{ format: 'table' }, { format: 'table' }],
      transformations: [{ id: 'merge', options: {} }, { id: 'organize', options: { excludeByName: { Time: true }, indexByName: {}, renameByName: {} } }],
    });
    // Grafana's link by tag lists the store's dashboards with the tag, carrying the time range.
    expect(dashboard).toMatchObject({
      timezone: 'utc',
      refresh: '',
      links: [
        { type: 'dashboards', title: 'Related', tags: ['prometheus'], keepTime: true },
        { title: 'Runbook', url: 'https://runbooks.example.com/prometheus', tooltip: 'What to do when it breaks', targetBlank: true },
      ],
    });
    expect(warnings.map((w) => w.path)).toEqual(expect.arrayContaining(['panels[0].links[1].url', 'panels[3].targets[2]', 'panels[4]']));
    expect(warnings.map((w) => w.path)).not.toContain('links[0]');
    // The pie is drawn as a pie now: nothing to say about it.
    expect(warnings.map((w) => w.path)).not.toContain('panels[2].type');
  });

  it('current Grafana (schemaVersion 41): datasource variable, query objects, heatmap, repeated row, notes for what promkit does not draw', () => {
    const { dashboard, warnings } = fromGrafana(corpus('current-v41.json'));
    expect(dashboard.variables.map((v) => [v.type, v.name])).toEqual([['query', 'job'], ['constant', 'threshold'], ['textbox', 'search'], ['custom', 'stream']]);
    expect(dashboard.variables[0]).toMatchObject({ query: 'label_values(up,job)', multi: true, includeAll: true, refresh: 'time', current: { value: ['prometheus'] } });
    expect(dashboard.variables[3]).toMatchObject({ query: 'a,b' });
    expect(flat(dashboard).every((p) => !('datasource' in p) || p.datasource === undefined)).toBe(true);
    expect(titled(dashboard, 'Head series').fieldConfig.defaults.mappings).toEqual([
      { type: 'value', options: { '0': { text: 'none', color: 'red', index: 0 } } },
      { type: 'range', options: { from: 1_000_000, to: null, result: { text: 'lots', color: 'purple', index: 1 } } },
      { type: 'special', options: { match: 'null', result: { text: 'no data', color: 'gray', index: 2 } } },
    ]);
    expect(titled(dashboard, 'Head series').targets[0]).toEqual({ refId: 'A', expr: 'prometheus_tsdb_head_series', instant: false, hide: false });
    expect(dashboard.panels.find((p) => p.type === 'row')).toMatchObject({ title: 'Job $job', repeat: 'job', collapsed: false });
    const durations = titled(dashboard, 'Durations for $job');
    expect(durations.fieldConfig.defaults.custom).toEqual({ drawStyle: 'line', lineWidth: 1, fillOpacity: 15, gradientMode: 'opacity', showPoints: 'auto', spanNulls: false, stacking: { mode: 'none', group: 'A' }, hideFrom: { legend: false, tooltip: false, viz: false }, axisScale: { type: 'log', log: 2 }, thresholdsStyle: { mode: 'line' } });
    expect(durations.fieldConfig.overrides.map((o) => o.matcher)).toEqual([
      { id: 'byRegexp', options: '/.*query.*/' },
      { id: 'byFrameRefID', options: 'B' },
      { id: 'byNames', options: { mode: 'exclude', names: ['p50'], prefix: 'All except:', readOnly: true } },
    ]);
    expect(durations.options).toEqual({ legend: { displayMode: 'list', placement: 'bottom', calcs: ['lastNotNull'] }, tooltip: { mode: 'multi', sort: 'desc' } });
    expect(durations.targets[1]).toMatchObject({ refId: 'B', minInterval: '15s' });
    expect(titled(dashboard, 'Request duration heatmap').type).toBe('heatmap');
    expect(titled(dashboard, 'Target states').type).toBe('state-timeline');
    expect(titled(dashboard, 'SLO')).toMatchObject({ type: 'text', options: { content: expect.stringContaining('Shared SLO panel') } });
    expect(dashboard.annotations).toEqual([expect.objectContaining({ name: 'Firing alerts', expr: 'ALERTS{alertstate="firing"}', step: '30s', color: 'red' })]);
    // panels[6] (the state timeline) is drawn now; panels[7] is still a note.
    expect(warnings.map((w) => w.path)).toEqual(expect.arrayContaining(['panels[7]', 'annotations.list[2]', 'templating.list[4]']));
    expect(warnings.map((w) => w.path)).not.toContain('panels[6]');
  });

  it('the HTTP API envelope: absolute times, duplicate ids renumbered, a fixed datasource mapped by name', () => {
    const json = corpus('api-envelope-absolute.json');
    const { dashboard, warnings } = fromGrafana(json);
    expect(dashboard.time).toEqual({ from: Date.parse('2023-11-14T22:00:00Z'), to: Date.parse('2023-11-14T23:00:00Z') });
    expect(flat(dashboard).map((p) => p.id)).toEqual([1, 2]);
    expect(warnings).toContainEqual({ path: 'panels[1].id', message: '1 is used by another panel or is not a positive whole number: renumbered 2' });

    const mapped = fromGrafana(json, { datasources: [{ name: 'prod-prometheus', url: '/prometheus' }] });
    expect(flat(mapped.dashboard).map((p) => (p as Panel).datasource)).toEqual(['prod-prometheus', 'prod-prometheus']);
    expect(mapped.warnings.filter((w) => w.path.endsWith('datasource'))).toEqual([]);
  });

  it('rows span the grid whatever their width says (w 0 included), with no warning, as Grafana draws them', () => {
    const { dashboard, warnings } = fromGrafana({
      schemaVersion: 39,
      title: 'Rows',
      panels: [
        { id: 1, type: 'row', title: 'Zero wide', collapsed: false, gridPos: { x: 0, y: 0, w: 0, h: 1 }, panels: [] },
        { id: 2, type: 'row', title: 'Off to the side', collapsed: false, gridPos: { x: 30, y: 9, w: 6, h: 1 }, panels: [] },
      ],
    });
    expect(dashboard.panels.map((p) => p.gridPos)).toEqual([
      { x: 0, y: 0, w: 24, h: 1 },
      { x: 0, y: 9, w: 24, h: 1 },
    ]);
    expect(warnings.filter((w) => w.path.includes('gridPos'))).toEqual([]);
  });

  it("Grafana's unit ids and custom units import quietly; a unit Grafana does not know either warns once", () => {
    const units = ['bool_on_off', 'currencyEUR', 'dateTimeAsIso', 'dtdurationms', 'rotrpm', 'opm', 'eps', 'KiBs', 'farenheit', 'suffix:req', 'si:mV', 'time:YYYY', 'widgets'];
    const panels = units.map((unit, i) => ({ id: i + 1, type: 'stat', title: unit, gridPos: { x: 0, y: i, w: 6, h: 1 }, targets: [], fieldConfig: { defaults: { unit }, overrides: [] } }));
    const { dashboard, warnings } = fromGrafana({ schemaVersion: 39, title: 'Units', panels: [...panels, { ...panels.at(-1)!, id: 99, title: 'again' }] });
    expect(flat(dashboard).map((p) => (p as Panel).fieldConfig.defaults.unit)).toEqual([...units, 'widgets']);
    expect(warnings.filter((w) => w.path.endsWith('.unit'))).toEqual([
      { path: `panels[${units.length - 1}].fieldConfig.defaults.unit`, message: 'unit "widgets" is no unit id of Grafana\'s: values show with "widgets" after them, as Grafana shows them (check the spelling if a unit was meant)' },
    ]);
  });

  it('a panel without gridPos gets Grafana’s default place (x 0, y 0, w 6, h 3), with the warning at the panel', () => {
    const { dashboard, warnings } = fromGrafana({ schemaVersion: 39, title: 'No place', panels: [{ id: 1, type: 'stat', title: 'S', targets: [{ refId: 'A', expr: 'up' }] }] });
    expect(dashboard.panels[0]!.gridPos).toEqual({ x: 0, y: 0, w: 6, h: 3 });
    expect(warnings.map((w) => w.path)).toEqual(['panels[0]']);
  });

  it('names what is wrong when the input is not a Grafana dashboard', () => {
    expect(() => fromGrafana('{"panels": [')).toThrow(/The Grafana dashboard is not valid JSON/);
    expect(() => fromGrafana({ title: 'x' })).toThrow('The input is not a Grafana dashboard: expected an object with a "panels" (or, before Grafana 5, "rows") array.');
    expect(() => fromGrafana([])).toThrow(/not a Grafana dashboard/);
  });
});

describe('fromGrafana: transformations', () => {
  const withTransformations = (transformations: unknown[]) => ({
    title: 't',
    schemaVersion: 39,
    panels: [{ id: 1, type: 'table', title: 'T', gridPos: { x: 0, y: 0, w: 12, h: 8 }, targets: [{ refId: 'A', expr: 'up', format: 'table', instant: true }], transformations }],
  });

  it('keeps those promkit applies, with their options and table-format targets, and sends them back', () => {
    const list = [
      { id: 'merge', options: {} },
      { id: 'organize', options: { excludeByName: { Time: true }, indexByName: { job: 0 }, renameByName: { Value: 'Up' } } },
      { id: 'calculateField', options: { mode: 'binary', binary: { left: 'Value', operator: '*', right: '100' }, alias: 'pct', replaceFields: false }, disabled: true },
    ];
    const { dashboard, warnings } = fromGrafana(withTransformations(list));
    expect(warnings).toEqual([]);
    const panel = titled(dashboard, 'T');
    expect(panel.targets[0]!.format).toBe('table');
    expect(panel.transformations).toEqual([list[0], list[1], { ...list[2], options: { ...list[2]!.options, reduce: { reducer: 'sum' } } }]);
    const back = fromGrafana(toGrafana(dashboard).dashboard);
    expect(back.dashboard.panels).toEqual(dashboard.panels);
  });

  it('leaves out, with a warning at the right path, what promkit does not apply', () => {
    const { dashboard, warnings } = fromGrafana(
      withTransformations([
        { id: 'extractFields', options: { source: 'labels' } },
        { id: 'sortBy', options: { fields: { Value: true }, sort: [{ field: 'Value', desc: true }] }, filter: { id: 'byRefId', options: 'A' } },
        { id: 'renameByRegex', options: { regex: '(', renamePattern: '' } },
      ]),
    );
    expect(titled(dashboard, 'T').transformations).toEqual([{ id: 'sortBy', options: { sort: [{ field: 'Value', desc: true }] } }]);
    expect(warnings).toEqual([
      { path: 'panels[0].transformations[0].id', message: expect.stringMatching(/^the transformation "extractFields" is not applied \(promkit applies organize, merge, /) },
      { path: 'panels[0].transformations[1].filter', message: 'a transformation applies to every query in promkit, not to those a filter picks' },
      { path: 'panels[0].transformations[1].options.fields', message: 'is not a transformation option promkit uses (left out)' },
      { path: 'panels[0].transformations[2].options.regex', message: 'must be a regular expression that compiles, got "(": the transformation is not applied' },
    ]);
  });

  it("leaves out quietly what Grafana's editor writes that changes nothing: empty sortBy fields and merge reducers, calculateField's binary reducer", () => {
    const { dashboard, warnings } = fromGrafana(
      withTransformations([
        { id: 'sortBy', options: { fields: {}, sort: [{ field: 'Value' }] } },
        { id: 'merge', options: { reducers: [] } },
        { id: 'calculateField', options: { alias: 'delta', mode: 'binary', binary: { left: 'Value #B', operator: '-', right: 'Value #A', reducer: 'sum' }, reduce: { reducer: 'sum' } } },
      ]),
    );
    expect(warnings).toEqual([]);
    expect(titled(dashboard, 'T').transformations!.map((t) => t.id)).toEqual(['sortBy', 'merge', 'calculateField']);
  });
});

describe('fromGrafana: PromQL with variables', () => {
  const board = (exprs: string[], datasource?: string) => ({
    title: 't',
    schemaVersion: 39,
    panels: exprs.map((expr, i) => ({ id: i + 1, type: 'timeseries', title: `p${i}`, ...(datasource ? { datasource } : {}), gridPos: { x: 0, y: i, w: 12, h: 1 }, targets: [{ refId: 'A', expr }] })),
  });

  it('checks each variable with a stand-in that fits where it stands: no false alarms', () => {
    const exprs = [
      'sum by ($grouping) (rate(x[$__rate_interval]))',
      'sum(x) by ($label)',
      'sum(rate(x[1m])) / on($on) group_left y',
      '$metric{a="b"}',
      'x{$filter}',
      'rate(x[${__interval}])',
      'x offset $offset',
      'topk($topk, x) > $threshold',
      'label_replace(x, "$dst", "$1", "$src", "(.*)")',
      'max_over_time(x[$window:$resolution])',
    ];
    const { dashboard, warnings } = fromGrafana(board(exprs));
    expect(warnings).toEqual([]);
    expect(flat(dashboard).map((p) => (p as Panel).targets[0]!.expr)).toEqual(exprs);
  });

  it('keeps a query whose only doubt is at a variable, even on an untyped datasource; real errors still drop non-PromQL', () => {
    const { dashboard, warnings } = fromGrafana(board(['sum(x) by $grouping', '{app="api"} |= "$search"'], 'Logs'));
    expect(flat(dashboard).map((p) => (p as Panel).targets.map((t) => t.expr))).toEqual([['sum(x) by $grouping'], []]);
    expect(warnings.filter((w) => w.path.endsWith('.expr') || w.path.endsWith('targets[0]'))).toEqual([
      { path: 'panels[0].targets[0].expr', message: expect.stringMatching(/^could not be checked where a variable stands \(.* with a sample value in its place\): kept as written$/) },
      { path: 'panels[1].targets[0]', message: expect.stringMatching(/^is not PromQL \(.*\): its untyped datasource is likely not a Prometheus \(left out\)$/) },
    ]);
  });
});

describe('fromGrafana: min interval and resolution', () => {
  it('keeps a variable min interval and the resolution factor, and sends them back', () => {
    const json = {
      title: 't',
      schemaVersion: 39,
      templating: { list: [{ type: 'interval', name: 'resolution', query: '1m,5m', current: { value: '5m' } }] },
      panels: [
        {
          id: 1,
          type: 'timeseries',
          title: 'A',
          interval: '$resolution',
          gridPos: { x: 0, y: 0, w: 12, h: 8 },
          targets: [
            { refId: 'A', expr: 'rate(x[$__rate_interval])', interval: '>30s', intervalFactor: 2 },
            { refId: 'B', expr: 'y', interval: '[[resolution]]', intervalFactor: 1 },
            { refId: 'C', expr: 'z', intervalFactor: 20 },
          ],
        },
      ],
    };
    const { dashboard, warnings } = fromGrafana(json);
    const panel = titled(dashboard, 'A');
    expect(panel.interval).toBe('$resolution');
    expect(panel.targets.map((t) => [t.minInterval, t.intervalFactor])).toEqual([['30s', 2], ['[[resolution]]', undefined], [undefined, undefined]]);
    expect(warnings).toEqual([{ path: 'panels[0].targets[2].intervalFactor', message: '20 is not a resolution promkit reads: a whole number 1–10 (left out)' }]);
    expect(fromGrafana(toGrafana(dashboard).dashboard).dashboard.panels).toEqual(dashboard.panels);
  });
});

describe('fromGrafana: field config the chart now draws', () => {
  it('negative-Y, hideFrom and soft axis bounds are kept, without warnings, and go back', () => {
    const custom = { transform: 'negative-Y', hideFrom: { legend: true, tooltip: false, viz: false }, axisSoftMin: 0, axisSoftMax: 100 };
    const { dashboard, warnings } = fromGrafana({
      title: 't',
      schemaVersion: 39,
      panels: [{ id: 1, type: 'timeseries', title: 'Net', gridPos: { x: 0, y: 0, w: 12, h: 8 }, targets: [{ refId: 'A', expr: 'rate(rx[5m])' }], fieldConfig: { defaults: { custom }, overrides: [{ matcher: { id: 'byName', options: 'tx' }, properties: [{ id: 'custom.transform', value: 'negative-Y' }] }] } }],
    });
    expect(warnings).toEqual([]);
    const panel = titled(dashboard, 'Net');
    expect(panel.fieldConfig.defaults.custom).toEqual(custom);
    expect(panel.fieldConfig.overrides[0]!.properties).toEqual([{ id: 'custom.transform', value: 'negative-Y' }]);
    expect(fromGrafana(toGrafana(dashboard).dashboard).dashboard.panels).toEqual(dashboard.panels);
  });
});

describe('fromGrafana: bar gauge looks', () => {
  it('keeps displayMode', () => {
    const bar = (displayMode: string) => ({ title: 't', schemaVersion: 39, panels: [{ id: 1, type: 'bargauge', title: 'B', gridPos: { x: 0, y: 0, w: 6, h: 4 }, targets: [{ refId: 'A', expr: 'up' }], options: { displayMode } }] });
    expect(titled(fromGrafana(bar('lcd')).dashboard, 'B').options.displayMode).toBe('lcd');
    expect(titled(fromGrafana(bar('unknown')).dashboard, 'B').options.displayMode).toBeUndefined();
  });
});

describe('fromGrafana: stat looks', () => {
  it('keeps colorMode and textMode, leaves out values promkit does not draw, and sends them back', () => {
    const stat = (options: object) => ({ title: 't', schemaVersion: 39, panels: [{ id: 1, type: 'stat', title: 'S', gridPos: { x: 0, y: 0, w: 6, h: 4 }, targets: [{ refId: 'A', expr: 'up' }], options }] });
    const { dashboard, warnings } = fromGrafana(stat({ colorMode: 'background', textMode: 'value_and_name', justifyMode: 'center', graphMode: 'none' }));
    expect(warnings).toEqual([]);
    expect(titled(dashboard, 'S').options).toEqual({ graphMode: 'none', colorMode: 'background', textMode: 'value_and_name' });
    expect(fromGrafana(toGrafana(dashboard).dashboard).dashboard.panels).toEqual(dashboard.panels);
    expect(titled(fromGrafana(stat({ colorMode: 'rainbow' })).dashboard, 'S').options.colorMode).toBeUndefined();
  });
});

describe('fromGrafana: table cells and footer', () => {
  const table = (custom: object, options: object = {}) => ({
    title: 't',
    schemaVersion: 39,
    panels: [{ id: 1, type: 'table', title: 'T', gridPos: { x: 0, y: 0, w: 12, h: 8 }, targets: [{ refId: 'A', expr: 'up', instant: true }], fieldConfig: { defaults: { custom }, overrides: [] }, options }],
  });

  it("keeps Grafana 10's cellOptions and reads the older displayMode as them", () => {
    const cell = (custom: object) => titled(fromGrafana(table(custom)).dashboard, 'T').fieldConfig.defaults.custom?.cellOptions;
    expect(cell({ cellOptions: { type: 'gauge', mode: 'lcd', valueDisplayMode: 'text' } })).toEqual({ type: 'gauge', mode: 'lcd' });
    expect(cell({ cellOptions: { type: 'color-background', mode: 'gradient' } })).toEqual({ type: 'color-background', mode: 'gradient' });
    expect(cell({ displayMode: 'color-background-solid' })).toEqual({ type: 'color-background', mode: 'basic' });
    expect(cell({ displayMode: 'gradient-gauge' })).toEqual({ type: 'gauge', mode: 'gradient' });
    const { warnings } = fromGrafana(table({ cellOptions: { type: 'sparkline' } }));
    expect(warnings).toEqual([{ path: 'panels[0].fieldConfig.defaults.custom.cellOptions.type', message: '"sparkline" cells are shown as plain values' }]);
  });

  it('keeps the footer with its reducers and fields, and sends both back', () => {
    const { dashboard, warnings } = fromGrafana(table({ cellOptions: { type: 'color-text' } }, { footer: { show: true, reducer: ['mean'], fields: ['Value'], countRows: false } }));
    expect(warnings).toEqual([]);
    expect(titled(dashboard, 'T').options.footer).toEqual({ show: true, reducer: ['mean'], fields: ['Value'] });
    expect(fromGrafana(toGrafana(dashboard).dashboard).dashboard.panels).toEqual(dashboard.panels);
  });
});
