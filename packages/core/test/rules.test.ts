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

  it('lists every problem with its path, what would be right, and whether Prometheus refuses it', () => {
    const bad = [
      {
        name: 'bad',
        interval: 'soon',
        rules: [
          { record: 'http_requests_rate', expr: 'rate(http_requests_total[5m])' },
          { record: 'job:x:rate5m', expr: 'sum(rate(http_requests_totl[5m])' },
          { alert: 'High Error Rate', expr: 'up == 0', for: '5 minutes', labels: { __team: 'x', 'sev-erity': 'page', __name__: 'x' } },
          { alert: 'Typo', expr: 'sum(rate(http_requests_totl[5m])) > 1', annotations: { summary: '{{ $labels.job }} is {{ $value' } },
          { record: 'a:b:c', alert: 'Both', expr: 'up' },
          { record: 'job:up:sum', expr: 'sum by (job) (up)', for: '5m', annotations: { summary: 'x' } },
          { record: 'job:up{x}', expr: 'up' },
        ],
      },
      { name: 'bad', queryOffset: '1 min', labels: { 'team-name': 'a' }, rules: [] },
    ] as unknown as RuleGroup[];
    expect(ruleProblems(bad, { knownMetrics: ['http_requests_total', 'up'] })).toEqual([
      { severity: 'error', path: 'groups[0].interval', message: 'must be a duration such as 30s, 5m or 1h, got "soon"' },
      { severity: 'advice', path: 'groups[0].rules[0].record', message: 'by convention a recording rule is named level:metric:operations, e.g. job:http_requests:rate5m; got "http_requests_rate"' },
      { severity: 'error', path: 'groups[0].rules[1].expr', message: 'unexpected end of input (line 1, column 33)' },
      { severity: 'advice', path: 'groups[0].rules[2].alert', message: 'alert names are usually one word such as HighErrorRate (letters, digits, _); got "High Error Rate"' },
      { severity: 'error', path: 'groups[0].rules[2].for', message: 'must be a duration such as 30s, 5m or 1h, got "5 minutes"' },
      { severity: 'advice', path: 'groups[0].rules[2].labels.__team', message: "label names starting with __ are reserved for Prometheus' own use" },
      { severity: 'error', path: 'groups[0].rules[2].labels.sev-erity', message: 'must be a label name: letters, digits and _, not starting with a digit (and not __name__)' },
      { severity: 'error', path: 'groups[0].rules[2].labels.__name__', message: 'must be a label name: letters, digits and _, not starting with a digit (and not __name__)' },
      { severity: 'error', path: 'groups[0].rules[3].annotations.summary', message: 'the template action at character 22 is not closed with }}' },
      { severity: 'error', path: 'groups[0].rules[3].expr', message: 'reads http_requests_totl, which no known metric or recording rule provides (did you mean http_requests_total?)' },
      { severity: 'error', path: 'groups[0].rules[4]', message: 'a rule has either `record` (a recording rule) or `alert` (an alerting rule), not both or neither' },
      { severity: 'error', path: 'groups[0].rules[5].for', message: 'a recording rule cannot have for: only alerting rules wait, keep firing or carry annotations' },
      { severity: 'error', path: 'groups[0].rules[5].annotations', message: 'a recording rule cannot have annotations: only alerting rules wait, keep firing or carry annotations' },
      { severity: 'error', path: 'groups[0].rules[6].record', message: 'must be a valid metric name (letters, digits, _ and :), got "job:up{x}"' },
      { severity: 'error', path: 'groups[1].name', message: '"bad" is already the name of groups[0]; group names must be unique in a file' },
      { severity: 'error', path: 'groups[1].queryOffset', message: 'must be a duration such as 30s, 5m or 1h, got "1 min"' },
      { severity: 'error', path: 'groups[1].labels.team-name', message: 'must be a label name: letters, digits and _, not starting with a digit (and not __name__)' },
      { severity: 'advice', path: 'groups[1].rules', message: 'the group has no rules: Prometheus loads it and evaluates nothing' },
    ]);
  });

  it('names widely used rule sets choose are advice, not errors: two-part and colon-free records, spaced alert names, `0` durations', () => {
    const common: RuleGroup[] = [
      {
        name: 'availability',
        interval: '0',
        rules: [
          { record: 'apiserver_request:availability30d', expr: 'sum(up)' },
          { record: 'count:up1', expr: 'count(up == 1)' },
          { record: 'instance_cpu_busy', expr: 'avg by (instance) (rate(node_cpu_seconds_total{mode!="idle"}[5m]))' },
          { alert: 'Target down', expr: 'up == 0', for: '0' },
        ],
      },
    ];
    const problems = ruleProblems(common);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems.map((p) => p.path)).toEqual(['groups[0].rules[0].record', 'groups[0].rules[1].record', 'groups[0].rules[2].record', 'groups[0].rules[3].alert']);
  });

  it('assertValidRules throws a SchemaError carrying the errors, returns the advice, and with strict throws for advice too', () => {
    const bad: RuleGroup[] = [{ name: 'g', rules: [{ record: 'nope', expr: 'up' }, { alert: 'A', expr: 'up', for: 'soon' }] }];
    try {
      assertValidRules(bad);
      expect.unreachable();
    } catch (error) {
      expect(isPromkitError(error) && error.name).toBe('SchemaError');
      expect((error as { problems: unknown[] }).problems).toEqual(ruleProblems(bad).filter((p) => p.severity === 'error'));
      expect((error as Error).message).toContain('groups[0].rules[1].for: must be a duration');
      expect((error as Error).message).not.toContain('level:metric:operations');
    }
    const advised: RuleGroup[] = [{ name: 'g', rules: [{ record: 'nope', expr: 'up' }] }];
    expect(assertValidRules(advised).map((p) => p.severity)).toEqual(['advice']);
    expect(() => assertValidRules(advised, { strict: true })).toThrow(/level:metric:operations/);
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
