// @ts-check
/**
 * Starts Debian's real Prometheus for a test run: a free loopback port, a temp data dir with the
 * deterministic dataset backfilled by promtool, and (optionally) live scraping of itself and of
 * the live exporter, with a rule file so the rules and alerts endpoints have content.
 */
import { spawn, execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { toOpenMetrics } from './dataset.mjs';
import { startLiveExporter } from './live-exporter.mjs';
import { listenOnLoopback } from './listen.mjs';

const run = promisify(execFile);

/** Scrape and rule evaluation interval of live mode, in seconds. */
export const LIVE_INTERVAL_S = 1;
/** Name of the recording rule loaded in live mode. */
export const RECORDING_RULE = 'promkit:live_requests:sum';
/** Name of the alert that fires as soon as it is evaluated in live mode. */
export const ALWAYS_FIRING_ALERT = 'PromkitAlwaysFiring';

/**
 * @typedef {object} RunningPrometheus
 * @property {string} url base URL, e.g. http://127.0.0.1:40123
 * @property {string} dataDir
 * @property {string | undefined} exporterHost host:port of the live exporter, when live
 * @property {() => Promise<void>} stop stops Prometheus and the exporter, removes the temp dir
 * @property {() => Promise<void>} kill stops Prometheus only, keeping its data (an outage)
 * @property {() => Promise<void>} restart starts it again on the same port and data, when ready
 */

/** A free TCP port on 127.0.0.1. */
export async function freePort() {
  const server = createServer();
  const port = await listenOnLoopback(server);
  await new Promise((resolve) => server.close(() => resolve(undefined)));
  return port;
}

/**
 * @param {{ live?: boolean }} [options] live: scrape itself and the live exporter every second
 * @returns {Promise<RunningPrometheus>}
 */
export async function startPrometheus(options = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'promkit-prometheus-'));
  const openMetricsFile = join(dataDir, 'dataset.om');
  await writeFile(openMetricsFile, toOpenMetrics());
  await run('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', openMetricsFile, join(dataDir, 'tsdb')]);

  const exporter = options.live ? await startLiveExporter() : undefined;
  const port = await freePort();
  const configFile = join(dataDir, 'prometheus.yml');
  const rulesFile = join(dataDir, 'rules.yml');
  // YAML is a superset of JSON: Prometheus reads these JSON documents as its YAML config.
  await writeFile(configFile, JSON.stringify(prometheusConfig(port, rulesFile, exporter?.host)));
  await writeFile(rulesFile, JSON.stringify(liveRules()));

  const args = [
    `--config.file=${configFile}`,
    `--storage.tsdb.path=${join(dataDir, 'tsdb')}`,
    '--storage.tsdb.retention.time=100y',
    `--web.listen-address=127.0.0.1:${port}`,
    '--enable-feature=exemplar-storage',
    '--log.level=warn',
  ];
  const url = `http://127.0.0.1:${port}`;
  let stderr = '';
  /** @type {import('node:child_process').ChildProcessByStdio<null, null, import('node:stream').Readable> | undefined} */
  let child;
  const spawnReady = async () => {
    stderr = '';
    const started = spawn('prometheus', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    started.stderr.on('data', (chunk) => (stderr += chunk));
    child = started;
    await waitReady(url, () => started.exitCode, () => stderr);
  };
  const kill = async () => {
    const running = child;
    child = undefined;
    if (running && running.exitCode === null) {
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGTERM');
      await exited;
    }
  };
  const stop = async () => {
    await kill();
    await exporter?.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await spawnReady();
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, dataDir, exporterHost: exporter?.host, stop, kill, restart: spawnReady };
}

/**
 * @param {number} port
 * @param {string} rulesFile
 * @param {string | undefined} exporterHost
 */
function prometheusConfig(port, rulesFile, exporterHost) {
  const interval = `${LIVE_INTERVAL_S}s`;
  return {
    global: { scrape_interval: interval, evaluation_interval: interval },
    rule_files: exporterHost ? [rulesFile] : [],
    scrape_configs: exporterHost
      ? [
          { job_name: 'prometheus', static_configs: [{ targets: [`127.0.0.1:${port}`] }] },
          { job_name: 'live', static_configs: [{ targets: [exporterHost] }] },
        ]
      : [],
  };
}

function liveRules() {
  return {
    groups: [
      {
        name: 'promkit-live',
        interval: `${LIVE_INTERVAL_S}s`,
        rules: [
          { record: RECORDING_RULE, expr: 'sum(promkit_live_requests_total)' },
          {
            alert: ALWAYS_FIRING_ALERT,
            expr: 'vector(1)',
            labels: { severity: 'info' },
            annotations: { summary: 'Fires on every evaluation, for tests.' },
          },
        ],
      },
    ],
  };
}

/**
 * @param {string} url
 * @param {() => number | null} exitCode
 * @param {() => string} stderr
 */
async function waitReady(url, exitCode, stderr) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exitCode() !== null) throw new Error(`prometheus exited with ${exitCode()}:\n${stderr()}`);
    try {
      const res = await fetch(`${url}/-/ready`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`prometheus at ${url} not ready after 30 s:\n${stderr()}`);
}
