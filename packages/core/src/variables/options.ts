/**
 * Turning raw variable values into the options a select shows: custom lists, regex filtering and
 * extraction, sorting, and the `auto` interval.
 */
import { InvalidArgumentError } from '../prometheus/errors.js';
import { grafanaRegex } from '../format/regex.js';
import { formatDuration, parseDuration } from '../time/duration.js';
import { roundInterval } from '../time/step.js';
import type { SORTS } from '../dashboard/schema.js';

/** One choice of a variable. */
export interface VariableOption {
  text: string;
  value: string;
}

/** The value that stands for "All" in selections (as in Grafana URLs). */
export const ALL_VALUE = '$__all';

/** `a,b,c` or `Text : value, Other : other`; `\,` keeps a comma inside a value. */
export function parseCustomOptions(query: string): VariableOption[] {
  const parts = query.match(/(?:\\,|[^,])+/g) ?? [];
  return parts
    .map((part) => part.replaceAll('\\,', ',').trim())
    .filter((part) => part !== '')
    .map((part) => {
      const pair = /^(.*?)\s+:\s+(.*)$/.exec(part);
      return pair ? { text: pair[1]!, value: pair[2]! } : { text: part, value: part };
    });
}

/**
 * Keeps values matching `regex` (written `pattern` or `/pattern/flags`). A named group `value`
 * and/or `text` picks those parts; otherwise the first capture group, if any, is the value.
 */
export function applyRegex(values: string[], regex: string | undefined, variable: string): VariableOption[] {
  if (regex === undefined || regex === '') return values.map((v) => ({ text: v, value: v }));
  const compiled = compileRegex(regex, variable);
  const out: VariableOption[] = [];
  for (const raw of values) {
    compiled.lastIndex = 0;
    const m = compiled.exec(raw);
    if (!m) continue;
    const value = m.groups?.['value'] ?? m.groups?.['text'] ?? m[1] ?? raw;
    out.push({ value, text: m.groups?.['text'] ?? value });
  }
  return out;
}

/** A variable's regex, written `pattern` or `/pattern/flags`; a bad one names the variable. */
export function compileRegex(regex: string, variable: string): RegExp {
  try {
    return grafanaRegex(regex);
  } catch (error) {
    throw new InvalidArgumentError(`Variable $${variable}: regex ${JSON.stringify(regex)} does not compile: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** Removes repeated values, keeping the first. */
export function uniqueOptions(options: VariableOption[]): VariableOption[] {
  const seen = new Set<string>();
  return options.filter((o) => (seen.has(o.value) ? false : (seen.add(o.value), true)));
}

/** Sorts options as a variable's `sort` says. */
export function sortOptions(options: VariableOption[], sort: (typeof SORTS)[number]): VariableOption[] {
  if (sort === 'none') return options;
  const [kind, direction] = sort.startsWith('alpha-ci') ? ['ci', sort.slice(9)] : sort.split('-');
  const sign = direction === 'desc' ? -1 : 1;
  const key = (o: VariableOption) => o.text;
  const compare =
    kind === 'num'
      ? (a: VariableOption, b: VariableOption) => leadingNumber(key(a)) - leadingNumber(key(b))
      : kind === 'ci'
        ? (a: VariableOption, b: VariableOption) => key(a).toLowerCase().localeCompare(key(b).toLowerCase())
        : (a: VariableOption, b: VariableOption) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  return [...options].sort((a, b) => sign * compare(a, b));
}

/** The first number in a text ("node-12" → 12); texts without one sort last. */
function leadingNumber(text: string): number {
  const m = /-?\d+(\.\d+)?/.exec(text);
  return m ? Number(m[0]) : Number.POSITIVE_INFINITY;
}

/** The `auto` interval: the range split into `count` steps, at least `min`, rounded to a readable step. */
export function autoInterval(rangeMs: number, count: number, min: string): string {
  const minSeconds = parseDuration(min) ?? 0;
  return formatDuration(Math.max(roundInterval(rangeMs / 1000 / count), minSeconds));
}
