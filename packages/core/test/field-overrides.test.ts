/** fieldFor: the defaults with matching overrides applied, never changing the panel. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fieldFor, overrideMatches, parsePanel, type Panel } from '@promkit/core';

type FieldConfig = Panel['fieldConfig'];
type Override = FieldConfig['overrides'][number];

const byName = (options: string, properties: Override['properties']): Override => ({ matcher: { id: 'byName', options }, properties });

describe('fieldFor', () => {
  it('applies overrides that match by name, by /regex/flags on the name and by refId, later ones winning', () => {
    const fieldConfig: FieldConfig = {
      defaults: { unit: 's', custom: { fillOpacity: 10 } },
      overrides: [
        byName('errors', [{ id: 'unit', value: 'percent' }, { id: 'custom.fillOpacity', value: 50 }]),
        { matcher: { id: 'byRegexp', options: '/^ERR/i' }, properties: [{ id: 'decimals', value: 2 }] },
        { matcher: { id: 'byFrameRefID', options: 'B' }, properties: [{ id: 'unit', value: 'bytes' }] },
      ],
    };
    expect(fieldFor({ fieldConfig }, 'errors', 'A')).toEqual({ unit: 'percent', decimals: 2, custom: { fillOpacity: 50 } });
    expect(fieldFor({ fieldConfig }, 'errors', 'B')).toEqual({ unit: 'bytes', decimals: 2, custom: { fillOpacity: 50 } });
    expect(fieldFor({ fieldConfig }, 'latency', 'A')).toEqual({ unit: 's', custom: { fillOpacity: 10 } });
  });

  it('creates missing objects on a path and never writes through __proto__, constructor or prototype', () => {
    const fieldConfig: FieldConfig = {
      defaults: {},
      overrides: [
        byName('a', [
          { id: 'custom.stacking.mode', value: 'normal' },
          { id: '__proto__.polluted', value: true },
          { id: 'custom.constructor.prototype.polluted', value: true },
        ]),
      ],
    };
    const field = fieldFor({ fieldConfig }, 'a', 'A');
    expect(field).toEqual({ custom: { stacking: { mode: 'normal' } } });
    expect(({} as Record<string, unknown>)['polluted']).toBe(undefined);
    expect(Object.getPrototypeOf(field)).toBe(Object.prototype);
  });

  it('byName matches the whole name exactly; byRegexp matches a part unless anchored', () => {
    expect(overrideMatches({ id: 'byName', options: 'up' }, 'up{job="a"}', 'A')).toBe(false);
    expect(overrideMatches({ id: 'byRegexp', options: 'up' }, 'up{job="a"}', 'A')).toBe(true);
    expect(overrideMatches({ id: 'byFrameRefID', options: 'A' }, 'anything', 'A')).toBe(true);
  });

  const json = fc.jsonValue();
  const override = fc.record({
    matcher: fc.record({ id: fc.constantFrom('byName' as const, 'byRegexp' as const, 'byFrameRefID' as const), options: fc.constantFrom('a', 'b', '.*', 'A') }),
    properties: fc.array(fc.record({ id: fc.constantFrom('unit', 'custom.fillOpacity', 'custom.stacking.mode', 'thresholds', '__proto__.x', 'custom'), value: json })),
  });
  const config = fc.record({
    defaults: fc.record({ unit: fc.string(), custom: fc.record({ fillOpacity: fc.integer({ min: 0, max: 100 }) }) }, { requiredKeys: [] }),
    overrides: fc.array(override, { maxLength: 4 }),
  });

  it('never changes the panel, and its result shares no object with it (property)', () => {
    fc.assert(
      fc.property(config, fc.constantFrom('a', 'b'), fc.constantFrom('A', 'B'), (fieldConfig, name, refId) => {
        const before = structuredClone(fieldConfig);
        const field = fieldFor({ fieldConfig }, name, refId) as Record<string, unknown>;
        expect(fieldConfig).toEqual(before);
        // Changing the result leaves the panel as it was.
        if (typeof field['custom'] === 'object' && field['custom'] !== null) (field['custom'] as Record<string, unknown>)['fillOpacity'] = -1;
        field['unit'] = 'changed';
        expect(fieldConfig).toEqual(before);
      }),
    );
  });

  it('without a matching override is a copy of the defaults (property)', () => {
    fc.assert(
      fc.property(config, (fieldConfig) => {
        fc.pre(!fieldConfig.overrides.some((o) => o.matcher.options === '.*'));
        expect(fieldFor({ fieldConfig }, 'zzz', 'Z')).toEqual(fieldConfig.defaults);
      }),
    );
  });
});

describe("Grafana's other matchers", () => {
  const panel = (matcher: unknown) => parsePanel({ id: 1, type: 'timeseries', gridPos: { x: 0, y: 0, w: 6, h: 4 }, fieldConfig: { defaults: { unit: 'short' }, overrides: [{ matcher, properties: [{ id: 'unit', value: 'bytes' }] }] } });
  const unitOf = (matcher: unknown, name: string, values?: number[]) => fieldFor(panel(matcher), name, 'A', values).unit;

  it('byNames includes or excludes a list of display names', () => {
    expect(unitOf({ id: 'byNames', options: { mode: 'include', names: ['rx', 'tx'] } }, 'tx')).toBe('bytes');
    expect(unitOf({ id: 'byNames', options: { mode: 'include', names: ['rx', 'tx'] } }, 'err')).toBe('short');
    expect(unitOf({ id: 'byNames', options: { mode: 'exclude', names: ['p50'], prefix: 'All except:', readOnly: true } }, 'p99')).toBe('bytes');
    expect(unitOf({ id: 'byNames', options: { mode: 'exclude', names: ['p50'] } }, 'p50')).toBe('short');
  });

  it('byType number matches every series; byValue compares a reduction, and needs the values', () => {
    expect(unitOf({ id: 'byType', options: 'number' }, 'any')).toBe('bytes');
    expect(unitOf({ id: 'byType', options: 'string' }, 'any')).toBe('short');
    const big = { id: 'byValue', options: { reducer: 'max', op: 'gte', value: 100 } };
    expect(unitOf(big, 's', [5, 150])).toBe('bytes');
    expect(unitOf(big, 's', [5, 99])).toBe('short');
    expect(unitOf(big, 's')).toBe('short');
    expect(unitOf({ id: 'byValue', options: { reducer: 'mean', op: 'lt', value: 1 } }, 's', [Number.NaN])).toBe('short');
    // Grafana's "hide series that are all zero": allIsZero reduces to 1 when every sample is 0.
    const zeros = { id: 'byValue', options: { reducer: 'allIsZero', op: 'gte', value: 1 } };
    expect([unitOf(zeros, 's', [0, 0]), unitOf(zeros, 's', [0, 2])]).toEqual(['bytes', 'short']);
    const nulls = { id: 'byValue', options: { reducer: 'allIsNull', op: 'gte', value: 1 } };
    expect([unitOf(nulls, 's', [Number.NaN]), unitOf(nulls, 's', [Number.NaN, 1])]).toEqual(['bytes', 'short']);
  });

  it('the schema names a matcher it does not know, and bad options', () => {
    expect(() => panel({ id: 'byNmae', options: 'x' })).toThrow(/"byNmae" is not a matcher; use one of byName, byRegexp, byFrameRefID, byNames, byType, byValue/);
    expect(() => panel({ id: 'byValue', options: { reducer: 'max', op: 'above', value: 1 } })).toThrow(/matcher\.options\.op/);
  });
});
