// @ts-check
/**
 * `npm start`: installs what is missing, then runs a real Prometheus on a free loopback port with
 * the deterministic history backfilled and live scraping of itself and a small exporter, and
 * keeps it running until Ctrl-C. (The dashboard demo and catalog join it as they are built.)
 */
import { ensureNodeModules, ensureSystemParts } from './ensure.mjs';

ensureNodeModules();
ensureSystemParts();

const { startPrometheus } = await import('../tests/harness/prometheus.mjs');
const { T0, T_END } = await import('../tests/harness/dataset.mjs');
const prometheus = await startPrometheus({ live: true });

console.log(`
promkit demo

  Prometheus   ${prometheus.url}   (its own UI: ${prometheus.url}/graph)
  History      ${new Date(T0 * 1000).toISOString()} … ${new Date(T_END * 1000).toISOString()} (backfilled)
  Live         scraping itself and a demo exporter every second

Try the client against it:

  import { PrometheusClient, toFrames } from '@promkit/core';
  const prom = new PrometheusClient({ url: '${prometheus.url}' });
  const r = await prom.queryRange({ query: 'rate(promkit_http_requests_total[5m])', start: ${T0}, end: ${T_END}, step: 15 });
  console.log(toFrames(r));

Ctrl-C stops Prometheus and the exporter and removes their temp data.
`);

let stopping = false;
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await prometheus.stop();
    console.log('promkit demo stopped.');
    process.exit(0);
  });
}
