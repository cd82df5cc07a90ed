/**
 * Grid maths on the dashboard's 24 columns, as Grafana lays panels out: vertical compaction
 * (items float up), moving, resizing and inserting an item so that the items in its way move
 * down, never overlapping, `x + w ≤ 24`. Pure functions: they return new items (unchanged ones
 * are the same objects) and never change the ones given. Every result of `compact`, `moveItem`,
 * `resizeItem` and `insertItem` is compact, has no overlaps and lies inside the grid.
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

/**
 * Where `insertItem` puts a new item: at a position (the items in its way move down); `'top'`,
 * at the top left with everything else moved down (Grafana's "add panel"); `'free'`, in the
 * first place from the top (then from the left) where it fits without moving anything; or
 * `'bottom'`, at the left below every item.
 */
export type InsertAt = { x: number; y: number } | 'top' | 'free' | 'bottom';

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
  return settle(items.map(inside));
}

/**
 * Moves item `id` to (`x`, `y`) (kept inside the grid) as a drag does in Grafana (whose grid is
 * react-grid-layout), then compacts. Each item it lands on goes into the space just above it
 * when that space is free (so dragging a panel down past the next one swaps them), otherwise
 * one row down, pushing the items it then lands on one row down in turn; compaction settles the
 * rest. So the items in its way move down, and the moved item ends up at (`x`, `y`) or, when
 * an item whose top is above its own stays in the way, as high below it as it fits. The result
 * keeps the order given; an unknown `id` only compacts.
 */
export function moveItem<T extends GridItem>(items: readonly T[], id: T['id'], x: number, y: number): T[] {
  const inGrid = items.map(inside);
  const index = inGrid.findIndex((item) => item.id === id);
  if (index < 0) return settle(inGrid);
  const target = inside({ ...inGrid[index]!, x, y });
  return settle(dragged(inGrid, index, target.x, target.y));
}

/**
 * Gives item `id` width `w` and height `h` (at least 1×1, at most the grid's width from its `x`;
 * an item too wide for its `x` moves left), then compacts: the items it now covers move down
 * below it, those whose top is above its own top stay and the item goes below them. The result
 * keeps the order given; an unknown `id` only compacts.
 */
export function resizeItem<T extends GridItem>(items: readonly T[], id: T['id'], w: number, h: number): T[] {
  const inGrid = items.map(inside);
  const index = inGrid.findIndex((item) => item.id === id);
  if (index < 0) return settle(inGrid);
  const resized = inside({ ...inGrid[index]!, w, h });
  return settle(inGrid.map((item, i) => (i === index ? resized : item)));
}

/**
 * Adds `item` (its size kept inside the grid, its place as `at` says) and compacts. A new item
 * put at a position, or at the top, is dragged there from below the others (see `moveItem`),
 * so the items in its way move down. The new item comes last in the result; an item with the
 * same id is replaced.
 */
export function insertItem<T extends GridItem>(items: readonly T[], item: T, at: InsertAt): T[] {
  const rest = items.filter((i) => i.id !== item.id).map(inside);
  const sized = inside(item);
  if (at === 'free') return settle([...rest, inside({ ...sized, ...freeSlot(rest, sized) })]);
  const added = [...rest, inside({ ...sized, x: 0, y: bottomOf(rest) })];
  if (at === 'bottom') return settle(added);
  const target = inside({ ...sized, ...(at === 'top' ? { x: 0, y: 0 } : at) });
  return settle(dragged(added, added.length - 1, target.x, target.y));
}

/** The lowest edge of the items: where `'bottom'` puts a new item. */
export function bottomOf(items: readonly GridItem[]): number {
  return items.reduce((max, i) => Math.max(max, i.y + i.h), 0);
}

/** The first place from the top, then from the left, where `item` overlaps none of `items`. */
function freeSlot(items: readonly GridItem[], item: GridItem): { x: number; y: number } {
  const end = bottomOf(items);
  for (let y = 0; y < end; y++) {
    for (let x = 0; x + item.w <= GRID_COLUMNS; x++) {
      if (!items.some((other) => collides({ ...item, x, y }, other))) return { x, y };
    }
  }
  return { x: 0, y: end };
}

/**
 * The items after moving `items[index]` to (`x`, `y`), before compaction. Every item moves at
 * most once (`moved`): the first time something lands on it. An item the dragged one lands on
 * goes into the space of its own size just above the dragged item when nothing is there, else
 * one row down; an item moved one row down pushes the items it lands on one row down too.
 * Items are looked at top to bottom (bottom to top for a move up). Overlaps left are for
 * compaction to settle, as in react-grid-layout.
 */
function dragged<T extends GridItem>(items: readonly T[], index: number, x: number, y: number): T[] {
  const xs = items.map((i) => i.x);
  const ys = items.map((i) => i.y);
  const moved = items.map(() => false);
  const box = (i: number): GridItem => ({ id: items[i]!.id, x: xs[i]!, y: ys[i]!, w: items[i]!.w, h: items[i]!.h });
  const overlapsAny = (probe: Omit<GridItem, 'id'>) => items.some((_, j) => overlap(probe, box(j)));

  const move = (i: number, toX: number, toY: number, byUser: boolean) => {
    const up = ys[i]! >= toY;
    xs[i] = toX;
    ys[i] = toY;
    moved[i] = true;
    const order = items.map((_, k) => k).sort((a, b) => ys[a]! - ys[b]! || xs[a]! - xs[b]!);
    if (up) order.reverse();
    for (const k of order.filter((k) => collides(box(k), box(i)))) {
      if (moved[k]) continue;
      const probe = { x: xs[k]!, y: Math.max(0, ys[i]! - items[k]!.h), w: items[k]!.w, h: items[k]!.h };
      if (byUser && !overlapsAny(probe)) move(k, xs[k]!, probe.y, false);
      else move(k, xs[k]!, ys[k]! + 1, false);
    }
  };
  if (xs[index] !== x || ys[index] !== y) move(index, x, y, true);
  return items.map((item, i) => (xs[i] === item.x && ys[i] === item.y ? item : { ...item, x: xs[i]!, y: ys[i]! }));
}

/** Whether two boxes overlap (touching edges do not), whatever their ids. */
function overlap(a: Omit<GridItem, 'id'>, b: Omit<GridItem, 'id'>): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * Compaction, as react-grid-layout's vertical compaction does it (so dashboards from Grafana
 * lay out as they do there): items (already inside the grid) are taken top to bottom, then left
 * to right; each floats up while the place it is in overlaps none of the items already placed,
 * then, while it overlaps one, goes down below it. An item going down takes along the items not
 * yet placed that it would overlap one row lower (they go below its new place, and push on in
 * turn), so an item under another stays under it. The result keeps the order given; items that
 * do not move are the same objects.
 */
function settle<T extends GridItem>(items: readonly T[]): T[] {
  // Positions as they change: `work[i]` is the i-th item in the order they are taken.
  const work = byPosition(items);
  const placed: T[] = [];
  const at = (i: number, y: number) => {
    if (work[i]!.y !== y) work[i] = { ...work[i]!, y };
  };
  /** Moves `work[i]` down to `y`, first moving the items after it that are in its way. */
  const pushDown = (i: number, y: number) => {
    const item = work[i]!;
    const lower = { ...item, y: item.y + 1 };
    for (let k = i + 1; k < work.length; k++) {
      // Items come top to bottom: past one clearly below `lower`, the rest are not looked at.
      if (work[k]!.y > lower.y + lower.h) break;
      if (collides(lower, work[k]!)) pushDown(k, y + item.h);
    }
    at(i, y);
  };
  work.forEach((_, i) => {
    let y = work[i]!.y;
    while (y > 0 && !placed.some((p) => collides({ ...work[i]!, y }, p))) y--;
    at(i, y);
    for (let hit = firstHit(work[i]!, placed); hit; hit = firstHit(work[i]!, placed)) pushDown(i, hit.y + hit.h);
    placed.push(work[i]!);
  });
  const byId = new Map(work.map((item) => [item.id, item]));
  return items.map((item) => {
    const settled = byId.get(item.id)!;
    return settled.y === item.y ? item : settled;
  });
}

/** The first of `placed` that `item` overlaps. */
function firstHit<T extends GridItem>(item: T, placed: readonly T[]): T | undefined {
  return placed.find((p) => collides(item, p));
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
