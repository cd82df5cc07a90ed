/**
 * Variables in PromQL: `$name`, `${name}`, `[[name]]` and `${name:format}`. Escaping follows the
 * place a variable stands in: inside a quoted PromQL string, backslashes and the quote are
 * escaped; a multi-value or All-capable variable becomes a regex alternation of escaped values,
 * so `job=~"$job"` matches exactly the chosen values, dots, pipes and quotes included.
 */
import { InvalidArgumentError } from '../prometheus/errors.js';

/** Formats a `${name:format}` placeholder can ask for. */
export const VARIABLE_FORMATS = ['regex', 'pipe', 'csv', 'json', 'raw', 'text', 'queryparam'] as const;
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

const PLACEHOLDER = /\$([A-Za-z0-9_]+)|\$\{([A-Za-z0-9_]+)(?::([A-Za-z]+))?\}|\[\[([A-Za-z0-9_]+)(?::([A-Za-z]+))?\]\]/y;
const REGEX_SPECIAL = /[\\^$.|?*+()[\]{}]/g;

/** Escapes RE2/JavaScript regex metacharacters. */
export function escapeRegex(value: string): string {
  return value.replace(REGEX_SPECIAL, '\\$&');
}

/** Names of the variables a template uses, in order of first use. */
export function variablesIn(template: string): string[] {
  const names = new Set<string>();
  scan(template, (name) => {
    names.add(name);
    return undefined;
  });
  return [...names];
}

/**
 * Replaces every known variable in `template`. Unknown names stay as written, so a template can
 * be interpolated in stages (dashboard variables, then built-ins such as `$__interval`).
 */
export function interpolate(template: string, values: VariableValues): string {
  return scan(template, (name, format, quote) => {
    const variable = values[name];
    if (variable === undefined) return undefined;
    const v: VariableValue = typeof variable === 'string' ? { value: variable } : variable;
    return render(name, v, format, quote);
  });
}

type Quote = '"' | "'" | '`' | undefined;
type Replace = (name: string, format: VariableFormat | undefined, quote: Quote) => string | undefined;

/** Walks the template, tracking whether each placeholder sits inside a PromQL string literal. */
function scan(template: string, replace: Replace): string {
  let out = '';
  let quote: Quote;
  for (let i = 0; i < template.length; ) {
    const c = template[i]!;
    if (c === '$' || (c === '[' && template[i + 1] === '[')) {
      PLACEHOLDER.lastIndex = i;
      const m = PLACEHOLDER.exec(template);
      if (m) {
        const name = (m[1] ?? m[2] ?? m[4])!;
        const format = checkFormat(m[3] ?? m[5], m[0]);
        out += replace(name, format, quote) ?? m[0];
        i += m[0].length;
        continue;
      }
    }
    if (quote && quote !== '`' && c === '\\') {
      out += template.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = quote === undefined ? c : quote === c ? undefined : quote;
    out += c;
    i += 1;
  }
  return out;
}

function checkFormat(format: string | undefined, placeholder: string): VariableFormat | undefined {
  if (format === undefined) return undefined;
  if ((VARIABLE_FORMATS as readonly string[]).includes(format)) return format as VariableFormat;
  throw new InvalidArgumentError(
    `${placeholder}: unknown format "${format}"; use one of ${VARIABLE_FORMATS.join(', ')}.`,
  );
}

function render(name: string, v: VariableValue, format: VariableFormat | undefined, quote: Quote): string {
  const values = Array.isArray(v.value) ? v.value : [v.value];
  if (v.isAll && v.allValue !== undefined && format !== 'queryparam' && format !== 'text') return v.allValue;
  let text: string;
  switch (format ?? (v.regex ? 'regex' : 'raw')) {
    case 'regex': {
      const escaped = values.map(escapeRegex);
      text = escaped.length === 1 ? escaped[0]! : `(${escaped.join('|')})`;
      break;
    }
    case 'pipe':
      text = values.join('|');
      break;
    case 'csv':
      text = values.join(',');
      break;
    case 'json':
      text = JSON.stringify(v.value);
      break;
    case 'text': {
      const texts = v.text === undefined ? values : Array.isArray(v.text) ? v.text : [v.text];
      text = texts.join(' + ');
      break;
    }
    case 'queryparam':
      return values.map((value) => `var-${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
    case 'raw':
      return values.join(',');
  }
  return quote ? escapeForQuote(text, quote, name) : text;
}

/** Escapes text for the inside of a PromQL string literal opened with `quote`. */
function escapeForQuote(text: string, quote: Exclude<Quote, undefined>, name: string): string {
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
