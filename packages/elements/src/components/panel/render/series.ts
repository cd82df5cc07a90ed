/** The series a panel shows: every successful target's frames, named, with their field settings. */
import { seriesName, type Panel, type TargetResult } from '@promkit/core';
import { fieldFor } from '../../../charts/fields.js';
import type { TimeseriesSeries } from '../../../charts/timeseries.js';

/** `hidden` holds `refId:name` keys of series toggled off in the legend. */
export function shownSeries(spec: Panel, results: readonly TargetResult[], hidden: ReadonlySet<string>): TimeseriesSeries[] {
  const out: TimeseriesSeries[] = [];
  for (const result of results) {
    if (result.error) continue;
    const target = spec.targets.find((t) => t.refId === result.refId);
    for (const frame of result.frames) {
      const name = seriesName(frame.labels, target?.legendFormat) || result.expr;
      out.push({ name, refId: result.refId, frame, field: fieldFor(spec, name, result.refId), hidden: hidden.has(`${result.refId}:${name}`) });
    }
  }
  return out;
}
