/**
 * The dashboard rules a schema per field cannot say: unique ids and names, references that
 * resolve, panels that fit the grid, `${var:format}` formats that exist. They take parts that may be missing (`undefined`: a part
 * that did not parse), so a typo in one panel does not hide a duplicate id in two others.
 */
import { formatPath } from '../internal/schema-problems.js';
import { variableFormatProblems } from '../promql/interpolate.js';
import { datasourceVariable } from './datasource-ref.js';
import type { Panel, Row } from './schema.js';

/** A broken rule, at a path into the dashboard such as `['panels', 1, 'id']`. */
export interface CrossFieldProblem {
  path: PropertyKey[];
  message: string;
}

/** What the rules read of a datasource. */
export interface DatasourcePart {
  name: string;
  default?: boolean | undefined;
}

/** What the rules read of a variable. */
export interface VariablePart {
  name: string;
  type: string;
  datasource?: string | undefined;
}

/** A row whose nested panels may be missing. */
export type RowPart = Omit<Row, 'panels'> & { panels: readonly (Panel | undefined)[] };

/** The parts to check; a missing one keeps its index so paths stay right. */
export interface DashboardParts {
  datasources: readonly (DatasourcePart | undefined)[];
  variables: readonly (VariablePart | undefined)[];
  panels: readonly (Panel | RowPart | undefined)[];
}

/** Every cross-field rule the parts break, in document order. */
export function crossFieldProblems(d: DashboardParts): CrossFieldProblem[] {
  const problems: CrossFieldProblem[] = [];
  const problem = (path: PropertyKey[], message: string) => problems.push({ path, message });

  const datasourceNames = new Set<string>();
  d.datasources.forEach((ds, i) => {
    if (!ds) return;
    if (datasourceNames.has(ds.name)) problem(['datasources', i, 'name'], `"${ds.name}" is used by another datasource`);
    datasourceNames.add(ds.name);
  });
  const defaults = d.datasources.filter((ds) => ds?.default);
  if (defaults.length > 1) problem(['datasources'], `only one datasource can be the default; ${defaults.length} are`);

  const variableNames = new Set<string>();
  d.variables.forEach((v, i) => {
    if (!v) return;
    if (variableNames.has(v.name)) problem(['variables', i, 'name'], `"${v.name}" is used by another variable`);
    variableNames.add(v.name);
    if (v.datasource !== undefined) checkDatasource(v.datasource, ['variables', i, 'datasource']);
  });

  function checkDatasource(name: string, path: PropertyKey[]) {
    const variable = datasourceVariable(name);
    if (variable !== undefined) {
      if (!d.variables.some((v) => v?.name === variable && v.type === 'datasource')) {
        problem(path, `"${name}" refers to no datasource variable; add a variable of type "datasource" named "${variable}"`);
      }
    } else if (!datasourceNames.has(name)) {
      const known = [...datasourceNames].map((n) => `"${n}"`).join(', ') || 'none';
      problem(path, `refers to datasource "${name}", which is not in datasources (known: ${known})`);
    }
  }

  const panelIds = new Map<number, string>();
  const visit = (panel: Panel | RowPart | undefined, path: PropertyKey[]) => {
    if (!panel) return;
    const first = panelIds.get(panel.id);
    if (first !== undefined) problem([...path, 'id'], `id ${panel.id} is already used by ${first}`);
    else panelIds.set(panel.id, formatPath(path));
    // Only when x and w are each in range: otherwise their own problem is already listed.
    if (panel.gridPos.x <= 23 && panel.gridPos.w <= 24 && panel.gridPos.x + panel.gridPos.w > 24) {
      problem([...path, 'gridPos'], `x + w must be at most 24 (the grid's width), got ${panel.gridPos.x} + ${panel.gridPos.w}`);
    }
    if (panel.repeat !== undefined && !variableNames.has(panel.repeat)) {
      problem([...path, 'repeat'], `repeats by "${panel.repeat}", which is not a variable of this dashboard`);
    }
    if (panel.type === 'row') {
      panel.panels.forEach((child, j) => visit(child, [...path, 'panels', j]));
      return;
    }
    if (panel.datasource !== undefined) checkDatasource(panel.datasource, [...path, 'datasource']);
    const refIds = new Set<string>();
    panel.targets.forEach((t, j) => {
      if (refIds.has(t.refId)) problem([...path, 'targets', j, 'refId'], `"${t.refId}" is used by another target of this panel`);
      refIds.add(t.refId);
      for (const f of variableFormatProblems(t.expr)) problem([...path, 'targets', j, 'expr'], f.message);
    });
    for (const f of variableFormatProblems(panel.title)) problem([...path, 'title'], f.message);
  };
  d.panels.forEach((panel, i) => visit(panel, ['panels', i]));
  return problems;
}
