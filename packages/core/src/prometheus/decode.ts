/**
 * Wire results → columnar frames: one Float64Array of timestamps (milliseconds since the epoch,
 * what chart libraries take) and one of values per series, filled in a single pass without
 * building intermediate arrays of pairs.
 */
import { SchemaError } from './errors.js';
import { parseSampleValue } from './sample-value.js';
import type { QueryResult } from './endpoints.js';
import type { Labels, WireHistogram, WireHistogramSample, WireSample } from './schemas.js';

/** One bucket of a native histogram. */
export interface HistogramBucket {
  lower: number;
  upper: number;
  count: number;
  lowerInclusive: boolean;
  upperInclusive: boolean;
}

/** A native histogram sample, decoded. */
export interface NativeHistogram {
  count: number;
  sum: number;
  buckets: HistogramBucket[];
}

/** Native histogram samples of one series. */
export interface HistogramColumn {
  /** Milliseconds since the epoch. */
  timestamps: Float64Array;
  values: NativeHistogram[];
}

/** One series in columnar form. */
export interface Frame {
  labels: Labels;
  /** Milliseconds since the epoch, ascending. */
  timestamps: Float64Array;
  /** Float sample values; `NaN`, `±Infinity` kept as such. */
  values: Float64Array;
  /** Native histogram samples, when the series has any. */
  histograms?: HistogramColumn;
}

/**
 * Turns a query result into frames: a matrix gives one frame per series, a vector one frame of
 * one sample per series, a scalar one frame with no labels. String results carry no numbers and
 * are refused with a clear error rather than turned into an empty list.
 */
export function toFrames(result: QueryResult): Frame[] {
  switch (result.resultType) {
    case 'matrix':
      return result.result.map((series, i) =>
        frame(series.metric, series.values ?? [], series.histograms, `result[${i}]`),
      );
    case 'vector':
      return result.result.map((sample, i) =>
        frame(sample.metric, sample.value ? [sample.value] : [], sample.histogram && [sample.histogram], `result[${i}]`),
      );
    case 'scalar':
      return [frame({}, [result.result], undefined, 'result')];
    case 'string':
      throw new SchemaError(
        'A string result has no numeric samples to put in frames: read `result.result` (the string) directly.',
        [{ path: 'resultType', message: 'expected matrix, vector or scalar, got string' }],
      );
  }
}

function frame(
  labels: Labels,
  samples: WireSample[],
  histograms: WireHistogramSample[] | undefined,
  path: string,
): Frame {
  const n = samples.length;
  const timestamps = new Float64Array(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const sample = samples[i]!;
    timestamps[i] = toMillis(sample[0]);
    values[i] = sampleValue(sample[1], `${path}.values[${i}][1]`);
  }
  const out: Frame = { labels, timestamps, values };
  if (histograms && histograms.length > 0) {
    out.histograms = {
      timestamps: Float64Array.from(histograms, (h) => toMillis(h[0])),
      values: histograms.map((h, i) => decodeHistogram(h[1], `${path}.histograms[${i}][1]`)),
    };
  }
  return out;
}

/** Prometheus times are float seconds with millisecond precision; round away binary noise. */
function toMillis(seconds: number): number {
  return Math.round(seconds * 1000);
}

/** Native histogram from its wire form; boundary rules 0–3 say which bucket ends are open. */
export function decodeHistogram(wire: WireHistogram, path = 'histogram'): NativeHistogram {
  return {
    count: sampleValue(wire.count, `${path}.count`),
    sum: sampleValue(wire.sum, `${path}.sum`),
    buckets: (wire.buckets ?? []).map(([rule, lower, upper, count], i) => ({
      lower: sampleValue(lower, `${path}.buckets[${i}][1]`),
      upper: sampleValue(upper, `${path}.buckets[${i}][2]`),
      count: sampleValue(count, `${path}.buckets[${i}][3]`),
      // 0: open left, 1: open right, 2: open both, 3: closed both.
      lowerInclusive: rule === 1 || rule === 3,
      upperInclusive: rule === 0 || rule === 3,
    })),
  };
}

function sampleValue(text: string, path: string): number {
  const value = parseSampleValue(text);
  if (value === undefined) {
    throw new SchemaError(`Sample value ${JSON.stringify(text)} at ${path} is not a number.`, [
      { path, message: `expected a number, "+Inf", "-Inf" or "NaN", got ${JSON.stringify(text)}` },
    ]);
  }
  return value;
}
