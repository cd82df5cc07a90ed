/**
 * Backend presets, tested with fixtures shaped like each backend's documented answers (the servers
 * themselves are not installable here): where requests go, what they carry, how quirks decode.
 */
import { describe, expect, it } from 'vitest';
import {
  PrometheusClient,
  cortex,
  isPromkitError,
  mimir,
  thanos,
  toFrames,
  victoriaMetrics,
} from '@promkit/core';
import { fixture, fixtureFetch } from './fixture-fetch.js';

describe('Thanos', () => {
  it('sends dedup, partial_response, replicaLabels[] and max_source_resolution; partial failures arrive as warnings', async () => {
    const { fetch, requests } = fixtureFetch(fixture('thanos-partial.json'));
    const client = new PrometheusClient({
      url: 'http://thanos-query:10902',
      fetch,
      backend: thanos({ dedup: true, partialResponse: true, replicaLabels: ['replica', 'rule_replica'], maxSourceResolution: '5m' }),
    });
    const r = await client.query({ query: 'up', time: 1700000000 });
    const sent = requests[0]!;
    expect(sent.url.pathname).toBe('/api/v1/query');
    expect(sent.form.get('dedup')).toBe('true');
    expect(sent.form.get('partial_response')).toBe('true');
    expect(sent.form.getAll('replicaLabels[]')).toEqual(['replica', 'rule_replica']);
    expect(sent.form.get('max_source_resolution')).toBe('5m');
    expect(r.warnings).toEqual([expect.stringContaining('store unreachable')]);
    expect(r.partial).toBe(false);
    expect(toFrames(r)[0]!.timestamps[0]).toBe(1700000000123);
  });

  it('adds its fields to series and labels too, but not to status endpoints', async () => {
    const { fetch, requests } = fixtureFetch(fixture('mimir-labels.json'));
    const client = new PrometheusClient({ url: 'http://thanos-query:10902', fetch, backend: thanos({ dedup: false }) });
    await client.labels();
    expect(requests[0]!.form.get('dedup')).toBe('false');
    const info = fixtureFetch(JSON.stringify({ status: 'success', data: {} }));
    await new PrometheusClient({ url: 'http://t', fetch: info.fetch, backend: thanos({ dedup: false }) }).flags();
    expect(info.requests[0]!.url.search).toBe('');
  });
});

describe('Mimir and Cortex', () => {
  it('use /prometheus, X-Scope-OrgID (several tenants joined by |) and /ready', async () => {
    const { fetch, requests } = fixtureFetch(fixture('mimir-labels.json'));
    const client = new PrometheusClient({ url: 'https://mimir.example.test/', fetch, backend: mimir({ tenant: ['team-a', 'team-b'] }) });
    const { data } = await client.labels();
    expect(data).toEqual(['__name__', 'cluster', 'namespace']);
    expect(requests[0]!.url.href).toBe('https://mimir.example.test/prometheus/api/v1/labels');
    expect(requests[0]!.headers.get('x-scope-orgid')).toBe('team-a|team-b');
    expect(client.backend.readyPath).toBe('/ready');
  });

  it('Cortex takes a custom API prefix', async () => {
    const { fetch, requests } = fixtureFetch(fixture('mimir-labels.json'));
    const client = new PrometheusClient({ url: 'http://cortex', fetch, backend: cortex({ tenant: 'x', apiPrefix: '/api/prom' }) });
    await client.labels();
    expect(requests[0]!.url.pathname).toBe('/api/prom/api/v1/labels');
    expect(client.backend.kind).toBe('cortex');
  });
});

describe('VictoriaMetrics', () => {
  it('cluster tenants select /select/<tenant>/prometheus; isPartial becomes partial; nocache is sent', async () => {
    const { fetch, requests } = fixtureFetch(fixture('victoriametrics-partial.json'));
    const client = new PrometheusClient({ url: 'http://vmselect:8481', fetch, backend: victoriaMetrics({ tenant: '12:3', nocache: true }) });
    const r = await client.queryRange({ query: 'up', start: 1700000000, end: 1700000030, step: 30 });
    expect(requests[0]!.url.pathname).toBe('/select/12:3/prometheus/api/v1/query_range');
    expect(requests[0]!.form.get('nocache')).toBe('1');
    expect(r.partial).toBe(true);
    expect([...toFrames(r)[0]!.values]).toEqual([1, 0]);
  });

  it('allows 30,000 points per series, where Prometheus allows 11,000', async () => {
    const { fetch } = fixtureFetch(fixture('victoriametrics-partial.json'));
    const vm = new PrometheusClient({ url: 'http://vm', fetch, backend: victoriaMetrics() });
    await expect(vm.queryRange({ query: 'up', start: 0, end: 20_000, step: 1 })).resolves.toMatchObject({ partial: true });
    await expect(vm.queryRange({ query: 'up', start: 0, end: 40_000, step: 1 })).rejects.toMatchObject({ name: 'TooManyPointsError', limit: 30_000 });
  });

  it('a numeric-string errorType still becomes a typed error with the HTTP status: here a parse error with its position', async () => {
    const { fetch } = fixtureFetch(fixture('victoriametrics-error.json'), 422);
    const client = new PrometheusClient({ url: 'http://vm', fetch, backend: victoriaMetrics() });
    const error = await client.query({ query: 'sum(rate(x[5m])) by' }).catch((e: unknown) => e);
    expect(isPromkitError(error, 'QueryParseError')).toBe(true);
    expect(error).toMatchObject({ errorType: '422', status: 422, position: { line: 1, column: 20 } });
    expect((error as Error).message).toBe('MetricsQL parse error at line 1, column 20: unexpected end of query; want "("');
  });

  it('refuses a tenant that is not accountID[:projectID]', () => {
    expect(() => victoriaMetrics({ tenant: '../admin' })).toThrow(/accountID:projectID/);
  });
});

it('infos from newer Prometheus versions reach the caller', async () => {
  const { fetch } = fixtureFetch(fixture('prometheus-3-infos.json'));
  const r = await new PrometheusClient({ url: 'http://p', fetch }).query({ query: 'rate(foo[5m])' });
  expect(r.infos).toEqual([expect.stringContaining('might not be a counter')]);
  expect(r.warnings).toEqual([]);
});

describe('refresh overlap', () => {
  it('remote-write backends read 10 minutes again on a refresh; a plain Prometheus leaves it to its scrape interval', () => {
    expect([thanos(), mimir(), cortex(), victoriaMetrics()].map((b) => b.refreshOverlap)).toEqual([600, 600, 600, 600]);
    expect(new PrometheusClient({ url: 'http://p' }).backend.refreshOverlap).toBe(undefined);
  });

  it('VictoriaMetrics answers its last -search.latencyOffset seconds provisionally: 30 unless told', () => {
    expect([victoriaMetrics().provisionalSeconds, victoriaMetrics({ latencyOffset: 60 }).provisionalSeconds]).toEqual([30, 60]);
    expect(thanos().provisionalSeconds).toBe(undefined);
  });
});
