/**
 * PromQL checks in the client, with Prometheus' own Lezer grammar: a syntax error with its
 * position before any request is sent, and the metric names a query reads.
 */
import { parser } from '@prometheus-io/lezer-promql';
import type { SyntaxNode, Tree } from '@lezer/common';

/** Where a problem is in a query: 1-based line and column, as Prometheus reports them. */
export interface QueryLocation {
  line: number;
  column: number;
  /** 0-based offsets of the offending text. */
  from: number;
  to: number;
}

/** A PromQL syntax problem. */
export interface PromQLSyntaxError extends QueryLocation {
  message: string;
}

/** The first syntax error in `expr`, or undefined when it parses. */
export function checkPromQL(expr: string): PromQLSyntaxError | undefined {
  if (expr.trim() === '') return { message: 'the query is empty', ...locate(expr, 0, 0) };
  const tree = parser.parse(expr);
  let found: PromQLSyntaxError | undefined;
  tree.iterate({
    enter(node) {
      if (found) return false;
      if (node.type.isError) {
        found = { message: unexpected(expr, node.from, node.to), ...locate(expr, node.from, node.to) };
      } else if (node.name === 'StringLiteral' && !closed(expr.slice(node.from, node.to))) {
        found = { message: 'unterminated string', ...locate(expr, node.from, node.to) };
      }
      return undefined;
    },
  });
  return found;
}

/** True when `expr` is one plain series selector (`up`, `up{job="x"}`, `{__name__=~"a.*"}`). */
export function isSeriesSelector(expr: string): boolean {
  if (checkPromQL(expr)) return false;
  const top = parser.parse(expr).topNode.firstChild;
  return top?.name === 'VectorSelector' && top.nextSibling === null;
}

/** Metric names the query selects, in order of first use, without duplicates. */
export function metricNames(expr: string): string[] {
  const names = new Set<string>();
  const tree: Tree = parser.parse(expr);
  tree.iterate({
    enter(node) {
      if (node.name === 'VectorSelector') {
        const identifier = node.node.getChild('Identifier');
        if (identifier) names.add(expr.slice(identifier.from, identifier.to));
      }
      if (node.name === 'UnquotedLabelMatcher' || node.name === 'QuotedLabelMatcher') {
        const name = nameFromMatcher(expr, node.node);
        if (name) names.add(name);
      }
    },
  });
  return [...names];
}

/** `{__name__="up"}` names a metric too (equality matchers only). */
function nameFromMatcher(expr: string, matcher: SyntaxNode): string | undefined {
  const label = matcher.getChild('LabelName') ?? matcher.getChild('QuotedLabelName');
  const op = matcher.getChild('MatchOp');
  const value = matcher.getChild('StringLiteral');
  if (!label || !op || !value) return undefined;
  const labelText = expr.slice(label.from, label.to).replace(/^["'`]|["'`]$/g, '');
  if (labelText !== '__name__' || !op.getChild('EqlSingle')) return undefined;
  return expr.slice(value.from + 1, value.to - 1);
}

function closed(literal: string): boolean {
  const quote = literal[0];
  if (literal.length < 2 || literal.at(-1) !== quote) return false;
  if (quote === '`') return true;
  // The closing quote must not itself be escaped: count the backslashes before it.
  let backslashes = 0;
  for (let i = literal.length - 2; i > 0 && literal[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 0;
}

function unexpected(expr: string, from: number, to: number): string {
  if (from >= expr.length) return 'unexpected end of input';
  const text = expr.slice(from, Math.max(to, from + 1));
  return `unexpected ${JSON.stringify(text.length > 20 ? `${text.slice(0, 20)}…` : text)}`;
}

function locate(expr: string, from: number, to: number): QueryLocation {
  const before = expr.slice(0, from);
  const line = before.split('\n').length;
  const column = from - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column, from, to };
}
