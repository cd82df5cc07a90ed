/** Alert lists: Prometheus' active alerts as rules, filtered by state, name and labels, sorted and cut as Grafana's alert list does; its label filter read with Prometheus' grammar; Grafana's alert list panels (current and legacy) imported and exported. */
import { describe, expect, it } from 'vitest';
import { alertLabelFilter, alertRows, SchemaError, type Alert } from '@promkit/core';
import { fromGrafana, toGrafana } from '@promkit/core/grafana';

const alert = (name: string, state: Alert['state'], activeAt: string, labels: Record<string, string> = {}, summary?: string): Alert => ({
  labels: { alertname: name, ...labels },
  annotations: summary ? { summary } : {},
  state,
  activeAt,
  value: '1e+00',
});

const ALERTS: Alert[] = [
  alert('DiskFull', 'pending', '2026-12-07T10:05:00Z', { severity: 'warning', instance: 'eu-1' }),
  alert('HighLatency', 'firing', '2026-12-07T10:02:00Z', { severity: 'critical', instance: 'eu-2' }, 'p99 above 1 s'),
  alert('HighLatency', 'pending', '2026-12-07T10:06:00Z', { severity: 'critical', instance: 'us-1' }),
  alert('backupLate', 'firing', '2026-12-07T09:00:00Z', { severity: 'info', instance: 'eu-1' }),
  alert('Quiet', 'inactive', '2026-12-07T09:00:00Z'),
];

describe('alertRows', () => {
  it('one row per rule in its most important state, since its earliest instance in it, alphabetical in any case; inactive alerts are left out', () => {
    const rows = alertRows(ALERTS);
    expect(rows.map((r) => [r.name, r.state, r.instances.length])).toEqual([['backupLate', 'firing', 1], ['DiskFull', 'pending', 1], ['HighLatency', 'firing', 2]]);
    const latency = rows[2]!;
    expect(latency.since).toBe(Date.parse('2026-12-07T10:02:00Z'));
    expect(latency.instances.map((i) => i.labels['instance'])).toEqual(['eu-2', 'us-1']);
    expect(latency.instances[0]!.annotations['summary']).toBe('p99 above 1 s');
  });

  it('filters by state: a rule whose firing instances are filtered out is pending', () => {
    expect(alertRows(ALERTS, { stateFilter: { pending: false } }).map((r) => r.name)).toEqual(['backupLate', 'HighLatency']);
    const pendingOnly = alertRows(ALERTS, { stateFilter: { firing: false } });
    expect(pendingOnly.map((r) => [r.name, r.state])).toEqual([['DiskFull', 'pending'], ['HighLatency', 'pending']]);
    expect(pendingOnly[1]!.since).toBe(Date.parse('2026-12-07T10:06:00Z'));
    expect(alertRows(ALERTS, { stateFilter: { firing: false, pending: false } })).toEqual([]);
  });

  it('filters by a name part in any case, and by label matchers as Prometheus matches them (regexes whole, a missing label is empty)', async () => {
    expect(alertRows(ALERTS, { alertName: ' latency ' }).map((r) => r.name)).toEqual(['HighLatency']);
    const eu = await alertLabelFilter('{instance=~"eu-.+", severity!="info"}');
    expect(alertRows(ALERTS, { labelFilter: eu }).map((r) => [r.name, r.instances.length])).toEqual([['DiskFull', 1], ['HighLatency', 1]]);
    expect(alertRows(ALERTS, { labelFilter: await alertLabelFilter('{instance=~"eu"}') })).toEqual([]);
    expect(alertRows(ALERTS, { labelFilter: await alertLabelFilter('{team=""}') })).toHaveLength(3);
    expect(alertRows(ALERTS, { labelFilter: await alertLabelFilter('{severity!~"crit.*|warning"}') }).map((r) => r.name)).toEqual(['backupLate']);
  });

  it('sorts as Grafana: reverse alphabetical, by importance, by time active (time-asc: active longest first), and cuts at maxItems (10 by default)', () => {
    expect(alertRows(ALERTS, { sortOrder: 'alpha-desc' }).map((r) => r.name)).toEqual(['HighLatency', 'DiskFull', 'backupLate']);
    expect(alertRows(ALERTS, { sortOrder: 'importance' }).map((r) => r.name)).toEqual(['backupLate', 'HighLatency', 'DiskFull']);
    expect(alertRows(ALERTS, { sortOrder: 'time-asc' }).map((r) => r.name)).toEqual(['backupLate', 'HighLatency', 'DiskFull']);
    expect(alertRows(ALERTS, { sortOrder: 'time-desc' }).map((r) => r.name)).toEqual(['DiskFull', 'HighLatency', 'backupLate']);
    expect(alertRows(ALERTS, { maxItems: 2 }).map((r) => r.name)).toEqual(['backupLate', 'DiskFull']);
    const many = Array.from({ length: 14 }, (_, i) => alert(`A${String(i).padStart(2, '0')}`, 'firing', '2026-12-07T10:00:00Z'));
    expect(alertRows(many)).toHaveLength(10);
  });
});

describe('alertLabelFilter', () => {
  it('reads PromQL label matchers in braces; blank is no filter', async () => {
    expect(await alertLabelFilter('  ')).toEqual([]);
    expect(await alertLabelFilter(undefined)).toEqual([]);
    expect(await alertLabelFilter('{severity="critical", instance=~"cluster-us-.+"}')).toEqual([
      { label: 'severity', op: '=', value: 'critical' },
      { label: 'instance', op: '=~', value: 'cluster-us-.+' },
    ]);
    expect(await alertLabelFilter('{"service.name"!="a\\"b", team!~`x\\d`}')).toEqual([
      { label: 'service.name', op: '!=', value: 'a"b' },
      { label: 'team', op: '!~', value: 'x\\d' },
    ]);
  });

  it.each([
    ['severity="critical"', /must be label matchers in braces, such as \{severity="critical"\}/],
    ['{severity="critical"', /unexpected end of input at column 21 in "\{severity=\\"critical\\"".*write label matchers in braces/],
    ['{job="a"} > 1', /only label matchers in braces are allowed/],
    ['{instance=~"(eu"}', /the regex of instance is not one JavaScript can read/],
    ['{team="a\\qb"}', /the string holds an unknown escape \\q/],
  ])('names what is wrong with %s and how to write it', async (text, message) => {
    const error = await alertLabelFilter(text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchemaError);
    expect((error as SchemaError).message).toMatch(/^options\.alertInstanceLabelFilter: /);
    expect((error as SchemaError).message).toMatch(message);
  });
});

const grafana = (panel: Record<string, unknown>) => ({ title: 'Alerts', schemaVersion: 39, panels: [{ id: 1, type: 'alertlist', title: 'Firing', gridPos: { x: 0, y: 0, w: 8, h: 8 }, ...panel }] });

describe('Grafana alert list', () => {
  it('imports the current panel: name and label filters, states, sort order, max items, view mode, instances; Grafana-only settings are named', () => {
    const { dashboard, warnings } = fromGrafana(
      grafana({
        options: {
          alertName: 'latency',
          alertInstanceLabelFilter: '{severity="critical"}',
          stateFilter: { firing: true, pending: false, noData: false, normal: true, error: true },
          sortOrder: 3,
          maxItems: 5,
          viewMode: 'list',
          showInstances: true,
          groupMode: 'default',
          groupBy: [],
          dashboardAlerts: true,
        },
      }),
    );
    expect(dashboard.panels[0]).toMatchObject({
      type: 'alertlist',
      targets: [],
      options: { alertName: 'latency', alertInstanceLabelFilter: '{severity="critical"}', stateFilter: { firing: true, pending: false }, sortOrder: 'importance', maxItems: 5, viewMode: 'list', showInstances: true },
    });
    expect(warnings.map((w) => [w.path, w.message])).toEqual([
      ['panels[0].options.stateFilter', "normal rules are not listed: Prometheus' alert API gives firing and pending alerts only"],
      ['panels[0].options.dashboardAlerts', "Grafana links alerts to dashboards; Prometheus' alerts are not: every alert of the datasource is listed"],
    ]);
  });

  it('imports the legacy panel, whose settings sit on the panel: name filter, limit, states (alerting is firing), sort order', () => {
    const { dashboard, warnings } = fromGrafana(grafana({ show: 'current', limit: 7, nameFilter: 'Disk', stateFilter: ['alerting', 'no_data'], sortOrder: 2, onlyAlertsOnDashboard: false, dashboardTags: [] }));
    expect(dashboard.panels[0]).toMatchObject({ type: 'alertlist', options: { alertName: 'Disk', maxItems: 7, stateFilter: { firing: true, pending: false }, sortOrder: 'alpha-desc' } });
    expect(warnings.map((w) => w.path)).toEqual(['panels[0].stateFilter']);
    const changes = fromGrafana(grafana({ show: 'changes', limit: 'many' }));
    expect(changes.warnings.map((w) => w.message)).toEqual([
      'recent state changes are not listed: Prometheus keeps no alert history, so the list shows the current alerts',
      '"many" is not a number of alerts (10 are listed)',
    ]);
  });

  it('round-trips exactly, the sort order as Grafana numbers it', () => {
    const { dashboard } = fromGrafana(grafana({ options: { alertName: 'x', stateFilter: { pending: false }, sortOrder: 5, maxItems: 3, viewMode: 'stat' } }));
    const exported = toGrafana(dashboard).dashboard;
    expect(exported.panels[0]).toMatchObject({ type: 'alertlist', options: { sortOrder: 5, stateFilter: { pending: false } } });
    expect(exported.panels[0]).not.toHaveProperty('targets');
    expect(fromGrafana(exported).dashboard).toEqual(dashboard);
  });
});
