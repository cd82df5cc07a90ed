/**
 * Data from the host app instead of Prometheus: frames given as plain numbers (checked, sorted,
 * turned into the Float64Array frames the charts draw), plain rows turned into frames, and the
 * per-target results a panel shows for them, as a query's would be.
 */
import type { Frame } from '../prometheus/decode.js';
import type { Labels } from '../prometheus/schemas.js';
import type { QueryTiming } from '../time/step.js';
import type { TargetResult } from '../query/engine.js';
import { SchemaError, type SchemaProblem } from '../prometheus/errors.js';

/** A series as a host gives it: times in ms (or Dates, or ISO strings) and values, the same length. */
export interface FrameInput {
  labels?: Labels;
  timestamps: ArrayLike<number | Date | string>;
  values: ArrayLike<number | string | null>;
}

/** Frames per target refId, or a list for the one target `A`. */
export type HostFrames = Readonly<Record<string, readonly (Frame | FrameInput)[]>> | readonly (Frame | FrameInput)[];

/** Which fields of a row are its time, its value and the labels that tell its series apart. */
export interface RowFields {
  time: string;
  value: string;
  /** Fields whose values become the series' labels (one frame per distinct combination). */
  labels?: readonly string[];
}

/**
 * Rows such as `{ at: '2026-12-01T10:00:00Z', rows: 1200, table: 'orders' }` as frames: one per
 * distinct combination of the `labels` fields, in order of first appearance, sorted by time.
 * A time or value that cannot be read is an error naming the row and field.
 */
export function rowsToFrames(rows: readonly Readonly<Record<string, unknown>>[], fields: RowFields): Frame[] {
  const series = new Map<string, { labels: Labels; timestamps: number[]; values: number[] }>();
  const problems: SchemaProblem[] = [];
  rows.forEach((row, i) => {
    const labels: Record<string, string> = {};
    for (const name of fields.labels ?? []) labels[name] = row[name] === undefined || row[name] === null ? '' : String(row[name]);
    const time = timeOf(row[fields.time]);
    const value = valueOf(row[fields.value]);
    if (time === undefined) problems.push({ path: `rows[${i}].${fields.time}`, message: `must be a time (ms since the epoch, a Date or an ISO string), got ${describe(row[fields.time])}` });
    if (value === undefined) problems.push({ path: `rows[${i}].${fields.value}`, message: `must be a number (or null for a gap), got ${describe(row[fields.value])}` });
    if (time === undefined || value === undefined) return;
    const key = JSON.stringify(labels);
    let s = series.get(key);
    if (!s) series.set(key, (s = { labels, timestamps: [], values: [] }));
    s.timestamps.push(time);
    s.values.push(value);
  });
  if (problems.length) throw SchemaError.listing('The rows have', problems);
  return [...series.values()].map((s) => sorted(s.labels, s.timestamps, s.values));
}

/** The frames of `input` checked and as charts take them; `path` names the input in errors. */
export function toHostFrames(input: readonly (Frame | FrameInput)[], path = 'frames'): Frame[] {
  const problems: SchemaProblem[] = [];
  const frames = input.map((f, i) => {
    const at = `${path}[${i}]`;
    if (!f || typeof f !== 'object' || !f.timestamps || !f.values) {
      problems.push({ path: at, message: 'must be { labels?, timestamps, values }' });
      return undefined;
    }
    if (f.timestamps.length !== f.values.length) {
      problems.push({ path: at, message: `has ${f.timestamps.length} timestamps and ${f.values.length} values: they must be as many` });
      return undefined;
    }
    if (f.timestamps instanceof Float64Array && f.values instanceof Float64Array && ascending(f.timestamps)) return { labels: { ...f.labels }, timestamps: f.timestamps, values: f.values };
    const timestamps: number[] = [];
    const values: number[] = [];
    for (let j = 0; j < f.timestamps.length; j++) {
      const time = timeOf(f.timestamps[j]);
      const value = valueOf(f.values[j]);
      if (time === undefined) problems.push({ path: `${at}.timestamps[${j}]`, message: `must be a time (ms since the epoch, a Date or an ISO string), got ${describe(f.timestamps[j])}` });
      else if (value === undefined) problems.push({ path: `${at}.values[${j}]`, message: `must be a number (or null for a gap), got ${describe(f.values[j])}` });
      else {
        timestamps.push(time);
        values.push(value);
      }
    }
    return sorted({ ...f.labels }, timestamps, values);
  });
  if (problems.length) throw SchemaError.listing('The frames have', problems);
  return frames as Frame[];
}

/** Host frames checked, per refId (a list is target `A`); a SchemaError names the first refId's problems at `path.refId`. */
export function framesByRefId(frames: HostFrames, path = 'frames'): Record<string, Frame[]> {
  const byRef: Record<string, readonly (Frame | FrameInput)[]> = Array.isArray(frames) ? { A: frames } : (frames as Record<string, readonly (Frame | FrameInput)[]>);
  return Object.fromEntries(Object.entries(byRef).map(([refId, list]) => [refId, toHostFrames(list, `${path}.${refId}`)]));
}

/**
 * What a panel shows for host frames: one result per refId (a list is target `A`), each with the
 * panel's target `expr` when it has one, the timing of the range, and `source: 'host'`. Host data
 * keeps no step grid, so the result's step is at least the widest spacing of its samples: only a
 * `null` value makes a gap in a line, not a long wait between two runs.
 */
export function hostTargetResults(frames: HostFrames, timing: QueryTiming, targets: readonly { refId: string; expr?: string; instant?: boolean }[] = []): TargetResult[] {
  return Object.entries(framesByRefId(frames)).map(([refId, checked]) => {
    const target = targets.find((t) => t.refId === refId);
    const spacing = widestSpacing(checked) / 1000;
    return {
      refId,
      expr: target?.expr ?? '',
      instant: target?.instant ?? false,
      timing: spacing > timing.step ? { ...timing, step: spacing } : timing,
      frames: checked,
      warnings: [],
      infos: [],
      source: 'host',
    };
  });
}

function sorted(labels: Labels, timestamps: number[], values: number[]): Frame {
  const order = timestamps.map((_, i) => i);
  if (!ascending(timestamps)) order.sort((a, b) => timestamps[a]! - timestamps[b]!);
  return { labels, timestamps: Float64Array.from(order, (i) => timestamps[i]!), values: Float64Array.from(order, (i) => values[i]!) };
}

/** The widest time between two neighbouring samples of any frame, in ms (0 with fewer than two). */
function widestSpacing(frames: readonly Frame[]): number {
  let widest = 0;
  for (const f of frames) for (let i = 1; i < f.timestamps.length; i++) widest = Math.max(widest, f.timestamps[i]! - f.timestamps[i - 1]!);
  return widest;
}

function ascending(times: ArrayLike<number>): boolean {
  for (let i = 1; i < times.length; i++) if (times[i]! < times[i - 1]!) return false;
  return true;
}

/** Milliseconds since the epoch of a number, Date or ISO string; undefined when it is none. */
function timeOf(value: unknown): number | undefined {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Date.parse(value) : NaN;
  return Number.isFinite(ms) ? ms : undefined;
}

/** A sample value: a number (NaN and ±Infinity kept), a numeric string, or null for a gap (NaN). */
function valueOf(value: unknown): number | undefined {
  if (value === null) return NaN;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isNaN(n) && value.trim() !== 'NaN' ? undefined : n;
  }
  return undefined;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** How much of a live series is kept: at most `maxPoints` samples, none older than `maxAgeMs` before `now`. */
export interface LiveWindow {
  maxPoints?: number;
  maxAgeMs?: number;
  /** The time ages are measured from, ms (default the newest sample's). */
  now?: number;
}

/**
 * `current` with `incoming` appended, series matched by their labels (a new one is added at the
 * end). A sample no newer than its series' last is a repeat (a stream that resumed) and is left
 * out, so nothing is drawn twice. Then each series keeps only its `window`.
 */
export function appendFrames(current: readonly Frame[], incoming: readonly Frame[], window: LiveWindow = {}): Frame[] {
  const out = current.map((f) => ({ labels: f.labels, timestamps: [...f.timestamps], values: [...f.values] }));
  const index = new Map(out.map((f, i) => [labelKey(f.labels), i]));
  for (const f of incoming) {
    const key = labelKey(f.labels);
    let at = index.get(key);
    if (at === undefined) {
      index.set(key, (at = out.length));
      out.push({ labels: { ...f.labels }, timestamps: [], values: [] });
    }
    const series = out[at]!;
    for (let i = 0; i < f.timestamps.length; i++) {
      const t = f.timestamps[i]!;
      if (series.timestamps.length && t <= series.timestamps[series.timestamps.length - 1]!) continue;
      series.timestamps.push(t);
      series.values.push(f.values[i]!);
    }
  }
  const newest = Math.max(...out.map((f) => f.timestamps[f.timestamps.length - 1] ?? -Infinity));
  const oldest = window.maxAgeMs === undefined ? -Infinity : (window.now ?? newest) - window.maxAgeMs;
  return out.map((f) => {
    let from = Math.max(0, window.maxPoints === undefined ? 0 : f.timestamps.length - window.maxPoints);
    while (from < f.timestamps.length && f.timestamps[from]! < oldest) from++;
    return { labels: f.labels, timestamps: Float64Array.from(f.timestamps.slice(from)), values: Float64Array.from(f.values.slice(from)) };
  });
}

function labelKey(labels: Labels): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
