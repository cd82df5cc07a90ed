/**
 * Grafana's transformations as pure functions over data frames, each checked against the
 * behaviour Grafana's documentation describes for it (Transform data: "Transformation types and
 * options"), on frames shaped as Grafana's Prometheus datasource shapes them.
 */
import { describe, expect, it } from 'vitest';
import { applyTransformations, dataFieldName, parsePanel, resultsToDataFrames, type DataFrame, type Frame, type Labels, type Transformation } from '@promkit/core';

function series(labels: Labels, points: [number, number][]): Frame {
  return { labels, timestamps: Float64Array.from(points, ([t]) => t), values: Float64Array.from(points, ([, v]) => v) };
}
const legend = (labels: Labels) => labels['job'] ?? '';

/** Each frame as { name: values } in field order, by shown names. */
function table(frames: DataFrame[]) {
  return frames.map((f) => Object.fromEntries(f.fields.map((field) => [dataFieldName(field), field.values])));
}
function run(frames: DataFrame[], ...transformations: Transformation[]) {
  return table(applyTransformations(frames, transformations));
}

/** Two instant table queries over the same jobs, as a table panel with format: table asks. */
const twoQueries = () =>
  resultsToDataFrames([
    { refId: 'A', format: 'table', nameOf: legend, frames: [series({ job: 'api', instance: 'a:1' }, [[1000, 5]]), series({ job: 'db', instance: 'b:1' }, [[1000, 2]])] },
    { refId: 'B', format: 'table', nameOf: legend, frames: [series({ job: 'db', instance: 'b:1' }, [[1000, 0.5]]), series({ job: 'web', instance: 'c:1' }, [[1000, 9]])] },
  ]);
/** Two range series of one query. */
const twoSeries = () =>
  resultsToDataFrames([{ refId: 'A', nameOf: legend, frames: [series({ job: 'api' }, [[1000, 1], [2000, 2]]), series({ job: 'db' }, [[2000, 20], [3000, 30]])] }]);

describe('query results as frames', () => {
  it('a table target is one frame: Time, a column per label, Value #refId', () => {
    expect(table(twoQueries())).toEqual([
      { Time: [1000, 1000], instance: ['a:1', 'b:1'], job: ['api', 'db'], 'Value #A': [5, 2] },
      { Time: [1000, 1000], instance: ['b:1', 'c:1'], job: ['db', 'web'], 'Value #B': [0.5, 9] },
    ]);
  });
  it('a time-series target is a frame per series, the value named by its legend and keeping its labels', () => {
    const frames = twoSeries();
    expect(table(frames)).toEqual([{ Time: [1000, 2000], api: [1, 2] }, { Time: [2000, 3000], db: [20, 30] }]);
    expect(frames[1]!.fields[1]!.labels).toEqual({ job: 'db' });
  });
});

describe('organize', () => {
  it('hides, reorders and renames by shown name; unlisted fields go last in their order', () => {
    const out = run(twoQueries().slice(0, 1), {
      id: 'organize',
      options: { excludeByName: { Time: true }, indexByName: { 'Value #A': 0, job: 1 }, renameByName: { 'Value #A': 'Requests', job: 'Job' } },
    });
    expect(out).toEqual([{ Requests: [5, 2], Job: ['api', 'db'], instance: ['a:1', 'b:1'] }]);
  });
  it('includeByName keeps only the fields it marks', () => {
    expect(Object.keys(run(twoQueries().slice(0, 1), { id: 'organize', options: { includeByName: { job: true } } })[0]!)).toEqual(['job']);
  });
});

describe('merge', () => {
  it('joins rows on the fields every frame has, each query adding its column', () => {
    expect(run(twoQueries(), { id: 'merge', options: {} })).toEqual([
      { Time: [1000, 1000, 1000], instance: ['a:1', 'b:1', 'c:1'], job: ['api', 'db', 'web'], 'Value #A': [5, 2, null], 'Value #B': [null, 0.5, 9] },
    ]);
  });
  it('frames with the same fields stack their rows', () => {
    const one = resultsToDataFrames([
      { refId: 'A', format: 'table', nameOf: legend, frames: [series({ job: 'api' }, [[1000, 1]])] },
      { refId: 'A', format: 'table', nameOf: legend, frames: [series({ job: 'db' }, [[1000, 2]])] },
    ], 1);
    expect(run(one, { id: 'merge', options: {} })).toEqual([{ Time: [1000, 1000], job: ['api', 'db'], Value: [1, 2] }]);
  });
});

describe('joinByField / seriesToColumns', () => {
  it('outer join on time, keys sorted, gaps empty', () => {
    expect(run(twoSeries(), { id: 'joinByField', options: {} })).toEqual([{ Time: [1000, 2000, 3000], api: [1, 2, null], db: [null, 20, 30] }]);
  });
  it('inner join keeps only the times every series has; seriesToColumns is the same', () => {
    expect(run(twoSeries(), { id: 'seriesToColumns', options: { byField: 'Time', mode: 'inner' } })).toEqual([{ Time: [2000], api: [2], db: [20] }]);
  });
});

describe('filterFieldsByName', () => {
  it('include by names or pattern, then exclude', () => {
    const frames = twoQueries().slice(0, 1);
    expect(Object.keys(run(frames, { id: 'filterFieldsByName', options: { include: { names: ['job', 'Value #A'] } } })[0]!)).toEqual(['job', 'Value #A']);
    expect(Object.keys(run(frames, { id: 'filterFieldsByName', options: { include: { pattern: '/^(job|time)$/i' } } })[0]!)).toEqual(['Time', 'job']);
    expect(Object.keys(run(frames, { id: 'filterFieldsByName', options: { exclude: { names: ['Time'] } } })[0]!)).toEqual(['instance', 'job', 'Value #A']);
  });
});

describe('filterByValue', () => {
  const frames = () => run(twoQueries(), { id: 'merge', options: {} });
  const filtered = (options: unknown) => applyTransformations(applyTransformations(twoQueries(), [{ id: 'merge', options: {} }]), [{ id: 'filterByValue', options }]);
  it('include rows matching any filter', () => {
    const out = filtered({ type: 'include', match: 'any', filters: [{ fieldName: 'Value #A', config: { id: 'greater', options: { value: 3 } } }, { fieldName: 'job', config: { id: 'regex', options: { value: '^w' } } }] });
    expect(table(out)[0]!['job']).toEqual(['api', 'web']);
  });
  it('exclude rows matching all filters; isNull sees missing cells; range is inclusive', () => {
    expect(table(filtered({ type: 'exclude', match: 'all', filters: [{ fieldName: 'Value #A', config: { id: 'isNull', options: {} } }] }))[0]!['job']).toEqual(['api', 'db']);
    expect(table(filtered({ filters: [{ fieldName: 'Value #A', config: { id: 'range', options: { from: 2, to: 5 } } }] }))[0]!['job']).toEqual(['api', 'db']);
    expect(table(filtered({ filters: [{ fieldName: 'job', config: { id: 'notEqual', options: { value: 'db' } } }] }))[0]!['job']).toEqual(['api', 'web']);
    expect(frames()[0]!['job']).toHaveLength(3);
  });
  it('a filter on a field the frame lacks keeps no row', () => {
    expect(table(filtered({ filters: [{ fieldName: 'nope', config: { id: 'isNull', options: {} } }] }))[0]!['job']).toEqual([]);
  });
});

describe('reduce', () => {
  it('series to rows: a row per field, a column per reducer named as Grafana names it', () => {
    expect(run(twoSeries(), { id: 'reduce', options: { reducers: ['max', 'lastNotNull', 'sum'] } })).toEqual([{ Field: ['api', 'db'], Max: [2, 30], 'Last *': [2, 30], Total: [3, 50] }]);
  });
  it('labelsToFields puts the labels in place of Field', () => {
    expect(run(twoSeries(), { id: 'reduce', options: { reducers: ['mean'], labelsToFields: true } })).toEqual([{ job: ['api', 'db'], Mean: [1.5, 25] }]);
  });
  it('reduce fields keeps each frame, one value per field; several reducers name the field', () => {
    expect(run(twoSeries(), { id: 'reduce', options: { mode: 'reduceFields', reducers: ['min'] } })).toEqual([{ api: [1] }, { db: [20] }]);
    expect(run(twoSeries().slice(0, 1), { id: 'reduce', options: { mode: 'reduceFields', reducers: ['min', 'max'], includeTimeField: true } })).toEqual([{ Time: [2000], 'api Min': [1], 'api Max': [2] }]);
  });
});

describe('renameByRegex', () => {
  it('replaces the match in shown names, with groups', () => {
    const out = run(twoQueries().slice(0, 1), { id: 'renameByRegex', options: { regex: 'Value #(.*)', renamePattern: 'Query $1' } });
    expect(Object.keys(out[0]!)).toEqual(['Time', 'instance', 'job', 'Query A']);
  });
});

describe('calculateField', () => {
  const joined = () => applyTransformations(twoSeries(), [{ id: 'joinByField', options: {} }]);
  it('reduce row sums every number field by default, named Total', () => {
    expect(table(applyTransformations(joined(), [{ id: 'calculateField', options: {} }]))[0]!['Total']).toEqual([1, 22, 30]);
  });
  it('binary with a field and a constant, alias, replaceFields keeping time', () => {
    const out = applyTransformations(joined(), [{ id: 'calculateField', options: { mode: 'binary', binary: { left: 'db', operator: '/', right: '10' }, alias: 'tenth', replaceFields: true } }]);
    expect(table(out)).toEqual([{ Time: [1000, 2000, 3000], tenth: [Number.NaN, 2, 3] }]);
  });
  it("Grafana 11's operand objects, and a default name of left operator right", () => {
    const out = applyTransformations(joined(), [{ id: 'calculateField', options: { mode: 'binary', binary: { left: { matcher: { id: 'byName', options: 'db' } }, operator: '-', right: { matcher: { options: 'api' } } } } }]);
    expect(table(out)[0]!['db - api']).toEqual([Number.NaN, 18, Number.NaN]);
  });
  it('reduce row over the included fields only, and the row index', () => {
    const out = applyTransformations(joined(), [{ id: 'calculateField', options: { reduce: { reducer: 'max', include: ['api'] } } }, { id: 'calculateField', options: { mode: 'index' } }]);
    expect(table(out)[0]).toMatchObject({ Max: [1, 2, Number.NaN], Row: [0, 1, 2] });
  });
  it('leaves a frame lacking an operand as it is', () => {
    const out = applyTransformations(joined(), [{ id: 'calculateField', options: { mode: 'binary', binary: { left: 'nope', right: 'db' } } }]);
    expect(Object.keys(table(out)[0]!)).toEqual(['Time', 'api', 'db']);
  });
});

describe('sortBy and limit', () => {
  const merged = () => applyTransformations(twoQueries(), [{ id: 'merge', options: {} }]);
  it('sorts by a field descending, empty cells last either way', () => {
    expect(table(applyTransformations(merged(), [{ id: 'sortBy', options: { sort: [{ field: 'Value #A', desc: true }] } }]))[0]!['job']).toEqual(['api', 'db', 'web']);
    expect(table(applyTransformations(merged(), [{ id: 'sortBy', options: { sort: [{ field: 'Value #A' }] } }]))[0]!['job']).toEqual(['db', 'api', 'web']);
  });
  it('limit keeps the first rows, 10 by default', () => {
    expect(table(applyTransformations(merged(), [{ id: 'limit', options: { limitField: 2 } }]))[0]!['job']).toEqual(['api', 'db']);
    expect(table(applyTransformations(merged(), [{ id: 'limit', options: {} }]))[0]!['job']).toHaveLength(3);
  });
});

describe('labelsToFields', () => {
  it('columns: a text column per label after the time field; valueLabel names the value', () => {
    const frames = resultsToDataFrames([{ refId: 'A', nameOf: legend, frames: [series({ job: 'api', code: '200' }, [[1000, 1]])] }]);
    expect(run(frames, { id: 'labelsToFields', options: {} })).toEqual([{ Time: [1000], code: ['200'], job: ['api'], Value: [1] }]);
    expect(run(frames, { id: 'labelsToFields', options: { valueLabel: 'job', keepLabels: ['code'] } })).toEqual([{ Time: [1000], code: ['200'], api: [1] }]);
  });
  it('rows: a frame of label and value per labelled field', () => {
    expect(run(twoSeries().slice(0, 1), { id: 'labelsToFields', options: { mode: 'rows' } })).toEqual([{ label: ['job'], value: ['api'] }]);
  });
});

describe('groupBy', () => {
  it('a row per group, aggregations named "field (Reducer)"', () => {
    const merged = applyTransformations(
      resultsToDataFrames([{ refId: 'A', format: 'table', nameOf: legend, frames: [series({ job: 'api', i: '1' }, [[1000, 1]]), series({ job: 'api', i: '2' }, [[1000, 3]]), series({ job: 'db', i: '3' }, [[1000, 5]])] }], 1),
      [{ id: 'groupBy', options: { fields: { job: { operation: 'groupby' }, Value: { operation: 'aggregate', aggregations: ['sum', 'count'] } } } }],
    );
    expect(table(merged)).toEqual([{ job: ['api', 'db'], 'Value (Total)': [4, 5], 'Value (Count)': [2, 1] }]);
  });
});

describe('a panel list', () => {
  it('applies in order, passing disabled ones over: organize then rename sees the new names', () => {
    const out = run(
      twoQueries(),
      { id: 'merge', options: {} },
      { id: 'organize', options: { excludeByName: { Time: true, instance: true }, renameByName: { 'Value #A': 'rate', 'Value #B': 'errors' } } },
      { id: 'limit', options: { limitField: 1 }, disabled: true },
      { id: 'renameByRegex', options: { regex: '^(rate|errors)$', renamePattern: '$1/s' } },
    );
    expect(out).toEqual([{ job: ['api', 'db', 'web'], 'rate/s': [5, 2, null], 'errors/s': [null, 0.5, 9] }]);
  });

  it('the dashboard schema checks each transformation, filling in defaults and naming what is wrong', () => {
    const base = { id: 1, type: 'table', gridPos: { x: 0, y: 0, w: 6, h: 4 } };
    expect(parsePanel({ ...base, transformations: [{ id: 'limit' }] }).type === 'table' && parsePanel({ ...base, transformations: [{ id: 'limit' }] })).toMatchObject({ transformations: [{ id: 'limit', options: { limitField: 10 } }] });
    expect(() => parsePanel({ ...base, transformations: [{ id: 'organise', options: {} }] })).toThrow(/"organise" is not a transformation promkit applies; use one of organize, .*\(did you mean "organize"\?\)/);
    expect(() => parsePanel({ ...base, transformations: [{ id: 'renameByRegex', options: { regex: '(' } }] })).toThrow(/transformations\[0\]\.options\.regex: must be a regular expression that compiles, got "\("/);
    expect(() => parsePanel({ ...base, transformations: [{ id: 'sortBy', options: { sortt: [] } }] })).toThrow(/sortt/);
  });
});
