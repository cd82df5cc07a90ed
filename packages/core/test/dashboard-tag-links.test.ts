/** Dashboard links by tag (Grafana's "dashboards" links): the schema, Grafana import and export. */
import { describe, expect, it } from 'vitest';
import { validateDashboard } from '@promkit/core';
import { fromGrafana, toGrafana } from '@promkit/core/grafana';

const board = (links: unknown[]) => ({ schemaVersion: 1, title: 'B', links });
const problems = (links: unknown[]) => {
  const check = validateDashboard(board(links));
  return check.ok ? [] : check.problems.map((p) => [p.path, p.message]);
};

describe('dashboard links by tag', () => {
  it('a link is a URL, or type dashboards with tags (and keepTime, includeVars); each without the other is named at its path', () => {
    expect(problems([{ type: 'dashboards', title: 'Related', tags: ['kafka'], keepTime: true, includeVars: true }, { title: 'Runbook', url: '/runbook' }])).toEqual([]);
    expect(problems([{ title: 'Nowhere' }])).toEqual([['links[0].url', expect.stringContaining('is required')]]);
    expect(problems([{ type: 'dashboards', title: 'Both', url: '/x' }])).toEqual([['links[0].url', expect.stringContaining('has no url')]]);
    expect(problems([{ title: 'Tags on a URL', url: '/x', tags: ['a'] }])).toEqual([['links[0].tags', expect.stringContaining('only a link of "type": "dashboards"')]]);
    expect(problems([{ type: 'dashboards', title: '' }]).map(([path]) => path)).toEqual(['links[0].title']);
  });

  it('Grafana links by tag import with their tags, time and variables, and export back the same; panel links by tag are named', () => {
    const grafana = {
      title: 'G',
      schemaVersion: 39,
      links: [{ type: 'dashboards', title: 'Kafka', tags: ['kafka', 'prod'], asDropdown: true, keepTime: true, includeVars: false, targetBlank: false, icon: 'external link', url: '' }],
      panels: [{ id: 1, type: 'stat', title: 'S', gridPos: { x: 0, y: 0, w: 6, h: 4 }, targets: [{ refId: 'A', expr: 'up' }], links: [{ type: 'dashboards', title: 'x', tags: [] }] }],
    };
    const { dashboard, warnings } = fromGrafana(grafana);
    expect(dashboard.links).toEqual([{ type: 'dashboards', title: 'Kafka', tags: ['kafka', 'prod'], keepTime: true }]);
    expect(warnings.map((w) => [w.path, w.message])).toEqual([['panels[0].links[0]', 'links to dashboards by tag are dashboard links: a panel links to URLs (left out)']]);
    const exported = toGrafana(dashboard).dashboard;
    expect(exported.links).toEqual([{ title: 'Kafka', type: 'dashboards', tags: ['kafka', 'prod'], url: '', tooltip: '', targetBlank: false, includeVars: false, keepTime: true, icon: 'external link', asDropdown: true }]);
    expect(fromGrafana(exported).dashboard).toEqual(dashboard);
  });
});
