/** The series a panel shows: every successful target's frames, named, with their field settings. */
import { seriesField, seriesName, type Panel, type TargetResult, type VariableValues } from '@promkit/core';
import type { TimeseriesSeries } from '../../../charts/timeseries.js';

/**
 * `hidden` holds `refId:name` keys of series toggled off in the legend (`name` is the display
 * name). `variables` expand `$var` in a field's `displayName`. `legendFormat` names the series of
 * a result no target of the spec asked for (the host's frames).
 */
export function shownSeries(spec: Panel, results: readonly TargetResult[], hidden: ReadonlySet<string>, variables?: VariableValues, legendFormat?: string): TimeseriesSeries[] {
  const out: TimeseriesSeries[] = [];
  for (const result of results) {
    if (result.error) continue;
    const target = spec.targets.find((t) => t.refId === result.refId);
    for (const frame of result.frames) {
      const legend = seriesName(frame.labels, target ? target.legendFormat : legendFormat) || result.expr;
      const { name, field } = seriesField(spec, { seriesName: legend, refId: result.refId, labels: frame.labels, variables });
      out.push({ name, refId: result.refId, frame, field, hidden: hidden.has(`${result.refId}:${name}`) });
    }
  }
  return out;
}
