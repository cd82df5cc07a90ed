import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isPromkitError, parseDashboard, validateDashboard, type DashboardInput } from '@promkit/core';
import { dashboardJsonSchema } from '@promkit/core/json-schema';

const exampleText = readFileSync(new URL('../../../examples/dashboards/service-overview.json', import.meta.url), 'utf8');

function minimal(extra: Partial<DashboardInput> = {}): DashboardInput {
  return { schemaVersion: 1, title: 'T', ...extra };
}

describe('the example dashboard', () => {
  it('parses, with defaults filled in', () => {
    const d = parseDashboard(exampleText);
    expect(d.title).toBe('Service overview');
    expect(d.weekStart).toBe('monday');
    expect(d.datasources[0]).toMatchObject({ type: 'prometheus', backend: 'prometheus', scrapeInterval: '15s' });
    const stat = d.panels[0]!;
    expect(stat.type === 'stat' && stat.targets[0]).toMatchObject({ instant: false, hide: false });
    const row = d.panels.find((p) => p.type === 'row' && p.collapsed);
    expect(row?.type === 'row' && row.panels.map((p) => p.type)).toEqual(['table']);
  });

  it('a minimal dashboard needs only schemaVersion and title', () => {
    const d = parseDashboard(minimal());
    expect(d).toMatchObject({ time: { from: 'now-6h', to: 'now' }, timezone: 'browser', refresh: '', panels: [], variables: [] });
  });
});

describe('problems', () => {
  it('lists every problem with its path and a sentence, never stopping at the first', () => {
    const bad = {
      schemaVersion: 1,
      title: 'Bad',
      refersh: '30s',
      datasources: [{ name: 'main', url: 'http://p', scrapeInterval: 'often' }],
      variables: [
        { type: 'custom', name: 'env', query: 'a,b' },
        { type: 'custom', name: 'env', query: 'c' },
        { type: 'query', name: '__x', query: 'label_values(job)' },
      ],
      panels: [
        { id: 1, type: 'timeseries', gridPos: { x: 0, y: 0, w: 12, h: 8 }, targets: [{ refId: 'A', expr: 'up' }, { refId: 'A', expr: 'up' }] },
        { id: 1, type: 'stat', gridPos: { x: 20, y: 0, w: 8, h: 4 }, datasource: 'other' },
        { id: 3, type: 'graph', gridPos: { x: 0, y: 0, w: 1, h: 1 } },
        { id: 4, type: 'gauge', gridPos: { x: 0, y: 0, w: 30, h: 4 }, repeat: 'region' },
      ],
      links: [{ title: 'x', url: 'javascript:alert(1)' }],
    };
    const check = validateDashboard(bad);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problems).toEqual([
      { path: 'links[0].url', message: 'must be an http(s), mailto or relative URL, got "javascript:alert(1)"' },
      { path: '(root)', message: 'has unknown field "refersh" (check the spelling)' },
      { path: 'datasources[0].scrapeInterval', message: 'must be a duration such as "15s", "5m" or "1h", got "often"' },
      { path: 'variables[2].name', message: 'names starting with __ are reserved for built-in variables' },
      { path: 'panels[2].type', message: '"graph" is not a panel type; use one of timeseries, stat, gauge, bargauge, table, heatmap, piechart, state-timeline, status-history, barchart, histogram, alertlist, text' },
      { path: 'panels[3].gridPos.w', message: 'must be 1–24, got 30' },
      // The cross-field rules, over the parts that parsed.
      { path: 'variables[1].name', message: '"env" is used by another variable' },
      { path: 'panels[0].targets[1].refId', message: '"A" is used by another target of this panel' },
      { path: 'panels[1].id', message: 'id 1 is already used by panels[0]' },
      { path: 'panels[1].gridPos', message: "x + w must be at most 24 (the grid's width), got 20 + 8" },
      { path: 'panels[1].datasource', message: 'refers to datasource "other", which is not in datasources (known: "main")' },
    ]);
  });

  it('cross-field rules: duplicates, references, the grid', () => {
    const check = validateDashboard({
      schemaVersion: 1,
      title: 'Refs',
      datasources: [{ name: 'main', url: 'http://p' }],
      variables: [
        { type: 'custom', name: 'env', query: 'a,b' },
        { type: 'custom', name: 'env', query: 'c' },
      ],
      panels: [
        { id: 1, type: 'timeseries', gridPos: { x: 0, y: 0, w: 12, h: 8 }, targets: [{ refId: 'A', expr: 'up' }, { refId: 'A', expr: 'up' }] },
        { id: 1, type: 'stat', gridPos: { x: 20, y: 0, w: 8, h: 4 }, datasource: 'other', repeat: 'region' },
        { id: 2, type: 'row', gridPos: { x: 0, y: 9, w: 24, h: 1 }, collapsed: true, panels: [{ id: 1, type: 'text', gridPos: { x: 0, y: 10, w: 24, h: 2 } }] },
        { id: 3, type: 'gauge', gridPos: { x: 0, y: 20, w: 4, h: 4 }, datasource: '$ds' },
      ],
    });
    expect(!check.ok && check.problems).toEqual([
      { path: 'variables[1].name', message: '"env" is used by another variable' },
      { path: 'panels[0].targets[1].refId', message: '"A" is used by another target of this panel' },
      { path: 'panels[1].id', message: 'id 1 is already used by panels[0]' },
      { path: 'panels[1].gridPos', message: 'x + w must be at most 24 (the grid\'s width), got 20 + 8' },
      { path: 'panels[1].repeat', message: 'repeats by "region", which is not a variable of this dashboard' },
      { path: 'panels[1].datasource', message: 'refers to datasource "other", which is not in datasources (known: "main")' },
      { path: 'panels[2].panels[0].id', message: 'id 1 is already used by panels[0]' },
      { path: 'panels[3].datasource', message: '"$ds" refers to no datasource variable; add a variable of type "datasource" named "ds"' },
    ]);
  });

  it.each([
    [{ schemaVersion: 2, title: 'x' }, 'schemaVersion', 'promkit reads schemaVersion 1; this dashboard has 2: upgrade @promkit/core'],
    [{ schemaVersion: 1 }, 'title', 'is required'],
    [{ schemaVersion: 1, title: 'x', panels: [{ id: 0, type: 'text', gridPos: { x: 0, y: 0, w: 1, h: 1 } }] }, 'panels[0].id', 'must be a positive whole number, got 0'],
    [{ schemaVersion: 1, title: 'x', tags: 'a,b' }, 'tags', 'must be an array, got the string "a,b"'],
    [{ schemaVersion: 1, title: 'x', variables: [{ type: 'select', name: 'v' }] }, 'variables[0].type', expect.stringContaining('got "select"')],
    [{ schemaVersion: 1, title: 'x', timezone: 'utc', refresh: 'fast' }, 'refresh', expect.stringContaining('got "fast"')],
  ])('%j → %s', (input, path, message) => {
    const check = validateDashboard(input);
    expect(!check.ok && check.problems).toEqual([{ path, message }]);
  });

  it('JSON that does not parse is one problem, and parseDashboard throws a SchemaError listing all', () => {
    expect(validateDashboard('{"title": ')).toEqual({ ok: false, problems: [{ path: '(root)', message: expect.stringMatching(/^is not valid JSON/) }] });
    try {
      parseDashboard({ schemaVersion: 1, title: '', panels: 3 });
      expect.unreachable();
    } catch (error) {
      expect(isPromkitError(error, 'SchemaError')).toBe(true);
      expect((error as Error).message).toBe('The dashboard has 2 problems:\n  title: must not be empty\n  panels: must be an array, got number 3');
    }
  });
});

describe('JSON Schema', () => {
  it('the shipped file is what the zod schema generates (run `npm run schema -w @promkit/core` after changing it)', () => {
    const shipped = JSON.parse(readFileSync(new URL('../schema/dashboard.schema.json', import.meta.url), 'utf8'));
    expect(shipped).toEqual(dashboardJsonSchema());
  });

  it('describes panels, variables and defaults for editors', () => {
    const schema = dashboardJsonSchema() as { properties: Record<string, { default?: unknown }>; required: string[] };
    expect(schema.required).toEqual(['schemaVersion', 'title']);
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['panels', 'variables', 'datasources', 'time']));
    expect(schema.properties['time']!.default).toEqual({ from: 'now-6h', to: 'now' });
  });
});
