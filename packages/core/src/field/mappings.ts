/** Value mappings: a value shown as text and/or a colour instead of its number. */
import { formatSampleValue } from '../prometheus/sample-value.js';
import { matchesGrafanaRegex } from '../format/regex.js';
import type { FieldDefaults } from '../dashboard/schema.js';

/** What a mapping shows for a value: its text, its colour (as written in the dashboard), or both. */
export interface MappedValue {
  text?: string | undefined;
  color?: string | undefined;
  index?: number | undefined;
}

/**
 * The result of the first value mapping that applies to a value, in the field's order, else
 * undefined. A `value` mapping for an infinity matches by Grafana's key (`Infinity`,
 * `-Infinity`) or as Prometheus writes it (`+Inf`, `-Inf`); `special` mappings `nan`, `null`
 * and `null+nan` match NaN (Prometheus has no null samples), which no `range` does; `regex`
 * tests the value's text.
 */
export function mapValue(value: number, field: Pick<FieldDefaults, 'mappings'>): MappedValue | undefined {
  for (const m of field.mappings ?? []) {
    if (m.type === 'value') {
      const byValue = own(m.options, String(value)) ?? own(m.options, formatSampleValue(value));
      if (byValue) return byValue;
    } else if (m.type === 'range') {
      const { from, to } = m.options;
      if (!Number.isNaN(value) && (from === null || value >= from) && (to === null || value <= to)) return m.options.result;
    } else if (m.type === 'special') {
      if (Number.isNaN(value) && (m.options.match === 'nan' || m.options.match === 'null' || m.options.match === 'null+nan')) return m.options.result;
    } else if (matchesGrafanaRegex(m.options.pattern, String(value))) {
      return m.options.result;
    }
  }
  return undefined;
}

/** A record's own entry (never one inherited from Object.prototype, e.g. `constructor`). */
function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
