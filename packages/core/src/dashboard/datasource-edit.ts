/**
 * Editing a dashboard's datasources: pure operations that take a Dashboard and return a new one
 * (the input is never changed; what is not edited stays the same objects). Every result passes
 * `validateDashboard`. A value refused — by the schema, or by the rules it cannot say (an empty
 * name or URL, a URL that is not http(s), a name another datasource has) — throws a SchemaError
 * whose problems have paths (`datasources[1].url`) and say what to write instead; an index that
 * does not exist throws an InvalidArgumentError. Renaming rewrites the panels, variables and
 * annotations that name the datasource; removing one that something names is refused.
 */
import { InvalidArgumentError, SchemaError, type SchemaProblem } from '../prometheus/errors.js';
import { datasourceVariable } from './datasource-ref.js';
import { validateDashboard } from './parse.js';
import type { Dashboard, Datasource, HostDatasource, Panel, PrometheusDatasource } from './schema.js';

/**
 * What updateDatasource changes; a key left out keeps the datasource's. '' (or undefined) for
 * tenant, authRef, timeout removes it. A host datasource takes only `name`, `source` and `default`.
 */
export type DatasourceChanges = Partial<Omit<PrometheusDatasource, 'type'>> & Partial<Omit<HostDatasource, 'type'>>;

/** The URL a new datasource gets when given none: a Prometheus on this machine, to be edited. */
export const NEW_DATASOURCE_URL = 'http://localhost:9090';
/** The name a new datasource gets when given none (then `prometheus-2`, `prometheus-3`…). */
export const NEW_DATASOURCE_NAME = 'prometheus';

const URL_HELP = `write the base URL of a Prometheus-compatible API (http or https), or a path to a promkit proxy, such as ${NEW_DATASOURCE_URL} or /api/prom`;
const REMOVABLE = new Set(['tenant', 'authRef', 'timeout', 'headers', 'default', 'source', 'stream']);

/** `base` when no datasource has it, else the first free `base-2`, `base-3`… */
export function nextDatasourceName(dashboard: Dashboard, base: string = NEW_DATASOURCE_NAME): string {
  const taken = new Set(dashboard.datasources.map((ds) => ds.name));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * Appends a datasource: `ds`'s keys over the defaults (a free name, NEW_DATASOURCE_URL, the
 * Prometheus backend, a 15s scrape interval; for `type: 'host'`, only the name). When it is marked
 * default, no other one stays so.
 */
export function addDatasource(dashboard: Dashboard, ds: Partial<PrometheusDatasource> | Partial<HostDatasource> = {}): { dashboard: Dashboard; index: number } {
  const index = dashboard.datasources.length;
  const base = (
    ds.type === 'host'
      ? { name: nextDatasourceName(dashboard, 'host') }
      : { name: nextDatasourceName(dashboard), type: 'prometheus', url: NEW_DATASOURCE_URL, backend: 'prometheus', scrapeInterval: '15s' }
  ) as Datasource;
  const added = withChanges(base, ds);
  const others = added.default ? dashboard.datasources.map(undefaulted) : dashboard.datasources;
  const next = { ...dashboard, datasources: [...others, added] };
  return { dashboard: checked(next, datasourceProblems(next, index), 'Cannot add the datasource'), index };
}

/**
 * Changes datasource `index`: the keys given replace its own (see DatasourceChanges for
 * removals). A new name is written into every panel, variable and annotation that named the old
 * one; `default: true` takes the default from the others.
 */
export function updateDatasource(dashboard: Dashboard, index: number, changes: DatasourceChanges): Dashboard {
  const old = datasourceAt(dashboard, index);
  const ds = withChanges(old, changes);
  let next: Dashboard = { ...dashboard, datasources: dashboard.datasources.map((d, i) => (i === index ? ds : ds.default ? undefaulted(d) : d)) };
  if (ds.name !== old.name && typeof ds.name === 'string') next = renameReferences(next, old.name, ds.name);
  return checked(next, datasourceProblems(next, index), `Cannot change datasource ${index + 1} ("${old.name}")`);
}

/** Makes datasource `index` the one default (panels and variables naming none use it). */
export function setDefaultDatasource(dashboard: Dashboard, index: number): Dashboard {
  return updateDatasource(dashboard, index, { default: true });
}

/** Removes datasource `index`; refused (a SchemaError listing the paths) while anything names it. */
export function removeDatasource(dashboard: Dashboard, index: number): Dashboard {
  const ds = datasourceAt(dashboard, index);
  const uses = datasourceReferences(dashboard, ds.name);
  if (uses.length > 0) {
    throw SchemaError.listing(
      `Cannot remove datasource "${ds.name}": point these at another datasource first (or rename this one); it is used in`,
      uses.map((path) => ({ path, message: `names datasource "${ds.name}"` })),
    );
  }
  return { ...dashboard, datasources: dashboard.datasources.filter((_, i) => i !== index) };
}

/** Paths of every place that names datasource `name` (`panels[0].datasource`, `variables[1].datasource`, `annotations[0].datasource`), in document order. */
export function datasourceReferences(dashboard: Dashboard, name: string): string[] {
  const found: string[] = [];
  walk(dashboard, name, (path) => {
    found.push(path);
    return name;
  });
  return found;
}

/** The dashboard with every reference to datasource `from` written `to`. */
function renameReferences(dashboard: Dashboard, from: string, to: string): Dashboard {
  return walk(dashboard, from, () => to);
}

/**
 * Visits each `datasource` key equal to `name` (panels, panels in rows, variables, annotations),
 * replacing it with what `visit` returns; parts with nothing changed stay the same objects.
 */
function walk(dashboard: Dashboard, name: string, visit: (path: string) => string): Dashboard {
  const panel = <P extends { datasource?: string | undefined }>(p: P, path: string): P =>
    p.datasource === name ? { ...p, datasource: visit(`${path}.datasource`) } : p;
  const panels = dashboard.panels.map((p, i) => {
    if (p.type !== 'row') return panel(p, `panels[${i}]`);
    const children = p.panels.map((c: Panel, j) => panel(c, `panels[${i}].panels[${j}]`));
    return children.some((c, j) => c !== p.panels[j]) ? { ...p, panels: children } : p;
  });
  const variables = dashboard.variables.map((v, i) => ('datasource' in v ? panel(v, `variables[${i}]`) : v));
  const annotations = dashboard.annotations.map((a, i) => ('datasource' in a ? panel(a, `annotations[${i}]`) : a));
  const same = <T>(a: readonly T[], b: readonly T[]) => a.every((x, i) => x === b[i]);
  return {
    ...dashboard,
    panels: same(panels, dashboard.panels) ? dashboard.panels : panels,
    variables: same(variables, dashboard.variables) ? dashboard.variables : variables,
    annotations: same(annotations, dashboard.annotations) ? dashboard.annotations : annotations,
  };
}

/** A datasource index that must exist. */
function datasourceAt(dashboard: Dashboard, index: number): Datasource {
  const ds = Number.isInteger(index) ? dashboard.datasources[index] : undefined;
  if (ds === undefined) throw new InvalidArgumentError(`There is no datasource ${index} (the dashboard has ${dashboard.datasources.length}; indexes start at 0).`);
  return ds;
}

function undefaulted(ds: Datasource): Datasource {
  if (ds.default === undefined) return ds;
  const { default: _, ...rest } = ds;
  return rest;
}

/** `ds` with `changes`: text trimmed; '' or undefined for an optional key, and `default: false`, remove it. */
function withChanges(ds: Datasource, changes: DatasourceChanges | Partial<Datasource>): Datasource {
  const out: Record<string, unknown> = { ...ds };
  for (const [key, raw] of Object.entries(changes)) {
    const value = typeof raw === 'string' ? raw.trim() : raw;
    if (REMOVABLE.has(key) && (value === undefined || value === '' || value === false)) delete out[key];
    else if (value !== undefined) out[key] = value;
  }
  return out as Datasource;
}

/** Why datasource `index` cannot be as it is, beyond what the schema says. */
function datasourceProblems(dashboard: Dashboard, index: number): SchemaProblem[] {
  const ds = dashboard.datasources[index]!;
  const at = (key: string) => `datasources[${index}].${key}`;
  const problems: SchemaProblem[] = [];
  if (typeof ds.name === 'string') {
    if (ds.name === '') problems.push({ path: at('name'), message: 'must not be empty: panels and variables refer to a datasource by its name, such as "prometheus"' });
    else if (datasourceVariable(ds.name) !== undefined || ds.name.startsWith('$')) problems.push({ path: at('name'), message: `${JSON.stringify(ds.name)} reads as a variable reference: use a name without "$", such as "prometheus"` });
    else if (dashboard.datasources.some((d, i) => i !== index && d.name === ds.name)) {
      problems.push({ path: at('name'), message: `"${ds.name}" is the name of another datasource: choose another, such as "${nextDatasourceName(dashboard, ds.name)}"` });
    }
  }
  if (ds.type !== 'host' && typeof ds.url === 'string') {
    if (ds.url === '') problems.push({ path: at('url'), message: `must not be empty: ${URL_HELP}` });
    else if (!isHttpUrl(ds.url)) problems.push({ path: at('url'), message: `${JSON.stringify(ds.url)} is not an http(s) URL: ${URL_HELP}` });
  }
  return problems;
}

/** http(s) absolute, or relative (a path on this site, as a promkit proxy is). */
function isHttpUrl(url: string): boolean {
  try {
    const parsed = new URL(url, 'http://base.invalid/');
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && !/\s/.test(url);
  } catch {
    return false;
  }
}

/**
 * `dashboard` when it passes the schema and `own` holds no problem; otherwise a SchemaError with
 * every problem (ours first; the schema's at a path we already named are left out).
 */
function checked(dashboard: Dashboard, own: SchemaProblem[], what: string): Dashboard {
  const check = validateDashboard(dashboard);
  if (check.ok && own.length === 0) return dashboard;
  const named = new Set(own.map((p) => p.path));
  const problems = [...own, ...(check.ok ? [] : check.problems.filter((p) => !named.has(p.path)))];
  throw SchemaError.listing(`${what}; it has`, problems);
}
