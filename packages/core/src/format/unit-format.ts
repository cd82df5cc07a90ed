/**
 * The building blocks behind every unit (format/units.ts is the public face): Grafana's number
 * rounding and its scaling rules, rewritten. Internal to core.
 */

/** A formatted value in parts, so charts can style the number and its unit separately. */
export interface FormattedValue {
  prefix: string;
  text: string;
  suffix: string;
}

/** How to format values that depend on where and when they are read. */
export interface FormatOptions {
  /** Timezone for date units: an IANA name, `utc` or `browser`. Default UTC. */
  timeZone?: string;
  /** "Now" in epoch milliseconds, for `dateTimeFromNow` and the "no date if today" units. Default the clock. */
  now?: number;
  /** BCP 47 locale for `locale`, `dateTimeAsLocal` and financial currency units. Default the runtime's. */
  locale?: string;
}

/** What a formatter is given besides the value: the options, with `now` read once by the caller. */
export interface FormatContext {
  timeZone: string | undefined;
  now: number;
  locale: string | undefined;
}

export type Formatter = (value: number, decimals: number | undefined, ctx: FormatContext) => FormattedValue;

/** One row of a unit table: picker label, picker category and formatter. */
export interface UnitEntry {
  label: string;
  category: string;
  format: Formatter;
}

/** A FormattedValue from its parts, the prefix last as it is the rarest. */
export const parts = (text: string, suffix = '', prefix = ''): FormattedValue => ({ prefix, text, suffix });

/** Decimals Grafana picks when none are set: about three significant digits, none for integers. */
function autoDecimals(value: number): number {
  if (value % 1 === 0) return 0;
  const abs = Math.abs(value);
  const magnitude = Math.floor(Math.log(abs) / Math.LN10);
  // Grafana adds a digit when the two leading digits read above 2.25, which they always do (10–99):
  // three significant digits in effect.
  return Math.max(0, 1 - magnitude + (abs / 10 ** (magnitude - 1) > 2.25 ? 1 : 0));
}

/**
 * A number with `decimals` digits after the point, as Grafana writes it: without `decimals`, about
 * three significant digits, zero-padded (1.5 → "1.50"); exponent forms stay as JavaScript writes them.
 */
export function toFixed(value: number, decimals: number | undefined): string {
  const digits = decimals === undefined ? autoDecimals(value) : Math.max(0, Math.min(20, Math.round(decimals)));
  if (value === 0) return (0).toFixed(digits);
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  const text = String(Number.isFinite(rounded) ? rounded : value);
  // Where JavaScript writes exponents, rounding by a power of ten leaves float noise
  // (1.4999999999999998e-300): three significant digits read as the other values do.
  if (text.includes('e')) return decimals === undefined ? value.toExponential(2) : text;
  const point = text.indexOf('.');
  const precision = point === -1 ? 0 : text.length - point - 1;
  return precision >= digits ? text : `${text}${point === -1 ? '.' : ''}${'0'.repeat(digits - precision)}`;
}

/** `value × scale` for a power-of-ten scale, written with a shifted exponent where float64 would overflow. */
export function scaledText(value: number, scale: number, decimals: number | undefined): string {
  const v = value * scale;
  if (Number.isFinite(v)) return toFixed(v, decimals);
  const [mantissa, exponent] = value.toExponential(2).split('e');
  return `${mantissa}e+${Number(exponent) + Math.round(Math.log10(scale))}`;
}

/** A fixed suffix after a space ("21.5 °C"); an empty unit is the bare number. */
export function fixedUnit(unit: string): Formatter {
  return (value, decimals) => parts(toFixed(value, decimals), unit === '' ? '' : ` ${unit}`);
}

/** A fixed prefix with no space ("b1533"). */
export function prefixUnit(prefix: string): Formatter {
  return (value, decimals) => parts(toFixed(value, decimals), '', prefix);
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/**
 * Scales by powers of `factor` through `suffixes`, both ways from `suffixes[offset]` (the unit a
 * value is given in): 1536 bytes → "1.50 KiB", 0.25 W → "250 mW". Past either end the end suffix stays.
 */
export function scaledUnits(factor: number, suffixes: readonly string[], offset = 0): Formatter {
  return (value, decimals) => {
    const power = value === 0 ? 0 : Math.floor(Math.log10(Math.abs(value)) / Math.log10(factor));
    const suffix = suffixes[clamp(offset + power, 0, suffixes.length - 1)]!;
    return parts(toFixed(value / factor ** clamp(power, -offset, suffixes.length - offset - 1), decimals), suffix);
  };
}

const SI_PREFIXES = ['f', 'p', 'n', 'µ', 'm', '', 'k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'] as const;
const SI_BASE = SI_PREFIXES.indexOf('');
const BINARY_PREFIXES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei', 'Zi', 'Yi'] as const;

/** SI prefixes from femto to yotta on `unit`; `offset` is the prefix values come in (1 for kilo, -1 milli). */
export function siPrefix(unit: string, offset = 0): Formatter {
  // A bare SI number ("sishort") has no unit: no trailing space either.
  return scaledUnits(1000, SI_PREFIXES.map((p) => (p + unit === '' ? '' : ` ${p}${unit}`)), SI_BASE + offset);
}

/** IEC prefixes (Ki, Mi, Gi…) on `unit`, 1024 apart; `offset` is the prefix values come in. */
export function binaryPrefix(unit: string, offset = 0): Formatter {
  return scaledUnits(1024, BINARY_PREFIXES.map((p) => ` ${p}${unit}`), offset);
}

/** The SI offset a custom `si:` unit's first character names (`si:mV` → -1), 0 when it names none. */
export function siOffsetOf(char: string): number {
  const i = SI_PREFIXES.findIndex((p) => p !== '' && p.normalize('NFKD') === char.normalize('NFKD'));
  return i < 0 ? 0 : i - SI_BASE;
}

const COUNT_SCALE = scaledUnits(1000, ['', 'K', 'M', 'B', 'T']);

/** Counts per something: K, M, B, T right after the number, then the symbol ("1.23K req/s"). */
export function countUnit(symbol: string): Formatter {
  return (value, decimals, ctx) => {
    const f = COUNT_SCALE(value, decimals, ctx);
    return { ...f, suffix: `${f.suffix} ${symbol}` };
  };
}

/** Money with K, M, B, T: the symbol before ("$1.53K", "-$20") or after ("1.53Kkr"). */
export function currency(symbol: string, asSuffix = false): Formatter {
  return (value, decimals, ctx) => {
    const f = COUNT_SCALE(Math.abs(value), decimals, ctx);
    const sign = value < 0 ? '-' : '';
    return asSuffix ? parts(f.text, `${f.suffix}${symbol}`, sign) : parts(f.text, f.suffix, `${sign}${symbol}`);
  };
}

/** Money in full with the locale's grouping ("$1,532.8"): at most one decimal unless `decimals` says. */
export function financialCurrency(symbol: string, asSuffix = false): Formatter {
  return (value, decimals, ctx) => {
    const digits = decimals === undefined ? { minimumFractionDigits: 0, maximumFractionDigits: 1 } : fractionDigits(decimals);
    const text = Math.abs(value) >= 1e21 ? String(value) : value.toLocaleString(ctx.locale, digits);
    return asSuffix ? parts(text, symbol) : parts(text, '', symbol);
  };
}

/** Exactly `decimals` digits after the point, for Intl formatting (0 to 20, as Intl allows). */
export function fractionDigits(decimals: number): Intl.NumberFormatOptions {
  const d = Math.max(0, Math.min(20, Math.round(decimals)));
  return { minimumFractionDigits: d, maximumFractionDigits: d };
}
