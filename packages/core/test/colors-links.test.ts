/** Colours and link URLs from dashboards: problems with paths in the schema, warnings (left out) on import. */
import { describe, expect, it } from 'vitest';
import { COLOR_RULE, URL_RULE, validateDashboard, type DashboardInput, type Panel } from '@promkit/core';
import { fromGrafana } from '@promkit/core/grafana';

const grid = { x: 0, y: 0, w: 6, h: 4 };
const BREAKOUT = 'red;position:fixed;inset:0;z-index:2147483647';
const FETCH = 'red;background-image:url(/x)';
const notAColor = (value: string) => `must be a colour: ${COLOR_RULE}; got ${JSON.stringify(value)}`;

function problemsOf(extra: Partial<DashboardInput> | Record<string, unknown>) {
  const check = validateDashboard({ schemaVersion: 1, title: 'T', ...extra });
  expect(check.ok).toBe(false);
  return check.ok ? [] : check.problems;
}

describe('validateDashboard: colours', () => {
  it('reports every colour that is not one, with its path and what is allowed', () => {
    const problems = problemsOf({
      panels: [
        {
          id: 1,
          type: 'stat',
          gridPos: grid,
          fieldConfig: {
            defaults: {
              color: { mode: 'fixed', fixedColor: FETCH },
              thresholds: { mode: 'absolute', steps: [{ value: null, color: 'green' }, { value: 80, color: BREAKOUT }] },
              mappings: [
                { type: 'value', options: { down: { text: 'Down', color: 'url(x)' } } },
                { type: 'range', options: { from: 0, to: 1, result: { color: 'red}' } } },
                { type: 'special', options: { match: 'null', result: { color: 'semi-dark-red' } } },
              ],
            },
            overrides: [
              {
                matcher: { id: 'byName', options: 'a' },
                properties: [
                  { id: 'color', value: { mode: 'fixed', fixedColor: 'var(--x)' } },
                  { id: 'color.fixedColor', value: 'expression(alert(1))' },
                  { id: 'thresholds', value: { mode: 'absolute', steps: [{ value: null, color: '#ff0000ff00' }] } },
                  { id: 'mappings', value: [{ type: 'value', options: { up: { color: 'java\tscript' } } }] },
                  { id: 'unit', value: 'red;position:fixed' },
                ],
              },
            ],
          },
        },
      ],
      annotations: [{ type: 'events', name: 'Deploys', color: 'rgb(0,0,0);x:y' }],
    });
    expect(problems).toEqual([
      { path: 'annotations[0].color', message: notAColor('rgb(0,0,0);x:y') },
      { path: 'panels[0].fieldConfig.defaults.thresholds.steps[1].color', message: notAColor(BREAKOUT) },
      { path: 'panels[0].fieldConfig.defaults.mappings[0].options.down.color', message: notAColor('url(x)') },
      { path: 'panels[0].fieldConfig.defaults.mappings[1].options.result.color', message: notAColor('red}') },
      { path: 'panels[0].fieldConfig.defaults.color.fixedColor', message: notAColor(FETCH) },
      { path: 'panels[0].fieldConfig.overrides[0].properties[0].value.fixedColor', message: notAColor('var(--x)') },
      { path: 'panels[0].fieldConfig.overrides[0].properties[1].value', message: notAColor('expression(alert(1))') },
      { path: 'panels[0].fieldConfig.overrides[0].properties[2].value.steps[0].color', message: notAColor('#ff0000ff00') },
      { path: 'panels[0].fieldConfig.overrides[0].properties[3].value[0].options.up.color', message: notAColor('java\tscript') },
    ]);
  });

  it('accepts the colours Grafana dashboards use', () => {
    const check = validateDashboard({
      schemaVersion: 1,
      title: 'T',
      panels: [
        {
          id: 1,
          type: 'stat',
          gridPos: grid,
          fieldConfig: {
            defaults: {
              color: { mode: 'fixed', fixedColor: 'super-light-purple' },
              thresholds: { mode: 'absolute', steps: [{ value: null, color: 'transparent' }, { value: 1, color: '#EAB839' }, { value: 2, color: 'rgba(245, 54, 54, 0.9)' }] },
            },
            overrides: [{ matcher: { id: 'byName', options: 'a' }, properties: [{ id: 'color', value: { mode: 'fixed', fixedColor: 'hsl(120deg 50% 50% / 0.5)' } }] }],
          },
        },
      ],
    });
    expect(check.ok ? [] : check.problems).toEqual([]);
  });
});

describe('validateDashboard: link URLs', () => {
  it.each(['java\tscript:alert(1)', 'java\nscript:alert(1)', '\u0000javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'data:text/html,x', 'vbscript:x', 'blob:x', 'file:///etc/passwd'])(
    'refuses %j in dashboard and panel links',
    (url) => {
      const problems = problemsOf({ links: [{ title: 'x', url }], panels: [{ id: 1, type: 'text', gridPos: grid, links: [{ title: 'y', url }] }] });
      const message = `must be ${URL_RULE}, got ${JSON.stringify(url)}`;
      expect(problems).toEqual([{ path: 'links[0].url', message }, { path: 'panels[0].links[0].url', message }]);
    },
  );

  it('keeps http(s), mailto and relative links', () => {
    const urls = ['https://prometheus.io/docs/', 'mailto:oncall@example.com', '/targets', '../d/abc?var-x=1', '//cdn.example.com/x'];
    const check = validateDashboard({ schemaVersion: 1, title: 'T', links: urls.map((url) => ({ title: url, url })) });
    expect(check.ok ? check.dashboard.links.map((l) => l.url) : check.problems).toEqual(urls);
  });
});

describe('fromGrafana: colours and links that are not allowed are warnings and left out', () => {
  const grafana = {
    title: 'Hostile',
    links: [{ title: 'tab', url: 'java\tscript:alert(1)' }, { title: 'ok', url: 'https://example.com/' }],
    annotations: { list: [{ name: 'A', datasource: { type: 'prometheus', uid: 'p' }, expr: 'up', iconColor: BREAKOUT }] },
    panels: [
      {
        id: 1,
        type: 'stat',
        title: 'Stat',
        gridPos: grid,
        targets: [{ refId: 'A', expr: 'up' }],
        links: [{ title: 'nul', url: '\u0000javascript:alert(1)' }],
        fieldConfig: {
          defaults: {
            color: { mode: 'fixed', fixedColor: FETCH },
            thresholds: { mode: 'absolute', steps: [{ value: null, color: 'green' }, { value: 80, color: BREAKOUT }, { value: 90, color: 'red' }] },
            mappings: [{ type: 'value', options: { down: { text: 'Down', color: 'url(x)' } } }],
          },
          overrides: [{ matcher: { id: 'byName', options: 'a' }, properties: [{ id: 'color', value: { mode: 'fixed', fixedColor: 'var(--x)' } }] }],
        },
      },
      {
        id: 2,
        type: 'graph',
        title: 'Graph',
        gridPos: { ...grid, x: 6 },
        targets: [{ refId: 'A', expr: 'up' }],
        aliasColors: { up: 'red}body{x:y', ok: '#73BF69' },
        seriesOverrides: [{ alias: 'b', color: 'expression(1)', linewidth: 2 }],
        thresholds: [{ value: 5, op: 'gt', colorMode: 'custom', lineColor: 'url(/x)' }],
      },
      {
        id: 3,
        type: 'singlestat',
        title: 'Single',
        gridPos: { ...grid, x: 12 },
        targets: [{ refId: 'A', expr: 'up' }],
        thresholds: '1,2',
        colors: ['green', 'red;x:y', 'red'],
      },
    ],
  };

  it('imports with a warning for each, at its path in the Grafana JSON', () => {
    const { dashboard, warnings } = fromGrafana(grafana);
    const notAColorWarning = (value: string) => `${JSON.stringify(value)} is not a colour (left out); use ${COLOR_RULE}`;
    expect(warnings).toEqual(
      expect.arrayContaining([
        { path: 'links[0].url', message: `"java\\tscript:alert(1)" is not ${URL_RULE} (left out)` },
        { path: 'panels[0].links[0].url', message: `"\\u0000javascript:alert(1)" is not ${URL_RULE} (left out)` },
        { path: 'annotations.list[0].iconColor', message: notAColorWarning(BREAKOUT) },
        { path: 'panels[0].fieldConfig.defaults.color.fixedColor', message: notAColorWarning(FETCH) },
        { path: 'panels[0].fieldConfig.defaults.thresholds.steps[1].color', message: notAColorWarning(BREAKOUT) },
        { path: 'panels[0].fieldConfig.defaults.mappings[0].options["down"].color', message: notAColorWarning('url(x)') },
        { path: 'panels[0].fieldConfig.overrides[0].properties[0]', message: notAColorWarning('var(--x)') },
        { path: 'panels[1].aliasColors["up"]', message: notAColorWarning('red}body{x:y') },
        { path: 'panels[1].seriesOverrides[0].color', message: notAColorWarning('expression(1)') },
        { path: 'panels[1].thresholds[0].lineColor', message: notAColorWarning('url(/x)') },
        { path: 'panels[2].colors[1]', message: notAColorWarning('red;x:y') },
      ]),
    );
    expect(dashboard.links).toEqual([{ title: 'ok', url: 'https://example.com/' }]);
    expect(JSON.stringify(dashboard)).not.toMatch(/javascript|url\(|var\(|expression|;x:y|position:fixed|\}body/);
    const [stat, graph, single] = dashboard.panels as Panel[];
    expect(stat!.links).toBeUndefined();
    expect(stat!.fieldConfig.defaults.thresholds?.steps).toEqual([{ value: null, color: 'green' }, { value: 90, color: 'red' }]);
    expect(stat!.fieldConfig.defaults.color).toEqual({ mode: 'fixed' });
    expect(graph!.fieldConfig.overrides.map((o) => o.matcher.options)).toEqual(['ok', 'b']);
    expect(graph!.fieldConfig.defaults.thresholds?.steps[1]).toEqual({ value: 5, color: 'red' });
    expect(single!.fieldConfig.defaults.thresholds?.steps.map((s) => s.color)).toEqual(['green', 'red', 'red']);
  });
});
