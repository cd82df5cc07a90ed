/** Table panel rows: queries joined by labels, value columns named, sorting. */
import { describe, expect, it } from 'vitest';
import { seriesField, type Frame } from '@promkit/core';
import { sortedRows, tableModel } from '../src/charts/table.js';
import type { TimeseriesSeries } from '../src/charts/timeseries.js';

function series(refId: string, labels: Record<string, string>, value: number, unit?: string): TimeseriesSeries {
  const frame: Frame = { labels, timestamps: Float64Array.of(1, 2), values: Float64Array.of(0, value) };
  return { name: JSON.stringify(labels), refId, frame, field: unit ? { unit } : {} };
}

describe('tableModel', () => {
  it('applies overrides to value columns by their title, as Grafana does (byName "Value #B", byRegexp "/…/")', () => {
    const panel = {
      fieldConfig: {
        defaults: { unit: 's' },
        overrides: [
          { matcher: { id: 'byName' as const, options: 'Value #B' }, properties: [{ id: 'unit', value: 'short' }] },
          { matcher: { id: 'byRegexp' as const, options: '/^value #a$/i' }, properties: [{ id: 'decimals', value: 3 }] },
        ],
      },
    };
    const model = tableModel([series('A', { job: 'x' }, 1), series('B', { job: 'x' }, 2)], [{ refId: 'A' }, { refId: 'B' }], (title, refId, labels) => seriesField(panel, { seriesName: title, refId, labels }));
    expect(model.valueColumns.map((c) => [c.title, c.field])).toEqual([
      ['Value #A', { unit: 's', decimals: 3 }],
      ['Value #B', { unit: 'short' }],
    ]);
  });

  it('joins several queries over the same labels into one row, one value column each', () => {
    const model = tableModel(
      [
        series('rows', { __name__: 'rows', table: 'orders' }, 100, 'short'),
        series('rows', { __name__: 'rows', table: 'clicks' }, 900, 'short'),
        series('rate', { table: 'orders' }, 2.5, 'ops'),
        series('rate', { table: 'clicks' }, 40, 'ops'),
        series('errors', { table: 'clicks' }, 1, 'none'),
      ],
      [{ refId: 'rows', legendFormat: 'Rows' }, { refId: 'rate', legendFormat: '{{table}}' }, { refId: 'errors' }],
    );
    expect(model.labelColumns.map((c) => c.title)).toEqual(['table']);
    expect(model.valueColumns.map((c) => [c.title, c.field?.unit])).toEqual([
      ['Rows', 'short'],
      ['Value #rate', 'ops'],
      ['Value #errors', 'none'],
    ]);
    expect(model.rows).toEqual([
      { labels: { table: 'orders' }, values: { rows: 100, rate: 2.5 } },
      { labels: { table: 'clicks' }, values: { rows: 900, rate: 40, errors: 1 } },
    ]);
  });

  it('titles a value column by its display name, from the labels all its rows share', () => {
    const panel = {
      fieldConfig: {
        defaults: {},
        overrides: [{ matcher: { id: 'byFrameRefID' as const, options: 'A' }, properties: [{ id: 'displayName', value: '${__field.labels.job} (${__series.name}) ${__field.labels.host}' }] }],
      },
    };
    const model = tableModel([series('A', { job: 'api', host: 'a' }, 1), series('A', { job: 'api', host: 'b' }, 2)], [{ refId: 'A' }], (title, refId, labels) =>
      seriesField(panel, { seriesName: title, refId, labels }),
    );
    // `host` differs between the rows, so the column has none: it stays as written, as in Grafana.
    expect(model.valueColumns.map((c) => c.title)).toEqual(['api (Value) ${__field.labels.host}']);
    expect(sortedRows(model, { column: 'api (Value) ${__field.labels.host}', desc: true }).map((r) => r.labels['host'])).toEqual(['b', 'a']);
  });

  it('calls the one value column "Value" and keeps the metric name only when rows differ in it', () => {
    const same = tableModel([series('A', { __name__: 'up', job: 'a' }, 1), series('A', { __name__: 'up', job: 'b' }, 0)], [{ refId: 'A' }]);
    expect([...same.labelColumns, ...same.valueColumns].map((c) => c.title)).toEqual(['job', 'Value']);
    const mixed = tableModel([series('A', { __name__: 'up', job: 'a' }, 1), series('A', { __name__: 'scrape', job: 'a' }, 0)], [{ refId: 'A' }]);
    expect(mixed.labelColumns.map((c) => c.title)).toEqual(['__name__', 'job']);
  });
});

describe('sortedRows', () => {
  const model = tableModel(
    [series('A', { host: 'node-10' }, 3), series('A', { host: 'node-9' }, Number.NaN), series('A', { host: 'node-2' }, 7)],
    [{ refId: 'A' }],
  );
  const hosts = (sort: Parameters<typeof sortedRows>[1]) => sortedRows(model, sort).map((r) => r.labels['host']);

  it('sorts labels naturally and values numerically, NaN lowest', () => {
    expect(hosts({ column: 'host', desc: false })).toEqual(['node-2', 'node-9', 'node-10']);
    expect(hosts({ column: 'Value', desc: true })).toEqual(['node-2', 'node-10', 'node-9']);
    expect(hosts({ column: 'Value', desc: false })).toEqual(['node-9', 'node-10', 'node-2']);
  });

  it('keeps the query order without a sort or for an unknown column', () => {
    expect(hosts(undefined)).toEqual(['node-10', 'node-9', 'node-2']);
    expect(hosts({ column: 'nope', desc: true })).toEqual(['node-10', 'node-9', 'node-2']);
  });
});
