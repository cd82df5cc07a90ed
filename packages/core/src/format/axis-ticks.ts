/**
 * Tick intervals that read as round numbers in a unit: 256 MiB, 512 MiB, 1 GiB on a byte axis;
 * 15 s, 1 min, 6 hours on a time axis. Other units keep the chart's own 1/2/5 steps. And the
 * ticks' text, without padded zeros.
 */
import { formatValue, type FormatOptions } from './units.js';

/** IEC units (formatted with KiB, MiB… or Kib/s…), with the power of 1024 their values come in. */
const BINARY_UNITS: Record<string, number> = {
  bytes: 0, kbytes: 1, mbytes: 2, gbytes: 3, tbytes: 4, pbytes: 5, bits: 0,
  binBps: 0, binbps: 0, KiBs: 1, Kibits: 1, MiBs: 2, Mibits: 2, GiBs: 3, Gibits: 3, TiBs: 4, Tibits: 4, PiBs: 5, Pibits: 5,
};

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;
const WEEK = 7 * DAY;

/** Steps below a day, in seconds: what a clock reads. */
const CLOCK_STEPS = [1, 2, 5, 10, 15, 30, MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY];
/** Past a day, for units whose labels go on in weeks (s, m, h, d). */
const WEEK_STEPS = [2 * DAY, WEEK, 2 * WEEK, 4 * WEEK, 13 * WEEK, 26 * WEEK];
/** Past a day, for units whose labels go on in days (ms) or months (the worded durations). */
const DAY_STEPS = [2 * DAY, 5 * DAY, 10 * DAY, 30 * DAY, 60 * DAY, 90 * DAY, 180 * DAY];

/** A time unit: its size in seconds, its steps past a day, and the year its labels count in (none: days go on). */
interface TimeAxis {
  seconds: number;
  steps: readonly number[];
  year?: number;
}

const MEAN_YEAR = 3.15569e7;
const YEAR = 365 * DAY;
const TIME_AXES: Record<string, TimeAxis> = {
  ns: { seconds: 1e-9, steps: [] },
  ms: { seconds: 1e-3, steps: DAY_STEPS, year: YEAR },
  s: { seconds: 1, steps: WEEK_STEPS, year: MEAN_YEAR },
  timeticks: { seconds: 0.01, steps: WEEK_STEPS, year: MEAN_YEAR },
  m: { seconds: MINUTE, steps: WEEK_STEPS, year: MEAN_YEAR },
  h: { seconds: HOUR, steps: WEEK_STEPS, year: YEAR },
  d: { seconds: DAY, steps: WEEK_STEPS, year: YEAR },
  dtdurations: { seconds: 1, steps: DAY_STEPS, year: YEAR },
  dtdurationms: { seconds: 1e-3, steps: DAY_STEPS, year: YEAR },
  dthms: { seconds: 1, steps: [] },
  dtdhms: { seconds: 1, steps: [] },
  clocks: { seconds: 1, steps: [] },
  clockms: { seconds: 1e-3, steps: [] },
};

/** 1, 2 or 5 times a power of ten, nearest to `raw` on a log scale. */
function nice125(raw: number): number {
  const decade = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * decade).reduce((best, c) => (Math.abs(Math.log(c / raw)) < Math.abs(Math.log(best / raw)) ? c : best));
}

/** The candidate nearest to `raw` on a log scale. */
function nearest(candidates: readonly number[], raw: number): number {
  return candidates.reduce((best, c) => (Math.abs(Math.log(c / raw)) < Math.abs(Math.log(best / raw)) ? c : best));
}

/** A power of two times a power of 1024, at least one of the unit's base (a byte, a bit). */
function binaryStep(raw: number, offset: number): number | undefined {
  const base = 1024 ** -offset;
  if (raw < base) return undefined;
  const power = 1024 ** Math.floor(Math.log(raw) / Math.log(1024) + 1e-9);
  return power * 2 ** Math.round(Math.log2(raw / power));
}

/** A clock step, then the unit's longer steps, then whole years (1, 2, 5, 10…), in the unit's own values. */
function timeStep(raw: number, axis: TimeAxis): number | undefined {
  const seconds = raw * axis.seconds;
  const floor = Math.max(1, axis.seconds);
  if (seconds < floor) return undefined;
  const ladder = [...CLOCK_STEPS, ...axis.steps].filter((s) => s >= floor);
  const last = ladder[ladder.length - 1] ?? floor;
  if (seconds <= last) return nearest(ladder, seconds) / axis.seconds;
  // Past the ladder, whole years (or whole days, for units that never show years): 1, 2, 5, 10…
  const big = axis.year ?? DAY;
  return nearest([last, big * Math.max(1, nice125(seconds / big))], seconds) / axis.seconds;
}

/**
 * A tick interval, in the unit's values, for an axis from `min` to `max` with about `count` ticks:
 * for IEC byte and bit units a power of two times a power of 1024 (512 MiB, 1 GiB, 2 GiB); for time
 * units a clock step (1, 2, 5, 10, 15, 30 s; 1, 2, 5, 10, 15, 30 min; 1, 2, 3, 6, 12 h; 1 d…).
 * Undefined for other units, and for spans below the unit's base, where 1/2/5 steps read well.
 */
export function axisTickInterval(unit: string, min: number, max: number, count = 5): number | undefined {
  const raw = (max - min) / Math.max(1, count);
  if (!Number.isFinite(raw) || raw <= 0) return undefined;
  const offset = Object.hasOwn(BINARY_UNITS, unit) ? BINARY_UNITS[unit] : undefined;
  if (offset !== undefined) return binaryStep(raw, offset);
  const axis = Object.hasOwn(TIME_AXES, unit) ? TIME_AXES[unit] : undefined;
  return axis && timeStep(raw, axis);
}

/**
 * An axis tick's text: `formatValueText` without the zeros that automatic decimals pad with
 * ("0.8", "1.5 K", "0.0025 s"; not "0.800", "1.50 K"), so ticks read as Grafana's axes do. Fixed
 * `decimals` are kept as set; text that is no plain number (dates, booleans) is left as it is.
 */
export function formatTickText(value: number, unit = 'none', decimals?: number, options?: FormatOptions): string {
  const f = formatValue(value, unit, decimals, options);
  const text = decimals === undefined ? f.text.replace(/^(-?\d+)\.(\d*?)0+$/, (_, whole: string, fraction: string) => (fraction ? `${whole}.${fraction}` : whole)) : f.text;
  return `${f.prefix}${text}${f.suffix}`;
}
