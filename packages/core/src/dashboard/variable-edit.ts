/**
 * Editing a dashboard's variables: pure operations that take a Dashboard and return a new one
 * (structural sharing; the input is never changed). Every result passes validateDashboard: a
 * value the schema refuses throws a SchemaError whose problems have paths such as
 * `variables[2].query` and say what to write; an index that does not exist throws an
 * InvalidArgumentError.
 *
 * References. A variable is used as `$name`, `${name}`, `${name:format}`, `[[name]]` (found as
 * variablesIn finds them: whole names only, `$ab` is no use of `a`), and by name in a panel's or
 * row's `repeat`. renameVariable rewrites every use in the texts the dashboard interpolates.
 */
import { InvalidArgumentError, SchemaError, type SchemaProblem } from '../prometheus/errors.js';
import { renameIn, variablesIn } from '../promql/interpolate.js';
import { validateDashboard } from './parse.js';
import type { Dashboard, Panel, Row, Variable } from './schema.js';

/** The type of a variable: where its options come from. */
export type VariableType = Variable['type'];

/** Every variable type, in the order an editor offers them. */
export const VARIABLE_TYPES: readonly VariableType[] = ['query', 'custom', 'constant', 'textbox', 'interval', 'datasource'];

/** What a new variable of each type starts with (valid as it is, ready to edit). */
export const NEW_VARIABLE_QUERIES: Readonly<Record<VariableType, string>> = {
  query: 'label_values(up, job)',
  custom: 'a,b,c',
  constant: 'value',
  textbox: '',
  interval: '1m,5m,10m,30m,1h',
  datasource: 'prometheus',
};

type Common = Pick<Variable, 'name' | 'label' | 'description' | 'hide'>;
type Choice = { multi: boolean; includeAll: boolean; allValue?: string | undefined };

/** A variable of `type` with the defaults the schema fills in, and `common` (name, label, …). */
function fresh(type: VariableType, common: Common, choice: Choice = { multi: false, includeAll: false }, query = NEW_VARIABLE_QUERIES[type]): Variable {
  const { allValue, ...flags } = choice;
  const all = allValue === undefined ? {} : { allValue };
  switch (type) {
    case 'query':
      return { ...common, type, ...flags, ...all, query, sort: 'none', refresh: 'load' };
    case 'custom':
      return { ...common, type, ...flags, ...all, query };
    case 'datasource':
      return { ...common, type, ...flags, ...all, query: 'prometheus' };
    case 'constant':
      return { ...common, type, query };
    case 'textbox':
      return { ...common, type, query };
    case 'interval':
      return { ...common, type, query, auto: false, autoCount: 30, autoMin: '10s' };
  }
}

/** The first of `query1`, `query2`, … (by the type) that no variable has. */
export function nextVariableName(dashboard: Pick<Dashboard, 'variables'>, type: VariableType): string {
  const used = new Set(dashboard.variables.map((v) => v.name));
  for (let n = 1; ; n++) if (!used.has(`${type}${n}`)) return `${type}${n}`;
}

/**
 * Adds a variable of `type` at the end: valid defaults (see NEW_VARIABLE_QUERIES), named `name`
 * or the first free `query1`, `custom1`, ….
 */
export function addVariable(dashboard: Dashboard, type: VariableType, name?: string): { dashboard: Dashboard; index: number } {
  if (!VARIABLE_TYPES.includes(type)) throw unknownType(type);
  const index = dashboard.variables.length;
  const chosen = name ?? nextVariableName(dashboard, type);
  if (name !== undefined) refuseTaken(dashboard, chosen, index);
  const variable = fresh(type, { name: chosen, hide: 'none' });
  return { dashboard: checked({ ...dashboard, variables: [...dashboard.variables, variable] }, index, `add the ${type} variable`), index };
}

/**
 * Replaces variable `index`. Renaming it this way leaves the uses of its old name as they are
 * (a panel repeating by it is then refused): renameVariable rewrites them.
 */
export function updateVariable(dashboard: Dashboard, index: number, variable: Variable): Dashboard {
  const old = at(dashboard, index);
  if (variable.name !== old.name) refuseTaken(dashboard, variable.name, index);
  return checked({ ...dashboard, variables: dashboard.variables.map((v, i) => (i === index ? variable : v)) }, index, `change $${old.name}`);
}

/**
 * Removes variable `index`. Refused (SchemaError) while the dashboard still needs it: a panel
 * repeating by it, or a datasource reference `$name` to a datasource variable.
 */
export function removeVariable(dashboard: Dashboard, index: number): Dashboard {
  const old = at(dashboard, index);
  return checked({ ...dashboard, variables: dashboard.variables.filter((_, i) => i !== index) }, undefined, `remove $${old.name}`, 'Change those first');
}

/** Moves variable `from` to position `to` (both must exist). The toolbar shows them in this order. */
export function moveVariable(dashboard: Dashboard, from: number, to: number): Dashboard {
  const variable = at(dashboard, from);
  at(dashboard, to);
  if (from === to) return dashboard;
  const variables = dashboard.variables.filter((_, i) => i !== from);
  variables.splice(to, 0, variable);
  return checked({ ...dashboard, variables }, to, `move $${variable.name}`);
}

/**
 * Changes the type of variable `index`, keeping its name, label, description and hide; between
 * query, custom and datasource also multi, includeAll and allValue; between constant and
 * textbox its value. The rest (query, regex, sort, selection) starts as a new variable's.
 */
export function changeVariableType(dashboard: Dashboard, index: number, type: VariableType): Dashboard {
  const old = at(dashboard, index);
  if (!VARIABLE_TYPES.includes(type)) throw unknownType(type);
  if (old.type === type) return dashboard;
  const common: Common = { name: old.name, hide: old.hide, ...(old.label === undefined ? {} : { label: old.label }), ...(old.description === undefined ? {} : { description: old.description }) };
  const choice = 'multi' in old ? { multi: old.multi, includeAll: old.includeAll, allValue: old.allValue } : undefined;
  const single = (t: VariableType) => t === 'constant' || t === 'textbox';
  const query = single(old.type) && single(type) ? old.query : undefined;
  const variable = fresh(type, common, choice, query);
  return checked({ ...dashboard, variables: dashboard.variables.map((v, i) => (i === index ? variable : v)) }, index, `make $${old.name} a ${type} variable`);
}

/**
 * Renames variable `index` to `name` and rewrites every use of the old name (see the module's
 * note): panel and row titles, descriptions, repeats, datasources, links, queries, legend
 * formats, display names, text panels' content; other variables' queries, regexes and
 * datasources; annotations' queries and datasources. Other names are never touched. A name in
 * use or that the schema refuses throws a SchemaError at `variables[index].name`.
 */
export function renameVariable(dashboard: Dashboard, index: number, name: string): Dashboard {
  const old = at(dashboard, index);
  if (name === old.name) return dashboard;
  refuseTaken(dashboard, name, index);
  const text = (s: string) => renameIn(s, old.name, name);
  const renamed = walk(dashboard, text, (repeat) => (repeat === old.name ? name : repeat));
  const variables = renamed.variables.map((v, i) => (i === index ? { ...v, name } : v));
  return checked({ ...renamed, variables }, index, `rename $${old.name} to "${name}"`);
}

/** Paths of every place that uses variable `name` (`panels[0].targets[1].expr`, `panels[2].repeat`…), in document order. */
export function variableReferences(dashboard: Dashboard, name: string): string[] {
  const found: string[] = [];
  walk(dashboard, (value, path) => {
    if (variablesIn(value).includes(name)) found.push(path);
    return value;
  }, (repeat, path) => {
    if (repeat === name) found.push(path);
    return repeat;
  });
  return found;
}

type Rewrite = (value: string, path: string) => string;

/**
 * Visits every text of the dashboard that variables are interpolated in (`text`) and every
 * `repeat`, with its path; returns the dashboard with what they returned (the same objects where
 * nothing changed).
 */
function walk(dashboard: Dashboard, text: Rewrite, repeat: Rewrite): Dashboard {
  const keys = <T extends object>(obj: T, path: string, names: readonly (keyof T & string)[], fn: Rewrite = text): T => {
    let out = obj;
    for (const key of names) {
      const value = obj[key];
      if (typeof value !== 'string') continue;
      const next = fn(value, `${path}.${key}`);
      if (next !== value) out = { ...out, [key]: next };
    }
    return out;
  };
  const list = <T>(items: readonly T[], path: string, fn: (item: T, path: string) => T): T[] => {
    const next = items.map((item, i) => fn(item, `${path}[${i}]`));
    return next.every((x, i) => x === items[i]) ? (items as T[]) : next;
  };
  type Link = Dashboard['links'][number];
  const link = (l: Link, path: string) => keys(l, path, ['title', 'url', 'tooltip']);
  /** What panels and rows share: title, description, repeat, links. */
  const common = <P extends Panel | Row>(p: P, path: string): P => {
    let out = keys(keys(p, path, ['title', 'description']), path, ['repeat'], repeat);
    if (p.links) {
      const links = list(p.links, `${path}.links`, link);
      if (links !== p.links) out = { ...out, links };
    }
    return out;
  };
  const panel = (p: Panel, path: string): Panel => {
    let out = keys(common(p, path), path, ['datasource']);
    const targets = list(out.targets, `${path}.targets`, (t, at) => keys(t, at, ['expr', 'legendFormat']));
    if (targets !== out.targets) out = { ...out, targets };
    const defaults = keys(out.fieldConfig.defaults, `${path}.fieldConfig.defaults`, ['displayName']);
    const overrides = list(out.fieldConfig.overrides, `${path}.fieldConfig.overrides`, (o, at) => {
      const properties = list(o.properties, `${at}.properties`, (prop, where) => {
        if (prop.id !== 'displayName' || typeof prop.value !== 'string') return prop;
        const value = text(prop.value, `${where}.value`);
        return value === prop.value ? prop : { ...prop, value };
      });
      return properties === o.properties ? o : { ...o, properties };
    });
    if (defaults !== out.fieldConfig.defaults || overrides !== out.fieldConfig.overrides) out = { ...out, fieldConfig: { defaults, overrides } };
    const options = keys(out.options, `${path}.options`, ['content']);
    return options === out.options ? out : { ...out, options };
  };
  const item = (p: Panel | Row, path: string): Panel | Row => {
    if (p.type !== 'row') return panel(p, path);
    const row = common(p, path);
    const panels = list(row.panels, `${path}.panels`, panel);
    return panels === row.panels ? row : { ...row, panels };
  };
  let out = dashboard;
  const replace = <K extends 'variables' | 'panels' | 'links' | 'annotations'>(key: K, value: Dashboard[K]) => {
    if (value !== out[key]) out = { ...out, [key]: value };
  };
  // The texts resolveVariables interpolates: a constant's or textbox's value is taken as written.
  const variableTexts = (v: Variable): string[] => (v.type === 'query' ? ['query', 'regex', 'datasource'] : v.type === 'custom' ? ['query'] : v.type === 'datasource' ? ['regex'] : []);
  replace('variables', list(dashboard.variables, 'variables', (v, path) => keys(v, path, variableTexts(v) as (keyof typeof v & string)[])));
  replace('panels', list(dashboard.panels, 'panels', item));
  replace('links', list(dashboard.links, 'links', link));
  replace('annotations', list(dashboard.annotations, 'annotations', (a, path) => (a.type === 'prometheus' ? keys(a, path, ['expr', 'datasource']) : a)));
  return out;
}

/** Variable `index`, which must exist. */
function at(dashboard: Dashboard, index: number): Variable {
  const variable = Number.isInteger(index) ? dashboard.variables[index] : undefined;
  if (!variable) {
    const count = dashboard.variables.length;
    throw new InvalidArgumentError(`There is no variable ${index}: the dashboard has ${count} (indexes 0–${Math.max(0, count - 1)})${count === 0 ? ', none yet' : ''}.`);
  }
  return variable;
}

function unknownType(type: string): InvalidArgumentError {
  return new InvalidArgumentError(`"${type}" is not a variable type; use one of ${VARIABLE_TYPES.join(', ')}.`);
}

/** Throws when another variable than `index` is named `name`. */
function refuseTaken(dashboard: Dashboard, name: string, index: number): void {
  const other = dashboard.variables.findIndex((v, i) => i !== index && v.name === name);
  if (other < 0) return;
  const problem: SchemaProblem = { path: `variables[${index}].name`, message: `"${name}" is the name of variables[${other}]; choose a name no other variable has` };
  throw new SchemaError(`${problem.path}: ${problem.message}`, [problem]);
}

/**
 * `dashboard` when it passes the schema, with variable `index` as the schema reads it (defaults
 * filled in); else a SchemaError: `Cannot <what>`, each problem, then `advice`.
 */
function checked(dashboard: Dashboard, index: number | undefined, what: string, advice = 'Change the value and try again'): Dashboard {
  const check = validateDashboard(dashboard);
  if (!check.ok) {
    const list = check.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
    throw new SchemaError(`Cannot ${what}: ${list}. ${advice}.`, check.problems);
  }
  if (index === undefined) return dashboard;
  const read = check.dashboard.variables[index]!;
  return JSON.stringify(read) === JSON.stringify(dashboard.variables[index]) ? dashboard : { ...dashboard, variables: dashboard.variables.map((v, i) => (i === index ? read : v)) };
}
