/** The series a panel shows: every successful target's frames, named, with their field settings. */
import { dataFramesToSeries, onlySharedLabel, seriesField, seriesName, type DataFrame, type Panel, type TargetResult, type VariableValues } from '@promkit/core';
import type { TimeseriesSeries } from '../../../charts/timeseries.js';

/**
 * `hidden` holds `refId:name` keys of series toggled off in the legend (`name` is the display
 * name). `variables` expand `$var` in a field's `displayName`. `legendFormat` names the series of
 * a result no target of the spec asked for (the host's frames). `frames`: what the panel's
 * transformations left, drawn in place of the results.
 */
export function shownSeries(spec: Panel, results: readonly TargetResult[], hidden: ReadonlySet<string>, variables?: VariableValues, legendFormat?: string, frames?: readonly DataFrame[]): TimeseriesSeries[] {
  if (frames) {
    return dataFramesToSeries(frames).map((s) => {
      const { name, field } = seriesField(spec, { seriesName: s.name, refId: s.refId, labels: s.labels, values: s.frame.values, variables });
      return { name, refId: s.refId, frame: s.frame, field, hidden: hidden.has(`${s.refId}:${name}`) };
    });
  }
  const out: TimeseriesSeries[] = [];
  const answered = results.filter((r) => !r.error);
  const onlyLabel = onlySharedLabel(answered.flatMap((r) => r.frames.map((f) => f.labels)));
  for (const result of answered) {
    const target = spec.targets.find((t) => t.refId === result.refId);
    for (const frame of result.frames) {
      const legend = seriesName(frame.labels, target ? target.legendFormat : legendFormat, onlyLabel);
      const { name, field } = seriesField(spec, { seriesName: legend, refId: result.refId, labels: frame.labels, values: frame.values, variables });
      out.push({ name, refId: result.refId, frame, field, hidden: hidden.has(`${result.refId}:${name}`) });
    }
  }
  return out;
}
