/**
 * `merge`: every frame into one table. The fields all frames share (by name, as shown) are the
 * key: rows with the same key join into one, each frame adding its other fields; rows with a key
 * not seen before are appended. Frames with the same fields simply stack their rows.
 */
import * as z from 'zod/mini';
import { dataFieldName, rowCount, type DataField, type DataFrame, type FieldValue } from './data-frame.js';
import { transformer } from './transformer.js';

export const merge = transformer('merge', z.strictObject({}), (frames) => (frames.length < 2 ? frames : [mergeFrames(frames)]));

function mergeFrames(frames: DataFrame[]): DataFrame {
  const names = frames.map((f) => f.fields.map(dataFieldName));
  const keyNames = names[0]!.filter((n) => names.every((list) => list.includes(n)));
  const fields: DataField[] = [];
  const column = new Map<string, number>();
  for (const frame of frames) {
    for (const field of frame.fields) {
      const name = dataFieldName(field);
      if (column.has(name)) continue;
      column.set(name, fields.length);
      fields.push({ ...field, values: [] });
    }
  }
  const rowOfKey = new Map<string, number>();
  let rows = 0;
  for (const frame of frames) {
    const keys = keyNames.map((name) => frame.fields.find((f) => dataFieldName(f) === name)!.values);
    const targets = frame.fields.map((f) => fields[column.get(dataFieldName(f))!]!.values);
    for (let r = 0; r < rowCount(frame); r++) {
      const key = JSON.stringify(keys.map((values) => values[r] ?? null));
      let row = rowOfKey.get(key);
      if (row === undefined) {
        row = rows++;
        rowOfKey.set(key, row);
        for (const f of fields) f.values.push(null);
      }
      frame.fields.forEach((field, i) => (targets[i]![row] = field.values[r] ?? (null as FieldValue)));
    }
  }
  return { refId: frames[0]!.refId, fields };
}
