/** A panel's effective spec: its `spec` property wins; else one is built from its attributes. */
import { describe, expect, it } from 'vitest';
import { parsePanel, type PanelAttributes } from '../src/components/panel/spec.js';

const attributes: PanelAttributes = {
  type: 'stat',
  title: 'Up',
  query: 'up',
  instant: true,
  legendFormat: '{{job}}',
  unit: 'bytes',
  decimals: 1,
  legend: 'table',
  legendPlacement: 'right',
  datasource: 'prom',
};

describe('parsePanel', () => {
  it('builds the spec from the attributes, one target A', () => {
    const parsed = parsePanel(undefined, attributes);
    if (!('spec' in parsed)) throw parsed.error;
    const { spec } = parsed;
    expect([spec.type, spec.title, spec.datasource]).toEqual(['stat', 'Up', 'prom']);
    expect(spec.targets).toMatchObject([{ refId: 'A', expr: 'up', instant: true, legendFormat: '{{job}}' }]);
    expect(spec.fieldConfig.defaults).toMatchObject({ unit: 'bytes', decimals: 1 });
    expect(spec.options.legend).toMatchObject({ displayMode: 'table', placement: 'right' });
  });

  it('without a query there is no target', () => {
    const parsed = parsePanel(undefined, { ...attributes, query: undefined });
    expect('spec' in parsed && parsed.spec.targets).toEqual([]);
  });

  it('a spec wins over the attributes', () => {
    const parsed = parsePanel({ type: 'table', title: 'T', targets: [{ refId: 'B', expr: 'x' }] }, attributes);
    expect('spec' in parsed && [parsed.spec.type, parsed.spec.title, parsed.spec.targets.map((t) => t.refId)]).toEqual(['table', 'T', ['B']]);
  });

  it('invalid settings are a SchemaError naming each problem', () => {
    const parsed = parsePanel(undefined, { ...attributes, type: 'pie' as never });
    expect('error' in parsed && parsed.error.name).toBe('SchemaError');
    expect('error' in parsed && 'problems' in parsed.error && (parsed.error.problems as { path: string }[]).map((p) => p.path)).toContain('type');
  });
});
