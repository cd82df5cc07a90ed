/** The query engine against the real Prometheus: incremental equality, sharing, superseding, limits. */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { PrometheusClient, QueryEngine, type PanelQuery } from '@promkit/core';
import { STEP, T0, valueOf } from '../harness/dataset.mjs';
import { plain, targets } from '../harness/frames.js';
import { startProxy } from '../harness/loopback.mjs';
import { refreshBackfilledHour } from '../harness/refresh.js';
import { EXEMPLAR_TRACE_ID, LIVE_INCREMENT } from '../harness/live-exporter.mjs';

const url = inject('prometheusUrl');
const servers: { stop(): Promise<void> }[] = [];
afterAll(() => Promise.all(servers.map((s) => s.stop())));

async function proxy(delayMs = 0) {
  const p = await startProxy({ upstream: url, delayMs });
  servers.push(p);
  return p;
}

describe('steps', () => {
  it("a min interval from a variable and Grafana's resolution 1/N set the step the server answers at", async () => {
    const prom = new PrometheusClient({ url });
    const engine = new QueryEngine({ client: () => prom });
    const result = await engine.run({
      key: 'steps',
      datasource: 'main',
      range: { from: T0 * 1000, to: (T0 + 3600) * 1000 },
      maxDataPoints: 240,
      variables: { resolution: '2m' },
      targets: targets(
        { refId: 'A', expr: 'promkit_temperature_celsius{room="lab"}', minInterval: '$resolution' },
        { refId: 'B', expr: 'promkit_temperature_celsius{room="lab"} + 0 * $__interval_ms', intervalFactor: 3 },
        { refId: 'C', expr: 'promkit_temperature_celsius{room="lab"}', minInterval: '$unknown' },
      ),
    });
    const [a, b, c] = result.targets;
    expect(a!.timing.step).toBe(120);
    expect(b!.timing.step).toBe(45);
    expect(b!.expr).toContain('0 * 45000');
    // A variable that does not resolve to a duration leaves the default floor, the scrape interval.
    expect(c!.timing.step).toBe(15);
    for (const t of [a!, b!]) {
      const stamps = [...t.frames[0]!.timestamps];
      expect(stamps.slice(1).map((ts, i) => ts - stamps[i]!)).toEqual(stamps.slice(1).map(() => t.timing.step * 1000));
      expect([...t.frames[0]!.values]).toEqual(stamps.map((ts) => valueOf('promkit_temperature_celsius', { room: 'lab' }, (ts / 1000 - T0) / STEP)));
    }
  });
});

describe('incremental refresh', () => {
  it('on the backfilled hour: tail fetch + merge equals a full refetch, sample for sample', async () => {
    const engine = await refreshBackfilledHour(new PrometheusClient({ url }), 60);
    expect(engine.stats.incremental).toBe(6);
  });

  it('while Prometheus scrapes: merged frames equal a full refetch of the same range', async () => {
    const prom = new PrometheusClient({ url });
    // Wait for a few seconds of live samples (Prometheus may have only just started).
    for (let tries = 0; tries < 100; tries++) {
      const r = await prom.query({ query: 'count_over_time(promkit_live_requests_total[1m]) >= 5' });
      if (r.resultType === 'vector' && r.result.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    let now = Date.now();
    // No overlap given: a plain Prometheus reads two scrape intervals (here 2 s) again.
    const engine = new QueryEngine({ client: () => prom, now: () => now, cacheTtl: 0 });
    const query = (): PanelQuery => ({
      key: 'live',
      datasource: 'main',
      live: true,
      range: { from: now - 60_000, to: now },
      scrapeInterval: 1,
      maxDataPoints: 1000,
      targets: targets(
        { refId: 'A', expr: 'promkit_live_requests_total' },
        { refId: 'B', expr: 'rate(prometheus_http_requests_total[5s])' },
      ),
    });
    await engine.run(query());
    await new Promise((r) => setTimeout(r, 3_000));
    // End 2 s in the past, so every sample up to the end has been scraped when we compare.
    now = Date.now() - 2_000;
    const refreshed = await engine.run(query());
    const full = await new QueryEngine({ client: () => prom, now: () => now }).run(query());
    for (const [i, target] of refreshed.targets.entries()) {
      expect(target.source).toBe('incremental');
      expect(target.fetched!.start).toBeGreaterThanOrEqual(target.timing.end - 3 - 2 * target.timing.step - 2);
      expect(target.frames.length).toBeGreaterThan(0);
      expect(plain(target.frames)).toEqual(plain(full.targets[i]!.frames));
    }
    // The live counter grew between the two runs: new samples really arrived.
    const counter = refreshed.targets[0]!.frames[0]!;
    expect(counter.values.at(-1)!).toBeGreaterThan(counter.values[0]!);
  });
});

describe('sharing and caching', () => {
  it('identical targets of two panels share one request; a repeat within the TTL is served from cache', async () => {
    const p = await proxy(100);
    const prom = new PrometheusClient({ url: p.url });
    const engine = new QueryEngine({ client: () => prom, cacheTtl: 60_000 });
    const panel = (key: string): PanelQuery => ({
      key,
      datasource: 'main',
      range: { from: T0 * 1000, to: (T0 + 600) * 1000 },
      targets: targets({ refId: 'A', expr: 'promkit_temperature_celsius{room="lab"}' }),
    });
    const [a, b] = await Promise.all([engine.run(panel('a')), engine.run(panel('b'))]);
    expect(p.requests).toHaveLength(1);
    expect([a.targets[0]!.source, b.targets[0]!.source].sort()).toEqual(['network', 'shared']);
    expect(plain(a.targets[0]!.frames)).toEqual(plain(b.targets[0]!.frames));
    const again = await engine.run(panel('c'));
    expect(again.targets[0]!.source).toBe('cache');
    expect(p.requests).toHaveLength(1);
    expect(engine.stats).toMatchObject({ requests: 1, shared: 1, cached: 1 });
    // A refresh a person asked for goes to the server, though the answer is still fresh.
    const fresh = await engine.run({ ...panel('d'), fresh: true });
    expect(fresh.targets[0]!.source).toBe('network');
    expect(p.requests).toHaveLength(2);
  });
});

describe('superseding, limits and failures', () => {
  it('a newer run for the same panel aborts the older one', async () => {
    const p = await proxy(300);
    const prom = new PrometheusClient({ url: p.url });
    const engine = new QueryEngine({ client: () => prom });
    const run = (expr: string) =>
      engine.run({ key: 'panel-1', datasource: 'main', range: { from: T0 * 1000, to: (T0 + 600) * 1000 }, targets: targets({ refId: 'A', expr }) });
    const older = run('promkit_combo{a="a1"}');
    await new Promise((r) => setTimeout(r, 50));
    const newer = run('promkit_combo{a="a2"}');
    await expect(older).rejects.toMatchObject({ name: 'CanceledError', message: 'Superseded by a newer query for panel "panel-1".' });
    const result = await newer;
    expect(result.targets[0]!.frames).toHaveLength(10);
  });

  it('a newer run of the same query does not inherit the aborted request of the older one', async () => {
    const p = await proxy(200);
    const engine = new QueryEngine({ client: () => new PrometheusClient({ url: p.url }), cacheTtl: 0 });
    const run = () =>
      engine.run({ key: 'same', datasource: 'main', range: { from: T0 * 1000, to: (T0 + 600) * 1000 }, targets: targets({ refId: 'A', expr: 'promkit_combo{a="a3"}' }) });
    const older = run();
    const newer = run();
    await expect(older).rejects.toMatchObject({ name: 'CanceledError' });
    const result = await newer;
    expect(result.targets[0]!.error).toBeUndefined();
    expect(result.targets[0]!.frames).toHaveLength(10);
  });

  it('an aborted signal cancels the run', async () => {
    const p = await proxy(300);
    const engine = new QueryEngine({ client: () => new PrometheusClient({ url: p.url }) });
    const controller = new AbortController();
    const run = engine.run({
      key: 'x',
      datasource: 'main',
      range: { from: T0 * 1000, to: (T0 + 600) * 1000 },
      targets: targets({ refId: 'A', expr: 'up' }),
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    await expect(run).rejects.toMatchObject({ name: 'CanceledError' });
  });

  it('never more requests in flight per datasource than the limit', async () => {
    const p = await proxy(150);
    const prom = new PrometheusClient({ url: p.url });
    const engine = new QueryEngine({ client: () => prom, concurrency: 2 });
    const panels = Array.from({ length: 6 }, (_, i) =>
      engine.run({
        key: `p${i}`,
        datasource: 'main',
        range: { from: T0 * 1000, to: (T0 + 600) * 1000 },
        targets: targets({ refId: 'A', expr: `promkit_combo{a="a${i}", b="b0"}` }),
      }),
    );
    const results = await Promise.all(panels);
    expect(results.map((r) => r.targets[0]!.frames[0]!.values[0])).toEqual([0, 10, 20, 30, 40, 50]);
    expect(p.requests).toHaveLength(6);
    expect(p.load.maxInFlight).toBe(2);
  });

  it('one failing target gets its own error; the others keep their data; hidden targets are not sent', async () => {
    const p = await proxy();
    const engine = new QueryEngine({ client: () => new PrometheusClient({ url: p.url }) });
    const result = await engine.run({
      key: 'mixed',
      datasource: 'main',
      range: { from: T0 * 1000, to: (T0 + 600) * 1000 },
      targets: targets(
        { refId: 'bad', expr: 'sum(rate(x[5m]' },
        { refId: 'fails', expr: 'promkit_combo / on() promkit_combo', instant: true },
        { refId: 'good', expr: 'promkit_temperature_celsius{room="office"}', instant: true },
        { refId: 'hidden', expr: 'up', hide: true },
      ),
    });
    const [bad, fails, good] = result.targets;
    expect(result.targets.map((t) => t.refId)).toEqual(['bad', 'fails', 'good']);
    expect(bad!.error).toMatchObject({ name: 'QueryParseError', position: { line: 1, column: 15 } });
    expect(fails!.error).toMatchObject({ name: 'PrometheusApiError', errorType: 'execution' });
    expect(good!.error).toBeUndefined();
    // Instant at the aligned end of the range: T0 + 600 is on the 15 s grid.
    expect([...good!.frames[0]!.values]).toEqual([valueOf('promkit_temperature_celsius', { room: 'office' }, 600 / STEP)]);
    // The parse error never reached the server.
    expect(p.requests.map((r) => new URLSearchParams(r.body).get('query'))).not.toContain('sum(rate(x[5m]');
    expect(p.requests).toHaveLength(2);
  });

  it('interpolates dashboard variables and built-ins before sending', async () => {
    const engine = new QueryEngine({ client: () => new PrometheusClient({ url }) });
    const result = await engine.run({
      key: 'vars',
      datasource: 'main',
      range: { from: T0 * 1000, to: (T0 + 3600) * 1000 },
      maxDataPoints: 120,
      variables: { room: { value: ['lab', 'office'], regex: true } },
      targets: targets({ refId: 'A', expr: 'avg_over_time(promkit_temperature_celsius{room=~"$room"}[$__interval])' }),
    });
    const target = result.targets[0]!;
    expect(target.expr).toBe('avg_over_time(promkit_temperature_celsius{room=~"(lab|office)"}[30s])');
    expect(target.timing.step).toBe(30);
    expect(target.frames.map((f) => f.labels['room'])).toEqual(['lab', 'office']);
  });
});

describe('instant targets', () => {
  it('are evaluated at the range end itself, however coarse the range step', async () => {
    const prom = new PrometheusClient({ url });
    const engine = new QueryEngine({ client: () => prom });
    // A 7-day range over a 10-point panel: a step of hours. The last sample sits 7 s before the end.
    const end = T0 + 3600 + 7;
    const run = await engine.run({
      key: 'stat',
      datasource: 'main',
      range: { from: (end - 7 * 86_400) * 1000, to: end * 1000 },
      maxDataPoints: 10,
      targets: targets({ refId: 'A', expr: 'promkit_temperature_celsius{room="lab"}', instant: true }),
    });
    const target = run.targets[0]!;
    expect(target.timing.end).toBeLessThan(end - 3600);
    expect(target.fetched).toEqual({ start: end, end });
    expect([...target.frames[0]!.timestamps]).toEqual([end * 1000]);
    expect([...target.frames[0]!.values]).toEqual([valueOf('promkit_temperature_celsius', { room: 'lab' }, 240)]);
  });
});

describe('alerts', () => {
  it("alert lists ask the real Prometheus for its active alerts: panels asking at once share one request, a refresh asked for sends another", async () => {
    const hop = await proxy(50);
    const prom = new PrometheusClient({ url: hop.url });
    const engine = new QueryEngine({ client: () => prom });
    let alerts = await engine.alerts({ datasource: 'main' });
    for (let tries = 0; tries < 100 && !alerts.some((a) => a.labels['alertname'] === 'PromkitAlwaysFiring' && a.state === 'firing'); tries++) {
      await new Promise((r) => setTimeout(r, 200));
      alerts = await engine.alerts({ datasource: 'main', fresh: true });
    }
    expect(alerts.find((a) => a.labels['alertname'] === 'PromkitAlwaysFiring')).toMatchObject({ state: 'firing', labels: { severity: 'info' }, annotations: { summary: 'Fires on every evaluation, for tests.' } });
    const before = hop.requests.filter((r) => r.path.startsWith('/api/v1/alerts')).length;
    const [a, b] = await Promise.all([engine.alerts({ datasource: 'main', fresh: true }), engine.alerts({ datasource: 'main', fresh: true })]);
    expect(a).toBe(b);
    expect(hop.requests.filter((r) => r.path.startsWith('/api/v1/alerts')).length - before).toBe(1);
    await engine.alerts({ datasource: 'main' });
    expect(hop.requests.filter((r) => r.path.startsWith('/api/v1/alerts')).length - before, 'a fresh answer is reused').toBe(1);
    await engine.alerts({ datasource: 'main', fresh: true });
    expect(hop.requests.filter((r) => r.path.startsWith('/api/v1/alerts')).length - before).toBe(2);
  });

  it('a host datasource has no alerts: that is an error naming it and what to do', async () => {
    const engine = new QueryEngine({ client: () => new PrometheusClient({ url }), source: () => ({ query: () => ({}) }) });
    await expect(engine.alerts({ datasource: 'pipeline' })).rejects.toThrow('Datasource "pipeline" is fed by the host app, which has no alerts: point the alert list at a Prometheus datasource.');
  });
});

describe('exemplars', () => {
  it('a range target with exemplar gets the exemplars of the series it reads from the real Prometheus, each at its time and value; without it, none are asked for', async () => {
    const hop = await proxy();
    const engine = new QueryEngine({ client: () => new PrometheusClient({ url: hop.url }) });
    const run = (exemplar: boolean, key: string) =>
      engine.run({ key, datasource: 'main', range: { from: Date.now() - 600_000, to: Date.now() }, live: true, maxDataPoints: 100, fresh: true, targets: targets({ refId: 'A', expr: 'rate(promkit_live_requests_total[1m])', exemplar }) });
    let result = await run(true, 'exemplars');
    for (let tries = 0; tries < 100 && !result.targets[0]!.exemplars?.length; tries++) {
      await new Promise((r) => setTimeout(r, 200));
      result = await run(true, 'exemplars');
    }
    const [target] = result.targets;
    expect(target!.error).toBeUndefined();
    expect(target!.exemplars!.length).toBeGreaterThan(0);
    const exemplar = target!.exemplars![0]!;
    expect(exemplar.labels).toEqual({ trace_id: EXEMPLAR_TRACE_ID });
    expect(exemplar.value).toBe(LIVE_INCREMENT);
    expect(exemplar.seriesLabels).toMatchObject({ __name__: 'promkit_live_requests_total', job: 'live' });
    expect(exemplar.time).toBeGreaterThan(Date.now() - 600_000);
    expect(hop.requests.some((r) => r.path.startsWith('/api/v1/query_exemplars'))).toBe(true);
    const asked = hop.requests.length;
    expect((await run(false, 'no-exemplars')).targets[0]!.exemplars).toBeUndefined();
    expect(hop.requests.slice(asked).some((r) => r.path.startsWith('/api/v1/query_exemplars'))).toBe(false);
  });

  it('exemplars that cannot be loaded leave the chart data and say why in a warning', async () => {
    const prom = new PrometheusClient({ url, retries: 0, fetch: (input, init) => ((input instanceof Request ? input.url : String(input)).includes('query_exemplars') ? Promise.resolve(new Response('nope', { status: 500 })) : fetch(input, init)) });
    const engine = new QueryEngine({ client: () => prom });
    const result = await engine.run({ key: 'x', datasource: 'main', range: { from: T0 * 1000, to: (T0 + 3600) * 1000 }, maxDataPoints: 60, targets: targets({ refId: 'A', expr: 'promkit_temperature_celsius', exemplar: true }) });
    expect(result.targets[0]!.frames.length).toBeGreaterThan(0);
    expect(result.targets[0]!.exemplars).toEqual([]);
    expect(result.targets[0]!.warnings.some((w) => w.startsWith('Exemplars could not be loaded: '))).toBe(true);
  });
});
