// @ts-check
/**
 * Refresh traffic: a 6-hour range at a 15-second step, refreshed every 30 seconds, against the
 * demo's real Prometheus while it scrapes. promkit's query engine fetches only the tail and
 * merges it; the alternative refetches the whole range every tick. The clock is the engine's
 * own (ticks 30 s apart, inside the backfilled history), so the run takes seconds, not minutes.
 * Bytes are the answers' decoded bodies. Every tick also checks the merged frames against the
 * full refetch, sample for sample.
 */
import { PrometheusClient, QueryEngine } from '@promkit/core';
import { startDemoPrometheus } from '../examples/demo/prometheus.mjs';

const TICKS = 40;
const TARGETS = [
  { refId: 'A', expr: 'sum by (route) (rate(demo_http_requests_total[$__rate_interval]))' },
  { refId: 'B', expr: 'demo_device_temperature_celsius' },
  { refId: 'C', expr: 'sum by (table) (rate(demo_pipeline_events_ingested_total[$__rate_interval]))' },
  { refId: 'D', expr: 'histogram_quantile(0.95, sum by (le) (rate(demo_http_request_duration_seconds_bucket[$__rate_interval])))' },
].map((t) => ({ ...t, instant: false, hide: false }));

/** A client that counts the bytes of every answer it reads. */
function countingClient(/** @type {string} */ url) {
  const counter = { bytes: 0 };
  const client = new PrometheusClient({
    url,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      const body = await response.arrayBuffer();
      counter.bytes += body.byteLength;
      return new Response(body, { status: response.status, headers: response.headers });
    },
  });
  return { client, counter };
}

/** Frames as plain arrays, for comparing. @param {import('@promkit/core').Frame[]} frames */
const plain = (frames) => JSON.stringify(frames.map((f) => ({ labels: f.labels, t: [...f.timestamps], v: [...f.values].map(String) })));

/** @returns {Promise<import('./measure.mjs').Row[]>} */
export async function run() {
  const prometheus = await startDemoPrometheus();
  try {
    let now = Date.now() - (TICKS + 10) * 30_000;
    const incremental = countingClient(prometheus.url);
    const full = countingClient(prometheus.url);
    const engine = new QueryEngine({ client: () => incremental.client, now: () => now, cacheTtl: 0 });
    /** @returns {import('@promkit/core').PanelQuery} */
    const query = () => ({ key: 'bench', datasource: 'demo', live: true, range: { from: now - 6 * 3_600_000, to: now }, targets: TARGETS, maxDataPoints: 1441, scrapeInterval: 15 });
    await engine.run(query());
    let same = 0;
    let incrementalBytes = 0;
    let fullBytes = 0;
    for (let tick = 0; tick < TICKS; tick++) {
      now += 30_000;
      incremental.counter.bytes = 0;
      full.counter.bytes = 0;
      const refreshed = await engine.run(query());
      const refetched = await new QueryEngine({ client: () => full.client, now: () => now, cacheTtl: 0 }).run(query());
      incrementalBytes += incremental.counter.bytes;
      fullBytes += full.counter.bytes;
      const step = refreshed.targets[0]?.timing.step;
      if (step !== 15) throw new Error(`refresh bench: expected a 15 s step, the engine chose ${step}`);
      if (refreshed.targets.some((t) => t.source !== 'incremental' || t.error)) throw new Error('refresh bench: a refresh was not incremental');
      if (refreshed.targets.every((t, i) => plain(t.frames) === plain(refetched.targets[i]?.frames ?? []))) same++;
    }
    const perTick = (/** @type {number} */ bytes) => `${(bytes / TICKS / 1024).toFixed(1)} KB/tick`;
    return [
      {
        benchmark: 'refresh traffic',
        case: `6 h at 15 s, 4 queries, ${TICKS} ticks of 30 s`,
        promkit: perTick(incrementalBytes),
        alternative: `full refetch ${perTick(fullBytes)}`,
        ratio: incrementalBytes / fullBytes,
        target: 0.05,
        note: `merged frames identical to the refetch in ${same}/${TICKS} ticks`,
      },
    ];
  } finally {
    await prometheus.stop();
  }
}
