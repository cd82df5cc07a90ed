/**
 * Where a dashboard's panels go: the sections (the panels above the first row, then each row,
 * once per value of its repeat variable), every panel once per value of its own repeat variable,
 * with the variables it is scoped to, a stable key, an interpolated title and its grid position.
 */
import { interpolateText, type VariableValues } from '../promql/interpolate.js';
import { GRID_COLUMNS } from './grid.js';
import type { Dashboard, Panel, Row } from './schema.js';

/** A panel's place on the 24-column grid, in grid units. */
export interface GridPos {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One panel as shown: its spec (title interpolated, final `gridPos`), the variables of its repeat. */
export interface PlacedPanel {
  spec: Panel;
  /** The repeat values this copy of the panel stands for (empty when nothing repeats). */
  scoped: VariableValues;
  /** Stable across renders: section, panel id and repeat index. */
  key: string;
  /** `spec.gridPos` with `y` counted from the top of its section (its first panel). */
  cell: GridPos;
}

/** A group of panels laid out together: the top of the dashboard (`row` undefined), or one row. */
export interface Section {
  /** The row, title interpolated; undefined for the panels above the first row. */
  row: Row | undefined;
  key: string;
  panels: PlacedPanel[];
}

/**
 * The dashboard's sections for these variable values. Panels after a row belong to it (to every
 * copy of it when it repeats); a row's own `panels` (a collapsed row's) belong to it too, so
 * nothing is dropped. The top section is left out when it has no panels.
 */
export function layoutDashboard(dashboard: Pick<Dashboard, 'panels'>, values: VariableValues): Section[] {
  const top: Section = { row: undefined, key: 'top', panels: [] };
  const sections: Section[] = [top];
  // The sections that panels after a row belong to: one per repeat of that row.
  let current: { section: Section; scope: VariableValues }[] = [{ section: top, scope: {} }];
  for (const item of dashboard.panels) {
    if (item.type !== 'row') {
      for (const { section, scope } of current) place(section, item, scope, values);
      continue;
    }
    current = repeatScopes(item.repeat, values).map((scope, i) => {
      const section: Section = { row: { ...item, title: interpolateText(item.title, { ...values, ...scope }) }, key: `row-${item.id}-${i}`, panels: [] };
      sections.push(section);
      for (const p of item.panels) place(section, p, scope, values);
      return { section, scope };
    });
  }
  for (const section of sections) {
    const first = Math.min(...section.panels.map((p) => p.spec.gridPos.y));
    for (const p of section.panels) p.cell = { ...p.spec.gridPos, y: p.spec.gridPos.y - first };
  }
  return sections.filter((s) => s.row || s.panels.length > 0);
}

/**
 * One scope per value of `variable` (`{ [variable]: value }`); one empty scope when there is no
 * repeat variable or it has no value yet.
 */
export function repeatScopes(variable: string | undefined, values: VariableValues): VariableValues[] {
  const v = variable ? values[variable] : undefined;
  if (!variable || v === undefined) return [{}];
  const value = typeof v === 'string' ? v : v.value;
  return (Array.isArray(value) ? value : [value]).map((one) => ({ [variable]: one }));
}

/**
 * The grid position of copy `index` of a repeating panel. Vertical repeats stack below one
 * another; horizontal ones share a line, `maxPerRow` at most (as many as fit at the panel's own
 * width at least), wrapping onto lines below.
 */
export function repeatGridPos(panel: Pick<Panel, 'gridPos' | 'repeatDirection' | 'maxPerRow'>, index: number, count: number): GridPos {
  const { gridPos } = panel;
  if (panel.repeatDirection === 'v') return { ...gridPos, y: gridPos.y + index * gridPos.h };
  const perRow = panel.maxPerRow ?? count;
  const w = Math.max(gridPos.w, Math.floor(GRID_COLUMNS / Math.max(1, perRow)));
  const across = Math.max(1, Math.floor(GRID_COLUMNS / w));
  return { ...gridPos, w, x: (index % across) * w, y: gridPos.y + Math.floor(index / across) * gridPos.h };
}

/** Adds a panel (or its repeats) to a section, titles interpolated. */
function place(section: Section, panel: Panel, scoped: VariableValues, values: VariableValues): void {
  const scopes = panel.repeat ? repeatScopes(panel.repeat, values).map((s) => ({ ...scoped, ...s })) : [scoped];
  scopes.forEach((scope, i) => {
    const gridPos = panel.repeat ? repeatGridPos(panel, i, scopes.length) : panel.gridPos;
    section.panels.push({
      spec: { ...panel, gridPos, title: interpolateText(panel.title, { ...values, ...scope }) },
      scoped: scope,
      key: `${section.key}-${panel.id}-${i}`,
      cell: gridPos,
    });
  });
}
