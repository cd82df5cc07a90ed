/**
 * Rules as code against the real tools: promtool checks the generated file, promtool's rule unit
 * tests run it over the deterministic dataset, and a real Prometheus evaluates it while scraping.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { PrometheusClient } from '@promkit/core';
import { rateRule, ruleProblems, toRuleFileYaml, type RuleGroup } from '@promkit/core/rules';
import { STEP, valueOf } from '../harness/dataset.mjs';
import { launchPrometheus } from '../harness/prometheus.mjs';
import { LIVE_INCREMENT, startLiveExporter } from '../harness/live-exporter.mjs';

const run = promisify(execFile);
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'promkit-rules-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Runs promtool; resolves with its exit code and output either way. */
async function promtool(...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run('promtool', args);
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

const ROOMS = ['lab', 'office'];
/** Lab temperature above this for 30 s fires the alert. */
const WARM = 20.9;

const datasetRules: RuleGroup[] = [
  {
    name: 'rooms',
    interval: `${STEP}s`,
    rules: [
      { record: 'room:promkit_temperature_celsius:max1m', expr: 'max by (room) (max_over_time(promkit_temperature_celsius[1m]))' },
      {
        alert: 'PromkitLabWarm',
        expr: `promkit_temperature_celsius{room="lab"} > ${WARM}`,
        for: '30s',
        labels: { severity: 'info' },
        annotations: { summary: 'The lab is at {{ $value }} °C.' },
      },
    ],
  },
];

describe('promtool', () => {
  it('check rules accepts the generated file, and rejects what the checker rejects', async () => {
    const dir = await tempDir();
    expect(ruleProblems(datasetRules)).toEqual([]);
    await writeFile(join(dir, 'good.yml'), toRuleFileYaml(datasetRules));
    const good = await promtool('check', 'rules', join(dir, 'good.yml'));
    expect(good, good.output).toMatchObject({ code: 0 });
    expect(good.output).toContain('SUCCESS: 2 rules found');

    const broken: RuleGroup[] = [{ name: 'g', rules: [{ alert: 'Broken', expr: 'sum(rate(up[5m])', for: '1m' }] }];
    expect(ruleProblems(broken).map((p) => p.path)).toEqual(['groups[0].rules[0].expr']);
    await writeFile(join(dir, 'broken.yml'), toRuleFileYaml(broken));
    expect((await promtool('check', 'rules', join(dir, 'broken.yml'))).code).not.toBe(0);
  });

  it('the rules, run by promtool over the deterministic dataset, record and alert as the dataset says', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'rules.yml'), toRuleFileYaml(datasetRules));
    const samples = 24; // six minutes at 15 s
    const temperature = (room: string, i: number) => valueOf('promkit_temperature_celsius', { room }, i) ?? Number.NaN;
    const values = (room: string) => Array.from({ length: samples }, (_, i) => temperature(room, i)).join(' ');
    // The recording at 1 minute: the highest sample of the first five (i = 0 … 4).
    const maxAt1m = (room: string) => Math.max(...[0, 1, 2, 3, 4].map((i) => temperature(room, i)));
    // The alert fires once the lab has been above WARM for 30 s: two steps after it first is.
    const warmFrom = Array.from({ length: samples }, (_, i) => i).find((i) => temperature('lab', i) > WARM)!;
    const firingAt = warmFrom + 30 / STEP;
    const labAt = temperature('lab', firingAt);
    await writeFile(
      join(dir, 'test.yml'),
      stringify({
        rule_files: ['rules.yml'],
        evaluation_interval: `${STEP}s`,
        tests: [
          {
            interval: `${STEP}s`,
            input_series: ROOMS.map((room) => ({ series: `promkit_temperature_celsius{room="${room}"}`, values: values(room) })),
            promql_expr_test: [
              {
                expr: 'room:promkit_temperature_celsius:max1m',
                eval_time: '1m',
                exp_samples: ROOMS.map((room) => ({ labels: `room:promkit_temperature_celsius:max1m{room="${room}"}`, value: maxAt1m(room) })),
              },
            ],
            alert_rule_test: [
              { alertname: 'PromkitLabWarm', eval_time: `${(firingAt - 1) * STEP}s`, exp_alerts: [] },
              {
                alertname: 'PromkitLabWarm',
                eval_time: `${firingAt * STEP}s`,
                exp_alerts: [
                  {
                    exp_labels: { severity: 'info', room: 'lab' },
                    exp_annotations: { summary: `The lab is at ${labAt} °C.` },
                  },
                ],
              },
            ],
          },
        ],
      }),
    );
    const result = await promtool('test', 'rules', join(dir, 'test.yml'));
    expect(result, result.output).toMatchObject({ code: 0 });
    expect(result.output).toContain('SUCCESS');
  });
});

describe('a real Prometheus', () => {
  it('loads the generated rule file: the recording rule records the live rate and the alert fires', async () => {
    const dir = await tempDir();
    const exporter = await startLiveExporter();
    cleanups.push(() => exporter.stop());
    const rules: RuleGroup[] = [
      {
        name: 'live',
        interval: '1s',
        rules: [
          rateRule({ metric: 'promkit_live_requests_total', by: ['job'], window: '5s' }),
          { alert: 'PromkitLiveTraffic', expr: 'job:promkit_live_requests:rate5s > 1', for: '2s', labels: { severity: 'info' } },
        ],
      },
    ];
    const prometheus = await launchPrometheus({
      dataDir: dir,
      rules: toRuleFileYaml(rules),
      config: (_port, rulesFile) => ({
        global: { scrape_interval: '1s', evaluation_interval: '1s' },
        rule_files: [rulesFile],
        scrape_configs: [{ job_name: 'live', static_configs: [{ targets: [exporter.host] }] }],
      }),
    });
    cleanups.push(() => prometheus.kill());
    const client = new PrometheusClient({ url: prometheus.url });

    const deadline = Date.now() + 30_000;
    let firing = false;
    while (!firing && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      firing = (await client.alerts()).data.alerts.some((a) => a.labels['alertname'] === 'PromkitLiveTraffic' && a.state === 'firing');
    }
    expect(firing).toBe(true);
    const groups = (await client.rules()).data.groups;
    expect(groups.map((g) => [g.name, g.rules.map((r) => [r.name, r.health])])).toEqual([
      ['live', [['job:promkit_live_requests:rate5s', 'ok'], ['PromkitLiveTraffic', 'ok']]],
    ]);
    const recorded = await client.query({ query: 'job:promkit_live_requests:rate5s' });
    expect(recorded.resultType).toBe('vector');
    const sample = recorded.resultType === 'vector' ? recorded.result[0] : undefined;
    expect(sample?.metric).toEqual({ __name__: 'job:promkit_live_requests:rate5s', job: 'live' });
    // The exporter adds LIVE_INCREMENT per scrape, one scrape a second.
    const rate = Number(sample?.value?.[1]);
    expect(rate).toBeGreaterThan(LIVE_INCREMENT * 0.6);
    expect(rate).toBeLessThan(LIVE_INCREMENT * 1.4);
  }, 60_000);
});
