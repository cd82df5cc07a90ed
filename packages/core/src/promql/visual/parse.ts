/**
 * PromQL → model, refusing rather than guessing. The query is read with Prometheus' Lezer grammar
 * into the model, then printed back; it is accepted only when the printed text is the input token
 * for token (whitespace and `#` comments aside). So code → builder → code never changes a query:
 * whatever the model cannot show (`topk(5, a / b)`, `label_replace`, extra parentheses, a
 * single-quoted string) comes back as a refusal naming the part and where it is.
 *
 * Dashboard variables: `$var`, `${var}` and `[[var]]` inside strings are plain text to PromQL and
 * stay in label values as written. Outside strings the grammar cannot read them; the one place
 * the builder keeps them is a range (`rate(x[$__rate_interval])`): there each is replaced, before
 * parsing, by a stand-in duration of the same length (`1…1s`), so every offset still points into
 * the input, and the range is read back as the variable's own text. A variable anywhere else
 * (`by ($grouping)`, `topk($n, …)`, a metric name) is refused.
 */
import { parser } from '@prometheus-io/lezer-promql';
import type { SyntaxNode } from '@lezer/common';
import { checkPromQL, labelMatcherOf, stringValue } from '../parse.js';
import { AGGREGATIONS, PARAM_AGGREGATIONS, RANGE_FUNCTIONS, VECTOR_FUNCTIONS } from './model.js';
import type { BinaryOperator, Grouping, LabelFilter, Operation, ScalarOperation, SetOperator, VectorMatching, VisualQuery } from './model.js';
import { ATOM, isNumberText, isVisualOffset, isVisualRange, needsParens, printNumber, printVisualQuery, visualPrecedence as queryPrecedence } from './print.js';

/** Why a query cannot be shown in the builder, and which part of the input (0-based offsets). */
export interface VisualRefusal {
  ok: false;
  reason: string;
  from: number;
  to: number;
}

/** The result of reading a query into the builder. */
export type VisualParseResult = { ok: true; query: VisualQuery } | VisualRefusal;

/** One token of a query as the comparison sees it. */
export interface QueryToken {
  text: string;
  from: number;
  to: number;
}

class Refusal {
  constructor(
    readonly reason: string,
    readonly from: number,
    readonly to: number,
  ) {}
}

function refuse(reason: string, node: { from: number; to: number }): never {
  throw new Refusal(reason, node.from, node.to);
}

/**
 * The builder's model of `expr`, or why the builder cannot show it. `ok` only when
 * `printVisualQuery(query)` is `expr` token for token.
 */
export function toVisualQuery(expr: string): VisualParseResult {
  try {
    const prepared = prepare(expr);
    const syntax = checkPromQL(prepared.text);
    if (syntax) return { ok: false, reason: `syntax error: ${syntax.message}`, from: syntax.from, to: syntax.to };
    const top = parser.parse(prepared.text).topNode.getChildren('Expr')[0];
    if (!top) return { ok: false, reason: 'the query is empty', from: 0, to: expr.length };
    const reader = new Reader(expr, prepared.standins);
    // `( … )` around the whole query is kept on the model.
    const query = top.name === 'ParenExpr' ? { ...reader.query(top.getChildren('Expr')[0]!), parens: true } : reader.query(top);
    const printed = printOrRefuse(query, expr);
    const mismatch = firstDifference(queryTokens(expr), queryTokens(printed));
    if (mismatch) return { ok: false, ...mismatch };
    return { ok: true, query };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.reason, from: error.from, to: error.to };
    throw error;
  }
}

function printOrRefuse(query: VisualQuery, expr: string): string {
  try {
    return printVisualQuery(query);
  } catch (error) {
    return refuse((error as Error).message.replace(/^The /, 'the ').replace(/\.$/, ''), { from: 0, to: expr.length });
  }
}

function firstDifference(input: QueryToken[], printed: QueryToken[]): Omit<VisualRefusal, 'ok'> | undefined {
  const n = Math.max(input.length, printed.length);
  for (let i = 0; i < n; i++) {
    const a = input[i];
    const b = printed[i];
    if (a && b && a.text === b.text) continue;
    const end = input.at(-1)?.to ?? 0;
    if (!a) return { reason: `the builder would add \`${b!.text}\` at the end`, from: end, to: end };
    if (!b) return { reason: `the builder cannot keep \`${a.text}\``, from: a.from, to: a.to };
    return { reason: `the builder would write \`${b.text}\` where the query has \`${a.text}\``, from: a.from, to: a.to };
  }
  return undefined;
}

/**
 * The tokens of a query: the text of each leaf of its Lezer tree and each punctuation character
 * between leaves (the grammar keeps `(`, `,`, `[` out of the tree), whitespace and comments
 * dropped. A sign in front of a number is a token of its own, so `- 1` and `-1` compare equal
 * however the grammar groups them. Variables in ranges read as written (`$__rate_interval`).
 */
export function queryTokens(expr: string): QueryToken[] {
  let text = expr;
  try {
    text = prepare(expr).text;
  } catch {
    // A variable the builder does not keep: tokenise the text as it is.
  }
  const out: QueryToken[] = [];
  let at = 0;
  const gap = (to: number): void => {
    for (let i = at; i < to; i++) if (!/\s/.test(expr[i]!)) out.push({ text: expr[i]!, from: i, to: i + 1 });
  };
  parser.parse(text).iterate({
    enter(node) {
      if (node.node.firstChild || node.from === node.to) return;
      gap(node.from);
      at = node.to;
      if (node.name === 'LineComment') return;
      const raw = expr.slice(node.from, node.to);
      if (node.name === 'StringLiteral') {
        out.push({ text: raw, from: node.from, to: node.to });
        return;
      }
      const squeezed = raw.replace(/\s+/g, '');
      const sign = node.name === 'NumberDurationLiteral' && /^[+-]/.test(squeezed);
      if (sign) out.push({ text: squeezed[0]!, from: node.from, to: node.from + 1 });
      if (squeezed.length > (sign ? 1 : 0)) out.push({ text: sign ? squeezed.slice(1) : squeezed, from: node.from, to: node.to });
    },
  });
  gap(expr.length);
  return out;
}

interface Prepared {
  /** The query with each range variable replaced by a stand-in of the same length. */
  text: string;
  /** `from:to` of each stand-in → the variable it stands for. */
  standins: Map<string, string>;
}

const PLACEHOLDER = /\$\{[A-Za-z0-9_]+(?::[^}]*)?\}|\$[A-Za-z0-9_]+|\[\[[A-Za-z0-9_]+(?::[^\]]*)?\]\]/y;

/** Finds variables outside strings and comments; replaces those that are a whole range, refuses the rest. */
function prepare(expr: string): Prepared {
  let text = expr;
  const standins = new Map<string, string>();
  let i = 0;
  while (i < expr.length) {
    const c = expr[i]!;
    if (c === '"' || c === "'") {
      i++;
      while (i < expr.length && expr[i] !== c && expr[i] !== '\n') i += expr[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '`') {
      const end = expr.indexOf('`', i + 1);
      i = end < 0 ? expr.length : end + 1;
    } else if (c === '#') {
      const end = expr.indexOf('\n', i);
      i = end < 0 ? expr.length : end;
    } else {
      PLACEHOLDER.lastIndex = i;
      const match = PLACEHOLDER.exec(expr);
      if (!match) {
        i++;
        continue;
      }
      const end = i + match[0].length;
      const before = expr.slice(0, i).trimEnd();
      const after = expr.slice(end).trimStart();
      // A whole range: `[$v]`, or a subquery's without a step, `[$v:]`.
      const closes = after.startsWith(']') || /^:\s*\]/.test(after);
      if (before.endsWith(':') || (before.endsWith('[') && /^:\s*[^\]\s]/.test(after))) {
        refuse('the builder shows a subquery only without a step, such as [5m:] or [$__range:]', { from: i, to: end });
      }
      if (!before.endsWith('[') || before.endsWith('[[') || !closes) {
        refuse(`the builder keeps variables only in label values and in ranges such as [$__rate_interval]; it cannot show ${match[0]} here`, { from: i, to: end });
      }
      text = text.slice(0, i) + '1'.repeat(match[0].length - 1) + 's' + text.slice(end);
      standins.set(`${i}:${end}`, match[0]);
      i = end;
    }
  }
  return { text, standins };
}

const OPERATORS: Record<string, BinaryOperator> = {
  Pow: '^',
  Mul: '*',
  Div: '/',
  Mod: '%',
  Add: '+',
  Sub: '-',
  Eql: '==',
  Neq: '!=',
  Gte: '>=',
  Gtr: '>',
  Lte: '<=',
  Lss: '<',
};
const SET_OPS: Record<string, SetOperator> = { And: 'and', Or: 'or', Unless: 'unless' };

function includes<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}


class Reader {
  constructor(
    private readonly src: string,
    private readonly standins: Map<string, string>,
  ) {}

  private text(node: SyntaxNode): string {
    return this.src.slice(node.from, node.to);
  }

  private exprs(node: SyntaxNode): SyntaxNode[] {
    return node.getChildren('Expr');
  }

  query(node: SyntaxNode): VisualQuery {
    switch (node.name) {
      case 'VectorSelector':
        return this.selector(node);
      case 'OffsetExpr': {
        const inner = this.exprs(node)[0]!;
        if (inner.name !== 'VectorSelector') refuse('the builder keeps `offset` only right after the metric, or after the range as in rate(x[5m] offset 1h)', node);
        const q = this.selector(inner);
        q.offset = this.offset(node);
        return q;
      }
      case 'FunctionCall':
        return this.functionCall(node);
      case 'AggregateExpr':
        return this.aggregation(node);
      case 'BinaryExpr':
        return this.binary(node);
      case 'ParenExpr':
        return refuse('the builder cannot keep parentheses here', node);
      case 'MatrixSelector':
        return refuse('a range selector such as x[5m] goes inside a range function such as rate(…) in the builder', node);
      case 'SubqueryExpr':
        return refuse('the builder shows a subquery only as the argument of a range function, without a step: rate(sum(x)[5m:])', node);
      case 'NumberDurationLiteral':
        return refuse('a number on its own is not a builder query', node);
      case 'StringLiteral':
        return refuse('a string on its own is not a builder query', node);
      case 'UnaryExpr':
        return refuse('a leading sign (-x) is not in the builder; write -1 * x', node);
      case 'StepInvariantExpr':
        return refuse('the @ modifier is not in the builder', node);
      case 'AnchoredExpr':
      case 'SmoothedExpr':
        return refuse(`\`${node.name === 'AnchoredExpr' ? 'anchored' : 'smoothed'}\` is not in the builder`, node);
      default:
        return refuse(`${node.name} is not in the builder`, node);
    }
  }

  private selector(node: SyntaxNode): VisualQuery {
    const identifier = node.getChild('Identifier');
    let metric = identifier ? this.text(identifier) : '';
    const labels: LabelFilter[] = [];
    const matchers = node.getChild('LabelMatchers');
    let child = matchers?.firstChild ?? null;
    for (; child; child = child.nextSibling) {
      if (child.name === 'QuotedLabelName') {
        // `{"metric.name", …}`: Prometheus 3's quoted metric name, first and alone.
        if (metric !== '' || labels.length) refuse('the builder reads a quoted metric name only as the first item in { }', child);
        metric = this.string(child.firstChild!);
        continue;
      }
      if (child.name !== 'UnquotedLabelMatcher' && child.name !== 'QuotedLabelMatcher') continue;
      labels.push(labelMatcherOf(child, (n) => this.text(n), (n) => this.string(n)));
    }
    return { metric, labels, operations: [], binaryQueries: [] };
  }

  /** The value of a PromQL string literal (Go escapes). */
  private string(node: SyntaxNode): string {
    try {
      return stringValue(this.text(node));
    } catch (error) {
      return refuse((error as Error).message, node);
    }
  }

  private offset(node: SyntaxNode): string {
    let duration = node.getChild('OffsetDurationExpr')!;
    let sign = '';
    const unary = duration.getChild('UnaryOp');
    if (unary) {
      sign = this.text(unary);
      duration = duration.getChild('OffsetDurationExpr')!;
    }
    const literal = duration.getChild('NumberDurationLiteralInDurationContext');
    if (!literal || literal.from !== duration.from || literal.to !== duration.to) {
      refuse('the builder keeps only a plain duration after offset, such as offset 1h', node.getChild('OffsetDurationExpr')!);
    }
    const text = sign + this.text(literal);
    if (!isVisualOffset(text)) refuse(`the builder keeps only a plain duration after offset, such as offset 1h`, literal);
    return text;
  }

  private range(node: SyntaxNode): string {
    const literal = node.getChild('NumberDurationLiteralInDurationContext');
    if (!literal || literal.from !== node.from || literal.to !== node.to) refuse('the builder keeps only a plain duration or a variable as a range, such as [5m] or [$__rate_interval]', node);
    const text = this.standins.get(`${literal.from}:${literal.to}`) ?? this.text(literal);
    if (!isVisualRange(text)) refuse(`the builder keeps only a plain duration or a variable as a range, such as [5m] or [$__rate_interval]`, literal);
    return text;
  }

  /** A number literal (signed, maybe in parentheses): its value and its unsigned spelling. */
  private number(node: SyntaxNode): { value: number; text: string } | undefined {
    if (node.name === 'ParenExpr') {
      const inner = this.exprs(node)[0];
      return inner ? this.number(inner) : undefined;
    }
    if (node.name === 'UnaryExpr') {
      const inner = this.exprs(node)[0];
      const n = inner?.name === 'NumberDurationLiteral' ? this.number(inner) : undefined;
      if (n === undefined) return undefined;
      return this.text(node.getChild('UnaryOp')!) === '-' ? { value: -n.value, text: n.text } : n;
    }
    if (node.name !== 'NumberDurationLiteral') return undefined;
    const text = this.text(node).replace(/\s+/g, '');
    const negative = text.startsWith('-');
    const body = text.replace(/^[+-]/, '');
    let value: number;
    if (/^inf$/i.test(body)) value = Infinity;
    else if (/^nan$/i.test(body)) value = NaN;
    else if (isNumberText(body)) value = Number(body);
    else return refuse(`the builder cannot read \`${text}\` as a number`, node);
    return { value: negative ? -value : value, text: body };
  }

  private numberArg(node: SyntaxNode, where: string): { value: number; numberText?: string } {
    const n = this.number(node);
    if (n === undefined) refuse(`the builder takes only a number as the first argument of ${where}`, node);
    return spelled(n);
  }

  /**
   * The query inside a call, with `op` applied: its last step must not be a binary operation
   * between queries. Parentheses around it (`sum((x))`) are kept on the operation.
   */
  private apply(node: SyntaxNode, where: string, op: Operation): VisualQuery {
    const parens = node.name === 'ParenExpr';
    const q = this.query(parens ? this.exprs(node)[0]! : node);
    if (q.binaryQueries.length) refuse(`the builder cannot show a binary operation inside ${where}`, node);
    if (parens) op.parens = true;
    q.operations.push(op);
    return q;
  }

  private functionCall(node: SyntaxNode): VisualQuery {
    const fn = this.text(node.getChild('FunctionIdentifier')!);
    const args = this.exprs(node.getChild('FunctionCallBody')!);
    const where = `${fn}(…)`;
    if (includes(RANGE_FUNCTIONS, fn)) {
      if (args.length !== 1) refuse(`${where} takes one range selector in the builder`, node);
      return this.rangeCall(fn, args[0]!);
    }
    if (includes(VECTOR_FUNCTIONS, fn)) {
      if (args.length !== 1) refuse(`the builder shows ${fn} only with one argument`, node);
      return this.apply(args[0]!, where, { kind: 'function', fn });
    }
    if (fn === 'histogram_quantile') {
      if (args.length !== 2) refuse('histogram_quantile takes a quantile and a query', node);
      const { value: quantile, numberText } = this.numberArg(args[0]!, where);
      return this.apply(args[1]!, where, numberText === undefined ? { kind: 'histogram_quantile', quantile } : { kind: 'histogram_quantile', quantile, numberText });
    }
    return refuse(`\`${fn}\` is not in the builder`, node.getChild('FunctionIdentifier')!);
  }

  private rangeCall(fn: (typeof RANGE_FUNCTIONS)[number], arg: SyntaxNode): VisualQuery {
    const where = `${fn}(…)`;
    let matrix = arg;
    let offset: string | undefined;
    if (arg.name === 'OffsetExpr') {
      matrix = this.exprs(arg)[0]!;
      if (matrix.name !== 'MatrixSelector') refuse(`${where} needs a range selector such as x[5m]`, arg);
      offset = this.offset(arg);
    }
    if (matrix.name === 'MatrixSelector') {
      const selector = this.exprs(matrix)[0]!;
      if (selector.name === 'OffsetExpr') refuse('the builder writes the offset after the range: rate(x[5m] offset 1h)', selector);
      if (selector.name !== 'VectorSelector') refuse(`the builder shows a range only on a metric; over an expression it needs a subquery such as ${fn}(sum(x)[5m:])`, selector);
      const q = this.selector(selector);
      if (offset !== undefined) q.offset = offset;
      q.operations.push({ kind: 'range', fn, range: this.range(matrix.getChild('DurationExpr')!) });
      return q;
    }
    if (matrix.name === 'SubqueryExpr') {
      const durations = matrix.getChildren('DurationExpr');
      if (durations.length !== 1) refuse('the builder shows a subquery only without a step, such as [5m:]', matrix);
      const inner = this.exprs(matrix)[0]!;
      const op: Operation = { kind: 'range', fn, range: this.range(durations[0]!) };
      const q = this.apply(inner, where, op);
      if (q.operations.length === 1) refuse(`the builder writes a range on a metric without a subquery: ${fn}(x[5m])`, matrix);
      // Parentheses a binary operation needs before `[…:]` are not kept ones.
      if (op.parens && queryPrecedence({ ...q, operations: q.operations.slice(0, -1) }) < ATOM) delete op.parens;
      return q;
    }
    return refuse(`${where} needs a range selector such as x[5m]`, arg);
  }

  private aggregation(node: SyntaxNode): VisualQuery {
    const opNode = node.getChild('AggregateOp')!;
    const fn = this.text(opNode);
    const body = node.getChild('FunctionCallBody')!;
    const args = this.exprs(body);
    const where = `${fn}(…)`;
    const modifier = node.getChild('AggregateModifier');
    let grouping: Grouping | undefined;
    if (modifier) {
      grouping = {
        mode: modifier.getChild('By') ? 'by' : 'without',
        labels: this.groupingLabels(modifier.getChild('GroupingLabels')!),
        first: modifier.from < body.from,
      };
    }
    let op: Operation;
    let arg: SyntaxNode;
    if (includes(AGGREGATIONS, fn)) {
      if (args.length !== 1) refuse(`${fn} takes one query`, body);
      arg = args[0]!;
      op = grouping ? { kind: 'aggregate', fn, grouping } : { kind: 'aggregate', fn };
    } else if (includes(PARAM_AGGREGATIONS, fn)) {
      if (args.length !== 2) refuse(`${fn} takes a number and a query`, body);
      const { value: param, numberText } = this.numberArg(args[0]!, where);
      arg = args[1]!;
      op = grouping ? { kind: 'aggregate-param', fn, param, grouping } : { kind: 'aggregate-param', fn, param };
      if (numberText !== undefined) op.numberText = numberText;
    } else {
      return refuse(`\`${fn}\` is not in the builder`, opNode);
    }
    return this.apply(arg, where, op);
  }

  private groupingLabels(node: SyntaxNode): string[] {
    const labels: string[] = [];
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.name === 'LabelName') labels.push(this.text(child));
      else if (child.name === 'QuotedLabelName') labels.push(this.string(child.firstChild!));
    }
    return labels;
  }

  private binary(node: SyntaxNode): VisualQuery {
    const [left, right] = this.exprs(node) as [SyntaxNode, SyntaxNode];
    const opNode = left.nextSibling!;
    const setOp = SET_OPS[opNode.name];
    const op = OPERATORS[opNode.name];
    if (setOp) return this.setOperation(node, left, right, setOp);
    if (!op) return refuse(`the operator \`${this.text(opNode)}\` is not in the builder`, opNode);
    if (node.getChild('FillModifier')) refuse('fill modifiers are not in the builder', node.getChild('FillModifier')!);
    const bool = node.getChild('BoolModifier') !== null;
    const clause = node.getChild('MatchingModifierClause');
    const leftNumber = this.number(left);
    const rightNumber = this.number(right);
    if (leftNumber !== undefined && rightNumber !== undefined) return refuse('arithmetic between two numbers is not in the builder', node);
    if (leftNumber !== undefined || rightNumber !== undefined) {
      if (clause) refuse('on/ignoring between a query and a number is not in the builder', clause);
      const numberLeft = leftNumber !== undefined;
      const side = numberLeft ? 'right' : 'left';
      const { query: q, parens } = this.scalarOperand(numberLeft ? right : left, op, side);
      const { value, numberText } = spelled((numberLeft ? leftNumber : rightNumber)!);
      const scalar: ScalarOperation = { kind: 'scalar', op, value };
      if (numberText !== undefined) scalar.numberText = numberText;
      if (bool) scalar.bool = true;
      if (numberLeft) scalar.left = true;
      if (parens) scalar.parens = true;
      // After a binary operation between queries it applies to the whole result.
      const lastBinary = q.binaryQueries.at(-1);
      if (lastBinary) (lastBinary.resultOperations ??= []).push(scalar);
      else q.operations.push(scalar);
      return q;
    }
    const { query: l, parens } = this.binaryOperand(left, op, 'left');
    const binary: VisualQuery['binaryQueries'][number] = { op, query: this.binaryOperand(right, op, 'right').query };
    if (parens) binary.parens = true;
    if (bool) binary.bool = true;
    if (clause) binary.matching = this.matching(clause);
    l.binaryQueries.push(binary);
    return l;
  }

  /** `a and b`, `a or b`, `a unless b`: between two queries only. */
  private setOperation(node: SyntaxNode, left: SyntaxNode, right: SyntaxNode, op: SetOperator): VisualQuery {
    if (this.number(left) !== undefined || this.number(right) !== undefined) refuse(`\`${op}\` works only between two queries, not with a number`, node);
    const { query: l, parens } = this.binaryOperand(left, op, 'left');
    const binary: VisualQuery['binaryQueries'][number] = { op, query: this.binaryOperand(right, op, 'right').query };
    if (parens) binary.parens = true;
    const clause = node.getChild('MatchingModifierClause');
    if (node.getChild('BoolModifier')) refuse(`\`bool\` does not apply to \`${op}\``, node.getChild('BoolModifier')!);
    if (clause) binary.matching = this.matching(clause);
    l.binaryQueries.push(binary);
    return l;
  }

  /** The query side of `query op number`; `parens` when it is in parentheses precedence does not need. */
  private scalarOperand(node: SyntaxNode, op: BinaryOperator, side: 'left' | 'right'): { query: VisualQuery; parens: boolean } {
    if (node.name !== 'ParenExpr') return { query: this.query(node), parens: false };
    const q = this.query(this.exprs(node)[0]!);
    return { query: q, parens: !needsParens(queryPrecedence(q), op, side) };
  }

  /**
   * One side of `query op query`. Parentheses precedence does not need are kept: on the right as
   * the query's own `parens`; on the left as `parens` of the binary operation (returned).
   */
  private binaryOperand(node: SyntaxNode, op: BinaryOperator | SetOperator, side: 'left' | 'right'): { query: VisualQuery; parens: boolean } {
    if (node.name !== 'ParenExpr') return { query: this.query(node), parens: false };
    const q = this.query(this.exprs(node)[0]!);
    const kept = !needsParens(queryPrecedence(q), op, side);
    if (kept && side === 'right') q.parens = true;
    return { query: q, parens: kept && side === 'left' };
  }

  private matching(node: SyntaxNode): VectorMatching {
    const [labels, groupLabels] = node.getChildren('GroupingLabels');
    const matching: VectorMatching = { mode: node.getChild('On') ? 'on' : 'ignoring', labels: this.groupingLabels(labels!) };
    const side = node.getChild('GroupLeft') ? 'group_left' : node.getChild('GroupRight') ? 'group_right' : undefined;
    if (side) matching.group = { side, labels: groupLabels ? this.groupingLabels(groupLabels) : [] };
    return matching;
  }
}

/** The number, with its spelling when that is not the canonical one. */
function spelled(n: { value: number; text: string }): { value: number; numberText?: string } {
  return n.text === printNumber(Math.abs(n.value)) ? { value: n.value } : { value: n.value, numberText: n.text };
}

