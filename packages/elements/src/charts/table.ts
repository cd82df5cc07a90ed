/**
 * Table panels: one row per label set, one column per label, and one value column per query.
 * Several queries over the same labels (rows, rate and errors per table, say) join into one row,
 * as Grafana's table does with its merge transform.
 */
import { dataFieldName, cellNumber, type DataFrame, type FieldDefaults, type Labels, type SeriesField, type Target } from '@promkit/core';
import type { TimeseriesSeries } from './timeseries.js';

export interface TableColumn {
  /** Label name, or the refId of the query a value column shows. */
  key: string;
  title: string;
  /** A value column: its field settings format the cells. */
  field?: FieldDefaults;
}

export interface TableRow {
  labels: Record<string, string>;
  /** Last value per refId. */
  values: Record<string, number>;
}

export interface TableModel {
  labelColumns: TableColumn[];
  valueColumns: TableColumn[];
  /** The order columns are shown in, when not labels first then values (a transformed frame's). */
  columns?: TableColumn[];
  rows: TableRow[];
}

export interface TableSort {
  /** A column title. */
  column: string;
  desc: boolean;
}

/** Rows and columns of a table panel from its series. */
export function tableModel(
  series: readonly TimeseriesSeries[],
  targets: readonly Pick<Target, 'refId' | 'legendFormat'>[],
  /**
   * A value column's display name and field settings from its default title, its query and the
   * labels all its series share (overrides match columns by name, as in Grafana; see core's
   * seriesField). Without it, a column keeps its title and takes its first series' field.
   */
  columnOf?: (title: string, refId: string, labels: Labels) => SeriesField,
): TableModel {
  // The metric name is a column only for one query whose rows differ in it; with several queries
  // the value columns name what they show, and rows join on the other labels.
  const names = new Set(series.map((s) => s.frame.labels['__name__']));
  const queries = new Set(series.map((s) => s.refId));
  const keep = (label: string) => label !== '__name__' || (names.size > 1 && queries.size === 1);
  const rows = new Map<string, TableRow>();
  const refIds: string[] = [];
  for (const s of series) {
    const labels = Object.fromEntries(Object.entries(s.frame.labels).filter(([k]) => keep(k)));
    const key = JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
    const row = rows.get(key) ?? { labels, values: {} };
    row.values[s.refId] = s.frame.values.at(-1) ?? Number.NaN;
    rows.set(key, row);
    if (!refIds.includes(s.refId)) refIds.push(s.refId);
  }
  const labelNames = [...new Set([...rows.values()].flatMap((r) => Object.keys(r.labels)))].sort();
  return {
    labelColumns: labelNames.map((key) => ({ key, title: key })),
    valueColumns: refIds.map((refId) => {
      const title = valueTitle(refId, refIds.length, targets.find((t) => t.refId === refId)?.legendFormat);
      const ofQuery = series.filter((s) => s.refId === refId);
      if (!columnOf) return { key: refId, title, field: ofQuery[0]!.field };
      const { name, field } = columnOf(title, refId, sharedLabels(ofQuery.map((s) => s.frame.labels)));
      return { key: refId, title: name, field };
    }),
    rows: [...rows.values()],
  };
}

/**
 * A transformed frame as a table, its fields in order: number fields are value columns (named
 * and set up by `columnOf`, so overrides match the names transformations gave), time fields are
 * written by `timeText`, and every other field is text.
 */
export function frameTableModel(frame: DataFrame, columnOf: (title: string, refId: string, labels: Labels) => SeriesField, timeText: (ms: number) => string): TableModel {
  const columns = frame.fields.map((f, i): TableColumn => {
    const key = `f${i}`;
    if (f.type !== 'number') return { key, title: dataFieldName(f) };
    const { name, field } = columnOf(dataFieldName(f), frame.refId ?? '', f.labels ?? {});
    return { key, title: name, field };
  });
  const rows = (frame.fields[0]?.values ?? []).map((_, r): TableRow => {
    const row: TableRow = { labels: {}, values: {} };
    frame.fields.forEach((f, i) => {
      const cell = f.values[r];
      if (f.type === 'number') row.values[`f${i}`] = cellNumber(cell ?? null);
      else if (f.type === 'time') row.labels[`f${i}`] = Number.isFinite(cellNumber(cell ?? null)) ? timeText(cellNumber(cell ?? null)) : '';
      else row.labels[`f${i}`] = cell === null || cell === undefined ? '' : String(cell);
    });
    return row;
  });
  return { labelColumns: columns.filter((c) => !c.field), valueColumns: columns.filter((c) => c.field), columns, rows };
}

/** The labels every one of `sets` has, with the same value. */
function sharedLabels(sets: readonly Labels[]): Labels {
  const [first = {}, ...rest] = sets;
  return Object.fromEntries(Object.entries(first).filter(([k, v]) => rest.every((labels) => labels[k] === v)));
}

/** "Value" for one query; otherwise its legend (when it is plain text) or "Value #refId". */
function valueTitle(refId: string, queries: number, legendFormat: string | undefined): string {
  if (queries === 1) return 'Value';
  return legendFormat && !legendFormat.includes('{{') ? legendFormat : `Value #${refId}`;
}

/** The rows in the order a sort asks for (labels compare naturally, values numerically). */
export function sortedRows(model: TableModel, sort: TableSort | undefined): TableRow[] {
  if (!sort) return model.rows;
  const value = model.valueColumns.find((c) => c.title === sort.column);
  const label = model.labelColumns.find((c) => c.title === sort.column);
  if (!value && !label) return model.rows;
  const order = (a: TableRow, b: TableRow) =>
    value
      ? compareNumbers(comparable(a.values[value.key]), comparable(b.values[value.key]))
      : (a.labels[label!.key] ?? '').localeCompare(b.labels[label!.key] ?? '', undefined, { numeric: true });
  return [...model.rows].sort((a, b) => (sort.desc ? -order(a, b) : order(a, b)));
}

/** Missing and NaN values sort below every number. */
function comparable(value: number | undefined): number {
  return value === undefined || Number.isNaN(value) ? Number.NEGATIVE_INFINITY : value;
}

function compareNumbers(a: number, b: number): number {
  return a === b ? 0 : a - b;
}
