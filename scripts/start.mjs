// @ts-check
/**
 * `npm start`: the demo. Installs what is missing, builds the packages and the catalog if needed,
 * starts a real Prometheus with seven days of backfilled history and the demo exporter scraped
 * live, serves the example pages and the catalog with a Prometheus proxy at /prometheus, and
 * prints their addresses. Ctrl-C stops everything it started.
 * With PROMKIT_PROMETHEUS_URL set, the proxy points at that Prometheus and none is started.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ensureNodeModules, ensureSystemParts, run } from './ensure.mjs';

ensureNodeModules();
const own = process.env.PROMKIT_PROMETHEUS_URL;
if (!own) ensureSystemParts();
if (!['packages/elements/dist/promkit.min.js', 'packages/adapters/dist/proxy/index.js'].every((f) => existsSync(join(ROOT, f)))) {
  console.log('promkit: building the packages (first start only)…');
  run('npm', ['run', 'build', '--silent']);
}
if (!existsSync(join(ROOT, 'storybook-static/index.html'))) {
  console.log('promkit: building the catalog (first start only)…');
  run('npx', ['storybook', 'build', '--quiet', '-o', 'storybook-static']);
}

const { serveDemoSite } = await import('./static-server.mjs');
if (!own) console.log('promkit: writing seven days of demo history and starting Prometheus…');
const prometheus = own ? undefined : await (await import('../examples/demo/prometheus.mjs')).startDemoPrometheus();
const upstream = own ?? prometheus?.url ?? '';
// The pages ask /prometheus on their own origin: no CORS, and credentials would stay here.
const site = await serveDemoSite(ROOT, upstream);
/** @param {string} path */
const page = (path) => `${site.url}/${path}`;

console.log(`
promkit demo

  App overview       ${page('examples/dashboard-page/index.html')}
  Pipeline           ${page('examples/pipeline/index.html')}
  Hosts              ${page('examples/dashboard-page/index.html?board=hosts')}
  Plain HTML page    ${page('examples/plain-html/index.html')}
  Catalog            ${page('storybook-static/index.html?globals=data:live')}
  Prometheus         ${upstream}${prometheus ? `   (started here: ${prometheus.samples.toLocaleString('en')} samples of history, scraping the demo exporter every 5 s)` : '   (from PROMKIT_PROMETHEUS_URL)'}

Your own Prometheus instead: PROMKIT_PROMETHEUS_URL=http://your-host:9090 npm start
Ctrl-C stops everything this started.
`);

let stopping = false;
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await Promise.all([site.stop(), prometheus?.stop()]);
    console.log('promkit demo stopped.');
    process.exit(0);
  });
}
