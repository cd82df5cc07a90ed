/** Variable edit operations: every result is valid, inputs never change, rename rewrites whole names only. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  InvalidArgumentError,
  SchemaError,
  isPromkitError,
  parseDashboard,
  validateDashboard,
  variablesIn,
  type Dashboard,
  type DashboardInput,
} from '@promkit/core';
import {
  NEW_VARIABLE_QUERIES,
  VARIABLE_TYPES,
  addVariable,
  changeVariableType,
  moveVariable,
  removeVariable,
  renameIn,
  renameVariable,
  updateVariable,
  variableReferences,
  type VariableType,
} from '@promkit/core/edit';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const dash = (input: Partial<DashboardInput> = {}): Dashboard => deepFreeze(parseDashboard({ schemaVersion: 1, title: 'Vars', ...input }));

/** Two datasources, a datasource variable, variables that use each other, panels and a row that use them. */
const sample = (): Dashboard =>
  dash({
    datasources: [
      { name: 'main', url: 'http://a', default: true },
      { name: 'other', url: 'http://b' },
    ],
    variables: [
      { type: 'datasource', name: 'ds' },
      { type: 'query', name: 'job', datasource: '${ds}', query: 'label_values(up, job)', multi: true, includeAll: true, allValue: '.*', label: 'Job', description: 'Which job', hide: 'label' },
      { type: 'query', name: 'instance', datasource: '$ds', query: 'label_values(up{job=~"$job"}, instance)', regex: '/$job-(.*)/' },
      { type: 'custom', name: 'jobs', query: '[[job]],x,$jobs_extra' },
      { type: 'interval', name: 'step', query: '1m,5m' },
    ],
    panels: [
      {
        id: 1,
        type: 'timeseries',
        title: 'Requests of $job on ${instance}',
        description: 'For [[job]] (not $jobs)',
        datasource: '$ds',
        repeat: 'job',
        gridPos: { x: 0, y: 0, w: 12, h: 8 },
        targets: [{ refId: 'A', expr: 'rate(http_requests_total{job=~"${job:regex}", instance="$instance"}[$step])', legendFormat: '{{instance}} $job' }],
        fieldConfig: { defaults: { displayName: '${job:text}' }, overrides: [{ matcher: { id: 'byName', options: 'x' }, properties: [{ id: 'displayName', value: '$job!' }] }] },
        links: [{ title: 'More on $job', url: '/d/x?var-job=${job:queryparam}' }],
      },
      { id: 2, type: 'row', title: 'Row of $job', repeat: 'job', gridPos: { x: 0, y: 8, w: 24, h: 1 }, collapsed: true, panels: [{ id: 3, type: 'text', title: '$job', gridPos: { x: 0, y: 9, w: 6, h: 3 }, options: { content: 'Job **$job**, costs $5' } }] },
    ],
    links: [{ title: 'All of $job', url: '/x?job=$job' }],
    annotations: [{ type: 'prometheus', name: 'Deploys', expr: 'changes(build_info{job="$job"}[5m]) > 0', datasource: '$ds' }],
  });

function expectSchemaError(fn: () => unknown, path: string, message?: RegExp): void {
  try {
    fn();
  } catch (error) {
    expect(isPromkitError(error, 'SchemaError'), String(error)).toBe(true);
    const problems = (error as SchemaError).problems;
    expect(problems.map((p) => p.path)).toContain(path);
    if (message) expect(problems.find((p) => p.path === path)!.message).toMatch(message);
    return;
  }
  throw new Error('expected a SchemaError');
}

describe('addVariable', () => {
  it('adds a valid variable of each type with a unique name, at the end', () => {
    let d = dash();
    for (const type of VARIABLE_TYPES) {
      const added = addVariable(d, type);
      expect(added.index).toBe(d.variables.length);
      expect(validateDashboard(added.dashboard).ok).toBe(true);
      const v = added.dashboard.variables[added.index]!;
      expect(v.type).toBe(type);
      expect(v.name).toBe(`${type}1`);
      expect(v.query).toBe(NEW_VARIABLE_QUERIES[type]);
      // As the schema reads it: nothing left for the defaults to fill in.
      expect(parseDashboard(added.dashboard).variables[added.index]).toEqual(v);
      d = added.dashboard;
    }
    expect(addVariable(d, 'query').dashboard.variables.at(-1)!.name).toBe('query2');
    expect(d.variables.map((v) => v.type)).toEqual(VARIABLE_TYPES);
  });

  it('the defaults are these', () => {
    expect(addVariable(dash(), 'query').dashboard.variables[0]).toEqual({ name: 'query1', type: 'query', hide: 'none', multi: false, includeAll: false, query: 'label_values(up, job)', sort: 'none', refresh: 'load' });
    expect(addVariable(dash(), 'interval').dashboard.variables[0]).toEqual({ name: 'interval1', type: 'interval', hide: 'none', query: '1m,5m,10m,30m,1h', auto: false, autoCount: 30, autoMin: '10s' });
  });

  it('refuses a name in use or one the schema refuses, with the path of the name', () => {
    const d = sample();
    expectSchemaError(() => addVariable(d, 'custom', 'job'), 'variables[5].name', /"job" is the name of variables\[1\]; choose/);
    expectSchemaError(() => addVariable(d, 'custom', 'a-b'), 'variables[5].name', /letters, digits and _/);
    expectSchemaError(() => addVariable(d, 'custom', '__x'), 'variables[5].name', /reserved/);
    expect(() => addVariable(d, 'pie' as VariableType)).toThrow(InvalidArgumentError);
  });
});

describe('updateVariable, removeVariable, moveVariable', () => {
  it('updates with the schema checking the value; the error names the field', () => {
    const d = sample();
    const v = d.variables[1]!;
    const next = updateVariable(d, 1, { ...v, query: 'label_values(job)' } as typeof v);
    expect(next.variables[1]!.query).toBe('label_values(job)');
    expect(next.variables[0]).toBe(d.variables[0]);
    expect(next.panels).toBe(d.panels);
    expectSchemaError(() => updateVariable(d, 1, { ...v, query: '' } as typeof v), 'variables[1].query', /at least 1 character/);
    expectSchemaError(() => updateVariable(d, 4, { ...d.variables[4]!, autoMin: 'soon' } as never), 'variables[4].autoMin', /duration/);
    expectSchemaError(() => updateVariable(d, 1, { ...v, datasource: 'nowhere' } as typeof v), 'variables[1].datasource', /not in datasources/);
    expect(() => updateVariable(d, 9, v)).toThrow(InvalidArgumentError);
  });

  it('removes, unless the dashboard still needs the variable', () => {
    const d = sample();
    expect(removeVariable(d, 4).variables.map((v) => v.name)).toEqual(['ds', 'job', 'instance', 'jobs']);
    // Panels repeat by $job; other things use $ds as a datasource.
    expectSchemaError(() => removeVariable(d, 1), 'panels[0].repeat', /not a variable/);
    expectSchemaError(() => removeVariable(d, 0), 'variables[1].datasource', /datasource variable/);
    expect(() => removeVariable(d, -1)).toThrow(InvalidArgumentError);
    expect(() => removeVariable(d, 1.5)).toThrow(InvalidArgumentError);
  });

  it('moves from one position to another', () => {
    const d = sample();
    expect(moveVariable(d, 0, 4).variables.map((v) => v.name)).toEqual(['job', 'instance', 'jobs', 'step', 'ds']);
    expect(moveVariable(d, 3, 1).variables.map((v) => v.name)).toEqual(['ds', 'jobs', 'job', 'instance', 'step']);
    expect(moveVariable(d, 2, 2)).toBe(d);
    expect(() => moveVariable(d, 0, 5)).toThrow(InvalidArgumentError);
    expect(() => moveVariable(d, 5, 0)).toThrow(/There is no variable 5: the dashboard has 5/);
  });
});

describe('changeVariableType', () => {
  it('keeps name, label, description, hide and the choice settings; the rest starts new', () => {
    const d = sample();
    const next = changeVariableType(d, 1, 'custom');
    expect(next.variables[1]).toEqual({ name: 'job', label: 'Job', description: 'Which job', hide: 'label', type: 'custom', multi: true, includeAll: true, allValue: '.*', query: 'a,b,c' });
    // The datasource reference is gone with the query type; the panels still repeat by it.
    expect(changeVariableType(next, 1, 'constant').variables[1]).toEqual({ name: 'job', label: 'Job', description: 'Which job', hide: 'label', type: 'constant', query: 'value' });
    const constant = updateVariable(d, 4, { name: 'step', type: 'constant', hide: 'none', query: 'kept' });
    expect(changeVariableType(constant, 4, 'textbox').variables[4]).toEqual({ name: 'step', type: 'textbox', hide: 'none', query: 'kept' });
    expect(changeVariableType(d, 1, 'query')).toBe(d);
  });

  it('refuses a type the dashboard cannot have there (a datasource reference to a variable that is no longer one)', () => {
    expectSchemaError(() => changeVariableType(sample(), 0, 'custom'), 'variables[1].datasource', /add a variable of type "datasource"/);
  });
});

describe('renameVariable', () => {
  it('rewrites every use of the old name, in each form, and nothing else', () => {
    const d = sample();
    const next = renameVariable(d, 1, 'service');
    const p = next.panels[0]!;
    if (p.type === 'row') throw new Error('panel expected');
    expect(next.variables.map((v) => v.name)).toEqual(['ds', 'service', 'instance', 'jobs', 'step']);
    expect(next.variables[2]!).toMatchObject({ query: 'label_values(up{job=~"$service"}, instance)', regex: '/$service-(.*)/' });
    expect(next.variables[3]!.query).toBe('[[service]],x,$jobs_extra');
    expect(p.title).toBe('Requests of $service on ${instance}');
    expect(p.description).toBe('For [[service]] (not $jobs)');
    expect(p.repeat).toBe('service');
    expect(p.targets[0]).toMatchObject({ expr: 'rate(http_requests_total{job=~"${service:regex}", instance="$instance"}[$step])', legendFormat: '{{instance}} $service' });
    expect(p.fieldConfig.defaults.displayName).toBe('${service:text}');
    expect(p.fieldConfig.overrides[0]!.properties[0]!.value).toBe('$service!');
    expect(p.links![0]).toEqual({ title: 'More on $service', url: '/d/x?var-service=${service:queryparam}'.replace('var-service', 'var-job') });
    const row = next.panels[1]!;
    if (row.type !== 'row') throw new Error('row expected');
    expect(row).toMatchObject({ title: 'Row of $service', repeat: 'service' });
    expect(row.panels[0]).toMatchObject({ title: '$service', options: { content: 'Job **$service**, costs $5' } });
    expect(next.links[0]).toEqual({ title: 'All of $service', url: '/x?job=$service' });
    expect(next.annotations[0]).toMatchObject({ expr: 'changes(build_info{job="$service"}[5m]) > 0', datasource: '$ds' });
    expect(variableReferences(next, 'job')).toEqual([]);
    expect(variableReferences(next, 'service')).toEqual(variableReferences(d, 'job'));
    expect(validateDashboard(next).ok).toBe(true);
  });

  it('renaming a datasource variable rewrites the datasource references', () => {
    const next = renameVariable(sample(), 0, 'source');
    expect(next.variables.slice(1, 3).map((v) => (v.type === 'query' ? v.datasource : ''))).toEqual(['${source}', '$source']);
    const p = next.panels[0]!;
    expect(p.type !== 'row' && p.datasource).toBe('$source');
    expect(next.annotations[0]).toMatchObject({ datasource: '$source' });
  });

  it('lists where a variable is used', () => {
    expect(variableReferences(sample(), 'instance')).toEqual(['panels[0].title', 'panels[0].targets[0].expr']);
    expect(variableReferences(sample(), 'ds')).toEqual(['variables[1].datasource', 'variables[2].datasource', 'panels[0].datasource', 'annotations[0].datasource']);
  });

  it('refuses names in use or invalid; the same name changes nothing', () => {
    const d = sample();
    expectSchemaError(() => renameVariable(d, 1, 'instance'), 'variables[1].name', /"instance" is the name of variables\[2\]/);
    expectSchemaError(() => renameVariable(d, 1, '9 lives'), 'variables[1].name', /letters, digits and _/);
    expect(renameVariable(d, 1, 'job')).toBe(d);
    expect(() => renameVariable(d, 7, 'x')).toThrow(InvalidArgumentError);
  });

  it('renameIn: whole names only', () => {
    expect(renameIn('$a $ab ${a} ${a:csv} ${ab} [[a]] [[a:raw]] $a_b $$a a $ [[a', 'a', 'z')).toBe('$z $ab ${z} ${z:csv} ${ab} [[z]] [[z:raw]] $a_b $$z a $ [[a');
    expect(renameIn('${__from:date:iso} ${a:date:YYYY}', 'a', 'b')).toBe('${__from:date:iso} ${b:date:YYYY}');
    const same = 'nothing here';
    expect(renameIn(same, 'a', 'b')).toBe(same);
  });
});

const NAMES = ['a', 'ab', 'b', 'a_1', 'job', 'x9'] as const;
/** Texts with placeholders of every form, of names that overlap (`a`, `ab`, `a_1`). */
const template = fc
  .array(
    fc.oneof(
      fc.constantFrom(...NAMES).map((n) => `$${n}`),
      fc.constantFrom(...NAMES).map((n) => `\${${n}}`),
      fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom('csv', 'regex', 'text', 'date:iso')).map(([n, f]) => `\${${n}:${f}}`),
      fc.constantFrom(...NAMES).map((n) => `[[${n}]]`),
      fc.constantFrom('$', '[[', ']]', '{', '}', '_', 'x', ' ', '"', 'up{job="', '5', ':'),
      fc.string({ maxLength: 4 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

/** `names` with `from` written `to`, first uses kept (as variablesIn lists them). */
const mapped = (names: string[], from: string, to: string) => [...new Set(names.map((n) => (n === from ? to : n)))];

describe('properties', () => {
  it('renameIn never leaves a use of the old name, never touches another, and renames back', () => {
    fc.assert(
      fc.property(template, fc.constantFrom(...NAMES), fc.constantFrom('z', 'zz_9', 'a', 'ab'), (text, from, to) => {
        const out = renameIn(text, from, to);
        expect(variablesIn(out)).toEqual(mapped(variablesIn(text), from, to));
        if (!variablesIn(text).includes(from)) expect(out).toBe(text);
        if (from !== to && !variablesIn(text).includes(to)) {
          expect(variablesIn(out)).not.toContain(from);
          expect(renameIn(out, to, from)).toBe(text);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('renameVariable rewrites the uses in every text of a dashboard, and only those', () => {
    fc.assert(
      fc.property(fc.array(template, { minLength: 6, maxLength: 6 }), fc.constantFrom('z', 'renamed'), (texts, to) => {
        const [t0, t1, t2, t3, t4, t5] = texts as [string, string, string, string, string, string];
        const input = {
          schemaVersion: 1,
          title: 'Vars',
          variables: [
            { type: 'custom', name: 'a', query: t0 },
            { type: 'custom', name: 'ab', query: t1 },
            { type: 'query', name: 'job', query: `label_values(${t2 || 'x'})`, regex: t3 },
          ],
          panels: [{ id: 1, type: 'stat', title: t4, gridPos: { x: 0, y: 0, w: 6, h: 4 }, targets: [{ refId: 'A', expr: `up ${t5}` }] }],
        };
        // Texts with an unknown ${x:format} are not valid dashboards to begin with.
        const check = validateDashboard(input);
        fc.pre(check.ok);
        const d = deepFreeze(check.ok ? check.dashboard : (undefined as never));
        const next = renameVariable(d, 0, to);
        const before = [t0, t1, `label_values(${t2 || 'x'})`, t3, t4, `up ${t5}`];
        const p = next.panels[0]!;
        if (p.type === 'row') throw new Error('panel expected');
        const q = next.variables[2]!;
        const after = [next.variables[0]!.query, next.variables[1]!.query, q.query, q.type === 'query' ? (q.regex ?? '') : '', p.title, p.targets[0]!.expr];
        after.forEach((text, i) => expect(variablesIn(text)).toEqual(mapped(variablesIn(before[i]!), 'a', to)));
        expect(variableReferences(next, 'a')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('random edit sequences keep the dashboard valid and never change their input', () => {
    const type = fc.constantFrom(...VARIABLE_TYPES);
    const name = fc.oneof(fc.constantFrom('a', 'b', 'job', 'query1', 'x-y', '__n', '', '9a'), fc.stringMatching(/^[a-z_][a-z0-9_]{0,5}$/));
    const index = fc.integer({ min: -1, max: 6 });
    const field = fc.oneof(
      fc.record({ query: fc.constantFrom('', 'a,b', 'label_values(job)', '$a,$b', '${a:bad}', '1m,5m') }),
      fc.record({ regex: fc.constantFrom('(', '/a(.*)/', '$b') }),
      fc.record({ multi: fc.boolean(), includeAll: fc.boolean() }),
      fc.record({ hide: fc.constantFrom('none', 'label', 'variable', 'nope') }),
      fc.record({ autoMin: fc.constantFrom('1m', 'later') }),
      fc.record({ datasource: fc.constantFrom('main', '$ds', '$a', 'nowhere') }),
      fc.record({ label: fc.string({ maxLength: 4 }) }),
    );
    const op = fc.oneof(
      fc.record({ op: fc.constant('add' as const), type, name: fc.option(name, { nil: undefined }) }),
      fc.record({ op: fc.constant('update' as const), index, field }),
      fc.record({ op: fc.constant('remove' as const), index }),
      fc.record({ op: fc.constant('move' as const), index, to: index }),
      fc.record({ op: fc.constant('type' as const), index, type }),
      fc.record({ op: fc.constant('rename' as const), index, name }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        let d = dash({
          datasources: [{ name: 'main', url: 'http://a' }],
          panels: [{ id: 1, type: 'stat', title: '$a', gridPos: { x: 0, y: 0, w: 6, h: 4 }, targets: [{ refId: 'A', expr: 'up{x="$b"}' }] }],
        });
        for (const o of ops) {
          try {
            const next =
              o.op === 'add'
                ? addVariable(d, o.type, o.name).dashboard
                : o.op === 'update'
                  ? updateVariable(d, o.index, { ...d.variables[o.index]!, ...o.field } as never)
                  : o.op === 'remove'
                    ? removeVariable(d, o.index)
                    : o.op === 'move'
                      ? moveVariable(d, o.index, o.to)
                      : o.op === 'type'
                        ? changeVariableType(d, o.index, o.type)
                        : renameVariable(d, o.index, o.name);
            const check = validateDashboard(next);
            expect(check.ok, JSON.stringify(check)).toBe(true);
            d = deepFreeze(next);
          } catch (error) {
            // A refusal names what is wrong; the dashboard stays as it was.
            if (!(isPromkitError(error, 'SchemaError') || isPromkitError(error, 'InvalidArgumentError'))) throw error;
            if (isPromkitError(error, 'SchemaError')) expect(error.problems.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
