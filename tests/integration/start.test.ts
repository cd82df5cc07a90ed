/**
 * `npm start`: the demo's Prometheus, exporter, pages, proxy and catalog; Ctrl-C, SIGTERM or SIGHUP
 * to npm stops it all, and a kill -9 of the demo takes Prometheus down with it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from 'puppeteer-core';
import { afterEach, expect, it } from 'vitest';
import { HISTORY_SPAN } from '../../examples/demo/history.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/chromium.mjs';

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

/** A process as /proc shows it: gone once it has exited (a zombie counts as gone). */
function proc(pid: number): { ppid: number; command: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (state === 'Z' || state === 'X') return undefined;
    return { ppid: Number(ppid), command: readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ') };
  } catch {
    return undefined;
  }
}

/** Every live process below `pid`. */
function descendants(pid: number): { pid: number; command: string }[] {
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      const found = proc(Number(name));
      return found ? [{ pid: Number(name), ...found }] : [];
    });
  const below: { pid: number; command: string }[] = [];
  const walk = (parent: number) => {
    for (const p of all.filter((q) => q.ppid === parent)) {
      below.push(p);
      walk(p.pid);
    }
  };
  walk(pid);
  return below;
}

/** Polls `done` every 100 ms until it holds or `ms` have passed; returns whether it held. */
async function until(done: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

/** Whether anything still answers HTTP at `url`. */
const answers = (url: string) =>
  fetch(url, { signal: AbortSignal.timeout(5_000) }).then(
    () => true,
    () => false,
  );

interface Demo {
  child: ChildProcess;
  output: () => string;
  /** URL of a page, by its name in the banner. */
  urls: Record<string, string | undefined>;
  site: string;
  prometheus: string;
  exporter: string;
  /** The pids of node scripts/start.mjs and of the Prometheus it started. */
  startPid: number;
  prometheusPid: number;
  /** Prometheus' temp data dir. */
  dataDir: string;
}

const started: Demo[] = [];

/** Runs the demo as `npm start` or as `node scripts/start.mjs` and waits for its banner. */
async function startDemo(how: 'npm' | 'node', saves?: string): Promise<Demo> {
  // Each demo keeps the dashboard service's data in a folder of its own (PGlite is one process's).
  // The data-quality example keeps its database beside the folder, so the folder is one inside a temp dir.
  const env = { ...process.env, PROMKIT_DATA_DIR: saves ?? join(await mkdtemp(join(tmpdir(), 'promkit-demo-saves-')), 'dashboards') };
  const options = { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] as ('ignore' | 'pipe')[], env };
  const child = how === 'npm' ? spawn('npm', ['start'], options) : spawn('node', ['scripts/start.mjs'], options);
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  await until(() => output.includes('Ctrl-C stops everything') || child.exitCode !== null, 110_000);
  const urls = Object.fromEntries(
    ['App overview', 'Pipeline', 'Hosts', 'Plain HTML page', 'Builder', 'Data quality', 'Catalog', 'Prometheus'].map((name) => [name, new RegExp(`${name}\\s+(http\\S+)`).exec(output)?.[1]]),
  );
  const below = descendants(child.pid!);
  const startPid = how === 'node' ? child.pid! : below.find((p) => p.command.startsWith('node scripts/start.mjs'))?.pid;
  const prometheus = below.find((p) => p.command.startsWith('prometheus '));
  const dataDir = dirname(/--storage\.tsdb\.path=(\S+)/.exec(prometheus?.command ?? '')?.[1] ?? '.');
  const demo: Demo = { child, output: () => output, urls, site: '', prometheus: urls['Prometheus'] ?? '', exporter: '', startPid: startPid ?? 0, prometheusPid: prometheus?.pid ?? 0, dataDir };
  started.push(demo);
  for (const [name, url] of Object.entries(urls)) expect(url, `${name} in:\n${output}`).toBeDefined();
  expect(startPid, JSON.stringify(below)).toBeDefined();
  expect(prometheus, JSON.stringify(below)).toBeDefined();
  demo.site = new URL(urls['App overview']!).origin;
  demo.exporter = /Demo exporter\s+(http\S+)/.exec(output)?.[1] ?? '';
  expect(demo.exporter).toMatch(/^http:/);
  return demo;
}

/** Asserts that the demo's processes have exited and its three ports no longer answer. */
async function expectAllGone(demo: Demo) {
  // A bounded wait, not a timing assertion: the processes stop on their own, the deadline only
  // keeps a failing run from hanging.
  await until(() => !proc(demo.startPid) && !proc(demo.prometheusPid), 20_000);
  expect(proc(demo.startPid), `node scripts/start.mjs (pid ${demo.startPid}) still runs`).toBeUndefined();
  expect(proc(demo.prometheusPid), `prometheus (pid ${demo.prometheusPid}) still runs`).toBeUndefined();
  for (const url of [`${demo.prometheus}/-/ready`, demo.exporter, demo.site]) expect(await answers(url), url).toBe(false);
}

/** Relative luminance (0 black … 1 white) of a CSS `rgb()`/`rgba()` colour. */
function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = (/rgba?\(([^)]*)\)/.exec(color)?.[1] ?? '').split(',').map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

/**
 * Opens the demo pages in Chromium in the dark and the light colour scheme, as a person would:
 * no request fails (the favicon included), and the page's own background, which fills the window
 * below a short dashboard, follows the scheme. Screenshots go to test-output/screenshots/.
 */
async function checkPagesInBrowser(demo: Demo) {
  const shots = `${root}/test-output/screenshots`;
  await mkdir(shots, { recursive: true });
  const browser = await launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, defaultViewport: { width: 1280, height: 1800 } });
  try {
    const page = await browser.newPage();
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error') failed.push(`console: ${m.text()}`);
    });
    for (const scheme of ['dark', 'light'] as const) {
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      for (const [name, file] of [['App overview', 'app-overview'], ['Pipeline', 'pipeline'], ['Plain HTML page', 'plain-html'], ['Builder', 'builder']] as const) {
        await page.goto(demo.urls[name]!, { waitUntil: 'networkidle0' });
        const { canvas, icon } = await page.evaluate(async () => {
          // CSS paints the root element's background over the whole window, else the body's, else
          // the browser's own canvas colour for the page's color-scheme.
          const probe = document.createElement('div');
          probe.style.background = 'Canvas';
          document.documentElement.append(probe);
          const canvas = [document.documentElement, document.body, probe].map((e) => getComputedStyle(e).backgroundColor).find((c) => c !== 'rgba(0, 0, 0, 0)');
          probe.remove();
          const link = document.querySelector<HTMLLinkElement>('link[rel~="icon"]');
          return {
            canvas: canvas ?? '',
            icon: link ? `${(await fetch(link.href)).status} ${link.href}` : 'no <link rel="icon">',
          };
        });
        await page.screenshot({ path: `${shots}/demo-${file}-${scheme}.png` });
        expect(icon, `${name}: favicon`).toMatch(/^200 /);
        if (scheme === 'dark') expect(luminance(canvas), `${name}: background ${canvas} in dark mode`).toBeLessThan(0.2);
        else expect(luminance(canvas), `${name}: background ${canvas} in light mode`).toBeGreaterThan(0.8);
      }
    }
    expect(failed).toEqual([]);
  } finally {
    await browser.close();
  }
  // Pages without a <link rel="icon"> get one too (browsers ask /favicon.ico).
  const ico = await fetch(`${demo.site}/favicon.ico`);
  expect(ico.status).toBe(200);
  expect(ico.headers.get('content-type')).toContain('image/svg+xml');
}

// Whatever a test left running (it failed), by pid: the demo first, so nothing restarts, then Prometheus.
afterEach(async () => {
  for (const demo of started.splice(0)) {
    for (const pid of [demo.child.pid!, demo.startPid]) if (pid && proc(pid)) process.kill(pid, 'SIGKILL');
    if (demo.prometheusPid && proc(demo.prometheusPid)) process.kill(demo.prometheusPid, 'SIGTERM');
    await until(() => !proc(demo.prometheusPid), 10_000);
    if (/promkit-demo-/.test(demo.dataDir)) await rm(demo.dataDir, { recursive: true, force: true });
  }
});

it('serves the demo pages and catalog over seven days of history and live scraping, and stops everything on SIGINT', async () => {
  const demo = await startDemo('node');
  const { child, urls, site } = demo;
  for (const name of ['App overview', 'Pipeline', 'Hosts', 'Plain HTML page', 'Builder', 'Data quality', 'Catalog']) {
    const page = await fetch(urls[name]!);
    expect(page.status, name).toBe(200);
    expect(page.headers.get('content-type'), name).toContain('text/html');
  }
  for (const path of ['/packages/elements/dist/promkit.min.js', '/packages/elements/dist/promkit-builder.min.js', '/examples/dashboards/app-overview.json', '/examples/dashboards/hosts.json', '/storybook-static/index.json']) {
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
  // This machine's real node_exporter is scraped as the host "this-machine", beside the simulated ones.
  let machine: Awaited<ReturnType<typeof query>> = [];
  for (let tries = 0; tries < 60 && machine.length === 0; tries++) {
    machine = await query(site, 'node_uname_info{job="node", instance="this-machine"}');
    if (machine.length === 0) await new Promise((r) => setTimeout(r, 500));
  }
  expect(machine).toHaveLength(1);
  expect(demo.output()).toMatch(/Node exporter\s+http:\/\/127\.0\.0\.1:\d+/);
  const routes = await query(site, 'count by (route) (demo_http_requests_total{instance="demo-app"})', weekAgo);
  expect(routes.map((s) => s.metric['route']).sort()).toEqual(['/api/login', '/api/orders', '/api/products', '/api/users/:id', '/healthz']);
  expect(await query(site, 'process_resident_memory_bytes{job="demo"}')).toHaveLength(1);
  // The data-quality example's own metrics are scraped too.
  let quality: Awaited<ReturnType<typeof query>> = [];
  for (let tries = 0; tries < 60 && quality.length === 0; tries++) {
    quality = await query(site, 'up{job="data-quality"} == 1');
    if (quality.length === 0) await new Promise((r) => setTimeout(r, 500));
  }
  expect(quality).toHaveLength(1);
  // Across the junction of history and live samples the request rate runs on (no dip): the
  // exporter counted what happened between the end of the history and its start.
  const junctionPassed = new Promise((r) => setTimeout(r, 11_000));
  // Meanwhile, the pages in a browser.
  await checkPagesInBrowser(demo);
  await junctionPassed;
  const rateAt = async (time: number) => Number((await query(site, 'sum(rate(demo_http_requests_total[1m]))', time))[0]?.value[1]);
  const ratio = (await rateAt(Math.floor(Date.now() / 1000))) / (await rateAt(now - 300));
  expect(ratio).toBeGreaterThan(0.75);
  expect(ratio).toBeLessThan(1.33);

  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  expect(await exited).toBe(0);
  expect(demo.output()).toContain('promkit demo stopped.');
  await expectAllGone(demo);
}, 150_000);

// What an IDE's stop button or a supervisor sends to `npm start`: npm passes SIGINT and SIGTERM on
// to the shell it runs the script in, and dies of SIGHUP itself.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  it(`stops Prometheus, the exporter and the site when npm start gets ${signal}`, async () => {
    const demo = await startDemo('npm');
    expect(await answers(demo.exporter)).toBe(true);
    const npmExited = new Promise((resolve) => demo.child.once('exit', resolve));
    process.kill(demo.child.pid!, signal);
    await npmExited;
    await expectAllGone(demo);
  }, 60_000);
}

it('serves the dashboard service at /api with the demo datasource, and what is saved there is found again after a restart', async () => {
  const savesRoot = await mkdtemp(join(tmpdir(), 'promkit-demo-saves-'));
  const saves = join(savesRoot, 'dashboards');
  try {
    const first = await startDemo('node', saves);
    // The data-quality example seeds its database once; a run recorded now is there after the restart.
    const seeded = ((await (await fetch(`${first.site}/dq/runs`)).json()) as unknown[]).length;
    expect(seeded).toBeGreaterThan(60);
    const run = await fetch(`${first.site}/dq/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ dataset: 'orders', rows: 1234, durationMs: 900 }) });
    expect(run.status).toBe(201);
    const { id: runId } = (await run.json()) as { id: number };
    const datasources = (await (await fetch(`${first.site}/api/datasources`)).json()) as { datasources: { name: string; default: boolean; datasource: { url: string } }[] };
    expect(datasources.datasources.map((d) => [d.name, d.default, d.datasource.url])).toEqual([['demo', true, '/prometheus']]);
    const sent = { uid: 'kept', title: 'Kept across restarts', schemaVersion: 1, panels: [] };
    const created = await fetch(`${first.site}/api/dashboards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ dashboard: sent }) });
    expect(created.status).toBe(201);
    const stopped = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGINT');
    await stopped;
    await expectAllGone(first);

    const second = await startDemo('node', saves);
    const read = (await (await fetch(`${second.site}/api/dashboards/kept`)).json()) as { version: number; dashboard: unknown };
    const runs = (await (await fetch(`${second.site}/dq/runs`)).json()) as { id: number; rows: number }[];
    expect(runs.find((r) => r.id === runId)).toMatchObject({ rows: 1234 });
    expect(runs.length, 'not seeded again').toBeLessThan(seeded + 40);
    expect(read).toMatchObject({ version: 1, dashboard: sent });
    // Seeded once: the datasource is not added again.
    expect(((await (await fetch(`${second.site}/api/datasources`)).json()) as { datasources: unknown[] }).datasources).toHaveLength(1);
    const again = new Promise((resolve) => second.child.once('exit', resolve));
    second.child.kill('SIGINT');
    await again;
    await expectAllGone(second);
  } finally {
    await rm(savesRoot, { recursive: true, force: true });
  }
}, 150_000);

it('takes Prometheus and the exporter down when the demo itself is killed with SIGKILL', async () => {
  const demo = await startDemo('node');
  expect(await answers(demo.exporter)).toBe(true);
  process.kill(demo.startPid, 'SIGKILL');
  await expectAllGone(demo);
}, 60_000);
