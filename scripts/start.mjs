// @ts-check
/**
 * `npm start`: the demo. Installs what is missing, builds the packages and the catalog if needed,
 * starts a real Prometheus with seven days of backfilled history and the demo exporter scraped
 * live, serves the example pages and the catalog with a Prometheus proxy at /prometheus, and
 * prints their addresses. SIGINT (Ctrl-C), SIGTERM or SIGHUP, or the death of the process that
 * started it, stops everything it started; see examples/demo/prometheus.mjs for a kill -9.
 * With PROMKIT_PROMETHEUS_URL set, the proxy points at that Prometheus and none is started. The
 * dashboard service at /api keeps the Builder page's saves in .promkit-data/ (PROMKIT_DATA_DIR), and
 * the data-quality example at /dq its runs and drift events beside them.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ensureNodeModules, ensureSystemParts, run } from './ensure.mjs';

ensureNodeModules();
const own = process.env.PROMKIT_PROMETHEUS_URL;
if (!own) ensureSystemParts();
if (!['packages/elements/dist/promkit.min.js', 'packages/elements/dist/promkit-builder.min.js', 'packages/adapters/dist/proxy/index.js', 'packages/adapters/dist/dashboards/index.js'].every((f) => existsSync(join(ROOT, f)))) {
  console.log('promkit: building the packages (first start only)…');
  run('npm', ['run', 'build', '--silent']);
}
if (!existsSync(join(ROOT, 'storybook-static/index.html'))) {
  console.log('promkit: building the catalog (first start only)…');
  run('npx', ['storybook', 'build', '--quiet', '-o', 'storybook-static']);
}

// When to stop: on SIGINT (Ctrl-C), SIGTERM or SIGHUP, or when the parent dies. npm passes SIGINT
// and SIGTERM on to its own child only, so package.json's start script execs node rather than
// leave a shell in between that would keep them. npm dies of SIGHUP without passing it on, and an
// IDE or a supervisor may kill npm outright: this process then gets no signal, only a new parent,
// so process.ppid is polled too (a cheap getppid call). Listening starts before anything is
// started: a signal during the start stops it all as soon as it is up.
/** @type {Promise<string>} the reason to stop */
const stopRequested = new Promise((resolve) => {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => resolve(signal));
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && resolve('parent exited'), 500).unref();
});

const { serveDemoSite } = await import('./static-server.mjs');
const dataRoot = process.env.PROMKIT_DATA_DIR ?? join(ROOT, '.promkit-data', 'dashboards');
const qualityData = process.env.PROMKIT_DATA_DIR ? `${process.env.PROMKIT_DATA_DIR}-data-quality` : join(ROOT, '.promkit-data', 'data-quality');
// The data-quality example's service: its runs and drift events in PGlite beside the Builder's saves, its metrics scraped by the demo Prometheus.
const quality = await (await import('../examples/data-quality/server.mjs')).startDataQuality({ dataDir: qualityData, basePath: '/dq', simulate: true });
if (!own) console.log('promkit: writing seven days of demo history and starting Prometheus…');
const prometheus = own ? undefined : await (await import('../examples/demo/prometheus.mjs')).startDemoPrometheus({ extraTargets: [{ job: 'data-quality', host: quality.metricsHost }] });
const upstream = own ?? prometheus?.url ?? '';
// The pages ask /prometheus on their own origin: no CORS, and credentials would stay here.
// What the Builder page saves is kept here, across restarts (git ignores the folder; PROMKIT_DATA_DIR puts it elsewhere).
const site = await serveDemoSite(ROOT, upstream, { dataDir: dataRoot, mounts: { '/dq/': quality.handler } });
/** @param {string} path */
const page = (path) => `${site.url}/${path}`;
const prometheusNote = prometheus
  ? `   (started here: ${prometheus.samples.toLocaleString('en')} samples of history, scraping the demo exporter every 5 s)\n  Demo exporter      ${prometheus.exporterUrl}${
      prometheus.nodeExporterUrl ? `\n  Node exporter      ${prometheus.nodeExporterUrl}   (this machine, host "this-machine" on the Hosts page)` : ''
    }`
  : '   (from PROMKIT_PROMETHEUS_URL)';

console.log(`
promkit demo

  App overview       ${page('examples/dashboard-page/index.html')}
  Pipeline           ${page('examples/pipeline/index.html')}
  Hosts              ${page('examples/dashboard-page/index.html?board=hosts')}
  Plain HTML page    ${page('examples/plain-html/index.html')}
  Builder            ${page('examples/builder/index.html')}   (saves to the dashboard service at /api, kept in .promkit-data/)
  Data quality       ${page('examples/data-quality/index.html')}   (its own runs and drift events in PGlite, streamed live, beside Prometheus)
  Catalog            ${page('storybook-static/index.html?globals=data:live')}
  Prometheus         ${upstream}${prometheusNote}

Your own Prometheus instead: PROMKIT_PROMETHEUS_URL=http://your-host:9090 npm start
Ctrl-C stops everything this started (so do SIGTERM and SIGHUP).
`);

await stopRequested;
await Promise.all([site.stop(), prometheus?.stop(), quality.stop()]);
console.log('promkit demo stopped.');
process.exit(0);
