/**
 * A panel's query results after its transformations: the frames Grafana would draw. Undefined
 * when the panel has no transformation to apply, so panels keep drawing the results directly.
 */
import type { Panel } from '../dashboard/schema.js';
import type { TargetResult } from '../query/engine.js';
import { onlySharedLabel, seriesName } from '../format/legend.js';
import { resultsToDataFrames } from './from-results.js';
import { applyTransformations } from './transformations.js';
import type { DataFrame } from './data-frame.js';

/** `legendFormat` names the series of a result no target asked for (a host's frames). */
export function transformedFrames(panel: Panel, results: readonly TargetResult[], legendFormat?: string): DataFrame[] | undefined {
  const transformations = (panel.transformations ?? []).filter((t) => !t.disabled);
  if (transformations.length === 0) return undefined;
  const answered = results.filter((r) => !r.error);
  const onlyLabel = onlySharedLabel(answered.flatMap((r) => r.frames.map((f) => f.labels)));
  const frames = resultsToDataFrames(
    answered.map((r) => {
      const target = panel.targets.find((t) => t.refId === r.refId);
      return { refId: r.refId, frames: r.frames, format: target?.format, nameOf: (labels) => seriesName(labels, target ? target.legendFormat : legendFormat, onlyLabel) };
    }),
    results.length,
  );
  return applyTransformations(frames, transformations);
}
