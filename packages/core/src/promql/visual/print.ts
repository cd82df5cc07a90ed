/**
 * Model → PromQL. One canonical spelling per model: selector, then each operation wrapped around
 * everything before it, then the binary operations, with parentheses exactly where PromQL's
 * precedence needs them (plus those a scalar operation asks to keep). The parser (parse.ts)
 * accepts a query only when this printer writes it back token for token.
 */
import { InvalidArgumentError } from '../../prometheus/errors.js';
import type { BinaryOperator, BinaryQuery, Grouping, LabelFilter, Operation, SetOperator, VectorMatching, VisualQuery } from './model.js';

/** Precedence of a printed expression: binary operators by PromQL's table, everything else binds tightest. */
export const ATOM = 100;

const PRECEDENCE: Record<string, number> = {
  or: 1,
  and: 2,
  unless: 2,
  '==': 3,
  '!=': 3,
  '<=': 3,
  '<': 3,
  '>=': 3,
  '>': 3,
  '+': 4,
  '-': 4,
  '*': 5,
  '/': 5,
  '%': 5,
  atan2: 5,
  '^': 6,
};

/** PromQL precedence of a binary operator (higher binds tighter). */
export function precedence(op: BinaryOperator | SetOperator): number {
  return PRECEDENCE[op] ?? ATOM;
}

/** True for `==`, `!=`, `>`, `<`, `>=`, `<=`: the operators `bool` applies to. */
export function isComparison(op: BinaryOperator | SetOperator): boolean {
  return precedence(op) === 3;
}

/**
 * A bare selector with an offset (`x offset 1h`). PromQL reads `a + x offset 1h` as
 * `a + (x offset 1h)`, but the Lezer grammar editors use reads it as `(a + x) offset 1h`; as an
 * operand of any operator it is written in parentheses so that both always agree.
 */
export const OFFSET_SELECTOR = 99;

/** Whether an operand of precedence `inner` needs parentheses on `side` of `op`. */
export function needsParens(inner: number, op: BinaryOperator | SetOperator, side: 'left' | 'right'): boolean {
  if (inner === OFFSET_SELECTOR) return true;
  const p = precedence(op);
  if (inner !== p) return inner < p;
  // Same level: `^` groups to the right, everything else to the left.
  return op === '^' ? side === 'left' : side === 'right';
}

const LABEL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const METRIC_NAME = /^[A-Za-z_:][A-Za-z0-9_:]*$/;
/** Words the grammar reads as keywords or numbers where a metric name would stand. */
const RESERVED_METRICS = new Set([
  'inf', 'nan', 'bool', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'offset', 'and', 'or', 'unless', 'atan2',
  'avg', 'bottomk', 'count', 'count_values', 'group', 'max', 'min', 'quantile', 'limitk', 'limit_ratio', 'stddev', 'stdvar', 'sum', 'topk',
  'start', 'end', 'step', 'range', 'smoothed', 'anchored', 'fill', 'fill_left', 'fill_right',
]);
/** A duration literal (`5m`, `1h30m`, `300`), or a dashboard variable standing for one. */
const DURATION = /^(?:(?:\d+(?:ms|s|m|h|d|w|y))+|\d+(?:\.\d+)?)$/;
const VARIABLE = /^(?:\$[A-Za-z0-9_]+|\$\{[A-Za-z0-9_]+\}|\[\[[A-Za-z0-9_]+\]\])$/;

/** True when `text` can stand in a range `[…]`: a duration (`5m`), seconds, or a variable (`$__rate_interval`). */
export function isVisualRange(text: string): boolean {
  return DURATION.test(text) || VARIABLE.test(text);
}

/** True when `text` can follow `offset`: a duration, optionally negative (`-1h`). */
export function isVisualOffset(text: string): boolean {
  return DURATION.test(text.startsWith('-') ? text.slice(1) : text);
}

/** A PromQL double-quoted string for `value`: backslash, quote and line breaks escaped. */
export function quoteString(value: string): string {
  return `"${value.replace(/[\\"\n\r\t]/g, (c) => ESCAPES[c] ?? c)}"`;
}
const ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A label name as PromQL writes it: bare when it is a plain name, else quoted (`"service.name"`). */
export function printLabelName(name: string): string {
  return LABEL_NAME.test(name) ? name : quoteString(name);
}

/** A number as PromQL writes it (`Inf`, `-Inf`, `NaN`, `0.95`, `1e-7`). */
export function printNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

/** Precedence of the model as printed: of its last binary operation (or the last operation on that result), else of its last operation. */
export function visualPrecedence(q: VisualQuery): number {
  if (q.parens) return ATOM;
  const lastBinary = q.binaryQueries.at(-1);
  if (lastBinary) return precedence(lastBinary.resultOperations?.at(-1)?.op ?? lastBinary.op);
  const last = q.operations.at(-1);
  if (!last) return q.offset !== undefined ? OFFSET_SELECTOR : ATOM;
  return last.kind === 'scalar' ? precedence(last.op) : ATOM;
}

const NUMBER_TEXT = /^(?:(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|0x[0-9a-fA-F]+)$/;

/** True for a PromQL number literal without sign: `5`, `0.50`, `.5`, `1e3`, `0x1f`. */
export function isNumberText(text: string): boolean {
  return NUMBER_TEXT.test(text);
}

/** `value` in the spelling `text` when that spelling (unsigned) still reads as it, else canonical. */
export function printNumberAs(value: number, text: string | undefined): string {
  if (text === undefined) return printNumber(value);
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  if (Number.isNaN(value) ? /^nan$/i.test(text) : Math.abs(value) === Infinity ? /^inf$/i.test(text) : NUMBER_TEXT.test(text) && Number(text) === Math.abs(value)) {
    return sign + text;
  }
  return printNumber(value);
}

interface Printed {
  text: string;
  prec: number;
}

/** The query the model stands for, in canonical PromQL. Throws InvalidArgumentError for a range or offset that is not a duration (check with visualQueryProblems first). */
export function printVisualQuery(q: VisualQuery): string {
  return printQuery(q).text;
}

/** Problems that stop the model from printing (or from running): empty for a good model. */
export function visualQueryProblems(q: VisualQuery): string[] {
  const problems: string[] = [];
  const walk = (query: VisualQuery, where: string): void => {
    if (query.metric === '' && !query.labels.some((l) => l.value !== '' && (l.op === '=' || l.op === '=~'))) {
      problems.push(`${where}choose a metric, or a label filter that matches something`);
    }
    if (query.offset !== undefined && !isVisualOffset(query.offset)) {
      problems.push(`${where}the offset "${query.offset}" is not a duration such as 1h`);
    }
    for (const op of query.operations) {
      if (op.kind === 'range' && !isVisualRange(op.range)) {
        problems.push(`${where}the range of ${op.fn} "${op.range}" is not a duration such as 5m or a variable such as $__rate_interval`);
      }
    }
    query.binaryQueries.forEach((b, i) => walk(b.query, `${where}binary query ${i + 1}: `));
  };
  walk(q, '');
  return problems;
}

function printQuery(q: VisualQuery): Printed {
  let result = printChain(q);
  for (const b of q.binaryQueries) {
    result = printBinary(result, b);
    for (const op of b.resultOperations ?? []) result = printOperation(result, op);
  }
  return q.parens ? { text: `(${result.text})`, prec: ATOM } : result;
}

function printBinary(left: Printed, b: BinaryQuery): Printed {
  const right = printQuery(b.query);
  const l = b.parens || needsParens(left.prec, b.op, 'left') ? `(${left.text})` : left.text;
  const r = needsParens(right.prec, b.op, 'right') ? `(${right.text})` : right.text;
  // `bool` applies to comparisons only; set operators take on/ignoring but no group_left/right.
  const matching = b.matching && precedence(b.op) <= 2 ? { mode: b.matching.mode, labels: b.matching.labels } : b.matching;
  const modifiers = [b.bool && isComparison(b.op) ? 'bool' : '', matching ? printMatching(matching, r.startsWith('(')) : ''].filter(Boolean).join(' ');
  return { text: `${l} ${b.op}${modifiers ? ` ${modifiers}` : ''} ${r}`, prec: precedence(b.op) };
}

function printMatching(m: VectorMatching, rightParen: boolean): string {
  let text = `${m.mode} (${m.labels.map(printLabelName).join(', ')})`;
  // A bare `group_left` before `(…)` would read the parentheses as its labels.
  if (m.group) text += m.group.labels.length || rightParen ? ` ${m.group.side} (${m.group.labels.map(printLabelName).join(', ')})` : ` ${m.group.side}`;
  return text;
}

function printSelector(q: VisualQuery): string {
  const matchers = q.labels.map(printMatcher);
  let name = q.metric;
  if (name !== '' && (!METRIC_NAME.test(name) || RESERVED_METRICS.has(name.toLowerCase()))) {
    // Not writable as a bare name: Prometheus 3's quoted form `{"name", …}`, or `__name__` for keywords.
    matchers.unshift(METRIC_NAME.test(name) ? `__name__="${name}"` : quoteString(name));
    name = '';
  }
  return matchers.length || name === '' ? `${name}{${matchers.join(', ')}}` : name;
}

function printMatcher(f: LabelFilter): string {
  return `${printLabelName(f.label)}${f.op}${quoteString(f.value)}`;
}

function printChain(q: VisualQuery): Printed {
  const selector = printSelector(q);
  if (q.offset !== undefined && !isVisualOffset(q.offset)) throw new InvalidArgumentError(`The offset "${q.offset}" is not a duration such as 1h.`);
  const offset = q.offset !== undefined ? ` offset ${q.offset}` : '';
  const [first] = q.operations;
  let current: Printed;
  let rest: Operation[];
  if (first?.kind === 'range') {
    // `rate(x[5m] offset 1h)`: the offset follows the range.
    current = { text: `${first.fn}(${selector}[${range(first.range, first.fn)}]${offset})`, prec: ATOM };
    rest = q.operations.slice(1);
  } else {
    current = { text: selector + offset, prec: offset ? OFFSET_SELECTOR : ATOM };
    rest = q.operations;
  }
  for (const op of rest) current = printOperation(current, op);
  return current;
}

function range(text: string, fn: string): string {
  if (!isVisualRange(text)) throw new InvalidArgumentError(`The range of ${fn} "${text}" is not a duration such as 5m or a variable such as $__rate_interval.`);
  return text;
}

function printOperation(inner: Printed, op: Operation): Printed {
  // Inside a call's parentheses nothing needs more; `parens` keeps those the query wrote.
  const arg = op.parens ? `(${inner.text})` : inner.text;
  switch (op.kind) {
    case 'range':
      // Over anything but a plain selector the range is a subquery at the default step.
      return { text: `${op.fn}(${op.parens || inner.prec < ATOM ? `(${inner.text})` : inner.text}[${range(op.range, op.fn)}:])`, prec: ATOM };
    case 'aggregate':
      return { text: printAggregation(op.fn, [arg], op.grouping), prec: ATOM };
    case 'aggregate-param':
      return { text: printAggregation(op.fn, [printNumberAs(op.param, op.numberText), arg], op.grouping), prec: ATOM };
    case 'function':
      return { text: `${op.fn}(${arg})`, prec: ATOM };
    case 'histogram_quantile':
      return { text: `histogram_quantile(${printNumberAs(op.quantile, op.numberText)}, ${arg})`, prec: ATOM };
    case 'scalar': {
      const side = op.left ? 'right' : 'left';
      const operand = op.parens || needsParens(inner.prec, op.op, side) ? `(${inner.text})` : inner.text;
      let value = printNumberAs(op.value, op.numberText);
      // `-2 ^ x` is `-(2 ^ x)` in PromQL: a negative base needs its own parentheses.
      if (op.left && op.op === '^' && value.startsWith('-')) value = `(${value})`;
      const operator = op.bool && isComparison(op.op) ? `${op.op} bool` : op.op;
      return { text: op.left ? `${value} ${operator} ${operand}` : `${operand} ${operator} ${value}`, prec: precedence(op.op) };
    }
  }
}

function printAggregation(fn: string, args: string[], grouping: Grouping | undefined): string {
  const body = `(${args.join(', ')})`;
  if (!grouping) return fn + body;
  const clause = `${grouping.mode} (${grouping.labels.map(printLabelName).join(', ')})`;
  return grouping.first ? `${fn} ${clause} ${body}` : `${fn}${body} ${clause}`;
}
