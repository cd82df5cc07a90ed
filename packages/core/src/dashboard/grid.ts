/**
 * Grid maths on the dashboard's 24 columns: collision, vertical compaction (items float up, as
 * in Grafana and react-grid-layout) and moving an item so that the items in its way move down.
 * Pure functions: they return new items and never change the ones given.
 */

/** Columns of a dashboard grid. */
export const GRID_COLUMNS = 24;

/** An item on the grid: a position and size in grid units, and an id (unique among the items) to find it by. */
export interface GridItem {
  readonly id: string | number;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Whether two items overlap (touching edges do not). An item never collides with itself. */
export function collides(a: GridItem, b: GridItem): boolean {
  if (a.id === b.id) return false;
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * Moves every item as far up as it can go without overlapping another, top items first (then
 * left ones). Items that overlap are pushed down until they do not. Items are kept inside the
 * grid first: width 1–24, `x + w ≤ 24`, `y ≥ 0`. The result keeps the order given.
 */
export function compact<T extends GridItem>(items: readonly T[]): T[] {
  const placed: T[] = [];
  const byId = new Map<T['id'], T>();
  for (const item of byPosition(items.map(inside))) {
    let y = item.y;
    while (y > 0 && !placed.some((p) => collides({ ...item, y: y - 1 }, p))) y--;
    const settled = below({ ...item, y }, placed);
    placed.push(settled);
    byId.set(settled.id, settled);
  }
  return items.map((item) => byId.get(item.id)!);
}

/**
 * Puts item `id` at (`x`, `y`) (kept inside the grid) and moves down every item in its way, and
 * every item in theirs, so that none overlap. Items not in the way stay where they are. The
 * result keeps the order given; an unknown `id` changes nothing but keeping items inside the grid.
 */
export function moveItem<T extends GridItem>(items: readonly T[], id: T['id'], x: number, y: number): T[] {
  const inGrid = items.map(inside);
  const moved = inGrid.find((item) => item.id === id);
  if (!moved) return inGrid;
  const placed: T[] = [inside({ ...moved, x, y })];
  for (const item of byPosition(inGrid.filter((i) => i.id !== id))) placed.push(below(item, placed));
  const byId = new Map(placed.map((p) => [p.id, p]));
  return items.map((item) => byId.get(item.id)!);
}

/** The item moved down, if need be, until it overlaps none of `placed`. */
function below<T extends GridItem>(item: T, placed: readonly T[]): T {
  let current = item;
  for (;;) {
    const hits = placed.filter((p) => collides(current, p));
    if (hits.length === 0) return current;
    current = { ...current, y: Math.max(...hits.map((p) => p.y + p.h)) };
  }
}

/** Top to bottom, then left to right (a stable sort keeps ties in the order given). */
function byPosition<T extends GridItem>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.y - b.y || a.x - b.x);
}

/** A whole number (0 for NaN and infinities). */
function whole(n: number): number {
  return Number.isFinite(n) ? Math.round(n) : 0;
}

/** The item with whole-number units inside the grid: width 1–24, `x + w ≤ 24`, `y ≥ 0`, height ≥ 1. */
function inside<T extends GridItem>(item: T): T {
  const w = Math.min(GRID_COLUMNS, Math.max(1, whole(item.w)));
  const x = Math.min(GRID_COLUMNS - w, Math.max(0, whole(item.x)));
  const y = Math.max(0, whole(item.y));
  const h = Math.max(1, whole(item.h));
  return x === item.x && y === item.y && w === item.w && h === item.h ? item : { ...item, x, y, w, h };
}
