/** Datasource edits: each result valid, refusals name the field and what to write, renames follow references, inputs never change. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InvalidArgumentError, SchemaError, parseDashboard, validateDashboard, type Dashboard } from '@promkit/core';
import {
  NEW_DATASOURCE_URL,
  addDatasource,
  datasourceReferences,
  nextDatasourceName,
  removeDatasource,
  setDefaultDatasource,
  updateDatasource,
} from '@promkit/core/edit';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const grid = (y: number) => ({ x: 0, y, w: 12, h: 8 });
const sample = (): Dashboard =>
  deepFreeze(
    parseDashboard({
      schemaVersion: 1,
      title: 'Service',
      datasources: [
        { name: 'main', url: 'http://localhost:9090', default: true },
        { name: 'mimir', url: 'https://mimir.example.com', backend: 'mimir', tenant: 'team-a' },
        { name: 'spare', url: 'http://spare:9090' },
      ],
      variables: [
        { type: 'query', name: 'job', query: 'label_values(up, job)', datasource: 'mimir' },
        { type: 'datasource', name: 'ds' },
      ],
      panels: [
        { id: 1, type: 'timeseries', title: 'Rate', gridPos: grid(0), datasource: 'mimir', targets: [{ refId: 'A', expr: 'up' }] },
        { id: 2, type: 'row', title: 'More', gridPos: { x: 0, y: 8, w: 24, h: 1 }, collapsed: true, panels: [{ id: 3, type: 'stat', title: 'Up', gridPos: grid(9), datasource: 'mimir' }] },
        { id: 4, type: 'stat', title: 'Via var', gridPos: grid(20), datasource: '$ds' },
      ],
      annotations: [{ type: 'prometheus', name: 'Deploys', expr: 'changes(build_info[5m]) > 0', datasource: 'mimir' }],
    }),
  );

function problemsOf(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SchemaError);
    return (error as SchemaError).problems.map((p) => ({ path: p.path, message: p.message }));
  }
  throw new Error('expected a SchemaError');
}

describe('addDatasource', () => {
  it('appends a valid Prometheus datasource with a free name and the local URL', () => {
    const d = sample();
    const { dashboard, index } = addDatasource(d);
    expect(index).toBe(3);
    expect(dashboard.datasources[3]).toEqual({ name: 'prometheus', type: 'prometheus', url: NEW_DATASOURCE_URL, backend: 'prometheus', scrapeInterval: '15s' });
    expect(dashboard.panels).toBe(d.panels);
    const again = addDatasource(addDatasource(dashboard).dashboard).dashboard;
    expect(again.datasources.map((ds) => ds.name).slice(3)).toEqual(['prometheus', 'prometheus-2', 'prometheus-3']);
  });

  it('a new default takes the default from the others', () => {
    const { dashboard } = addDatasource(sample(), { name: 'vm', url: 'http://vm:8428', backend: 'victoriametrics', default: true });
    expect(dashboard.datasources.filter((ds) => ds.default).map((ds) => ds.name)).toEqual(['vm']);
  });

  it('refuses a taken name and an empty URL with paths', () => {
    expect(problemsOf(() => addDatasource(sample(), { name: 'main', url: '' })).map((p) => p.path)).toEqual(['datasources[3].name', 'datasources[3].url']);
  });
});

describe('updateDatasource', () => {
  it('changes url, backend, tenant, scrape interval and authRef; "" removes optional keys', () => {
    const d = sample();
    const next = updateDatasource(d, 1, { url: ' http://mimir:8080 ', backend: 'cortex', tenant: 'team-b', scrapeInterval: '30s', authRef: 'mimir-token' });
    expect(next.datasources[1]).toEqual({ name: 'mimir', type: 'prometheus', url: 'http://mimir:8080', backend: 'cortex', tenant: 'team-b', scrapeInterval: '30s', authRef: 'mimir-token' });
    expect(next.datasources[0]).toBe(d.datasources[0]);
    const cleared = updateDatasource(next, 1, { tenant: '', authRef: '' });
    expect(cleared.datasources[1]).not.toHaveProperty('tenant');
    expect(cleared.datasources[1]).not.toHaveProperty('authRef');
  });

  for (const [changes, path, words] of [
    [{ url: '' }, 'datasources[1].url', 'must not be empty'],
    [{ url: 'ftp://x' }, 'datasources[1].url', 'not an http(s) URL'],
    [{ scrapeInterval: 'often' }, 'datasources[1].scrapeInterval', 'duration such as'],
    [{ name: '' }, 'datasources[1].name', 'must not be empty'],
    [{ name: 'main' }, 'datasources[1].name', 'another datasource'],
    [{ name: '$ds' }, 'datasources[1].name', 'variable reference'],
    [{ timeout: '0s' }, 'datasources[1].timeout', 'from 1ms'],
  ] as const) {
    it(`refuses ${JSON.stringify(changes)} at ${path}`, () => {
      const problems = problemsOf(() => updateDatasource(sample(), 1, changes));
      expect(problems[0]!.path).toBe(path);
      expect(problems[0]!.message).toContain(words);
    });
  }

  it('a rename rewrites every reference to it and nothing else', () => {
    const d = sample();
    const next = updateDatasource(d, 1, { name: 'mimir-eu' });
    expect(datasourceReferences(next, 'mimir')).toEqual([]);
    expect(datasourceReferences(next, 'mimir-eu')).toEqual(datasourceReferences(d, 'mimir'));
    expect(next.panels[2]).toBe(d.panels[2]);
    expect(next.variables[1]).toBe(d.variables[1]);
    expect(validateDashboard(next).ok).toBe(true);
  });

  it('throws InvalidArgumentError for an index that does not exist', () => {
    for (const i of [-1, 3, 0.5]) expect(() => updateDatasource(sample(), i, { url: 'http://x' })).toThrow(InvalidArgumentError);
    expect(() => removeDatasource(sample(), 3)).toThrow(InvalidArgumentError);
  });
});

describe('setDefaultDatasource and removeDatasource', () => {
  it('leaves exactly one default', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 6 }), (picks) => {
        let d = sample();
        for (const i of picks) d = setDefaultDatasource(d, i);
        expect(d.datasources.map((ds) => ds.default === true)).toEqual([0, 1, 2].map((i) => i === picks.at(-1)));
      }),
    );
  });

  it('refuses to remove a datasource something names, listing the paths', () => {
    const problems = problemsOf(() => removeDatasource(sample(), 1));
    expect(problems.map((p) => p.path)).toEqual(['panels[0].datasource', 'panels[1].panels[0].datasource', 'variables[0].datasource', 'annotations[0].datasource']);
    const next = removeDatasource(sample(), 2);
    expect(next.datasources.map((ds) => ds.name)).toEqual(['main', 'mimir']);
  });
});

describe('properties', () => {
  const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);
  it('any sequence of adds, renames and removes gives a valid dashboard and never changes its input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.record({ op: fc.constant('add' as const) }), fc.record({ op: fc.constant('rename' as const), i: fc.nat(5), to: name }), fc.record({ op: fc.constant('remove' as const), i: fc.nat(5) })), { maxLength: 12 }),
        (ops) => {
          let d = sample();
          for (const op of ops) {
            const before = JSON.stringify(d);
            try {
              if (op.op === 'add') d = addDatasource(d).dashboard;
              else if (op.op === 'rename') {
                const old = d.datasources[op.i]?.name;
                const refs = old === undefined ? [] : datasourceReferences(d, old);
                const next = updateDatasource(d, op.i, { name: op.to });
                expect(datasourceReferences(next, op.to).length).toBeGreaterThanOrEqual(refs.length);
                d = next;
              } else d = removeDatasource(d, op.i);
            } catch (error) {
              expect(error instanceof SchemaError || error instanceof InvalidArgumentError).toBe(true);
              expect(JSON.stringify(d)).toBe(before);
            }
            expect(validateDashboard(d).ok).toBe(true);
            deepFreeze(d);
          }
        },
      ),
    );
  });

  it('nextDatasourceName is never taken', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), (n) => {
        let d = sample();
        for (let i = 0; i < n; i++) d = addDatasource(d).dashboard;
        expect(d.datasources.map((ds) => ds.name)).not.toContain(nextDatasourceName(d));
      }),
    );
  });
});
