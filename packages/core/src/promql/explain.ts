/**
 * A query as a tree of the sub-expressions worth running on their own, to see where a query
 * loses its series: `a / on (job) b` is the division, `a` and `b`, and what `a` and `b` are made of.
 *
 * Decisions:
 * - Every PromQL operation is a node; literals are kept as leaves (a reader sees `0.99` in
 *   `histogram_quantile(0.99, …)`), marked `evaluable: false`, as are parentheses (their value is
 *   their child's, so running them would ask the same thing twice).
 * - Range selectors and subqueries are evaluable: an instant query of `x[5m]` answers a matrix,
 *   and its series count is how many series have samples in the window.
 * - `offset`, `@` (and newer modifiers) belong to the node they modify: `x[5m] offset 1h` is one
 *   range-selector node whose text carries the offset, so running its text asks what the parent uses.
 * - A unary minus is a `binary` node labelled `-` with one child.
 * Works on the text sent to Prometheus (variables already replaced); undefined when it does not parse.
 */
import { parser } from '@prometheus-io/lezer-promql';
import type { SyntaxNode } from '@lezer/common';
import { checkPromQL } from './parse.js';

export type ExplainKind = 'selector' | 'range-selector' | 'function' | 'aggregation' | 'binary' | 'subquery' | 'number' | 'string' | 'paren';

/** One sub-expression of a query. */
export interface ExplainNode {
  /** Its text, exactly as in the query (a query of its own). */
  text: string;
  /** 0-based offsets of `text` in the query. */
  from: number;
  to: number;
  kind: ExplainKind;
  /** Short name for a tree: `sum by (job)`, `rate`, `/ on (job) group_left`, `up{job="a"}`. */
  label: string;
  /** Worth running as an instant query on its own (not a literal, not parentheses). */
  evaluable: boolean;
  children: ExplainNode[];
}

const LABEL_MAX = 60;
const MODIFIERS = new Set(['OffsetExpr', 'StepInvariantExpr', 'AnchoredExpr', 'SmoothedExpr']);
const EXPRESSIONS = new Set([
  'AggregateExpr',
  'BinaryExpr',
  'FunctionCall',
  'MatrixSelector',
  'NumberDurationLiteral',
  'ParenExpr',
  'StringLiteral',
  'SubqueryExpr',
  'UnaryExpr',
  'VectorSelector',
  ...MODIFIERS,
]);

/** The tree of `expr`'s sub-expressions, or undefined when `expr` is empty or does not parse. */
export function explainPromQL(expr: string): ExplainNode | undefined {
  if (checkPromQL(expr)) return undefined;
  const top = parser.parse(expr).topNode.firstChild;
  return top && EXPRESSIONS.has(top.name) ? explain(expr, top) : undefined;
}

/** Every node of a tree, parents before children. */
export function explainNodes(root: ExplainNode): ExplainNode[] {
  return [root, ...root.children.flatMap(explainNodes)];
}

/**
 * The node of `node`; `until`, when given, is the end of the modifiers that follow it. The
 * grammar hangs `a - b offset 5m` as `(a - b) offset 5m`, where Prometheus modifies `b` only, so
 * a modifier is carried down to the last operand of a binary or unary expression.
 */
function explain(expr: string, node: SyntaxNode, until?: number): ExplainNode {
  if (MODIFIERS.has(node.name)) return explain(expr, node.firstChild!, until ?? node.to);
  const to = until ?? node.to;
  const text = expr.slice(node.from, to);
  const modifier = until === undefined ? '' : ` ${clean(expr.slice(node.to, until))}`;
  const make = (kind: ExplainKind, label: string, children: ExplainNode[] = []): ExplainNode => ({
    text,
    from: node.from,
    to,
    kind,
    label: short(kind === 'binary' ? label : label + modifier),
    evaluable: kind !== 'number' && kind !== 'string' && kind !== 'paren',
    children,
  });
  const subExpressions = (parent: SyntaxNode | null) => childNodes(parent).filter((c) => EXPRESSIONS.has(c.name)).map((c) => explain(expr, c));

  switch (node.name) {
    case 'VectorSelector':
      return make('selector', clean(slice(expr, node)));
    case 'MatrixSelector':
      return make('range-selector', clean(slice(expr, node)));
    case 'NumberDurationLiteral':
      return make('number', clean(slice(expr, node)));
    case 'StringLiteral':
      return make('string', slice(expr, node));
    case 'ParenExpr':
      return make('paren', '( … )', subExpressions(node));
    case 'FunctionCall':
      return make('function', clean(slice(expr, node.getChild('FunctionIdentifier'))), subExpressions(node.getChild('FunctionCallBody')));
    case 'AggregateExpr': {
      const op = clean(slice(expr, node.getChild('AggregateOp')));
      const modifier = clean(slice(expr, node.getChild('AggregateModifier')));
      return make('aggregation', modifier ? `${op} ${modifier}` : op, subExpressions(node.getChild('FunctionCallBody')));
    }
    case 'BinaryExpr': {
      const operands = childNodes(node).filter((c) => EXPRESSIONS.has(c.name));
      const [left, right] = [operands[0]!, operands.at(-1)!];
      return make('binary', clean(expr.slice(left.to, right.from)), [explain(expr, left), explain(expr, right, until)]);
    }
    case 'UnaryExpr': {
      const operand = childNodes(node).find((c) => EXPRESSIONS.has(c.name))!;
      return make('binary', clean(slice(expr, node.getChild('UnaryOp'))), [explain(expr, operand, until)]);
    }
    case 'SubqueryExpr': {
      const inner = childNodes(node).find((c) => EXPRESSIONS.has(c.name))!;
      return make('subquery', clean(expr.slice(inner.to, node.to)), [explain(expr, inner)]);
    }
    default:
      return make('paren', clean(slice(expr, node)), subExpressions(node));
  }
}

function childNodes(node: SyntaxNode | null): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node?.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

function slice(expr: string, node: SyntaxNode | null): string {
  return node ? expr.slice(node.from, node.to) : '';
}

/** Runs of whitespace as single spaces. */
function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function short(label: string): string {
  return label.length > LABEL_MAX ? `${label.slice(0, LABEL_MAX - 1)}…` : label;
}
