/**
 * Incremental refresh: a range that ends at "now" moves forward on every tick. Rather than fetch
 * it all again, fetch the tail (with an overlap, since the newest points may have been computed
 * before the latest samples arrived), keep the older points, and drop those that fell off the
 * head. The result must equal a full refetch sample for sample, series order included.
 */
import type { Frame } from '../prometheus/decode.js';
import type { Labels } from '../prometheus/schemas.js';

/** Stable identity of a label set. */
export function labelsKey(labels: Labels): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Prometheus' order of label sets: by sorted (name, value) pairs, then by length. */
export function compareLabels(a: Labels, b: Labels): number {
  const pa = Object.entries(a).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  const pb = Object.entries(b).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const [na, va] = pa[i]!;
    const [nb, vb] = pb[i]!;
    if (na !== nb) return na < nb ? -1 : 1;
    if (va !== vb) return va < vb ? -1 : 1;
  }
  return pa.length - pb.length;
}

/**
 * Frames for [startMs, …] from `previous` (points before `tailStartMs`) and `tail` (points from
 * `tailStartMs` on). Series only in one of them are kept; series left with no points are dropped.
 */
export function mergeTail(previous: readonly Frame[], tail: readonly Frame[], startMs: number, tailStartMs: number): Frame[] {
  const byKey = new Map<string, { labels: Labels; old?: Frame; fresh?: Frame }>();
  for (const f of previous) byKey.set(labelsKey(f.labels), { labels: f.labels, old: f });
  for (const f of tail) {
    const key = labelsKey(f.labels);
    const entry = byKey.get(key);
    if (entry) entry.fresh = f;
    else byKey.set(key, { labels: f.labels, fresh: f });
  }
  const merged: Frame[] = [];
  for (const { labels, old, fresh } of byKey.values()) {
    const [from, to] = old ? window(old.timestamps, startMs, tailStartMs) : [0, 0];
    const keep = to - from;
    const add = fresh ? fresh.timestamps.length : 0;
    if (keep + add === 0) continue;
    const timestamps = new Float64Array(keep + add);
    const values = new Float64Array(keep + add);
    if (old && keep > 0) {
      timestamps.set(old.timestamps.subarray(from, to));
      values.set(old.values.subarray(from, to));
    }
    if (fresh) {
      timestamps.set(fresh.timestamps, keep);
      values.set(fresh.values, keep);
    }
    merged.push({ labels, timestamps, values });
  }
  return merged.sort((a, b) => compareLabels(a.labels, b.labels));
}

/** Index range of timestamps within [from, to). Timestamps are ascending. */
function window(timestamps: Float64Array, from: number, to: number): [number, number] {
  let lo = 0;
  while (lo < timestamps.length && timestamps[lo]! < from) lo++;
  let hi = lo;
  while (hi < timestamps.length && timestamps[hi]! < to) hi++;
  return [lo, hi];
}
