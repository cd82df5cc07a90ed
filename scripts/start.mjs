// @ts-check
/**
 * `npm start`: the demo. Installs what is missing, builds the packages if needed, starts a real
 * Prometheus (backfilled history plus live scraping of itself and a small exporter), serves the
 * example pages, and prints their addresses. Ctrl-C stops everything it started.
 * With PROMKIT_PROMETHEUS_URL set, the pages use that Prometheus instead and none is started.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ensureNodeModules, ensureSystemParts, run } from './ensure.mjs';

ensureNodeModules();
const own = process.env.PROMKIT_PROMETHEUS_URL;
if (!own) ensureSystemParts();
if (!existsSync(join(ROOT, 'packages/elements/dist/promkit.min.js'))) {
  console.log('promkit: building the packages (first start only)…');
  run('npm', ['run', 'build', '--silent']);
}

const { serveStatic } = await import('./static-server.mjs');
const prometheus = own ? undefined : await (await import('../tests/harness/prometheus.mjs')).startPrometheus({ live: true });
const prometheusUrl = own ?? prometheus?.url ?? '';
const site = await serveStatic(ROOT);
const q = `?prometheus=${encodeURIComponent(prometheusUrl)}`;

console.log(`
promkit demo

  Dashboard          ${site.url}/examples/dashboard-page/index.html${q}
  Plain HTML page    ${site.url}/examples/plain-html/index.html${q}
  Prometheus         ${prometheusUrl}${prometheus ? '   (started here: backfilled history, live scraping every second)' : '   (from PROMKIT_PROMETHEUS_URL)'}

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
