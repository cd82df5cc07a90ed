/**
 * The `promkit` command as a user runs it (a real process, the built package): generate, check,
 * validate, import, and publish against the Grafana contract server; exit codes and messages.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateDashboard, type DashboardInput } from '@promkit/core';
import { toGrafana } from '@promkit/core/grafana';
import { CONTRACT_TOKEN, startGrafanaContract } from '../harness/grafana-contract.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'packages/core/bin/promkit.mjs');
const MODULE = 'tests/fixtures/cli/monitoring.ts';
const EXAMPLE = 'examples/dashboards/app-overview.json';

/** Runs `promkit …` from the project root; never throws, returns the exit code and output. */
async function promkit(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let out: string;
let grafana: Awaited<ReturnType<typeof startGrafanaContract>>;
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'promkit-cli-'));
  grafana = await startGrafanaContract();
});
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
  await grafana.stop();
});

describe('promkit generate', () => {
  it('writes Grafana JSON, the provisioning file and rule files that promtool accepts; --check tells when they are stale', async () => {
    const run = await promkit(['generate', MODULE, EXAMPLE, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const example = JSON.parse(await readFile(join(ROOT, EXAMPLE), 'utf8')) as DashboardInput;
    expect(JSON.parse(await readFile(join(out, 'dashboards/app-overview.json'), 'utf8'))).toEqual(toGrafana(example).dashboard);
    const fromCode = JSON.parse(await readFile(join(out, 'dashboards/http-from-code.json'), 'utf8'));
    expect(fromCode.panels[0].targets[0].expr).toBe('instance:promkit_http_requests:rate5m');
    expect(parse(await readFile(join(out, 'provisioning/dashboards/promkit.yaml'), 'utf8')).providers[0].options.path).toBe('/var/lib/grafana/dashboards/promkit');
    const rules = join(out, 'rules/monitoring.rules.yaml');
    const check = await promisify(execFile)('promtool', ['check', 'rules', rules]);
    expect(check.stdout).toContain('SUCCESS: 2 rules found');
    expect(parse(await readFile(join(out, 'rules/monitoring.prometheusrule.yaml'), 'utf8'))).toMatchObject({ kind: 'PrometheusRule', metadata: { name: 'monitoring' } });

    expect(await promkit(['generate', MODULE, EXAMPLE, '--out', out, '--check'])).toMatchObject({ code: 0, stdout: '5 generated files are up to date.\n' });
    await writeFile(rules, 'groups: []\n');
    await rm(join(out, 'dashboards/app-overview.json'));
    const stale = await promkit(['generate', MODULE, EXAMPLE, '--out', out, '--check']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('2 generated files are out of date:');
    expect(stale.stderr).toContain(`${join(out, 'dashboards/app-overview.json')} (missing)`);
    expect(stale.stderr).toContain(`${rules}\n`);
  });

  it('refuses a Grafana dashboard with the command that converts it', async () => {
    const run = await promkit(['generate', 'tests/fixtures/grafana/current-v41.json', '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('looks like a Grafana dashboard, not a promkit one: convert it first with `promkit import');
  });
});

describe('promkit validate', () => {
  it('passes valid input and lists every problem of invalid input with its place', async () => {
    expect(await promkit(['validate', MODULE, EXAMPLE])).toMatchObject({ code: 0, stdout: '2 dashboards and 1 rule group(s) are valid.\n' });
    const bad = join(out, 'bad.json');
    await writeFile(bad, JSON.stringify({ schemaVersion: 1, title: 'Bad', panels: [{ id: 1, type: 'stat', gridPos: { x: 0, y: 0, w: 30, h: 4 } }] }));
    const run = await promkit(['validate', bad, 'tests/fixtures/cli/broken-rules.mjs']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${bad}: panels[0].gridPos.w: must be 1–24, got 30`);
    expect(run.stderr).toMatch(/broken-rules\.mjs: groups\[0\]\.rules\[0\]\.expr: .+/);
    expect(run.stderr).toMatch(/broken-rules\.mjs: groups\[0\]\.rules\[0\]\.for: .+/);
  });
});

describe('promkit import', () => {
  it('prints a Grafana dashboard as promkit JSON, with what it left out on stderr', async () => {
    const run = await promkit(['import', 'tests/fixtures/grafana/prometheus-stats-v14.json', '--datasource-url', '/prometheus']);
    expect(run.code).toBe(0);
    const check = validateDashboard(run.stdout);
    expect(check.ok).toBe(true);
    expect(JSON.parse(run.stdout)).toMatchObject({ title: 'Prometheus 2.0 Stats (v14)', datasources: [{ name: 'default', url: '/prometheus' }] });
    expect(run.stderr).toContain('tests/fixtures/grafana/prometheus-stats-v14.json: rows[0].panels[3].mode: HTML is shown as Markdown');
  });
});

describe('promkit publish', () => {
  it('publishes into a folder with a token from the environment; a second publish conflicts unless --overwrite', async () => {
    const args = ['publish', EXAMPLE, '--grafana-url', grafana.url, '--folder', 'promkit/demo', '--message', 'CI'];
    const first = await promkit(args, { GRAFANA_TOKEN: CONTRACT_TOKEN });
    expect(first.stderr).toBe('');
    expect(first).toMatchObject({ code: 0, stdout: `published "Shop API overview" (version 1): ${grafana.url}/d/app-overview/shop-api-overview\n` });
    expect(grafana.requests.find((r) => r.path === '/api/dashboards/db')?.body).toMatchObject({ message: 'CI', folderUid: expect.any(String) });

    const again = await promkit(args, { GRAFANA_TOKEN: CONTRACT_TOKEN });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('"Shop API overview": Grafana kept its copy (version-mismatch)');
    expect(await promkit([...args, '--overwrite'], { GRAFANA_TOKEN: CONTRACT_TOKEN })).toMatchObject({ code: 0, stdout: expect.stringContaining('(version 2)') });

    const denied = await promkit(args, { GRAFANA_TOKEN: 'wrong' });
    expect(denied.code).toBe(1);
    expect(denied.stderr).toContain('(401 api-key.invalid): Invalid API key. Check the token or credentials.');
  });
});

describe('promkit usage errors', () => {
  it.each([
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['generate', EXAMPLE], 'generate needs --out DIR'],
    [['generate', 'no-such.json', '--out', 'x'], 'cannot read no-such.json: no such file.'],
    [['validate', '--strict-mode', EXAMPLE], "Unknown option '--strict-mode'"],
    [['publish', EXAMPLE], 'publish needs --grafana-url URL'],
    [['publish', EXAMPLE, '--grafana-url', 'http://g', '--org', 'one'], '--org must be an organization id such as 1, got "one".'],
    [['validate', 'README.md'], 'README.md: expected a .json dashboard or a .js, .mjs or .ts module.'],
  ])('promkit %j exits 2 and says: %s', async (args, message) => {
    const run = await promkit(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('Run `promkit --help` for usage.');
  });
});
