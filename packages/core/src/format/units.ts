/**
 * Value formatting with Grafana's unit ids (`bytes`, `reqps`, `s`, `percentunit`, `currencyEUR`,
 * `dateTimeAsIso`, `bool_on_off`, …) and its custom forms (`suffix:x`, `si:mV`, `time:YYYY`…), so
 * the same dashboard JSON reads the same here and in Grafana. The tables live in the `units-*`
 * modules beside this one; unit-format.ts holds the shared rounding and scaling rules.
 */
import { BOOLEAN_UNITS, CURRENCY_UNITS, MISC_UNITS, SIMPLE_UNITS } from './units-misc.js';
import { COMPUTE_UNITS, DATA_RATE_UNITS, DATA_UNITS, THROUGHPUT_UNITS } from './units-data.js';
import { DATE_UNITS, TIME_UNITS_TABLE } from './units-time.js';
import { ENERGY_UNITS, MECHANICS_UNITS, MOTION_HEAT_VOLUME_UNITS, PRESSURE_RADIATION_UNITS } from './units-physical.js';
import { customUnit, isCustomUnit } from './units-custom.js';
import { fixedUnit, parts, type FormatOptions, type FormattedValue, type UnitEntry } from './unit-format.js';

export type { FormatOptions, FormattedValue } from './unit-format.js';

/** Every unit id, in Grafana's category order. */
const UNIT_TABLE = {
  ...MISC_UNITS,
  ...SIMPLE_UNITS,
  ...COMPUTE_UNITS,
  ...CURRENCY_UNITS,
  ...DATA_UNITS,
  ...DATA_RATE_UNITS,
  ...DATE_UNITS,
  ...ENERGY_UNITS,
  ...MECHANICS_UNITS,
  ...PRESSURE_RADIATION_UNITS,
  ...MOTION_HEAT_VOLUME_UNITS,
  ...TIME_UNITS_TABLE,
  ...THROUGHPUT_UNITS,
  ...BOOLEAN_UNITS,
} satisfies Record<string, UnitEntry>;

/** A unit id promkit formats (custom forms such as `suffix:x` are strings outside this list). */
export type UnitId = keyof typeof UNIT_TABLE;

/** Grafana's category order (hash rate and computation sit under their own names there too). */
const CATEGORY_ORDER: readonly string[] = [
  'Misc', 'Acceleration', 'Angle', 'Area', 'Computation', 'Concentration', 'Currency', 'Data', 'Data rate', 'Date & time',
  'Energy', 'Flow', 'Force', 'Hash rate', 'Mass', 'Length', 'Pressure', 'Radiation', 'Rotational speed', 'Temperature',
  'Time', 'Throughput', 'Velocity', 'Volume', 'Boolean',
];

/** Every unit a unit picker can offer, in display order, grouped by category. */
export const UNITS: readonly { id: UnitId; label: string; category: string }[] = Object.entries(UNIT_TABLE)
  .map(([id, u]: [string, UnitEntry]) => ({ id: id as UnitId, label: u.label, category: u.category }))
  .sort((a, b) => CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category));

/** Other spellings: ASCII `us` and Greek-mu `μs` for `µs`, and Grafana's old `farenheit`. */
const ALIASES: Record<string, UnitId> = { us: 'µs', μs: 'µs', farenheit: 'fahrenheit' };

const table: Record<string, UnitEntry | undefined> = UNIT_TABLE;
const entryOf = (unit: string): UnitEntry | undefined => (Object.hasOwn(table, unit) ? table[unit] : undefined) ?? (Object.hasOwn(ALIASES, unit) ? table[ALIASES[unit]!] : undefined);

/** True when `unit` is a unit id promkit knows, an alias, or a custom form (`suffix:x`, `si:mV`, `time:YYYY`…). */
export function isKnownUnit(unit: string): boolean {
  return entryOf(unit) !== undefined || isCustomUnit(unit);
}

/**
 * Formats a value in a unit, as Grafana does. `decimals` fixes the digits after the point; without
 * it about three significant digits are shown, zero-padded ("1.50 KiB"). Unknown units are shown as
 * a plain suffix (`"5 widgets"`). NaN and infinities are written as Prometheus does. Date units take
 * `options.timeZone` (default UTC) and `options.now` (default the clock).
 */
export function formatValue(value: number, unit = 'none', decimals?: number, options: FormatOptions = {}): FormattedValue {
  if (Number.isNaN(value)) return parts('NaN');
  if (!Number.isFinite(value)) return parts(value > 0 ? '+Inf' : '-Inf');
  const format = entryOf(unit)?.format ?? customUnit(unit) ?? fixedUnit(unit);
  return format(value, decimals, { timeZone: options.timeZone, locale: options.locale, now: options.now ?? Date.now() });
}

/** `formatValue` joined into one string: "1.50 KiB". */
export function formatValueText(value: number, unit = 'none', decimals?: number, options?: FormatOptions): string {
  const f = formatValue(value, unit, decimals, options);
  return `${f.prefix}${f.text}${f.suffix}`;
}
