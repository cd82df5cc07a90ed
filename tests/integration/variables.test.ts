/** Query variables against the real Prometheus, chained, and multi-values inside =~ matchers. */
import { describe, expect, inject, it } from 'vitest';
import { PrometheusClient, interpolate, parseDashboard, resolveVariables, toFrames, valuesOf } from '@promkit/core';
import { T0, T_END, TRICKY_LABEL_VALUES, storedSeries } from '../harness/dataset.mjs';

const prom = new PrometheusClient({ url: inject('prometheusUrl') });
const range = { from: T0 * 1000, to: T_END * 1000 };
const context = { client: () => prom, defaultDatasource: 'main', range };

function dashboard(variables: unknown[]) {
  return parseDashboard({ schemaVersion: 1, title: 'vars', datasources: [{ name: 'main', url: 'unused' }], variables });
}

describe('query variables', () => {
  it('label_values, label_names, metrics() and query_result() read the dataset', async () => {
    const d = dashboard([
      { type: 'query', name: 'room', query: 'label_values(room)' },
      { type: 'query', name: 'a', query: 'label_values(promkit_combo, a)', sort: 'alpha-desc' },
      { type: 'query', name: 'labels', query: 'label_names(promkit_temperature_celsius)' },
      { type: 'query', name: 'metric', query: 'metrics(^promkit_(temp|special))' },
      { type: 'query', name: 'top', query: 'query_result(topk(2, promkit_combo))', regex: '/b="(b\\d)"/' },
    ]);
    const r = await resolveVariables(d, context);
    expect(r.get('room')!.options.map((o) => o.value)).toEqual(['lab', 'office']);
    expect(r.get('a')!.options.map((o) => o.value)).toEqual(Array.from({ length: 10 }, (_, i) => `a${9 - i}`));
    expect(r.get('labels')!.options.map((o) => o.value)).toEqual(['__name__', 'room']);
    expect(r.get('metric')!.options.map((o) => o.value)).toEqual(['promkit_special_value', 'promkit_temperature_celsius']);
    // topk(2) of values 0..99 at the end of the range: b9 (a9 → 99) and b8 (98).
    expect(r.get('top')!.options.map((o) => o.value).sort()).toEqual(['b8', 'b9']);
  });

  it('chained variables narrow each other and follow a change of selection', async () => {
    const d = dashboard([
      { type: 'query', name: 'instance', query: 'label_values(promkit_http_requests_total, instance)' },
      { type: 'query', name: 'method', query: 'label_values(promkit_http_requests_total{instance="$instance"}, method)' },
      { type: 'query', name: 'status', query: 'label_values(promkit_http_requests_total{instance="$instance", method="$method"}, status)' },
    ]);
    const expected = (instance: string, method: string) =>
      [...new Set(storedSeries().filter((s) => s.labels['instance'] === instance && s.labels['method'] === method).map((s) => s.labels['status']))].sort();

    const first = await resolveVariables(d, { ...context, selections: { instance: 'api-2', method: 'POST' } });
    expect(first.get('status')!.options.map((o) => o.value)).toEqual(expected('api-2', 'POST'));

    const second = await resolveVariables(d, { ...context, previous: first, refresh: new Set(['instance']), selections: { instance: 'api-1', method: 'GET' } });
    expect(second.get('status')!.options.map((o) => o.value)).toEqual(expected('api-1', 'GET'));
  });

  it('multi-values with quotes, backslashes, unicode and markup select exactly their series in =~', async () => {
    const d = dashboard([{ type: 'query', name: 'text', query: 'label_values(promkit_label_text, text)', multi: true }]);
    const chosen = [TRICKY_LABEL_VALUES[0]!, TRICKY_LABEL_VALUES[1]!, TRICKY_LABEL_VALUES[3]!];
    const r = await resolveVariables(d, { ...context, selections: { text: chosen } });
    const query = interpolate('promkit_label_text{text=~"$text"}', valuesOf(r));
    const frames = toFrames(await prom.query({ query, time: T0 }));
    expect(frames.map((f) => f.labels['text']).sort()).toEqual([...chosen].sort());
  });

  it('dots and pipes in values are literal, not regex', async () => {
    const d = dashboard([{ type: 'custom', name: 'room', query: 'l.b,office|lab', multi: true, current: { value: ['l.b', 'office|lab'] } }]);
    const r = await resolveVariables(d, context);
    const query = interpolate('promkit_temperature_celsius{room=~"$room"}', valuesOf(r));
    expect(toFrames(await prom.query({ query, time: T0 }))).toEqual([]);
  });
});
