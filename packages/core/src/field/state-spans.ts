/**
 * A series as the spans of a state timeline or the cells of a status history: each sample holds
 * until the next one, or for one step where the next is missing (a gap longer than `gapMs`) and
 * after the last sample; NaN is no state (nothing is drawn for it). With `merge` (a state
 * timeline's default, as in Grafana), consecutive samples of the same value are one span.
 */

/** One value from `from` to `to`, epoch ms. */
export interface StateSpan {
  from: number;
  to: number;
  value: number;
}

export interface StateSpanOptions {
  /** How long a sample holds when no next one follows within `gapMs`, ms (the query step). */
  stepMs: number;
  /** Samples further apart than this are a gap, ms; two steps unless given. */
  gapMs?: number;
  /** Merge consecutive samples of the same value. */
  merge: boolean;
}

export function stateSpans(timestamps: ArrayLike<number>, values: ArrayLike<number>, options: StateSpanOptions): StateSpan[] {
  const gapMs = options.gapMs ?? options.stepMs * 2;
  const spans: StateSpan[] = [];
  for (let i = 0; i < timestamps.length; i++) {
    const value = values[i]!;
    if (Number.isNaN(value)) continue;
    const from = timestamps[i]!;
    const next = timestamps[i + 1];
    const to = next !== undefined && next - from <= gapMs ? next : from + options.stepMs;
    const last = spans.at(-1);
    if (options.merge && last && last.to === from && Object.is(last.value, value)) last.to = to;
    else spans.push({ from, to, value });
  }
  return spans;
}
