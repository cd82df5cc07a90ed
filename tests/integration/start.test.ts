/** `npm start`: the demo's Prometheus, exporter, pages, proxy and catalog, and Ctrl-C stops it all. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { HISTORY_SPAN } from '../../examples/demo/history.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** One instant query through the demo's own proxy. */
async function query(site: string, expr: string, time?: number) {
  const params = new URLSearchParams({ query: expr, ...(time ? { time: String(time) } : {}) });
  const answer = (await (await fetch(`${site}/prometheus/api/v1/query?${params}`)).json()) as {
    status: string;
    data: { result: { metric: Record<string, string>; value: [number, string] }[] };
  };
  expect(answer.status).toBe('success');
  return answer.data.result;
}

it('serves the demo pages and catalog over seven days of history and live scraping, and stops everything on SIGINT', async () => {
  const child = spawn('node', ['scripts/start.mjs'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  const deadline = Date.now() + 110_000;
  while (!output.includes('Ctrl-C stops everything') && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const urls = Object.fromEntries(
    ['App overview', 'Pipeline', 'Hosts', 'Plain HTML page', 'Catalog', 'Prometheus'].map((name) => [name, new RegExp(`${name}\\s+(http\\S+)`).exec(output)?.[1]]),
  );
  for (const [name, url] of Object.entries(urls)) expect(url, `${name} in:\n${output}`).toBeDefined();

  const site = new URL(urls['App overview']!).origin;
  for (const name of ['App overview', 'Pipeline', 'Hosts', 'Plain HTML page', 'Catalog']) {
    const page = await fetch(urls[name]!);
    expect(page.status, name).toBe(200);
    expect(page.headers.get('content-type'), name).toContain('text/html');
  }
  for (const path of ['/packages/elements/dist/promkit.min.js', '/examples/dashboards/app-overview.json', '/examples/dashboards/hosts.json', '/storybook-static/index.json']) {
    expect((await fetch(site + path)).status, path).toBe(200);
  }
  for (const path of ['/%2e%2e/%2e%2e/etc/passwd', '/node_modules/lit/package.json']) {
    expect((await fetch(site + path)).status, path).toBe(404);
  }
  // The proxy forwards reads only.
  expect((await fetch(`${site}/prometheus/api/v1/admin/tsdb/snapshot`, { method: 'POST' })).status).toBe(403);

  // History reaches back seven days, for the shop, the pipeline, the rigs and the hosts.
  const now = Math.floor(Date.now() / 1000);
  const weekAgo = now - HISTORY_SPAN + 3600;
  for (const metric of ['demo_http_requests_total', 'demo_pipeline_lag_seconds', 'demo_device_power_watts', 'node_cpu_seconds_total']) {
    expect((await query(site, `count(${metric})`, weekAgo))[0]?.value[1], metric).toMatch(/^[1-9]/);
  }
  // The exporter is scraped live (every 5 s) and its samples continue the backfilled series.
  let live: Awaited<ReturnType<typeof query>> = [];
  for (let tries = 0; tries < 60 && live.length === 0; tries++) {
    live = await query(site, 'up{job="demo"} == 1');
    if (live.length === 0) await new Promise((r) => setTimeout(r, 500));
  }
  expect(live.map((s) => s.metric['instance'])).toEqual(['demo-app']);
  const routes = await query(site, 'count by (route) (demo_http_requests_total{instance="demo-app"})', weekAgo);
  expect(routes.map((s) => s.metric['route']).sort()).toEqual(['/api/login', '/api/orders', '/api/products', '/api/users/:id', '/healthz']);
  expect(await query(site, 'process_resident_memory_bytes{job="demo"}')).toHaveLength(1);
  // Across the junction of history and live samples the request rate runs on (no dip): the
  // exporter counted what happened between the end of the history and its start.
  await new Promise((r) => setTimeout(r, 11_000));
  const rateAt = async (time: number) => Number((await query(site, 'sum(rate(demo_http_requests_total[1m]))', time))[0]?.value[1]);
  const ratio = (await rateAt(Math.floor(Date.now() / 1000))) / (await rateAt(now - 300));
  expect(ratio).toBeGreaterThan(0.75);
  expect(ratio).toBeLessThan(1.33);

  const prometheus = urls['Prometheus']!;
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  expect(await exited).toBe(0);
  expect(output).toContain('promkit demo stopped.');
  await expect(fetch(`${prometheus}/-/ready`)).rejects.toThrow();
  await expect(fetch(site)).rejects.toThrow();
}, 150_000);
