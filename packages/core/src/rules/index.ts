/**
 * `@promkit/core/rules`: Prometheus recording and alerting rules as code, checked before
 * Prometheus sees them, written as a rule file or a PrometheusRule resource.
 */
export { isRecordingRule, rateRule, ratioRule, type AlertingRule, type RecordingRule, type Rule, type RuleGroup } from './model.js';
export { assertValidRules, ruleProblems, type RuleCheckOptions, type RuleProblem } from './validate.js';
export { prometheusRule, ruleFile, toPrometheusRuleYaml, toRuleFileYaml, type PrometheusRuleMeta } from './render.js';
export { checkRuleYaml, fromPrometheusRuleYaml, fromRuleFileYaml, readRuleDocuments, type LocatedRuleProblem, type RuleDocument } from './read.js';
