/**
 * `joinByField` (and its older name `seriesToColumns`): every frame into one, joined on one
 * field — the first time field when `byField` is not set. `outer` (the default) keeps every key
 * seen, sorted; `inner` only keys every frame has. Each frame adds its other fields as columns,
 * keeping their labels and names. A frame without the join field is left out.
 */
import * as z from 'zod/mini';
import { compareValues, dataFieldName, type DataField, type DataFrame, type FieldValue } from './data-frame.js';
import { transformer } from './transformer.js';

const options = z.strictObject({ byField: z.optional(z.string()), mode: z._default(z.enum(['outer', 'inner']), 'outer') });

function joinFrames(frames: DataFrame[], { byField, mode }: z.infer<typeof options>): DataFrame[] {
  const keyOf = (frame: DataFrame) => frame.fields.findIndex((f) => (byField ? dataFieldName(f) === byField : f.type === 'time'));
  const joined = frames.filter((f) => keyOf(f) >= 0);
  if (joined.length === 0) return frames;
  const rowsByKey = joined.map((frame) => {
    const index = new Map<string, number>();
    frame.fields[keyOf(frame)]!.values.forEach((v, r) => index.set(JSON.stringify(v), r));
    return index;
  });
  const keys = new Map<string, FieldValue>();
  for (const frame of joined) for (const v of frame.fields[keyOf(frame)]!.values) keys.set(JSON.stringify(v), v);
  let kept = [...keys.entries()];
  if (mode === 'inner') kept = kept.filter(([k]) => rowsByKey.every((index) => index.has(k)));
  kept.sort(([, a], [, b]) => compareValues(a, b));
  const keyField = joined[0]!.fields[keyOf(joined[0]!)]!;
  const fields: DataField[] = [{ ...keyField, values: kept.map(([, v]) => v) }];
  joined.forEach((frame, i) => {
    frame.fields.forEach((field, f) => {
      if (f === keyOf(frame)) return;
      const values = kept.map(([k]) => {
        const row = rowsByKey[i]!.get(k);
        return row === undefined ? null : (field.values[row] ?? null);
      });
      fields.push({ ...field, values });
    });
  });
  return [{ refId: joined[0]!.refId, fields }];
}

export const joinByField = transformer('joinByField', options, joinFrames);
export const seriesToColumns = transformer('seriesToColumns', options, joinFrames);
