/**
 * `groupBy`: in each frame, one row per distinct combination of the fields marked `groupby`
 * (in first-seen order), and for each field marked `aggregate` a column per aggregation, named
 * `name (Reducer)` as Grafana names it (`Value (Last *)`). Unmarked fields go. A frame with no
 * `groupby` field is left as it is.
 */
import * as z from 'zod/mini';
import { REDUCER_NAMES, reduce } from '../format/reduce.js';
import { dataFieldName, type DataField } from './data-frame.js';
import { numbersOf } from './reduce.js';
import { reducerOption, transformer } from './transformer.js';

const fieldRole = z.strictObject({ aggregations: z._default(z.array(reducerOption), []), operation: z.optional(z.nullable(z.enum(['groupby', 'aggregate']))) });

export const groupBy = transformer('groupBy', z.strictObject({ fields: z._default(z.record(z.string(), fieldRole), {}) }), (frames, { fields: roles }) =>
  frames.map((frame) => {
    const keys = frame.fields.filter((f) => roles[dataFieldName(f)]?.operation === 'groupby');
    if (keys.length === 0) return frame;
    const groups = new Map<string, number[]>();
    const length = keys[0]!.values.length;
    for (let r = 0; r < length; r++) {
      const key = JSON.stringify(keys.map((f) => f.values[r] ?? null));
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    const rows = [...groups.values()];
    const grouped: DataField[] = keys.map((f) => ({ ...f, values: rows.map((r) => f.values[r[0]!] ?? null) }));
    const aggregated = frame.fields.flatMap((f): DataField[] => {
      const role = roles[dataFieldName(f)];
      if (role?.operation !== 'aggregate') return [];
      return role.aggregations.map((reducer) => ({
        name: `${dataFieldName(f)} (${REDUCER_NAMES[reducer]})`,
        type: 'number',
        values: rows.map((r) => reduce(numbersOf({ ...f, values: r.map((i) => f.values[i] ?? null) }), reducer)),
      }));
    });
    return { ...frame, fields: [...grouped, ...aggregated] };
  }),
);
