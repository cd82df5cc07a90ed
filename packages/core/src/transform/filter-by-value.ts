/**
 * `filterByValue`: keep (`include`) or drop (`exclude`) the rows whose cells pass the filters —
 * any of them (`match: 'any'`) or all (`all`). Each filter names a field (as shown) and a test:
 * greater, greaterOrEqual, lower, lowerOrEqual, equal, notEqual, range (from ≤ v ≤ to), isNull,
 * isNotNull, regex. A filter on a field the frame lacks passes no row.
 */
import * as z from 'zod/mini';
import { grafanaRegex } from '../format/regex.js';
import { dataFieldName, isEmpty, cellNumber, pickRows, rowCount, type FieldValue } from './data-frame.js';
import { regexOption, transformer } from './transformer.js';

const cellValue = z.union([z.number(), z.string(), z.boolean(), z.null()]);
const test = z.discriminatedUnion('id', [
  z.strictObject({ id: z.enum(['greater', 'greaterOrEqual', 'lower', 'lowerOrEqual']), options: z.strictObject({ value: z.union([z.number(), z.string()]) }) }),
  z.strictObject({ id: z.enum(['equal', 'notEqual']), options: z.strictObject({ value: cellValue }) }),
  z.strictObject({ id: z.literal('range'), options: z.strictObject({ from: z.union([z.number(), z.string()]), to: z.union([z.number(), z.string()]) }) }),
  z.strictObject({ id: z.enum(['isNull', 'isNotNull']), options: z._default(z.strictObject({}), {}) }),
  z.strictObject({ id: z.literal('regex'), options: z.strictObject({ value: regexOption }) }),
]);
type Test = z.infer<typeof test>;

function passes(t: Test, v: FieldValue | undefined): boolean {
  const n = cellNumber(v ?? null);
  switch (t.id) {
    case 'greater':
      return n > cellNumber(t.options.value);
    case 'greaterOrEqual':
      return n >= cellNumber(t.options.value);
    case 'lower':
      return n < cellNumber(t.options.value);
    case 'lowerOrEqual':
      return n <= cellNumber(t.options.value);
    case 'range':
      return n >= cellNumber(t.options.from) && n <= cellNumber(t.options.to);
    case 'equal':
    case 'notEqual': {
      // Grafana compares loosely: 5 equals "5".
      const same = isEmpty(v) ? t.options.value === null : String(v) === String(t.options.value);
      return t.id === 'equal' ? same : !same;
    }
    case 'isNull':
      return isEmpty(v);
    case 'isNotNull':
      return !isEmpty(v);
    case 'regex':
      return !isEmpty(v) && grafanaRegex(t.options.value).test(String(v));
  }
}

export const filterByValue = transformer(
  'filterByValue',
  z.strictObject({
    filters: z._default(z.array(z.strictObject({ fieldName: z.string(), config: test })), []),
    type: z._default(z.enum(['include', 'exclude']), 'include'),
    match: z._default(z.enum(['any', 'all']), 'any'),
  }),
  (frames, { filters, type, match }) => {
    if (filters.length === 0) return frames;
    return frames.map((frame) => {
      const columns = filters.map((f) => ({ test: f.config, values: frame.fields.find((field) => dataFieldName(field) === f.fieldName)?.values }));
      const rows: number[] = [];
      for (let r = 0; r < rowCount(frame); r++) {
        const results = columns.map((c) => c.values !== undefined && passes(c.test, c.values[r]));
        const hit = match === 'all' ? results.every(Boolean) : results.some(Boolean);
        if (hit === (type === 'include')) rows.push(r);
      }
      return pickRows(frame, rows);
    });
  },
);
