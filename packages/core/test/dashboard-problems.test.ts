import { describe, expect, it } from 'vitest';
import { panelSchema, validateDashboard, type DashboardInput, type PanelInput } from '@promkit/core';
// Internal, not public API: tested at its module.
import { schemaProblems as schemaProblemsOf } from '../src/internal/schema-problems.js';

const grid = { x: 0, y: 0, w: 6, h: 4 };
const panelTypes = 'timeseries, stat, gauge, bargauge, table, heatmap, piechart, state-timeline, status-history, barchart, histogram, alertlist, text';

function problemsOf(extra: Partial<DashboardInput> | Record<string, unknown>) {
  const check = validateDashboard({ schemaVersion: 1, title: 'T', ...extra });
  expect(check.ok).toBe(false);
  return check.ok ? [] : check.problems;
}

describe('validateDashboard lists every problem at once', () => {
  it('cross-field rules still run over the panels that parsed when another has a shape problem', () => {
    const problems = problemsOf({
      panels: [
        { id: 1, type: 'stat', gridPos: grid },
        { id: 1, type: 'gauge', gridPos: { x: 6, y: 0, w: 6, h: 4 } },
        { id: 3, type: 'timeserie', gridPos: { x: 12, y: 0, w: 6, h: 4 } },
      ],
    });
    expect(problems).toEqual([
      { path: 'panels[2].type', message: `"timeserie" is not a panel type; use one of ${panelTypes} (did you mean "timeseries"?)` },
      { path: 'panels[1].id', message: 'id 1 is already used by panels[0]' },
    ]);
  });

  it('a panel with two typos reports both', () => {
    const problems = problemsOf({ panels: [{ id: 1, type: 'timeserie', titel: 'Latency', gridPos: grid }] });
    expect(problems).toEqual([
      { path: 'panels[0].type', message: `"timeserie" is not a panel type; use one of ${panelTypes} (did you mean "timeseries"?)` },
      { path: 'panels[0]', message: 'has unknown field "titel" (check the spelling)' },
    ]);
  });

  it('references, repeats, the grid and duplicate names are checked beside shape problems elsewhere', () => {
    const problems = problemsOf({
      refersh: '30s',
      datasources: [{ name: 'main', url: 'http://p' }],
      variables: [
        { type: 'custom', name: 'env', query: 'a,b' },
        { type: 'custom', name: 'env', query: 'c' },
        { type: 'query', name: 'job', query: 'label_values(job)', sort: 'alpha' },
      ],
      panels: [
        { id: 1, type: 'stat', gridPos: { x: 20, y: 0, w: 8, h: 4 }, datasource: 'other', repeat: 'region' },
        { id: 2, type: 'text', gridPos: { x: 0, y: 4, w: 30, h: 4 } },
      ],
    });
    expect(problems).toEqual([
      { path: '(root)', message: 'has unknown field "refersh" (check the spelling)' },
      { path: 'variables[2].sort', message: expect.stringMatching(/^must be "none" or "alpha-asc" or .*, got "alpha"$/) },
      { path: 'panels[1].gridPos.w', message: 'must be 1–24, got 30' },
      { path: 'variables[1].name', message: '"env" is used by another variable' },
      { path: 'panels[0].gridPos', message: "x + w must be at most 24 (the grid's width), got 20 + 8" },
      { path: 'panels[0].repeat', message: 'repeats by "region", which is not a variable of this dashboard' },
      { path: 'panels[0].datasource', message: 'refers to datasource "other", which is not in datasources (known: "main")' },
    ]);
  });

  it('a datasource or variable with its own problem still counts as defined, so references to it are not reported again', () => {
    const problems = problemsOf({
      datasources: [{ name: 'main', url: 'http://p', scrapeInteval: '15s' }],
      variables: [{ type: 'datasource', name: 'ds', multi: 'yes' }],
      panels: [
        { id: 1, type: 'stat', gridPos: grid, datasource: 'main' },
        { id: 2, type: 'stat', gridPos: { x: 6, y: 0, w: 6, h: 4 }, datasource: '$ds' },
        { id: 2, type: 'text', gridPos: { x: 12, y: 0, w: 6, h: 4 } },
      ],
    });
    expect(problems).toEqual([
      { path: 'datasources[0]', message: 'has unknown field "scrapeInteval" (check the spelling)' },
      { path: 'variables[0].multi', message: 'must be a boolean, got the string "yes"' },
      { path: 'panels[2].id', message: 'id 2 is already used by panels[1]' },
    ]);
  });

  it('inside a collapsed row, each panel is checked on its own', () => {
    const problems = problemsOf({
      panels: [
        { id: 1, type: 'stat', gridPos: grid },
        {
          id: 2,
          type: 'row',
          gridPos: { x: 0, y: 4, w: 24, h: 1 },
          collapsed: true,
          panels: [
            { id: 3, type: 'tabel', gridPos: { x: 0, y: 5, w: 6, h: 4 } },
            { id: 1, type: 'text', gridPos: { x: 6, y: 5, w: 6, h: 4 } },
          ],
        },
      ],
    });
    expect(problems).toEqual([
      { path: 'panels[1].panels[0].type', message: `"tabel" is not a panel type; use one of ${panelTypes} (did you mean "table"?)` },
      { path: 'panels[1].panels[1].id', message: 'id 1 is already used by panels[0]' },
    ]);
  });

  it('other enums suggest the nearest valid value too', () => {
    const problems = problemsOf({
      variables: [{ type: 'cusotm', name: 'env', query: 'a' }],
      panels: [{ id: 1, type: 'timeseries', gridPos: grid, options: { legend: { displayMode: 'tabel' } } }],
    });
    expect(problems).toEqual([
      { path: 'variables[0].type', message: expect.stringMatching(/^"type" must be "query" or "custom" or .*, got "cusotm" \(did you mean "custom"\?\)$/) },
      { path: 'panels[0].options.legend.displayMode', message: 'must be "list" or "table" or "hidden", got "tabel" (did you mean "table"?)' },
    ]);
  });

  it('a dashboard with only cross-field problems lists those, and a valid one has none', () => {
    expect(problemsOf({ panels: [{ id: 1, type: 'stat', gridPos: grid }, { id: 1, type: 'stat', gridPos: grid }] })).toEqual([
      { path: 'panels[1].id', message: 'id 1 is already used by panels[0]' },
    ]);
    expect(validateDashboard({ schemaVersion: 1, title: 'T', panels: [{ id: 1, type: 'stat', gridPos: grid }] }).ok).toBe(true);
  });

  it('a root that is not an object is one problem', () => {
    expect(validateDashboard(42)).toEqual({ ok: false, problems: [{ path: '(root)', message: 'must be an object, got number 42' }] });
  });
});

describe('a panel on its own (what <prom-panel> shows)', () => {
  it.each([
    ['bogus', `"bogus" is not a panel type; use one of ${panelTypes}`],
    ['Timeseries', `"Timeseries" is not a panel type; use one of ${panelTypes} (did you mean "timeseries"?)`],
    [undefined, `is required; use one of ${panelTypes}`],
  ])('type %j: %s', (type, message) => {
    const parsed = panelSchema.safeParse({ id: 1, gridPos: grid, type } as PanelInput, { reportInput: true });
    expect(parsed.success).toBe(false);
    expect(parsed.error && schemaProblemsOf(parsed.error)).toEqual([{ path: 'type', message }]);
  });
});

describe('variable formats', () => {
  it('an unknown ${var:format} in a query or title is a problem at its path, not a throw at query time', () => {
    const check = validateDashboard({
      schemaVersion: 1,
      title: 'Formats',
      variables: [{ type: 'custom', name: 'b', query: 'x,y' }],
      panels: [
        { id: 1, type: 'stat', title: 'On ${b:yaml}', gridPos: { x: 0, y: 0, w: 6, h: 4 }, targets: [{ refId: 'A', expr: 'up{b=~"${b:regex}"} or up{c="${b:yaml}"}' }] },
      ],
    });
    expect(check.ok).toBe(false);
    const problems = check.ok ? [] : check.problems;
    expect(problems.map((p) => p.path)).toEqual(['panels[0].targets[0].expr', 'panels[0].title']);
    expect(problems[0]!.message).toMatch(/\$\{b:yaml\}: unknown format "yaml"; use one of csv/);
  });
});
