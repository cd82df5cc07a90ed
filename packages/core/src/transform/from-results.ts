/**
 * Query results as data frames, the way Grafana's Prometheus datasource shapes them:
 * - a time-series target gives a frame per series: `Time` and `Value`, the value field carrying
 *   the series' labels and its legend as the name it is known by;
 * - a table target (`format: 'table'`) gives one frame for the query: `Time`, one text column
 *   per label (sorted), and `Value` — `Value #A` when the panel has several targets — with a row
 *   per sample of every series.
 */
import type { Labels } from '../prometheus/schemas.js';
import type { Frame } from '../prometheus/decode.js';
import type { DataField, DataFrame } from './data-frame.js';

/** A target's answer, as the query engine gives it. */
export interface ResultFrames {
  refId: string;
  frames: readonly Frame[];
  /** `table` for one frame of rows; anything else gives a frame per series. */
  format?: string | undefined;
  /** The series' legend. */
  nameOf: (labels: Labels) => string;
}

/** Every target's frames, in the order given. `targetCount` decides `Value` or `Value #A`. */
export function resultsToDataFrames(results: readonly ResultFrames[], targetCount = results.length): DataFrame[] {
  return results.flatMap((r) => (r.format === 'table' ? [tableFrame(r, targetCount)] : r.frames.map((f) => seriesFrame(r, f))));
}

function seriesFrame(result: ResultFrames, frame: Frame): DataFrame {
  const name = result.nameOf(frame.labels);
  return {
    refId: result.refId,
    name,
    fields: [
      { name: 'Time', type: 'time', values: Array.from(frame.timestamps) },
      { name: 'Value', type: 'number', values: Array.from(frame.values), labels: frame.labels, displayNameFromQuery: name },
    ],
  };
}

function tableFrame(result: ResultFrames, targetCount: number): DataFrame {
  const labelNames = [...new Set(result.frames.flatMap((f) => Object.keys(f.labels)))].sort();
  const time: DataField = { name: 'Time', type: 'time', values: [] };
  const labels: DataField[] = labelNames.map((name) => ({ name, type: 'string', values: [] }));
  const value: DataField = { name: targetCount > 1 ? `Value #${result.refId}` : 'Value', type: 'number', values: [] };
  for (const frame of result.frames) {
    for (let i = 0; i < frame.timestamps.length; i++) {
      time.values.push(frame.timestamps[i]!);
      labels.forEach((field, j) => field.values.push(frame.labels[labelNames[j]!] ?? ''));
      value.values.push(frame.values[i]!);
    }
  }
  return { refId: result.refId, fields: [time, ...labels, value] };
}
