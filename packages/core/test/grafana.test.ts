/** Export to Grafana's dashboard model: checked against Grafana's own published types, and by content. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dashboard as GrafanaSchemaDashboard, Panel as GrafanaSchemaPanel, RowPanel as GrafanaSchemaRowPanel } from '@grafana/schema';
import { GRAFANA_SCHEMA_VERSION, toGrafana, type GrafanaPanel, type GrafanaRowPanel } from '@promkit/core/grafana';
import { parseDashboard, type DashboardInput } from '@promkit/core';

const example = (name: string) => JSON.parse(readFileSync(new URL(`../../../examples/dashboards/${name}.json`, import.meta.url), 'utf8')) as DashboardInput;
const EXAMPLES = ['app-overview', 'hosts', 'service-overview', 'prometheus-self'];

/** Every panel of an export, rows' own panels included. */
function allPanels(panels: (GrafanaPanel | GrafanaRowPanel)[]): GrafanaPanel[] {
  return panels.flatMap((p) => (p.type === 'row' ? (p as GrafanaRowPanel).panels : [p as GrafanaPanel]));
}

describe('toGrafana', () => {
  it.each(EXAMPLES)('%s: is a Grafana dashboard by Grafana’s own types, and keeps every query, place and setting', (name) => {
    const input = example(name);
    const { dashboard } = toGrafana(input);
    // The type check: tsc fails this file when the export stops fitting @grafana/schema's Dashboard.
    const typed: GrafanaSchemaDashboard = dashboard;
    const typedPanels: (GrafanaSchemaPanel | GrafanaSchemaRowPanel)[] = dashboard.panels;
    expect(typed.schemaVersion).toBe(GRAFANA_SCHEMA_VERSION);
    expect(typedPanels.length).toBeGreaterThan(0);

    const ours = parseDashboard(input);
    expect(dashboard.title).toBe(ours.title);
    expect(dashboard.templating.list[0]).toMatchObject({ type: 'datasource', name: 'datasource', query: 'prometheus' });
    expect(dashboard.templating.list.slice(1).map((v) => [v.type, v.name])).toEqual(ours.variables.map((v) => [v.type, v.name]));
    const oursFlat = ours.panels.flatMap((p) => (p.type === 'row' ? p.panels : [p]));
    const exported = allPanels(dashboard.panels);
    expect(exported.map((p) => [p.id, p.type, p.title, p.gridPos])).toEqual(oursFlat.map((p) => [p.id, p.type, p.title, p.gridPos]));
    for (const [i, p] of exported.entries()) {
      const original = oursFlat[i]!;
      if (original.type === 'text') continue;
      expect(p.datasource).toEqual({ type: 'prometheus', uid: '${datasource}' });
      expect(p.targets?.map((t) => [t.refId, t.expr, t.instant, t.range, t.datasource.uid])).toEqual(
        original.targets.map((t) => [t.refId, t.expr, t.instant, !t.instant, '${datasource}']),
      );
      // Grafana calls promkit's custom.axisScale custom.scaleDistribution; the rest is the same.
      expect(p.fieldConfig).toEqual(JSON.parse(JSON.stringify(original.fieldConfig).replaceAll('"axisScale"', '"scaleDistribution"')));
    }
  });

  it('moves panels an open row carries after it, keeps a collapsed row’s inside, and says so', () => {
    const panel = (id: number, title: string) => ({ id, type: 'stat' as const, title, gridPos: { x: 0, y: id, w: 6, h: 4 }, targets: [{ refId: 'A', expr: 'up' }] });
    const { dashboard, warnings } = toGrafana({
      schemaVersion: 1,
      title: 'Rows',
      variables: [{ type: 'custom', name: 'host', query: 'a,b' }],
      panels: [{ id: 1, type: 'row', title: 'Per host', gridPos: { x: 0, y: 0, w: 24, h: 1 }, repeat: 'host', panels: [panel(2, 'CPU'), panel(3, 'Memory')] }],
    });
    const [row, ...after] = dashboard.panels;
    expect(row).toMatchObject({ type: 'row', collapsed: false, panels: [], repeat: 'host' });
    expect(after.map((p) => p.title)).toEqual(['CPU', 'Memory']);
    expect(warnings).toContainEqual({ path: 'panels[0].panels', message: 'an open row carries its panels; Grafana lists them after the row instead (moved)' });

    const service = toGrafana(example('service-overview')).dashboard;
    const collapsed = service.panels.find((p): p is GrafanaRowPanel => p.type === 'row' && (p as GrafanaRowPanel).collapsed)!;
    expect(collapsed.panels.map((p) => p.title)).toEqual(['Requests by path on $instance']);
  });

  it('lists what Grafana has no place for: host-supplied events, datasource connection settings', () => {
    const { dashboard, warnings } = toGrafana({
      schemaVersion: 1,
      title: 'Edge',
      datasources: [{ name: 'mimir', url: 'https://mimir.example/prometheus', backend: 'mimir', tenant: 'team-a', default: true }],
      annotations: [
        { type: 'events', name: 'Deploys', events: [{ time: 1, title: 'v2' }] },
        { type: 'prometheus', name: 'Restarts', expr: 'changes(process_start_time_seconds[5m]) > 0', titleFormat: '{{instance}}' },
      ],
      panels: [],
    });
    expect(warnings.map((w) => w.path)).toEqual(['datasources[0]', 'annotations[0]']);
    expect(dashboard.annotations.list.map((a) => [a.name, a.expr])).toEqual([
      ['Annotations & Alerts', undefined],
      ['Restarts', 'changes(process_start_time_seconds[5m]) > 0'],
    ]);
    expect(JSON.stringify(dashboard)).not.toContain('mimir.example');
  });

  it('names an invalid dashboard’s problems instead of exporting it', () => {
    expect(() => toGrafana({ schemaVersion: 1, title: '', panels: [] } as DashboardInput)).toThrow(/title: must not be empty/);
  });
});
