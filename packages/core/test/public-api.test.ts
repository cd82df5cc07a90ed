import { describe, expect, it } from 'vitest';
import * as core from '@promkit/core';
import * as grafana from '@promkit/core/grafana';
import { SchemaError, parsePanel } from '@promkit/core';

describe('@promkit/core root exports', () => {
  it('keeps internal helpers and Grafana errors out of the root', () => {
    for (const name of ['mergeTail', 'labelsKey', 'compareLabels', 'schemaProblemsOf', 'GrafanaApiError', 'GrafanaConflictError']) {
      expect(Object.keys(core), name).not.toContain(name);
    }
    expect(Object.keys(grafana)).toEqual(expect.arrayContaining(['GrafanaApiError', 'GrafanaConflictError', 'GrafanaClient']));
  });
});

describe('parsePanel', () => {
  const panel = { id: 1, type: 'timeseries', gridPos: { x: 0, y: 0, w: 12, h: 8 }, targets: [{ refId: 'A', expr: 'up' }] };
  it('returns the panel with defaults', () => {
    expect(parsePanel(panel)).toMatchObject({ title: '', targets: [{ refId: 'A', expr: 'up' }], fieldConfig: { defaults: {}, overrides: [] } });
  });
  it('throws a SchemaError listing every problem with its path', () => {
    let thrown: unknown;
    try {
      parsePanel({ ...panel, type: 'timeserie', gridPos: { x: 0, y: 0, w: 30, h: 8 } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SchemaError);
    const problems = (thrown as SchemaError).problems;
    expect(problems.map((p) => p.path).sort()).toEqual(['gridPos.w', 'type']);
    expect(problems.find((p) => p.path === 'type')!.message).toMatch(/did you mean "timeseries"/);
    expect((thrown as SchemaError).message).toMatch(/2 problems/);
  });
});
