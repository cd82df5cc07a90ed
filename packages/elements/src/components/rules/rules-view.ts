/**
 * What the rules view shows of `/api/v1/rules`, as pure functions: each rule's status, the
 * counts at the top, the filter, and times as a person reads them.
 */
import { formatDuration, formatValueText, type RulesResult } from '@promkit/core';

export type RuleGroupStatus = RulesResult['groups'][number];
export type RuleStatus = RuleGroupStatus['rules'][number];

/** What a rule is doing, for its badge: an error beats the alert state. */
export type RuleState = 'error' | 'firing' | 'pending' | 'ok' | 'unknown';

/** Which rules to list. */
export type RuleShow = 'all' | 'alerting' | 'problems';

export function ruleState(rule: RuleStatus): RuleState {
  if (rule.health === 'err' || rule.lastError) return 'error';
  if (rule.type === 'alerting') {
    const state = rule.state ?? (rule.alerts.some((a) => a.state === 'firing') ? 'firing' : rule.alerts.some((a) => a.state === 'pending') ? 'pending' : 'inactive');
    if (state === 'firing' || state === 'pending') return state;
  }
  return rule.health === 'unknown' ? 'unknown' : 'ok';
}

/** The badge's words: `Firing (2)`, `Pending`, `OK`, `Error`, `Not evaluated yet`. */
export function stateLabel(rule: RuleStatus): string {
  const state = ruleState(rule);
  const active = rule.type === 'alerting' ? rule.alerts.filter((a) => a.state === state).length : 0;
  const word = { error: 'Error', firing: 'Firing', pending: 'Pending', ok: 'OK', unknown: 'Not evaluated yet' }[state];
  return active > 1 ? `${word} (${active})` : word;
}

/** Groups, rules and how many fire, wait or fail. */
export function countRules(groups: readonly RuleGroupStatus[]): { groups: number; rules: number; firing: number; pending: number; errors: number } {
  const rules = groups.flatMap((g) => g.rules);
  const count = (state: RuleState) => rules.filter((r) => ruleState(r) === state).length;
  return { groups: groups.length, rules: rules.length, firing: count('firing'), pending: count('pending'), errors: count('error') };
}

/**
 * The groups with only the rules to show: every word of `filter` in the rule's name, query or
 * labels, or the group's name or file (case-insensitive); groups left empty are dropped.
 */
export function filterRules(groups: readonly RuleGroupStatus[], filter: string, show: RuleShow): RuleGroupStatus[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = (group: RuleGroupStatus, rule: RuleStatus) => {
    if (show === 'alerting' && rule.type !== 'alerting') return false;
    if (show === 'problems' && !['error', 'firing', 'pending'].includes(ruleState(rule))) return false;
    const text = [rule.name, rule.query, group.name, group.file, ...Object.entries(rule.labels ?? {}).map(([k, v]) => `${k}=${v}`)].join('\n').toLowerCase();
    return words.every((w) => text.includes(w));
  };
  return groups.map((g) => ({ ...g, rules: g.rules.filter((r) => shown(g, r)) })).filter((g) => g.rules.length > 0);
}

/** `12s ago`, `3m4s ago`, or `never` for Prometheus' zero time (not evaluated yet). */
export function ago(iso: string | undefined, now: number): string {
  const at = iso ? Date.parse(iso) : Number.NaN;
  if (!Number.isFinite(at) || at <= 0) return 'never';
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  return seconds === 0 ? 'just now' : `${formatDuration(seconds)} ago`;
}

/** An evaluation time in seconds as `1.23 ms` (about three significant digits). */
export function took(seconds: number | undefined): string {
  return seconds === undefined ? '' : formatValueText(seconds, 's');
}

/** An alert's value as Prometheus sends it (`1e+00`) written as a number reads (`1`). */
export function alertValue(value: string): string {
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) ? formatValueText(n) : value;
}
