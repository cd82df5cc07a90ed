/** The query editor's completion client: the selectors it sends, its cache lifetimes, shared lookups and failures. */
import { describe, expect, it } from 'vitest';
import { EqlRegex, EqlSingle, Neq } from '@prometheus-io/lezer-promql';
import { CanceledError, type PrometheusClient } from '@promkit/core';
import { completionClient, selectorFor } from '../src/components/query-editor/completion-client.js';

/** A client that records what it is asked and answers from `answers` (a function may throw). */
function recordingClient(answer: (method: string, params: Record<string, unknown>) => unknown) {
  const calls: { method: string; params: Record<string, unknown> }[] = [];
  const call = (method: string) => async (params: Record<string, unknown> = {}) => {
    calls.push({ method, params });
    return { data: answer(method, params), warnings: [], infos: [], partial: false };
  };
  const client = { labels: call('labels'), labelValues: call('labelValues'), series: call('series'), metadata: call('metadata') } as unknown as PrometheusClient;
  return { client, calls };
}

describe('selectorFor', () => {
  it('writes the metric and typed matchers, leaving out the label being completed, empty values and dashboard variables', () => {
    const matchers = [
      { type: EqlSingle, name: 'job', value: 'api' },
      { type: Neq, name: 'code', value: 'say "hi" \\ now' },
      { type: EqlRegex, name: 'instance', value: '$instance' },
      { type: EqlSingle, name: 'env', value: '' },
      { type: EqlSingle, name: 'method', value: 'GET' },
    ];
    expect(selectorFor('http_requests_total', matchers, 'method')).toBe('http_requests_total{job="api",code!="say \\"hi\\" \\\\ now"}');
    expect(selectorFor(undefined, [{ type: EqlSingle, name: 'service.name', value: 'x' }])).toBe('{"service.name"="x"}');
    expect(selectorFor(undefined, [])).toBeUndefined();
  });
});

describe('completionClient', () => {
  const window = () => ({ start: new Date(1_700_000_000_000), end: new Date(1_700_003_600_000) });

  it('asks over the given window, with the selector typed so far', async () => {
    const { client, calls } = recordingClient((m) => (m === 'labels' ? ['__name__', 'job', 'status'] : ['200', '500']));
    const completion = completionClient(client, { window });
    expect(await completion.labelNames('up')).toEqual(['job', 'status']);
    expect(await completion.labelValues('status', 'up', [{ type: EqlSingle, name: 'job', value: 'api' }])).toEqual(['200', '500']);
    expect(calls.map((c) => c.params)).toEqual([
      { match: ['up{}'], ...window() },
      { label: 'status', match: ['up{job="api"}'], ...window() },
    ]);
  });

  it('keeps answers for a minute (labels, values, series) or five (metric names, metadata), and shares a lookup in flight', async () => {
    let now = 0;
    const { client, calls } = recordingClient((m) => (m === 'metadata' ? { up: [{ type: 'gauge', help: 'Up.', unit: '' }] } : ['a']));
    const completion = completionClient(client, { window, now: () => now });
    await Promise.all([completion.labelValues('job'), completion.labelValues('job')]);
    expect(calls).toHaveLength(1);
    now = 59_000;
    await completion.labelValues('job');
    expect(calls).toHaveLength(1);
    now = 61_000;
    await completion.labelValues('job');
    expect(calls).toHaveLength(2);

    await completion.metricNames();
    await completion.metricMetadata();
    const before = calls.length;
    now += 4 * 60_000;
    await completion.metricNames();
    await completion.metricMetadata();
    expect(calls).toHaveLength(before);
    now += 2 * 60_000;
    await completion.metricNames();
    await completion.metricMetadata();
    expect(calls).toHaveLength(before + 2);
  });

  it('a failed lookup answers empty, is reported, and is asked again next time; a canceled one is not reported', async () => {
    let fail: Error | undefined = new Error('down');
    const { client, calls } = recordingClient(() => {
      if (fail) throw fail;
      return ['x'];
    });
    const errors: unknown[] = [];
    const completion = completionClient(client, { window, onError: (e) => errors.push(e) });
    expect(await completion.labelNames()).toEqual([]);
    expect(errors).toEqual([fail]);
    fail = new CanceledError('gone');
    expect(await completion.labelNames()).toEqual([]);
    expect(errors).toHaveLength(1);
    fail = undefined;
    expect(await completion.labelNames()).toEqual(['x']);
    expect(calls).toHaveLength(3);
  });
});
