import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parser } from '@prometheus-io/lezer-promql';
import { checkPromQL } from '../src/promql/parse.js';
import {
  AGGREGATIONS,
  BINARY_OPERATORS,
  PARAM_AGGREGATIONS,
  RANGE_FUNCTIONS,
  SET_OPERATORS,
  VECTOR_FUNCTIONS,
  VISUAL_OPERATIONS,
  VISUAL_OPERATION_GROUPS,
  VISUAL_PATTERNS,
  isVisualRange,
  printVisualQuery,
  queryTokens,
  toVisualQuery,
  visualQueryProblems,
} from '../src/promql/visual/index.js';
import type { BinaryQuery, Grouping, LabelFilter, Operation, VisualQuery } from '../src/promql/visual/index.js';

const q = (metric: string, operations: Operation[] = [], extra: Partial<VisualQuery> = {}): VisualQuery => ({
  metric,
  labels: [],
  operations,
  binaryQueries: [],
  ...extra,
});

function accepted(expr: string): VisualQuery {
  const result = toVisualQuery(expr);
  if (!result.ok) throw new Error(`refused ${expr}: ${result.reason}`);
  return result.query;
}

function refusal(expr: string): { reason: string; part: string } {
  const result = toVisualQuery(expr);
  if (result.ok) throw new Error(`accepted ${expr}`);
  return { reason: result.reason, part: expr.slice(result.from, result.to) };
}

const tokenTexts = (expr: string): string[] => queryTokens(expr).map((t) => t.text);

describe('printVisualQuery', () => {
  it.each<[string, VisualQuery, string]>([
    ['selector', q('up', [], { labels: [{ label: 'job', op: '=', value: 'api' }, { label: 'code', op: '=~', value: '5..' }, { label: 'x', op: '!=', value: '' }, { label: 'y', op: '!~', value: 'a|b' }] }), 'up{job="api", code=~"5..", x!="", y!~"a|b"}'],
    ['label filters only', q('', [], { labels: [{ label: 'job', op: '=', value: 'api' }] }), '{job="api"}'],
    ['range', q('x', [{ kind: 'range', fn: 'rate', range: '5m' }]), 'rate(x[5m])'],
    ['range with a variable', q('x', [{ kind: 'range', fn: 'increase', range: '$__rate_interval' }]), 'increase(x[$__rate_interval])'],
    ['offset after the range', q('x', [{ kind: 'range', fn: 'rate', range: '5m' }], { offset: '1h' }), 'rate(x[5m] offset 1h)'],
    ['offset on the selector', q('x', [{ kind: 'aggregate', fn: 'sum' }], { offset: '-1d' }), 'sum(x offset -1d)'],
    ['range over an expression is a subquery', q('x', [{ kind: 'aggregate', fn: 'max' }, { kind: 'range', fn: 'max_over_time', range: '1h' }]), 'max_over_time(max(x)[1h:])'],
    ['subquery over a binary', q('x', [{ kind: 'scalar', op: '*', value: 2 }, { kind: 'range', fn: 'avg_over_time', range: '1h' }]), 'avg_over_time((x * 2)[1h:])'],
    ['aggregate', q('x', [{ kind: 'aggregate', fn: 'sum' }]), 'sum(x)'],
    ['aggregate by first', q('x', [{ kind: 'aggregate', fn: 'avg', grouping: { mode: 'by', labels: ['job', 'le'], first: true } }]), 'avg by (job, le) (x)'],
    ['aggregate without after', q('x', [{ kind: 'aggregate', fn: 'count', grouping: { mode: 'without', labels: ['instance'], first: false } }]), 'count(x) without (instance)'],
    ['empty grouping', q('x', [{ kind: 'aggregate', fn: 'sum', grouping: { mode: 'by', labels: [], first: true } }]), 'sum by () (x)'],
    ['aggregate with a parameter', q('x', [{ kind: 'aggregate-param', fn: 'topk', param: 5 }]), 'topk(5, x)'],
    ['quantile by', q('x', [{ kind: 'aggregate-param', fn: 'quantile', param: 0.9, grouping: { mode: 'by', labels: ['a'], first: false } }]), 'quantile(0.9, x) by (a)'],
    ['function', q('x', [{ kind: 'function', fn: 'abs' }]), 'abs(x)'],
    ['histogram_quantile', q('x_bucket', [{ kind: 'range', fn: 'rate', range: '5m' }, { kind: 'aggregate', fn: 'sum', grouping: { mode: 'by', labels: ['le'], first: true } }, { kind: 'histogram_quantile', quantile: 0.95 }]), 'histogram_quantile(0.95, sum by (le) (rate(x_bucket[5m])))'],
    ['scalar', q('x', [{ kind: 'scalar', op: '*', value: 100 }]), 'x * 100'],
    ['scalar with bool', q('x', [{ kind: 'scalar', op: '>', value: 0.5, bool: true }]), 'x > bool 0.5'],
    ['bool only on comparisons', q('x', [{ kind: 'scalar', op: '+', value: 1, bool: true }]), 'x + 1'],
    ['number first', q('x', [{ kind: 'scalar', op: '-', value: 1, left: true }]), '1 - x'],
    ['kept parentheses', q('x', [{ kind: 'scalar', op: '*', value: 100 }, { kind: 'scalar', op: '-', value: 100, left: true, parens: true }]), '100 - (x * 100)'],
    ['negative base of ^', q('x', [{ kind: 'scalar', op: '^', value: -2, left: true }]), '(-2) ^ x'],
    ['special numbers', q('x', [{ kind: 'scalar', op: '<', value: Infinity }, { kind: 'scalar', op: '>', value: -Infinity }, { kind: 'scalar', op: '!=', value: NaN }]), 'x < Inf > -Inf != NaN'],
    ['binary query', q('a', [], { binaryQueries: [{ op: '/', query: q('b') }] }), 'a / b'],
    ['vector matching', q('a', [], { binaryQueries: [{ op: '*', matching: { mode: 'on', labels: ['instance'], group: { side: 'group_left', labels: ['nodename'] } }, query: q('b') }] }), 'a * on (instance) group_left (nodename) b'],
    ['bare group_right and ignoring', q('a', [], { binaryQueries: [{ op: '+', matching: { mode: 'ignoring', labels: ['x', 'y'], group: { side: 'group_right', labels: [] } }, query: q('b') }] }), 'a + ignoring (x, y) group_right b'],
    ['comparison of queries with bool', q('a', [], { binaryQueries: [{ op: '==', bool: true, query: q('b') }] }), 'a == bool b'],
    ['kept parentheses in a call', q('x', [{ kind: 'range', fn: 'rate', range: '5m' }, { kind: 'scalar', op: '*', value: 8, left: true }, { kind: 'aggregate', fn: 'sum', parens: true }]), 'sum((8 * rate(x[5m])))'],
    ['kept parentheses before a binary operator', q('a', [{ kind: 'scalar', op: '*', value: 100 }], { binaryQueries: [{ op: '/', parens: true, query: q('b') }] }), '(a * 100) / b'],
    ['kept parentheses around a query', q('a', [], { parens: true, binaryQueries: [{ op: '/', query: q('b', [], { parens: true }) }] }), '(a / (b))'],
    ['kept parentheses before a subquery', q('x', [{ kind: 'aggregate', fn: 'sum' }, { kind: 'range', fn: 'max_over_time', range: '1h', parens: true }]), 'max_over_time((sum(x))[1h:])'],
    ['no parentheses on a range right after the selector', q('x', [{ kind: 'range', fn: 'rate', range: '5m', parens: true }]), 'rate(x[5m])'],
    ['set operator', q('a', [], { binaryQueries: [{ op: 'and', matching: { mode: 'on', labels: ['job'] }, query: q('b') }, { op: 'unless', query: q('c') }] }), 'a and on (job) b unless c'],
    ['set operator drops bool and group', q('a', [], { binaryQueries: [{ op: 'or', bool: true, matching: { mode: 'ignoring', labels: [], group: { side: 'group_left', labels: ['x'] } }, query: q('b') }] }), 'a or ignoring () b'],
    ['result operations', q('a', [], { binaryQueries: [{ op: '/', query: q('b'), resultOperations: [{ kind: 'scalar', op: '*', value: 100 }] }] }), 'a / b * 100'],
    ['result operations with parentheses', q('a', [], { binaryQueries: [{ op: '/', query: q('b'), resultOperations: [{ kind: 'scalar', op: '*', value: 100, parens: true }] }] }), '(a / b) * 100'],
    ['result operation number first', q('a', [], { binaryQueries: [{ op: '/', query: q('b'), resultOperations: [{ kind: 'scalar', op: '-', value: 1, left: true }] }] }), '1 - a / b'],
    ['result operation needing parentheses', q('a', [], { binaryQueries: [{ op: '+', query: q('b'), resultOperations: [{ kind: 'scalar', op: '*', value: 2 }, { kind: 'scalar', op: '>', value: 5 }] }] }), '(a + b) * 2 > 5'],
    ['binary after result operations', q('a', [], { binaryQueries: [{ op: '/', query: q('b'), resultOperations: [{ kind: 'scalar', op: '>', value: 0.9 }] }, { op: 'and', query: q('b', [{ kind: 'scalar', op: '>', value: 0 }]) }] }), 'a / b > 0.9 and b > 0'],
  ])('%s', (_name, model, expected) => {
    expect(printVisualQuery(model)).toBe(expected);
    expect(checkPromQL(expected.replace('$__rate_interval', '1m'))).toBeUndefined();
  });

  it.each<[string, VisualQuery, string]>([
    ['lower on the left', q('a', [], { binaryQueries: [{ op: '+', query: q('b') }, { op: '*', query: q('c') }] }), '(a + b) * c'],
    ['same level on the left needs none', q('a', [], { binaryQueries: [{ op: '-', query: q('b') }, { op: '-', query: q('c') }] }), 'a - b - c'],
    ['same level on the right', q('a', [], { binaryQueries: [{ op: '-', query: q('b', [], { binaryQueries: [{ op: '-', query: q('c') }] }) }] }), 'a - (b - c)'],
    ['higher on the right needs none', q('a', [], { binaryQueries: [{ op: '+', query: q('b', [], { binaryQueries: [{ op: '*', query: q('c') }] }) }] }), 'a + b * c'],
    ['or under and', q('a', [], { binaryQueries: [{ op: 'or', query: q('b') }, { op: 'and', query: q('c') }] }), '(a or b) and c'],
    ['and under or needs none', q('a', [], { binaryQueries: [{ op: 'or', query: q('b', [], { binaryQueries: [{ op: 'and', query: q('c') }] }) }] }), 'a or b and c'],
    ['comparison under and needs none', q('a', [{ kind: 'scalar', op: '>', value: 0 }], { binaryQueries: [{ op: 'and', query: q('b', [{ kind: 'scalar', op: '<', value: 1 }]) }] }), 'a > 0 and b < 1'],
    ['^ groups to the right', q('a', [], { binaryQueries: [{ op: '^', query: q('b', [], { binaryQueries: [{ op: '^', query: q('c') }] }) }] }), 'a ^ b ^ c'],
    ['^ on the left needs them', q('a', [], { binaryQueries: [{ op: '^', query: q('b') }, { op: '^', query: q('c') }] }), '(a ^ b) ^ c'],
    ['comparison under arithmetic', q('a', [], { binaryQueries: [{ op: '>', query: q('b') }, { op: '/', query: q('c') }] }), '(a > b) / c'],
    ['scalar after scalar', q('x', [{ kind: 'scalar', op: '+', value: 1 }, { kind: 'scalar', op: '*', value: 2 }]), '(x + 1) * 2'],
    ['scalar operand on the right', q('a', [], { binaryQueries: [{ op: '/', query: q('b', [{ kind: 'scalar', op: '*', value: 100 }]) }] }), 'a / (b * 100)'],
    ['number first keeps precedence', q('x', [{ kind: 'scalar', op: '+', value: 1 }, { kind: 'scalar', op: '/', value: 1, left: true }]), '1 / (x + 1)'],
    ['inside a function no parentheses', q('a', [{ kind: 'scalar', op: '+', value: 1 }, { kind: 'aggregate', fn: 'sum' }]), 'sum(a + 1)'],
  ])('precedence: %s', (_name, model, expected) => {
    expect(printVisualQuery(model)).toBe(expected);
    expect(accepted(expected)).toEqual(model);
  });

  it('quotes and escapes label values, and quotes names that are not plain', () => {
    const model = q('up', [], { labels: [{ label: 'path', op: '=', value: 'C:\\dir "x"\nnext\ttab' }, { label: 'service.name', op: '=', value: 'é' }] });
    const printed = printVisualQuery(model);
    expect(printed).toBe('up{path="C:\\\\dir \\"x\\"\\nnext\\ttab", "service.name"="é"}');
    expect(checkPromQL(printed)).toBeUndefined();
    expect(accepted(printed)).toEqual(model);
  });

  it('writes metric names that are keywords or not plain with matchers', () => {
    expect(printVisualQuery(q('sum'))).toBe('{__name__="sum"}');
    expect(printVisualQuery(q('Inf', [], { labels: [{ label: 'a', op: '=', value: 'b' }] }))).toBe('{__name__="Inf", a="b"}');
    expect(printVisualQuery(q('my.metric'))).toBe('{"my.metric"}');
    expect(printVisualQuery(q('by', [], { binaryQueries: [{ op: '/', query: q('on') }] }))).toBe('{__name__="by"} / {__name__="on"}');
  });

  it('refuses to print a range or offset that is not a duration, and lists it as a problem', () => {
    const bad = q('x', [{ kind: 'range', fn: 'rate', range: '5m]) or up[5m' }]);
    expect(() => printVisualQuery(bad)).toThrow(/not a duration/);
    expect(visualQueryProblems(bad)).toEqual(['the range of rate "5m]) or up[5m" is not a duration such as 5m or a variable such as $__rate_interval']);
    expect(() => printVisualQuery(q('x', [], { offset: '1h) + (x' }))).toThrow(/offset/);
    expect(visualQueryProblems(q('', []))).toEqual(['choose a metric, or a label filter that matches something']);
    expect(visualQueryProblems(VISUAL_PATTERNS[1]!.build('http_requests_total'))).toEqual([]);
    expect(isVisualRange('${interval}')).toBe(true);
    expect(isVisualRange('5 m')).toBe(false);
  });
});

describe('toVisualQuery', () => {
  it('refuses topk(5, a / b) rather than showing topk(5, a) / b (grafana#75164)', () => {
    expect(refusal('topk(5, a / b)')).toEqual({ reason: 'the builder cannot show a binary operation inside topk(…)', part: 'a / b' });
    const model = accepted('topk(5, a) / b');
    expect(model).toEqual(q('a', [{ kind: 'aggregate-param', fn: 'topk', param: 5 }], { binaryQueries: [{ op: '/', query: q('b') }] }));
    expect(printVisualQuery(model)).toBe('topk(5, a) / b');
  });

  it('reads a whole dashboard query into the model', () => {
    expect(accepted('sum by (job) (rate(http_requests_total{code=~"5..", job="$job"}[$__rate_interval]))')).toEqual(
      q('http_requests_total', [{ kind: 'range', fn: 'rate', range: '$__rate_interval' }, { kind: 'aggregate', fn: 'sum', grouping: { mode: 'by', labels: ['job'], first: true } }], {
        labels: [{ label: 'code', op: '=~', value: '5..' }, { label: 'job', op: '=', value: '$job' }],
      }),
    );
  });

  it.each([
    'up',
    'rate(x[5m] offset 1h)',
    'sum(rate(x[${interval}])) by (a)',
    'rate(x[ [[interval]] ])',
    'histogram_quantile(0.99, sum by (le) (rate(h_bucket[$__rate_interval])))',
    '100 - (avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[5m])) * 100)',
    'sum(rate(a[5m])) / sum(rate(b[5m]))',
    '(a + b) * c',
    'a / on(job) group_left(team) b',
    '(sum(rate(e[5m])) / sum(rate(t[5m]))) * 100',
    '(1 - (node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes)) * 100',
    'sum(rate(e[5m])) / sum(rate(t[5m])) > 0.05',
    'x > bool 0',
    'max_over_time(sum(x)[1h:])',
    'sum   (\n  x  )   # a comment',
    '{"my.metric", "service.name"="a"}',
  ])('accepts %s and prints it back token for token', (expr) => {
    expect(tokenTexts(printVisualQuery(accepted(expr)))).toEqual(tokenTexts(expr));
  });

  it.each<[string, string, string]>([
    ['label_replace(x, "a", "$1", "b", "(.*)")', '`label_replace` is not in the builder', 'label_replace'],
    ['sum by ($grouping) (x)', 'the builder keeps variables only in label values and in ranges such as [$__rate_interval]; it cannot show $grouping here', '$grouping'],
    ['topk($n, x)', 'the builder keeps variables only in label values and in ranges such as [$__rate_interval]; it cannot show $n here', '$n'],
    ['max_over_time(sum(x)[5m:$__interval])', 'the builder shows a subquery only without a step, such as [5m:] or [$__range:]', '$__interval'],
    ['max_over_time(sum(x)[$__range:1m])', 'the builder shows a subquery only without a step, such as [5m:] or [$__range:]', '$__range'],
    ['max_over_time(sum(x)[5m:1m])', 'the builder shows a subquery only without a step, such as [5m:]', 'sum(x)[5m:1m]'],
    ['x offset $__range', 'the builder keeps variables only in label values and in ranges such as [$__rate_interval]; it cannot show $__range here', '$__range'],
    ['sum(((x)))', 'the builder cannot keep parentheses here', '(x)'],
    ['((a)) / b', 'the builder cannot keep parentheses here', '(a)'],
    ['topk(5, a / b * 100)', 'the builder cannot show a binary operation inside topk(…)', 'a / b * 100'],
    ["x{a='b'}", 'the builder would write `"b"` where the query has `\'b\'`', "'b'"],
    ['x * +1', 'the builder would write `1` where the query has `+`', '+'],
    ['sum by (a,) (x)', 'the builder would write `)` where the query has `,`', ','],
    ['-2 ^ x', 'the builder would write `(` where the query has `-`', '-'],
    ['rate(x offset 1h [5m])', 'the builder writes the offset after the range: rate(x[5m] offset 1h)', 'x offset 1h'],
    ['rate(x[5m:])', 'the builder writes a range on a metric without a subquery: rate(x[5m])', 'x[5m:]'],
    ['x atan2 y', 'the operator `atan2` is not in the builder', 'atan2'],
    ['x and 1', '`and` works only between two queries, not with a number', 'x and 1'],
    ['x[5m]', 'a range selector such as x[5m] goes inside a range function such as rate(…) in the builder', 'x[5m]'],
    ['x @ 100', 'the @ modifier is not in the builder', 'x @ 100'],
    ['1 + 2', 'arithmetic between two numbers is not in the builder', '1 + 2'],
    ['sum(rate(x[5m]', 'syntax error: unexpected end of input', ''],
    ['', 'syntax error: the query is empty', ''],
  ])('refuses %s', (expr, reason, part) => {
    expect(refusal(expr)).toEqual({ reason, part });
  });

  it('keeps the spelling of numbers while they still read as written', () => {
    const model = accepted('histogram_quantile(0.50, x) * 1e3 - -0x10 > bool topk(.5, y)');
    expect(printVisualQuery(model)).toBe('histogram_quantile(0.50, x) * 1e3 - -0x10 > bool topk(.5, y)');
    const op = model.operations[0]!;
    if (op.kind !== 'histogram_quantile') throw new Error(op.kind);
    expect(op).toEqual({ kind: 'histogram_quantile', quantile: 0.5, numberText: '0.50' });
    // An edit of the number wins over the old spelling.
    op.quantile = 0.9;
    expect(printVisualQuery(model)).toMatch(/^histogram_quantile\(0.9, x\)/);
    expect(accepted('x > 0.5').operations).toEqual([{ kind: 'scalar', op: '>', value: 0.5 }]);
  });

  it('never touches variables inside strings', () => {
    expect(accepted('up{job=~"$job|${other:regex}", x="[[y]]"}').labels.map((l) => l.value)).toEqual(['$job|${other:regex}', '[[y]]']);
  });
});

describe('patterns and operations', () => {
  it.each(VISUAL_PATTERNS.map((p) => [p.id, p] as const))('pattern %s round-trips', (_id, pattern) => {
    const model = pattern.build('http_request_duration_seconds');
    const printed = printVisualQuery(model);
    expect(accepted(printed)).toEqual(model);
    expect(checkPromQL(printed.replaceAll('$__rate_interval', '1m').replaceAll('$__range', '1h'))).toBeUndefined();
  });

  it('patterns print the promised queries', () => {
    expect(VISUAL_PATTERNS.map((p) => printVisualQuery(p.build('m')))).toEqual([
      'sum(rate(m[$__rate_interval]))',
      'sum(rate(m{code=~"5.."}[$__rate_interval])) / sum(rate(m[$__rate_interval]))',
      'histogram_quantile(0.95, sum by (le) (rate(m_bucket[$__rate_interval])))',
      'sum(increase(m[$__range]))',
      'topk(5, rate(m[$__rate_interval]))',
    ]);
  });

  it('the catalogue covers every operation once, and each default prints and reads back', () => {
    const ids = VISUAL_OPERATIONS.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(VISUAL_OPERATIONS.length).toBe(RANGE_FUNCTIONS.length + AGGREGATIONS.length + PARAM_AGGREGATIONS.length + VECTOR_FUNCTIONS.length + BINARY_OPERATORS.length + 1);
    for (const info of VISUAL_OPERATIONS) {
      expect(VISUAL_OPERATION_GROUPS).toContain(info.group);
      const op = info.make();
      expect(op.kind).toBe(info.kind);
      const model = q('x', info.kind === 'range' ? [op] : [{ kind: 'range', fn: 'rate', range: '5m' }, op]);
      expect(accepted(printVisualQuery(model))).toEqual(model);
    }
  });
});

// ---- properties ----

const KEYWORDS = ['sum', 'by', 'on', 'offset', 'bool', 'inf', 'NaN', 'le', 'rate', 'group_left', 'and', 'topk'];
const labelName = fc.oneof(fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,6}$/), fc.constantFrom(...KEYWORDS, 'service.name', '__name__'));
const metricName = fc.oneof({ weight: 4, arbitrary: fc.stringMatching(/^[a-zA-Z_:][a-zA-Z0-9_:]{0,8}$/) }, fc.constantFrom(...KEYWORDS, 'my.metric', ''));
const labelValue = fc.string({ unit: fc.constantFrom('a', '5', '.', '"', "'", '\\', '\n', '\t', '\r', 'é', '$', '{', '}', ' ', '#', '`'), maxLength: 8 });
const UNITS = ['y', 'w', 'd', 'h', 'm', 's', 'ms'] as const;
const duration = fc
  .subarray([...UNITS], { minLength: 1, maxLength: 3 })
  .chain((units) => fc.tuple(...units.map((u) => fc.integer({ min: 1, max: 90 }).map((n) => `${n}${u}`))))
  .map((parts) => parts.join(''));
const variable = fc.constantFrom('$__rate_interval', '$__interval', '${interval}', '[[iv]]');
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const numberText = optional(fc.constantFrom('0.50', '1e3', '.5', '0x10', 'nan', 'Inf', '5', '-1', 'junk', '1_0'));
const number = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double(), fc.constantFrom(0.95, 0.5, 1e-7, 1e21));
const grouping: fc.Arbitrary<Grouping> = fc.record({ mode: fc.constantFrom('by', 'without'), labels: fc.array(labelName, { maxLength: 3 }), first: fc.boolean() });
const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

function models(withVariables: boolean): fc.Arbitrary<VisualQuery> {
  const range = withVariables ? fc.oneof(duration, variable) : duration;
  const scalar = fc
    .record({ kind: fc.constant('scalar' as const), op: fc.constantFrom(...BINARY_OPERATORS), value: number, numberText, bool: optional(fc.constant(true)), left: optional(fc.constant(true)), parens: optional(fc.constant(true)) })
    .map(defined);
  const parens = optional(fc.constant(true));
  const operation: fc.Arbitrary<Operation> = fc.oneof(
    fc.record({ kind: fc.constant('range' as const), fn: fc.constantFrom(...RANGE_FUNCTIONS), range, parens }).map(defined),
    fc.record({ kind: fc.constant('aggregate' as const), fn: fc.constantFrom(...AGGREGATIONS), grouping: optional(grouping), parens }).map(defined),
    fc.record({ kind: fc.constant('aggregate-param' as const), fn: fc.constantFrom(...PARAM_AGGREGATIONS), param: number, numberText, grouping: optional(grouping), parens }).map(defined),
    fc.record({ kind: fc.constant('function' as const), fn: fc.constantFrom(...VECTOR_FUNCTIONS), parens }).map(defined),
    fc.record({ kind: fc.constant('histogram_quantile' as const), quantile: number, numberText, parens }).map(defined),
    scalar,
  );
  const filter: fc.Arbitrary<LabelFilter> = fc.record({ label: labelName, op: fc.constantFrom('=', '!=', '=~', '!~'), value: labelValue });
  const { query } = fc.letrec<{ query: VisualQuery; binary: BinaryQuery }>((tie) => ({
    query: fc
      .record({
        metric: metricName,
        labels: fc.array(filter, { maxLength: 3 }),
        offset: optional(fc.oneof(duration, duration.map((d) => `-${d}`))),
        operations: fc.array(operation, { maxLength: 4 }),
        binaryQueries: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constant([]), fc.array(tie('binary'), { maxLength: 2 })),
        parens: optional(fc.constant(true)),
      })
      .map(defined) as fc.Arbitrary<VisualQuery>,
    binary: fc
      .record({
        op: fc.constantFrom(...BINARY_OPERATORS, ...SET_OPERATORS),
        bool: optional(fc.constant(true)),
        matching: optional(
          fc
            .record({
              mode: fc.constantFrom('on', 'ignoring'),
              labels: fc.array(labelName, { maxLength: 2 }),
              group: optional(fc.record({ side: fc.constantFrom('group_left', 'group_right'), labels: fc.array(labelName, { maxLength: 2 }) })),
            })
            .map(defined),
        ),
        query: tie('query'),
        parens: optional(fc.constant(true)),
        resultOperations: optional(fc.array(scalar, { maxLength: 2 })),
      })
      .map(defined) as fc.Arbitrary<BinaryQuery>,
  }));
  return query;
}

/** Node names of the syntax tree in document order, comments aside. */
function treeShape(expr: string): string {
  const names: string[] = [];
  parser.parse(expr).iterate({
    enter: (n) => {
      if (n.name !== 'LineComment') names.push(n.name);
    },
    leave: (n) => {
      if (n.name !== 'LineComment') names.push(')');
    },
  });
  return names.join(' ');
}

describe('properties', () => {
  it('every model prints to PromQL that parses', () => {
    fc.assert(
      fc.property(models(false), (m) => {
        const printed = printVisualQuery(m);
        expect(checkPromQL(printed), printed).toBeUndefined();
      }),
      { numRuns: 600 },
    );
  });

  it('print ∘ toVisualQuery ∘ print = print', () => {
    fc.assert(
      fc.property(models(true), (m) => {
        const printed = printVisualQuery(m);
        const result = toVisualQuery(printed);
        if (!result.ok) throw new Error(`${printed} refused: ${result.reason} at ${result.from}`);
        expect(printVisualQuery(result.query)).toBe(printed);
      }),
      { numRuns: 600 },
    );
  });

  const POOL = ['(', ')', ',', 'by', 'without', '5', '-', '+', 'a', '/', '*', '^', 'offset', '1h', 'bool', 'on', 'group_left', '(le)', '[5m]', '[5m:]', "'x'", 'sum', 'topk', 'rate', '>', '==', '{b="c"}', 'and', '@', '#c\n'];
  const mutated = fc
    .tuple(models(false), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('paren', 'drop', 'insert', 'swap'), fc.constantFrom(...POOL)), { minLength: 1, maxLength: 3 }), fc.constantFrom(' ', '', '\n  '))
    .map(([m, edits, space]) => {
      const parts = queryTokens(printVisualQuery(m)).map((t) => t.text);
      for (const [i, j, edit, token] of edits) {
        const a = i % (parts.length + 1);
        const b = j % (parts.length + 1);
        if (edit === 'paren') parts.splice(Math.min(a, b), Math.abs(a - b), '(', ...parts.slice(Math.min(a, b), Math.max(a, b)), ')');
        else if (edit === 'drop') parts.splice(a, 1);
        else if (edit === 'insert') parts.splice(a, 0, token);
        else if (a < parts.length && b < parts.length) [parts[a], parts[b]] = [parts[b]!, parts[a]!];
      }
      return parts.join(space);
    });

  it('any accepted string prints back token for token, with the same syntax tree', () => {
    let acceptedCount = 0;
    fc.assert(
      fc.property(mutated, (s) => {
        const result = toVisualQuery(s);
        if (!result.ok) {
          expect(result.from).toBeGreaterThanOrEqual(0);
          expect(result.to).toBeLessThanOrEqual(s.length);
          return;
        }
        acceptedCount++;
        const printed = printVisualQuery(result.query);
        expect(tokenTexts(printed)).toEqual(tokenTexts(s));
        // Independent of the token comparison: the grammar reads both into the same tree.
        expect(treeShape(printed)).toBe(treeShape(s));
        expect(checkPromQL(s)).toBeUndefined();
      }),
      { numRuns: 1500 },
    );
    // Some mutations (extra parentheses, a moved comma) still read: the property was exercised.
    expect(acceptedCount).toBeGreaterThan(20);
  });
});
