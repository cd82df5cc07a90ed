/**
 * Variables in PromQL: `$name`, `${name}`, `[[name]]` and `${name:format}` (Grafana's formats,
 * `${__from:date:iso}` included). Escaping follows the place a variable stands in: inside a
 * quoted regex matcher (`=~"…"`, `!~"…"`) every value is regex-escaped; a multi-value or
 * All-capable variable becomes a regex alternation of escaped values; and inside any quoted
 * PromQL string, backslashes and the quote are escaped as well. So `job=~"$job"` and
 * `job="$job"` match exactly the chosen values, dots, pipes, quotes and backslashes included.
 */
import { InvalidArgumentError } from '../prometheus/errors.js';
import { formatDate } from './date-format.js';

/** Formats a `${name:format}` placeholder can ask for (Grafana's). */
export const VARIABLE_FORMATS = [
  'csv',
  'date',
  'distributed',
  'doublequote',
  'glob',
  'json',
  'lucene',
  'percentencode',
  'pipe',
  'queryparam',
  'raw',
  'regex',
  'singlequote',
  'sqlstring',
  'text',
] as const;
export type VariableFormat = (typeof VARIABLE_FORMATS)[number];

/** The current value of a variable, as interpolation needs it. */
export interface VariableValue {
  /** Selected value, or values of a multi-value variable. */
  value: string | string[];
  /** Display text(s), for the `text` format; defaults to the value(s). */
  text?: string | string[];
  /** Multi-value or include-All variable: its values are regex-escaped by default. */
  regex?: boolean;
  /** The All option is selected. */
  isAll?: boolean;
  /** With All selected, this replaces the placeholder as it is (e.g. `.*`). */
  allValue?: string;
}

/** Values by variable name; a plain string is a single-value variable. */
export type VariableValues = Record<string, VariableValue | string>;

export interface InterpolateOptions {
  /** IANA timezone of `${__from:date:YYYY-MM-DD}` patterns; default UTC. */
  timeZone?: string;
}

/** A `${name:format}` whose format is not one of VARIABLE_FORMATS. */
export interface VariableFormatProblem {
  /** The placeholder as written, e.g. `${job:yaml}`. */
  placeholder: string;
  format: string;
  /** 0-based offset of the placeholder in the text. */
  index: number;
  message: string;
}

const PLACEHOLDER =
  /\$([A-Za-z0-9_]+)|\$\{([A-Za-z0-9_]+)(?::([A-Za-z]+)(?::([^}]*))?)?\}|\[\[([A-Za-z0-9_]+)(?::([A-Za-z]+)(?::([^\]]*))?)?\]\]/y;
const REGEX_SPECIAL = /[\\^$.|?*+()[\]{}]/g;
const LUCENE_SPECIAL = /[!*+\-=<>\s&|()[\]{}^~?:\\/"]/g;

/** Escapes RE2/JavaScript regex metacharacters. */
export function escapeRegex(value: string): string {
  return value.replace(REGEX_SPECIAL, '\\$&');
}

/** Names of the variables a template uses, in order of first use. */
export function variablesIn(template: string): string[] {
  const names = new Set<string>();
  scan(template, false, ({ name }) => {
    names.add(name);
    return undefined;
  });
  return [...names];
}

/** One placeholder of a PromQL template as interpolate reads it, and where it stands. */
export interface PlaceholderUse {
  name: string;
  /** As written: `$job`, `${job:csv}`, `[[job]]`. */
  placeholder: string;
  /** 0-based offset in the template. */
  index: number;
  /** The format as written, known or not. */
  rawFormat: string | undefined;
  /** The PromQL string literal it is inside, if any. */
  quote: '"' | "'" | '`' | undefined;
}

/** Every placeholder of a PromQL template, in order, read exactly as interpolate reads them. */
export function placeholdersIn(template: string): PlaceholderUse[] {
  const uses: PlaceholderUse[] = [];
  scan(template, true, ({ name, placeholder, index, rawFormat, quote }) => {
    uses.push({ name, placeholder, index, rawFormat, quote });
    return undefined;
  });
  return uses;
}

/**
 * `text` with every use of variable `from` written with `to` instead, in the same form
 * (`$from` → `$to`, `${from:csv}` → `${to:csv}`, `[[from]]` → `[[to]]`); the rest as it is.
 * Placeholders are read as variablesIn reads them, so `$fromage` is not a use of `from`.
 */
export function renameIn(text: string, from: string, to: string): string {
  // A placeholder is `$`, `${` or `[[` and then the name: names hold none of those characters.
  return scan(text, false, ({ name, placeholder }) => {
    if (name !== from) return undefined;
    const at = placeholder.indexOf(from);
    return placeholder.slice(0, at) + to + placeholder.slice(at + from.length);
  });
}

/**
 * Replaces every known variable in a PromQL `template`. Unknown names stay as written, so a
 * template can be interpolated in stages (dashboard variables, then built-ins such as
 * `$__interval`). An unknown format is written as if no format were given (find them first
 * with variableFormatProblems); nothing here throws for a format.
 */
export function interpolate(template: string, values: VariableValues, options: InterpolateOptions = {}): string {
  return scan(template, true, (p) => {
    const variable = values[p.name];
    return variable === undefined ? undefined : render(p, typeof variable === 'string' ? { value: variable } : variable, options);
  });
}

/**
 * Replaces variables in display text (titles, descriptions, links): no PromQL escaping, and the
 * display text of the selection by default (`Production + Staging`), as Grafana shows titles.
 */
export function interpolateText(template: string, values: VariableValues, options: InterpolateOptions = {}): string {
  return scan(template, false, (p) => {
    const variable = values[p.name];
    if (variable === undefined) return undefined;
    return render({ ...p, format: p.format ?? 'text' }, typeof variable === 'string' ? { value: variable } : variable, options);
  });
}

/** Every `${name:format}` in `text` whose format is unknown, with its position. */
export function variableFormatProblems(text: string): VariableFormatProblem[] {
  const problems: VariableFormatProblem[] = [];
  scan(text, false, ({ placeholder, rawFormat, index }) => {
    if (rawFormat !== undefined && !isFormat(rawFormat)) {
      problems.push({
        placeholder,
        format: rawFormat,
        index,
        message: `${placeholder}: unknown format "${rawFormat}"; use one of ${VARIABLE_FORMATS.join(', ')}.`,
      });
    }
    return undefined;
  });
  return problems;
}

type Quote = '"' | "'" | '`';

/** One placeholder, and where it stands in the template. */
interface Placeholder {
  name: string;
  /** The format, when it is a known one. */
  format: VariableFormat | undefined;
  rawFormat: string | undefined;
  /** Text after a second colon: `${__from:date:iso}` → `iso`. */
  arg: string | undefined;
  placeholder: string;
  index: number;
  /** The PromQL string literal the placeholder is inside, if any. */
  quote: Quote | undefined;
  /** That string is the value of a regex matcher (`=~`, `!~`). */
  inRegex: boolean;
}

function isFormat(format: string): format is VariableFormat {
  return (VARIABLE_FORMATS as readonly string[]).includes(format);
}

/** Walks the template (tracking PromQL string literals when `promql`), replacing placeholders. */
function scan(template: string, promql: boolean, replace: (p: Placeholder) => string | undefined): string {
  let out = '';
  let quote: Quote | undefined;
  let inRegex = false;
  for (let i = 0; i < template.length; ) {
    const c = template[i]!;
    if (c === '$' || (c === '[' && template[i + 1] === '[')) {
      PLACEHOLDER.lastIndex = i;
      const m = PLACEHOLDER.exec(template);
      if (m) {
        const rawFormat = m[3] ?? m[6];
        const placeholder: Placeholder = {
          name: (m[1] ?? m[2] ?? m[5])!,
          format: rawFormat !== undefined && isFormat(rawFormat) ? rawFormat : undefined,
          rawFormat,
          arg: m[4] ?? m[7],
          placeholder: m[0],
          index: i,
          quote,
          inRegex,
        };
        out += replace(placeholder) ?? m[0];
        i += m[0].length;
        continue;
      }
    }
    if (promql && quote && quote !== '`' && c === '\\') {
      out += template.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (promql && (c === '"' || c === "'" || c === '`')) {
      if (quote === undefined) {
        quote = c;
        inRegex = /[=!]~\s*$/.test(template.slice(Math.max(0, i - 40), i));
      } else if (quote === c) {
        quote = undefined;
        inRegex = false;
      }
    }
    out += c;
    i += 1;
  }
  return out;
}

function render(p: Placeholder, v: VariableValue, options: InterpolateOptions): string {
  const values = Array.isArray(v.value) ? v.value : [v.value];
  const format = p.format ?? (v.regex || p.inRegex ? 'regex' : undefined);
  if (v.isAll && v.allValue !== undefined && format !== 'queryparam' && format !== 'text') return v.allValue;
  if (format === 'raw') return values.join(',');
  if (format === 'queryparam') {
    const encoded = v.isAll ? ['$__all'] : values.map(percentEncode);
    return encoded.map((value) => `var-${percentEncode(p.name)}=${value}`).join('&');
  }
  const text = format === undefined ? values.join(',') : formatted(format, p, v, values, options);
  return p.quote ? escapeForQuote(text, p.quote, p.name) : text;
}

/** A value list written in one of Grafana's formats. */
function formatted(format: Exclude<VariableFormat, 'raw' | 'queryparam'>, p: Placeholder, v: VariableValue, values: string[], options: InterpolateOptions): string {
  const quoted = (quote: string, escaped: string) => values.map((value) => `${quote}${value.replaceAll(quote, escaped)}${quote}`).join(',');
  switch (format) {
    case 'regex': {
      const escaped = values.map(escapeRegex);
      return escaped.length === 1 ? escaped[0]! : `(${escaped.join('|')})`;
    }
    case 'pipe':
      return values.join('|');
    case 'csv':
      return values.join(',');
    case 'distributed':
      return values.map((value, i) => (i === 0 ? value : `${p.name}=${value}`)).join(',');
    case 'glob':
      return values.length > 1 ? `{${values.join(',')}}` : values.join(',');
    case 'json':
      return JSON.stringify(v.value);
    case 'doublequote':
      return quoted('"', '\\"');
    case 'singlequote':
      return quoted("'", "\\'");
    case 'sqlstring':
      return quoted("'", "''");
    case 'lucene': {
      const escaped = values.map((value) => value.replace(LUCENE_SPECIAL, '\\$&'));
      return escaped.length === 1 ? escaped[0]! : `(${escaped.map((e) => `"${e}"`).join(' OR ')})`;
    }
    case 'percentencode':
      return percentEncode(values.length > 1 ? `{${values.join(',')}}` : values.join(','));
    case 'text': {
      if (v.isAll) return 'All';
      const texts = v.text === undefined ? values : Array.isArray(v.text) ? v.text : [v.text];
      return texts.join(' + ');
    }
    case 'date':
      return values.map((value) => formatDate(value, p.arg, options.timeZone)).join(',');
  }
}

/** encodeURIComponent that also encodes `!'()*`, as Grafana's URL formats do. */
function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Escapes text for the inside of a PromQL string literal opened with `quote`. */
function escapeForQuote(text: string, quote: Quote, name: string): string {
  if (quote === '`') {
    if (text.includes('`')) {
      throw new InvalidArgumentError(
        `$${name} has a value with a backtick, which a \`raw string\` cannot hold: quote it with "…" instead.`,
      );
    }
    return text;
  }
  return text
    .replaceAll('\\', '\\\\')
    .replaceAll(quote, `\\${quote}`)
    .replaceAll('\n', '\\n');
}
