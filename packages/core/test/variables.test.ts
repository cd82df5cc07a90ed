import { describe, expect, it } from 'vitest';
import {
  ALL_VALUE,
  applyRegex,
  autoInterval,
  dependentsOf,
  interpolate,
  parseCustomOptions,
  parseDashboard,
  resolutionOrder,
  resolveVariables,
  sortOptions,
  valuesOf,
  PrometheusClient,
  type DashboardInput,
} from '@promkit/core';

const noPrometheus = () => {
  throw new Error('these variables need no Prometheus');
};

function dashboard(variables: DashboardInput['variables']) {
  return parseDashboard({ schemaVersion: 1, title: 'v', datasources: [{ name: 'a', url: 'http://a' }, { name: 'b-eu', url: 'http://b' }], variables });
}

describe('options', () => {
  it('custom lists: plain, key : value, escaped commas', () => {
    expect(parseCustomOptions('a, b ,c')).toEqual(['a', 'b', 'c'].map((v) => ({ text: v, value: v })));
    expect(parseCustomOptions('Production : prod, Staging : stage')).toEqual([
      { text: 'Production', value: 'prod' },
      { text: 'Staging', value: 'stage' },
    ]);
    expect(parseCustomOptions('a\\,b,c')).toEqual([{ text: 'a,b', value: 'a,b' }, { text: 'c', value: 'c' }]);
  });

  it('regex filters, extracts a capture group, or named value/text groups', () => {
    const values = ['node-1.eu:9100', 'node-2.us:9100', 'db'];
    expect(applyRegex(values, 'node', 'v').map((o) => o.value)).toEqual(['node-1.eu:9100', 'node-2.us:9100']);
    expect(applyRegex(values, '/^(.*):\\d+$/', 'v').map((o) => o.value)).toEqual(['node-1.eu', 'node-2.us']);
    expect(applyRegex(values, '/(?<text>node-\\d)\\.(?<value>\\w+)/', 'v')).toEqual([
      { text: 'node-1', value: 'eu' },
      { text: 'node-2', value: 'us' },
    ]);
    expect(() => applyRegex(values, '(', 'host')).toThrow(/^Variable \$host: regex "\(" does not compile/);
  });

  it('sorts alphabetically, numerically and case-insensitively', () => {
    const opts = ['b10', 'B2', 'a1'].map((v) => ({ text: v, value: v }));
    expect(sortOptions(opts, 'alpha-asc').map((o) => o.value)).toEqual(['B2', 'a1', 'b10']);
    expect(sortOptions(opts, 'num-asc').map((o) => o.value)).toEqual(['a1', 'B2', 'b10']);
    expect(sortOptions(opts, 'num-desc').map((o) => o.value)).toEqual(['b10', 'B2', 'a1']);
    expect(sortOptions(opts, 'alpha-ci-asc').map((o) => o.value)).toEqual(['a1', 'b10', 'B2']);
  });

  it('auto interval splits the range, not below its minimum', () => {
    expect(autoInterval(6 * 3600_000, 30, '10s')).toBe('15m');
    expect(autoInterval(60_000, 30, '10s')).toBe('10s');
  });
});

describe('order and cycles', () => {
  const vars = dashboard([
    { type: 'custom', name: 'c', query: '$b-x' },
    { type: 'custom', name: 'b', query: '$a,y' },
    { type: 'custom', name: 'a', query: 'one,two' },
    { type: 'custom', name: 'z', query: 'z' },
  ]).variables;

  it('resolves each variable after those it uses', () => {
    expect(resolutionOrder(vars).map((v) => v.name)).toEqual(['a', 'b', 'c', 'z']);
    expect([...dependentsOf(vars, 'a')]).toEqual(['a', 'b', 'c']);
  });

  it('a cycle is an error that names it', () => {
    const cyclic = dashboard([
      { type: 'custom', name: 'a', query: '$c' },
      { type: 'custom', name: 'b', query: '${a}' },
      { type: 'custom', name: 'c', query: '[[b]]' },
    ]).variables;
    expect(() => resolutionOrder(cyclic)).toThrow('Variables form a cycle: $a → $c → $b → $a. Break it by making one of them not refer to the next.');
  });
});

describe('resolveVariables without Prometheus', () => {
  const range = { from: 0, to: 6 * 3600_000 };

  it('custom, constant, textbox, interval and datasource variables, with selections', async () => {
    const d = dashboard([
      { type: 'custom', name: 'env', query: 'Production : prod, Staging : stage', multi: true, includeAll: true },
      { type: 'constant', name: 'cluster', query: 'eu-1', hide: 'variable' },
      { type: 'textbox', name: 'filter', query: 'api' },
      { type: 'interval', name: 'win', query: '1m,5m', auto: true, autoCount: 24, autoMin: '1m' },
      { type: 'datasource', name: 'ds', regex: '/-eu$/' },
    ]);
    const r = await resolveVariables(d, { client: noPrometheus, defaultDatasource: 'a', range, selections: { env: ['stage', 'gone'] } });
    expect(r.get('env')).toMatchObject({ selected: ['stage'], value: { value: ['stage'], text: ['Staging'], regex: true, isAll: false } });
    expect(r.get('cluster')!.value.value).toBe('eu-1');
    expect(r.get('filter')!.value.value).toBe('api');
    expect(r.get('win')!.options).toEqual([{ text: 'auto', value: '15m' }, { text: '1m', value: '1m' }, { text: '5m', value: '5m' }]);
    expect(r.get('win')!.selected).toEqual(['15m']);
    expect(r.get('ds')!.options).toEqual([{ text: 'b-eu', value: 'b-eu' }]);
    const values = valuesOf(r);
    expect(interpolate('up{env=~"$env", cluster="$cluster"}[$win]', values)).toBe('up{env=~"stage", cluster="eu-1"}[15m]');
  });

  it('All selects every option, or the custom all value', async () => {
    const d = dashboard([
      { type: 'custom', name: 'a', query: 'x.1,y', includeAll: true },
      { type: 'custom', name: 'b', query: 'x,y', includeAll: true, allValue: '.+' },
    ]);
    const r = await resolveVariables(d, { client: noPrometheus, defaultDatasource: 'a', range, selections: { a: ALL_VALUE, b: ALL_VALUE } });
    expect(interpolate('{a=~"$a", b=~"$b"}', valuesOf(r))).toBe('{a=~"(x\\\\.1|y)", b=~".+"}');
    expect(r.get('a')!.value.text).toEqual(['All']);
  });

  it('a changed variable re-resolves only itself and its dependents', async () => {
    const d = dashboard([
      { type: 'custom', name: 'a', query: 'one,two' },
      { type: 'custom', name: 'b', query: '$a-1,$a-2' },
      { type: 'custom', name: 'z', query: 'z' },
    ]);
    const first = await resolveVariables(d, { client: noPrometheus, defaultDatasource: 'a', range });
    expect(first.get('b')!.selected).toEqual(['one-1']);
    const second = await resolveVariables(d, {
      client: noPrometheus,
      defaultDatasource: 'a',
      range,
      previous: first,
      refresh: new Set(['a']),
      selections: { a: 'two' },
    });
    expect(second.get('b')!.options.map((o) => o.value)).toEqual(['two-1', 'two-2']);
    expect(second.get('z')).toBe(first.get('z'));
  });

  it('an unsupported query function is an invalid variable that names the ones that work; the others still resolve', async () => {
    const d = dashboard([
      { type: 'query', name: 'q', query: 'label_valuez(job)' },
      { type: 'custom', name: 'c', query: 'x,y' },
    ]);
    const client = () => new PrometheusClient({ url: 'http://unused' });
    const r = await resolveVariables(d, { client, defaultDatasource: 'a', range });
    expect(r.get('q')!.problem).toMatchObject({ kind: 'invalid', message: expect.stringMatching(/^Variable \$q: "label_valuez\(job\)" is not a variable query; use label_values\(label\)/) });
    expect(r.get('c')!.selected).toEqual(['x']);
  });
});

/** A client whose every request answers `status` (a 500 unless told). */
function failing(status = 500) {
  const fetch = async () => new Response('upstream broke', { status, headers: { 'content-type': 'text/plain' } });
  return new PrometheusClient({ url: 'http://failing', fetch, retries: 0 });
}

/** A client answering label values and series from fixed data. */
function answering(values: Record<string, string[]>, series: Record<string, string>[] = []) {
  const fetch = async (input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const label = /\/api\/v1\/label\/([^/]+)\/values$/.exec(url.pathname)?.[1];
    const data = label ? (values[label] ?? []) : url.pathname.endsWith('/series') ? series : [];
    return Response.json({ status: 'success', data });
  };
  return new PrometheusClient({ url: 'http://fixed', fetch, retries: 0 });
}

describe('one variable failing never drops the others', () => {
  const range = { from: 0, to: 6 * 3600_000 };

  it('a cycle marks exactly its members, each with the cycle named from itself; the rest resolve', async () => {
    const d = dashboard([
      { type: 'custom', name: 'a', query: '$b-1' },
      { type: 'custom', name: 'b', query: '$a-2', current: { value: 'saved' } },
      { type: 'custom', name: 'uses', query: '$a,z' },
      { type: 'custom', name: 'free', query: 'f1,f2' },
    ]);
    const r = await resolveVariables(d, { client: noPrometheus, defaultDatasource: 'a', range });
    expect(r.get('a')!.problem).toMatchObject({ kind: 'cycle', cycle: ['a', 'b', 'a'], message: 'Variables form a cycle: $a → $b → $a. Break it by making one of them not refer to the next.' });
    expect(r.get('b')!.problem).toMatchObject({ kind: 'cycle', cycle: ['b', 'a', 'b'] });
    expect(r.get('free')).toMatchObject({ selected: ['f1'] });
    expect(r.get('free')!.problem).toBeUndefined();
    // A failed variable interpolates as its saved value, or as nothing: never as a raw $name.
    expect(r.get('uses')!.options.map((o) => o.value)).toEqual(['z']);
    expect(interpolate('$a|$b|$free', valuesOf(r))).toBe('|saved|f1');
  });

  it('a failed query, a bad regex and an empty answer each mark their variable; the others resolve', async () => {
    const d = dashboard([
      { type: 'query', name: 'down', query: 'label_values(job)', datasource: 'b-eu', current: { value: 'api' } },
      { type: 'query', name: 'badregex', query: 'label_values(job)', regex: '(' },
      { type: 'query', name: 'none', query: 'label_values(nothing)' },
      { type: 'query', name: 'job', query: 'label_values(job)' },
      { type: 'query', name: 'after', query: 'label_values(up{job="$down"}, instance)' },
    ]);
    const good = answering({ job: ['api', 'web'], instance: ['i-1'] });
    const r = await resolveVariables(d, { client: (name) => (name === 'b-eu' ? failing() : good), defaultDatasource: 'a', range, selections: { none: 'gone' } });
    expect(r.get('down')!.problem).toMatchObject({ kind: 'failed', message: expect.stringMatching(/^Variable \$down: could not load its values: /) });
    expect(r.get('down')!.selected).toEqual(['api']);
    expect(r.get('badregex')!.problem).toMatchObject({ kind: 'invalid', message: expect.stringMatching(/^Variable \$badregex: regex "\(" does not compile/) });
    expect(r.get('none')!.problem).toMatchObject({ kind: 'empty', message: expect.stringMatching(/^Variable \$none: its query returned no values in this time range/) });
    expect(r.get('job')).toMatchObject({ selected: ['api'], options: [{ value: 'api' }, { value: 'web' }] });
    expect(r.get('job')!.problem).toBeUndefined();
    expect(r.get('after')).toMatchObject({ selected: ['i-1'] });
    expect(r.get('none')).toMatchObject({ options: [], selected: ['gone'] });
    expect(interpolate('$down/$badregex/$none/$job', valuesOf(r))).toBe('api//gone/api');
  });

  it('a refresh that fails keeps the options and selection it had, and a later one clears the problem', async () => {
    const d = dashboard([{ type: 'query', name: 'job', query: 'label_values(job)' }]);
    let client = answering({ job: ['api', 'web'] });
    const first = await resolveVariables(d, { client: () => client, defaultDatasource: 'a', range, selections: { job: 'web' } });
    client = failing(503);
    const second = await resolveVariables(d, { client: () => client, defaultDatasource: 'a', range, previous: first, refresh: new Set(['job']) });
    expect(second.get('job')).toMatchObject({ selected: ['web'], options: first.get('job')!.options, problem: { kind: 'failed' } });
    client = answering({ job: ['api', 'web'] });
    const third = await resolveVariables(d, { client: () => client, defaultDatasource: 'a', range, previous: second, refresh: new Set(['job']) });
    expect(third.get('job')!.problem).toBeUndefined();
    expect(third.get('job')!.selected).toEqual(['web']);
  });

  it('an abort still rejects', async () => {
    const d = dashboard([{ type: 'query', name: 'job', query: 'label_values(job)' }]);
    const controller = new AbortController();
    controller.abort();
    await expect(resolveVariables(d, { client: () => answering({ job: ['a'] }), defaultDatasource: 'a', range, signal: controller.signal })).rejects.toThrow();
  });

  it('a bare series selector lists series as Grafana writes them, for the regex to pick from', async () => {
    const d = dashboard([{ type: 'query', name: 'instance', query: 'up{job="node"}', regex: '/instance="([^"]+)"/' }]);
    const series = [
      { __name__: 'up', instance: 'n-1:9100', job: 'node' },
      { __name__: 'up', instance: 'n-2:9100', job: 'node' },
    ];
    const r = await resolveVariables(d, { client: () => answering({}, series), defaultDatasource: 'a', range });
    expect(r.get('instance')!.options.map((o) => o.value)).toEqual(['n-1:9100', 'n-2:9100']);
    const raw = await resolveVariables(dashboard([{ type: 'query', name: 's', query: 'up' }]), { client: () => answering({}, series), defaultDatasource: 'a', range });
    expect(raw.get('s')!.options.map((o) => o.value)).toEqual(['up{instance="n-1:9100",job="node"}', 'up{instance="n-2:9100",job="node"}']);
  });
});

describe('interval variables', () => {
  it('a chosen interval that auto also comes to reads as itself, not as "auto"', async () => {
    const dashboard = parseDashboard({
      schemaVersion: 1,
      title: 'Intervals',
      variables: [{ type: 'interval', name: 'interval', query: '1m,5m', auto: true, autoCount: 60, autoMin: '10s', current: { value: '1m' } }],
      panels: [],
    });
    // An hour in 60 steps: auto is 1m as well.
    const variables = await resolveVariables(dashboard, { client: () => { throw new Error('no queries'); }, defaultDatasource: 'main', range: { from: 0, to: 3_600_000 } });
    expect(variables.get('interval')!.value).toMatchObject({ value: '1m', text: '1m' });
  });
});
