/**
 * How finely to ask Prometheus for a range: the step (`$__interval`) comes from the number of
 * points the chart can show (its width in pixels), floored by the minimum interval (the scrape
 * interval unless set), rounded up to a readable value, and never above 11,000 points per
 * series. Start and end are aligned to the step, so repeated queries hit caches (ours, Mimir's).
 */
import { InvalidArgumentError } from '../prometheus/errors.js';
import { formatDuration } from './duration.js';
import type { TimeRange } from './range.js';

/** Steps a person reads easily, in seconds. */
const NICE_STEPS = [
  0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1200, 1800,
  3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800, 1209600, 2592000, 31536000,
];

/** Default points per series when the chart's width is not known. */
export const DEFAULT_MAX_DATA_POINTS = 1000;
/** Default scrape interval, in seconds, when the datasource does not say. */
export const DEFAULT_SCRAPE_INTERVAL = 15;
/** Prometheus refuses range queries with more points per series than this. */
export const MAX_POINTS_PER_SERIES = 11_000;

export interface StepOptions {
  /** The range, in epoch milliseconds. */
  range: TimeRange;
  /** Points the chart can show: its width in pixels. Default 1000. */
  maxDataPoints?: number;
  /** Lower bound for the step, in seconds (a panel's or target's min interval). Default: the scrape interval. */
  minInterval?: number;
  /** The datasource's scrape interval, in seconds. Default 15. */
  scrapeInterval?: number;
  /** The backend's points-per-series limit. Default 11,000. */
  maxPointsPerSeries?: number;
  /** Grafana's resolution 1/N: the automatic step is multiplied by this (before the min interval applies). Default 1. */
  intervalFactor?: number;
}

/** A range query's timing: aligned bounds and step, plus the values of the built-in variables. */
export interface QueryTiming {
  /** Aligned start, Unix seconds. */
  start: number;
  /** Aligned end, Unix seconds. */
  end: number;
  /** Step, in seconds. */
  step: number;
  /** `$__rate_interval`, in seconds: max(step + scrape, 4 × scrape). */
  rateInterval: number;
  /** The requested range length, in seconds. */
  rangeSeconds: number;
}

/** The smallest readable step at least `seconds` long. */
export function roundInterval(seconds: number): number {
  return NICE_STEPS.find((nice) => nice >= seconds) ?? Math.ceil(seconds / 31536000) * 31536000;
}

/** Step and aligned bounds for a range query. */
export function computeTiming(options: StepOptions): QueryTiming {
  const { from, to } = options.range;
  if (!(to > from)) throw new InvalidArgumentError(`Time range ${from}–${to} is empty: "to" must be after "from".`);
  const maxDataPoints = positive(options.maxDataPoints ?? DEFAULT_MAX_DATA_POINTS, 'maxDataPoints');
  const scrape = positive(options.scrapeInterval ?? DEFAULT_SCRAPE_INTERVAL, 'scrapeInterval');
  const minInterval = positive(options.minInterval ?? scrape, 'minInterval');
  const limit = options.maxPointsPerSeries ?? MAX_POINTS_PER_SERIES;
  const rangeSeconds = (to - from) / 1000;

  const factor = positive(options.intervalFactor ?? 1, 'intervalFactor');
  let step = Math.max(roundInterval(rangeSeconds / maxDataPoints) * factor, minInterval);
  if (rangeSeconds / step + 1 > limit) step = Math.ceil(rangeSeconds / (limit - 1));
  // Align on the step grid; the millisecond rounding keeps sub-second steps free of float noise.
  const align = (ms: number) => (Math.floor(ms / 1000 / step) * step * 1000) / 1000;
  const end = align(to);
  const start = Math.min(align(from), end);
  return { start, end, step, rateInterval: Math.max(step + scrape, 4 * scrape), rangeSeconds };
}

/** Values of `$__interval`, `$__interval_ms`, `$__rate_interval`, `$__range`, `$__range_s`, `$__range_ms`. */
export function builtinVariables(timing: QueryTiming): Record<string, string> {
  const rangeSeconds = Math.round(timing.rangeSeconds);
  return {
    __interval: formatDuration(timing.step),
    __interval_ms: String(Math.round(timing.step * 1000)),
    __rate_interval: formatDuration(timing.rateInterval),
    __range: formatDuration(rangeSeconds),
    __range_s: String(rangeSeconds),
    __range_ms: String(Math.round(timing.rangeSeconds * 1000)),
  };
}

function positive(value: number, name: string): number {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new InvalidArgumentError(`${name} must be a positive number, got ${value}.`);
  }
  return value;
}
