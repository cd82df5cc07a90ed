/** The JSON editor's check: syntax errors placed like V8 places them, schema problems located by path. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PANEL_TYPES, parseDashboard, type Dashboard, type DashboardInput } from '@promkit/core';
import { checkDashboardJson, dashboardJson } from '@promkit/core/edit';
// Internal helpers of the module, not public API: tested at the module.
import { lineColumn, parsePath, scanJson, type JsonProblem } from '../src/dashboard/json-check.js';

const valid = { schemaVersion: 1, title: 'T', panels: [{ id: 1, type: 'stat', title: 'Up', gridPos: { x: 0, y: 0, w: 6, h: 4 }, targets: [{ refId: 'A', expr: 'up' }] }] };

function problems(text: string): JsonProblem[] {
  const check = checkDashboardJson(text);
  expect(check.ok).toBe(false);
  return check.ok ? [] : check.problems;
}
/** The one problem, as the editor shows it: `line:column path — message` and the selected text. */
function only(text: string) {
  const all = problems(text);
  expect(all).toHaveLength(1);
  const [p] = all as [JsonProblem];
  return { ...p, selected: text.slice(p.offset, (p.offset ?? 0) + (p.length ?? 0)) };
}
/** V8's offset from a JSON.parse message, when it gives one. */
function v8Offset(text: string): number | 'ok' | undefined {
  try {
    JSON.parse(text);
    return 'ok';
  } catch (error) {
    const m = /at position (\d+)/.exec((error as Error).message);
    if (m) return Number(m[1]);
    return /Unexpected end of JSON input/.test((error as Error).message) ? text.length : undefined;
  }
}

describe('syntax errors', () => {
  it('a missing comma between properties: line and column of the next key, and what was expected', () => {
    const text = '{\n  "schemaVersion": 1\n  "title": "T"\n}';
    expect(only(text)).toMatchObject({ path: 'schemaVersion', line: 3, column: 3, offset: 25, message: 'expected a comma or } after the property "schemaVersion"', selected: '"' });
    expect(v8Offset(text)).toBe(25);
  });

  it('a trailing comma before } and before ]', () => {
    expect(only('{\n  "title": "T",\n}')).toMatchObject({ line: 3, column: 1, message: 'a comma must be followed by another property: remove the comma before }' });
    expect(only('{"panels": [1, 2,\n ]}')).toMatchObject({ path: 'panels', line: 2, column: 2, message: 'a comma must be followed by another item: remove the comma before ]' });
  });

  it('an unclosed string stops at the end of its line', () => {
    const text = '{\n  "title": "CPU,\n  "panels": []\n}';
    expect(only(text)).toMatchObject({ path: 'title', line: 2, column: 17, length: 0 });
    expect(only(text).message).toBe('the string is not closed before the end of the line: add a closing " (write \\n for a line break inside a string)');
    expect(only('{"title": "CPU').message).toBe('the string that starts at line 1, column 11 is not closed: add a closing "');
  });

  it('empty text, whitespace, and text ending inside an object', () => {
    expect(only('')).toMatchObject({ path: '(root)', line: 1, column: 1, offset: 0, length: 0, message: expect.stringMatching(/^is empty: a dashboard is a JSON object/) });
    expect(only('  \n ')).toMatchObject({ line: 2, column: 2, message: expect.stringMatching(/^is empty/) });
    expect(only('{\n  "panels": [\n    {"id": 1').message).toBe('the text ends inside the object opened at line 3, column 5: close it with }');
  });

  it('JSON that is not an object is a problem of the root', () => {
    expect(only('[]')).toMatchObject({ path: '(root)', message: 'must be an object, got an array of 0', line: 1, column: 1, length: 2 });
    expect(only('"{}"')).toMatchObject({ path: '(root)', message: 'must be an object { … }, got a string' });
    expect(only('null').message).toBe('must be an object, got null');
  });

  it('names comments, single quotes, capitalised literals and stray words', () => {
    expect(only('{ // note\n}').message).toBe('JSON has no comments: remove it (expected a property name in double quotes)');
    expect(only("{'title': 'T'}").message).toMatch(/^JSON strings take double quotes/);
    expect(only('{"a": True}')).toMatchObject({ selected: 'True', message: expect.stringMatching(/, got True \(write true\)$/) });
    expect(only('{"a": undefined}').message).toMatch(/^expected a value \(.*\), got undefined$/);
    expect(only('{"a": 07}').message).toBe('a number cannot start with 0 followed by digits (write 7, not 07)');
    expect(only('{"a": "\\x"}').message).toMatch(/^\\x is not a JSON escape/);
    expect(only('{"a": 1} {"b": 2}')).toMatchObject({ line: 1, column: 10, selected: '{"b": 2}' });
  });

  it('the path of a syntax error is where the scanner was', () => {
    expect(only('{"panels": [{"id": 1}, {"id": 2 "type": "stat"}]}').path).toBe('panels[1].id');
  });

  it('fails exactly where JSON.parse fails, and only then (mutated JSON text)', () => {
    const alphabet = fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', ' ', '\n', '\t', '0', '1', '-', '.', 'e', '+', 't', 'n', 'u', 'x', 'a', '/', "'", '\u0001', '\u00e9');
    const mutated = fc
      .tuple(fc.json({ maxDepth: 3 }), fc.array(fc.tuple(fc.nat(), fc.nat(2), alphabet), { maxLength: 3 }))
      .map(([json, edits]) => {
        let t = json;
        for (const [at, op, c] of edits) {
          const k = t.length === 0 ? 0 : at % (t.length + 1);
          t = op === 0 ? t.slice(0, k) + c + t.slice(k) : op === 1 ? t.slice(0, k) + t.slice(k + 1) : t.slice(0, k) + c + t.slice(k + 1);
        }
        return t;
      });
    fc.assert(
      fc.property(mutated, (text) => {
        const scan = scanJson(text);
        const v8 = v8Offset(text);
        if (v8 === 'ok') expect(scan.ok).toBe(true);
        else {
          expect(scan.ok).toBe(false);
          if (v8 !== undefined && !scan.ok) expect(scan.offset).toBe(v8);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('schema problems are located in the text', () => {
  const text = dashboardJson(
    parseDashboard({
      schemaVersion: 1,
      title: 'T',
      panels: [
        { id: 1, type: 'stat', title: 'Up', gridPos: { x: 0, y: 0, w: 6, h: 4 }, targets: [{ refId: 'A', expr: 'up' }] },
        { id: 2, type: 'timeseries', title: 'CPU', gridPos: { x: 6, y: 0, w: 6, h: 4 }, targets: [{ refId: 'A', expr: 'rate(x[5m])' }] },
      ],
    }),
  );

  it('an empty title and a bad refId, at their values', () => {
    const broken = text.replace('"title": "T"', '"title": ""').replace('"refId": "A",\n          "expr": "rate', '"refId": "1 a",\n          "expr": "rate');
    const found = problems(broken).map((p) => ({ path: p.path, at: `${p.line}:${p.column}`, selected: broken.slice(p.offset, (p.offset ?? 0) + (p.length ?? 0)) }));
    const titleLine = broken.split('\n').findIndex((l) => l.includes('"title": ""')) + 1;
    const refLine = broken.split('\n').findIndex((l) => l.includes('"1 a"')) + 1;
    expect(found).toEqual([
      { path: 'title', at: `${titleLine}:12`, selected: '""' },
      { path: 'panels[1].targets[0].refId', at: `${refLine}:20`, selected: '"1 a"' },
    ]);
  });

  it('an unknown field selects that field; a missing key the brace of the object that lacks it', () => {
    const typo = text.replace('"title": "CPU"', '"titel": "CPU"');
    const p = problems(typo).find((q) => q.path === 'panels[1]');
    expect(p && typo.slice(p.offset, (p.offset ?? 0) + (p.length ?? 0))).toBe('"titel": "CPU"');
    const missing = '{\n  "schemaVersion": 1,\n  "title": "T",\n  "panels": [\n    {"id": 1, "type": "stat", "gridPos": {"x": 0, "y": 0, "w": 6, "h": 4}, "targets": [{"expr": "up"}]}\n  ]\n}';
    expect(problems(missing)).toEqual([{ path: 'panels[0].targets[0].refId', message: 'is required', line: 5, column: 88, offset: missing.indexOf('{"expr"'), length: 1 }]);
  });

  it('a valid text gives the dashboard with its defaults', () => {
    const check = checkDashboardJson(JSON.stringify(valid));
    expect(check).toEqual({ ok: true, dashboard: parseDashboard(valid) });
  });
});

describe('helpers', () => {
  it('parsePath reads what formatPath writes', () => {
    expect(parsePath('(root)')).toEqual([]);
    expect(parsePath('panels[2].targets[0].expr')).toEqual(['panels', 2, 'targets', 0, 'expr']);
    expect(parsePath('panels[0].options["a.b"]["x\\"y"]')).toEqual(['panels', 0, 'options', 'a.b', 'x"y']);
    expect(parsePath('["0"].a')).toEqual(['0', 'a']);
    expect(parsePath('a..b')).toBeUndefined();
  });

  it('lineColumn counts lines from 1 and columns in UTF-16 units', () => {
    expect(lineColumn('ab\ncd\n', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd\n', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab\ncd\n', 6)).toEqual({ line: 3, column: 1 });
    expect(lineColumn('é😀\nx', 3)).toEqual({ line: 1, column: 4 });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over random dashboards.

const text = fc.string({ maxLength: 12, unit: 'grapheme' });
const dashboards: fc.Arbitrary<Dashboard> = fc
  .record({
    title: fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }),
    description: fc.option(text, { nil: undefined }),
    tags: fc.array(text, { maxLength: 3 }),
    panels: fc.array(
      fc.record({
        type: fc.constantFrom(...PANEL_TYPES),
        title: text,
        w: fc.integer({ min: 1, max: 24 }),
        h: fc.integer({ min: 1, max: 8 }),
        exprs: fc.array(fc.constantFrom('up', 'rate(http_requests_total[5m])', 'sum by (job) (up{job="</textarea>"})'), { maxLength: 3 }),
      }),
      { maxLength: 6 },
    ),
  })
  .map(({ title, description, tags, panels }) =>
    parseDashboard({
      schemaVersion: 1,
      title,
      ...(description === undefined ? {} : { description }),
      tags,
      panels: panels.map((p, k) => ({
        id: k + 1,
        type: p.type,
        title: p.title,
        gridPos: { x: 0, y: k * 8, w: p.w, h: p.h },
        targets: p.exprs.map((expr, j) => ({ refId: String.fromCharCode(65 + j), expr })),
      })),
    } as DashboardInput),
  );

describe('properties', () => {
  it('the shown text of a valid dashboard checks ok and gives it back deep-equal, at any indent', () => {
    fc.assert(
      fc.property(dashboards, fc.constantFrom(0, 1, 2, 4, '\t'), (d, indent) => {
        const check = checkDashboardJson(indent === 2 ? dashboardJson(d) : JSON.stringify(d, null, indent));
        expect(check).toEqual({ ok: true, dashboard: d });
      }),
      { numRuns: 200 },
    );
  });

  it('a mutated value is located at its path: the selection is that value, line and column agree with the offset', () => {
    const mutations = fc.constantFrom(
      { field: 'w', value: 30, path: (k: number) => `panels[${k}].gridPos.w` },
      { field: 'title', value: 42, path: (k: number) => `panels[${k}].title` },
      { field: 'type', value: 'timeserie', path: (k: number) => `panels[${k}].type` },
    );
    const withPanels = dashboards.filter((d) => d.panels.length > 0);
    fc.assert(
      fc.property(withPanels, fc.nat(), mutations, fc.constantFrom(0, 2, 3), (d, pick, m, indent) => {
        const k = pick % d.panels.length;
        const raw = JSON.parse(dashboardJson(d)) as { panels: Record<string, unknown>[] };
        const target = raw.panels[k] as Record<string, unknown>;
        if (m.field === 'w') (target['gridPos'] as Record<string, unknown>)['w'] = m.value;
        else target[m.field] = m.value;
        const t = JSON.stringify(raw, null, indent);
        const p = problems(t).find((q) => q.path === m.path(k));
        expect(p).toBeDefined();
        if (!p || p.offset === undefined || p.length === undefined) return;
        expect(t.slice(p.offset, p.offset + p.length)).toBe(JSON.stringify(m.value));
        expect({ line: p.line, column: p.column }).toEqual(lineColumn(t, p.offset));
      }),
      { numRuns: 200 },
    );
  });
});
