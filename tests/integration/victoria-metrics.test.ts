/**
 * The client and the query engine against Debian's real VictoriaMetrics 1.79, holding the same
 * deterministic hour as Prometheus (imported by tests/harness/victoria-metrics.mjs). Values are
 * checked against the dataset and, where both servers should agree, against Prometheus itself;
 * where VictoriaMetrics answers differently (lookback, window edges, extrapolation, NaN, names,
 * the provisional last 30 s), the test says how.
 */
import { describe, expect, inject, it } from 'vitest';
import { PrometheusClient, QueryEngine, prometheus, toFrames, victoriaMetrics, type Frame, type PanelQuery } from '@promkit/core';
import { HISTOGRAM_BUCKETS, STEP, STOP_INDEX, T0, T_END, TRICKY_LABEL_VALUES, storedSeries, valueOf } from '../harness/dataset.mjs';
import { failure } from '../harness/failure.js';
import { plain, single, targets, vectorFrames } from '../harness/frames.js';
import { refreshBackfilledHour } from '../harness/refresh.js';
import { seriesAndLabelsTests } from '../harness/series-labels.js';
import { DATASET_SELECTOR, importSamples, waitForSamples } from '../harness/victoria-metrics.mjs';

const url = inject('victoriaMetricsUrl');
const vm = new PrometheusClient({ url, backend: victoriaMetrics(), timeout: 10_000 });
const prom = new PrometheusClient({ url: inject('prometheusUrl'), timeout: 10_000 });

const API_1_GET_200 = { job: 'api', instance: 'api-1', method: 'GET', status: '200' };
/** Epoch ms of sample index i. */
const at = (i: number) => (T0 + i * STEP) * 1000;

/** The frame with exactly these labels, if any. */
function frameWith(frames: Frame[], labels: Record<string, string>): Frame | undefined {
  const key = (l: Record<string, string>) => JSON.stringify(Object.entries(l).sort());
  return frames.find((f) => key(f.labels) === key(labels));
}

/** Frames as plain arrays, values rounded to 12 significant digits. */
function rounded(frames: Frame[]) {
  return plain(frames).map((f) => ({ ...f, values: f.values.map((v) => Number(v.toPrecision(12))) }));
}

/** A range query's frames from both servers. */
async function both(query: string, start: number, step: number, end = T_END) {
  const params = { query, start, end, step };
  const [fromVm, fromProm] = await Promise.all([vm.queryRangeFrames(params), prom.queryRangeFrames(params)]);
  return { vm: fromVm.frames, prom: fromProm.frames };
}

describe('values', () => {
  it('a range query returns every stored sample exactly, but NaN samples (not stored) and 1.5e-300 (stored as a decimal)', async () => {
    const { frames } = await vm.queryRangeFrames({ query: DATASET_SELECTOR, start: T0, end: T_END, step: STEP });
    expect(frames).toHaveLength(storedSeries().length - 1);
    expect(frameWith(frames, { __name__: 'promkit_special_value', kind: 'nan' })).toBeUndefined();
    const tiny = frameWith(frames, { __name__: 'promkit_special_value', kind: 'tiny' })!;
    expect(new Set(tiny.values)).toEqual(new Set([1.4999999999999998e-300]));
    // The series that stops is the lookback test's (below).
    const exact = storedSeries().filter((s) => s.labels['kind'] !== 'nan' && s.labels['kind'] !== 'tiny' && s.name !== 'promkit_stopping');
    for (const { name, labels } of exact) {
      const frame = frameWith(frames, { __name__: name, ...labels });
      const expected = Array.from({ length: 241 }, (_, i) => valueOf(name, labels, i));
      expect(plain([frame!])[0], `${name}${JSON.stringify(labels)}`).toEqual({
        labels: { __name__: name, ...labels },
        timestamps: expected.map((_, i) => at(i)),
        values: expected,
      });
    }
  });

  it('instant queries: a rate, resets, special values, label text and the histogram, as the dataset says', async () => {
    const i = 40;
    const rate = await vm.query({ query: 'rate(promkit_http_requests_total{instance="api-1",method="GET",status="200"}[5m])', time: T0 + i * STEP });
    const expected = (valueOf('promkit_http_requests_total', API_1_GET_200, i)! - valueOf('promkit_http_requests_total', API_1_GET_200, i - 20)!) / 300;
    expect(single(vectorFrames(rate)).values[0]).toBe(expected);
    const resets = await vm.query({ query: 'resets(promkit_http_requests_total{instance="api-1",method="GET",status="200"}[1h])', time: T_END });
    expect(single(vectorFrames(resets)).values[0]).toBe(1);

    const special = await vm.query({ query: 'promkit_special_value', time: T0 + 60 });
    const byKind = Object.fromEntries(vectorFrames(special).map((f) => [f.labels['kind'], f.values[0]]));
    expect(byKind).toEqual({ pos_inf: Infinity, neg_inf: -Infinity, tiny: 1.4999999999999998e-300, huge: -2.5e300 });
    const wire = special.resultType === 'vector' ? special.result.map((s) => s.value?.[1]) : [];
    expect(wire).toEqual(expect.arrayContaining(['+Inf', '-Inf']));

    const text = await vm.query({ query: 'promkit_label_text', time: T0 });
    expect(vectorFrames(text).map((f) => f.labels['text']).sort()).toEqual([...TRICKY_LABEL_VALUES].sort());

    const buckets = await vm.query({ query: 'promkit_request_duration_seconds_bucket', time: T0 + 10 * STEP });
    const byLe = Object.fromEntries(vectorFrames(buckets).map((f) => [f.labels['le'], f.values[0]]));
    expect(byLe).toEqual(Object.fromEntries(HISTOGRAM_BUCKETS.map(({ le }) => [le, valueOf('promkit_request_duration_seconds_bucket', { le }, 10)])));
    const quantile = await vm.query({ query: 'histogram_quantile(0.5, rate(promkit_request_duration_seconds_bucket[5m]))', time: T0 + 40 * STEP });
    const first = HISTOGRAM_BUCKETS[0]!.perStep / STEP;
    const total = HISTOGRAM_BUCKETS.reduce((sum, b) => sum + b.perStep, 0) / STEP;
    expect(single(vectorFrames(quantile)).values[0]).toBeCloseTo((0.1 * (0.5 * total)) / first, 12);
  });

  it('answers a scalar as a vector with no labels (the same frame), a string as an empty vector, and no statistics', async () => {
    const query = { query: 'scalar(promkit_combo{a="a1",b="b2"})', time: T0 };
    const [fromVm, fromProm] = await Promise.all([vm.query(query), prom.query(query)]);
    expect([fromVm.resultType, fromProm.resultType]).toEqual(['vector', 'scalar']);
    expect(toFrames(fromVm)).toEqual(toFrames(fromProm));
    const text = await vm.query({ query: '"promkit"', time: T0 });
    expect(text).toMatchObject({ resultType: 'vector', result: [] });
    expect((await vm.query({ query: 'sum(promkit_combo)', time: T0, stats: true })).stats).toBeUndefined();
  });

  it.each([
    ['a gauge, scaled, at a 7.5 s step', 'promkit_temperature_celsius * 1.5e-7', 7.5, T0],
    ['irate', 'irate(promkit_http_requests_total[1m])', 60, T0],
    ['resets', 'resets(promkit_http_requests_total[1h])', 300, T0],
    ['a comparison and a count', 'count by (a) (promkit_combo > 50)', 60, T0],
    ['1 m rates once their window is full', 'rate(promkit_http_requests_total[1m])', 30, T0 + 60],
    ['5 m rates through the counter reset', 'rate(promkit_http_requests_total[5m])', 15, T0 + 300],
    ['a sum of rates', 'sum by (instance) (rate(promkit_http_requests_total[5m]))', 60, T0 + 300],
    ['a histogram quantile', 'histogram_quantile(0.9, rate(promkit_request_duration_seconds_bucket[5m]))', 60, T0 + 300],
  ])('agrees with Prometheus sample for sample (to 12 digits): %s', async (_, query, step, start) => {
    const answers = await both(query, start, step);
    expect(answers.vm.length).toBeGreaterThan(0);
    // Sums come out in another order: the last bit may differ (3.0999999999999996 for 3.1).
    expect(rounded(answers.vm)).toEqual(rounded(answers.prom));
  });
});

describe('steps, windows and lookback', () => {
  it('carries a series that stopped for less than 1.5 sample intervals (or one step), where Prometheus carries it 5 minutes', async () => {
    const lastPoint = async (client: PrometheusClient, step: number) =>
      single(toFrames(await client.queryRange({ query: 'promkit_stopping', start: T0, end: T_END, step }))).timestamps.at(-1);
    expect(await lastPoint(vm, 15)).toBe(at(STOP_INDEX + 1));
    expect(await lastPoint(vm, 60)).toBe(at(STOP_INDEX));
    expect(await lastPoint(prom, 15)).toBe(at(STOP_INDEX + 20));
    expect(await lastPoint(prom, 60)).toBe(at(STOP_INDEX + 20));
    // What it carries is the last value, as in Prometheus.
    const { frames } = await vm.queryRangeFrames({ query: 'promkit_stopping', start: T0 + STOP_INDEX * STEP, end: T_END, step: STEP });
    expect([...single(frames).values]).toEqual([STOP_INDEX, STOP_INDEX]);
  });

  it('leaves out the sample at a window\'s start: (t − 1m, t], where Prometheus 2.42 reads [t − 1m, t]', async () => {
    const count = async (client: PrometheusClient, fn: string) =>
      single(vectorFrames(await client.query({ query: `${fn}(promkit_temperature_celsius{room="lab"}[1m])`, time: T0 + 600 }))).values[0];
    expect([await count(vm, 'count_over_time'), await count(prom, 'count_over_time')]).toEqual([4, 5]);
    const lab = (i: number) => valueOf('promkit_temperature_celsius', { room: 'lab' }, i)!;
    const mean = (from: number) => Array.from({ length: 41 - from }, (_, k) => lab(from + k)).reduce((a, b) => a + b) / (41 - from);
    expect([await count(vm, 'avg_over_time'), await count(prom, 'avg_over_time')]).toEqual([mean(37), mean(36)]);
  });

  it('keeps the metric name through functions that keep a series\' meaning (avg_over_time), which Prometheus drops', async () => {
    const query = { query: 'avg_over_time(promkit_temperature_celsius{room="lab"}[1m])', time: T0 + 600 };
    const [fromVm, fromProm] = await Promise.all([vm.query(query), prom.query(query)]);
    expect(single(vectorFrames(fromVm)).labels).toEqual({ __name__: 'promkit_temperature_celsius', room: 'lab' });
    expect(single(vectorFrames(fromProm)).labels).toEqual({ room: 'lab' });
  });

  it('does not extrapolate rate: at a series\' start it is the slope of the samples there, where Prometheus divides by the whole window', async () => {
    const query = { query: 'rate(promkit_http_requests_total{instance="api-1",method="GET",status="200"}[5m])', time: T0 + STEP };
    const increase = valueOf('promkit_http_requests_total', API_1_GET_200, 1)! - valueOf('promkit_http_requests_total', API_1_GET_200, 0)!;
    const [fromVm, fromProm] = await Promise.all([vm.query(query), prom.query(query)]);
    expect(single(vectorFrames(fromVm)).values[0]).toBe(increase / STEP);
    expect(single(vectorFrames(fromProm)).values[0]).toBe(increase / 300);
  });

  it('moves the start of a range of 50 points or more down to a multiple of the step (7 s early here); a shorter range starts where asked', async () => {
    const times = async (client: PrometheusClient, points: number) => {
      const start = T0 + 7;
      const r = await client.queryRange({ query: 'promkit_temperature_celsius{room="lab"}', start, end: start + (points - 1) * STEP, step: STEP });
      const t = single(toFrames(r)).timestamps;
      return { first: t[0], last: t.at(-1), length: t.length };
    };
    expect(await times(vm, 49)).toEqual({ first: at(0) + 7000, last: at(48) + 7000, length: 49 });
    expect(await times(vm, 50)).toEqual({ first: at(0), last: at(49), length: 50 });
    expect(await times(prom, 50)).toEqual({ first: at(0) + 7000, last: at(49) + 7000, length: 50 });
  });

  it('so the engine, which asks for step-aligned ranges, gets the same timestamps and values from both servers', async () => {
    const run = (client: PrometheusClient) =>
      new QueryEngine({ client: () => client }).run({
        key: 'aligned',
        datasource: 'main',
        range: { from: (T0 + 7) * 1000, to: (T_END - 4) * 1000 },
        maxDataPoints: 100,
        targets: targets(
          { refId: 'A', expr: 'promkit_temperature_celsius' },
          { refId: 'B', expr: 'sum by (instance) (irate(promkit_http_requests_total[1m]))' },
        ),
      });
    const [fromVm, fromProm] = await Promise.all([run(vm), run(prom)]);
    expect(fromVm.targets[0]!.timing).toMatchObject({ start: T0, end: T_END - 60, step: 60 });
    for (const [i, target] of fromVm.targets.entries()) {
      expect(target.error).toBeUndefined();
      expect(target.frames.length).toBeGreaterThan(0);
      expect(plain(target.frames)).toEqual(plain(fromProm.targets[i]!.frames));
    }
  });
});

describe('series, labels and the rest of the API', () => {
  seriesAndLabelsTests(vm);

  it('metadata, exemplars, targets, rules and alerts answer empty; buildinfo answers {}, and checkConnection copes', async () => {
    expect((await vm.metadata()).data).toEqual({});
    expect((await vm.queryExemplars({ query: 'promkit_combo', start: T0, end: T_END })).data).toEqual([]);
    expect((await vm.targets()).data).toEqual({ activeTargets: [], droppedTargets: [] });
    expect((await vm.rules()).data.groups).toEqual([]);
    expect((await vm.alerts()).data.alerts).toEqual([]);
    expect((await vm.buildInfo()).data).toEqual({});
    expect(await vm.checkConnection()).toMatchObject({ ok: true, ready: true, buildInfo: {} });
  });

  it.each([
    ['runtimeInfo', () => vm.runtimeInfo(), '/api/v1/status/runtimeinfo'],
    ['flags', () => vm.flags(), '/api/v1/status/flags'],
    ['formatQuery', () => vm.formatQuery('sum(up)'), '/api/v1/format_query'],
    ['targetsMetadata', () => vm.targetsMetadata(), '/api/v1/targets/metadata'],
  ])('%s, which it lacks, is an HttpError saying the server does not implement it', async (_, call, path) => {
    const error = await failure(call(), 'HttpError');
    expect(error.status).toBe(400);
    expect(error.bodyExcerpt).toContain(`unsupported path requested: "${path}"`);
    expect(error.message).toBe(`${url}${path} answered 400 Bad Request: the server does not implement this endpoint (VictoriaMetrics serves only part of the Prometheus API).`);
  });
});

describe('errors', () => {
  it('a syntax error is a QueryParseError at the position Prometheus names for it too', async () => {
    const query = 'sum(rate(x[5m]';
    const error = await failure(vm.query({ query }), 'QueryParseError');
    expect(error).toMatchObject({ status: 422, errorType: '422', position: { line: 1, column: 15 } });
    expect(error.message).toBe('MetricsQL parse error at line 1, column 15: unexpected end of query; want ",", ")"');
    expect(error.position).toEqual((await failure(prom.query({ query }), 'QueryParseError')).position);
  });

  it.each([
    ['a stray token', '1 +* 2', { line: 1, column: 4 }, 'unexpected "*"; want "(", "{", "-", "+"'],
    ['text after the expression', 'promkit_combo bar', { line: 1, column: 15 }, 'unexpected "bar" after the end of the expression'],
    ['a later line', 'sum(\n  rate(x[5m])\n) by', { line: 3, column: 5 }, 'unexpected end of query; want "("'],
    ['an unknown function', 'promkit_combo + nosuchfunc(x)', { line: 1, column: 17 }, 'unknown function nosuchfunc'],
    ['an unclosed string', 'x{a="b}', { line: 1, column: 4 }, 'cannot find closing quote " for the string "\\"b}"'],
  ])('%s is a QueryParseError with line and column', async (_, query, position, reason) => {
    const error = await failure(vm.query({ query, time: T0 }), 'QueryParseError');
    expect(error.position).toEqual(position);
    expect(error.message).toBe(`MetricsQL parse error at line ${position.line}, column ${position.column}: ${reason}`);
  });

  it('an execution error is a PrometheusApiError giving the reason without repeating the query', async () => {
    const error = await failure(vm.query({ query: 'promkit_combo / on() promkit_combo', time: T0 }), 'PrometheusApiError');
    expect(error).toMatchObject({ name: 'PrometheusApiError', status: 422, errorType: '422' });
    expect(error.error).toMatch(/^error when executing query=/);
    expect(error.message).toMatch(/^VictoriaMetrics could not run the query \(422\): cannot evaluate "promkit_combo \/ on \(\) promkit_combo": duplicate time series on the left side/);
  });

  it('more points than -search.maxPointsPerTimeseries is a TooManyPointsError naming a step that works', async () => {
    // A preset that allows more lets the request through; the server then refuses it.
    const client = new PrometheusClient({ url, backend: victoriaMetrics({ maxPointsPerSeries: 1_000_000 }) });
    const error = await failure(client.queryRange({ query: 'up', start: 0, end: 200_000, step: 1 }), 'TooManyPointsError');
    expect(error).toMatchObject({ points: 200_001, limit: 30_000 });
    expect(error.message).toBe('VictoriaMetrics refuses 200001 points per series, over its limit of 30000 (-search.maxPointsPerTimeseries). Use a step of at least 7 s.');
    await expect(client.queryRange({ query: 'up', start: 0, end: 200_000, step: 7 })).resolves.toMatchObject({ resultType: 'matrix' });
  });
});

describe('the query engine', () => {
  it('on the backfilled hour: tail fetch + merge equals a full refetch, sample for sample', async () => {
    const engine = await refreshBackfilledHour(vm);
    expect(engine.stats.incremental).toBe(6);
  });

  it('leaves MetricsQL to the server: WITH and rate without a window run, and a syntax error comes back from it typed', async () => {
    const run = (client: PrometheusClient) =>
      new QueryEngine({ client: () => client }).run({
        key: 'metricsql',
        datasource: 'main',
        range: { from: (T0 + 600) * 1000, to: (T0 + 1200) * 1000 },
        targets: targets(
          { refId: 'A', expr: 'WITH (s = promkit_http_requests_total{instance="api-1",method="GET",status="200"}) rate(s)' },
          { refId: 'B', expr: 'sum(rate(x[5m]' },
        ),
      });
    const [rate, broken] = (await run(vm)).targets;
    expect(rate!.error).toBeUndefined();
    expect(new Set(single(rate!.frames).values)).toEqual(new Set([30 / STEP]));
    expect(broken!.error).toMatchObject({ name: 'QueryParseError', status: 422, position: { line: 1, column: 15 } });
    // With the plain Prometheus preset, PromQL's grammar refuses the first before sending.
    const [refused] = (await run(new PrometheusClient({ url, backend: prometheus() }))).targets;
    expect(refused!.error).toMatchObject({ name: 'QueryParseError', status: 0 });
  });

  it('on a range ending at the real now, re-reads the last 30 s VictoriaMetrics answers provisionally, so a refresh equals a full refetch', async () => {
    // A series with a sample every second, its value the seconds since `base`.
    const series = 'refresh_test_seconds{source="promkit"}';
    const samples = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => `${series} ${from + k - base} ${(from + k) * 1000}`).join('\n');
    const base = Math.floor(Date.now() / 1000) - 900;
    let last = base + 900;
    await importSamples(url, samples(base, last));
    await waitForSamples(url, { selector: series, from: base, to: last, count: 901 });

    let now = await earlyInASecond();
    // An overlap far shorter than the provisional 30 s: the preset's provisionalSeconds must win.
    const engine = new QueryEngine({ client: () => vm, now: () => now, cacheTtl: 0, overlap: 5 });
    const query = (): PanelQuery => ({
      key: 'live',
      datasource: 'main',
      live: true,
      range: { from: now - 600_000, to: now },
      scrapeInterval: 1,
      maxDataPoints: 1000,
      targets: targets({ refId: 'A', expr: series }, { refId: 'B', expr: series, instant: true }),
    });
    const first = await engine.run(query());
    const firstEnd = first.targets[0]!.timing.end;
    // Points after now − 30 s repeat the value at now − 30 s; an instant query at now reads it too.
    const provisional = (t: number) => Math.min(t, firstEnd - 30) - base;
    const firstFrame = single(first.targets[0]!.frames);
    expect(first.targets[0]!.timing.step).toBe(1);
    expect([...firstFrame.values]).toEqual([...firstFrame.timestamps].map((t) => provisional(t / 1000)));
    expect([...single(first.targets[1]!.frames).values]).toEqual([provisional(firstEnd)]);

    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const arrived = Math.floor(Date.now() / 1000);
    await importSamples(url, samples(last + 1, arrived));
    last = arrived;
    now = await earlyInASecond();
    const [refreshed, full] = await Promise.all([engine.run(query()), new QueryEngine({ client: () => vm, now: () => now }).run(query())]);
    const target = refreshed.targets[0]!;
    expect(target.source).toBe('incremental');
    expect(target.fetched!.start).toBeLessThanOrEqual(firstEnd - 31);
    expect(target.fetched!.start).toBeGreaterThan(target.timing.start);
    expect(plain(target.frames)).toEqual(plain(full.targets[0]!.frames));
    // A point the first answer gave provisionally now has its own value.
    const i = [...firstFrame.timestamps].indexOf((firstEnd - 29) * 1000);
    const j = [...single(target.frames).timestamps].indexOf((firstEnd - 29) * 1000);
    expect([firstFrame.values[i], single(target.frames).values[j]]).toEqual([firstEnd - 30 - base, firstEnd - 29 - base]);
  });
});

/** Waits until the clock is early in a second and returns it, so requests made together see one server second. */
async function earlyInASecond(): Promise<number> {
  while (Date.now() % 1000 > 200) await new Promise((resolve) => setTimeout(resolve, 10));
  return Date.now();
}
