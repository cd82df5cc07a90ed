/** One reading of Grafana's `pattern` and `/pattern/flags` regexes, flags kept. */
import { describe, expect, it } from 'vitest';
import { fromGrafana } from '@promkit/core/grafana';
import { grafanaRegex, isSlashedRegex, matchesGrafanaRegex } from '@promkit/core';

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
