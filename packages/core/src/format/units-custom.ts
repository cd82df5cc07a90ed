/**
 * Grafana's custom units, written `<kind>:<text>` in a unit field: `suffix:`, `prefix:`, `si:`,
 * `count:`, `currency:` (and `currency:financial:<symbol>[:suffix]`), `time:<pattern>` and
 * `bool:<true>/<false>`.
 */
import { booleanUnit } from './units-misc.js';
import { datePattern } from './units-time.js';
import { countUnit, currency, financialCurrency, fixedUnit, prefixUnit, siOffsetOf, siPrefix, type Formatter } from './unit-format.js';

const siUnit = (text: string): Formatter => {
  const offset = siOffsetOf(text.charAt(0));
  return siPrefix(offset === 0 ? text : text.slice(1), offset);
};

/** `currency:financial:€:suffix` → the full amount; `currency:€` → scaled with K, M, B, T. */
const currencyUnit = (text: string): Formatter => {
  const [kind, symbol, place] = text.split(':');
  if (kind !== 'financial' || symbol === undefined) return currency(text);
  return symbol === '' ? fixedUnit('') : financialCurrency(symbol, place === 'suffix');
};

/** `bool:Up/Down` → "Up" for non-zero values, "Down" for zero; without a slash, zero is "-". */
const boolUnit = (text: string): Formatter => {
  const slash = text.indexOf('/');
  return slash < 0 ? booleanUnit(text, '-') : booleanUnit(text.slice(0, slash), text.slice(slash + 1));
};

const KINDS = new Map<string, (text: string) => Formatter>([
  ['prefix', prefixUnit],
  ['suffix', fixedUnit],
  ['si', siUnit],
  ['count', countUnit],
  ['currency', currencyUnit],
  ['time', (pattern) => datePattern(pattern)],
  ['bool', boolUnit],
]);

/** Formatters built for custom ids, kept for charts that format every axis label; bounded, as ids come from dashboards. */
const built = new Map<string, Formatter>();

/** The formatter a custom unit id names, or undefined when `unit` is not `<known kind>:<text>`. */
export function customUnit(unit: string): Formatter | undefined {
  const cached = built.get(unit);
  if (cached) return cached;
  const colon = unit.indexOf(':');
  const make = colon > 0 ? KINDS.get(unit.slice(0, colon)) : undefined;
  if (!make) return undefined;
  if (built.size >= 256) built.clear();
  const format = make(unit.slice(colon + 1));
  built.set(unit, format);
  return format;
}

/** True when `unit` is one of the custom unit forms. */
export function isCustomUnit(unit: string): boolean {
  const colon = unit.indexOf(':');
  return colon > 0 && KINDS.has(unit.slice(0, colon));
}
