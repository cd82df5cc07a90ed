/**
 * `labelsToFields`: series labels as table columns.
 * - `columns` (the default): in each frame, a text column per label (those in `keepLabels`, when
 *   set) after the time field, and value fields lose their labels; with `valueLabel`, a value
 *   field is named by that label's value.
 * - `rows`: each labelled field as a frame of two columns, `label` and `value`.
 */
import * as z from 'zod/mini';
import { rowCount, type DataField, type DataFrame } from './data-frame.js';
import { transformer } from './transformer.js';

const options = z.strictObject({
  mode: z._default(z.enum(['columns', 'rows']), 'columns'),
  keepLabels: z.optional(z.array(z.string())),
  valueLabel: z.optional(z.string()),
});

function toColumns(frame: DataFrame, keep: readonly string[] | undefined, valueLabel: string | undefined): DataFrame {
  const rows = rowCount(frame);
  const labelled = frame.fields.filter((f) => f.labels && Object.keys(f.labels).length > 0);
  const names = [...new Set(labelled.flatMap((f) => Object.keys(f.labels!)))].filter((n) => n !== valueLabel && (!keep?.length || keep.includes(n))).sort();
  const columns: DataField[] = names.map((name) => ({
    name,
    type: 'string',
    values: Array.from({ length: rows }, () => labelled.find((f) => f.labels![name] !== undefined)?.labels![name] ?? ''),
  }));
  const fields = frame.fields.map((f): DataField => {
    if (!f.labels) return f;
    const { labels, displayNameFromQuery: _legend, ...rest } = f;
    const named = valueLabel && labels[valueLabel] !== undefined ? labels[valueLabel] : undefined;
    return named === undefined ? rest : { ...rest, name: named };
  });
  const time = fields.findIndex((f) => f.type === 'time');
  return { ...frame, fields: [...fields.slice(0, time + 1), ...columns, ...fields.slice(time + 1)] };
}

function toRows(frame: DataFrame): DataFrame[] {
  return frame.fields
    .filter((f) => f.labels && Object.keys(f.labels).length > 0)
    .map((f) => {
      const entries = Object.entries(f.labels!).sort(([a], [b]) => a.localeCompare(b));
      return {
        refId: frame.refId,
        fields: [
          { name: 'label', type: 'string', values: entries.map(([k]) => k) },
          { name: 'value', type: 'string', values: entries.map(([, v]) => v) },
        ],
      } satisfies DataFrame;
    });
}

export const labelsToFields = transformer('labelsToFields', options, (frames, { mode, keepLabels, valueLabel }) =>
  mode === 'rows' ? frames.flatMap(toRows) : frames.map((f) => toColumns(f, keepLabels, valueLabel)),
);
