/**
 * Checks rule groups before Prometheus sees them. Each problem has its path, what to do, and a
 * severity: an `error` is what Prometheus itself refuses (syntax, durations, names, duplicate
 * groups; metrics nothing provides, when the known ones are given), `advice` is convention
 * (naming) that Prometheus accepts either way.
 */
import { checkPromQL, metricNames } from '../promql/parse.js';
import { parseDuration } from '../time/duration.js';
import { SchemaError, type SchemaProblem } from '../prometheus/errors.js';
import { closest } from '../internal/closest.js';
import { isRecordingRule, type Rule, type RuleGroup } from './model.js';

export interface RuleCheckOptions {
  /**
   * Metric names that exist (from your exporters, or `client.labelValues('__name__')`). When
   * given, a rule that reads any other name (and no recording rule in the groups makes it) is an error.
   */
  knownMetrics?: Iterable<string>;
}

/** One problem in rule groups: `error` Prometheus refuses, `advice` it accepts. */
export interface RuleProblem extends SchemaProblem {
  severity: 'error' | 'advice';
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
/** `level:metric:operations`: three or more non-empty parts. */
const RECORD_CONVENTION = /^[a-zA-Z_][a-zA-Z0-9_]*:[a-zA-Z_][a-zA-Z0-9_]*:[a-zA-Z0-9_][a-zA-Z0-9_:]*$/;
/** An alert name as the docs write them: one word of letters, digits and `_`. */
const ALERT_CONVENTION = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

type Report = (path: string, message: string, severity?: RuleProblem['severity']) => void;

/** Every problem in `groups`, errors and advice in file order, or an empty list. */
export function ruleProblems(groups: readonly RuleGroup[], options: RuleCheckOptions = {}): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const report: Report = (path, message, severity = 'error') => problems.push({ path, message, severity });
  const known = options.knownMetrics ? new Set(options.knownMetrics) : undefined;
  const recorded = new Set(groups.flatMap((g) => (g.rules ?? []).filter(isRecordingRule).map((r) => r.record)));
  const groupNames = new Map<string, number>();

  groups.forEach((group, g) => {
    const at = `groups[${g}]`;
    if (typeof group.name !== 'string' || !group.name) report(`${at}.name`, 'must not be empty');
    else if (groupNames.has(group.name)) report(`${at}.name`, `"${group.name}" is already the name of groups[${groupNames.get(group.name)}]; group names must be unique in a file`);
    else groupNames.set(group.name, g);
    if (group.interval !== undefined) checkDuration(`${at}.interval`, group.interval, report);
    if (group.queryOffset !== undefined) checkDuration(`${at}.queryOffset`, group.queryOffset, report);
    if (group.limit !== undefined && !(Number.isInteger(group.limit) && group.limit >= 0)) report(`${at}.limit`, `must be a whole number ≥ 0, got ${group.limit}`);
    checkLabels(`${at}.labels`, group.labels, report);
    if (!group.rules?.length) report(`${at}.rules`, 'the group has no rules: Prometheus loads it and evaluates nothing', 'advice');
    group.rules?.forEach((rule, r) => checkRule(`${at}.rules[${r}]`, rule, { known, recorded }, report));
  });
  return problems;
}

/**
 * Throws a SchemaError listing the errors in `groups` (with `strict`, the advice too); returns
 * the advice it did not throw for, for the caller to show.
 */
export function assertValidRules(groups: readonly RuleGroup[], options: RuleCheckOptions & { strict?: boolean } = {}): RuleProblem[] {
  const problems = ruleProblems(groups, options);
  const failing = options.strict ? problems : problems.filter((p) => p.severity === 'error');
  if (failing.length) {
    throw new SchemaError(`The rules have ${failing.length} problem(s):\n${failing.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`, failing);
  }
  return problems;
}

function checkRule(at: string, rule: Rule, names: { known: Set<string> | undefined; recorded: Set<string> }, report: Report): void {
  const loose = rule as Partial<Record<'record' | 'alert' | 'for' | 'keepFiringFor' | 'annotations', unknown>>;
  const hasRecord = !!loose.record;
  const hasAlert = !!loose.alert;
  if (hasRecord === hasAlert) {
    report(at, 'a rule has either `record` (a recording rule) or `alert` (an alerting rule), not both or neither');
    return;
  }
  if (isRecordingRule(rule)) {
    if (!METRIC_NAME.test(rule.record)) report(`${at}.record`, `must be a valid metric name (letters, digits, _ and :), got ${JSON.stringify(rule.record)}`);
    else if (!RECORD_CONVENTION.test(rule.record)) {
      report(`${at}.record`, `by convention a recording rule is named level:metric:operations, e.g. job:http_requests:rate5m; got ${JSON.stringify(rule.record)}`, 'advice');
    }
    for (const [field, name] of [['for', 'for'], ['keepFiringFor', 'keep_firing_for'], ['annotations', 'annotations']] as const) {
      if (loose[field] !== undefined) report(`${at}.${field}`, `a recording rule cannot have ${name}: only alerting rules wait, keep firing or carry annotations`);
    }
  } else {
    if (typeof rule.alert !== 'string') report(`${at}.alert`, `must be text, got ${JSON.stringify(rule.alert)}`);
    else if (!ALERT_CONVENTION.test(rule.alert)) report(`${at}.alert`, `alert names are usually one word such as HighErrorRate (letters, digits, _); got ${JSON.stringify(rule.alert)}`, 'advice');
    if (rule.for !== undefined) checkDuration(`${at}.for`, rule.for, report);
    if (rule.keepFiringFor !== undefined) checkDuration(`${at}.keepFiringFor`, rule.keepFiringFor, report);
    checkAnnotations(`${at}.annotations`, rule.annotations, report);
    for (const [place, texts] of [['labels', rule.labels], ['annotations', rule.annotations]] as const) {
      for (const [name, text] of Object.entries(texts ?? {})) if (typeof text === 'string') checkTemplate(`${at}.${place}.${name}`, text, report);
    }
  }
  checkLabels(`${at}.labels`, rule.labels, report);

  const syntax = typeof rule.expr === 'string' ? checkPromQL(rule.expr) : { message: 'must be a PromQL expression', line: 1, column: 1 };
  if (syntax) {
    report(`${at}.expr`, `${syntax.message} (line ${syntax.line}, column ${syntax.column})`);
    return;
  }
  if (names.known) {
    for (const name of metricNames(rule.expr)) {
      if (names.known.has(name) || names.recorded.has(name)) continue;
      const near = closest(name, [...names.known, ...names.recorded]);
      report(`${at}.expr`, `reads ${name}, which no known metric or recording rule provides${near ? ` (did you mean ${near}?)` : ''}`);
    }
  }
}

/** A Prometheus duration (`0` included, as Prometheus reads it). */
function checkDuration(path: string, value: string, report: Report): void {
  if (typeof value !== 'string' || (value !== '0' && parseDuration(value) === undefined)) report(path, `must be a duration such as 30s, 5m or 1h, got ${JSON.stringify(value)}`);
}

/** Label names Prometheus takes (not `__name__`), text values; `__`-names are reserved (advice). */
function checkLabels(path: string, labels: Record<string, string> | undefined, report: Report): void {
  for (const [name, value] of Object.entries(labels ?? {})) {
    if (!LABEL_NAME.test(name) || name === '__name__') report(`${path}.${name}`, 'must be a label name: letters, digits and _, not starting with a digit (and not __name__)');
    else if (name.startsWith('__')) report(`${path}.${name}`, 'label names starting with __ are reserved for Prometheus\' own use', 'advice');
    if (typeof value !== 'string') report(`${path}.${name}`, `must be text, got ${JSON.stringify(value)}`);
  }
}

function checkAnnotations(path: string, annotations: Record<string, string> | undefined, report: Report): void {
  for (const [name, value] of Object.entries(annotations ?? {})) {
    if (!LABEL_NAME.test(name)) report(`${path}.${name}`, 'must be an annotation name: letters, digits and _, not starting with a digit');
    if (typeof value !== 'string') report(`${path}.${name}`, `must be text, got ${JSON.stringify(value)}`);
  }
}

/**
 * The one template mistake found without Go's template parser: an action `{{` never closed by
 * `}}` (Prometheus refuses the rule). Everything else in the template is left to Prometheus.
 */
function checkTemplate(path: string, text: string, report: Report): void {
  let at = text.indexOf('{{');
  while (at !== -1) {
    const end = text.indexOf('}}', at + 2);
    if (end === -1) {
      report(path, `the template action at character ${at + 1} is not closed with }}`);
      return;
    }
    at = text.indexOf('{{', end + 2);
  }
}
