/**
 * The builder's JSON editor reads a whole dashboard from text: either the dashboard, or every
 * problem with its path and its place in the text (line, column, offset and length), so an
 * editor can select it. Syntax errors come from a small position-tracking scanner that accepts
 * exactly what `JSON.parse` accepts and fails at the same offset as V8, with a sentence naming
 * what was expected (engines word and place their own messages differently, and some give no
 * position at all); schema problems come from `validateDashboard` and are located by path.
 */
import type { SchemaProblem } from '../prometheus/errors.js';
import { formatPath } from '../internal/schema-problems.js';
import { lineColumn } from '../internal/line-column.js';
import { validateDashboard } from './parse.js';
import type { Dashboard } from './schema.js';

/** A problem of the JSON text: its path, a sentence, and where it is (UTF-16 offsets, 1-based line and column). */
export interface JsonProblem extends SchemaProblem {
  line?: number;
  column?: number;
  offset?: number;
  length?: number;
}

/** The outcome of checking a dashboard's JSON text. */
export type DashboardJsonCheck = { ok: true; dashboard: Dashboard } | { ok: false; problems: JsonProblem[] };

/** The text the JSON editor shows for a dashboard: two-space indent, keys in stored order. */
export function dashboardJson(dashboard: Dashboard): string {
  return JSON.stringify(dashboard, null, 2);
}

/** Checks a dashboard's JSON text: the dashboard (with defaults), or every problem located in the text. */
export function checkDashboardJson(text: string): DashboardJsonCheck {
  const scan = scanJson(text);
  if (!scan.ok) {
    const { path, message, offset, length } = scan;
    return { ok: false, problems: [{ path: formatPath(path), message, ...place(text, offset, length) }] };
  }
  const data: unknown = JSON.parse(text);
  // validateDashboard would read a string as JSON text a second time.
  const check = typeof data === 'string' ? undefined : validateDashboard(data);
  if (check?.ok) return { ok: true, dashboard: check.dashboard };
  const problems = check ? check.problems : [{ path: '(root)', message: 'must be an object { … }, got a string' }];
  return { ok: false, problems: problems.map((p) => ({ ...p, ...locate(text, scan.root, p) })) };
}

/** Where a JSON value is in the text; members of objects also know where their key starts. */
export interface JsonNode {
  readonly offset: number;
  readonly length: number;
  readonly keyOffset?: number;
  readonly children?: ReadonlyMap<string, JsonNode> | readonly JsonNode[];
}

/** The scanner's outcome: the position tree, or the first syntax error (`offset` as V8 reports it). */
export type JsonScan =
  | { ok: true; root: JsonNode }
  | { ok: false; message: string; offset: number; length: number; path: PropertyKey[] };

class Failure {
  constructor(
    readonly message: string,
    readonly offset: number,
    readonly length = 1,
  ) {}
}

const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const VALUE = 'a value (a string in double quotes, a number, true, false, null, an object or an array)';

/**
 * Scans JSON text, recording where each value is. Accepts exactly what `JSON.parse` accepts
 * (whitespace is space, tab, CR and LF; no comments, trailing commas or single quotes).
 */
export function scanJson(text: string): JsonScan {
  const n = text.length;
  let i = 0;
  const path: PropertyKey[] = [];
  const open: { offset: number; close: string }[] = [];

  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
      i++;
    }
  };
  const end = (): Failure => {
    const inner = open.at(-1);
    if (!inner) {
      if (text.trim() === '') return new Failure('is empty: a dashboard is a JSON object, { "schemaVersion": 1, "title": "…", "panels": [] }', n, 0);
      return new Failure('the text ends in the middle of a value: complete it', n, 0);
    }
    const { line, column } = lineColumn(text, inner.offset);
    const kind = inner.close === '}' ? 'object' : 'array';
    return new Failure(`the text ends inside the ${kind} opened at line ${line}, column ${column}: close it with ${inner.close}`, n, 0);
  };
  const unexpected = (expected: string): Failure => {
    if (i >= n) return end();
    const c = text[i] as string;
    if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) return new Failure(`JSON has no comments: remove it (expected ${expected})`, i, 2);
    if (c === "'") return new Failure(`JSON strings take double quotes ("…"), not single quotes (expected ${expected})`, i);
    const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(i, i + 40))?.[0];
    if (word) return new Failure(`expected ${expected}, got ${word}${/^(True|False|Null|TRUE|FALSE|NULL)$/.test(word) ? ` (write ${word.toLowerCase()})` : ''}`, i, word.length);
    return new Failure(`expected ${expected}, got ${JSON.stringify(c)}`, i);
  };

  const value = (): JsonNode => {
    ws();
    const start = i;
    const c = text[i];
    if (c === '{') return object(start);
    if (c === '[') return array(start);
    if (c === '"') {
      string();
      return { offset: start, length: i - start };
    }
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      number();
      return { offset: start, length: i - start };
    }
    for (const word of ['true', 'false', 'null']) {
      if (c !== word[0]) continue;
      for (const expected of word) {
        if (i >= n) throw end();
        if (text[i] !== expected) throw new Failure(`expected ${word}`, i);
        i++;
      }
      return { offset: start, length: i - start };
    }
    throw unexpected(VALUE);
  };

  const object = (start: number): JsonNode => {
    const children = new Map<string, JsonNode>();
    open.push({ offset: start, close: '}' });
    i++;
    ws();
    if (text[i] === '}') i++;
    else
      for (;;) {
        ws();
        if (text[i] !== '"') {
          if (text[i] === '}' && children.size > 0) throw new Failure('a comma must be followed by another property: remove the comma before }', i);
          throw unexpected('a property name in double quotes');
        }
        const keyOffset = i;
        const key = JSON.parse(text.slice(keyOffset, string())) as string;
        ws();
        if (text[i] !== ':') throw i >= n ? end() : new Failure(`expected a colon after the property name ${JSON.stringify(key)}`, i);
        i++;
        path.push(key);
        children.set(key, { ...value(), keyOffset });
        ws();
        if (text[i] !== ',' && text[i] !== '}') throw i >= n ? end() : new Failure(`expected a comma or } after the property ${JSON.stringify(key)}`, i);
        path.pop();
        if (text[i++] === '}') break;
      }
    open.pop();
    return { offset: start, length: i - start, children };
  };

  const array = (start: number): JsonNode => {
    const children: JsonNode[] = [];
    open.push({ offset: start, close: ']' });
    i++;
    ws();
    if (text[i] === ']') i++;
    else
      for (;;) {
        ws();
        if (text[i] === ']' && children.length > 0) throw new Failure('a comma must be followed by another item: remove the comma before ]', i);
        path.push(children.length);
        children.push(value());
        path.pop();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          break;
        } else throw i >= n ? end() : new Failure(`expected a comma or ] after item ${children.length - 1} of the array`, i);
      }
    open.pop();
    return { offset: start, length: i - start, children };
  };

  /** Reads a string from its opening quote; returns the offset just after the closing one. */
  const string = (): number => {
    const start = i++;
    const unclosed = () => {
      const { line, column } = lineColumn(text, start);
      return new Failure(`the string that starts at line ${line}, column ${column} is not closed: add a closing "`, n, 0);
    };
    for (;;) {
      if (i >= n) throw unclosed();
      const c = text.charCodeAt(i);
      if (c === 34) return ++i;
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          for (let k = 2; k < 6; k++) {
            if (i + k >= n) throw unclosed();
            if (!/[0-9A-Fa-f]/.test(text[i + k] as string)) throw new Failure('\\u must be followed by four hexadecimal digits (\\u00e9)', i + k);
          }
          i += 6;
        } else if (e !== undefined && ESCAPES.has(e)) i += 2;
        else if (e === undefined) i++;
        else throw new Failure(`\\${e} is not a JSON escape: use \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX (write \\\\ for a backslash)`, i + 1);
        continue;
      }
      if (c < 0x20) {
        if (c === 10 || c === 13) throw new Failure('the string is not closed before the end of the line: add a closing " (write \\n for a line break inside a string)', i, 0);
        if (c === 9) throw new Failure('a tab inside a string must be written \\t', i);
        throw new Failure(`control character U+${c.toString(16).padStart(4, '0').toUpperCase()} inside a string must be written \\u${c.toString(16).padStart(4, '0')}`, i);
      }
      i++;
    }
  };

  const digits = (what: string) => {
    const start = i;
    while (i < n && text[i]! >= '0' && text[i]! <= '9') i++;
    if (i === start) throw i >= n ? end() : new Failure(`expected a digit ${what}`, i);
  };
  const number = () => {
    if (text[i] === '-') i++;
    if (text[i] === '0') {
      i++;
      if (i < n && text[i]! >= '0' && text[i]! <= '9') throw new Failure('a number cannot start with 0 followed by digits (write 7, not 07)', i);
    } else digits('after the minus sign');
    if (text[i] === '.') {
      i++;
      digits('after the decimal point');
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      digits('in the exponent');
    }
  };

  try {
    const root = value();
    ws();
    if (i < n) throw new Failure('unexpected text after the end of the JSON value: the dashboard is one object; remove what follows it', i, n - i);
    return { ok: true, root };
  } catch (error) {
    if (!(error instanceof Failure)) throw error;
    return { ok: false, message: error.message, offset: error.offset, length: error.length, path: [...path] };
  }
}

export { lineColumn };

function place(text: string, offset: number, length: number) {
  return { ...lineColumn(text, offset), offset, length };
}

/**
 * Where a problem is: the value at its path; for an unknown field, that field (key and value);
 * for a missing key, the opening brace of the object that lacks it (selecting the whole object,
 * perhaps the whole dashboard, would let one keystroke replace it).
 */
function locate(text: string, root: JsonNode, problem: SchemaProblem): ReturnType<typeof place> {
  const segments = parsePath(problem.path) ?? [];
  let node = root;
  let missing = false;
  for (const segment of segments) {
    const next = childAt(node, segment);
    if (!next) {
      missing = true;
      break;
    }
    node = next;
  }
  if (!missing && node.children instanceof Map) {
    const unknown = /^has unknown fields? "([^"]*)"/.exec(problem.message)?.[1];
    const field = unknown === undefined ? undefined : node.children.get(unknown);
    if (field?.keyOffset !== undefined) return place(text, field.keyOffset, field.offset + field.length - field.keyOffset);
  }
  return place(text, node.offset, missing ? 1 : node.length);
}

function childAt(node: JsonNode, segment: PropertyKey): JsonNode | undefined {
  const { children } = node;
  if (Array.isArray(children)) return typeof segment === 'number' ? children[segment] : undefined;
  return children instanceof Map ? children.get(String(segment)) : undefined;
}

/** Reads back a path written by formatPath: `panels[2].targets[0].expr`, `a["odd key"]`, `(root)`. */
export function parsePath(path: string): PropertyKey[] | undefined {
  if (path === '(root)') return [];
  const out: PropertyKey[] = [];
  let i = 0;
  while (i < path.length) {
    const ident = (i === 0 ? /^([A-Za-z_$][\w$]*)/ : /^\.([A-Za-z_$][\w$]*)/).exec(path.slice(i));
    if (ident) {
      out.push(ident[1] as string);
      i += ident[0].length;
      continue;
    }
    const index = /^\[(\d+)\]/.exec(path.slice(i));
    if (index) {
      out.push(Number(index[1]));
      i += index[0].length;
      continue;
    }
    const quoted = /^\[("(?:[^"\\]|\\.)*")\]/.exec(path.slice(i));
    if (!quoted) return undefined;
    out.push(JSON.parse(quoted[1] as string) as string);
    i += quoted[0].length;
  }
  return out;
}
