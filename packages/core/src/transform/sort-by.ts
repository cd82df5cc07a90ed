/**
 * `sortBy`: the rows of every frame sorted by a field (as shown), ascending unless `desc`; later
 * entries break ties. Numbers by value, text naturally, empty cells last. A field the frame lacks
 * is ignored.
 */
import * as z from 'zod/mini';
import { compareValues, dataFieldName, isEmpty, pickRows, rowCount } from './data-frame.js';
import { transformer } from './transformer.js';

export const sortBy = transformer(
  'sortBy',
  z.strictObject({ sort: z._default(z.array(z.strictObject({ field: z.optional(z.string()), desc: z._default(z.boolean(), false) })), []) }),
  (frames, { sort }) =>
    frames.map((frame) => {
      const keys = sort.flatMap(({ field, desc }) => {
        const values = frame.fields.find((f) => dataFieldName(f) === field)?.values;
        return values ? [{ values, sign: desc ? -1 : 1 }] : [];
      });
      if (keys.length === 0) return frame;
      const rows = Array.from({ length: rowCount(frame) }, (_, i) => i);
      rows.sort((a, b) => {
        for (const { values, sign } of keys) {
          const order = compareValues(values[a], values[b]);
          // Empty cells stay last whichever the direction.
          const empty = isEmpty(values[a]) || isEmpty(values[b]);
          if (order !== 0) return empty ? order : sign * order;
        }
        return a - b;
      });
      return pickRows(frame, rows);
    }),
);
