/** Rules as code: builders, the problems the checker finds, and the YAML written. */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { assertValidRules, rateRule, ratioRule, ruleProblems, toPrometheusRuleYaml, toRuleFileYaml, type RuleGroup } from '@promkit/core/rules';
import { isPromkitError } from '@promkit/core';

const good: RuleGroup[] = [
  {
    name: 'http',
    interval: '30s',
    rules: [
      rateRule({ metric: 'http_requests_total', by: ['job'], window: '5m' }),
      ratioRule({ metric: 'http_requests_total', by: ['job'], window: '5m', matching: '{code=~"5.."}', name: 'errors' }),
      {
        alert: 'HighErrorRate',
        expr: 'job:http_requests_errors:ratio_rate5m > 0.05',
        for: '10m',
        keepFiringFor: '5m',
        labels: { severity: 'page' },
        annotations: { summary: '{{ $labels.job }} fails {{ $value | humanizePercentage }} of requests' },
      },
    ],
  },
];

describe('builders', () => {
  it('name recording rules level:metric:operations and write the expression to match', () => {
    expect(good[0]!.rules.slice(0, 2)).toEqual([
      { record: 'job:http_requests:rate5m', expr: 'sum by (job) (rate(http_requests_total[5m]))' },
      {
        record: 'job:http_requests_errors:ratio_rate5m',
        expr: 'sum by (job) (rate(http_requests_total{code=~"5.."}[5m])) / sum by (job) (rate(http_requests_total[5m]))',
      },
    ]);
  });
});

describe('ruleProblems', () => {
  it('finds nothing wrong with good rules, and knows what earlier recording rules make', () => {
    expect(ruleProblems(good, { knownMetrics: ['http_requests_total'] })).toEqual([]);
  });

  it('lists every problem with its path and what would be right', () => {
    const bad = [
      {
        name: 'bad',
        interval: 'soon',
        rules: [
          { record: 'http_requests_rate', expr: 'rate(http_requests_total[5m])' },
          { record: 'job:x:rate5m', expr: 'sum(rate(http_requests_totl[5m])' },
          { alert: 'High Error Rate', expr: 'up == 0', for: '5 minutes', labels: { __team: 'x', 'sev-erity': 'page' } },
          { alert: 'Typo', expr: 'sum(rate(http_requests_totl[5m])) > 1' },
          { record: 'a:b:c', alert: 'Both', expr: 'up' },
        ],
      },
      { name: 'bad', rules: [] },
    ] as unknown as RuleGroup[];
    expect(ruleProblems(bad, { knownMetrics: ['http_requests_total', 'up'] })).toEqual([
      { path: 'groups[0].interval', message: 'must be a duration such as 30s, 5m or 1h, got "soon"' },
      { path: 'groups[0].rules[0].record', message: 'must follow level:metric:operations, e.g. job:http_requests:rate5m, got "http_requests_rate"' },
      { path: 'groups[0].rules[1].expr', message: 'unexpected end of input (line 1, column 33)' },
      { path: 'groups[0].rules[2].alert', message: 'must be a name like HighErrorRate (letters, digits, _), got "High Error Rate"' },
      { path: 'groups[0].rules[2].for', message: 'must be a duration such as 30s, 5m or 1h, got "5 minutes"' },
      { path: 'groups[0].rules[2].labels.__team', message: 'must be a label name: letters, digits and _, not starting with a digit or __' },
      { path: 'groups[0].rules[2].labels.sev-erity', message: 'must be a label name: letters, digits and _, not starting with a digit or __' },
      { path: 'groups[0].rules[3].expr', message: 'reads http_requests_totl, which no known metric or recording rule provides (did you mean http_requests_total?)' },
      { path: 'groups[0].rules[4]', message: 'a rule has either `record` (a recording rule) or `alert` (an alerting rule), not both or neither' },
      { path: 'groups[1].name', message: '"bad" is already the name of groups[0]; group names must be unique in a file' },
      { path: 'groups[1].rules', message: 'a group needs at least one rule' },
    ]);
  });

  it('assertValidRules throws a SchemaError carrying the same list', () => {
    const bad: RuleGroup[] = [{ name: 'g', rules: [{ record: 'nope', expr: 'up' }] }];
    try {
      assertValidRules(bad);
      expect.unreachable();
    } catch (error) {
      expect(isPromkitError(error) && error.name).toBe('SchemaError');
      expect((error as { problems: unknown[] }).problems).toEqual(ruleProblems(bad));
      expect((error as Error).message).toContain('groups[0].rules[0].record: must follow level:metric:operations');
    }
  });
});

describe('YAML', () => {
  it('a rule file in Prometheus field names that reads back to the same groups', () => {
    const text = toRuleFileYaml(good);
    expect(text).toContain('keep_firing_for: 5m');
    expect(text).not.toContain('keepFiringFor');
    expect(parse(text)).toEqual({
      groups: [
        {
          name: 'http',
          interval: '30s',
          rules: [
            { record: 'job:http_requests:rate5m', expr: 'sum by (job) (rate(http_requests_total[5m]))' },
            { record: 'job:http_requests_errors:ratio_rate5m', expr: good[0]!.rules[1]!.expr },
            {
              alert: 'HighErrorRate',
              expr: 'job:http_requests_errors:ratio_rate5m > 0.05',
              for: '10m',
              keep_firing_for: '5m',
              labels: { severity: 'page' },
              annotations: { summary: '{{ $labels.job }} fails {{ $value | humanizePercentage }} of requests' },
            },
          ],
        },
      ],
    });
  });

  it('a PrometheusRule resource for the Prometheus Operator', () => {
    const resource = parse(toPrometheusRuleYaml(good, { name: 'http-rules', namespace: 'monitoring', labels: { release: 'prometheus' } }));
    expect(resource).toMatchObject({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata: { name: 'http-rules', namespace: 'monitoring', labels: { release: 'prometheus' } },
    });
    expect(resource.spec).toEqual(parse(toRuleFileYaml(good)));
  });
});
