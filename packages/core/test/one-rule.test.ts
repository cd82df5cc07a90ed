/** Rules written once: Grafana's regexes, variable sort and hide numbers, datasource references, week start. */
import { describe, expect, it } from 'vitest';
import { fromGrafana, toGrafana } from '@promkit/core/grafana';
import { SORTS, VARIABLE_HIDES, datasourceVariable, grafanaRegex, isSlashedRegex, matchesGrafanaRegex, resolveDatasourceRef, resolveRange, weekStartsOn, type DashboardInput } from '@promkit/core';

describe('grafanaRegex', () => {
  it('keeps the flags of /pattern/flags, drops the stateful g and y', () => {
    expect(grafanaRegex('/^API-(.*)$/i').flags).toBe('i');
    expect(grafanaRegex('/a/gimsy').flags).toBe('ims');
    expect(grafanaRegex('plain').source).toBe('plain');
    expect(isSlashedRegex('/x/')).toBe(true);
    expect(isSlashedRegex('x')).toBe(false);
  });

  it('matches every time, also with a g flag (no lastIndex carried over)', () => {
    expect([1, 2, 3].map(() => matchesGrafanaRegex('/api/g', 'api-1'))).toEqual([true, true, true]);
    expect(matchesGrafanaRegex('/API/i', 'api-1')).toBe(true);
    expect(matchesGrafanaRegex('(unclosed', 'x')).toBe(false);
  });

  it('Grafana import keeps a series override regex with its flags', () => {
    const { dashboard } = fromGrafana({
      title: 'Legacy',
      schemaVersion: 16,
      panels: [
        {
          id: 1,
          type: 'graph',
          title: 'G',
          gridPos: { x: 0, y: 0, w: 12, h: 8 },
          targets: [{ refId: 'A', expr: 'up' }],
          seriesOverrides: [{ alias: '/^Errors/i', yaxis: 2 }],
        },
      ],
    });
    const panel = dashboard.panels[0] as { fieldConfig: { overrides: { matcher: { id: string; options: string } }[] } };
    expect(panel.fieldConfig.overrides[0]!.matcher).toEqual({ id: 'byRegexp', options: '/^Errors/i' });
  });
});

describe('variable sort and hide, one map for schema, import and export', () => {
  it("Grafana's numbers go both ways for every sort and hide", () => {
    const variables = SORTS.map((sort, i) => ({ type: 'query', name: `v${i}`, query: 'label_values(up, job)', sort, hide: VARIABLE_HIDES[i % 3] }));
    const exported = toGrafana({ schemaVersion: 1, title: 'Maps', variables, panels: [] } as DashboardInput).dashboard as { templating: { list: { name: string; sort?: number; hide: number }[] } };
    // The export adds a datasource variable of its own; ours are v0…v6.
    const ours = <T extends { name: string }>(list: T[]) => list.filter((v) => /^v\d$/.test(v.name));
    expect(ours(exported.templating.list).map((v) => [v.sort, v.hide])).toEqual(SORTS.map((_, i) => [i, i % 3]));
    const back = fromGrafana(exported).dashboard.variables as { name: string; sort?: string; hide: string }[];
    expect(ours(back).map((v) => [v.sort, v.hide])).toEqual(SORTS.map((sort, i) => [sort, VARIABLE_HIDES[i % 3]]));
  });
});

describe('datasource references', () => {
  it('$ds, ${ds} and ${ds:raw} name the variable; a plain name is a name', () => {
    expect(['$ds', '${ds}', '${ds:raw}', 'main'].map(datasourceVariable)).toEqual(['ds', 'ds', 'ds', undefined]);
  });

  it('resolve to the selected datasource, the first of several, or the default when there is no value', () => {
    expect(resolveDatasourceRef('${ds}', { ds: { value: 'eu' } })).toBe('eu');
    expect(resolveDatasourceRef('$ds', { ds: { value: ['us', 'eu'] } })).toBe('us');
    expect(resolveDatasourceRef('$ds', {})).toBeUndefined();
    expect(resolveDatasourceRef('main', {})).toBe('main');
    expect(resolveDatasourceRef(undefined, {})).toBeUndefined();
  });
});

describe('week start', () => {
  it('a dashboard weekStart reads as weekStartsOn, and now/w begins that day', () => {
    expect([weekStartsOn('sunday'), weekStartsOn('monday'), weekStartsOn(undefined)]).toEqual([0, 1, 1]);
    // Wednesday 2026-12-02 12:00 UTC: the week began on Sunday the 29th or Monday the 30th.
    const now = Date.UTC(2026, 11, 2, 12);
    const start = (day: 'sunday' | 'monday') => new Date(resolveRange({ from: 'now/w', to: 'now' }, { now, timeZone: 'utc', weekStartsOn: weekStartsOn(day) }).from).getUTCDate();
    expect([start('sunday'), start('monday')]).toEqual([29, 30]);
  });
});
