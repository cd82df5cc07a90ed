/**
 * Unit table: durations (ns … d, `dtduration*`, `dthms`, clocks, timeticks) and dates (`dateTime*`,
 * `time:<pattern>`), as Grafana writes them. Dates are shown in the caller's timezone, UTC by default.
 */
import { formatDatePattern } from '../promql/date-format.js';
import { timeZoneOrBrowser } from '../time/range.js';
import { parts, siPrefix, toFixed, type FormatContext, type FormattedValue, type Formatter, type UnitEntry } from './unit-format.js';

/** A rung of a duration ladder: values below `below` (in the unit) are divided by `size` and get `suffix`. */
type Rung = readonly [below: number, size: number, suffix: string];

const PLURAL = new Set([' min', ' hour', ' day', ' week', ' year']);

/**
 * A duration scaled to the first rung it fits, as Grafana does: the larger units (min, hour, day,
 * week, year) take an "s" when the scaled value is above one, the unit itself never does.
 */
function ladder(rungs: readonly Rung[], zero?: FormattedValue): Formatter {
  return (value, decimals) => {
    if (value === 0 && zero) return zero;
    const abs = Math.abs(value);
    const [, size, suffix] = rungs.find(([below]) => abs < below) ?? rungs[rungs.length - 1]!;
    // Sub-unit sizes are exact powers of ten: multiply by their inverse, as Grafana does.
    const scaled = size < 1 ? value * Math.round(1 / size) : value / size;
    const plural = size !== 1 && PLURAL.has(suffix) && Math.abs(scaled) > 1;
    return parts(toFixed(scaled, decimals), plural ? `${suffix}s` : suffix);
  };
}

const SECONDS: readonly Rung[] = [
  [1e-6, 1e-9, ' ns'],
  [1e-3, 1e-6, ' µs'],
  [1, 1e-3, ' ms'],
  [60, 1, ' s'],
  [3600, 60, ' min'],
  [86_400, 3600, ' hour'],
  [604_800, 86_400, ' day'],
  [31_536_000, 604_800, ' week'],
  // Grafana divides by the mean Gregorian year here, after switching over at 365 days.
  [Infinity, 3.15569e7, ' year'],
];
const toSeconds = ladder(SECONDS, parts('0', ' s'));

/** Grafana's duration ladders, one per unit (note µs stops at seconds and ns at days, as there). */
const LADDERS = {
  ns: ladder([[1e3, 1, ' ns'], [1e6, 1e3, ' µs'], [1e9, 1e6, ' ms'], [6e10, 1e9, ' s'], [3.6e12, 6e10, ' min'], [8.64e13, 3.6e12, ' hour'], [Infinity, 8.64e13, ' day']]),
  µs: ladder([[1e3, 1, ' µs'], [1e6, 1e3, ' ms'], [Infinity, 1e6, ' s']]),
  ms: ladder([[1e3, 1, ' ms'], [6e4, 1e3, ' s'], [3.6e6, 6e4, ' min'], [8.64e7, 3.6e6, ' hour'], [3.1536e10, 8.64e7, ' day'], [Infinity, 3.1536e10, ' year']]),
  s: toSeconds,
  m: ladder([[60, 1, ' min'], [1440, 60, ' hour'], [10_080, 1440, ' day'], [604_800, 10_080, ' week'], [Infinity, 5.25948e5, ' year']]),
  h: ladder([[24, 1, ' hour'], [168, 24, ' day'], [8760, 168, ' week'], [Infinity, 8760, ' year']]),
  d: ladder([[7, 1, ' day'], [365, 7, ' week'], [Infinity, 365, ' year']]),
};

const ago = (f: FormattedValue): FormattedValue => ({ ...f, suffix: `${f.suffix} ago` });

const DURATION_PARTS: readonly [ms: number, name: string][] = [
  [31_536_000_000, 'year'],
  [2_592_000_000, 'month'],
  [604_800_000, 'week'],
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
  [1000, 'second'],
  [1, 'millisecond'],
];

/**
 * A duration in words from its largest unit: "1 day"; each decimal adds the next unit down
 * ("1 day, 2 hours"). Negative durations end in "ago".
 */
function words(unitMs: number, unitName: string): Formatter {
  const format: Formatter = (value, decimals, ctx) => {
    if (value === 0) return parts('0', ` ${unitName}s`);
    if (value < 0) return ago(format(-value, decimals, ctx));
    let rest = value * unitMs;
    // Too large for milliseconds in float64: such a duration is years, and only years.
    if (!Number.isFinite(rest)) return parts(`${Math.floor(value / (31_536_000_000 / unitMs))} years`);
    const out: string[] = [];
    let more = decimals === undefined ? 0 : Math.max(0, Math.round(decimals));
    for (const [size, name] of DURATION_PARTS) {
      if (more < 0) break;
      if (out.length === 0 && rest < size) continue;
      const whole = Math.floor(rest / size);
      out.push(`${whole} ${name}${whole === 1 ? '' : 's'}`);
      rest %= size;
      more -= 1;
    }
    return parts(out.join(', '));
  };
  return format;
}

const two = (n: number) => (n > 9 ? String(n) : `0${n}`);

/** Seconds as hh:mm:ss (hours past 24 keep counting). */
const hms: Formatter = (value, decimals, ctx) => {
  if (value < 0) return ago(hms(-value, decimals, ctx));
  return parts([Math.floor(value / 3600), Math.floor((value % 3600) / 60), Math.floor((value % 3600) % 60)].map(two).join(':'));
};

/** Seconds as "d hh:mm:ss", the days left out below one. */
const dhms: Formatter = (value, decimals, ctx) => {
  if (value < 0) return ago(dhms(-value, decimals, ctx));
  const days = Math.floor(value / 86_400);
  const rest = hms(value % 86_400, decimals, ctx).text;
  return parts(days > 0 ? `${days} d ${rest}` : rest);
};

const mod = (n: number, m: number) => ((n % m) + m) % m;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * Milliseconds as a clock, "01h:59m:59s:999ms": `decimals` cuts it after hours (0), minutes (1) or
 * seconds (2); below an hour after minutes (0) or seconds (1); below a minute after seconds (0).
 */
function clockText(value: number, decimals: number | undefined): string {
  const t = Math.trunc(value);
  const ms = `${pad(mod(t, 1000), 3)}ms`;
  const s = `${pad(mod(Math.floor(t / 1000), 60), 2)}s`;
  const m = `${pad(mod(Math.floor(t / 60_000), 60), 2)}m`;
  if (t < 1000) return ms;
  if (t < 60_000) return decimals === 0 ? s : `${s}:${ms}`;
  if (t < 3_600_000) return [m, s, ms].slice(0, decimals === 0 ? 1 : decimals === 1 ? 2 : 3).join(':');
  const h = `${pad(Math.floor(t / 3_600_000), 2)}h`;
  const cut = decimals === 0 ? 1 : decimals === 1 ? 2 : decimals === 2 ? 3 : 4;
  return [h, m, s, ms].slice(0, cut).join(':');
}
const clockFrom = (msPerUnit: number): Formatter => (value, decimals) => {
  const ms = value * msPerUnit;
  // Past float64 in milliseconds, such a clock only counts hours.
  return parts(Number.isFinite(ms) ? clockText(ms, decimals) : `${Math.floor(value / (3_600_000 / msPerUnit))}h`);
};

/** The timezone dates are shown in: the caller's (`browser`, `utc` or IANA), UTC when none is given. */
function zoneOf(ctx: FormatContext): string {
  return ctx.timeZone === undefined ? 'UTC' : timeZoneOrBrowser(ctx.timeZone).timeZone;
}

/** The largest epoch milliseconds a JavaScript date holds. */
const MAX_DATE = 8.64e15;

/** Epoch milliseconds with a moment-style pattern; `today` is the pattern for times on `now`'s day. */
export function datePattern(pattern: string, today?: string): Formatter {
  return (value, _decimals, ctx) => {
    if (Math.abs(value) > MAX_DATE) return parts('Invalid date');
    const zone = zoneOf(ctx);
    const isToday = today !== undefined && formatDatePattern(value, 'YYYY-MM-DD', zone) === formatDatePattern(ctx.now, 'YYYY-MM-DD', zone);
    return parts(formatDatePattern(value, isToday ? today : pattern, zone));
  };
}

const LOCAL_DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };
const LOCAL_TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', second: '2-digit' };

/** Epoch milliseconds in the locale's own date and time order ("07/02/2010, 12:00:00 AM"). */
function localDate(noDateIfToday: boolean): Formatter {
  return (value, _decimals, ctx) => {
    if (Math.abs(value) > MAX_DATE) return parts('Invalid date');
    const timeZone = zoneOf(ctx);
    const day = (ms: number) => formatDatePattern(ms, 'YYYY-MM-DD', timeZone);
    const options = noDateIfToday && day(value) === day(ctx.now) ? LOCAL_TIME : { ...LOCAL_DATE, ...LOCAL_TIME };
    return parts(new Intl.DateTimeFormat(ctx.locale, { ...options, timeZone }).format(value));
  };
}

/** moment's relative-time wording ("a few seconds", "2 hours", "a month") for a span in milliseconds. */
export function relativeSpan(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const minutes = Math.round(ms / 60_000);
  const hours = Math.round(ms / 3_600_000);
  const days = Math.round(ms / 86_400_000);
  const months = Math.round(((ms / 86_400_000) * 4800) / 146_097);
  const years = Math.round((ms / 86_400_000) * (400 / 146_097));
  if (seconds <= 44) return 'a few seconds';
  if (minutes <= 1) return 'a minute';
  if (minutes < 45) return `${minutes} minutes`;
  if (hours <= 1) return 'an hour';
  if (hours < 22) return `${hours} hours`;
  if (days <= 1) return 'a day';
  if (days < 26) return `${days} days`;
  if (months <= 1) return 'a month';
  if (months < 11) return `${months} months`;
  return years <= 1 ? 'a year' : `${years} years`;
}

/** "3 hours ago", "in 2 days": the time from `now` (the caller's, or the clock's). */
const fromNow: Formatter = (value, _decimals, ctx) => {
  if (Math.abs(value) > MAX_DATE) return parts('Invalid date');
  const span = relativeSpan(Math.abs(value - ctx.now));
  return parts(value > ctx.now ? `in ${span}` : `${span} ago`);
};

/** Grafana's Time category. */
export const TIME_UNITS_TABLE = {
  hertz: { label: 'Hertz (1/s)', category: 'Time', format: siPrefix('Hz') },
  ns: { label: 'Nanoseconds (ns)', category: 'Time', format: LADDERS.ns },
  µs: { label: 'Microseconds (µs)', category: 'Time', format: LADDERS.µs },
  ms: { label: 'Milliseconds (ms)', category: 'Time', format: LADDERS.ms },
  s: { label: 'Seconds (s)', category: 'Time', format: LADDERS.s },
  m: { label: 'Minutes (m)', category: 'Time', format: LADDERS.m },
  h: { label: 'Hours (h)', category: 'Time', format: LADDERS.h },
  d: { label: 'Days (d)', category: 'Time', format: LADDERS.d },
  dtdurationms: { label: 'Duration in words, from ms (1 day, 2 hours)', category: 'Time', format: words(1, 'millisecond') },
  dtdurations: { label: 'Duration in words, from s (1 day, 2 hours)', category: 'Time', format: words(1000, 'second') },
  dthms: { label: 'Duration hh:mm:ss', category: 'Time', format: hms },
  dtdhms: { label: 'Duration d hh:mm:ss', category: 'Time', format: dhms },
  timeticks: { label: 'Timeticks (1/100 s)', category: 'Time', format: (value, decimals, ctx) => toSeconds(value / 100, decimals, ctx) },
  clockms: { label: 'Clock, from ms (01h:02m:03s:004ms)', category: 'Time', format: clockFrom(1) },
  clocks: { label: 'Clock, from s (01h:02m:03s:004ms)', category: 'Time', format: clockFrom(1000) },
} satisfies Record<string, UnitEntry>;

/** The pattern Grafana's "Datetime default" uses. */
const SYSTEM_DATE = 'YYYY-MM-DD HH:mm:ss';

/** Grafana's Date & time category: the value is epoch milliseconds. */
export const DATE_UNITS = {
  dateTimeAsIso: { label: 'Date and time, ISO (2024-05-01 13:45:00)', category: 'Date & time', format: datePattern('YYYY-MM-DD HH:mm:ss') },
  dateTimeAsIsoNoDateIfToday: { label: 'Date and time, ISO (no date if today)', category: 'Date & time', format: datePattern('YYYY-MM-DD HH:mm:ss', 'HH:mm:ss') },
  dateTimeAsUS: { label: 'Date and time, US (05/01/2024 1:45:00 pm)', category: 'Date & time', format: datePattern('MM/DD/YYYY h:mm:ss a') },
  dateTimeAsUSNoDateIfToday: { label: 'Date and time, US (no date if today)', category: 'Date & time', format: datePattern('MM/DD/YYYY h:mm:ss a', 'h:mm:ss a') },
  dateTimeAsLocal: { label: 'Date and time, locale order', category: 'Date & time', format: localDate(false) },
  dateTimeAsLocalNoDateIfToday: { label: 'Date and time, locale order (no date if today)', category: 'Date & time', format: localDate(true) },
  dateTimeAsSystem: { label: 'Date and time, default (2024-05-01 13:45:00)', category: 'Date & time', format: datePattern(SYSTEM_DATE) },
  dateTimeFromNow: { label: 'From now (3 hours ago)', category: 'Date & time', format: fromNow },
} satisfies Record<string, UnitEntry>;
