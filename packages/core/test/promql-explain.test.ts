import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainNodes, explainPromQL, type ExplainNode } from '../src/promql/explain.js';
import { checkPromQL } from '../src/promql/parse.js';

/** The tree as [kind, label, evaluable, children] for compact expectations. */
type Shape = [string, string, boolean, Shape[]?];
const shape = (n: ExplainNode): Shape => (n.children.length ? [n.kind, n.label, n.evaluable, n.children.map(shape)] : [n.kind, n.label, n.evaluable]);

describe('explainPromQL', () => {
  it('splits a ratio into its operands, aggregations, functions and selectors', () => {
    const expr = 'sum by (job) (rate(promkit_http_requests_total{status="500"}[5m])) / on (job) group_left count by (job) (up)';
    expect(shape(explainPromQL(expr)!)).toEqual([
      'binary',
      '/ on (job) group_left',
      true,
      [
        ['aggregation', 'sum by (job)', true, [['function', 'rate', true, [['range-selector', 'promkit_http_requests_total{status="500"}[5m]', true]]]]],
        ['aggregation', 'count by (job)', true, [['selector', 'up', true]]],
      ],
    ]);
  });

  it('gives each node its own text, at its offsets, as a query that parses', () => {
    const expr = 'histogram_quantile(0.99, sum(rate(h_bucket[5m])) by (le)) > bool 0.5';
    const nodes = explainNodes(explainPromQL(expr)!);
    expect(nodes.map((n) => n.text)).toEqual([
      expr,
      'histogram_quantile(0.99, sum(rate(h_bucket[5m])) by (le))',
      '0.99',
      'sum(rate(h_bucket[5m])) by (le)',
      'rate(h_bucket[5m])',
      'h_bucket[5m]',
      '0.5',
    ]);
    for (const n of nodes) {
      expect(expr.slice(n.from, n.to)).toBe(n.text);
      expect(checkPromQL(n.text)).toBeUndefined();
    }
    expect(nodes[0]!.label).toBe('> bool');
    expect(nodes[3]!.label).toBe('sum by (le)');
    expect(nodes.filter((n) => !n.evaluable).map((n) => n.kind)).toEqual(['number', 'number']);
  });

  it('keeps offset and @ with the node they modify', () => {
    const root = explainPromQL('rate(x[5m] offset 1h) - x @ 1700000000')!;
    expect(shape(root)).toEqual([
      'binary',
      '-',
      true,
      [
        ['function', 'rate', true, [['range-selector', 'x[5m] offset 1h', true]]],
        ['selector', 'x @ 1700000000', true],
      ],
    ]);
    expect(root.children[0]!.children[0]!.text).toBe('x[5m] offset 1h');
    // The grammar hangs the modifier on the whole `a + b`; Prometheus modifies `b` alone.
    expect(explainNodes(explainPromQL('a + -b offset 5m @ 100')!).map((n) => [n.text, n.label])).toEqual([
      ['a + -b offset 5m @ 100', '+'],
      ['a', 'a'],
      ['-b offset 5m @ 100', '-'],
      ['b offset 5m @ 100', 'b offset 5m @ 100'],
    ]);
  });

  it('shows subqueries, parentheses, unary minus and strings', () => {
    expect(shape(explainPromQL('max_over_time((-x)[30m:1m])')!)).toEqual([
      'function',
      'max_over_time',
      true,
      [['subquery', '[30m:1m]', true, [['paren', '( … )', false, [['binary', '-', true, [['selector', 'x', true]]]]]]]],
    ]);
    expect(shape(explainPromQL('label_replace(up, "a", "$1", "job", "(.*)")')!)[3]!.map((c) => c[0])).toEqual(['selector', 'string', 'string', 'string', 'string']);
  });

  it('shortens long labels and folds whitespace', () => {
    const long = `up{${Array.from({ length: 10 }, (_, i) => `label_${i}="value"`).join(', ')}}`;
    const label = explainPromQL(long)!.label;
    expect(label.length).toBe(60);
    expect(label.endsWith('…')).toBe(true);
    expect(explainPromQL('sum\n  by (job)\n  (x)')!.label).toBe('sum by (job)');
  });

  it('answers undefined for a query that does not parse', () => {
    expect(explainPromQL('sum(rate(x[5m])')).toBeUndefined();
    expect(explainPromQL('  ')).toBeUndefined();
  });

  it('every node of a random valid query is a sub-range of its parent and parses alone', () => {
    const leaf = fc.constantFrom('x', 'up{job="a"}', '1', 'rate(x[5m])', 'x offset 5m');
    const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.tuple(tie('e'), fc.constantFrom(' + ', ' / on (job) ', ' > bool ', ' and '), tie('e')).map(([a, op, b]) => `(${a})${op}(${b})`),
        tie('e').map((e) => `sum by (job) (${e})`),
        tie('e').map((e) => `abs(${e})`),
      ),
    })).e;
    fc.assert(
      fc.property(expr, (e) => {
        const root = explainPromQL(e)!;
        expect(root.text).toBe(e);
        const check = (n: ExplainNode) => {
          expect(checkPromQL(n.text)).toBeUndefined();
          for (const c of n.children) {
            expect(c.from).toBeGreaterThanOrEqual(n.from);
            expect(c.to).toBeLessThanOrEqual(n.to);
            check(c);
          }
        };
        check(root);
      }),
    );
  });
});
