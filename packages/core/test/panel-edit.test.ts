/** Panel edit operations: every result passes the schema, inputs are never changed. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  InvalidArgumentError,
  PANEL_TYPES,
  SchemaError,
  parsePanel,
  type Panel,
  type ValueMapping,
} from '@promkit/core';
import {
  NEW_DATA_LINK,
  PANEL_TYPE_OPTIONS,
  addDataLink,
  addMapping,
  addOverride,
  addTarget,
  addThresholdStep,
  changeType,
  moveTarget,
  nextRefId,
  removeDataLink,
  removeMapping,
  removeOverride,
  removeTarget,
  removeThresholdStep,
  setDescription,
  setField,
  setOption,
  setOverrideMatcher,
  setOverrideProperty,
  setThresholdMode,
  setTitle,
  updateDataLink,
  updateMapping,
  updateTarget,
  updateThresholdStep,
} from '@promkit/core/edit';

const base: Panel = parsePanel({ id: 1, type: 'timeseries', gridPos: { x: 0, y: 0, w: 12, h: 8 }, targets: [{ refId: 'A', expr: 'up' }] });

/** Deep-freezes a value so any mutation throws in strict mode. */
function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) frozen(v);
  }
  return value;
}

const color = fc.oneof(
  fc.constantFrom('green', 'red', 'semi-dark-orange', '#e02f44', 'rgba(1, 2, 3, 0.5)', 'transparent'),
  // Not colours: the operations must refuse them.
  fc.constantFrom('', 'red;position:fixed', 'url(x)', 'var(--a)', 'not-a-colour'),
);
const index = fc.integer({ min: -1, max: 4 });
const num = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
const mappingResult = fc.record({ text: fc.string({ maxLength: 6 }), color }, { requiredKeys: [] });
const mapping: fc.Arbitrary<ValueMapping> = fc.oneof(
  fc.record({ type: fc.constant('value' as const), options: fc.dictionary(fc.string({ maxLength: 4 }), mappingResult, { maxKeys: 3 }) }),
  fc.record({ type: fc.constant('range' as const), options: fc.record({ from: fc.option(num, { nil: null }), to: fc.option(num, { nil: null }), result: mappingResult }) }),
  fc.record({ type: fc.constant('regex' as const), options: fc.record({ pattern: fc.string({ maxLength: 6 }), result: mappingResult }) }),
  fc.record({
    type: fc.constant('special' as const),
    options: fc.record({ match: fc.constantFrom('nan', 'null', 'null+nan', 'true', 'false', 'empty') as fc.Arbitrary<'nan'>, result: mappingResult }),
  }),
);
const matcher = fc.record({ id: fc.constantFrom('byName', 'byRegexp', 'byFrameRefID') as fc.Arbitrary<'byName'>, options: fc.string({ maxLength: 8 }) });
/** Field paths with values, some valid and some not (decimals 30, a colour mode that doesn't exist). */
const fieldSetting = fc.oneof(
  fc.tuple(fc.constant('unit'), fc.constantFrom('bytes', 'reqps', 'widgets', undefined)),
  fc.tuple(fc.constant('decimals'), fc.constantFrom(0, 2, 20, 30, -1, 1.5, undefined)),
  fc.tuple(fc.constantFrom('min', 'max'), fc.option(num, { nil: undefined })),
  fc.tuple(fc.constant('displayName'), fc.option(fc.string({ maxLength: 10 }), { nil: undefined })),
  fc.tuple(fc.constant('color.mode'), fc.constantFrom('palette-classic', 'fixed', 'thresholds', 'rainbow', undefined)),
  fc.tuple(fc.constant('color.fixedColor'), color),
  fc.tuple(fc.constant('custom.fillOpacity'), fc.constantFrom(0, 50, 100, 101)),
  fc.tuple(fc.constant('custom.stacking.mode'), fc.constantFrom('none', 'normal', 'percent', 'sideways')),
  fc.tuple(fc.constant('custom.axisScale.type'), fc.constantFrom('linear', 'log')),
  fc.tuple(fc.constant('__proto__.polluted'), fc.constant(1)),
);

type Op = { name: string; apply: (p: Panel) => Panel };
const op = (name: string, apply: (p: Panel) => Panel): Op => ({ name, apply });

const ops: fc.Arbitrary<Op> = fc.oneof(
  fc.constantFrom(...PANEL_TYPES).map((t) => op(`changeType ${t}`, (p) => changeType(p, t))),
  fc.string({ maxLength: 8 }).map((t) => op('setTitle', (p) => setTitle(p, t))),
  fc.option(fc.string({ maxLength: 8 }), { nil: undefined }).map((d) => op('setDescription', (p) => setDescription(p, d))),
  fc.constantFrom('rate(x[5m])', 'up', '').map((e) => op(`addTarget ${e}`, (p) => addTarget(p, e))),
  index.map((i) => op(`removeTarget ${i}`, (p) => removeTarget(p, i))),
  fc.tuple(index, index).map(([a, b]) => op(`moveTarget ${a} ${b}`, (p) => moveTarget(p, a, b))),
  fc
    .tuple(
      index,
      fc.record(
        {
          expr: fc.constantFrom('sum(up)', ''),
          legendFormat: fc.constantFrom('{{job}}', undefined),
          instant: fc.boolean(),
          hide: fc.boolean(),
          minInterval: fc.constantFrom('30s', '1m', 'soon', undefined),
          refId: fc.constantFrom('A', 'B', 'Q1', '1x'),
        },
        { requiredKeys: [] },
      ),
    )
    .map(([i, c]) => op(`updateTarget ${i} ${JSON.stringify(c)}`, (p) => updateTarget(p, i, c))),
  fieldSetting.map(([path, value]) => op(`setField ${path}=${JSON.stringify(value)}`, (p) => setField(p, path, value))),
  fc.constantFrom('absolute', 'percentage' as const).map((m) => op('setThresholdMode', (p) => setThresholdMode(p, m as 'absolute'))),
  fc.tuple(color, fc.option(num, { nil: undefined })).map(([c, v]) => op(`addThresholdStep ${c} ${v}`, (p) => addThresholdStep(p, c, v))),
  fc
    .tuple(index, fc.record({ value: num, color }, { requiredKeys: [] }))
    .map(([i, c]) => op(`updateThresholdStep ${i} ${JSON.stringify(c)}`, (p) => updateThresholdStep(p, i, c))),
  index.map((i) => op(`removeThresholdStep ${i}`, (p) => removeThresholdStep(p, i))),
  mapping.map((m) => op(`addMapping ${JSON.stringify(m)}`, (p) => addMapping(p, m))),
  fc.tuple(index, mapping).map(([i, m]) => op(`updateMapping ${i}`, (p) => updateMapping(p, i, m))),
  index.map((i) => op(`removeMapping ${i}`, (p) => removeMapping(p, i))),
  matcher.map((m) => op(`addOverride ${JSON.stringify(m)}`, (p) => addOverride(p, m))),
  index.map((i) => op(`removeOverride ${i}`, (p) => removeOverride(p, i))),
  fc.tuple(index, matcher).map(([i, m]) => op(`setOverrideMatcher ${i}`, (p) => setOverrideMatcher(p, i, m))),
  fc.tuple(index, fieldSetting).map(([i, [id, v]]) => op(`setOverrideProperty ${i} ${id}=${JSON.stringify(v)}`, (p) => setOverrideProperty(p, i, id, v))),
  fc.constantFrom('area', 'none', 'sideways').map((g) => op(`setOption graphMode ${g}`, (p) => setOption(p, 'graphMode', g as 'area'))),
  fc.constantFrom('list', 'table', 'gone').map((m) => op(`setOption legend ${m}`, (p) => setOption(p, 'legend', { displayMode: m as 'list', placement: 'bottom', calcs: [] }))),
);

describe('panel edit operations', () => {
  it('random sequences of edits give panels that pass the schema, with sorted thresholds, never changing their input', () => {
    fc.assert(
      fc.property(fc.array(ops, { maxLength: 30 }), (sequence) => {
        let panel = frozen(structuredClone(base));
        for (const { name, apply } of sequence) {
          const before = JSON.stringify(panel);
          let next: Panel;
          try {
            next = apply(panel);
          } catch (error) {
            // Refused: an invalid value or a missing index, reported as such, the panel unchanged.
            expect(error instanceof SchemaError || error instanceof InvalidArgumentError, String(error)).toBe(true);
            expect(JSON.stringify(panel)).toBe(before);
            continue;
          }
          expect(JSON.stringify(panel)).toBe(before);
          expect(() => parsePanel(next)).not.toThrow();
          const steps = next.fieldConfig.defaults.thresholds?.steps ?? [];
          if (steps.length > 0) {
            expect(steps[0]!.value).toBe(null);
            const values = steps.slice(1).map((s) => s.value as number);
            expect(values.every((v) => typeof v === 'number')).toBe(true);
            expect(values).toEqual([...values].sort((a, b) => a - b));
          }
          expect(new Set(next.targets.map((t) => t.refId)).size).toBe(next.targets.length);
          // A type change (to another type) leaves only the options the new type reads.
          if (name.startsWith('changeType') && next.type !== panel.type) {
            const allowed = new Set<string>(PANEL_TYPE_OPTIONS[next.type]);
            expect(Object.keys(next.options).filter((k) => !allowed.has(k))).toEqual([]);
          }
          panel = frozen(next);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('changeType', () => {
  const stat = parsePanel({
    ...base,
    type: 'stat',
    options: { reduceOptions: { calcs: ['max'] }, graphMode: 'none', legend: { displayMode: 'table' } },
    fieldConfig: { defaults: { unit: 'bytes', custom: { fillOpacity: 20 } }, overrides: [] },
  });
  it('keeps targets, title and field defaults, keeps options the new type reads and drops the rest', () => {
    const gauge = changeType(stat, 'gauge');
    expect(gauge.targets).toBe(stat.targets);
    expect(gauge.options).toEqual({ reduceOptions: { calcs: ['max'] } });
    expect(gauge.fieldConfig.defaults).toEqual({ unit: 'bytes' });
    const timeseries = changeType(stat, 'timeseries');
    expect(timeseries.options).toEqual({ legend: { displayMode: 'table', placement: 'bottom', calcs: [] } });
    expect(timeseries.fieldConfig.defaults.custom).toEqual({ fillOpacity: 20 });
  });
});

describe('targets', () => {
  it('adds with the next free refId and moves and removes by index', () => {
    expect(nextRefId([{ refId: 'A' }, { refId: 'C' }])).toBe('B');
    expect(nextRefId(Array.from({ length: 26 }, (_, i) => ({ refId: String.fromCharCode(65 + i) })))).toBe('AA');
    let p = addTarget(addTarget(base, 'b'), 'c');
    expect(p.targets.map((t) => t.refId)).toEqual(['A', 'B', 'C']);
    p = moveTarget(p, 2, 0);
    expect(p.targets.map((t) => t.refId)).toEqual(['C', 'A', 'B']);
    p = removeTarget(p, 1);
    expect(addTarget(p, 'd').targets.map((t) => t.refId)).toEqual(['C', 'B', 'A']);
  });
  it('refuses an empty query with the path of the problem', () => {
    let thrown: unknown;
    try {
      updateTarget(base, 0, { expr: '' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SchemaError);
    expect((thrown as SchemaError).problems.map((p) => p.path)).toEqual(['targets[0].expr']);
  });
  it('removes a setting given as undefined', () => {
    const p = updateTarget(base, 0, { legendFormat: '{{job}}', minInterval: '1m' });
    expect(updateTarget(p, 0, { legendFormat: undefined }).targets[0]).toEqual({ refId: 'A', expr: 'up', instant: false, hide: false, minInterval: '1m' });
  });
});

describe('thresholds', () => {
  it('keeps the base step first and the others sorted as values change', () => {
    let p = addThresholdStep(addThresholdStep(base, 'orange', 50), 'red', 90);
    p = updateThresholdStep(p, 2, { value: 10 });
    expect(p.fieldConfig.defaults.thresholds!.steps).toEqual([
      { value: null, color: 'green' },
      { value: 10, color: 'red' },
      { value: 50, color: 'orange' },
    ]);
    p = removeThresholdStep(p, 0);
    expect(p.fieldConfig.defaults.thresholds!.steps).toEqual([{ value: null, color: 'red' }, { value: 50, color: 'orange' }]);
  });
  it('refuses a colour that is not one', () => {
    expect(() => addThresholdStep(base, 'red;position:fixed')).toThrow(SchemaError);
  });
});

describe('field defaults and overrides', () => {
  it('sets and removes by path, pruning emptied objects', () => {
    const p = setField(base, 'custom.stacking.mode', 'normal');
    expect(p.fieldConfig.defaults).toEqual({ custom: { stacking: { mode: 'normal' } } });
    expect(setField(p, 'custom.stacking.mode', undefined).fieldConfig.defaults).toEqual({});
  });
  it('checks an override value as the field default at the same path', () => {
    const p = addOverride(base, { id: 'byName', options: 'x' });
    expect(setOverrideProperty(p, 0, 'unit', 'bytes').fieldConfig.overrides[0]!.properties).toEqual([{ id: 'unit', value: 'bytes' }]);
    expect(() => setOverrideProperty(p, 0, 'decimals', 40)).toThrow(SchemaError);
    expect(() => setOverrideProperty(p, 0, 'color', { mode: 'fixed', fixedColor: 'url(x)' })).toThrow(SchemaError);
  });
  it('adds, replaces and removes value mappings', () => {
    const mapping: ValueMapping = { type: 'value', options: { '1': { text: 'up', color: 'green' } } };
    let p = addMapping(base, mapping);
    p = updateMapping(p, 0, { type: 'special', options: { match: 'nan', result: { text: 'n/a' } } });
    expect(p.fieldConfig.defaults.mappings).toEqual([{ type: 'special', options: { match: 'nan', result: { text: 'n/a' } } }]);
    expect(removeMapping(p, 0).fieldConfig.defaults).toEqual({});
  });
  it('adds, changes and removes data links; an unsafe URL or an empty title is refused with its path', () => {
    let p = addDataLink(base);
    expect(p.fieldConfig.defaults.links).toEqual([NEW_DATA_LINK]);
    p = updateDataLink(p, 0, { title: 'Node', url: '/nodes?n=${__field.labels.node}', targetBlank: true });
    p = addDataLink(p, { title: 'Docs', url: 'https://example.org/x' });
    expect(p.fieldConfig.defaults.links).toEqual([{ title: 'Node', url: '/nodes?n=${__field.labels.node}', targetBlank: true }, { title: 'Docs', url: 'https://example.org/x' }]);
    expect(updateDataLink(p, 0, { targetBlank: undefined }).fieldConfig.defaults.links![0]).toEqual({ title: 'Node', url: '/nodes?n=${__field.labels.node}' });
    expect(() => updateDataLink(p, 1, { url: 'javascript:alert(1)' })).toThrow(/fieldConfig\.defaults\.links\[1\]\.url/);
    expect(() => updateDataLink(p, 0, { title: '' })).toThrow(SchemaError);
    expect(() => updateDataLink(p, 2, { title: 'x' })).toThrow(InvalidArgumentError);
    expect(removeDataLink(removeDataLink(p, 0), 0).fieldConfig.defaults).toEqual({});
  });
});
