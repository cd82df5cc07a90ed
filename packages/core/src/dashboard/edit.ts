/**
 * Editing a dashboard's panels and rows in place: pure operations that take a Dashboard and
 * return a new one (structural sharing: what does not change is the same object; the input is
 * never changed). Every result passes the schema.
 *
 * Layout. The dashboard is a list of sections: the panels above the first row, then each row with
 * its panels (a row's own `panels` and the flat panels that follow it), as `layoutDashboard` reads
 * them. Grid maths (`moveItem`, `resizeItem`, `insertItem`, `compact`) run on one section at a
 * time, with `y` counted from the section's top (its first panel, as the viewer draws it). After
 * each edit the sections are stacked as Grafana's one grid has them: the top section from y 0,
 * each row at the bottom of what is above it (x 0, w 24), its panels from just below it; a
 * collapsed row takes its own height only. Stacking keeps each section's relative layout, so only
 * the edited section changes inside, and `toGrafana` writes positions Grafana shows as they are.
 *
 * Ids: panels and rows share one number space (the schema wants every id unique across both);
 * new ones are one above the highest in use. An unknown id throws an InvalidArgumentError naming it.
 */
import { InvalidArgumentError, SchemaError } from '../prometheus/errors.js';
import { GRID_COLUMNS, bottomOf, compact, insertItem, moveItem, resizeItem, type GridItem, type InsertAt } from './grid.js';
import type { GridPos } from './layout.js';
import { parsePanel, validateDashboard } from './parse.js';
import type { Dashboard, Panel, PanelInput, PanelType, Row } from './schema.js';
import type { VariableInput } from '../templates/template.js';

/** The tallest a panel may be (the schema's bound for `gridPos.h`). */
const MAX_PANEL_HEIGHT = 100;

/** The size of a new panel: Grafana's default for a new panel (half the width). */
export const NEW_PANEL_SIZE: Readonly<Pick<GridPos, 'w' | 'h'>> = { w: 12, h: 8 };

/** The title of a new panel of each type. */
export const NEW_PANEL_TITLES: Readonly<Record<PanelType, string>> = {
  timeseries: 'New time series',
  stat: 'New stat',
  gauge: 'New gauge',
  bargauge: 'New bar gauge',
  table: 'New table',
  heatmap: 'New heatmap',
  piechart: 'New pie chart',
  'state-timeline': 'New state timeline',
  'status-history': 'New status history',
  barchart: 'New bar chart',
  histogram: 'New histogram',
  alertlist: 'New alert list',
  text: 'New text',
};

/** The title of a new row when none is given (Grafana's). */
export const NEW_ROW_TITLE = 'Row title';

/**
 * Adds an empty panel of the type (valid per the schema, a new unique id, a title such as
 * "New time series", 12 × 8) placed with insertItem in the first section (the panels above the
 * first row), at the top by default; a position `at` is in the dashboard's coordinates.
 */
export function addPanel(dashboard: Dashboard, type: PanelType, at: InsertAt = 'top'): { dashboard: Dashboard; id: number } {
  const id = nextId(dashboard);
  const panel: Panel = {
    id,
    type,
    title: NEW_PANEL_TITLES[type],
    gridPos: { x: 0, y: 0, ...NEW_PANEL_SIZE },
    targets: [],
    fieldConfig: { defaults: {}, overrides: [] },
    options: type === 'text' ? { mode: 'markdown', content: '' } : {},
  };
  const sections = sectionsOf(dashboard);
  const top = sections[0]!;
  const edited = { ...top, flat: [...top.flat, panel] };
  const rel = insertItem(itemsOf(top), { id, ...NEW_PANEL_SIZE, x: 0, y: 0 }, relative(at, top));
  return { dashboard: rebuild(dashboard, sections, 0, edited, rel), id };
}

/**
 * Adds ready-made panels (a template's, say) and the variables they need, as one edit. Each panel
 * is read by the schema and gets a new unique id (`ids`, in the order given). Together they keep
 * their layout (compacted, so panels given all at x 0 y 0 stack instead of overlapping) and go to
 * the top of the first section as addPanel puts one, the panels there moving out of the way. A
 * variable is added (at the end) only when the dashboard has none of its name: existing ones are
 * never changed. Throws a SchemaError listing the problems when a panel or a variable is not
 * valid, or the dashboard would not be with them; the dashboard given stays as it was.
 */
export function addTemplatePanels(dashboard: Dashboard, panels: readonly PanelInput[], variables: readonly VariableInput[] = []): { dashboard: Dashboard; ids: number[] } {
  const first = nextId(dashboard);
  const added: Panel[] = panels.map((input, i) => {
    try {
      return { ...parsePanel(input), id: first + i };
    } catch (error) {
      if (error instanceof SchemaError) throw SchemaError.listing(`Panel ${i + 1} of ${panels.length} has`, error.problems);
      throw error;
    }
  });
  const ids = added.map((p) => p.id);
  const have = new Set(dashboard.variables.map((v) => v.name));
  const newVariables = variables.filter((v) => {
    if (have.has(v.name)) return false;
    have.add(v.name);
    return true;
  });
  let next = dashboard;
  if (added.length > 0) {
    // The panels as one block: their own layout from the top, then placed as one item.
    const top = Math.min(...added.map((p) => p.gridPos.y));
    const block = compact(added.map((p) => ({ id: p.id, x: p.gridPos.x, y: p.gridPos.y - top, w: p.gridPos.w, h: p.gridPos.h })));
    const box = { id: -1, x: 0, y: 0, w: Math.max(...block.map((b) => b.x + b.w)), h: bottomOf(block) };
    const sections = sectionsOf(dashboard);
    const section = sections[0]!;
    const placed = insertItem(itemsOf(section), box, 'top');
    const at = placed.find((item) => item.id === box.id)!;
    const items = [...placed.filter((item) => item.id !== box.id), ...block.map((b) => ({ ...b, x: b.x + at.x, y: b.y + at.y }))];
    next = rebuild(dashboard, sections, 0, { ...section, flat: [...section.flat, ...added] }, compact(items));
  }
  if (newVariables.length === 0) return { dashboard: checked(next, 'The panels cannot be added'), ids };
  // The new variables read by the schema with the rest (their defaults filled in); the others stay the same objects.
  const check = validateDashboard({ ...next, variables: [...next.variables, ...newVariables] });
  if (!check.ok) throw SchemaError.listing('The panels and variables cannot be added: the dashboard would have', check.problems);
  return { dashboard: { ...next, variables: [...next.variables, ...check.dashboard.variables.slice(next.variables.length)] }, ids };
}

/**
 * A copy of the panel with a new id, placed right after it in its section when there is room on
 * its right (as Grafana does), else below it; the panels in the way move down.
 */
export function duplicatePanel(dashboard: Dashboard, id: number): { dashboard: Dashboard; id: number } {
  const sections = sectionsOf(dashboard);
  const { index, panel } = findPanel(sections, id);
  const section = sections[index]!;
  const copyId = nextId(dashboard);
  const copy: Panel = { ...panel, id: copyId };
  const items = itemsOf(section);
  const me = items.find((item) => item.id === id)!;
  const at = me.x + 2 * me.w <= GRID_COLUMNS ? { x: me.x + me.w, y: me.y } : { x: me.x, y: me.y + me.h };
  const edited = {
    ...section,
    own: insertAfter(section.own, id, copy),
    flat: section.own.some((p) => p.id === id) ? section.flat : insertAfter(section.flat, id, copy),
  };
  const rel = insertItem(items, { ...me, id: copyId }, at);
  return { dashboard: rebuild(dashboard, sections, index, edited, rel), id: copyId };
}

/** Removes the panel (not a row: see removeRow); the rest of its section moves up into the space. */
export function removePanel(dashboard: Dashboard, id: number): Dashboard {
  const sections = sectionsOf(dashboard);
  const { index } = findPanel(sections, id);
  const section = sections[index]!;
  const edited = { ...section, own: section.own.filter((p) => p.id !== id), flat: section.flat.filter((p) => p.id !== id) };
  return rebuild(dashboard, sections, index, edited, compact(itemsOf(section).filter((item) => item.id !== id)));
}

/**
 * Removes a row. Its panels are removed with it, or, with `keepPanels`, go to the end of the
 * section above it (below its panels), keeping their layout.
 */
export function removeRow(dashboard: Dashboard, id: number, { keepPanels = false }: { keepPanels?: boolean } = {}): Dashboard {
  const sections = sectionsOf(dashboard);
  const index = sections.findIndex((s) => s.row?.id === id);
  if (index < 0) throw unknownRow(id);
  const row = sections[index]!;
  const above = sections[index - 1]!;
  const rest = sections.filter((_, i) => i !== index);
  if (!keepPanels || row.own.length + row.flat.length === 0) return rebuild(dashboard, rest);
  const base = bottomOf(itemsOf(above));
  const moved = itemsOf(row).map((item) => ({ ...item, y: item.y + base }));
  const edited = { ...above, flat: [...above.flat, ...row.own, ...row.flat] };
  return rebuild(dashboard, rest, index - 1, edited, [...itemsOf(above), ...moved]);
}

/**
 * Replaces the panel's definition. Its `gridPos` is kept when it is the panel's own; when it
 * differs the panel is placed there (see placePanel). `panel.id` may be a new id no other panel
 * or row uses. Throws a SchemaError listing the problems when the dashboard would not be valid
 * with this panel (an unknown datasource, a repeat by a variable that does not exist, …); the
 * dashboard given stays as it was.
 */
export function updatePanel(dashboard: Dashboard, id: number, panel: Panel): Dashboard {
  const sections = sectionsOf(dashboard);
  const { index, panel: old } = findPanel(sections, id);
  const section = sections[index]!;
  // Placed where the old panel was; then moved if the new one asks for another place.
  const kept: Panel = { ...panel, gridPos: old.gridPos };
  const swap = (list: readonly Panel[]) => list.map((p) => (p.id === id ? kept : p));
  const edited = { ...section, own: swap(section.own), flat: swap(section.flat) };
  const items = itemsOf(section).map((item) => (item.id === id ? { ...item, id: panel.id } : item));
  let next = rebuild(dashboard, sections, index, edited, items);
  if (!sameGridPos(panel.gridPos, old.gridPos)) next = placePanel(next, panel.id, panel.gridPos);
  return checked(next, `Panel ${id} cannot be replaced with this definition`);
}

/** `dashboard` when it passes the schema; else a SchemaError (`what`, then each problem). */
function checked(dashboard: Dashboard, what: string): Dashboard {
  const check = validateDashboard(dashboard);
  if (check.ok) return dashboard;
  const list = check.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
  throw new SchemaError(`${what}: ${list}`, check.problems);
}

/**
 * Moves and/or resizes a panel to this gridPos (the dashboard's own coordinates, as stored: `y`
 * counted from the top of the dashboard). The panel stays in its section; the other panels of the
 * section are pushed and compacted as a drag in Grafana does (resizeItem, then moveItem); the
 * sections below keep their layout. The size is kept inside the grid (w 1–24, h 1–100); `x` is
 * kept as asked, `y` as far as the panels above it allow. The same gridPos changes nothing.
 */
export function placePanel(dashboard: Dashboard, id: number, gridPos: GridPos): Dashboard {
  const sections = sectionsOf(dashboard);
  const { index, panel } = findPanel(sections, id);
  if (sameGridPos(panel.gridPos, gridPos)) return dashboard;
  const section = sections[index]!;
  const origin = originOf(section);
  const h = Math.min(MAX_PANEL_HEIGHT, gridPos.h);
  const resized = resizeItem(itemsOf(section), id, gridPos.w, h);
  const moved = moveItem(resized, id, gridPos.x, gridPos.y - origin);
  return rebuild(dashboard, sections, index, section, moved);
}

/**
 * Moves a panel into another section: the row `rowId`, or with `null` the panels above the first
 * row. It goes to the bottom of that section keeping its size and column; its old section closes
 * up. Into a collapsed row it goes among the row's own panels (shown when the row opens). Its own
 * section changes nothing.
 */
export function movePanelToRow(dashboard: Dashboard, id: number, rowId: number | null): Dashboard {
  const sections = sectionsOf(dashboard);
  const { index: from, panel } = findPanel(sections, id);
  const to = rowId === null ? 0 : sections.findIndex((s) => s.row?.id === rowId);
  if (to < 0) throw unknownRow(rowId!);
  if (to === from) return dashboard;
  const source = sections[from]!;
  const left = { ...source, own: source.own.filter((p) => p.id !== id), flat: source.flat.filter((p) => p.id !== id) };
  const closed = rebuild(dashboard, sections, from, left, compact(itemsOf(source).filter((item) => item.id !== id)));
  const after = sectionsOf(closed);
  const target = after[to]!;
  const into = target.row?.collapsed ? { ...target, own: [...target.own, panel] } : { ...target, flat: [...target.flat, panel] };
  const below = itemsOf(target);
  const items = insertItem(below, { id, x: panel.gridPos.x, y: 0, w: panel.gridPos.w, h: panel.gridPos.h }, { x: panel.gridPos.x, y: bottomOf(below) });
  return checked(rebuild(closed, after, to, into, items), `Panel ${id} cannot move to ${rowId === null ? 'the top' : `row ${rowId}`}`);
}

/** What updateRow changes of a row. */
export interface RowChanges {
  title?: string;
  /**
   * Collapsing a row moves the panels that follow it into its own `panels`; expanding one moves
   * them out to follow it (as Grafana stores rows). Their layout is kept.
   */
  collapsed?: boolean;
  /** Repeat the row once per value of this variable; `undefined` stops repeating. */
  repeat?: string | undefined;
}

/**
 * Renames, collapses or expands a row, or sets its repeat. Throws a SchemaError listing the
 * problems when the dashboard would not be valid (a repeat by a variable that does not exist, …).
 */
export function updateRow(dashboard: Dashboard, id: number, changes: RowChanges): Dashboard {
  const sections = sectionsOf(dashboard);
  const index = sections.findIndex((s) => s.row?.id === id);
  if (index < 0) throw unknownRow(id);
  const section = sections[index]!;
  const { repeat: _repeat, ...rest } = section.row!;
  const repeat = 'repeat' in changes ? changes.repeat : section.row!.repeat;
  const row: Row = { ...rest, ...(repeat === undefined ? {} : { repeat }), title: changes.title ?? rest.title, collapsed: changes.collapsed ?? rest.collapsed };
  const panels = [...section.own, ...section.flat];
  const edited = row.collapsed === section.row!.collapsed ? { ...section, row } : { row, own: row.collapsed ? panels : [], flat: row.collapsed ? [] : panels };
  const next = rebuild(dashboard, sections, index, { ...edited, row: { ...row, panels: edited.own as Panel[] } }, itemsOf(section));
  return checked(next, `Row ${id} cannot be changed so`);
}

/** Adds a row (open, empty) at the bottom, with a new unique id and the title given or "Row title". */
export function addRow(dashboard: Dashboard, title: string = NEW_ROW_TITLE): { dashboard: Dashboard; id: number } {
  const id = nextId(dashboard);
  const row: Row = { id, type: 'row', title, collapsed: false, panels: [], gridPos: { x: 0, y: 0, w: GRID_COLUMNS, h: 1 } };
  const sections = sectionsOf(dashboard);
  return { dashboard: rebuild(dashboard, [...sections, { row, own: [], flat: [] }]), id };
}

/** The panel's (or row's) definition as pretty JSON: what "copy JSON" copies. */
export function panelJson(dashboard: Dashboard, id: number): string {
  const found = allPanels(dashboard).find((p) => p.id === id);
  if (!found) throw unknownPanel(id);
  return JSON.stringify(found, null, 2);
}

/** One above the highest id of any panel or row (nested ones too): unique in the dashboard. */
export function nextId(dashboard: Dashboard): number {
  return allPanels(dashboard).reduce((max, p) => Math.max(max, p.id), 0) + 1;
}

/** A section: the panels above the first row (`row` undefined), or a row and its panels. */
interface SectionParts {
  readonly row: Row | undefined;
  /** The row's own `panels`. */
  readonly own: readonly Panel[];
  /** The flat panels after the row (before the first row for the top section). */
  readonly flat: readonly Panel[];
}

/** Every panel and row, nested ones included. */
function allPanels(dashboard: Dashboard): (Panel | Row)[] {
  return dashboard.panels.flatMap((p) => (p.type === 'row' ? [p, ...p.panels] : [p]));
}

/** The dashboard's sections; the top one always comes first, empty or not. */
function sectionsOf(dashboard: Dashboard): SectionParts[] {
  const sections: { row: Row | undefined; own: readonly Panel[]; flat: Panel[] }[] = [{ row: undefined, own: [], flat: [] }];
  for (const item of dashboard.panels) {
    if (item.type === 'row') sections.push({ row: item, own: item.panels, flat: [] });
    else sections.at(-1)!.flat.push(item);
  }
  return sections;
}

/** The section holding panel `id` (not a row) and the panel. */
function findPanel(sections: readonly SectionParts[], id: number): { index: number; panel: Panel } {
  for (const [index, s] of sections.entries()) {
    const panel = s.own.find((p) => p.id === id) ?? s.flat.find((p) => p.id === id);
    if (panel) return { index, panel };
  }
  if (sections.some((s) => s.row?.id === id)) throw new InvalidArgumentError(`Id ${id} is a row, not a panel; rows change with updateRow and removeRow`);
  throw unknownPanel(id);
}

function unknownRow(id: number): InvalidArgumentError {
  return new InvalidArgumentError(`There is no row with id ${id} in this dashboard; pass the id of one of its rows`);
}

function unknownPanel(id: number): InvalidArgumentError {
  return new InvalidArgumentError(`There is no panel with id ${id} in this dashboard; pass the id of one of its panels`);
}

/** Where the section's grid starts in the dashboard's coordinates: its first panel's top, as the viewer draws it. */
function originOf(section: SectionParts): number {
  const panels = [...section.own, ...section.flat];
  return panels.length > 0 ? Math.min(...panels.map((p) => p.gridPos.y)) : 0;
}

/** The section's panels as grid items, `y` counted from the section's top. */
function itemsOf(section: SectionParts): GridItem[] {
  const origin = originOf(section);
  return [...section.own, ...section.flat].map((p) => ({ id: p.id, x: p.gridPos.x, y: p.gridPos.y - origin, w: p.gridPos.w, h: p.gridPos.h }));
}

/** `at` with a position counted from the section's top (it is given in the dashboard's coordinates). */
function relative(at: InsertAt, section: SectionParts): InsertAt {
  return typeof at === 'string' ? at : { x: at.x, y: at.y - originOf(section) };
}

function insertAfter(list: readonly Panel[], id: number, panel: Panel): readonly Panel[] {
  const i = list.findIndex((p) => p.id === id);
  return i < 0 ? list : [...list.slice(0, i + 1), panel, ...list.slice(i + 1)];
}

function sameGridPos(a: GridPos, b: GridPos): boolean {
  return a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;
}

/**
 * The dashboard with these sections, stacked (see the module's note). Section `edited` (when
 * given) is replaced by `parts` laid out as `items` (relative to its top); the others keep their
 * relative layout. Unchanged panels, rows and the dashboard itself are the same objects.
 */
function rebuild(dashboard: Dashboard, sections: readonly SectionParts[], edited?: number, parts?: SectionParts, items?: readonly GridItem[]): Dashboard {
  const panels: (Panel | Row)[] = [];
  let cursor = 0;
  sections.forEach((section, i) => {
    const s = i === edited ? parts! : section;
    const rel = new Map((i === edited ? items! : itemsOf(section)).map((item) => [item.id, item]));
    let base = cursor;
    let row: Row | undefined;
    if (s.row) {
      const gridPos = { x: 0, y: cursor, w: GRID_COLUMNS, h: s.row.gridPos.h };
      row = { ...s.row, gridPos: sameGridPos(gridPos, s.row.gridPos) ? s.row.gridPos : gridPos };
      base = cursor + gridPos.h;
    }
    const at = (p: Panel): Panel => {
      const item = rel.get(p.id)!;
      const gridPos = { x: item.x, y: item.y + base, w: item.w, h: item.h };
      return sameGridPos(gridPos, p.gridPos) ? p : { ...p, gridPos };
    };
    const own = s.own.map(at);
    const flat = s.flat.map(at);
    // A collapsed row shows none of its panels' space; its flat panels still take theirs.
    const counted = row?.collapsed ? flat : [...own, ...flat];
    cursor = counted.reduce((max, p) => Math.max(max, p.gridPos.y + p.gridPos.h), base);
    if (row && s.row) {
      const sameRow = row.gridPos === s.row.gridPos && sameList(own, s.row.panels);
      panels.push(sameRow ? s.row : { ...row, panels: own });
    }
    panels.push(...flat);
  });
  return sameList(panels, dashboard.panels) ? dashboard : { ...dashboard, panels };
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
