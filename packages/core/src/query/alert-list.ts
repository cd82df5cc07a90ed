/**
 * An alert list: Prometheus' active alerts (`/api/v1/alerts`) as the rules they belong to, filtered
 * by state, name and instance labels, sorted and cut as Grafana's alert list does. One row per
 * alert name, in its most important state (firing before pending), with its instances.
 */
import type { Alert } from '../prometheus/schemas.js';
import type { LabelFilter } from '../promql/visual/model.js';
import { SchemaError } from '../prometheus/errors.js';

/** How the list is sorted; the index + 1 is Grafana's `sortOrder` number (`3` is `importance`). */
export const ALERT_SORTS = ['alpha-asc', 'alpha-desc', 'importance', 'time-asc', 'time-desc'] as const;
export type AlertSort = (typeof ALERT_SORTS)[number];

/** What the list keeps and how it orders it. */
export interface AlertListOptions {
  /** Keep alerts whose name contains this text, in any case. */
  alertName?: string | undefined;
  /** Keep instances whose labels match every filter (see `alertLabelFilter`). */
  labelFilter?: readonly LabelFilter[] | undefined;
  /** Which states to show; both unless set false. */
  stateFilter?: { firing?: boolean | undefined; pending?: boolean | undefined } | undefined;
  /** Default `alpha-asc`. `time-asc` lists the rule active longest first, as Grafana sorts. */
  sortOrder?: AlertSort | undefined;
  /** At most this many rules (default 10, as in Grafana). */
  maxItems?: number | undefined;
}

/** One active instance of an alert rule. */
export interface AlertInstance {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  state: 'firing' | 'pending';
  /** When it became active, epoch ms. */
  activeAt: number | undefined;
  value: string;
}

/** An alert rule in the list, with its active instances (the ones the filters keep). */
export interface AlertRuleRow {
  name: string;
  /** Firing when any instance fires, else pending. */
  state: 'firing' | 'pending';
  /** The earliest `activeAt` of its instances in that state, epoch ms. */
  since: number | undefined;
  /** Its instances in that state first, then the earliest active first. */
  instances: AlertInstance[];
}

const IMPORTANCE = { firing: 1, pending: 3 } as const;

/** The list's rows for `alerts`, as `options` filter, sort and cut them. */
export function alertRows(alerts: readonly Alert[], options: AlertListOptions = {}): AlertRuleRow[] {
  const name = options.alertName?.trim().toLowerCase() ?? '';
  const shown = { firing: options.stateFilter?.firing !== false, pending: options.stateFilter?.pending !== false };
  const byName = new Map<string, AlertInstance[]>();
  for (const alert of alerts) {
    if (alert.state === 'inactive' || !shown[alert.state]) continue;
    const alertName = alert.labels['alertname'] ?? '';
    if (name && !alertName.toLowerCase().includes(name)) continue;
    if (!matchesAll(alert.labels, options.labelFilter ?? [])) continue;
    const activeAt = alert.activeAt === undefined ? undefined : Date.parse(alert.activeAt);
    const instance: AlertInstance = { labels: alert.labels, annotations: alert.annotations, state: alert.state, activeAt: Number.isFinite(activeAt) ? activeAt : undefined, value: alert.value };
    const instances = byName.get(alertName);
    if (instances) instances.push(instance);
    else byName.set(alertName, [instance]);
  }
  const rows = [...byName].map(([ruleName, instances]): AlertRuleRow => {
    const state = instances.some((i) => i.state === 'firing') ? 'firing' : 'pending';
    const sorted = [...instances].sort((a, b) => IMPORTANCE[a.state] - IMPORTANCE[b.state] || (a.activeAt ?? Infinity) - (b.activeAt ?? Infinity));
    return { name: ruleName, state, since: sorted[0]!.activeAt, instances: sorted };
  });
  return sortRows(rows, options.sortOrder ?? 'alpha-asc').slice(0, Math.max(0, options.maxItems ?? 10));
}

function sortRows(rows: AlertRuleRow[], order: AlertSort): AlertRuleRow[] {
  const alpha = [...rows].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
  switch (order) {
    case 'alpha-asc':
      return alpha;
    case 'alpha-desc':
      return alpha.reverse();
    case 'importance':
      return alpha.sort((a, b) => IMPORTANCE[a.state] - IMPORTANCE[b.state]);
    case 'time-asc':
      return alpha.sort((a, b) => (a.since ?? Infinity) - (b.since ?? Infinity));
    case 'time-desc':
      return alpha.sort((a, b) => (b.since ?? -Infinity) - (a.since ?? -Infinity));
  }
}

/** Labels match every filter, as Prometheus matches: regexes whole, a missing label is "". */
function matchesAll(labels: Record<string, string>, filters: readonly LabelFilter[]): boolean {
  return filters.every(({ label, op, value }) => {
    const actual = labels[label] ?? '';
    if (op === '=') return actual === value;
    if (op === '!=') return actual !== value;
    const matches = new RegExp(`^(?:${value})$`).test(actual);
    return op === '=~' ? matches : !matches;
  });
}

/**
 * Reads a label filter as Grafana's alert list takes it, PromQL matchers in braces:
 * `{severity="critical", instance=~"eu-.+"}` (blank: no filter). Reading uses Prometheus' own
 * grammar, loaded on first use. Throws a SchemaError at `path` naming the problem.
 */
export async function alertLabelFilter(text: string | undefined, path = 'options.alertInstanceLabelFilter'): Promise<LabelFilter[]> {
  const source = text?.trim() ?? '';
  if (!source) return [];
  const problem = (message: string) => new SchemaError(`${path}: ${message}`, [{ path, message }]);
  if (!source.startsWith('{')) throw problem(`must be label matchers in braces, such as {severity="critical"}, got ${JSON.stringify(source)}`);
  // The PromQL grammar is a chunk of its own in the chunked script-tag build, loaded by the first query or filter.
  const read = (await import('../promql/parse.js')).labelMatchers(source);
  if (!read.ok) throw problem(`${read.reason} in ${JSON.stringify(source)}; write label matchers in braces, such as {severity="critical", instance=~"eu-.+"}`);
  for (const filter of read.matchers) {
    if (filter.op !== '=~' && filter.op !== '!~') continue;
    try {
      new RegExp(filter.value);
    } catch {
      throw problem(`the regex of ${filter.label} is not one JavaScript can read: ${JSON.stringify(filter.value)}`);
    }
  }
  return read.matchers;
}
