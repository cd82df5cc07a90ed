/**
 * Resolving a dashboard's variables: options from Prometheus (`label_values`, `label_names`,
 * `metrics`, `query_result`, or a bare series selector as in Grafana) or from the definition,
 * then the current selection. Variables that use others are resolved after them.
 *
 * One variable's failure never stops the others: a query that fails, a definition that cannot
 * work, a query that returns nothing and a cycle each become that variable's `problem`, and
 * resolution goes on.
 */
import { InvalidArgumentError, PromkitError, isPromkitError } from '../prometheus/errors.js';
import type { PrometheusClient } from '../prometheus/client.js';
import { hostValues, selectedValues, type HostSource } from '../host/source.js';
import type { CallOptions, Labels } from '../prometheus/endpoints.js';
import { toFrames } from '../prometheus/decode.js';
import { formatSampleValue } from '../prometheus/sample-value.js';
import { interpolate, variablesIn, type VariableValue, type VariableValues } from '../promql/interpolate.js';
import type { Dashboard, Variable } from '../dashboard/schema.js';
import type { TimeRange } from '../time/range.js';
import {
  ALL_VALUE,
  applyRegex,
  autoInterval,
  compileRegex,
  parseCustomOptions,
  sortOptions,
  uniqueOptions,
  type VariableOption,
} from './options.js';

/** Why a variable has no options of its own. */
export const VariableProblemKind = {
  /** Its query got no answer (network, HTTP or Prometheus error); tried again on the next refresh. */
  Failed: 'failed',
  /** Its definition cannot work: not a variable query, a regex that does not compile, bad PromQL. */
  Invalid: 'invalid',
  /** Its query answered with no values (or its list is empty). */
  Empty: 'empty',
  /** It is part of a cycle of variables that use each other. */
  Cycle: 'cycle',
} as const;
export type VariableProblemKind = (typeof VariableProblemKind)[keyof typeof VariableProblemKind];

/** What is wrong with a variable, for its control and for `prom-error` listeners. */
export interface VariableProblem {
  kind: VariableProblemKind;
  /** What is wrong and what to do. */
  message: string;
  /** The error behind it (for `empty` and `cycle` too, made here). */
  error: PromkitError;
  /** For `cycle`: the names around it, from this variable back to it (`['a', 'b', 'a']`). */
  cycle?: string[];
}

/** A variable with its options and current selection. */
export interface ResolvedVariable {
  name: string;
  type: Variable['type'];
  label: string;
  options: VariableOption[];
  /** Several values may be selected. */
  multi: boolean;
  /** An "All" choice is offered. */
  includeAll: boolean;
  /** Selected values ([ALL_VALUE] when All is selected). */
  selected: string[];
  /** What interpolation uses. */
  value: VariableValue;
  /**
   * Set when the variable could not get options of its own. Its selection then falls back as
   * usual: the asked-for value (host, URL), else the previous selection, else the definition's
   * `current`; with none of those it interpolates as the empty string, so queries and titles
   * never show a raw `$name`. Its options are those it had before (after a failed refresh),
   * none when its query found none, else just the selected values.
   */
  problem?: VariableProblem;
}

export interface ResolveContext {
  /** The Prometheus client for a datasource name. */
  client: (datasource: string) => PrometheusClient;
  /** The host source of a datasource name: undefined for a Prometheus one. */
  source?: (datasource: string) => HostSource | undefined;
  /** Name of the datasource used when a variable names none. */
  defaultDatasource: string;
  range: TimeRange;
  /** Built-ins such as `$__range`, available to variable queries (`$__from`, `$__to` are added). */
  builtins?: Record<string, string>;
  /** Selections from the host or the URL, by variable name; `$__all` selects All. */
  selections?: Record<string, string | string[]>;
  /** Results of an earlier resolution: variables not in `refresh` keep them. */
  previous?: ReadonlyMap<string, ResolvedVariable>;
  /** Names to resolve again (their dependents follow); everything when absent. */
  refresh?: ReadonlySet<string>;
  signal?: AbortSignal;
}

/** Variables in an order where each comes after those it uses. Throws on a cycle. */
export function resolutionOrder(variables: readonly Variable[]): Variable[] {
  const [first] = variableCycles(variables).values();
  if (first) throw new InvalidArgumentError(cycleMessage(first));
  return orderOf(variables);
}

/** Each variable that is part of a cycle, with the cycle from it back to itself (`['a', 'b', 'a']`). */
export function variableCycles(variables: readonly Variable[]): Map<string, string[]> {
  const uses = new Map(variables.map((v) => [v.name, usesOf(v)]));
  const cycles = new Map<string, string[]>();
  for (const v of variables) {
    // Breadth-first from v's uses: the shortest way back to v, if there is one.
    const via = new Map<string, string>();
    const queue = [...(uses.get(v.name) ?? [])].filter((u) => uses.has(u));
    for (const u of queue) via.set(u, v.name);
    while (queue.length > 0 && !via.has(v.name)) {
      const at = queue.shift()!;
      for (const next of uses.get(at) ?? []) {
        if (!uses.has(next) || via.has(next)) continue;
        via.set(next, at);
        queue.push(next);
      }
    }
    if (!via.has(v.name)) continue;
    const path = [v.name];
    for (let at = via.get(v.name)!; at !== v.name; at = via.get(at)!) path.push(at);
    cycles.set(v.name, [v.name, ...path.slice(1).reverse(), v.name]);
  }
  return cycles;
}

/** Depth-first order, each variable after those it uses; edges that close a cycle are skipped. */
function orderOf(variables: readonly Variable[]): Variable[] {
  const byName = new Map(variables.map((v) => [v.name, v]));
  const order: Variable[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (v: Variable) => {
    if (state.has(v.name)) return;
    state.set(v.name, 'visiting');
    for (const used of usesOf(v)) {
      const dependency = byName.get(used);
      if (dependency) visit(dependency);
    }
    state.set(v.name, 'done');
    order.push(v);
  };
  for (const v of variables) visit(v);
  return order;
}

function cycleMessage(cycle: string[]): string {
  return `Variables form a cycle: ${cycle.map((n) => `$${n}`).join(' → ')}. Break it by making one of them not refer to the next.`;
}

/** Names a variable's definition refers to. */
function usesOf(v: Variable): string[] {
  const texts = [v.type === 'query' || v.type === 'custom' ? v.query : '', 'regex' in v ? (v.regex ?? '') : ''];
  if (v.type === 'query' && v.datasource) texts.push(v.datasource);
  return [...new Set(texts.flatMap(variablesIn))].filter((n) => n !== v.name);
}

/** Every variable that uses `name`, directly or through others (cycles included). */
export function dependentsOf(variables: readonly Variable[], name: string): Set<string> {
  const out = new Set<string>([name]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const v of variables) {
      if (!out.has(v.name) && usesOf(v).some((u) => out.has(u))) {
        out.add(v.name);
        grew = true;
      }
    }
  }
  return out;
}

/**
 * Resolves the dashboard's variables in dependency order. Never rejects for one variable's
 * sake (see ResolvedVariable.problem); only an abort through `signal` rejects.
 */
export async function resolveVariables(
  dashboard: Pick<Dashboard, 'variables' | 'datasources'>,
  context: ResolveContext,
): Promise<Map<string, ResolvedVariable>> {
  const resolved = new Map<string, ResolvedVariable>();
  const cycles = variableCycles(dashboard.variables);
  const refresh = context.refresh && new Set([...context.refresh].flatMap((n) => [...dependentsOf(dashboard.variables, n)]));
  const builtins = { __from: String(context.range.from), __to: String(context.range.to), ...context.builtins };
  for (const variable of orderOf(dashboard.variables)) {
    context.signal?.throwIfAborted();
    const kept = context.previous?.get(variable.name);
    if (kept && refresh && !refresh.has(variable.name)) {
      resolved.set(variable.name, kept);
      continue;
    }
    const wanted = context.selections?.[variable.name] ?? kept?.selected;
    const cycle = cycles.get(variable.name);
    if (cycle) {
      const message = cycleMessage(cycle);
      resolved.set(variable.name, fallback(variable, wanted, kept, { kind: 'cycle', message, error: new InvalidArgumentError(message), cycle }));
      continue;
    }
    try {
      const options = await optionsOf(variable, dashboard, context, valuesOf(resolved, builtins));
      resolved.set(variable.name, options.length > 0 || !hasList(variable) ? select(variable, options, wanted) : fallback(variable, wanted, kept, emptyProblem(variable)));
    } catch (error) {
      if (context.signal?.aborted) throw error;
      resolved.set(variable.name, fallback(variable, wanted, kept, problemOf(variable, error)));
    }
  }
  return resolved;
}

/** Interpolation values of resolved variables, with the built-ins. */
export function valuesOf(resolved: ReadonlyMap<string, ResolvedVariable>, builtins: Record<string, string> = {}): VariableValues {
  const values: VariableValues = { ...builtins };
  for (const [name, v] of resolved) values[name] = v.value;
  return values;
}

/** Variables whose options are a list that can come out empty (a textbox or constant cannot). */
function hasList(variable: Variable): boolean {
  return variable.type === 'query' || variable.type === 'custom' || variable.type === 'datasource' || variable.type === 'interval';
}

function emptyProblem(variable: Variable): VariableProblem {
  const message =
    variable.type === 'query'
      ? `Variable $${variable.name}: its query returned no values${variable.regex ? ' that match its regex' : ''} in this time range. Check the query and the regex, or widen the time range.`
      : variable.type === 'datasource'
        ? `Variable $${variable.name}: no datasource of the dashboard matches its regex.`
        : `Variable $${variable.name} has no options: its list is empty.`;
  return { kind: 'empty', message, error: new InvalidArgumentError(message) };
}

function problemOf(variable: Variable, error: unknown): VariableProblem {
  const e: PromkitError = isPromkitError(error) ? error : new PromkitError(String(error), { cause: error });
  const invalid = isPromkitError(error, 'InvalidArgumentError') || (isPromkitError(error, 'PrometheusApiError') && error.errorType === 'bad_data');
  const prefix = `Variable $${variable.name}`;
  const message = e.message.startsWith(prefix)
    ? e.message
    : invalid
      ? `${prefix}: ${e.message}`
      : `${prefix}: could not load its values: ${e.message}`;
  return { kind: invalid ? 'invalid' : 'failed', message, error: e };
}

/**
 * A variable with a problem keeps the selection asked for. Its options: those it had (after a
 * failed refresh), none when the query found none, else just the values asked for.
 */
function fallback(variable: Variable, wanted: string | string[] | undefined, kept: ResolvedVariable | undefined, problem: VariableProblem): ResolvedVariable {
  const asked = wanted ?? ('current' in variable ? variable.current?.value : undefined);
  const values = (asked === undefined ? [] : Array.isArray(asked) ? asked : [asked]).filter((v) => v !== ALL_VALUE);
  const known =
    problem.kind === 'failed' && kept && kept.options.length > 0
      ? kept.options
      : values.map((value) => kept?.options.find((o) => o.value === value) ?? { text: value, value });
  const resolved = select(variable, known, asked);
  return { ...resolved, options: problem.kind === 'empty' ? [] : resolved.options, problem };
}

async function optionsOf(
  variable: Variable,
  dashboard: Pick<Dashboard, 'datasources'>,
  context: ResolveContext,
  values: VariableValues,
): Promise<VariableOption[]> {
  switch (variable.type) {
    case 'custom':
      return uniqueOptions(parseCustomOptions(interpolate(variable.query, values)));
    case 'constant':
      return [{ text: variable.query, value: variable.query }];
    case 'textbox': {
      const text = firstOf(context.selections?.[variable.name]) ?? firstOf(variable.current?.value) ?? variable.query;
      return [{ text, value: text }];
    }
    case 'interval': {
      const options = parseCustomOptions(variable.query);
      if (!variable.auto) return options;
      const auto = autoInterval(context.range.to - context.range.from, variable.autoCount, variable.autoMin);
      return [{ text: 'auto', value: auto }, ...options];
    }
    case 'datasource': {
      const names = dashboard.datasources.map((d) => d.name);
      return uniqueOptions(applyRegex(names, variable.regex, variable.name));
    }
    case 'query': {
      const datasource = interpolate(variable.datasource ?? context.defaultDatasource, values);
      const query = interpolate(variable.query, values);
      const host = context.source?.(datasource);
      const raw = host
        ? await hostValues(host, { datasource, variable: variable.name, query, range: { from: context.range.from, to: context.range.to }, variables: selectedValues(values), ...(context.signal ? { signal: context.signal } : {}) })
        : await runVariableQuery(query, context.client(datasource), context, variable.name);
      const filtered = applyRegex(raw, variable.regex === undefined ? undefined : interpolate(variable.regex, values), variable.name);
      return sortOptions(uniqueOptions(filtered), variable.sort);
    }
  }
}

const LABEL_VALUES = /^label_values\(\s*(?:(.+?)\s*,\s*)?([A-Za-z_][A-Za-z0-9_]*)\s*\)$/s;
const LABEL_NAMES = /^label_names\(\s*(.*?)\s*\)$/s;
const METRICS = /^metrics\(\s*(.*?)\s*\)$/s;
const QUERY_RESULT = /^query_result\(\s*(.+)\s*\)$/s;

/**
 * Runs a variable query against Prometheus; returns raw values before regex and sort. Besides
 * the query functions, a bare series selector (`kube_node_info`, `up{job="x"}`) lists its series
 * as Grafana does, each written `metric{a="1",b="2"}` for the variable's regex to pick from.
 */
export async function runVariableQuery(
  query: string,
  prom: PrometheusClient,
  context: Pick<ResolveContext, 'range' | 'signal'>,
  variable = 'variable',
): Promise<string[]> {
  const q = query.trim();
  const call: CallOptions = context.signal ? { signal: context.signal } : {};
  const span = { start: new Date(context.range.from), end: new Date(context.range.to) };
  let m: RegExpExecArray | null;
  if ((m = LABEL_VALUES.exec(q))) {
    const match = m[1] ? [m[1]] : undefined;
    return (await prom.labelValues({ label: m[2]!, ...(match ? { match } : {}), ...span }, call)).data;
  }
  if ((m = LABEL_NAMES.exec(q))) {
    return (await prom.labels({ ...(m[1] ? { match: [m[1]] } : {}), ...span }, call)).data;
  }
  if ((m = METRICS.exec(q))) {
    const names = (await prom.labelValues({ label: '__name__', ...span }, call)).data;
    const filter = m[1] ? compileRegex(m[1], variable) : undefined;
    return filter ? names.filter((name) => filter.test(name)) : names;
  }
  if ((m = QUERY_RESULT.exec(q))) {
    const result = await prom.query({ query: m[1]!, time: span.end }, call);
    return toFrames(result).map(
      (f) => `${seriesText(f.labels)} ${formatSampleValue(f.values[0] ?? Number.NaN)} ${f.timestamps[0] ?? ''}`,
    );
  }
  // The PromQL parser (about 22 KB) is loaded only for a query none of the forms above matched.
  const { isSeriesSelector } = await import('../promql/parse.js');
  if (isSeriesSelector(q)) {
    return (await prom.series({ match: [q], ...span }, call)).data.map(seriesText);
  }
  throw new InvalidArgumentError(
    `Variable $${variable}: ${JSON.stringify(q)} is not a variable query; use label_values(label), label_values(metric, label), label_names(), metrics(regex), query_result(expr) or a series selector such as up{job="api"}.`,
  );
}

/** A series as Grafana writes it for a variable's regex: `metric{a="1",b="2"}`, values unescaped. */
function seriesText(labels: Labels): string {
  const { __name__: metric = '', ...rest } = labels;
  return `${metric}{${Object.entries(rest).map(([k, v]) => `${k}="${v}"`).join(',')}}`;
}

function firstOf(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The current selection: asked-for values that still exist, else the saved one, else the first option. */
function select(variable: Variable, options: VariableOption[], wanted: string | string[] | undefined): ResolvedVariable {
  const choice = 'multi' in variable ? variable : { multi: false, includeAll: false, allValue: undefined, current: undefined };
  const multi = choice.multi;
  const includeAll = choice.includeAll;
  const want = wanted ?? ('current' in variable ? variable.current?.value : undefined);
  const asked = want === undefined ? [] : Array.isArray(want) ? want : [want];
  let selected: string[];
  if (includeAll && asked.includes(ALL_VALUE)) {
    selected = [ALL_VALUE];
  } else {
    const known = asked.filter((v) => options.some((o) => o.value === v));
    selected = multi ? known : known.slice(0, 1);
    if (selected.length === 0) selected = options.length > 0 ? [options[0]!.value] : [];
  }
  const isAll = selected[0] === ALL_VALUE;
  const values = isAll ? options.map((o) => o.value) : selected;
  // An option that is its own text wins: `auto` may stand for the same interval as a listed one.
  const textOf = (v: string) => (options.find((o) => o.value === v && o.text === v) ?? options.find((o) => o.value === v))?.text ?? v;
  const texts = isAll ? ['All'] : values.map(textOf);
  const value: VariableValue = {
    value: multi || isAll ? values : (values[0] ?? ''),
    text: multi || isAll ? texts : (texts[0] ?? ''),
    regex: multi || includeAll,
    isAll,
    ...(isAll && choice.allValue !== undefined ? { allValue: choice.allValue } : {}),
  };
  return {
    name: variable.name,
    type: variable.type,
    label: variable.label ?? variable.name,
    options,
    multi,
    includeAll,
    selected,
    value,
  };
}
