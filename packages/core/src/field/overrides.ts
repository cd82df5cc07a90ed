/**
 * Field overrides: the panel's field defaults with every matching override applied. Overrides
 * match a series by its display name (`byName`, `byRegexp`) or by the query it came from
 * (`byFrameRefID`), as Grafana's do.
 */
import { matchesGrafanaRegex } from '../format/regex.js';
import type { FieldDefaults, Panel } from '../dashboard/schema.js';

type Matcher = Panel['fieldConfig']['overrides'][number]['matcher'];

/** Path segments an override may never write (they would reach the prototype). */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The field settings of one series: a copy of the defaults with the properties of each
 * override that matches `name` (the series' display name) or `refId`, in order; later
 * overrides win. Property ids are paths such as `unit` or `custom.fillOpacity`. The panel is
 * never changed.
 */
export function fieldFor(panel: Pick<Panel, 'fieldConfig'>, name: string, refId: string): FieldDefaults {
  let field: FieldDefaults = structuredClone(panel.fieldConfig.defaults);
  for (const override of panel.fieldConfig.overrides) {
    if (!overrideMatches(override.matcher, name, refId)) continue;
    for (const { id, value } of override.properties) field = setPath(field, id.split('.'), structuredClone(value));
  }
  return field;
}

/** Whether an override's matcher selects the series named `name` from query `refId`. */
export function overrideMatches(matcher: Matcher, name: string, refId: string): boolean {
  switch (matcher.id) {
    case 'byName':
      return matcher.options === name;
    case 'byFrameRefID':
      return matcher.options === refId;
    case 'byRegexp':
      return matchesGrafanaRegex(matcher.options, name);
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
