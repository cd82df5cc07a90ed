/** query and queryRange against the real Prometheus, with values computed from the dataset. */
import { describe, expect, inject, it, afterAll } from 'vitest';
import { PrometheusClient, toFrames, isPromkitError } from '@promkit/core';
import {
  HISTOGRAM_BUCKETS,
  RESET_INDEX,
  STEP,
  STOP_INDEX,
  T0,
  T_END,
  TRICKY_LABEL_VALUES,
  valueOf,
} from '../harness/dataset.mjs';
import { single, vectorFrames } from '../harness/frames.js';
import { startProxy } from '../harness/loopback.mjs';

const url = inject('prometheusUrl');
const prom = new PrometheusClient({ url, timeout: 10_000 });

const API_1_GET_200 = { job: 'api', instance: 'api-1', method: 'GET', status: '200' };

describe('queryRange', () => {
  it('returns every sample of a gauge exactly, as columnar frames in milliseconds', async () => {
    const start = T0;
    const end = T0 + 600;
    const r = await prom.queryRange({ query: 'promkit_temperature_celsius{room="lab"}', start, end, step: STEP });
    expect(r.resultType).toBe('matrix');
    expect(r.warnings).toEqual([]);
    expect(r.infos).toEqual([]);
    const frame = single(toFrames(r));
    expect(frame.labels).toEqual({ __name__: 'promkit_temperature_celsius', room: 'lab' });
    expect(frame.timestamps).toBeInstanceOf(Float64Array);
    expect(frame.values).toBeInstanceOf(Float64Array);
    const expectedTimes = Array.from({ length: 41 }, (_, i) => (T0 + i * STEP) * 1000);
    const expectedValues = expectedTimes.map((_, i) => valueOf('promkit_temperature_celsius', { room: 'lab' }, i));
    expect([...frame.timestamps]).toEqual(expectedTimes);
    expect([...frame.values]).toEqual(expectedValues);
  });

  it('accepts Date and RFC 3339 times and duration-string steps', async () => {
    const r = await prom.queryRange({
      query: 'promkit_temperature_celsius{room="office"}',
      start: new Date(T0 * 1000),
      end: new Date((T0 + 120) * 1000).toISOString(),
      step: '30s',
    });
    const frame = single(toFrames(r));
    expect([...frame.values]).toEqual([0, 2, 4, 6, 8].map((i) => valueOf('promkit_temperature_celsius', { room: 'office' }, i)));
  });

  it('computes an exact rate, and sees the counter reset through resets()', async () => {
    const i = 40;
    const rate = await prom.query({ query: `rate(promkit_http_requests_total{instance="api-1",method="GET",status="200"}[5m])`, time: T0 + i * STEP });
    const expected = (valueOf('promkit_http_requests_total', API_1_GET_200, i)! - valueOf('promkit_http_requests_total', API_1_GET_200, i - 20)!) / 300;
    expect(single(vectorFrames(rate)).values[0]).toBe(expected);

    const resets = await prom.query({ query: 'resets(promkit_http_requests_total{instance="api-1",method="GET",status="200"}[1h])', time: T_END });
    expect(single(vectorFrames(resets)).values[0]).toBe(1);
    // The raw counter really drops at RESET_INDEX.
    const around = await prom.queryRange({
      query: 'promkit_http_requests_total{instance="api-1",method="GET",status="200"}',
      start: T0 + (RESET_INDEX - 1) * STEP,
      end: T0 + RESET_INDEX * STEP,
      step: STEP,
    });
    const values = [...single(toFrames(around)).values];
    expect(values).toEqual([RESET_INDEX - 1, RESET_INDEX].map((n) => valueOf('promkit_http_requests_total', API_1_GET_200, n)));
    expect(values[1]).toBeLessThan(values[0]!);
  });

  it('leaves a gap where a series stopped (staleness after the 5 m lookback)', async () => {
    const r = await prom.queryRange({ query: 'promkit_stopping', start: T0 + STOP_INDEX * STEP, end: T0 + (STOP_INDEX + 40) * STEP, step: STEP });
    const frame = single(toFrames(r));
    // The last sample is carried for 5 minutes (20 steps), then the series is absent.
    expect(frame.timestamps.length).toBe(21);
    expect(frame.timestamps.at(-1)).toBe((T0 + (STOP_INDEX + 20) * STEP) * 1000);
    expect([...new Set(frame.values)]).toEqual([STOP_INDEX]);
  });
});

describe('query', () => {
  it('decodes NaN, +Inf, -Inf and exponent-form samples exactly', async () => {
    const r = await prom.query({ query: 'promkit_special_value', time: T0 + 60 });
    const byKind = Object.fromEntries(vectorFrames(r).map((f) => [f.labels['kind'], f.values[0]]));
    expect(byKind).toEqual({
      nan: Number.NaN,
      pos_inf: Number.POSITIVE_INFINITY,
      neg_inf: Number.NEGATIVE_INFINITY,
      tiny: 1.5e-300,
      huge: -2.5e300,
    });
    // The wire really carried the special spellings the decoder has to understand.
    const wire = r.resultType === 'vector' ? r.result.map((s) => s.value?.[1]) : [];
    expect(wire).toEqual(expect.arrayContaining(['NaN', '+Inf', '-Inf']));
  });

  it('keeps label values with quotes, backslashes, unicode and markup as exact text', async () => {
    const r = await prom.query({ query: 'promkit_label_text', time: T0 });
    const texts = vectorFrames(r).map((f) => f.labels['text']);
    expect(texts.sort()).toEqual([...TRICKY_LABEL_VALUES].sort());
  });

  it('reads classic histogram buckets and computes a quantile from them', async () => {
    const i = 10;
    const buckets = await prom.query({ query: 'promkit_request_duration_seconds_bucket', time: T0 + i * STEP });
    const byLe = Object.fromEntries(vectorFrames(buckets).map((f) => [f.labels['le'], f.values[0]]));
    expect(byLe).toEqual(
      Object.fromEntries(HISTOGRAM_BUCKETS.map(({ le }) => [le, valueOf('promkit_request_duration_seconds_bucket', { le }, i)])),
    );
    const quantile = await prom.query({
      query: 'histogram_quantile(0.5, rate(promkit_request_duration_seconds_bucket[5m]))',
      time: T0 + 40 * STEP,
    });
    // Rates per bucket are perStep/15; the median falls in the first bucket (0, 0.1]:
    // linear interpolation gives 0.1 × (0.5 × total) / first.
    const first = HISTOGRAM_BUCKETS[0]!.perStep / STEP;
    const total = HISTOGRAM_BUCKETS.reduce((sum, b) => sum + b.perStep, 0) / STEP;
    expect(single(vectorFrames(quantile)).values[0]).toBeCloseTo((0.1 * (0.5 * total)) / first, 12);
  });

  it('returns scalars as one unlabelled frame and refuses to frame a string result', async () => {
    const scalar = await prom.query({ query: 'scalar(promkit_combo{a="a1",b="b2"})', time: T0 });
    expect(scalar.resultType).toBe('scalar');
    const frame = single(toFrames(scalar));
    expect(frame.labels).toEqual({});
    expect([...frame.values]).toEqual([valueOf('promkit_combo', { a: 'a1', b: 'b2' }, 0)]);
    expect([...frame.timestamps]).toEqual([T0 * 1000]);

    const text = await prom.query({ query: '"promkit"', time: T0 });
    expect(text.resultType === 'string' && text.result[1]).toBe('promkit');
    expect(() => toFrames(text)).toThrow(/string result/);
    try {
      toFrames(text);
    } catch (error) {
      expect(isPromkitError(error, 'SchemaError')).toBe(true);
    }
  });

  it('passes query statistics through when asked', async () => {
    const r = await prom.query({ query: 'sum(promkit_combo)', time: T0, stats: true });
    expect(single(vectorFrames(r)).values[0]).toBe(Array.from({ length: 100 }, (_, n) => n).reduce((a, b) => a + b));
    expect(r.stats).toMatchObject({ timings: expect.any(Object), samples: expect.any(Object) });
    const without = await prom.query({ query: 'sum(promkit_combo)', time: T0 });
    expect(without.stats).toBeUndefined();
  });
});

describe('transport', () => {
  const proxies: { stop(): Promise<void> }[] = [];
  afterAll(() => Promise.all(proxies.map((p) => p.stop())));

  it('reaches a Prometheus mounted under a path prefix, POSTing form-encoded queries', async () => {
    const proxy = await startProxy({ upstream: url, prefix: '/monitoring/prom' });
    proxies.push(proxy);
    const client = new PrometheusClient({ url: `${proxy.url}/monitoring/prom/` });
    const r = await client.query({ query: 'promkit_combo{a="a2",b="b3"}', time: T0 });
    expect(single(vectorFrames(r)).values[0]).toBe(valueOf('promkit_combo', { a: 'a2', b: 'b3' }, 0));
    expect(proxy.requests).toHaveLength(1);
    expect(proxy.requests[0]).toMatchObject({ method: 'POST', path: '/monitoring/prom/api/v1/query' });
    expect(new URLSearchParams(proxy.requests[0]!.body).get('query')).toBe('promkit_combo{a="a2",b="b3"}');
  });

  it('falls back to GET when a proxy answers 405 to POST, and remembers it', async () => {
    const proxy = await startProxy({ upstream: url, refusePost: true });
    proxies.push(proxy);
    const client = new PrometheusClient({ url: proxy.url });
    for (const n of [1, 2]) {
      const r = await client.query({ query: `promkit_combo{a="a0",b="b${n}"}`, time: T0 });
      expect(single(vectorFrames(r)).values[0]).toBe(n);
    }
    expect(proxy.requests.map((r) => r.method)).toEqual(['POST', 'GET', 'GET']);
  });

  it('sends GET only when asked, with headers, bearer auth and tenant on every request', async () => {
    const proxy = await startProxy({ upstream: url });
    proxies.push(proxy);
    const client = new PrometheusClient({
      url: proxy.url,
      method: 'GET',
      headers: { 'X-Request-Source': 'promkit-test' },
      auth: { type: 'bearer', token: 's3cret' },
      tenant: 'team-a',
    });
    await client.query({ query: 'up', time: T0 });
    await client.labels();
    for (const request of proxy.requests) {
      expect(request.method).toBe('GET');
      expect(request.headers).toMatchObject({ 'x-request-source': 'promkit-test', authorization: 'Bearer s3cret', 'x-scope-orgid': 'team-a' });
    }
    expect(proxy.requests).toHaveLength(2);
  });

  it('sends basic auth with UTF-8 credentials', async () => {
    const proxy = await startProxy({ upstream: url });
    proxies.push(proxy);
    const client = new PrometheusClient({ url: proxy.url, auth: { type: 'basic', username: 'zoë', password: 'pa:ss' } });
    await client.buildInfo();
    expect(proxy.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from('zoë:pa:ss', 'utf8').toString('base64')}`);
  });
});

describe('queryRangeFrames', () => {
  it.each([
    ['every family of the dataset, special values and tricky labels included', '{__name__=~"promkit_.+"}', STEP],
    ['a rate with fractional values', 'rate(promkit_http_requests_total[1m])', 30],
    ['an expression with fractional-second steps', 'promkit_temperature_celsius * 1.5e-7', 7.5],
  ])('reads the text straight into the same frames queryRange + toFrames give: %s', async (_, query, step) => {
    const params = { query, start: T0, end: T_END, step };
    const fast = await prom.queryRangeFrames(params);
    const general = await prom.queryRange(params);
    expect(fast.frames.length).toBeGreaterThan(0);
    expect(fast.frames).toEqual(toFrames(general));
    expect([fast.warnings, fast.infos]).toEqual([general.warnings, general.infos]);
  });
});
