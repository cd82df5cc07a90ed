/**
 * Data frames as Grafana's transformations see them: a frame is a table of named, typed fields
 * (columns) of equal length. Query results become frames (from-results.ts), transformations turn
 * frames into frames, and panels draw what is left. Plain arrays: these are tables people read,
 * not the columnar sample buffers charts draw from.
 */
import type { Labels } from '../prometheus/schemas.js';

/** A cell: a number (time in epoch ms), text, a boolean, or nothing. */
export type FieldValue = number | string | boolean | null;

/** What a field holds: `time` is epoch milliseconds. */
export type FieldType = 'time' | 'number' | 'string' | 'boolean';

/** One column of a frame. */
export interface DataField {
  name: string;
  type: FieldType;
  values: FieldValue[];
  /** The series' labels, for a value field of a Prometheus series. */
  labels?: Labels;
  /** The name a transformation gave it (organize, renameByRegex): it wins over every other. */
  displayName?: string;
  /** The name the query gave it: a series' legend. */
  displayNameFromQuery?: string;
}

/** One table: fields of equal length, and the query it came from. */
export interface DataFrame {
  refId?: string;
  /** The series' legend, for a frame of one series. */
  name?: string;
  fields: DataField[];
}

/** The name a transformation, an override or a column header refers to a field by. */
export function dataFieldName(field: DataField): string {
  return field.displayName ?? field.displayNameFromQuery ?? field.name;
}

/** The number of rows of a frame. */
export function rowCount(frame: DataFrame): number {
  return frame.fields[0]?.values.length ?? 0;
}

/** The same frame with each field's values picked by `rows` (row indexes, in the order given). */
export function pickRows(frame: DataFrame, rows: readonly number[]): DataFrame {
  return { ...frame, fields: frame.fields.map((f) => ({ ...f, values: rows.map((r) => f.values[r] ?? null) })) };
}

/** The value as a number, or NaN when it is none (null, text that is not a number). */
export function cellNumber(value: FieldValue | undefined): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return Number.NaN;
}

/** True for a cell with nothing in it: null, or NaN (Prometheus' stand-in for a missing number). */
export function isEmpty(value: FieldValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value));
}

/** Orders cells as Grafana sorts a column: numbers by value, text naturally, nothing last. */
export function compareValues(a: FieldValue | undefined, b: FieldValue | undefined): number {
  if (isEmpty(a) || isEmpty(b)) return isEmpty(a) === isEmpty(b) ? 0 : isEmpty(a) ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a === b ? 0 : a < b ? -1 : 1;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}
