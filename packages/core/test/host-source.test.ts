/** Host sources: the datasource type that names one, the engine's one request per panel, variables from a source, and export's warning. */
import { afterEach, describe, expect, it } from 'vitest';
import {
  DatasourceRegistry,
  QueryEngine,
  hostSourceOf,
  registerSource,
  resolveVariables,
  unregisterSource,
  parseDashboard,
  validateDashboard,
  type HostQuery,
  type HostSource,
  type PrometheusClient,
} from '@promkit/core';
import { toGrafana } from '@promkit/core/grafana';

const T0 = Date.parse('2026-12-01T10:00:00Z');
const RANGE = { from: T0, to: T0 + 3_600_000 };

const board = parseDashboard({
  schemaVersion: 1,
  title: 'Runs',
  datasources: [
    { name: 'prom', url: 'http://127.0.0.1:1', default: true },
    { name: 'quality', type: 'host', source: 'dq' },
  ],
  variables: [{ type: 'query', name: 'table', datasource: 'quality', query: 'tables()' }],
  panels: [
    {
      id: 1,
      type: 'timeseries',
      title: 'Rows',
      gridPos: { x: 0, y: 0, w: 12, h: 8 },
      datasource: 'quality',
      targets: [
        { refId: 'A', expr: 'rows{table="$table"} step=$__interval' },
        { refId: 'B', expr: 'hidden', hide: true },
        { refId: 'C', expr: 'nulls' },
      ],
    },
  ],
});
const targets = board.panels[0]!.type === 'timeseries' ? board.panels[0]!.targets : [];

function noClient(): PrometheusClient {
  throw new Error('a host datasource must not reach a Prometheus client');
}

afterEach(() => unregisterSource('dq'));

describe('the host datasource type', () => {
  it('is a datasource naming a source, with no URL', () => {
    expect(board.datasources[1]).toEqual({ name: 'quality', type: 'host', source: 'dq' });
  });

  it('refuses an empty source and an unknown type, saying what is allowed', () => {
    const problems = (input: unknown) => {
      const check = validateDashboard({ schemaVersion: 1, title: 't', datasources: [input] });
      return check.ok ? [] : check.problems;
    };
    expect(problems({ name: 'q', type: 'host', source: '' })).toEqual([{ path: 'datasources[0].source', message: 'must name the source the page registers, got an empty string' }]);
    expect(problems({ name: 'q', type: 'influx', url: 'http://x' })).toEqual([{ path: 'datasources[0].type', message: 'type must be "prometheus" (the default) or "host", got "influx"' }]);
  });

  it('has no Prometheus client, and says why', () => {
    const registry = new DatasourceRegistry({ datasources: board.datasources });
    expect(() => registry.client('quality')).toThrow('Datasource "quality" is the host app\'s source "dq", not a Prometheus');
    expect(registry.host('quality')).toEqual({ name: 'quality', type: 'host', source: 'dq' });
    expect(registry.host('prom')).toBeUndefined();
  });

  it('is exported to Grafana with a warning at its path', () => {
    const { warnings } = toGrafana(board);
    expect(warnings).toContainEqual(expect.objectContaining({ path: 'datasources[1]', message: expect.stringContaining('host app\'s source "dq"') }));
  });
});

describe('hostSourceOf', () => {
  const registry = new DatasourceRegistry({ datasources: board.datasources });

  it('prefers the dashboard\'s own source, then the registered one, and is undefined for Prometheus', () => {
    const own: HostSource = { query: () => [] };
    const page: HostSource = { query: () => [] };
    registerSource('dq', page);
    expect(hostSourceOf(registry, { dq: own })('quality')).toBe(own);
    expect(hostSourceOf(registry)('quality')).toBe(page);
    expect(hostSourceOf(registry)('prom')).toBeUndefined();
    expect(hostSourceOf(registry)('no such datasource')).toBeUndefined();
  });

  it('answers an unregistered name with a source that says what to register', async () => {
    const source = hostSourceOf(registry)('quality')!;
    expect(() => source.query({} as HostQuery)).toThrow('No host source is registered as "dq": call registerSource("dq", { query })');
  });

  it('refuses a registration without a query function', () => {
    expect(() => registerSource('dq', {} as HostSource)).toThrow('registerSource("dq") needs a source with a query(request) function.');
    expect(() => registerSource(' ', { query: () => [] })).toThrow('registerSource needs a name');
  });
});

describe('the query engine and a host source', () => {
  const registry = new DatasourceRegistry({ datasources: board.datasources });

  it('asks the source once for the visible targets, variables filled in, and draws its frames', async () => {
    const asked: HostQuery[] = [];
    const engine = new QueryEngine({
      client: noClient,
      source: hostSourceOf(registry, {
        dq: {
          query(request) {
            asked.push(request);
            return { A: [{ labels: { table: 'orders' }, timestamps: [RANGE.from, RANGE.from + 60_000], values: [1, 2] }] };
          },
        },
      }),
    });
    const result = await engine.run({ key: 'p1', datasource: 'quality', targets, range: RANGE, variables: { table: 'orders', env: { value: ['a', 'b'], text: ['A', 'B'], regex: true } }, maxDataPoints: 60 });
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ datasource: 'quality', range: RANGE, step: 60 });
    expect(asked[0]!.variables).toEqual({ table: 'orders', env: ['a', 'b'] });
    expect(asked[0]!.targets).toEqual([
      { refId: 'A', expr: 'rows{table="orders"} step=1m' },
      { refId: 'C', expr: 'nulls' },
    ]);
    expect(result.targets.map((t) => [t.refId, t.source, t.frames.length, t.error])).toEqual([
      ['A', 'host', 1, undefined],
      ['C', 'host', 0, undefined],
    ]);
    expect([...result.targets[0]!.frames[0]!.values]).toEqual([1, 2]);
    expect(engine.stats.requests).toBe(0);
  });

  it('aborts the superseded run\'s request, and gives each target the source\'s failure', async () => {
    const signals: AbortSignal[] = [];
    let fail = false;
    const engine = new QueryEngine({
      client: noClient,
      source: () => ({
        query: (request) =>
          new Promise((resolve, reject) => {
            signals.push(request.signal);
            if (fail) reject(new TypeError('the runs API answered 503'));
            else setTimeout(() => resolve([]), 50);
          }),
      }),
    });
    const first = engine.run({ key: 'p1', datasource: 'quality', targets, range: RANGE });
    const second = engine.run({ key: 'p1', datasource: 'quality', targets, range: RANGE });
    await expect(first).rejects.toMatchObject({ name: 'CanceledError' });
    expect(signals[0]!.aborted).toBe(true);
    await second;
    expect(signals[1]!.aborted).toBe(false);
    fail = true;
    const failed = await engine.run({ key: 'p1', datasource: 'quality', targets, range: RANGE });
    expect(failed.targets.map((t) => t.error?.message)).toEqual([
      'The host source of datasource "quality" failed: the runs API answered 503',
      'The host source of datasource "quality" failed: the runs API answered 503',
    ]);
  });

  it('shows frames a source cannot give as that target\'s problem', async () => {
    const engine = new QueryEngine({ client: noClient, source: () => ({ query: () => ({ A: [{ timestamps: [1], values: ['x'] } as never] }) }) });
    const result = await engine.run({ key: 'p1', datasource: 'quality', targets, range: RANGE });
    expect(result.targets[0]!.error?.message).toMatch(/frames/);
  });
});

describe('variables from a host source', () => {
  const registry = new DatasourceRegistry({ datasources: board.datasources });
  const context = { client: noClient, defaultDatasource: 'prom', range: RANGE };

  it('take the values the source lists for their query', async () => {
    const asked: unknown[] = [];
    const source = hostSourceOf(registry, { dq: { query: () => [], values: (request) => (asked.push(request), ['users', 'orders', 'users']) } });
    const resolved = await resolveVariables(board, { ...context, source });
    expect(resolved.get('table')).toMatchObject({ options: [{ text: 'users', value: 'users' }, { text: 'orders', value: 'orders' }], selected: ['users'] });
    expect(asked).toEqual([expect.objectContaining({ datasource: 'quality', variable: 'table', query: 'tables()', range: RANGE })]);
  });

  it('say so when the source cannot list values', async () => {
    const resolved = await resolveVariables(board, { ...context, source: hostSourceOf(registry, { dq: { query: () => [] } }) });
    expect(resolved.get('table')!.problem?.message).toBe(
      'Variable $table: the host source of datasource "quality" has no values(request) function, so it cannot list values. Add one to the source, or use a custom variable.',
    );
  });
});
