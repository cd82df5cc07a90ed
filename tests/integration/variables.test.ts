/** Query variables against the real Prometheus, chained, and multi-values inside =~ matchers. */
import { describe, expect, inject, it } from 'vitest';
import { PrometheusClient, QueryEngine, interpolate, parseDashboard, resolveVariables, toFrames, valuesOf } from '@promkit/core';
import { ESCAPING_LABEL_VALUES, T0, T_END, TRICKY_LABEL_VALUES, storedSeries } from '../harness/dataset.mjs';

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

  it.each([
    ['a single value in =~', 'promkit_escaping{name=~"$v"}', false],
    ['a single value in =', 'promkit_escaping{name="$v"}', false],
    ['a single value in single quotes', "promkit_escaping{name=~'$v'}", false],
    ['a multi-value in =~', 'promkit_escaping{name=~"$v"}', true],
  ])('%s selects exactly the series whose label holds ", \\ and regex characters', async (_, expr, multi) => {
    const target = ESCAPING_LABEL_VALUES[0]!;
    const d = dashboard([{ type: 'query', name: 'v', query: 'label_values(promkit_escaping, name)', multi }]);
    const r = await resolveVariables(d, { ...context, selections: { v: multi ? [target] : target } });
    expect(r.get('v')!.options.map((o) => o.value).sort()).toEqual([...ESCAPING_LABEL_VALUES].sort());
    const frames = toFrames(await prom.query({ query: interpolate(expr, valuesOf(r)), time: T0 }));
    expect(frames.map((f) => f.labels['name'])).toEqual([target]);
  });

  it('a bare series selector with a regex picks a label, as in Grafana', async () => {
    const d = dashboard([
      { type: 'query', name: 'instance', query: 'promkit_http_requests_total{method="GET"}', regex: '/instance="([^"]+)"/', sort: 'alpha-asc' },
      { type: 'query', name: 'series', query: 'promkit_temperature_celsius' },
    ]);
    const r = await resolveVariables(d, context);
    const expected = [...new Set(storedSeries().filter((s) => s.name === 'promkit_http_requests_total' && s.labels['method'] === 'GET').map((s) => s.labels['instance']))].sort();
    expect(r.get('instance')!.options.map((o) => o.value)).toEqual(expected);
    expect(r.get('series')!.options.map((o) => o.value).sort()).toEqual(['promkit_temperature_celsius{room="lab"}', 'promkit_temperature_celsius{room="office"}']);
  });

  it('a variable whose query Prometheus refuses, or that finds nothing, is marked; the others resolve', async () => {
    const d = dashboard([
      { type: 'query', name: 'broken', query: 'query_result(sum(()' },
      { type: 'query', name: 'none', query: 'label_values(promkit_does_not_exist, job)' },
      { type: 'query', name: 'room', query: 'label_values(room)' },
    ]);
    const r = await resolveVariables(d, context);
    expect(r.get('broken')!.problem).toMatchObject({ kind: 'invalid', message: expect.stringMatching(/^Variable \$broken: /) });
    expect(r.get('none')!.problem).toMatchObject({ kind: 'empty' });
    expect(r.get('room')).toMatchObject({ selected: ['lab'] });
    expect(r.get('room')!.problem).toBeUndefined();
  });

  it('${__from:date:seconds} and ${__to:date:seconds} in a panel query are the range in epoch seconds', async () => {
    const engine = new QueryEngine({ client: () => prom });
    const result = await engine.run({
      key: 'dates',
      datasource: 'main',
      range,
      variables: {},
      targets: [{ refId: 'A', expr: 'vector(${__to:date:seconds} - ${__from:date:seconds})', instant: true, hide: false }],
    });
    expect(result.targets[0]!.error).toBeUndefined();
    expect(result.targets[0]!.frames[0]!.values[0]).toBe(T_END - T0);
    engine.dispose();
  });
});
