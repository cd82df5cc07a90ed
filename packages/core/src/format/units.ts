/**
 * Value formatting with Grafana's unit ids (`bytes`, `reqps`, `s`, `percentunit`, …), so the same
 * dashboard JSON reads the same here and in Grafana. Auto decimals show about three significant
 * digits without trailing zeros; fixed decimals are exact.
 */

/** A formatted value in parts, so charts can style the number and its unit separately. */
export interface FormattedValue {
  prefix: string;
  text: string;
  suffix: string;
}

type Formatter = (value: number, decimals: number | undefined) => FormattedValue;

/** Scales by `factor` through the suffixes: 1536 bytes → "1.5 KiB". */
function scaled(factor: number, suffixes: readonly string[]): Formatter {
  return (value, decimals) => {
    let v = value;
    let i = 0;
    while (Math.abs(v) >= factor && i < suffixes.length - 1) {
      v /= factor;
      i += 1;
    }
    return { prefix: '', text: toFixed(v, decimals), suffix: suffixes[i]! };
  };
}

/** SI scaling that also goes below one: 0.25 W → "250 mW". */
function si(unit: string): Formatter {
  const up = scaled(1000, [` ${unit}`, ` k${unit}`, ` M${unit}`, ` G${unit}`, ` T${unit}`, ` P${unit}`]);
  return (value, decimals) => {
    const abs = Math.abs(value);
    if (abs === 0 || abs >= 1) return up(value, decimals);
    if (abs >= 1e-3) return { prefix: '', text: toFixed(value * 1e3, decimals), suffix: ` m${unit}` };
    if (abs >= 1e-6) return { prefix: '', text: toFixed(value * 1e6, decimals), suffix: ` µ${unit}` };
    return { prefix: '', text: toFixed(value * 1e9, decimals), suffix: ` n${unit}` };
  };
}

function suffixed(suffix: string, scale = 1): Formatter {
  return (value, decimals) => {
    const v = value * scale;
    if (Number.isFinite(v)) return { prefix: '', text: toFixed(v, decimals), suffix };
    // Scaling overflowed float64 (|value| near 1.8e308): shift the exponent instead.
    const [mantissa, exponent] = value.toExponential(2).split('e');
    return { prefix: '', text: `${mantissa}e+${Number(exponent) + Math.log10(scale)}`, suffix };
  };
}

const SHORT_SUFFIXES = ['', ' K', ' Mil', ' Bil', ' Tri', ' Quadr', ' Quint', ' Sext', ' Sept'];
const short = scaled(1000, SHORT_SUFFIXES);

function shortWith(unit: string): Formatter {
  return (value, decimals) => {
    const f = short(value, decimals);
    return { ...f, suffix: `${f.suffix} ${unit}` };
  };
}

/** Seconds and up: s, min, hour, day, week, year. */
const TIME_STEPS: readonly [number, string][] = [
  [31_536_000, ' year'],
  [604_800, ' week'],
  [86_400, ' day'],
  [3_600, ' hour'],
  [60, ' min'],
];

/** A duration given in `unitSeconds` units, scaled to the largest unit that keeps it ≥ 1. */
function duration(unitSeconds: number): Formatter {
  return (value, decimals) => {
    const seconds = value * unitSeconds;
    // Minutes and up can overflow float64 as seconds: such values are years anyway.
    if (!Number.isFinite(seconds)) return { prefix: '', text: toFixed(value * (unitSeconds / 31_536_000), decimals), suffix: ' year' };
    const abs = Math.abs(seconds);
    for (const [size, suffix] of TIME_STEPS) {
      if (abs >= size) return { prefix: '', text: toFixed(seconds / size, decimals), suffix };
    }
    if (abs >= 1 || abs === 0) return { prefix: '', text: toFixed(seconds, decimals), suffix: ' s' };
    if (abs >= 1e-3) return { prefix: '', text: toFixed(seconds * 1e3, decimals), suffix: ' ms' };
    if (abs >= 1e-6) return { prefix: '', text: toFixed(seconds * 1e6, decimals), suffix: ' µs' };
    return { prefix: '', text: toFixed(seconds * 1e9, decimals), suffix: ' ns' };
  };
}

const HUMAN_UNITS: readonly [number, string][] = [
  [31_536_000, 'year'],
  [604_800, 'week'],
  [86_400, 'day'],
  [3_600, 'hour'],
  [60, 'minute'],
  [1, 'second'],
];

/** Seconds as words, two largest units: "1 day, 2 hours". */
const humanDuration: Formatter = (value) => {
  const years = Math.abs(value) / 31_536_000;
  // Past a million years, words stop helping: show the years in exponent form.
  if (years >= 1e6) return { prefix: value < 0 ? '-' : '', text: years.toExponential(2), suffix: ' years' };
  let rest = Math.round(Math.abs(value));
  if (rest === 0) return { prefix: '', text: value === 0 ? '0' : '< 1', suffix: ' second' + (value === 0 ? 's' : '') };
  const parts: string[] = [];
  for (const [size, name] of HUMAN_UNITS) {
    const amount = Math.floor(rest / size);
    if (amount > 0 && parts.length < 2) {
      parts.push(`${amount} ${name}${amount === 1 ? '' : 's'}`);
      rest -= amount * size;
    }
  }
  return { prefix: value < 0 ? '-' : '', text: parts.join(', '), suffix: '' };
};

/** Unit ids, their label and formatter. */
const UNIT_TABLE = {
  none: { label: 'Number', category: 'Misc', format: suffixed('') },
  short: { label: 'Short (K, Mil, Bil)', category: 'Misc', format: short },
  percent: { label: 'Percent (0–100)', category: 'Misc', format: suffixed('%') },
  percentunit: { label: 'Percent (0.0–1.0)', category: 'Misc', format: suffixed('%', 100) },
  bytes: { label: 'bytes (IEC)', category: 'Data', format: scaled(1024, [' B', ' KiB', ' MiB', ' GiB', ' TiB', ' PiB', ' EiB']) },
  decbytes: { label: 'bytes (SI)', category: 'Data', format: scaled(1000, [' B', ' kB', ' MB', ' GB', ' TB', ' PB', ' EB']) },
  bits: { label: 'bits (IEC)', category: 'Data', format: scaled(1024, [' b', ' Kib', ' Mib', ' Gib', ' Tib', ' Pib']) },
  kbytes: { label: 'kibibytes', category: 'Data', format: scaled(1024, [' KiB', ' MiB', ' GiB', ' TiB', ' PiB', ' EiB']) },
  mbytes: { label: 'mebibytes', category: 'Data', format: scaled(1024, [' MiB', ' GiB', ' TiB', ' PiB', ' EiB']) },
  gbytes: { label: 'gibibytes', category: 'Data', format: scaled(1024, [' GiB', ' TiB', ' PiB', ' EiB']) },
  deckbytes: { label: 'kilobytes (SI)', category: 'Data', format: scaled(1000, [' kB', ' MB', ' GB', ' TB', ' PB', ' EB']) },
  decmbytes: { label: 'megabytes (SI)', category: 'Data', format: scaled(1000, [' MB', ' GB', ' TB', ' PB', ' EB']) },
  decgbytes: { label: 'gigabytes (SI)', category: 'Data', format: scaled(1000, [' GB', ' TB', ' PB', ' EB']) },
  decbits: { label: 'bits (SI)', category: 'Data', format: scaled(1000, [' b', ' kb', ' Mb', ' Gb', ' Tb', ' Pb']) },
  bps: { label: 'bits/sec (SI)', category: 'Data rate', format: scaled(1000, [' b/s', ' kb/s', ' Mb/s', ' Gb/s', ' Tb/s', ' Pb/s']) },
  Bps: { label: 'bytes/sec (SI)', category: 'Data rate', format: scaled(1000, [' B/s', ' kB/s', ' MB/s', ' GB/s', ' TB/s', ' PB/s']) },
  binBps: { label: 'bytes/sec (IEC)', category: 'Data rate', format: scaled(1024, [' B/s', ' KiB/s', ' MiB/s', ' GiB/s', ' TiB/s', ' PiB/s']) },
  d: { label: 'days (d)', category: 'Time', format: duration(86_400) },
  h: { label: 'hours (h)', category: 'Time', format: duration(3_600) },
  m: { label: 'minutes (m)', category: 'Time', format: duration(60) },
  s: { label: 'seconds (s)', category: 'Time', format: duration(1) },
  ms: { label: 'milliseconds (ms)', category: 'Time', format: duration(1e-3) },
  µs: { label: 'microseconds (µs)', category: 'Time', format: duration(1e-6) },
  ns: { label: 'nanoseconds (ns)', category: 'Time', format: duration(1e-9) },
  dtdurations: { label: 'duration (1 day, 2 hours)', category: 'Time', format: humanDuration },
  hertz: { label: 'Hertz (1/s)', category: 'Frequency', format: si('Hz') },
  reqps: { label: 'requests/sec (rps)', category: 'Throughput', format: shortWith('req/s') },
  ops: { label: 'ops/sec (ops)', category: 'Throughput', format: shortWith('ops/s') },
  pps: { label: 'packets/sec', category: 'Throughput', format: shortWith('p/s') },
  iops: { label: 'I/O ops/sec (iops)', category: 'Throughput', format: shortWith('io/s') },
  rps: { label: 'reads/sec (rps)', category: 'Throughput', format: shortWith('rd/s') },
  wps: { label: 'writes/sec (wps)', category: 'Throughput', format: shortWith('wr/s') },
  celsius: { label: 'Celsius (°C)', category: 'Temperature', format: suffixed('°C') },
  fahrenheit: { label: 'Fahrenheit (°F)', category: 'Temperature', format: suffixed('°F') },
  watt: { label: 'Watt (W)', category: 'Energy', format: si('W') },
  volt: { label: 'Volt (V)', category: 'Energy', format: si('V') },
  amp: { label: 'Ampere (A)', category: 'Energy', format: si('A') },
} satisfies Record<string, { label: string; category: string; format: Formatter }>;

/** A unit id promkit formats. */
export type UnitId = keyof typeof UNIT_TABLE;

/** Every unit a unit picker can offer, in display order. */
export const UNITS: readonly { id: UnitId; label: string; category: string }[] = Object.entries(UNIT_TABLE).map(
  ([id, u]) => ({ id: id as UnitId, label: u.label, category: u.category }),
);

/** Grafana's spelling `us` and plain-text aliases, mapped to promkit's ids. */
const ALIASES: Record<string, UnitId> = { us: 'µs', μs: 'µs' };

/** True when `unit` is a unit id promkit knows (or a known alias). */
export function isKnownUnit(unit: string): boolean {
  return unit in UNIT_TABLE || unit in ALIASES;
}

/**
 * Formats a value in a unit. `decimals` fixes the digits after the point; without it about three
 * significant digits are shown. Unknown units are shown as a plain suffix (`"5 widgets"`), so a
 * custom unit string still reads right. NaN and infinities are written as Prometheus does.
 */
export function formatValue(value: number, unit = 'none', decimals?: number): FormattedValue {
  if (Number.isNaN(value)) return { prefix: '', text: 'NaN', suffix: '' };
  if (!Number.isFinite(value)) return { prefix: '', text: value > 0 ? '+Inf' : '-Inf', suffix: '' };
  const id = (ALIASES[unit] ?? unit) as UnitId;
  const entry = UNIT_TABLE[id];
  if (!entry) return { prefix: '', text: toFixed(value, decimals), suffix: unit === '' ? '' : ` ${unit}` };
  return entry.format(value, decimals);
}

/** `formatValue` joined into one string: "1.5 KiB". */
export function formatValueText(value: number, unit = 'none', decimals?: number): string {
  const f = formatValue(value, unit, decimals);
  return `${f.prefix}${f.text}${f.suffix}`;
}

/** Fixed decimals when given; otherwise about three significant digits, trailing zeros dropped. */
function toFixed(value: number, decimals: number | undefined): string {
  if (decimals !== undefined) return value.toFixed(Math.max(0, Math.min(20, Math.round(decimals))));
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs < 1e-4) return value.toExponential(2);
  const digits = Math.max(0, Math.min(6, 2 - Math.floor(Math.log10(abs))));
  const text = value.toFixed(digits);
  return digits > 0 ? text.replace(/\.?0+$/, '') : text;
}
