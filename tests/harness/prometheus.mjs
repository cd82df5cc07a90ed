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
import { waitUntil } from './wait-until.mjs';

const run = promisify(execFile);

/** Scrape and rule evaluation interval of live mode, in seconds. */
export const LIVE_INTERVAL_S = 1;
/** Name of the recording rule loaded in live mode. */
export const RECORDING_RULE = 'promkit:live_requests:sum';
/** Name of the alert that fires as soon as it is evaluated in live mode. */
export const ALWAYS_FIRING_ALERT = 'PromkitAlwaysFiring';
/**
 * Name of the recording rule that fails on every evaluation once targets are scraped (two series
 * per target share their labels without the metric name), so a rule's last error can be shown.
 */
export const FAILING_RULE = 'promkit:failing:duplicate';

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
 * @param {{ live?: boolean, families?: import('./dataset.mjs').Family[] }} [options] live: scrape
 *   itself and the live exporter every second; families: the history to backfill instead of the
 *   deterministic dataset's (on its time grid)
 * @returns {Promise<RunningPrometheus>}
 */
export async function startPrometheus(options = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'promkit-prometheus-'));
  const openMetricsFile = join(dataDir, 'dataset.om');
  await writeFile(openMetricsFile, toOpenMetrics(options.families));
  await backfill(openMetricsFile, dataDir);

  const exporter = options.live ? await startLiveExporter() : undefined;
  try {
    const prometheus = await launchPrometheus({
      dataDir,
      config: (port, rulesFile) => prometheusConfig(port, rulesFile, exporter?.host),
      rules: liveRules(),
    });
    const stop = async () => {
      await prometheus.kill();
      await exporter?.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
    return { ...prometheus, dataDir, exporterHost: exporter?.host, stop };
  } catch (error) {
    await exporter?.stop();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Turns an OpenMetrics file into TSDB blocks under `dataDir`/tsdb. Blocks may span up to 200 h:
 * promtool reads the whole input once per block, so 2-hour blocks make long histories slow.
 * @param {string} openMetricsFile
 * @param {string} dataDir
 */
export async function backfill(openMetricsFile, dataDir) {
  await run('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', '--quiet', '--max-block-duration=200h', openMetricsFile, join(dataDir, 'tsdb')]);
}

/**
 * Runs Prometheus on a free loopback port over `dataDir`/tsdb with the given config and rules
 * (objects are written as JSON, which Prometheus reads as YAML; text as it is), and waits until
 * it is ready.
 * `wrapper` is a command Prometheus runs under (it must exec it, e.g. `setpriv --pdeathsig TERM`).
 * @param {{ dataDir: string, config: (port: number, rulesFile: string) => object, rules: object | string, wrapper?: string[] }} options
 * @returns {Promise<{ url: string, kill: () => Promise<void>, restart: () => Promise<void> }>}
 */
export async function launchPrometheus({ dataDir, config, rules, wrapper = [] }) {
  const port = await freePort();
  const configFile = join(dataDir, 'prometheus.yml');
  const rulesFile = join(dataDir, 'rules.yml');
  await writeFile(configFile, JSON.stringify(config(port, rulesFile)));
  await writeFile(rulesFile, typeof rules === 'string' ? rules : JSON.stringify(rules));

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
    const [command = 'prometheus', ...rest] = [...wrapper, 'prometheus'];
    const started = spawn(command, [...rest, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
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
  try {
    await spawnReady();
  } catch (error) {
    await kill();
    throw error;
  }
  return { url, kill, restart: spawnReady };
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
      {
        name: 'promkit-failing',
        interval: `${LIVE_INTERVAL_S}s`,
        rules: [{ record: FAILING_RULE, expr: '{__name__=~"up|scrape_samples_scraped"}' }],
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
  await waitUntil(async () => (await fetch(`${url}/-/ready`)).ok, {
    name: 'prometheus',
    timeoutMessage: `prometheus at ${url} not ready after 30 s`,
    timeoutMs: 30_000,
    exitCode,
    log: stderr,
  });
}
