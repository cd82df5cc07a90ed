/**
 * PromQL checks in the client, with Prometheus' own Lezer grammar: a syntax error with its
 * position before any request is sent, the metric names a query reads, and label matchers on
 * their own (`{severity="critical"}`, as alert filters take them).
 */
import { parser } from '@prometheus-io/lezer-promql';
import type { SyntaxNode, Tree } from '@lezer/common';
import type { LabelFilter, LabelMatchOp } from './visual/model.js';

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

/** The grammar's match operators as PromQL writes them. */
const MATCH_OPS: Readonly<Record<string, LabelMatchOp>> = { EqlSingle: '=', Neq: '!=', EqlRegex: '=~', NeqRegex: '!~' };

/**
 * The matchers of `text`, which must be label matchers in braces and nothing else
 * (`{severity="critical", instance=~"eu-.+"}`), or why it is not.
 */
export function labelMatchers(text: string): { ok: true; matchers: LabelFilter[] } | { ok: false; reason: string } {
  const syntax = checkPromQL(text);
  if (syntax) return { ok: false, reason: `${syntax.message} at column ${syntax.column}` };
  const top = parser.parse(text).topNode.firstChild;
  if (top?.name !== 'VectorSelector' || top.nextSibling || top.getChild('Identifier')) return { ok: false, reason: 'only label matchers in braces are allowed' };
  const matchers: LabelFilter[] = [];
  const slice = (node: SyntaxNode) => text.slice(node.from, node.to);
  try {
    for (let child = top.getChild('LabelMatchers')?.firstChild ?? null; child; child = child.nextSibling) {
      if (child.name === 'QuotedLabelName') return { ok: false, reason: 'only label matchers in braces are allowed' };
      if (child.name === 'UnquotedLabelMatcher' || child.name === 'QuotedLabelMatcher') matchers.push(labelMatcherOf(child, slice, (n) => stringValue(slice(n))));
    }
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  return { ok: true, matchers };
}

/**
 * One `label op "value"` matcher node as a filter; `text` gives a node's source text, `string` a
 * string literal node's value (callers read their own source: the visual builder keeps stand-ins).
 */
export function labelMatcherOf(matcher: SyntaxNode, text: (node: SyntaxNode) => string, string: (node: SyntaxNode) => string): LabelFilter {
  const name = matcher.getChild('LabelName') ?? matcher.getChild('QuotedLabelName')!;
  return {
    label: name.name === 'LabelName' ? text(name) : string(name.firstChild!),
    op: MATCH_OPS[matcher.getChild('MatchOp')!.firstChild!.name]!,
    value: string(matcher.getChild('StringLiteral')!),
  };
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"' };

/** The value of a PromQL string literal as written, quotes included (Go escapes); throws on an escape that is none. */
export function stringValue(raw: string): string {
  if (raw.startsWith('`')) return raw.slice(1, -1);
  return raw.slice(1, -1).replace(/\\(?:([abfnrtv\\'"])|x([0-9a-fA-F]{2})|([0-7]{3})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([\s\S]))/g, (_m, simple?: string, hex?: string, oct?: string, u?: string, U?: string, bad?: string) => {
    if (simple) return SIMPLE_ESCAPES[simple]!;
    if (hex) return String.fromCharCode(parseInt(hex, 16));
    if (oct) return String.fromCharCode(parseInt(oct, 8));
    const code = u ?? U;
    if (code) {
      const point = parseInt(code, 16);
      if (point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) throw new Error('the string holds an escape that is not a character');
      return String.fromCodePoint(point);
    }
    throw new Error(`the string holds an unknown escape \\${bad}`);
  });
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
