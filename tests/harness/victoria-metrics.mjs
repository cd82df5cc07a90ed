// @ts-check
/**
 * Debian's real VictoriaMetrics (`victoria-metrics`, single node) for a test run: a free loopback
 * port, a temp data dir, and the deterministic dataset Prometheus is backfilled with, imported
 * through `/api/v1/import/prometheus` and waited for until a query sees every sample of it.
 * Stopped with the test run (and with its parent, by pdeathsig).
 *
 * Import writes no staleness markers: the series that stops at STOP_INDEX just has no later
 * samples, and VictoriaMetrics ends it by its own lookback (see victoria-metrics.test.ts).
 * NaN samples are not stored at all.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { T0, T_END, sampleCount, toPrometheusImport } from './dataset.mjs';
import { freePort } from './prometheus.mjs';
import { waitUntil } from './wait-until.mjs';

/** Every series of the dataset. */
export const DATASET_SELECTOR = '{__name__=~"promkit_.+"}';

/**
 * @typedef {object} RunningVictoriaMetrics
 * @property {string} url base URL, e.g. http://127.0.0.1:40123
 * @property {() => Promise<void>} stop stops the server and removes its data dir
 */

/** @returns {Promise<RunningVictoriaMetrics>} */
export async function startVictoriaMetrics() {
  const dataDir = await mkdtemp(join(tmpdir(), 'promkit-victoria-metrics-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = [`-httpListenAddr=127.0.0.1:${port}`, `-storageDataPath=${dataDir}`, '-retentionPeriod=100y', '-loggerLevel=WARN'];
  const child = spawn('setpriv', ['--pdeathsig', 'TERM', 'victoria-metrics', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-10_000)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  const server = { exitCode: () => child.exitCode, log: () => stderr };
  try {
    await waitUntil(async () => (await fetch(`${url}/health`)).ok, {
      name: 'victoria-metrics',
      timeoutMessage: `victoria-metrics at ${url} not healthy after 30 s`,
      timeoutMs: 30_000,
      ...server,
    });
    await importSamples(url, toPrometheusImport());
    // NaN samples are dropped on ingestion; every other one must be visible.
    await waitForSamples(url, { selector: DATASET_SELECTOR, from: T0, to: T_END, count: sampleCount((v) => !Number.isNaN(v)) }, server);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

/**
 * Posts Prometheus text (timestamps in milliseconds) to `/api/v1/import/prometheus`, then asks
 * for a flush (`/internal/force_flush`): unflushed samples only become searchable ~10 s later.
 * @param {string} url
 * @param {string} text
 */
export async function importSamples(url, text) {
  const response = await fetch(`${url}/api/v1/import/prometheus`, { method: 'POST', body: text });
  if (response.status !== 204) throw new Error(`victoria-metrics at ${url} refused the import (${response.status}): ${await response.text()}`);
  const flush = await fetch(`${url}/internal/force_flush`);
  if (!flush.ok) throw new Error(`victoria-metrics at ${url} refused to flush (${flush.status}): ${await flush.text()}`);
}

/**
 * Waits until a query counts `count` samples of `selector` from `from` to `to` (Unix seconds,
 * both included). Asks with `nocache=1`, so no partial count is kept in VictoriaMetrics' result
 * cache.
 * @param {string} url
 * @param {{ selector: string, from: number, to: number, count: number }} expected
 * @param {{ exitCode?: () => number | null, log?: () => string }} [server] the process, when this harness started it
 */
export async function waitForSamples(url, { selector, from, to, count }, server = {}) {
  const query = `sum(count_over_time(${selector}[${to - from + 1}s]))`;
  let seen = 'nothing';
  await waitUntil(
    async () => {
      const body = new URLSearchParams({ query, time: String(to), nocache: '1' });
      const answer = await (await fetch(`${url}/api/v1/query`, { method: 'POST', body })).json();
      seen = answer?.data?.result?.[0]?.value?.[1] ?? '0';
      return seen === String(count);
    },
    {
      name: 'victoria-metrics',
      timeoutMessage: () => `victoria-metrics at ${url} shows ${seen} of the ${count} samples of ${selector} imported, after 15 s`,
      timeoutMs: 15_000,
      intervalMs: 100,
      exitCode: server.exitCode ?? (() => null),
      log: server.log ?? (() => ''),
    },
  );
}
