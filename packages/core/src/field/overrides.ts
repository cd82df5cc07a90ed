/**
 * Field overrides: the panel's field defaults with every matching override applied. Overrides
 * match a series by its display name (`byName`, `byRegexp`, `byNames`), the query it came from
 * (`byFrameRefID`), its type (`byType`) or its values (`byValue`), as Grafana's do.
 */
import { matchesGrafanaRegex } from '../format/regex.js';
import { reduce } from '../format/reduce.js';
import type { FieldDefaults, Panel } from '../dashboard/schema.js';

type Matcher = Panel['fieldConfig']['overrides'][number]['matcher'];

/** Path segments an override may never write (they would reach the prototype). */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The field settings of one series: a copy of the defaults with the properties of each
 * override that matches `name` (the series' display name), `refId` or, for `byValue`, its
 * `values`, in order; later overrides win. Property ids are paths such as `unit` or
 * `custom.fillOpacity`. The panel is never changed.
 */
export function fieldFor(panel: Pick<Panel, 'fieldConfig'>, name: string, refId: string, values?: ArrayLike<number>): FieldDefaults {
  let field: FieldDefaults = structuredClone(panel.fieldConfig.defaults);
  for (const override of panel.fieldConfig.overrides) {
    if (!overrideMatches(override.matcher, name, refId, values)) continue;
    for (const { id, value } of override.properties) field = setPath(field, id.split('.'), structuredClone(value));
  }
  return field;
}

const COMPARE = {
  gt: (a: number, b: number) => a > b,
  gte: (a: number, b: number) => a >= b,
  lt: (a: number, b: number) => a < b,
  lte: (a: number, b: number) => a <= b,
  eq: (a: number, b: number) => a === b,
  ne: (a: number, b: number) => a !== b,
} as const;

/**
 * Whether an override's matcher selects the series named `name` from query `refId`. Series are
 * number fields (`byType: number`); `byValue` needs the series' `values` and matches nothing
 * without them (a table column before its values are known).
 */
export function overrideMatches(matcher: Matcher, name: string, refId: string, values?: ArrayLike<number>): boolean {
  switch (matcher.id) {
    case 'byName':
      return matcher.options === name;
    case 'byFrameRefID':
      return matcher.options === refId;
    case 'byRegexp':
      return matchesGrafanaRegex(matcher.options, name);
    case 'byNames':
      return matcher.options.names.includes(name) === (matcher.options.mode === 'include');
    case 'byType':
      return matcher.options === 'number';
    case 'byValue': {
      if (!values) return false;
      const reducer = matcher.options.reducer;
      const every = (test: (v: number) => boolean) => (Array.prototype.every.call(values, test) ? 1 : 0);
      const reduced = reducer === 'allIsZero' ? every((v) => v === 0) : reducer === 'allIsNull' ? every(Number.isNaN) : reduce(values, reducer);
      return !Number.isNaN(reduced) && COMPARE[matcher.options.op](reduced, matcher.options.value);
    }
  }
}

function setPath<T extends object>(target: T, path: readonly string[], value: unknown): T {
  const [head, ...rest] = path;
  if (head === undefined || UNSAFE_KEYS.has(head)) return target;
  const record = target as Record<string, unknown>;
  const child = Object.hasOwn(record, head) ? record[head] : undefined;
  record[head] = rest.length === 0 ? value : setPath(typeof child === 'object' && child !== null ? child : {}, rest, value);
  return target;
}
