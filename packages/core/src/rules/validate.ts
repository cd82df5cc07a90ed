/**
 * Checks rule groups before Prometheus sees them: every problem with its path and what to do,
 * e.g. `groups[0].rules[2].record: must follow level:metric:operations …`.
 */
import { checkPromQL, metricNames } from '../promql/parse.js';
import { parseDuration } from '../time/duration.js';
import { SchemaError, type SchemaProblem } from '../prometheus/errors.js';
import { closest } from '../internal/closest.js';
import { isRecordingRule, type Rule, type RuleGroup } from './model.js';

export interface RuleCheckOptions {
  /**
   * Metric names that exist (from your exporters, or `client.labelValues('__name__')`). When
   * given, a rule that reads any other name (and no earlier recording rule makes it) is a problem.
   */
  knownMetrics?: Iterable<string>;
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
/** `level:metric:operations`: three or more non-empty parts. */
const RECORD_CONVENTION = /^[a-zA-Z_][a-zA-Z0-9_]*:[a-zA-Z_][a-zA-Z0-9_]*:[a-zA-Z0-9_][a-zA-Z0-9_:]*$/;

/** Every problem in `groups`, or an empty list. */
export function ruleProblems(groups: readonly RuleGroup[], options: RuleCheckOptions = {}): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });
  const known = options.knownMetrics ? new Set(options.knownMetrics) : undefined;
  const recorded = new Set(groups.flatMap((g) => g.rules.filter(isRecordingRule).map((r) => r.record)));
  const groupNames = new Map<string, number>();

  groups.forEach((group, g) => {
    const at = `groups[${g}]`;
    if (!group.name?.trim()) problem(`${at}.name`, 'must not be empty');
    else if (groupNames.has(group.name)) problem(`${at}.name`, `"${group.name}" is already the name of groups[${groupNames.get(group.name)}]; group names must be unique in a file`);
    else groupNames.set(group.name, g);
    if (group.interval !== undefined) checkDuration(`${at}.interval`, group.interval, problem);
    if (group.limit !== undefined && !(Number.isInteger(group.limit) && group.limit >= 0)) problem(`${at}.limit`, `must be a whole number ≥ 0, got ${group.limit}`);
    if (!group.rules?.length) problem(`${at}.rules`, 'a group needs at least one rule');
    group.rules?.forEach((rule, r) => checkRule(`${at}.rules[${r}]`, rule, { known, recorded }, problem));
  });
  return problems;
}

/** Throws a SchemaError listing every problem in `groups`. */
export function assertValidRules(groups: readonly RuleGroup[], options: RuleCheckOptions = {}): void {
  const problems = ruleProblems(groups, options);
  if (problems.length) {
    throw new SchemaError(`The rules have ${problems.length} problem(s):\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`, problems);
  }
}

type Report = (path: string, message: string) => void;

function checkRule(at: string, rule: Rule, names: { known: Set<string> | undefined; recorded: Set<string> }, problem: Report): void {
  const hasRecord = 'record' in rule;
  const hasAlert = 'alert' in rule;
  if (hasRecord === hasAlert) {
    problem(at, 'a rule has either `record` (a recording rule) or `alert` (an alerting rule), not both or neither');
    return;
  }
  if (isRecordingRule(rule)) {
    if (!METRIC_NAME.test(rule.record)) problem(`${at}.record`, `must be a valid metric name, got ${JSON.stringify(rule.record)}`);
    else if (!RECORD_CONVENTION.test(rule.record)) {
      problem(`${at}.record`, `must follow level:metric:operations, e.g. job:http_requests:rate5m, got ${JSON.stringify(rule.record)}`);
    }
  } else {
    if (!METRIC_NAME.test(rule.alert ?? '') || rule.alert.includes(':')) problem(`${at}.alert`, `must be a name like HighErrorRate (letters, digits, _), got ${JSON.stringify(rule.alert)}`);
    if (rule.for !== undefined) checkDuration(`${at}.for`, rule.for, problem);
    if (rule.keepFiringFor !== undefined) checkDuration(`${at}.keepFiringFor`, rule.keepFiringFor, problem);
    checkNames(`${at}.annotations`, rule.annotations, problem);
  }
  checkNames(`${at}.labels`, rule.labels, problem);

  const syntax = typeof rule.expr === 'string' ? checkPromQL(rule.expr) : { message: 'must be a PromQL expression', line: 1, column: 1 };
  if (syntax) {
    problem(`${at}.expr`, `${syntax.message} (line ${syntax.line}, column ${syntax.column})`);
    return;
  }
  if (names.known) {
    for (const name of metricNames(rule.expr)) {
      if (names.known.has(name) || names.recorded.has(name)) continue;
      const near = closest(name, [...names.known, ...names.recorded]);
      problem(`${at}.expr`, `reads ${name}, which no known metric or recording rule provides${near ? ` (did you mean ${near}?)` : ''}`);
    }
  }
}

function checkDuration(path: string, value: string, problem: Report): void {
  if (typeof value !== 'string' || parseDuration(value) === undefined) problem(path, `must be a duration such as 30s, 5m or 1h, got ${JSON.stringify(value)}`);
}

function checkNames(path: string, labels: Record<string, string> | undefined, problem: Report): void {
  for (const [name, value] of Object.entries(labels ?? {})) {
    if (!LABEL_NAME.test(name) || name.startsWith('__')) problem(`${path}.${name}`, 'must be a label name: letters, digits and _, not starting with a digit or __');
    else if (typeof value !== 'string') problem(`${path}.${name}`, `must be text, got ${JSON.stringify(value)}`);
  }
}
