/** The template families: valid panels and dashboards, lint-clean queries, parameters checked and never able to break out of a string. */
import { describe, expect, it } from 'vitest';
import { parsePanel, validateDashboard } from '@promkit/core';
import { lintPromQL } from '@promkit/core/edit';
import { TEMPLATE_FAMILIES, httpTemplates, nodeTemplates, resolveParams, savedPanelsFamily } from '@promkit/core/templates';

const exprsOf = (panel: { targets?: { expr: string }[] }) => (panel.targets ?? []).map((t) => t.expr);

describe('template families', () => {
  it('are node, http and prometheus, each with parameters and panels', () => {
    expect(TEMPLATE_FAMILIES.map((f) => f.id)).toEqual(['node', 'http', 'prometheus']);
    for (const f of TEMPLATE_FAMILIES) {
      expect(f.panels.length, f.id).toBeGreaterThanOrEqual(4);
      expect(new Set(f.panels.map((p) => p.id)).size, f.id).toBe(f.panels.length);
    }
  });

  for (const family of TEMPLATE_FAMILIES) {
    it(`${family.id}: every panel parses, its queries lint clean with the family's variables, and the dashboard is valid and laid out`, () => {
      const variables = family.variables().map((v) => v.name);
      for (const template of family.panels) {
        const panel = parsePanel(template.panel());
        expect(panel.type, template.id).toBe(template.type);
        for (const expr of exprsOf(panel as { targets?: { expr: string }[] })) {
          expect(lintPromQL(expr, { variables }), `${template.id}: ${expr}`).toEqual([]);
        }
      }
      const check = validateDashboard(family.dashboard());
      expect(check.ok ? [] : check.problems).toEqual([]);
      if (!check.ok) return;
      const cells = new Set<string>();
      for (const p of check.dashboard.panels) {
        const { x, y, w, h } = p.gridPos;
        expect(x + w, p.title).toBeLessThanOrEqual(24);
        for (let i = x; i < x + w; i++) for (let j = y; j < y + h; j++) {
          expect(cells.has(`${i},${j}`), `${p.title} overlaps at ${i},${j}`).toBe(false);
          cells.add(`${i},${j}`);
        }
      }
    });
  }

  it('fill parameters in: job, extra matchers, metric prefix and label names reach every query', () => {
    const panel = httpTemplates.panels.find((p) => p.id === 'error-ratio')!.panel({ prefix: 'shop_http', job: 'checkout', status: 'code', matchers: 'env="prod"' });
    const [expr] = exprsOf(panel as { targets: { expr: string }[] });
    expect(expr).toBe('sum(rate(shop_http_requests_total{job="checkout", env="prod", code=~"5.."}[$__rate_interval])) / sum(rate(shop_http_requests_total{job="checkout", env="prod"}[$__rate_interval]))');
    const node = nodeTemplates.dashboard({ job: 'hosts', matchers: 'dc="eu"' });
    const all = node.panels!.flatMap((p) => exprsOf(p as { targets?: { expr: string }[] }));
    expect(all.length).toBeGreaterThan(10);
    for (const e of all) expect(e, e).toContain('job="hosts", instance=~"$instance", dc="eu"');
    expect((node.variables![0] as { query: string }).query).toBe('label_values(node_uname_info{job="hosts", dc="eu"}, instance)');
  });

  it('a job with quotes, backslashes or PromQL stays one label value', () => {
    const hostile = 'a"} or vector(1) # \\ "';
    for (const family of TEMPLATE_FAMILIES) {
      if (!family.parameters.some((p) => p.name === 'job')) continue;
      for (const template of family.panels) {
        for (const expr of exprsOf(template.panel({ job: hostile }) as { targets?: { expr: string }[] })) {
          if (!expr.includes('job=')) continue;
          expect(expr).toContain(`job=${JSON.stringify(hostile)}`);
          expect(lintPromQL(expr, { variables: ['instance'] }).filter((p) => p.severity === 'error')).toEqual([]);
          expect(expr).not.toContain('or vector(1) #"}');
        }
      }
    }
  });

  it('refuses what would make a broken query, naming the parameter', () => {
    expect(() => httpTemplates.dashboard({ prefix: 'shop-http' })).toThrow(/prefix: must be a metric name .*"shop-http"/);
    expect(() => httpTemplates.dashboard({ status: 'status code' })).toThrow(/status: must be a label name/);
    expect(() => nodeTemplates.dashboard({ matchers: 'env=prod' })).toThrow(/matchers: must be label matchers such as env="prod"/);
    expect(() => nodeTemplates.dashboard({ matchers: 'env="prod"} or vector(1) or up{' })).toThrow(/matchers: must be label matchers/);
    expect(() => resolveParams(nodeTemplates, { jobb: 'x' })).toThrow(/The node templates take job, matchers; not jobb/);
  });
});

describe('savedPanelsFamily', () => {
  const saved = (uid: string, title: string, gridPos: object | undefined) => ({
    uid,
    title,
    updatedAt: '2026-12-01T10:00:00.000Z',
    panel: { id: 42, type: 'stat', title, ...(gridPos ? { gridPos } : {}), targets: [{ refId: 'A', expr: 'up' }] } as never,
  });

  it('offers each saved panel at its own size, id 1 at the top left, with its date, and lays them all out', () => {
    const family = savedPanelsFamily([saved('a', 'Errors', { x: 5, y: 9, w: 8, h: 5 }), saved('b', '', undefined)]);
    expect(family.parameters).toEqual([]);
    expect(family.panels.map((p) => [p.id, p.title, p.type, p.description])).toEqual([
      ['a', 'Errors', 'stat', 'Saved 2026-12-01.'],
      ['b', 'Untitled panel', 'stat', 'Saved 2026-12-01.'],
    ]);
    expect(family.panels.map((p) => [p.panel().id, p.panel().gridPos])).toEqual([
      [1, { x: 0, y: 0, w: 8, h: 5 }],
      [1, { x: 0, y: 0, w: 12, h: 8 }],
    ]);
    const board = validateDashboard(family.dashboard());
    expect(board.ok && board.dashboard.panels.map((p) => [p.id, p.gridPos])).toEqual([
      [1, { x: 0, y: 0, w: 8, h: 5 }],
      [2, { x: 8, y: 0, w: 12, h: 8 }],
    ]);
  });
});
