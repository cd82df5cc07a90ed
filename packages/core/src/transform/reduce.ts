/**
 * `reduce`: each number field down to one value per reducer.
 * - `seriesToRows` (the default): one table, a row per field: `Field` (its shown name), then a
 *   column per reducer named as Grafana names it (`Max`, `Last *`, …). With `labelsToFields`, the
 *   series' labels become columns in place of `Field`.
 * - `reduceFields`: every frame keeps its shape, each number field holding its reductions (the
 *   field named `name reducer` when there are several); other fields go, the time field too
 *   unless `includeTimeField`.
 */
import * as z from 'zod/mini';
import { REDUCER_NAMES, reduce as reduceValues, type Reducer } from '../format/reduce.js';
import { dataFieldName, cellNumber, type DataField, type DataFrame } from './data-frame.js';
import { reducerOption, transformer } from './transformer.js';

const options = z.strictObject({
  reducers: z._default(z.array(reducerOption), []),
  mode: z._default(z.enum(['seriesToRows', 'reduceFields']), 'seriesToRows'),
  includeTimeField: z._default(z.boolean(), false),
  labelsToFields: z._default(z.boolean(), false),
});

/** A field's values as numbers, for the reducers. */
export function numbersOf(field: DataField): Float64Array {
  return Float64Array.from(field.values, (v) => cellNumber(v));
}

export const reduce = transformer('reduce', options, (frames, o) => {
  if (o.reducers.length === 0) return frames;
  return o.mode === 'reduceFields' ? frames.map((f) => reduceFields(f, o.reducers, o.includeTimeField)) : [seriesToRows(frames, o.reducers, o.labelsToFields)];
});

function seriesToRows(frames: DataFrame[], reducers: readonly Reducer[], labelsToFields: boolean): DataFrame {
  const fields = frames.flatMap((frame) => frame.fields.filter((f) => f.type === 'number'));
  const labelNames = labelsToFields ? [...new Set(fields.flatMap((f) => Object.keys(f.labels ?? {})))].sort() : [];
  const head: DataField[] = labelsToFields
    ? labelNames.map((name) => ({ name, type: 'string', values: fields.map((f) => f.labels?.[name] ?? '') }))
    : [{ name: 'Field', type: 'string', values: fields.map(dataFieldName) }];
  const reduced: DataField[] = reducers.map((r) => ({ name: REDUCER_NAMES[r], type: 'number', values: fields.map((f) => reduceValues(numbersOf(f), r)) }));
  return { refId: frames[0]?.refId, fields: [...head, ...reduced] };
}

function reduceFields(frame: DataFrame, reducers: readonly Reducer[], includeTime: boolean): DataFrame {
  const fields = frame.fields.flatMap((f): DataField[] => {
    if (f.type === 'time') return includeTime ? [{ ...f, values: [f.values.at(-1) ?? null] }] : [];
    if (f.type !== 'number') return [];
    return reducers.map((r) => {
      const values = [reduceValues(numbersOf(f), r)];
      return reducers.length === 1 ? { ...f, values } : { ...f, values, displayName: `${dataFieldName(f)} ${REDUCER_NAMES[r]}` };
    });
  });
  return { ...frame, fields };
}
