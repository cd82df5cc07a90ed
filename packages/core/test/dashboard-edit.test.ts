/** Dashboard edit operations: every result is valid, sections keep the grid invariants, inputs never change. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  GRID_COLUMNS,
  InvalidArgumentError,
  PANEL_TYPES,
  SchemaError,
  collides,
  compact,
  layoutDashboard,
  parseDashboard,
  validateDashboard,
  type Dashboard,
  type DashboardInput,
  type GridItem,
  type GridPos,
  type Panel,
  type PanelInput,
  type PanelType,
} from '@promkit/core';
import { addPanel, addRow, addTemplatePanels, duplicatePanel, movePanelToRow, panelJson, placePanel, removePanel, removeRow, updatePanel, updateRow, type InsertAt } from '@promkit/core/edit';
import { toGrafana, type GrafanaPanel, type GrafanaRowPanel } from '@promkit/core/grafana';
import { TEMPLATE_FAMILIES, httpTemplates, nodeTemplates, prometheusTemplates } from '@promkit/core/templates';

const panel = (id: number, x: number, y: number, w: number, h: number, title = `P${id}`) => ({ id, type: 'timeseries' as const, title, gridPos: { x, y, w, h } });
const row = (id: number, y: number, extra: { collapsed?: boolean; panels?: ReturnType<typeof panel>[]; title?: string } = {}) => ({
  id,
  type: 'row' as const,
  title: extra.title ?? `R${id}`,
  gridPos: { x: 0, y, w: 24, h: 1 },
  collapsed: extra.collapsed ?? false,
  panels: extra.panels ?? [],
});
const dash = (panels: DashboardInput['panels']): Dashboard => deepFreeze(parseDashboard({ schemaVersion: 1, title: 'Edit', panels }));

/**
 * Top: 1 (0,0 12×8), 2 (12,0 12×8); open row 10 at y 8 with 3 (0,9 24×4);
 * collapsed row 20 at y 13 holding 4 (0,14 12×6); open row 30 at y 14 with 5 (0,15 6×3).
 */
const sample = (): Dashboard =>
  dash([panel(1, 0, 0, 12, 8), panel(2, 12, 0, 12, 8), row(10, 8), panel(3, 0, 9, 24, 4), row(20, 13, { collapsed: true, panels: [panel(4, 0, 14, 12, 6)] }), row(30, 14), panel(5, 0, 15, 6, 3)]);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const byId = (d: Dashboard, id: number) => {
  for (const p of d.panels) {
    if (p.id === id) return p;
    if (p.type === 'row') for (const c of p.panels) if (c.id === id) return c;
  }
  throw new Error(`no ${id}`);
};
const pos = (d: Dashboard, id: number) => byId(d, id).gridPos;
/** Per section (row id or 'top'): panel id → gridPos with y counted from the section's top. */
function relativeLayout(d: Dashboard): Map<string, Map<number, GridPos>> {
  return new Map(
    layoutDashboard(d, {}).map((s) => [String(s.row?.id ?? 'top'), new Map(s.panels.map((p) => [p.spec.id, p.cell]))]),
  );
}
const sectionOf = (d: Dashboard, id: number) => layoutDashboard(d, {}).find((s) => s.panels.some((p) => p.spec.id === id))?.row?.id ?? 'top';

function expectValid(d: Dashboard): void {
  const check = validateDashboard(d);
  expect(check.ok ? [] : check.problems).toEqual([]);
  for (const section of layoutDashboard(d, {})) {
    const items: GridItem[] = section.panels.map((p) => ({ id: p.spec.id, ...p.cell }));
    for (const i of items) {
      expect(i.x).toBeGreaterThanOrEqual(0);
      expect(i.y).toBeGreaterThanOrEqual(0);
      expect(i.x + i.w).toBeLessThanOrEqual(GRID_COLUMNS);
    }
    const overlapping = items.flatMap((a, k) => items.slice(k + 1).filter((b) => collides(a, b)).map((b) => [a.id, b.id]));
    expect(overlapping).toEqual([]);
  }
}

describe('addPanel', () => {
  it('adds an empty panel of the type at the top of the first section, a new id, the rest pushed down', () => {
    const d = sample();
    const { dashboard, id } = addPanel(d, 'stat');
    expect(id).toBe(31);
    const added = byId(dashboard, id) as Panel;
    expect(added).toMatchObject({ type: 'stat', title: 'New stat', gridPos: { x: 0, y: 0, w: 12, h: 8 }, targets: [] });
    expect(sectionOf(dashboard, id)).toBe('top');
    expect(pos(dashboard, 1)).toEqual({ x: 0, y: 8, w: 12, h: 8 });
    expect(pos(dashboard, 2)).toEqual({ x: 12, y: 0, w: 12, h: 8 });
    // The rows below move down by the growth of the top section, keeping their layout.
    expect(pos(dashboard, 10).y).toBe(16);
    expect(pos(dashboard, 3)).toEqual({ x: 0, y: 17, w: 24, h: 4 });
    expect(relativeLayout(dashboard).get('30')).toEqual(relativeLayout(d).get('30'));
    expectValid(dashboard);
  });

  it('names each type and places at a position, free or bottom', () => {
    const d = sample();
    expect((byId(addPanel(d, 'timeseries').dashboard, 31) as Panel).title).toBe('New time series');
    expect(pos(addPanel(d, 'table', 'bottom').dashboard, 31)).toEqual({ x: 0, y: 8, w: 12, h: 8 });
    expect(pos(addPanel(d, 'gauge', { x: 12, y: 0 }).dashboard, 31)).toEqual({ x: 12, y: 0, w: 12, h: 8 });
    for (const type of PANEL_TYPES) expectValid(addPanel(d, type, 'free').dashboard);
  });

  it('adds to a dashboard that starts with a row, above the row', () => {
    const d = dash([row(1, 0), panel(2, 0, 1, 24, 4)]);
    const { dashboard, id } = addPanel(d, 'text');
    expect(dashboard.panels.map((p) => p.id)).toEqual([id, 1, 2]);
    expect(pos(dashboard, 1).y).toBe(8);
    expect(pos(dashboard, 2).y).toBe(9);
    expectValid(dashboard);
  });
});

describe('duplicatePanel', () => {
  it('puts the copy on the right when there is room, else below; new id, same definition', () => {
    const d = dash([panel(1, 0, 0, 8, 4), panel(2, 0, 4, 24, 4)]);
    const right = duplicatePanel(d, 1);
    expect(right.id).toBe(3);
    expect(pos(right.dashboard, 3)).toEqual({ x: 8, y: 0, w: 8, h: 4 });
    expect({ ...byId(right.dashboard, 3), id: 1, gridPos: null }).toEqual({ ...byId(d, 1), gridPos: null });
    expect(right.dashboard.panels.map((p) => p.id)).toEqual([1, 3, 2]);
    const below = duplicatePanel(d, 2);
    expect(pos(below.dashboard, 3)).toEqual({ x: 0, y: 8, w: 24, h: 4 });
    expectValid(right.dashboard);
  });

  it('keeps a collapsed row’s panel in the row', () => {
    const { dashboard, id } = duplicatePanel(sample(), 4);
    const r = byId(dashboard, 20);
    expect(r.type === 'row' && r.panels.map((p) => p.id)).toEqual([4, id]);
    expect(pos(dashboard, id)).toEqual({ x: 12, y: 14, w: 12, h: 6 });
    expectValid(dashboard);
  });
});

describe('removePanel and removeRow', () => {
  it('removes a panel and the section closes up; sections below follow', () => {
    const d = sample();
    const out = removePanel(d, 3);
    expect(() => byId(out, 3)).toThrow();
    expect(pos(out, 10).y).toBe(8);
    expect(pos(out, 20).y).toBe(9);
    expect(pos(out, 5)).toEqual({ x: 0, y: 11, w: 6, h: 3 });
    expectValid(out);
  });

  it('removes a row with its panels, or keeps them in the section above', () => {
    const d = sample();
    expect(removeRow(d, 10).panels.map((p) => p.id)).toEqual([1, 2, 20, 30, 5]);
    const kept = removeRow(d, 20, { keepPanels: true });
    expect(kept.panels.map((p) => p.id)).toEqual([1, 2, 10, 3, 4, 30, 5]);
    expect(pos(kept, 4)).toEqual({ x: 0, y: 13, w: 12, h: 6 });
    expect(pos(kept, 30).y).toBe(19);
    expectValid(kept);
  });
});

describe('movePanelToRow', () => {
  it('moves a panel to the bottom of another section, keeping its column and size; its old section closes up', () => {
    const d = sample();
    const out = movePanelToRow(d, 2, 30);
    expect(sectionOf(out, 2)).toBe(30);
    expect(pos(out, 1)).toEqual({ x: 0, y: 0, w: 12, h: 8 });
    // Row 30 now holds 5 (0,0 6×3) and 2, put below it at column 12, floated up beside it.
    expect(pos(out, 2)).toEqual({ x: 12, y: pos(out, 30).y + 1, w: 12, h: 8 });
    expectValid(out);
    // Back to the top: the bottom of the top section.
    const back = movePanelToRow(out, 5, null);
    expect(sectionOf(back, 5)).toBe('top');
    expect(pos(back, 5)).toEqual({ x: 0, y: 8, w: 6, h: 3 });
    expectValid(back);
  });

  it('puts a panel moved into a collapsed row among the row’s own panels; its own section changes nothing', () => {
    const d = sample();
    const out = movePanelToRow(d, 3, 20);
    const collapsed = out.panels.find((p) => p.id === 20);
    expect(collapsed?.type === 'row' && collapsed.panels.map((p) => p.id)).toEqual([4, 3]);
    expect(out.panels.some((p) => p.id === 3)).toBe(false);
    expectValid(out);
    expect(movePanelToRow(d, 3, 10)).toBe(d);
    expect(() => movePanelToRow(d, 3, 99)).toThrow(/no row with id 99/);
  });
});

describe('placePanel', () => {
  it('moves within the section, pushing and compacting; other sections keep their layout', () => {
    const d = sample();
    const out = placePanel(d, 1, { x: 0, y: 8, w: 12, h: 8 });
    // Dropped below its neighbour's line: nothing there, so it floats back to the top.
    expect(pos(out, 1)).toEqual({ x: 0, y: 0, w: 12, h: 8 });
    const swapped = placePanel(d, 2, { x: 0, y: 0, w: 12, h: 8 });
    expect(pos(swapped, 2)).toEqual({ x: 0, y: 0, w: 12, h: 8 });
    expect(pos(swapped, 1)).toEqual({ x: 0, y: 8, w: 12, h: 8 });
    expect(pos(swapped, 10).y).toBe(16);
    expect(relativeLayout(swapped).get('10')).toEqual(relativeLayout(d).get('10'));
    expectValid(swapped);
  });

  it('resizes, and takes coordinates of the dashboard (a row’s panel is counted from the top)', () => {
    const d = sample();
    const out = placePanel(d, 3, { x: 4, y: 9, w: 10, h: 6 });
    expect(pos(out, 3)).toEqual({ x: 4, y: 9, w: 10, h: 6 });
    expect(pos(out, 20).y).toBe(15);
    expect(pos(out, 4).y).toBe(16);
    expect(sectionOf(out, 3)).toBe(10);
    const tall = placePanel(d, 5, { x: 20, y: 0, w: 30, h: 500 });
    expect(pos(tall, 5)).toEqual({ x: 0, y: 15, w: 24, h: 100 });
    expectValid(tall);
  });

  it('counts y from the top of the dashboard, not of the section', () => {
    const d = dash([panel(1, 0, 0, 24, 8), row(10, 8), panel(2, 0, 9, 12, 4), panel(3, 12, 9, 12, 4)]);
    // Onto panel 2's place: 2 goes below it.
    const out = placePanel(d, 3, { x: 0, y: 9, w: 12, h: 4 });
    expect(pos(out, 3)).toEqual({ x: 0, y: 9, w: 12, h: 4 });
    expect(pos(out, 2)).toEqual({ x: 0, y: 13, w: 12, h: 4 });
    expectValid(out);
  });

  it('returns the same dashboard for the same gridPos, and shares what did not change', () => {
    const d = sample();
    expect(placePanel(d, 1, { ...pos(d, 1) })).toBe(d);
    const out = placePanel(d, 5, { x: 6, y: 15, w: 6, h: 3 });
    expect(out.panels.slice(0, 6)).toEqual(d.panels.slice(0, 6));
    d.panels.slice(0, 6).forEach((p, i) => expect(out.panels[i]).toBe(p));
  });
});

describe('updatePanel', () => {
  it('replaces the definition, keeping the place when gridPos is the same', () => {
    const d = sample();
    const old = byId(d, 3) as Panel;
    const out = updatePanel(d, 3, { ...old, title: 'CPU', targets: [{ refId: 'A', expr: 'up', instant: false, hide: false }] });
    expect(byId(out, 3)).toMatchObject({ title: 'CPU', gridPos: old.gridPos });
    expect(out.panels[0]).toBe(d.panels[0]);
    expectValid(out);
  });

  it('places the panel when its gridPos differs', () => {
    const d = sample();
    const out = updatePanel(d, 1, { ...(byId(d, 1) as Panel), gridPos: { x: 12, y: 0, w: 12, h: 8 } });
    expect(pos(out, 1)).toEqual({ x: 12, y: 0, w: 12, h: 8 });
    expect(pos(out, 2)).toEqual({ x: 12, y: 8, w: 12, h: 8 });
  });

  it('takes a new id no other panel or row uses', () => {
    const d = sample();
    const out = updatePanel(d, 4, { ...(byId(d, 4) as Panel), id: 50 });
    expect(pos(out, 50)).toEqual(pos(d, 4));
    expect(() => byId(out, 4)).toThrow();
    expectValid(out);
  });

  it('refuses a definition the dashboard cannot hold, naming the problem', () => {
    const d = sample();
    const bad = { ...(byId(d, 1) as Panel), datasource: 'nowhere' };
    expect(() => updatePanel(d, 1, bad)).toThrow(SchemaError);
    expect(() => updatePanel(d, 1, bad)).toThrow(/datasource "nowhere"/);
    expect(() => updatePanel(d, 1, { ...(byId(d, 1) as Panel), id: 2 })).toThrow(/id 2 is already used/);
  });
});

describe('updateRow', () => {
  it('renames a row, sharing the rest', () => {
    const d = sample();
    const out = updateRow(d, 10, { title: 'Network' });
    expect(byId(out, 10)).toMatchObject({ title: 'Network', collapsed: false });
    expect(out.panels.filter((p) => p.id !== 10)).toEqual(d.panels.filter((p) => p.id !== 10));
    out.panels.forEach((p, i) => p.id !== 10 && expect(p).toBe(d.panels[i]));
  });

  it('collapses a row: its panels go inside it and the rows below move up; expanding undoes it', () => {
    const d = sample();
    const collapsed = updateRow(d, 10, { collapsed: true });
    expect(collapsed.panels.map((p) => p.id)).toEqual([1, 2, 10, 20, 30, 5]);
    const r = byId(collapsed, 10);
    expect(r.type === 'row' && r.panels.map((p) => p.id)).toEqual([3]);
    expect(pos(collapsed, 20).y).toBe(9);
    expect(pos(collapsed, 3)).toEqual({ x: 0, y: 9, w: 24, h: 4 });
    expectValid(collapsed);
    expect(updateRow(collapsed, 10, { collapsed: false })).toEqual(d);
    const opened = updateRow(d, 20, { collapsed: false });
    expect(opened.panels.map((p) => p.id)).toEqual([1, 2, 10, 3, 20, 4, 30, 5]);
    expect(pos(opened, 30).y).toBe(20);
    expectValid(opened);
  });

  it('sets or clears a repeat, refusing a variable the dashboard does not have', () => {
    const d = sample();
    expect(() => updateRow(d, 10, { repeat: 'host' })).toThrow(/repeats by "host"/);
    const withVar = deepFreeze({ ...d, variables: [{ type: 'custom' as const, name: 'host', query: 'a,b', hide: 'none' as const, multi: false, includeAll: false }] });
    const repeated = updateRow(withVar, 10, { repeat: 'host' });
    expect(byId(repeated, 10)).toMatchObject({ repeat: 'host' });
    expect('repeat' in byId(updateRow(repeated, 10, { repeat: undefined }), 10)).toBe(false);
  });
});

describe('addRow and panelJson', () => {
  it('adds an open empty row at the bottom with a unique id', () => {
    const d = sample();
    const { dashboard, id } = addRow(d);
    expect(id).toBe(31);
    expect(dashboard.panels.at(-1)).toEqual({ id, type: 'row', title: 'Row title', collapsed: false, panels: [], gridPos: { x: 0, y: 18, w: 24, h: 1 } });
    expect((addRow(d, 'Network').dashboard.panels.at(-1) as { title: string }).title).toBe('Network');
    expectValid(dashboard);
    // A panel added next gets an id no row or panel has.
    expect(addPanel(dashboard, 'stat').id).toBe(32);
  });

  it('gives the definition as pretty JSON', () => {
    const d = sample();
    expect(JSON.parse(panelJson(d, 4))).toEqual(byId(d, 4));
    expect(panelJson(d, 4)).toContain('\n  "id": 4');
  });
});

describe('unknown ids', () => {
  it('throw an error naming the id', () => {
    const d = sample();
    for (const op of [() => duplicatePanel(d, 99), () => removePanel(d, 99), () => placePanel(d, 99, { x: 0, y: 0, w: 1, h: 1 }), () => panelJson(d, 99), () => removeRow(d, 99), () => updateRow(d, 99, {})]) {
      expect(op).toThrow(InvalidArgumentError);
      expect(op).toThrow(/id 99/);
    }
    expect(() => removePanel(d, 10)).toThrow(/10 is a row/);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over random dashboards and random sequences of edits.

/** Random non-overlapping cells (kept greedily), optionally compacted. */
const cells = (max: number) =>
  fc.array(fc.record({ x: fc.integer({ min: 0, max: 23 }), y: fc.integer({ min: 0, max: 20 }), w: fc.integer({ min: 1, max: 24 }), h: fc.integer({ min: 1, max: 8 }) }), { maxLength: max });

const sectionArb = fc.record({
  own: cells(4),
  flat: cells(5),
  collapsed: fc.boolean(),
  offset: fc.integer({ min: 0, max: 40 }),
});

/** A random valid dashboard: top panels and rows (collapsed and open, open ones with own panels too). */
const dashboards = (stacked: boolean) =>
  fc.record({ top: cells(6), topOffset: fc.integer({ min: 0, max: 10 }), rows: fc.array(sectionArb, { maxLength: 4 }) }).map(({ top, topOffset, rows }) => {
    let nextId = 1;
    const ids = () => nextId++;
    const lay = (raw: { x: number; y: number; w: number; h: number }[]) => {
      const kept: GridItem[] = [];
      for (const c of raw) {
        const item = { id: kept.length, x: c.x, y: c.y, w: Math.min(c.w, 24 - c.x), h: c.h };
        if (!kept.some((k) => collides({ ...k, id: -1 }, item))) kept.push(item);
      }
      return stacked ? compact(kept) : kept;
    };
    const panels: DashboardInput['panels'] = [];
    let cursor = 0;
    const place = (items: GridItem[], base: number) => items.map((c) => panel(ids(), c.x, c.y + base, c.w, c.h));
    const topItems = lay(top);
    panels.push(...place(topItems, stacked ? 0 : topOffset));
    cursor = stacked ? topItems.reduce((m, c) => Math.max(m, c.y + c.h), 0) : 0;
    for (const r of rows) {
      const rowY = stacked ? cursor : r.offset;
      const id = ids();
      const both = lay([...r.own, ...r.flat]);
      // In a stacked (Grafana) dashboard open rows' panels are flat; collapsed rows hold theirs.
      const ownCount = stacked ? (r.collapsed ? both.length : 0) : Math.min(r.own.length, both.length);
      const all = place(both, rowY + 1);
      panels.push(row(id, rowY, { collapsed: r.collapsed, panels: all.slice(0, ownCount) }), ...all.slice(ownCount));
      cursor = rowY + 1 + (r.collapsed && stacked ? 0 : both.reduce((m, c) => Math.max(m, c.y + c.h), 0));
    }
    return dash(panels);
  });

type Op =
  | { op: 'add'; type: PanelType; at: InsertAt }
  | { op: 'duplicate'; pick: number }
  | { op: 'remove'; pick: number }
  | { op: 'place'; pick: number; gridPos: GridPos }
  | { op: 'update'; pick: number; title: string; gridPos: GridPos | undefined }
  | { op: 'row'; title: string | undefined }
  | { op: 'toRow'; pick: number; row: number }
  | { op: 'toggle'; pick: number; collapsed: boolean; title: string | undefined };

const gridPosArb = fc.record({ x: fc.integer({ min: 0, max: 23 }), y: fc.integer({ min: 0, max: 60 }), w: fc.integer({ min: 1, max: 24 }), h: fc.integer({ min: 1, max: 10 }) });
const ops: fc.Arbitrary<Op[]> = fc.array(
  fc.oneof(
    fc.record({
      op: fc.constant('add' as const),
      type: fc.constantFrom(...PANEL_TYPES),
      at: fc.oneof(fc.constantFrom<InsertAt>('top', 'free', 'bottom'), fc.record({ x: fc.integer({ min: 0, max: 23 }), y: fc.integer({ min: 0, max: 30 }) })),
    }),
    fc.record({ op: fc.constant('duplicate' as const), pick: fc.nat() }),
    fc.record({ op: fc.constant('remove' as const), pick: fc.nat() }),
    fc.record({ op: fc.constant('place' as const), pick: fc.nat(), gridPos: gridPosArb }),
    fc.record({ op: fc.constant('place' as const), pick: fc.nat(), gridPos: gridPosArb }),
    fc.record({ op: fc.constant('update' as const), pick: fc.nat(), title: fc.stringMatching(/^[A-Za-z ]{0,8}$/), gridPos: fc.option(gridPosArb, { nil: undefined }) }),
    fc.record({ op: fc.constant('row' as const), title: fc.option(fc.stringMatching(/^[A-Za-z ]{0,8}$/), { nil: undefined }) }),
    fc.record({ op: fc.constant('toRow' as const), pick: fc.nat(), row: fc.nat() }),
    fc.record({ op: fc.constant('toggle' as const), pick: fc.nat(), collapsed: fc.boolean(), title: fc.option(fc.stringMatching(/^[A-Za-z ]{0,8}$/), { nil: undefined }) }),
  ),
  { minLength: 1, maxLength: 8 },
);

const panelIds = (d: Dashboard) => d.panels.flatMap((p) => (p.type === 'row' ? p.panels.map((c) => c.id) : [p.id]));

/** Applies one edit; with what it changed, for the checks. */
function apply(d: Dashboard, op: Op): { next: Dashboard; placed?: { id: number; gridPos: GridPos } } {
  const ids = panelIds(d);
  const pick = (n: number) => ids[n % ids.length]!;
  switch (op.op) {
    case 'add':
      return { next: addPanel(d, op.type, op.at).dashboard };
    case 'row':
      return { next: addRow(d, op.title).dashboard };
    case 'toggle': {
      const rows = d.panels.filter((p) => p.type === 'row');
      if (rows.length === 0) return { next: d };
      const id = rows[op.pick % rows.length]!.id;
      return { next: updateRow(d, id, { collapsed: op.collapsed, ...(op.title === undefined ? {} : { title: op.title }) }) };
    }
  }
  if (ids.length === 0) return { next: d };
  const id = pick(op.pick);
  switch (op.op) {
    case 'duplicate':
      return { next: duplicatePanel(d, id).dashboard };
    case 'remove':
      return { next: removePanel(d, id) };
    case 'toRow': {
      const rows = [null, ...d.panels.filter((p) => p.type === 'row').map((p) => p.id)];
      const target = rows[op.row % rows.length]!;
      const next = movePanelToRow(d, id, target);
      expect(sectionOf(next, id)).toBe(target ?? 'top');
      expect(panelIds(next).sort()).toEqual(panelIds(d).sort());
      return { next };
    }
    case 'place':
      return { next: placePanel(d, id, op.gridPos), placed: { id, gridPos: op.gridPos } };
    case 'update': {
      const old = byId(d, id) as Panel;
      return { next: updatePanel(d, id, { ...old, title: op.title, gridPos: op.gridPos ?? old.gridPos }) };
    }
  }
}

describe('random edits', () => {
  it('every result is valid, keeps the grid invariants in every section, and never changes its input', () => {
    fc.assert(
      fc.property(dashboards(false), ops, (start, sequence) => {
        const snapshot = JSON.stringify(start);
        let d = start;
        for (const op of sequence) {
          const before = JSON.stringify(d);
          const beforeLayout = relativeLayout(d);
          const { next, placed } = apply(d, op);
          // Inputs are frozen (changing one would throw) and stay as they were.
          expect(JSON.stringify(d)).toBe(before);
          expectValid(next);
          if (placed) {
            const section = sectionOf(d, placed.id);
            expect(sectionOf(next, placed.id)).toBe(section);
            const got = pos(next, placed.id);
            expect([got.x, got.w, got.h]).toEqual([Math.min(placed.gridPos.x, 24 - placed.gridPos.w), placed.gridPos.w, placed.gridPos.h]);
            // Every other section keeps its relative layout.
            const after = relativeLayout(next);
            for (const [key, layout] of beforeLayout) if (key !== String(section)) expect(after.get(key)).toEqual(layout);
          }
          d = deepFreeze(next);
        }
        expect(JSON.stringify(start)).toBe(snapshot);
      }),
      { numRuns: 300 },
    );
  });

  it('exports to Grafana with the edited gridPos, laid out as Grafana shows it', () => {
    fc.assert(
      fc.property(dashboards(true), ops, (start, sequence) => {
        const d = sequence.reduce((acc, op) => deepFreeze(apply(acc, op).next), start);
        const exported = toGrafana(d).dashboard.panels;
        const flat = exported.flatMap((p) => (p.type === 'row' ? [p, ...(p as GrafanaRowPanel).panels] : [p]));
        // Every panel's gridPos is the edited one.
        const all = d.panels.flatMap((p) => (p.type === 'row' ? [p, ...p.panels] : [p]));
        expect(new Map(flat.map((p) => [p.id, p.gridPos]))).toEqual(new Map(all.map((p) => [p.id, p.gridPos])));
        // Grafana's one grid (rows and the panels it shows) is compact: it floats nothing elsewhere.
        const shown: GridItem[] = exported.map((p: GrafanaPanel | GrafanaRowPanel) => ({ id: p.id, ...p.gridPos }));
        expect(compact(shown)).toEqual(shown);
        // Each row is below everything listed before it, and its panels are below it.
        let rowBottom = 0;
        let lowest = 0;
        for (const p of exported) {
          if (p.type === 'row') {
            expect(p.gridPos.y).toBeGreaterThanOrEqual(lowest);
            rowBottom = p.gridPos.y + p.gridPos.h;
          } else {
            expect(p.gridPos.y).toBeGreaterThanOrEqual(rowBottom);
          }
          lowest = Math.max(lowest, p.gridPos.y + p.gridPos.h);
        }
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Adding template panels (a gallery's card, or a whole family) with the variables they need.

const idsOf = (d: Dashboard) => d.panels.flatMap((p) => (p.type === 'row' ? [p.id, ...p.panels.map((c) => c.id)] : [p.id]));
/** Each panel's place relative to the first one's. */
const offsets = (cells: readonly { x: number; y: number; w: number; h: number }[]) => cells.map((c) => [c.x - cells[0]!.x, c.y - cells[0]!.y, c.w, c.h]);

describe('addTemplatePanels', () => {
  it('adds a whole family at the top keeping its layout; the panels there and the rows below move down', () => {
    const d = sample();
    const family = prometheusTemplates.dashboard();
    const panels = family.panels as PanelInput[];
    const { dashboard, ids } = addTemplatePanels(d, panels, family.variables!);
    expect(ids).toEqual([31, 32, 33, 34, 35, 36]);
    expect(ids.map((id) => sectionOf(dashboard, id))).toEqual(ids.map(() => 'top'));
    expect(ids.map((id) => (byId(dashboard, id) as Panel).title)).toEqual(panels.map((p) => p.title));
    expect(offsets(ids.map((id) => pos(dashboard, id)))).toEqual(offsets(panels.map((p) => p.gridPos as GridPos)));
    expect(pos(dashboard, 31)).toEqual({ x: 0, y: 0, w: 6, h: 6 });
    // The family is 14 high and 24 wide: the top panels go below it, the rows keep their layout below them.
    expect(pos(dashboard, 1)).toEqual({ x: 0, y: 14, w: 12, h: 8 });
    expect(pos(dashboard, 10).y).toBe(22);
    for (const key of ['10', '20', '30']) expect(relativeLayout(dashboard).get(key)).toEqual(relativeLayout(d).get(key));
    expectValid(dashboard);
  });

  it('places one panel as addPanel places a new one', () => {
    const d = sample();
    const template = httpTemplates.panels.find((p) => p.id === 'request-rate')!.panel();
    const { dashboard, ids } = addTemplatePanels(d, [{ ...template, gridPos: { x: 0, y: 0, w: 12, h: 8 } }]);
    const byAddPanel = addPanel(d, 'timeseries').dashboard;
    expect(ids).toEqual([31]);
    for (const id of idsOf(byAddPanel)) expect(pos(dashboard, id), String(id)).toEqual(pos(byAddPanel, id));
    expect((byId(dashboard, 31) as Panel).targets[0]!.expr).toContain('http_requests_total');
  });

  it('adds the variables the panels need once, never changing one the dashboard has', () => {
    const cpu = nodeTemplates.panels[0]!.panel();
    const first = addTemplatePanels(sample(), [cpu], nodeTemplates.variables());
    expect(first.dashboard.variables.map((v) => v.name)).toEqual(['instance']);
    // Read by the schema: its defaults are filled in.
    expect(first.dashboard.variables[0]).toMatchObject({ type: 'query', name: 'instance', includeAll: true, allValue: '.+', refresh: 'load', hide: 'none' });
    const again = addTemplatePanels(deepFreeze(first.dashboard), [cpu, cpu], [...nodeTemplates.variables(), ...nodeTemplates.variables()]);
    expect(again.dashboard.variables).toHaveLength(1);
    expect(again.dashboard.variables[0]).toBe(first.dashboard.variables[0]);
    // One of the same name but another definition stays as the dashboard has it.
    const own = dash([panel(1, 0, 0, 12, 8)]);
    const withOwn = deepFreeze({ ...own, variables: parseDashboard({ schemaVersion: 1, title: 'v', variables: [{ type: 'custom', name: 'instance', query: 'a,b' }] }).variables });
    const kept = addTemplatePanels(withOwn, [cpu], nodeTemplates.variables()).dashboard;
    expect(kept.variables).toEqual(withOwn.variables);
    expect(kept.variables[0]).toBe(withOwn.variables[0]);
  });

  it('stacks panels given all at x 0 y 0 instead of overlapping them', () => {
    const panels = nodeTemplates.panels.map((t) => t.panel());
    const { dashboard, ids } = addTemplatePanels(dash([]), panels, nodeTemplates.variables());
    expect(ids).toHaveLength(panels.length);
    expect(new Set(ids.map((id) => `${pos(dashboard, id).x},${pos(dashboard, id).y}`)).size).toBe(ids.length);
    expectValid(dashboard);
  });

  it('refuses a panel or variable that is not valid, naming it; the dashboard stays as it was', () => {
    const d = sample();
    const snapshot = JSON.stringify(d);
    const good = prometheusTemplates.panels[0]!.panel();
    expect(() => addTemplatePanels(d, [good, { ...good, gridPos: { x: 0, y: 0, w: 30, h: 4 } }])).toThrow(/Panel 2 of 2 has 1 problem:\n\s+gridPos\.w: /);
    expect(() => addTemplatePanels(d, [good], [{ type: 'query', name: 'bad name', query: 'up' } as never])).toThrow(SchemaError);
    expect(() => addTemplatePanels(d, [{ ...good, repeat: 'nope' }])).toThrow(SchemaError);
    expect(JSON.stringify(d)).toBe(snapshot);
    // Nothing to add: the same dashboard.
    expect(addTemplatePanels(d, []).dashboard).toBe(d);
  });

  const templatePicks = fc.record({
    family: fc.constantFrom(...TEMPLATE_FAMILIES),
    whole: fc.boolean(),
    pick: fc.array(fc.nat(), { minLength: 0, maxLength: 4 }),
    // Variables the dashboard has already: the family's own, or one of the same name defined otherwise.
    existing: fc.constantFrom('none', 'same', 'other'),
  });

  it('random dashboards and templates: valid, grid invariants, layout kept, inputs never changed, variables kept and added once', () => {
    fc.assert(
      fc.property(fc.oneof(dashboards(false), dashboards(true)), templatePicks, (start, { family, whole, pick, existing }) => {
        const needed = family.variables();
        const withVars =
          existing === 'none' || needed.length === 0
            ? start
            : deepFreeze({
                ...start,
                variables: parseDashboard({ schemaVersion: 1, title: 'v', variables: existing === 'same' ? needed : needed.map((v) => ({ type: 'custom' as const, name: v.name, query: 'a,b' })) }).variables,
              });
        const panels = whole ? (family.dashboard().panels as PanelInput[]) : pick.map((n) => family.panels[n % family.panels.length]!.panel());
        const snapshot = JSON.stringify(withVars);
        const beforeLayout = relativeLayout(withVars);
        const { dashboard, ids } = addTemplatePanels(withVars, panels, needed);
        expect(JSON.stringify(withVars)).toBe(snapshot);
        expectValid(dashboard);
        // New ids, unique, above every old one, all in the top section.
        const old = idsOf(withVars);
        expect(ids).toHaveLength(panels.length);
        expect(idsOf(dashboard).sort((a, b) => a - b)).toEqual([...old, ...ids].sort((a, b) => a - b));
        if (ids.length > 0) expect(Math.min(...ids)).toBeGreaterThan(Math.max(0, ...old));
        for (const id of ids) expect(sectionOf(dashboard, id)).toBe('top');
        // Together they keep their own layout (compacted); every other section keeps its layout.
        const top = Math.min(...panels.map((p) => p.gridPos!.y!));
        const own = compact(panels.map((p, i) => ({ id: i, x: p.gridPos!.x!, y: p.gridPos!.y! - top, w: p.gridPos!.w!, h: p.gridPos!.h! })));
        if (ids.length > 0) expect(offsets(ids.map((id) => pos(dashboard, id)))).toEqual(offsets(own));
        const after = relativeLayout(dashboard);
        for (const [key, layout] of beforeLayout) if (key !== 'top') expect(after.get(key)).toEqual(layout);
        // The dashboard's variables are kept as they were, first; each needed name is there once.
        expect(dashboard.variables.slice(0, withVars.variables.length)).toEqual(withVars.variables);
        withVars.variables.forEach((v, i) => expect(dashboard.variables[i]).toBe(v));
        for (const v of needed) expect(dashboard.variables.filter((w) => w.name === v.name)).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });
});
