/**
 * `calculateField`: a new number field on every frame, appended after the others (or, with
 * `replaceFields`, in place of all but the time fields).
 * - `reduceRow` (the default): each row's number fields — those `reduce.include` names, else all
 *   — reduced with `reduce.reducer` (sum when not set); named after the reducer (`Total`).
 * - `binary`: `left operator right`, each side a field (by its shown name) or a number; named
 *   `left operator right`. Grafana 11 writes a side as `{ matcher: { options: name } }` or
 *   `{ fixed: '2' }`: both are read.
 * - `index`: the row's index, from 0; named `Row`.
 * `alias` names the field instead. A frame lacking an operand is left as it is.
 */
import * as z from 'zod/mini';
import { REDUCER_NAMES, reduce } from '../format/reduce.js';
import { dataFieldName, cellNumber, rowCount, type DataField, type DataFrame } from './data-frame.js';
import { reducerOption, transformer } from './transformer.js';

const operand = z.union([z.string(), z.number(), z.strictObject({ matcher: z.strictObject({ id: z.optional(z.string()), options: z.string() }) }), z.strictObject({ fixed: z.union([z.string(), z.number()]) })]);
const OPERATORS = {
  '+': (a: number, b: number) => a + b,
  '-': (a: number, b: number) => a - b,
  '*': (a: number, b: number) => a * b,
  '/': (a: number, b: number) => a / b,
  '%': (a: number, b: number) => a % b,
  '^': (a: number, b: number) => a ** b,
} as const;
type Operator = keyof typeof OPERATORS;
const OPERATOR_IDS = Object.keys(OPERATORS) as Operator[];

const options = z.strictObject({
  mode: z._default(z.enum(['reduceRow', 'binary', 'index']), 'reduceRow'),
  reduce: z._default(z.strictObject({ reducer: z._default(reducerOption, 'sum'), include: z.optional(z.array(z.string())) }), { reducer: 'sum' }),
  binary: z.optional(z.strictObject({ left: operand, operator: z._default(z.enum(OPERATOR_IDS), '+'), right: operand })),
  alias: z.optional(z.string()),
  replaceFields: z._default(z.boolean(), false),
});
type Options = z.infer<typeof options>;
type Operand = z.infer<typeof operand>;

/** A side's text: a field name or a number, however it was written. */
function operandText(side: Operand): string {
  if (typeof side === 'object') return 'fixed' in side ? String(side.fixed) : side.matcher.options;
  return String(side);
}

/** A side's value per row, or undefined when it names no field of the frame and is no number. */
function operandValues(frame: DataFrame, side: Operand): ((row: number) => number) | undefined {
  const text = operandText(side);
  const field = frame.fields.find((f) => dataFieldName(f) === text);
  if (field) return (row) => cellNumber(field.values[row]);
  const constant = typeof side === 'object' && 'matcher' in side ? Number.NaN : Number(text);
  return text.trim() !== '' && Number.isFinite(constant) ? () => constant : undefined;
}

function calculated(frame: DataFrame, o: Options): DataField | undefined {
  const rows = Array.from({ length: rowCount(frame) }, (_, i) => i);
  if (o.mode === 'index') return { name: o.alias ?? 'Row', type: 'number', values: rows };
  if (o.mode === 'binary') {
    if (!o.binary) return undefined;
    const { left, operator, right } = o.binary;
    const a = operandValues(frame, left);
    const b = operandValues(frame, right);
    if (!a || !b) return undefined;
    const name = o.alias ?? `${operandText(left)} ${operator} ${operandText(right)}`;
    return { name, type: 'number', values: rows.map((r) => OPERATORS[operator](a(r), b(r))) };
  }
  const include = o.reduce.include;
  const inputs = frame.fields.filter((f) => f.type === 'number' && (!include?.length || include.includes(dataFieldName(f))));
  if (inputs.length === 0) return undefined;
  const values = rows.map((r) => reduce(inputs.map((f) => cellNumber(f.values[r])), o.reduce.reducer));
  return { name: o.alias ?? REDUCER_NAMES[o.reduce.reducer], type: 'number', values };
}

export const calculateField = transformer('calculateField', options, (frames, o) =>
  frames.map((frame) => {
    const field = calculated(frame, o);
    if (!field) return frame;
    const kept = o.replaceFields ? frame.fields.filter((f) => f.type === 'time') : frame.fields;
    return { ...frame, fields: [...kept, field] };
  }),
);
