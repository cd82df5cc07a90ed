// @ts-check
/**
 * The demo exporter: a prom-client registry that plays the demo model live. Every second it counts
 * the requests, events and CPU seconds the model says happened and observes each simulated
 * request's latency; gauges read the model when scraped. Process metrics are prom-client's own,
 * measured on this process. Counters start from zero, as after a deploy, and first count what
 * happened since the history ended.
 */
import { createServer } from 'node:http';
import client from 'prom-client';
import { listenOnLoopback } from '../../tests/harness/listen.mjs';
import { FAMILIES, LATENCY_BUCKETS, MEASURED_WHEN_LIVE, demoSeries, noise } from './model.mjs';

/** How often the simulation advances, in milliseconds. */
const TICK_MS = 1000;

/**
 * Starts the exporter on a free loopback port.
 * @param {{ since?: number }} [options] since: when the backfilled history ends (seconds); what
 *   happened from then until now is counted at once, so rates run on without a dip
 * @returns {Promise<{ host: string, url: string, stop: () => Promise<void> }>}
 */
export async function startDemoExporter(options = {}) {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const series = demoSeries().filter((s) => !MEASURED_WHEN_LIVE.has(s.family));
  const metrics = createMetrics(registry, series);

  let last = options.since ?? Date.now() / 1000;
  let tick = 0;
  advance(series, metrics, last, Date.now() / 1000, tick++);
  last = Date.now() / 1000;
  const timer = setInterval(() => {
    const now = Date.now() / 1000;
    advance(series, metrics, last, now, tick++);
    last = now;
  }, TICK_MS);

  const server = createServer(async (req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: the metrics are at /metrics\n');
      return;
    }
    res.writeHead(200, { 'content-type': registry.contentType }).end(await registry.metrics());
  });
  const port = await listenOnLoopback(server);
  const host = `127.0.0.1:${port}`;
  return {
    host,
    url: `http://${host}/metrics`,
    stop: async () => {
      clearInterval(timer);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}

/**
 * One prom-client metric per family; gauges read the model at scrape time.
 * @param {client.Registry} registry
 * @param {import('./model.mjs').Series[]} series
 * @returns {Map<string, client.Counter | client.Gauge | client.Histogram>}
 */
function createMetrics(registry, series) {
  const metrics = new Map();
  for (const family of Object.values(FAMILIES)) {
    const members = series.filter((s) => s.family === family.name);
    if (!members.length) continue;
    const labelNames = [...new Set(members.flatMap((s) => Object.keys(s.labels)))];
    const common = { name: family.name, help: family.help, labelNames, registers: [registry] };
    if (family.kind === 'counter') metrics.set(family.name, new client.Counter(common));
    if (family.kind === 'histogram') metrics.set(family.name, new client.Histogram({ ...common, buckets: LATENCY_BUCKETS }));
    if (family.kind === 'gauge') {
      const gauges = /** @type {Extract<import('./model.mjs').Series, { kind: 'gauge' }>[]} */ (members);
      metrics.set(
        family.name,
        new client.Gauge({
          ...common,
          collect() {
            const now = Date.now() / 1000;
            for (const s of gauges) this.set(s.labels, s.value(now));
          },
        }),
      );
    }
  }
  return metrics;
}

/**
 * Plays the model from `from` to `to` (seconds): counts what happened, observes latencies.
 * @param {import('./model.mjs').Series[]} series
 * @param {Map<string, client.Counter | client.Gauge | client.Histogram>} metrics
 * @param {number} from
 * @param {number} to
 * @param {number} tick
 */
function advance(series, metrics, from, to, tick) {
  const seconds = to - from;
  for (const s of series) {
    if (s.kind === 'gauge') continue;
    const key = `${s.family} ${JSON.stringify(s.labels)}`;
    const expected = s.rate(to) * seconds;
    // Things are counted in whole numbers (requests, events, bytes); seconds are not.
    const count = s.family.endsWith('_seconds_total') ? expected : Math.floor(expected + noise(key, tick));
    if (s.kind === 'counter') {
      /** @type {client.Counter} */ (metrics.get(s.family)).inc(s.labels, count);
      continue;
    }
    const histogram = /** @type {client.Histogram} */ (metrics.get(s.family));
    const { median, sigma } = s.latency(to);
    for (let i = 0; i < count; i++) histogram.observe(s.labels, median * Math.exp(sigma * gaussian(key, tick * 1000 + i)));
  }
}

/**
 * A standard normal number from deterministic noise (Box–Muller).
 * @param {string} key
 * @param {number} slot
 */
function gaussian(key, slot) {
  const u = Math.max(noise(key, 2 * slot), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * noise(key, 2 * slot + 1));
}
