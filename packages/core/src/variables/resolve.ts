/**
 * Resolving a dashboard's variables: options from Prometheus (`label_values`, `label_names`,
 * `metrics`, `query_result`) or from the definition, then the current selection. Variables that
 * use others are resolved after them; a cycle is an error that names it.
 */
import { InvalidArgumentError } from '../prometheus/errors.js';
import type { PrometheusClient } from '../prometheus/client.js';
import type { CallOptions } from '../prometheus/endpoints.js';
import { toFrames } from '../prometheus/decode.js';
import { formatSampleValue } from '../prometheus/sample-value.js';
import { seriesName } from '../format/legend.js';
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
}

export interface ResolveContext {
  /** The Prometheus client for a datasource name. */
  client: (datasource: string) => PrometheusClient;
  /** Name of the datasource used when a variable names none. */
  defaultDatasource: string;
  range: TimeRange;
  /** Built-ins such as `$__range`, available to variable queries. */
  builtins?: Record<string, string>;
  /** Selections from the host or the URL, by variable name; `$__all` selects All. */
  selections?: Record<string, string | string[]>;
  /** Results of an earlier resolution: variables not in `refresh` keep them. */
  previous?: ReadonlyMap<string, ResolvedVariable>;
  /** Names to resolve again (their dependents follow); everything when absent. */
  refresh?: ReadonlySet<string>;
  signal?: AbortSignal;
}

/** Variable names in an order where each comes after those it uses. Throws on a cycle. */
export function resolutionOrder(variables: readonly Variable[]): Variable[] {
  const byName = new Map(variables.map((v) => [v.name, v]));
  const order: Variable[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (v: Variable, path: string[]) => {
    if (state.get(v.name) === 'done') return;
    if (state.get(v.name) === 'visiting') {
      const cycle = [...path.slice(path.indexOf(v.name)), v.name].map((n) => `$${n}`).join(' → ');
      throw new InvalidArgumentError(`Variables form a cycle: ${cycle}. Break it by making one of them not refer to the next.`);
    }
    state.set(v.name, 'visiting');
    for (const used of usesOf(v)) {
      const dependency = byName.get(used);
      if (dependency) visit(dependency, [...path, v.name]);
    }
    state.set(v.name, 'done');
    order.push(v);
  };
  for (const v of variables) visit(v, []);
  return order;
}

/** Names a variable's definition refers to. */
function usesOf(v: Variable): string[] {
  const texts = [v.type === 'query' || v.type === 'custom' ? v.query : '', 'regex' in v ? (v.regex ?? '') : ''];
  if (v.type === 'query' && v.datasource) texts.push(v.datasource);
  return [...new Set(texts.flatMap(variablesIn))].filter((n) => n !== v.name);
}

/** Every variable that uses `name`, directly or through others. */
export function dependentsOf(variables: readonly Variable[], name: string): Set<string> {
  const out = new Set<string>([name]);
  for (const v of resolutionOrder(variables)) {
    if (usesOf(v).some((u) => out.has(u))) out.add(v.name);
  }
  return out;
}

/** Resolves the dashboard's variables in dependency order. */
export async function resolveVariables(
  dashboard: Pick<Dashboard, 'variables' | 'datasources'>,
  context: ResolveContext,
): Promise<Map<string, ResolvedVariable>> {
  const resolved = new Map<string, ResolvedVariable>();
  const order = resolutionOrder(dashboard.variables);
  const refresh = context.refresh && new Set([...context.refresh].flatMap((n) => [...dependentsOf(dashboard.variables, n)]));
  for (const variable of order) {
    const kept = context.previous?.get(variable.name);
    if (kept && refresh && !refresh.has(variable.name)) {
      resolved.set(variable.name, kept);
      continue;
    }
    const values = valuesOf(resolved, context.builtins);
    const options = await optionsOf(variable, dashboard, context, values);
    resolved.set(variable.name, select(variable, options, context.selections?.[variable.name] ?? kept?.selected));
  }
  return resolved;
}

/** Interpolation values of resolved variables, with the built-ins. */
export function valuesOf(resolved: ReadonlyMap<string, ResolvedVariable>, builtins: Record<string, string> = {}): VariableValues {
  const values: VariableValues = { ...builtins };
  for (const [name, v] of resolved) values[name] = v.value;
  return values;
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
      const raw = await runVariableQuery(interpolate(variable.query, values), context.client(datasource), context, variable.name);
      const filtered = applyRegex(raw, variable.regex === undefined ? undefined : interpolate(variable.regex, values), variable.name);
      return sortOptions(uniqueOptions(filtered), variable.sort);
    }
  }
}

const LABEL_VALUES = /^label_values\(\s*(?:(.+?)\s*,\s*)?([A-Za-z_][A-Za-z0-9_]*)\s*\)$/s;
const LABEL_NAMES = /^label_names\(\s*(.*?)\s*\)$/s;
const METRICS = /^metrics\(\s*(.*?)\s*\)$/s;
const QUERY_RESULT = /^query_result\(\s*(.+)\s*\)$/s;

/** Runs a variable query function against Prometheus; returns raw values before regex and sort. */
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
      (f) => `${seriesName(f.labels)} ${formatSampleValue(f.values[0] ?? Number.NaN)} ${f.timestamps[0] ?? ''}`,
    );
  }
  throw new InvalidArgumentError(
    `Variable $${variable}: ${JSON.stringify(q)} is not a variable query; use label_values(label), label_values(metric, label), label_names(), metrics(regex) or query_result(expr).`,
  );
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
  const texts = isAll ? ['All'] : values.map((v) => options.find((o) => o.value === v)?.text ?? v);
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
