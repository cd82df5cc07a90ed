/**
 * Time ranges as dashboards write them: relative date math (`now`, `now-6h`, `now-7d/d`, `now/w`,
 * `now-1M/M`), absolute ISO 8601 times and epoch milliseconds. Calendar steps and rounding happen
 * in the dashboard's IANA timezone, so `now/d` is local midnight and DST days have 23 or 25 hours.
 */
import { TZDate } from '@date-fns/tz';
import {
  addDays,
  addHours,
  addMinutes,
  addMonths,
  addSeconds,
  addWeeks,
  addYears,
  endOfDay,
  endOfHour,
  endOfMinute,
  endOfMonth,
  endOfSecond,
  endOfWeek,
  endOfYear,
  startOfDay,
  startOfHour,
  startOfMinute,
  startOfMonth,
  startOfSecond,
  startOfWeek,
  startOfYear,
} from 'date-fns';
import { InvalidArgumentError } from '../prometheus/errors.js';
import { parseDuration } from './duration.js';

/** Units of date math: seconds, minutes, hours, days, weeks, months, years. */
export const TIME_UNITS = ['s', 'm', 'h', 'd', 'w', 'M', 'y'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

/**
 * A time as a dashboard writes it: date math, ISO 8601, epoch **milliseconds**, or a Date. (The
 * client's endpoints take an `ApiTime`, whose numbers are seconds, as the Prometheus API does.)
 */
export type TimeExpression = string | number | Date;

/** A range as a dashboard writes it. */
export interface RawTimeRange {
  from: TimeExpression;
  to: TimeExpression;
}

/** A range resolved to epoch milliseconds. */
export interface TimeRange {
  from: number;
  to: number;
}

export interface TimeOptions {
  /** The current time in epoch ms (tests and replays pass their own). Default: Date.now(). */
  now?: number;
  /** IANA timezone for calendar maths and rounding; `'browser'` (the default) or `'utc'` too. */
  timeZone?: string;
  /** First day of the week for `/w`: 1 Monday (ISO 8601, default) or 0 Sunday. */
  weekStartsOn?: 0 | 1;
}

/** A dashboard's `weekStart` as `weekStartsOn`: Sunday 0, else Monday 1 (ISO 8601, the default). */
export function weekStartsOn(weekStart: 'monday' | 'sunday' | undefined): 0 | 1 {
  return weekStart === 'sunday' ? 0 : 1;
}

type Shift = (date: TZDate, amount: number) => TZDate;
const SHIFT: Record<TimeUnit, Shift> = {
  s: addSeconds,
  m: addMinutes,
  h: addHours,
  d: addDays,
  w: addWeeks,
  M: addMonths,
  y: addYears,
};

type Round = (date: TZDate, weekStartsOn: 0 | 1) => TZDate;
const START_OF: Record<TimeUnit, Round> = {
  s: (date) => startOfSecond(date),
  m: (date) => startOfMinute(date),
  h: (date) => startOfHour(date),
  d: (date) => startOfDay(date),
  w: (date, weekStartsOn) => startOfWeek(date, { weekStartsOn }),
  M: (date) => startOfMonth(date),
  y: (date) => startOfYear(date),
};
const END_OF: Record<TimeUnit, Round> = {
  s: (date) => endOfSecond(date),
  m: (date) => endOfMinute(date),
  h: (date) => endOfHour(date),
  d: (date) => endOfDay(date),
  w: (date, weekStartsOn) => endOfWeek(date, { weekStartsOn }),
  M: (date) => endOfMonth(date),
  y: (date) => endOfYear(date),
};

const MATH_STEP = /^(?:([+-])(\d+)([smhdwMy])|\/([smhdwMy]))/;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;

/** The IANA name for a dashboard timezone setting ('browser', 'utc', or an IANA name). */
export function resolveTimeZone(timeZone: string | undefined): string {
  if (timeZone === undefined || timeZone === '' || timeZone === 'browser') {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  }
  if (timeZone.toLowerCase() === 'utc') return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new InvalidArgumentError(
      `Unknown timezone ${JSON.stringify(timeZone)}: use an IANA name such as "Europe/Berlin", or "utc" or "browser".`,
    );
  }
  return timeZone;
}

/**
 * The timezone to show times in for a setting that may be wrong: the setting's IANA name by
 * {@link resolveTimeZone}'s rule, or the browser's with the error saying why the setting cannot be used.
 */
export function timeZoneOrBrowser(timeZone: string | undefined): { timeZone: string; error?: InvalidArgumentError } {
  try {
    return { timeZone: resolveTimeZone(timeZone) };
  } catch (error) {
    if (!(error instanceof InvalidArgumentError)) throw error;
    return { timeZone: resolveTimeZone('browser'), error };
  }
}

/**
 * Epoch milliseconds for a time expression. `roundUp` makes `/unit` round to the end of the unit
 * (used for the `to` side of a range, so `now/d` to `now/d` covers the whole day).
 */
export function parseTime(expression: TimeExpression, options: TimeOptions & { roundUp?: boolean } = {}): number {
  if (expression instanceof Date) return checkedMillis(expression.getTime(), expression);
  if (typeof expression === 'number') return checkedMillis(expression, expression);
  const text = expression.trim();
  if (/^\d+$/.test(text)) return checkedMillis(Number(text), expression);
  const timeZone = resolveTimeZone(options.timeZone);
  if (text.startsWith('now')) return dateMath(text, timeZone, options);
  const local = ISO_LOCAL.exec(text);
  if (local) {
    // No offset given: the wall-clock time is in the dashboard's timezone.
    const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0'] = local;
    const date = new TZDate(+y!, +mo! - 1, +d!, +h, +mi, +s, +ms.padEnd(3, '0'), timeZone);
    return checkedMillis(date.getTime(), expression);
  }
  const parsed = /^\d{4}-\d{2}-\d{2}T/.test(text) ? Date.parse(text) : Number.NaN;
  return checkedMillis(parsed, expression);
}

function dateMath(text: string, timeZone: string, options: TimeOptions & { roundUp?: boolean }): number {
  let date = new TZDate(options.now ?? Date.now(), timeZone);
  const weekStartsOn = options.weekStartsOn ?? 1;
  let rest = text.slice(3);
  while (rest.length > 0) {
    const step = MATH_STEP.exec(rest);
    if (!step) {
      throw new InvalidArgumentError(
        `Time ${JSON.stringify(text)}: cannot read ${JSON.stringify(rest)}. Write date math as now, now-6h, now-7d/d or now/w (units ${TIME_UNITS.join(' ')}).`,
      );
    }
    const [whole, sign, amount, shiftUnit, roundUnit] = step;
    if (shiftUnit) {
      date = SHIFT[shiftUnit as TimeUnit](date, (sign === '-' ? -1 : 1) * Number(amount));
    } else {
      const round = options.roundUp ? END_OF : START_OF;
      date = round[roundUnit as TimeUnit](date, weekStartsOn);
    }
    rest = rest.slice(whole.length);
  }
  return date.getTime();
}

function checkedMillis(ms: number, expression: TimeExpression): number {
  if (!Number.isFinite(ms)) {
    throw new InvalidArgumentError(
      `Time ${JSON.stringify(expression)} is not a time: use date math (now-6h, now/d), ISO 8601 (2024-05-01T12:00:00Z) or epoch milliseconds.`,
    );
  }
  return ms;
}

/** Resolves both ends of a range; `to` rounds up. Refuses a range that ends before it starts. */
export function resolveRange(range: RawTimeRange, options: TimeOptions = {}): TimeRange {
  const now = options.now ?? Date.now();
  const from = parseTime(range.from, { ...options, now });
  const to = parseTime(range.to, { ...options, now, roundUp: true });
  if (to <= from) {
    throw new InvalidArgumentError(
      `Time range ${JSON.stringify(range.from)} to ${JSON.stringify(range.to)} is empty or reversed: "from" must be before "to".`,
    );
  }
  return { from, to };
}

/**
 * A panel's own range: `timeFrom` ("1h") replaces the dashboard range with the last hour;
 * `timeShift` ("1d") moves it back. Both are Prometheus durations.
 */
export function panelRange(range: RawTimeRange, panel: { timeFrom?: string | undefined; timeShift?: string | undefined }): RawTimeRange {
  let out: RawTimeRange = panel.timeFrom ? { from: `now${backBy(panel.timeFrom)}`, to: 'now' } : range;
  const shift = panel.timeShift;
  if (shift) {
    const move = (t: TimeExpression): TimeExpression =>
      typeof t === 'string' && t.trim().startsWith('now')
        ? `now${backBy(shift)}${t.trim().slice(3)}`
        : parseTime(t) - durationMs(shift);
    out = { from: move(out.from), to: move(out.to) };
  }
  return out;
}

/** A duration as date math going back: "1h30m" → "-1h-30m" (calendar-aware for d, w, y). */
function backBy(duration: string): string {
  const parts = [...duration.matchAll(/(\d+)(ms|[smhdwy])/g)];
  if (parts.length === 0 || parseDuration(duration) === undefined) {
    throw new InvalidArgumentError(`${JSON.stringify(duration)} is not a duration such as "1h" or "1d".`);
  }
  if (parts.some((p) => p[2] === 'ms')) return `-${Math.round(durationMs(duration) / 1000)}s`;
  return parts.map((p) => `-${p[1]}${p[2]}`).join('');
}

function durationMs(duration: string): number {
  const seconds = parseDuration(duration);
  if (seconds === undefined) throw new InvalidArgumentError(`${JSON.stringify(duration)} is not a duration such as "1h" or "1d".`);
  return seconds * 1000;
}

/** True when the range moves with the clock (its end is date math on `now`). */
export function isRelative(range: RawTimeRange): boolean {
  return typeof range.to === 'string' && range.to.trim().startsWith('now');
}

/** A quick-pick entry of a time picker. */
export interface TimeRangePreset {
  from: string;
  to: string;
  label: string;
}

/** The presets a time picker offers, shortest first, then calendar ranges. */
export const TIME_RANGE_PRESETS: readonly TimeRangePreset[] = [
  { from: 'now-5m', to: 'now', label: 'Last 5 minutes' },
  { from: 'now-15m', to: 'now', label: 'Last 15 minutes' },
  { from: 'now-30m', to: 'now', label: 'Last 30 minutes' },
  { from: 'now-1h', to: 'now', label: 'Last 1 hour' },
  { from: 'now-3h', to: 'now', label: 'Last 3 hours' },
  { from: 'now-6h', to: 'now', label: 'Last 6 hours' },
  { from: 'now-12h', to: 'now', label: 'Last 12 hours' },
  { from: 'now-24h', to: 'now', label: 'Last 24 hours' },
  { from: 'now-2d', to: 'now', label: 'Last 2 days' },
  { from: 'now-7d', to: 'now', label: 'Last 7 days' },
  { from: 'now-30d', to: 'now', label: 'Last 30 days' },
  { from: 'now/d', to: 'now/d', label: 'Today' },
  { from: 'now-1d/d', to: 'now-1d/d', label: 'Yesterday' },
  { from: 'now/w', to: 'now/w', label: 'This week' },
  { from: 'now-1w/w', to: 'now-1w/w', label: 'Previous week' },
  { from: 'now/M', to: 'now/M', label: 'This month' },
  { from: 'now-1M/M', to: 'now-1M/M', label: 'Previous month' },
];

/** A short description of a range: the preset's label, or "from – to". */
export function describeRange(range: RawTimeRange): string {
  const preset = TIME_RANGE_PRESETS.find((p) => p.from === range.from && p.to === range.to);
  if (preset) return preset.label;
  const side = (t: TimeExpression) => (t instanceof Date ? t.toISOString() : String(t));
  return `${side(range.from)} to ${side(range.to)}`;
}
