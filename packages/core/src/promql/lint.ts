/**
 * Lint for PromQL as a person types it, dashboard variables included. Prometheus' grammar
 * cannot read `rate(x[$__rate_interval])` or `sum by ($grouping) (x)`, so every placeholder is
 * first replaced by a stand-in that is valid where it stands, the result is checked with
 * checkPromQL, and problem offsets are mapped back to the template.
 *
 * Stand-ins, by where the placeholder stands:
 * - inside `[…]` (range, subquery, both sides of `:`) and after `offset`: a duration, `1m`
 *   (`1` when a unit letter follows, as in `[${days}d]`);
 * - after `@`, and as a whole argument where Prometheus wants a scalar (`topk($k, x)`,
 *   `quantile($q, x)`, `histogram_quantile($q, …)`, `clamp_max(x, $max)`, …): a number, `1`;
 * - inside a string literal: plain letters (nothing to escape; a valid regex too). `$1`, `${2}`
 *   there are capture references (`label_replace`), kept as written unless a variable has that name;
 * - in `by`/`without`/`on`/`ignoring`/`group_left`/`group_right` lists and before a matcher
 *   operator (`{$label="a"}`): a label name, numbered (`__v0`, `__v1`: each its own);
 * - alone at a matcher's place (`x{$filter}`, `x{job="a", $filter}`): a whole matcher, so a
 *   variable may hold `env="prod",team="a"`;
 * - before `(` or `by`/`without` (`$agg by (job) (x)`): an aggregation name;
 * - anywhere else (metric names, `$metric{job="a"}`, operands such as `x > $threshold`): an
 *   identifier, which PromQL reads as a series selector.
 * Placeholders inside `# comments` are left alone. An unquoted label value (`{job=$job}`) gets an
 * identifier and so fails, as it would once interpolated.
 *
 * Beyond the grammar, strings are checked as Prometheus' parser checks them: unknown escapes
 * (`"\d"`) and matcher regexes that do not compile (`=~"(a"`). Types are not checked (`sum(x[5m])`
 * lints clean); the stand-ins are still chosen type-correct, so the stand-in text of a clean
 * template is a query Prometheus accepts.
 */
import { parser } from '@prometheus-io/lezer-promql';
import { checkPromQL } from './parse.js';
import { placeholdersIn, variableFormatProblems, type PlaceholderUse } from './interpolate.js';
import { builtinVariables } from '../time/step.js';

/** One problem, 0-based offsets in the template as typed. */
export interface PromQLLintProblem {
  from: number;
  to: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface PromQLLintOptions {
  /** Names of the dashboard's variables. Without it, names are not checked (only formats and syntax). */
  variables?: readonly string[];
}

/** Variables promkit fills in itself: the step built-ins and the range's `__from`/`__to` (ms). */
export const BUILTIN_VARIABLE_NAMES: readonly string[] = Object.freeze([
  ...Object.keys(builtinVariables({ start: 0, end: 0, step: 1, rateInterval: 1, rangeSeconds: 0 })),
  '__from',
  '__to',
]);

/** The template with stand-ins, and the way back from its offsets. */
export interface PromQLStandIns {
  /** The template with every placeholder replaced by its stand-in. */
  text: string;
  /**
   * The template offset of `offset` in `text`. Inside a stand-in, the start of its placeholder
   * (`side: 'start'`) or its end (`side: 'end'`); elsewhere shifted exactly. Never decreases.
   */
  toTemplate(offset: number, side: 'start' | 'end'): number;
}

type StandInKind = 'duration' | 'number' | 'string' | 'label' | 'matcher' | 'function' | 'identifier';

const STAND_IN: Record<StandInKind, string> = {
  duration: '1m',
  number: '1',
  string: 'v',
  label: '__v',
  matcher: '__v="v"',
  function: 'sum',
  identifier: '__v',
};

/** Arguments (0-based) where Prometheus wants a scalar. */
const SCALAR_ARGUMENTS: Record<string, readonly number[]> = {
  topk: [0],
  bottomk: [0],
  quantile: [0],
  limitk: [0],
  limit_ratio: [0],
  histogram_quantile: [0],
  histogram_fraction: [0, 1],
  quantile_over_time: [0],
  clamp: [1, 2],
  clamp_min: [1],
  clamp_max: [1],
  round: [1],
  predict_linear: [1],
  holt_winters: [1, 2],
  double_exponential_smoothing: [1, 2],
  vector: [0],
};

const GROUPING = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);
/** Words after which `(` opens a parenthesised expression, not a call. */
const NOT_CALLS = new Set([...GROUPING, 'and', 'or', 'unless', 'bool', 'offset', 'atan2', 'inf', 'nan']);
const MATCH_OP = /^\s*(?:=~|!~|!=|=(?!=))/;

interface Open {
  bracket: '(' | '{' | '[';
  /** For `(`: a grouping list, a call (with its name) or a parenthesised expression. */
  kind: 'grouping' | 'call' | 'paren' | undefined;
  fn: string | undefined;
  /** Index of the current argument of a call. */
  arg: number;
  /** For a grouping list after `by`/`without`: the aggregation it belongs to. */
  owner: string | undefined;
}

interface Segment {
  /** The placeholder in the template. */
  from: number;
  to: number;
  /** Its stand-in in the text. */
  sFrom: number;
  sTo: number;
  kind: StandInKind;
  use: PlaceholderUse;
}

interface Replaced {
  text: string;
  segments: Segment[];
  /** Placeholders that stand in code (not in comments, not capture references). */
  uses: PlaceholderUse[];
}

/** The template with stand-ins (see the module comment). */
export function promqlStandIns(template: string, options: PromQLLintOptions = {}): PromQLStandIns {
  const { text, segments } = replace(template, options);
  return { text, toTemplate: (offset, side) => toTemplate(segments, offset, side) };
}

/**
 * Problems in a PromQL template as the user typed it, checked after its placeholders are
 * replaced by stand-ins that fit where they stand; offsets are in `template`.
 */
export function lintPromQL(template: string, options: PromQLLintOptions = {}): PromQLLintProblem[] {
  const { text, segments, uses } = replace(template, options);
  const problems: PromQLLintProblem[] = [];

  const at = new Set(uses.map((u) => u.index));
  for (const p of variableFormatProblems(template)) {
    if (at.has(p.index)) problems.push({ from: p.index, to: p.index + p.placeholder.length, message: p.message, severity: 'error' });
  }

  if (options.variables) {
    const known = new Set([...options.variables, ...BUILTIN_VARIABLE_NAMES]);
    for (const use of uses) {
      if (!known.has(use.name)) {
        problems.push({ from: use.index, to: use.index + use.placeholder.length, message: unknownMessage(use, options.variables), severity: 'warning' });
      }
    }
  }

  const syntax = checkPromQL(text);
  if (syntax) {
    const from = toTemplate(segments, syntax.from, 'start');
    const to = Math.max(from, toTemplate(segments, syntax.to, 'end'));
    problems.push({ from, to, message: syntaxMessage(syntax.message, template, from, to, segments), severity: 'error' });
  } else {
    for (const p of stringProblems(text)) {
      const from = toTemplate(segments, p.from, 'start');
      problems.push({ from, to: Math.max(from, toTemplate(segments, p.to, 'end')), message: p.message, severity: 'error' });
    }
  }
  return problems.sort((a, b) => a.from - b.from || a.to - b.to);
}

/**
 * What Prometheus refuses in strings that the grammar lets through: an escape it does not know
 * (`"\d"`, where `"\\d"` was meant), and a matcher regex that does not compile. Regexes are
 * checked with JavaScript's engine after RE2's inline flags and `(?P<name>` are rewritten, so
 * only patterns both engines refuse are reported.
 */
function stringProblems(text: string): { from: number; to: number; message: string }[] {
  const problems: { from: number; to: number; message: string }[] = [];
  parser.parse(text).iterate({
    enter(node) {
      if (node.name !== 'StringLiteral') return;
      const literal = text.slice(node.from, node.to);
      const escape = badEscape(literal);
      if (escape) {
        problems.push({ from: node.from + escape.at, to: node.from + escape.at + escape.length, message: escape.message });
        return;
      }
      const op = node.node.parent?.getChild('MatchOp');
      if (!op || !(op.getChild('EqlRegex') || op.getChild('NeqRegex'))) return;
      const message = regexProblem(unquote(literal));
      if (message) problems.push({ from: node.from, to: node.to, message });
    },
  });
  return problems;
}

const SIMPLE_ESCAPES = 'abfnrtv\\';
const ESCAPE_DIGITS: Record<string, [number, RegExp]> = { x: [2, /^[0-9a-fA-F]{2}$/], u: [4, /^[0-9a-fA-F]{4}$/], U: [8, /^[0-9a-fA-F]{8}$/] };

/** The first escape sequence Prometheus' lexer refuses in a quoted literal, if any. */
function badEscape(literal: string): { at: number; length: number; message: string } | undefined {
  const quote = literal[0]!;
  if (quote === '`') return undefined;
  for (let i = 1; i < literal.length - 1; i++) {
    if (literal[i] !== '\\') continue;
    const c = literal[i + 1] ?? '';
    if (SIMPLE_ESCAPES.includes(c) || c === quote) {
      i++;
      continue;
    }
    const digits = /[0-7]/.test(c) ? ([3, /^[0-7]{3}$/] as const) : ESCAPE_DIGITS[c];
    const count = digits?.[0] ?? 1;
    const body = /[0-7]/.test(c) ? literal.slice(i + 1, i + 4) : literal.slice(i + 2, i + 2 + count);
    if (digits && digits[1].test(body)) {
      i += /[0-7]/.test(c) ? 3 : count + 1;
      continue;
    }
    const sequence = literal.slice(i, i + 2);
    return {
      at: i,
      length: 2,
      message: digits
        ? `bad escape ${sequence} in a string: \\${c} takes ${count} ${c === 'x' || c === 'u' || c === 'U' ? 'hex' : 'octal'} digits`
        : `unknown escape ${sequence} in a string: write \\\\${c} for a backslash followed by ${c} (a regex \\${c} is written "\\\\${c}")`,
    };
  }
  return undefined;
}

/** The text of a PromQL string literal, its escapes read as Prometheus reads them (checked by badEscape first). */
function unquote(literal: string): string {
  const body = literal.slice(1, -1);
  if (literal[0] === '`') return body;
  const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
  const hex: Record<string, number> = { x: 2, u: 4, U: 8 };
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i] ?? '';
    if (e in simple) out += simple[e];
    else if (/[0-7]/.test(e)) {
      out += String.fromCharCode(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else if (e in hex) {
      const n = hex[e]!;
      const code = parseInt(body.slice(i + 1, i + 1 + n), 16);
      out += code <= 0x10ffff ? String.fromCodePoint(code) : '';
      i += n;
    } else out += e; // \\ and the quote
  }
  return out;
}

/** Why RE2 would refuse `pattern` too, or undefined. */
function regexProblem(pattern: string): string | undefined {
  const js = pattern.replace(/\(\?[imsU-]+\)/g, '').replace(/\(\?[imsU-]+:/g, '(?:').replace(/\(\?P</g, '(?<');
  try {
    new RegExp(`^(?:${js})$`);
    return undefined;
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split(': ').at(-1) ?? error.message) : String(error);
    return `invalid regular expression ${JSON.stringify(pattern)}: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`;
  }
}

function unknownMessage(use: PlaceholderUse, variables: readonly string[]): string {
  if (use.name.startsWith('__')) {
    return `${use.placeholder}: "${use.name}" is not a built-in variable; the built-ins are ${BUILTIN_VARIABLE_NAMES.map((n) => `$${n}`).join(', ')}.`;
  }
  const list = variables.length === 0 ? 'this dashboard has no variables' : `its variables are ${variables.map((n) => `$${n}`).join(', ')}`;
  return `${use.placeholder}: this dashboard has no variable "${use.name}" (${list}); add it under Variables or correct the name.`;
}

/** checkPromQL's message, quoting the template's text rather than a stand-in. */
function syntaxMessage(message: string, template: string, from: number, to: number, segments: readonly Segment[]): string {
  if (!message.startsWith('unexpected "')) return message;
  const text = template.slice(from, Math.max(to, from + 1));
  const quoted = JSON.stringify(text.length > 20 ? `${text.slice(0, 20)}…` : text);
  const segment = segments.find((s) => s.from === from && s.to === to);
  if (segment && /[=!]~?\s*$/.test(template.slice(Math.max(0, from - 4), from)) && segment.kind === 'identifier') {
    return `unexpected ${quoted}: a label value is a quoted string, write "${segment.use.placeholder}"`;
  }
  return `unexpected ${quoted}`;
}

function toTemplate(segments: readonly Segment[], offset: number, side: 'start' | 'end'): number {
  let delta = 0;
  for (const s of segments) {
    if (side === 'start' ? offset < s.sFrom : offset <= s.sFrom) break;
    if (side === 'start' ? offset < s.sTo : offset <= s.sTo) return side === 'start' ? s.from : s.to;
    delta = s.to - s.sTo;
  }
  return offset + delta;
}

/** Walks the template as PromQL tokens, replacing placeholders by stand-ins. */
function replace(template: string, options: PromQLLintOptions): Replaced {
  const byIndex = new Map(placeholdersIn(template).map((u) => [u.index, u]));
  const variables = new Set(options.variables ?? []);
  const segments: Segment[] = [];
  const uses: PlaceholderUse[] = [];
  const stack: Open[] = [];
  let out = '';
  /** The last two tokens outside strings and comments (words lower-cased). */
  let prev = '';
  let prevPrev = '';
  let owner: string | undefined;
  let callAfterGrouping: string | undefined;
  const token = (t: string) => {
    prevPrev = prev;
    prev = t;
  };
  const put = (use: PlaceholderUse, kind: StandInKind) => {
    // Label names are numbered: Prometheus refuses one label in both `on (…)` and `group_left (…)`.
    const standIn = kind === 'label' || kind === 'matcher' ? STAND_IN[kind].replace('__v', `__v${segments.length}`) : STAND_IN[kind];
    segments.push({ from: use.index, to: use.index + use.placeholder.length, sFrom: out.length, sTo: out.length + standIn.length, kind, use });
    uses.push(use);
    out += standIn;
  };

  let i = 0;
  while (i < template.length) {
    const c = template[i]!;
    const use = byIndex.get(i);
    if (use) {
      const end = i + use.placeholder.length;
      const kind = standInKind(template, end, stack.at(-1), prev, prevPrev);
      put(use, kind);
      token(kind === 'function' ? 'sum' : kind === 'duration' || kind === 'number' ? '1' : kind === 'matcher' ? '"' : '__v');
      if (callAfterGrouping !== undefined) callAfterGrouping = undefined;
      i = end;
      continue;
    }
    if (/\s/.test(c)) {
      out += c;
      i++;
      continue;
    }
    if (c === '#') {
      const end = lineEnd(template, i);
      out += template.slice(i, end);
      i = end;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      out += c;
      while (j < template.length) {
        const inner = byIndex.get(j);
        if (inner) {
          if (/^\d+$/.test(inner.name) && !variables.has(inner.name)) out += inner.placeholder;
          else put(inner, 'string');
          j += inner.placeholder.length;
          continue;
        }
        const d = template[j]!;
        if (c !== '`' && d === '\n') break;
        if (c !== '`' && d === '\\') {
          out += template.slice(j, j + 2);
          j += 2;
          continue;
        }
        out += d;
        j++;
        if (d === c) break;
      }
      i = j;
      token('"');
      continue;
    }
    const word = /^[A-Za-z_:][A-Za-z0-9_:]*/.exec(template.slice(i, i + 200));
    if (word) {
      const w = word[0].toLowerCase();
      if (w === 'by' || w === 'without') owner = /^[a-z_]+$/.test(prev) && !NOT_CALLS.has(prev) ? prev : undefined;
      else if (GROUPING.has(w)) owner = undefined;
      out += word[0];
      i += word[0].length;
      token(w);
      callAfterGrouping = undefined;
      continue;
    }
    const number = /^(?:0x[0-9a-fA-F]+|[0-9.][0-9A-Za-z_.]*(?:[eE][+-]?[0-9_]+)?)/.exec(template.slice(i, i + 200));
    if (number) {
      out += number[0];
      i += number[0].length;
      token('1');
      continue;
    }
    const op = /^(?:=~|!~|!=|==|<=|>=|.)/.exec(template.slice(i, i + 2))![0];
    out += op;
    i += op.length;
    if (op === '(') {
      if (GROUPING.has(prev)) stack.push({ bracket: '(', kind: 'grouping', fn: undefined, arg: 0, owner: prev === 'by' || prev === 'without' ? owner : undefined });
      else if (prev === ')' && callAfterGrouping) stack.push({ bracket: '(', kind: 'call', fn: callAfterGrouping, arg: 0, owner: undefined });
      else if (/^[a-z_:][a-z0-9_:]*$/.test(prev) && !NOT_CALLS.has(prev)) stack.push({ bracket: '(', kind: 'call', fn: prev, arg: 0, owner: undefined });
      else stack.push({ bracket: '(', kind: 'paren', fn: undefined, arg: 0, owner: undefined });
      callAfterGrouping = undefined;
    } else if (op === '{' || op === '[') {
      stack.push({ bracket: op, kind: undefined, fn: undefined, arg: 0, owner: undefined });
    } else if (op === ')' || op === '}' || op === ']') {
      const open = { ')': '(', '}': '{', ']': '[' }[op];
      const top = stack.at(-1);
      if (top?.bracket === open) stack.pop();
      callAfterGrouping = top?.kind === 'grouping' ? top.owner : undefined;
      token(op);
      continue;
    } else if (op === ',') {
      const top = stack.at(-1);
      if (top) top.arg++;
    }
    token(op);
    if (op !== '(') callAfterGrouping = undefined;
  }
  return { text: out, segments, uses };
}

function standInKind(template: string, end: number, top: Open | undefined, prev: string, prevPrev: string): StandInKind {
  const rest = template.slice(end, end + 40);
  const next = rest.trimStart();
  const unitFollows = /^[smhdwy]/.test(rest);
  if (top?.bracket === '[' || prev === 'offset' || ((prev === '-' || prev === '+') && prevPrev === 'offset')) {
    return unitFollows ? 'number' : 'duration';
  }
  if (prev === '@') return 'number';
  if (top?.kind === 'grouping') return 'label';
  if (top?.bracket === '{') {
    if (prev !== '{' && prev !== ',') return 'identifier';
    return MATCH_OP.test(rest) ? 'label' : 'matcher';
  }
  if (next.startsWith('(') || /^(?:by|without)\b/i.test(next)) return 'function';
  if (top?.kind === 'call' && (prev === '(' || prev === ',') && /^[,)]/.test(next)) {
    if (SCALAR_ARGUMENTS[top.fn ?? '']?.includes(top.arg)) return 'number';
  }
  return 'identifier';
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}
