/**
 * Which sample of a time series chart a click landed on: the drawn series (of those `eligible`)
 * whose sample nearest the clicked time is drawn nearest the clicked value. Drawn means as the
 * chart places it: negated for `negative-Y`, as a share of 100 % under percent stacking, on top of
 * the series before it in its stack group under normal stacking.
 */
import type { FieldDefaults, Frame } from '@promkit/core';
import { drawnSeries, percentFrames, type TimeseriesSeries } from './timeseries.js';

export interface PointNear<S> {
  series: S;
  /** The sample's time, epoch ms. */
  time: number;
  /** The sample as it is (not as stacked or negated). */
  value: number;
}

/** Index of the sample nearest `t` (timestamps ascending), or -1 for an empty frame. */
function nearestIndex(timestamps: Float64Array, t: number): number {
  let lo = 0;
  let hi = timestamps.length - 1;
  if (hi < 0) return -1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (timestamps[mid]! <= t) lo = mid;
    else hi = mid;
  }
  return Math.abs(timestamps[hi]! - t) < Math.abs(timestamps[lo]! - t) ? hi : lo;
}

/**
 * The point a click at (`time`, `value`) in axis units is on, among the drawn series `eligible`
 * keeps (say, those with data links); a sample further than `maxMs` from `time` or drawn further
 * than `reach` from `value`, or not finite, is no candidate. Undefined when no series has one.
 */
export function pointNear<S extends TimeseriesSeries>(
  series: readonly S[],
  field: FieldDefaults,
  at: { time: number; value: number; /** The furthest a drawn value may be from `value` (default any). */ reach?: number },
  maxMs: number,
  eligible: (s: S) => boolean = () => true,
): PointNear<S> | undefined {
  const visible = drawnSeries(series);
  const stacking = field.custom?.stacking?.mode ?? 'none';
  const frames: Frame[] = stacking === 'percent' ? percentFrames(visible.map((s) => s.frame)) : visible.map((s) => s.frame);
  /** Per stack group, the drawn top at each timestamp so far (series stack in order). */
  const tops = new Map<string, Map<number, number>>();
  let best: (PointNear<S> & { distance: number }) | undefined;
  visible.forEach((s, i) => {
    const frame = frames[i]!;
    const j = nearestIndex(frame.timestamps, at.time);
    if (j < 0) return;
    const t = frame.timestamps[j]!;
    const raw = s.frame.values[j]!;
    let drawn = s.field.custom?.transform === 'negative-Y' ? -frame.values[j]! : frame.values[j]!;
    if (stacking !== 'none' && Number.isFinite(drawn)) {
      const group = s.field.custom?.stacking?.group ?? 'A';
      const top = tops.get(group) ?? new Map<number, number>();
      tops.set(group, top);
      drawn += top.get(t) ?? 0;
      top.set(t, drawn);
    }
    if (!eligible(s) || !Number.isFinite(raw) || !Number.isFinite(drawn) || Math.abs(t - at.time) > maxMs) return;
    const distance = Math.abs(drawn - at.value);
    if (distance > (at.reach ?? Number.POSITIVE_INFINITY)) return;
    if (!best || distance < best.distance) best = { series: s, time: t, value: raw, distance };
  });
  return best && { series: best.series, time: best.time, value: best.value };
}
