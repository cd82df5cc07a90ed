// @ts-check
/**
 * The demo's Prometheus: seven days of backfilled history from the demo model, then live scraping
 * of the demo exporter (and of itself) every 5 seconds, with the demo's recording and alert rules.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rateRule, ratioRule, assertValidRules, toRuleFileYaml } from '@promkit/core/rules';
import { backfill, launchPrometheus } from '../../tests/harness/prometheus.mjs';
import { startDemoExporter } from './exporter.mjs';
import { startNodeExporter } from '../../tests/harness/node-exporter.mjs';
import { DEMO_TARGET_LABELS, writeDemoHistory } from './history.mjs';
import { FAMILIES } from './model.mjs';

/** The instance label of this machine's own node_exporter among the simulated hosts. */
export const THIS_MACHINE = 'this-machine';

/** Scrape and rule evaluation interval, in seconds. */
export const DEMO_SCRAPE_INTERVAL_S = 5;

/**
 * @param {{ extraTargets?: { job: string, host: string }[] }} [options] more exporters to scrape live (the data-quality example's)
 * @returns {Promise<{ url: string, exporterUrl: string, nodeExporterUrl: string | undefined, samples: number, stop: () => Promise<void> }>}
 */
export async function startDemoPrometheus(options = {}) {
  assertValidRules(DEMO_RULES, { knownMetrics: Object.values(FAMILIES).map((f) => f.name) });
  const dataDir = await mkdtemp(join(tmpdir(), 'promkit-demo-'));
  const cleanUp = () => rm(dataDir, { recursive: true, force: true });
  try {
    const historyFile = join(dataDir, 'history.om');
    // History ends now; the exporter counts from there and Prometheus' first scrape follows.
    const end = Math.floor(Date.now() / 1000);
    const { samples } = await writeDemoHistory(historyFile, end);
    await backfill(historyFile, dataDir);
    await rm(historyFile);
    const exporter = await startDemoExporter({ since: end });
    // The machine's own node_exporter, when Debian's is installed: the Hosts page shows it beside the simulated hosts.
    const node = await startNodeExporter().catch(() => undefined);
    try {
      const prometheus = await launchPrometheus({
        dataDir,
        config: (port, rulesFile) => demoConfig(port, rulesFile, exporter.host, node?.host, options.extraTargets ?? []),
        rules: toRuleFileYaml(DEMO_RULES),
        wrapper: dieWithParent(),
      });
      return {
        url: prometheus.url,
        exporterUrl: exporter.url,
        nodeExporterUrl: node?.url,
        samples,
        stop: async () => {
          await prometheus.kill();
          await exporter.stop();
          await node?.stop();
          await cleanUp();
        },
      };
    } catch (error) {
      await exporter.stop();
      await node?.stop();
      throw error;
    }
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

/**
 * A wrapper under which Prometheus dies with the process that started it, even when that process
 * is killed with SIGKILL and so can run no handler of its own: util-linux's `setpriv --pdeathsig
 * TERM` (Debian has it in every install) asks the Linux kernel to send SIGTERM to Prometheus when
 * its parent exits, then execs Prometheus, so the pid stays the same and nothing is left in
 * between. The kernel ties this to the spawning thread, which for a Node script is the main
 * thread, alive as long as the process. Where setpriv or the flag is missing (not Linux), none:
 * Prometheus then stops only with a clean stop of the demo. The exporter needs nothing: it runs
 * inside the demo's own process.
 * @returns {string[]}
 */
function dieWithParent() {
  const wrapper = ['setpriv', '--pdeathsig', 'TERM'];
  const [command = '', ...args] = wrapper;
  return spawnSync(command, [...args, 'true'], { stdio: 'ignore' }).status === 0 ? wrapper : [];
}

/**
 * The exporter's own series get fixed job and instance labels, so the live samples continue the
 * backfilled series whatever port the exporter landed on; host series carry their own labels.
 * @param {number} port
 * @param {string} rulesFile
 * @param {string} exporterHost
 * @param {string | undefined} nodeHost this machine's node_exporter, scraped as host `this-machine`
 * @param {{ job: string, host: string }[]} extraTargets
 */
function demoConfig(port, rulesFile, exporterHost, nodeHost, extraTargets) {
  const interval = `${DEMO_SCRAPE_INTERVAL_S}s`;
  return {
    global: { scrape_interval: interval, evaluation_interval: interval },
    rule_files: [rulesFile],
    scrape_configs: [
      { job_name: 'prometheus', static_configs: [{ targets: [`127.0.0.1:${port}`] }] },
      {
        job_name: DEMO_TARGET_LABELS.job,
        honor_labels: true,
        static_configs: [{ targets: [exporterHost] }],
        relabel_configs: [{ target_label: 'instance', replacement: DEMO_TARGET_LABELS.instance }],
      },
      ...(nodeHost ? [{ job_name: 'node', static_configs: [{ targets: [nodeHost] }], relabel_configs: [{ target_label: 'instance', replacement: THIS_MACHINE }] }] : []),
      ...extraTargets.map((t) => ({ job_name: t.job, static_configs: [{ targets: [t.host] }] })),
    ],
  };
}

/**
 * Recording and alert rules of the demo, written with promkit's own rules builders.
 * @type {import('@promkit/core/rules').RuleGroup[]}
 */
export const DEMO_RULES = [
  {
    name: 'demo-shop',
    rules: [
      rateRule({ metric: 'demo_http_requests_total', by: ['route'], window: '5m' }),
      ratioRule({ metric: 'demo_http_requests_total', by: ['job'], window: '5m', matching: '{status=~"5.."}', name: 'errors' }),
      {
        alert: 'DemoHighErrorRate',
        expr: 'job:demo_http_requests_errors:ratio_rate5m > 0.01',
        for: '1m',
        labels: { severity: 'critical' },
        annotations: { summary: 'More than 1 % of requests fail ({{ $value | humanizePercentage }}).' },
      },
      {
        alert: 'DemoStorageQuotaNearlyFull',
        expr: 'demo_storage_used_bytes / demo_storage_quota_bytes > 0.9',
        for: '5m',
        labels: { severity: 'warning' },
        annotations: { summary: 'Storage is {{ $value | humanizePercentage }} of the quota.' },
      },
    ],
  },
  {
    name: 'demo-pipeline',
    rules: [
      {
        alert: 'DemoPipelineLagging',
        expr: 'demo_pipeline_lag_seconds > 30',
        for: '1m',
        labels: { severity: 'critical' },
        annotations: { summary: 'The pipeline is {{ $value | humanizeDuration }} behind.' },
      },
    ],
  },
  {
    name: 'demo-devices',
    rules: [
      {
        alert: 'DemoRigOverheating',
        expr: 'demo_device_temperature_celsius > 80',
        for: '1m',
        labels: { severity: 'warning' },
        annotations: { summary: '{{ $labels.device }} runs at {{ $value | printf "%.0f" }} °C and throttles.' },
      },
    ],
  },
];
