/**
 * The template families against real targets: Debian's node_exporter on this machine, the demo's
 * prom-client exporter for HTTP, and Prometheus itself, all scraped every second by a real
 * Prometheus. Each family's dashboard resolves its variables as a dashboard does, and every
 * target of every panel returns data.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrometheusClient, builtinVariables, computeTiming, interpolate, parseDashboard, resolveVariables, valuesOf } from '@promkit/core';
import { TEMPLATE_FAMILIES, type TemplateFamily, type TemplateParams } from '@promkit/core/templates';
import { launchPrometheus } from '../harness/prometheus.mjs';
import { startNodeExporter } from '../harness/node-exporter.mjs';
import { startDemoExporter } from '../../examples/demo/exporter.mjs';

/** The parameters each family is run with here (the demo's HTTP metrics are demo_http_*, job demo). */
const PARAMS: Record<string, TemplateParams> = { node: { job: 'node' }, http: { prefix: 'demo_http', job: 'demo', status: 'status' }, prometheus: { job: 'prometheus' } };

const cleanups: (() => Promise<unknown>)[] = [];
let client: PrometheusClient;

beforeAll(async () => {
  const node = await startNodeExporter();
  cleanups.push(node.stop);
  const demo = await startDemoExporter();
  cleanups.push(demo.stop);
  const dataDir = await mkdtemp(join(tmpdir(), 'promkit-templates-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const prometheus = await launchPrometheus({
    dataDir,
    rules: { groups: [] },
    config: (port) => ({
      global: { scrape_interval: '1s', evaluation_interval: '1s' },
      scrape_configs: [
        { job_name: 'prometheus', static_configs: [{ targets: [`127.0.0.1:${port}`] }] },
        { job_name: 'node', static_configs: [{ targets: [node.host] }] },
        { job_name: 'demo', static_configs: [{ targets: [demo.host] }] },
      ],
    }),
  });
  cleanups.push(prometheus.kill);
  client = new PrometheusClient({ url: prometheus.url });
  // Rates need two samples inside the window: wait for a few scrapes of every job.
  for (let i = 0; i < 100; i++) {
    const up = await client.query({ query: 'count_over_time(up[1m]) >= 4' });
    if (up.resultType === 'vector' && up.result.length === 3) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('Prometheus did not scrape node_exporter, the demo exporter and itself four times');
}, 60_000);

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Every target of the family's dashboard, as a dashboard would send it, with what came back. */
async function runFamily(family: TemplateFamily): Promise<{ panel: string; expr: string; series: number }[]> {
  const dashboard = parseDashboard(family.dashboard(PARAMS[family.id]));
  const now = Date.now();
  const range = { from: now - 60_000, to: now };
  const resolved = await resolveVariables(dashboard, { client: () => client, defaultDatasource: 'default', range });
  for (const [name, v] of resolved) expect(v.problem, `$${name}`).toBeUndefined();
  const timing = computeTiming({ range, maxDataPoints: 200, scrapeInterval: 1 });
  const values = { ...valuesOf(resolved), ...builtinVariables(timing) };
  const out = [];
  for (const panel of dashboard.panels) {
    if (!('targets' in panel)) continue;
    for (const target of panel.targets) {
      const expr = interpolate(target.expr, values);
      const answer = await client.queryRangeFrames({ query: expr, start: timing.start, end: timing.end, step: timing.step });
      out.push({ panel: panel.title, expr, series: answer.frames.filter((f) => f.values.some((v) => Number.isFinite(v))).length });
    }
  }
  return out;
}

describe('template families against real targets', () => {
  for (const family of TEMPLATE_FAMILIES) {
    it(`${family.id}: every target of every panel returns data`, async () => {
      const results = await runFamily(family);
      expect(results.length).toBeGreaterThanOrEqual(family.panels.length);
      expect(results.filter((r) => r.series === 0).map((r) => `${r.panel}: ${r.expr}`)).toEqual([]);
    }, 30_000);
  }

  it('node: the host variable finds this machine\'s node_exporter, and a host picked narrows every query to it', async () => {
    const family = TEMPLATE_FAMILIES.find((f) => f.id === 'node')!;
    const dashboard = parseDashboard(family.dashboard(PARAMS['node']));
    const now = Date.now();
    const resolved = await resolveVariables(dashboard, { client: () => client, defaultDatasource: 'default', range: { from: now - 60_000, to: now } });
    const host = resolved.get('instance')!;
    expect(host.options.map((o) => o.value)).toHaveLength(1);
    const picked = host.options[0]!.value;
    const cpu = dashboard.panels.find((p) => p.title === 'CPU busy')! as { targets: { expr: string }[] };
    const answer = await client.query({ query: interpolate(cpu.targets[0]!.expr, { instance: picked, __rate_interval: '4s' }) });
    if (answer.resultType !== 'vector') throw new Error(`expected a vector, got ${answer.resultType}`);
    expect(answer.result.map((r) => r.metric['instance'])).toEqual([picked]);
    const busy = Number(answer.result[0]!.value![1]);
    expect(busy).toBeGreaterThanOrEqual(0);
    expect(busy).toBeLessThanOrEqual(1);
  });
});
