/**
 * Every kind of bad input or bad answer becomes a typed error with a message a person can act on:
 * from the real Prometheus where it can produce the failure, otherwise from a loopback stub.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { PrometheusClient, isPromkitError, victoriaMetrics } from '@promkit/core';
import { T0 } from '../harness/dataset.mjs';
import { failure } from '../harness/failure.js';
import { freePort } from '../harness/prometheus.mjs';
import { startProxy, startStub } from '../harness/loopback.mjs';

const url = inject('prometheusUrl');
const prom = new PrometheusClient({ url });
const servers: { stop(): Promise<void> }[] = [];
afterAll(() => Promise.all(servers.map((s) => s.stop())));

async function stub(...answers: Parameters<typeof startStub>[0]) {
  const server = await startStub(answers);
  servers.push(server);
  return server;
}

describe('errors from the real Prometheus', () => {
  it('a PromQL parse error keeps the position Prometheus reports', async () => {
    const error = await failure(prom.query({ query: 'sum(rate(x[5m]' }), 'QueryParseError');
    expect(error.position).toEqual({ line: 1, column: 15 });
    expect(error.status).toBe(400);
    expect(error.errorType).toBe('bad_data');
    expect(error.message).toBe('PromQL parse error at line 1, column 15: unclosed left parenthesis');
    expect(isPromkitError(error, 'PrometheusApiError')).toBe(true);
    expect(error.request?.url).toBe(`${url}/api/v1/query`);
  });

  it('an execution error carries errorType execution and status 422', async () => {
    const error = await failure(prom.query({ query: 'promkit_combo / on() promkit_combo', time: T0 }), 'PrometheusApiError');
    expect(error.errorType).toBe('execution');
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/^Prometheus could not run the query \(execution, 422\): .*many-to-many matching not allowed/);
  });

  it('more than 11,000 points is refused before sending, naming a step that would work', async () => {
    const proxy = await startProxy({ upstream: url });
    servers.push(proxy);
    const client = new PrometheusClient({ url: proxy.url });
    const error = await failure(client.queryRange({ query: 'up', start: 0, end: 200_000, step: 1 }), 'TooManyPointsError');
    expect(error.points).toBe(200_001);
    expect(error.limit).toBe(11_000);
    expect(error.message).toContain('Use a step of at least 19 s');
    expect(proxy.requests).toHaveLength(0);
  });

  it("the server's own points limit becomes the same typed error", async () => {
    // A backend preset with a higher limit lets the request through; Prometheus then refuses it.
    const client = new PrometheusClient({ url, backend: { ...victoriaMetrics(), kind: 'prometheus' } });
    const error = await failure(client.queryRange({ query: 'up', start: 0, end: 20_000, step: 1 }), 'TooManyPointsError');
    expect(error.limit).toBe(11_000);
    expect(error.points).toBeUndefined();
    expect(isPromkitError(error.cause, 'PrometheusApiError')).toBe(true);
  });

  it("Prometheus' query timeout becomes a server-side TimeoutError, not retried", async () => {
    const proxy = await startProxy({ upstream: url });
    servers.push(proxy);
    const client = new PrometheusClient({ url: proxy.url, retries: 3 });
    const error = await failure(
      client.queryRange({ query: 'count_over_time(promkit_combo[1h:1s])', start: T0, end: T0 + 3600, step: 15, timeout: '1ms' }),
      'TimeoutError',
    );
    expect(error.side).toBe('server');
    // Evaluation or execution timeout (which phase depends on load), or the deadline hit while expanding series: both are Prometheus' timeout.
    expect(error.message).toMatch(/query timed out in (?:expression evaluation|query execution)|context deadline exceeded/);
    expect(proxy.requests).toHaveLength(1);
  });

  it('an aborted signal cancels the request', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await failure(prom.query({ query: 'up' }, { signal: controller.signal }), 'CanceledError');
    expect(error.message).toContain('/api/v1/query');
  });

  it('a wrong path prefix (404 page not found) says the URL is wrong', async () => {
    const client = new PrometheusClient({ url: `${url}/wrong-prefix` });
    const error = await failure(client.query({ query: 'up' }), 'HttpError');
    expect(error.status).toBe(404);
    expect(error.bodyExcerpt).toContain('404 page not found');
    expect(error.message).toContain('the URL or its path prefix is wrong');
  });

  it('connection refused is a NetworkError after the configured retries', async () => {
    const client = new PrometheusClient({ url: `http://127.0.0.1:${await freePort()}`, retries: 1 });
    const error = await failure(client.labels(), 'NetworkError');
    expect(error.message).toMatch(/^Cannot reach http:\/\/127\.0\.0\.1:\d+\/api\/v1\/labels/);
  });
});

describe('errors only a misbehaving server produces', () => {
  it('a plain-text 503 (not ready) is a NotReadyError', async () => {
    const server = await stub({ status: 503, headers: { 'content-type': 'text/plain' }, body: 'Service Unavailable' });
    const client = new PrometheusClient({ url: server.url, retries: 0 });
    const error = await failure(client.query({ query: 'up' }), 'NotReadyError');
    expect(error.status).toBe(503);
    expect(error.message).toContain('is not ready');
    expect(isPromkitError(error, 'HttpError')).toBe(true);
  });

  it('503 with Retry-After is retried after the wait, then succeeds', async () => {
    const server = await stub(
      { status: 503, headers: { 'content-type': 'text/plain', 'retry-after': '1' }, body: 'Service Unavailable' },
      { body: JSON.stringify({ status: 'success', data: ['job'] }) },
    );
    const client = new PrometheusClient({ url: server.url, retries: 2 });
    const started = Date.now();
    const { data } = await client.labels();
    expect(data).toEqual(['job']);
    expect(server.requests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('a dropped connection is retried, and the retry succeeds', async () => {
    const server = await stub({ drop: true }, { body: JSON.stringify({ status: 'success', data: ['instance'] }) });
    const { data } = await new PrometheusClient({ url: server.url, retries: 1 }).labels();
    expect(data).toEqual(['instance']);
    expect(server.requests).toHaveLength(2);
  });

  it('with retries off, a dropped connection is a NetworkError at once', async () => {
    const server = await stub({ drop: true });
    await failure(new PrometheusClient({ url: server.url, retries: 0 }).labels(), 'NetworkError');
    expect(server.requests).toHaveLength(1);
  });

  it('a 200 answer that is plain text is an InvalidResponseError', async () => {
    const server = await stub({ headers: { 'content-type': 'text/plain' }, body: 'OK' });
    const error = await failure(new PrometheusClient({ url: server.url }).labels(), 'InvalidResponseError');
    expect(error.message).toContain('answered 200 with a body that is not valid JSON');
  });

  it('an HTML error page from a proxy is named as such, with its title', async () => {
    const page = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>';
    const server = await stub({ status: 502, headers: { 'content-type': 'text/html' }, body: page });
    const error = await failure(new PrometheusClient({ url: server.url }).query({ query: 'up' }), 'HttpError');
    expect(error.status).toBe(502);
    expect(error.message).toContain('an HTML page titled "502 Bad Gateway", likely from a proxy');
    expect(server.requests).toHaveLength(1);
  });

  it('a login page answered with 200 is an InvalidResponseError', async () => {
    const server = await stub({ status: 200, headers: { 'content-type': 'text/html' }, body: '<html><title>Sign in</title></html>' });
    const error = await failure(new PrometheusClient({ url: server.url }).query({ query: 'up' }), 'InvalidResponseError');
    expect(error.message).toContain('an HTML page titled "Sign in" instead of JSON');
  });

  it('a truncated JSON body is an InvalidResponseError quoting the start of the body', async () => {
    const server = await stub({ body: '{"status":"success","data":{"resultType":"vec' });
    const error = await failure(new PrometheusClient({ url: server.url }).query({ query: 'up' }), 'InvalidResponseError');
    expect(error.message).toContain('not valid JSON');
    expect(error.message).toContain('Body starts: {"status":"success"');
  });

  it('JSON of the wrong shape is a SchemaError with readable paths', async () => {
    const body = { status: 'success', data: { resultType: 'matrix', result: [{ metric: {}, values: [[1, '1'], [2, 3]] }] } };
    const server = await stub({ body: JSON.stringify(body) });
    const client = new PrometheusClient({ url: server.url });
    const error = await failure(client.queryRange({ query: 'up', start: 0, end: 10, step: 1 }), 'SchemaError');
    expect(error.problems).toEqual([{ path: 'data.result[0].values[1]', message: 'expected [time, "value"], got an array of 2' }]);
  });

  it("a deadline hit while expanding series (422 execution) is a server-side TimeoutError too", async () => {
    const body = { status: 'error', errorType: 'execution', error: 'expanding series: context deadline exceeded' };
    const server = await stub({ status: 422, body: JSON.stringify(body) });
    const error = await failure(new PrometheusClient({ url: server.url }).query({ query: 'up' }), 'TimeoutError');
    expect(error.side).toBe('server');
    expect(error.message).toContain('expanding series: context deadline exceeded');
  });

  it('a JSON 503 from Prometheus itself is not retried', async () => {
    const body = { status: 'error', errorType: 'unavailable', error: 'too many queries' };
    const server = await stub({ status: 503, body: JSON.stringify(body) });
    const error = await failure(new PrometheusClient({ url: server.url, retries: 2 }).query({ query: 'up' }), 'PrometheusApiError');
    expect(error.errorType).toBe('unavailable');
    expect(server.requests).toHaveLength(1);
  });

  it('no answer within the timeout is a client-side TimeoutError', async () => {
    const server = await stub({ hang: true });
    const client = new PrometheusClient({ url: server.url, timeout: 200, retries: 0 });
    const error = await failure(client.query({ query: 'up' }), 'TimeoutError');
    expect(error.side).toBe('client');
    expect(error.message).toContain('within 200 ms');
  });

  it('aborting while waiting cancels the request', async () => {
    const server = await stub({ hang: true });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await failure(new PrometheusClient({ url: server.url }).query({ query: 'up' }, { signal: controller.signal }), 'CanceledError');
  });
});

describe('bad arguments are refused before any request', () => {
  it.each([
    ['an empty query', () => prom.query({ query: ' ' }), /query is empty/],
    ['end before start', () => prom.queryRange({ query: 'up', start: 100, end: 50, step: 1 }), /end \(50\) is before start/],
    ['a zero step', () => prom.queryRange({ query: 'up', start: 0, end: 50, step: 0 }), /step must be a positive/],
    ['a bad duration', () => prom.queryRange({ query: 'up', start: 0, end: 50, step: '5 minutes' }), /step must be a positive/],
    ['milliseconds as seconds', () => prom.query({ query: 'up', time: Date.now() }), /looks like milliseconds/],
    ['an unparsable time', () => prom.query({ query: 'up', time: 'yesterday' }), /not an RFC 3339 time/],
    ['series without a selector', () => prom.series({ match: [] }), /at least one selector/],
    ['labelValues without a label', () => prom.labelValues({ label: '' }), /needs a label name/],
  ])('%s', async (_, call, message) => {
    const error = await failure(call(), 'InvalidArgumentError');
    expect(error.message).toMatch(message);
  });

  it('a client without a URL', () => {
    expect(() => new PrometheusClient({ url: '' })).toThrow(/needs a url/);
  });
});
