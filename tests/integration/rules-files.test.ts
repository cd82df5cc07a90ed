/**
 * Existing rule files against the real tools: the checker agrees with `promtool check rules` on
 * what Prometheus refuses (no error where promtool accepts), files read and written back are
 * accepted by promtool, and `promkit rules check` as a user runs it (exit codes, lines a person
 * and a CI log can read, --json, --strict, --prometheus against the real server).
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkRuleYaml, fromPrometheusRuleYaml, fromRuleFileYaml, toRuleFileYaml } from '@promkit/core/rules';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'packages/core/bin/promkit.mjs');
const url = inject('prometheusUrl');

/** Runs a command; never throws, returns the exit code and output. */
async function run(command: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(command, args, { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'promkit-rule-files-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A rule file of one group named g with these rules (YAML lines, indented as rules). */
const file = (rules: string, group = '') => `groups:\n  - name: g\n${group}    rules:\n${rules}`;

/** Files written the ways rule sets in the wild are: each either accepted or refused by promtool 2.42. */
const CASES: Record<string, string> = {
  'two-part record names': file('      - record: apiserver_request:availability30d\n        expr: sum(up)\n      - record: count:up1\n        expr: count(up == 1)\n'),
  'a record without colons': file('      - record: instance_cpu_busy\n        expr: avg by (instance) (rate(node_cpu_seconds_total[5m]))\n'),
  'alert names with spaces and colons': file('      - alert: Target down\n        expr: up == 0\n      - alert: kube:slow\n        expr: up == 0\n'),
  'zero and compound durations': file('      - alert: A\n        expr: up == 0\n        for: 0\n      - alert: B\n        expr: up == 0\n        for: 1h30m\n        keep_firing_for: 90s\n', '    interval: 2m\n'),
  'labels starting with __ and numeric values': file('      - alert: A\n        expr: up == 0\n        labels:\n          __team: core\n          priority: 1\n'),
  'templates in labels and annotations': file('      - alert: A\n        expr: up == 0\n        labels:\n          instance: "{{ $labels.instance }}"\n        annotations:\n          description: "{{ $value | humanize }} on {{ $labels.job }} {{ with query \\"up\\" }}{{ . | first | value }}{{ end }}"\n'),
  'an empty group and a limit': 'groups:\n  - name: empty\n    rules: []\n  - name: limited\n    limit: 10\n    rules:\n      - record: job:up:sum\n        expr: sum by (job) (up)\n',
  'a multi-line expression': file('      - record: job:errors:ratio\n        expr: |\n          sum by (job) (rate(http_requests_total{code=~"5.."}[5m]))\n            /\n          sum by (job) (rate(http_requests_total[5m]))\n'),
  'a recording rule with for': file('      - record: job:up:sum\n        expr: sum by (job) (up)\n        for: 5m\n'),
  'a recording rule with annotations': file('      - record: job:up:sum\n        expr: sum by (job) (up)\n        annotations:\n          summary: x\n'),
  'an unknown field': file('      - alert: A\n        expr: up == 0\n        severity: page\n'),
  'a repeated group name': 'groups:\n  - name: g\n    rules: []\n  - name: g\n    rules: []\n',
  'an empty group name': 'groups:\n  - name: ""\n    rules: []\n',
  'a bad duration': file('      - alert: A\n        expr: up == 0\n        for: 5 minutes\n'),
  'a bad expression': file('      - alert: A\n        expr: sum(rate(up[5m])\n'),
  'a missing expression': file('      - alert: A\n        for: 5m\n'),
  'record and alert both': file('      - record: a:b:c\n        alert: A\n        expr: up\n'),
  'a __name__ label': file('      - alert: A\n        expr: up == 0\n        labels:\n          __name__: x\n'),
  'a dashed label name': file('      - alert: A\n        expr: up == 0\n        labels:\n          team-name: x\n'),
  'a dashed annotation name': file('      - alert: A\n        expr: up == 0\n        annotations:\n          run-book: x\n'),
  'braces in a record name': file('      - record: job:up{x="1"}\n        expr: up\n'),
  'an unclosed template action': file('      - alert: A\n        expr: up == 0\n        annotations:\n          summary: "{{ $labels.job "\n'),
  'a duplicate key': file('      - alert: A\n        alert: B\n        expr: up == 0\n'),
};

describe('the checker and promtool check rules', () => {
  it('agree on every case: no error where promtool accepts, an error where it refuses', async () => {
    const disagree: string[] = [];
    let accepted = 0;
    for (const [name, text] of Object.entries(CASES)) {
      const path = join(dir, `${name.replace(/\W+/g, '-')}.yml`);
      await writeFile(path, text);
      const promtool = await run('promtool', ['check', 'rules', path]);
      const errors = checkRuleYaml(text).problems.filter((p) => p.severity === 'error');
      if (promtool.code === 0) accepted += 1;
      if ((promtool.code === 0) !== (errors.length === 0)) disagree.push(`${name}: promtool ${promtool.code === 0 ? 'accepts' : `refuses (${(promtool.stdout + promtool.stderr).trim().split('\n').at(-1)})`}, promkit has ${errors.length} error(s) ${JSON.stringify(errors.map((e) => e.message))}`);
    }
    expect(disagree).toEqual([]);
    expect(accepted).toBe(8);
  });

  it('writes back what it read, and promtool accepts the written file; a PrometheusRule\'s groups as a rule file too', async () => {
    for (const name of ['zero and compound durations', 'labels starting with __ and numeric values', 'templates in labels and annotations', 'an empty group and a limit', 'a multi-line expression']) {
      const path = join(dir, 'written.yml');
      await writeFile(path, toRuleFileYaml(fromRuleFileYaml(CASES[name]!)));
      const promtool = await run('promtool', ['check', 'rules', path]);
      expect(promtool.code, `${name}: ${promtool.stdout}${promtool.stderr}`).toBe(0);
    }
    const resource = `apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: r\nspec:\n${CASES['a multi-line expression']!.replace(/^/gm, '  ')}`;
    const [read] = fromPrometheusRuleYaml(resource);
    await writeFile(join(dir, 'from-resource.yml'), toRuleFileYaml(read!.groups));
    expect((await run('promtool', ['check', 'rules', join(dir, 'from-resource.yml')])).code).toBe(0);
  });
});

describe('promkit rules check', () => {
  let tree: string;
  beforeAll(async () => {
    tree = join(dir, 'tree');
    await mkdir(join(tree, 'team-a'), { recursive: true });
    await writeFile(join(tree, 'team-a', 'good.yaml'), CASES['two-part record names']!);
    await writeFile(join(tree, 'team-a', 'notes.txt'), 'not a rule file');
    await writeFile(
      join(tree, 'resource.yml'),
      `apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: r\nspec:\n  groups:\n    - name: up\n      rules:\n        - alert: Down\n          expr: promkit_temperature_celsiu > 1\n          for: 1m\n`,
    );
  });

  it('passes a folder Prometheus would load, listing the advice; fails with --strict', async () => {
    const good = await run('node', [BIN, 'rules', 'check', join(tree, 'team-a')]);
    expect(good.code, good.stderr).toBe(0);
    expect(good.stdout).toContain(`${join(tree, 'team-a', 'good.yaml')}:4:17: advice: groups[0].rules[0].record: by convention`);
    expect(good.stdout.trim().split('\n').at(-1)).toBe('1 file, 1 group, 2 rules: 0 errors, 2 pieces of advice');
    expect((await run('node', [BIN, 'rules', 'check', '--strict', join(tree, 'team-a')])).code).toBe(1);
  });

  it('fails on an error with file:line:column, and as JSON for tools', async () => {
    const broken = join(tree, 'broken.yml');
    await writeFile(broken, CASES['a bad duration']!);
    const text = await run('node', [BIN, 'rules', 'check', broken]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`${broken}:6:14: error: groups[0].rules[0].for: must be a duration such as 30s, 5m or 1h, got "5 minutes"`);
    const json = await run('node', [BIN, 'rules', 'check', '--json', broken]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({
      ok: false,
      files: [{ file: broken, groups: 1, rules: 1, problems: [{ path: 'groups[0].rules[0].for', message: 'must be a duration such as 30s, 5m or 1h, got "5 minutes"', severity: 'error', line: 6, column: 14 }] }],
    });
    await rm(broken);
  });

  it('with --prometheus, flags a metric the real server does not have, with the nearest it has', async () => {
    const resource = join(tree, 'resource.yml');
    expect((await run('node', [BIN, 'rules', 'check', resource])).code).toBe(0);
    const live = await run('node', [BIN, 'rules', 'check', '--prometheus', url, resource]);
    expect(live.code).toBe(1);
    expect(live.stdout).toContain(`${resource}:10:17: error: groups[0].rules[0].expr: reads promkit_temperature_celsiu, which no known metric or recording rule provides (did you mean promkit_temperature_celsius?)`);
  });

  it('exit code 2 with what to do for no files, a missing path, or a subcommand it does not have', async () => {
    for (const args of [['rules', 'check'], ['rules', 'check', join(dir, 'nope.yml')], ['rules', 'lint', 'x.yml']]) {
      const r = await run('node', [BIN, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/promkit: .+\nRun `promkit --help` for usage/);
    }
  });
});
