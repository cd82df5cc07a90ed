/** Reading existing rule files and PrometheusRule resources: the same groups, problems with lines, lossless write-back. */
import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkRuleYaml, fromPrometheusRuleYaml, fromRuleFileYaml, readRuleDocuments, toPrometheusRuleYaml, toRuleFileYaml } from '@promkit/core/rules';
import { isPromkitError } from '@promkit/core';

const RULE_FILE = `# written by hand, as teams do
groups:
  - name: api-availability
    interval: 1m
    query_offset: 30s
    limit: 100
    labels:
      team: payments
    rules:
      - record: apiserver_request:availability30d
        expr: |
          1 - sum(rate(http_requests_total{code=~"5.."}[30d]))
            / sum(rate(http_requests_total[30d]))
        labels:
          verb: all
      - alert: APIErrorBudgetBurn
        expr: apiserver_request:availability30d < 0.999
        for: 0
        keep_firing_for: 15m
        labels:
          severity: 1
          page: true
        annotations:
          summary: "{{ $labels.job }}: {{ $value | humanizePercentage }} available"
          runbook_url: https://runbooks.example/api
`;

const RESOURCES = `apiVersion: v1
kind: ConfigMap
metadata:
  name: not-rules
data:
  a: b
---
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: node
  namespace: monitoring
  labels:
    release: prometheus
spec:
  groups:
    - name: node.rules
      partial_response_strategy: warn
      rules:
        - record: instance:node_cpu:ratio
          expr: 1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[5m]))
---
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: blackbox
spec:
  groups:
    - name: probes
      rules:
        - alert: ProbeFailed
          expr: probe_success == 0
          for: 5m
`;

describe('fromRuleFileYaml', () => {
  it('reads every field into the builders\' groups, each value as the file spells it', () => {
    expect(fromRuleFileYaml(RULE_FILE)).toEqual([
      {
        name: 'api-availability',
        interval: '1m',
        queryOffset: '30s',
        limit: 100,
        labels: { team: 'payments' },
        rules: [
          {
            record: 'apiserver_request:availability30d',
            expr: '1 - sum(rate(http_requests_total{code=~"5.."}[30d]))\n  / sum(rate(http_requests_total[30d]))\n',
            labels: { verb: 'all' },
          },
          {
            alert: 'APIErrorBudgetBurn',
            expr: 'apiserver_request:availability30d < 0.999',
            for: '0',
            keepFiringFor: '15m',
            labels: { severity: '1', page: 'true' },
            annotations: { summary: '{{ $labels.job }}: {{ $value | humanizePercentage }} available', runbook_url: 'https://runbooks.example/api' },
          },
        ],
      },
    ]);
  });

  it('writes back what it read (comments aside): the same document, value for value', () => {
    const written = toRuleFileYaml(fromRuleFileYaml(RULE_FILE));
    expect(parse(written, { schema: 'failsafe' })).toEqual(parse(RULE_FILE, { schema: 'failsafe' }));
  });

  it('has no errors for a file Prometheus accepts, only the naming advice', () => {
    const { problems } = checkRuleYaml(RULE_FILE);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'advice', path: 'groups[0].rules[0].record', line: 10, column: 17 }),
    ]);
  });

  it('refuses malformed input with every problem, its path in the file\'s field names and its line', () => {
    const bad = `groups:
  - name: g
    intervall: 1m
    rules:
      - record: job:up:sum
        expr: sum by (job) (up)
        keep_firing_for: 5m
        lables: {}
      - alert: A
        expr: [up]
    limit: many
extra: 1
`;
    const { problems } = checkRuleYaml(bad);
    expect(problems.map((p) => [p.severity, p.path, p.line, p.message])).toEqual([
      ['error', 'extra', 12, 'is not a field Prometheus knows; it refuses files with unknown fields'],
      ['error', 'groups[0].intervall', 3, 'is not a field Prometheus knows (did you mean interval?); it refuses files with unknown fields'],
      ['error', 'groups[0].limit', 11, 'must be a whole number, got "many"'],
      ['error', 'groups[0].rules[0].lables', 8, 'is not a field Prometheus knows (did you mean labels?); it refuses files with unknown fields'],
      ['error', 'groups[0].rules[1].expr', 10, 'must be text, not a list'],
      ['error', 'groups[0].rules[0].keep_firing_for', 7, 'a recording rule cannot have keep_firing_for: only alerting rules wait, keep firing or carry annotations'],
      ['error', 'groups[0].rules[1].expr', 10, 'the query is empty (line 1, column 1)'],
    ]);
    try {
      fromRuleFileYaml(bad);
      expect.unreachable();
    } catch (error) {
      expect(isPromkitError(error) && error.name).toBe('SchemaError');
      expect((error as Error).message).toContain('line 3: groups[0].intervall: is not a field Prometheus knows (did you mean interval?)');
    }
  });

  it('names YAML syntax errors and duplicate keys with their line, and what is not a rule file', () => {
    const { problems } = checkRuleYaml('groups:\n  - name: a\n    name: b\n    rules: []\n');
    expect(problems[0]).toMatchObject({ severity: 'error', line: 3 });
    expect(problems[0]!.message).toMatch(/unique/i);
    expect(checkRuleYaml('groups:\n  - name: "a\n').problems[0]).toMatchObject({ severity: 'error', line: expect.any(Number) });
    expect(() => fromRuleFileYaml('apiVersion: v1\nkind: ConfigMap\n')).toThrow(/not a rule file: it has no `groups:`/);
    expect(checkRuleYaml('').documents).toEqual([]);
  });
});

describe('fromPrometheusRuleYaml', () => {
  it('reads every PrometheusRule of a multi-document stream, passing over other kinds', () => {
    const read = fromPrometheusRuleYaml(RESOURCES);
    expect(read).toEqual([
      {
        meta: { name: 'node', namespace: 'monitoring', labels: { release: 'prometheus' } },
        groups: [{ name: 'node.rules', partialResponseStrategy: 'warn', rules: [{ record: 'instance:node_cpu:ratio', expr: '1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[5m]))' }] }],
      },
      { meta: { name: 'blackbox' }, groups: [{ name: 'probes', rules: [{ alert: 'ProbeFailed', expr: 'probe_success == 0', for: '5m' }] }] },
    ]);
    expect(readRuleDocuments(RESOURCES).map((d) => d.kind)).toEqual(['PrometheusRule', 'PrometheusRule']);
  });

  it('writes each resource back as it was read; the rule file leaves out the Thanos-only field', () => {
    const [node] = fromPrometheusRuleYaml(RESOURCES);
    const original = parseAllDocuments(RESOURCES, { schema: 'failsafe' })[1]!.toJS() as Record<string, unknown>;
    const written = parse(toPrometheusRuleYaml(node!.groups, node!.meta), { schema: 'failsafe' }) as Record<string, unknown>;
    expect(written).toEqual(original);
    expect(toRuleFileYaml(node!.groups)).not.toContain('partial_response_strategy');
  });

  it('locates the checker\'s problems inside spec, and refuses a stream without a PrometheusRule', () => {
    const { problems } = checkRuleYaml(RESOURCES.replace('for: 5m', 'for: five'));
    expect(problems.filter((p) => p.severity === 'error')).toEqual([expect.objectContaining({ path: 'groups[0].rules[0].for', line: 33, column: 16, message: 'must be a duration such as 30s, 5m or 1h, got "five"' })]);
    expect(() => fromPrometheusRuleYaml('groups: []\n')).toThrow(/No PrometheusRule resource/);
  });
});
