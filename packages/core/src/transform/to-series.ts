/**
 * Transformed frames back into series for the charts: every number field of a frame that has a
 * time field becomes one series over that time, named as the field is shown. Frames without a
 * time field (reduce's rows, say) have no series to draw: only tables show them.
 */
import type { Labels } from '../prometheus/schemas.js';
import type { Frame } from '../prometheus/decode.js';
import { dataFieldName, cellNumber, type DataFrame } from './data-frame.js';

/** A series drawn from a transformed frame. */
export interface FrameSeries {
  refId: string;
  name: string;
  labels: Labels;
  frame: Frame;
}

export function dataFramesToSeries(frames: readonly DataFrame[]): FrameSeries[] {
  return frames.flatMap((frame) => {
    const time = frame.fields.find((f) => f.type === 'time');
    if (!time) return [];
    const order = time.values.map((_, i) => i).filter((i) => Number.isFinite(cellNumber(time.values[i])));
    order.sort((a, b) => cellNumber(time.values[a]) - cellNumber(time.values[b]));
    const timestamps = Float64Array.from(order, (i) => cellNumber(time.values[i]));
    return frame.fields
      .filter((f) => f.type === 'number')
      .map((f) => {
        const labels = f.labels ?? {};
        return { refId: frame.refId ?? '', name: dataFieldName(f), labels, frame: { labels, timestamps, values: Float64Array.from(order, (i) => cellNumber(f.values[i])) } };
      });
  });
}
