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

  it('an unsupported query function names the ones that work', async () => {
    const d = dashboard([{ type: 'query', name: 'q', query: 'label_valuez(job)' }]);
    const client = () => new PrometheusClient({ url: 'http://unused' });
    await expect(resolveVariables(d, { client, defaultDatasource: 'a', range })).rejects.toThrow(
      /^Variable \$q: "label_valuez\(job\)" is not a variable query; use label_values\(label\)/,
    );
  });
});
