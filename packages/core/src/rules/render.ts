/** Rule groups as the YAML Prometheus reads, and as a PrometheusRule custom resource. */
import { stringify } from 'yaml';
import { isRecordingRule, type Rule, type RuleGroup } from './model.js';

/** The rule-file document (`groups:` …) with Prometheus' own field names. */
export function ruleFile(groups: readonly RuleGroup[]): { groups: Record<string, unknown>[] } {
  return { groups: groups.map((g) => groupDocument(g, false)) };
}

/** A Prometheus rule file, ready for `rule_files:` (and `promtool check rules`). */
export function toRuleFileYaml(groups: readonly RuleGroup[]): string {
  return toYaml(ruleFile(groups));
}

export interface PrometheusRuleMeta {
  name: string;
  namespace?: string;
  /** Labels the Prometheus Operator's `ruleSelector` matches, e.g. `{ release: 'prometheus' }`. */
  labels?: Record<string, string>;
}

/** A `monitoring.coreos.com/v1` PrometheusRule resource holding the groups. */
export function prometheusRule(groups: readonly RuleGroup[], meta: PrometheusRuleMeta): Record<string, unknown> {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: { name: meta.name, ...(meta.namespace ? { namespace: meta.namespace } : {}), ...(meta.labels ? { labels: meta.labels } : {}) },
    spec: { groups: groups.map((g) => groupDocument(g, true)) },
  };
}

/** The PrometheusRule resource as YAML, for `kubectl apply -f`. */
export function toPrometheusRuleYaml(groups: readonly RuleGroup[], meta: PrometheusRuleMeta): string {
  return toYaml(prometheusRule(groups, meta));
}

/** A group in Prometheus' field names; `partial_response_strategy` (Thanos) only in a resource. */
function groupDocument(group: RuleGroup, resource: boolean): Record<string, unknown> {
  return {
    name: group.name,
    ...(group.interval !== undefined ? { interval: group.interval } : {}),
    ...(group.queryOffset !== undefined ? { query_offset: group.queryOffset } : {}),
    ...(group.limit !== undefined ? { limit: group.limit } : {}),
    ...(group.labels && Object.keys(group.labels).length ? { labels: group.labels } : {}),
    ...(resource && group.partialResponseStrategy !== undefined ? { partial_response_strategy: group.partialResponseStrategy } : {}),
    rules: group.rules.map(ruleDocument),
  };
}

function ruleDocument(rule: Rule): Record<string, unknown> {
  const labels = rule.labels && Object.keys(rule.labels).length ? { labels: rule.labels } : {};
  if (isRecordingRule(rule)) return { record: rule.record, expr: rule.expr, ...labels };
  return {
    alert: rule.alert,
    expr: rule.expr,
    ...(rule.for !== undefined ? { for: rule.for } : {}),
    ...(rule.keepFiringFor !== undefined ? { keep_firing_for: rule.keepFiringFor } : {}),
    ...labels,
    ...(rule.annotations && Object.keys(rule.annotations).length ? { annotations: rule.annotations } : {}),
  };
}

/** Long expressions stay on one line; multi-line ones become block scalars. */
function toYaml(document: unknown): string {
  return stringify(document, { lineWidth: 0 });
}
