/** Prometheus rule groups as data, and builders that follow the naming conventions. */

/** A recording rule: `record` is the new series' name, by convention `level:metric:operations`. */
export interface RecordingRule {
  record: string;
  expr: string;
  labels?: Record<string, string>;
}

/** An alerting rule. */
export interface AlertingRule {
  alert: string;
  expr: string;
  /** How long the condition must hold before the alert fires, e.g. `5m`. */
  for?: string;
  /** How long the alert keeps firing after the condition clears (Prometheus 2.42+). */
  keepFiringFor?: string;
  labels?: Record<string, string>;
  /** Templated texts such as `summary` and `description`. */
  annotations?: Record<string, string>;
}

export type Rule = RecordingRule | AlertingRule;

/** A group of rules evaluated together, in order. */
export interface RuleGroup {
  name: string;
  /** Evaluation interval; the global one when left out. */
  interval?: string;
  /** How far back in time the group's queries look (`query_offset`, Prometheus 2.53+). */
  queryOffset?: string;
  /** Most series (or alerts) a rule may produce; 0 for no limit. */
  limit?: number;
  /** Labels added to every rule's result (Prometheus 3.0+). */
  labels?: Record<string, string>;
  /** Thanos Ruler's `partial_response_strategy`: written in PrometheusRule resources only. */
  partialResponseStrategy?: string;
  rules: Rule[];
}

/** True for a recording rule. */
export function isRecordingRule(rule: Rule): rule is RecordingRule {
  return 'record' in rule;
}

/** The metric a counter counts, without its `_total` suffix (`http_requests_total` → `http_requests`). */
function counterBase(metric: string): string {
  return metric.replace(/_total$/, '');
}

/** The `level` part of a recording rule's name: the labels it keeps, or `total`. */
function levelOf(by: readonly string[]): string {
  return by.length ? by.join('_') : 'total';
}

/** `sum by (…) (rate(metric{…}[window]))`. */
function sumRate(metric: string, selector: string, by: readonly string[], window: string): string {
  return `sum by (${by.join(', ')}) (rate(${metric}${selector}[${window}]))`;
}

/**
 * A recording rule for a counter's per-second rate summed by some labels, named by convention:
 * `rateRule({ metric: 'http_requests_total', by: ['job'], window: '5m' })` records
 * `job:http_requests:rate5m` as `sum by (job) (rate(http_requests_total[5m]))`.
 */
export function rateRule(options: { metric: string; by: readonly string[]; window: string; selector?: string; labels?: Record<string, string> }): RecordingRule {
  const { metric, by, window, selector = '' } = options;
  return {
    record: `${levelOf(by)}:${counterBase(metric)}:rate${window}`,
    expr: sumRate(metric, selector, by, window),
    ...(options.labels ? { labels: options.labels } : {}),
  };
}

/**
 * A recording rule for the share of a counter's rate that matches a selector (an error ratio):
 * `ratioRule({ metric: 'http_requests_total', by: ['job'], window: '5m', matching: '{code=~"5.."}', name: 'errors' })`
 * records `job:http_requests_errors:ratio_rate5m`.
 */
export function ratioRule(options: { metric: string; by: readonly string[]; window: string; matching: string; name: string; labels?: Record<string, string> }): RecordingRule {
  const { metric, by, window, matching, name } = options;
  return {
    record: `${levelOf(by)}:${counterBase(metric)}_${name}:ratio_rate${window}`,
    expr: `${sumRate(metric, matching, by, window)} / ${sumRate(metric, '', by, window)}`,
    ...(options.labels ? { labels: options.labels } : {}),
  };
}
