import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GRID_COLUMNS, collides, compact, moveItem, type GridItem } from '@promkit/core';

const item = (id: string, x: number, y: number, w: number, h: number): GridItem => ({ id, x, y, w, h });
const pos = (items: readonly GridItem[]) => items.map(({ id, x, y, w, h }) => [id, x, y, w, h]);

function overlaps(items: readonly GridItem[]): [GridItem, GridItem][] {
  return items.flatMap((a, i) => items.slice(i + 1).filter((b) => collides(a, b)).map((b): [GridItem, GridItem] => [a, b]));
}

const inGrid = (items: readonly GridItem[]) => items.every((i) => i.x >= 0 && i.w >= 1 && i.x + i.w <= GRID_COLUMNS && i.y >= 0 && i.h >= 1);

/** Layouts as a host may hand them over: overlapping, out of the grid, oddly sized. */
const layouts = fc
  .array(fc.record({ x: fc.integer({ min: -4, max: 30 }), y: fc.integer({ min: -2, max: 30 }), w: fc.integer({ min: 0, max: 30 }), h: fc.integer({ min: 1, max: 8 }) }), { maxLength: 14 })
  .map((cells) => cells.map((c, i) => ({ id: `p${i}`, ...c })));

describe('collides', () => {
  it('overlapping items collide; touching edges and an item with itself do not', () => {
    expect(collides(item('a', 0, 0, 6, 4), item('b', 5, 3, 6, 4))).toBe(true);
    expect(collides(item('a', 0, 0, 6, 4), item('b', 6, 0, 6, 4))).toBe(false);
    expect(collides(item('a', 0, 0, 6, 4), item('b', 0, 4, 6, 4))).toBe(false);
    expect(collides(item('a', 0, 0, 6, 4), item('a', 0, 0, 6, 4))).toBe(false);
  });
});

describe('compact', () => {
  it('floats items up into the space above them, keeping their order and their other fields', () => {
    const items = [{ ...item('a', 0, 3, 12, 2), title: 'A' }, item('b', 12, 10, 12, 4), item('c', 0, 9, 6, 2)];
    expect(compact(items)).toEqual([{ ...item('a', 0, 0, 12, 2), title: 'A' }, item('b', 12, 0, 12, 4), item('c', 0, 2, 6, 2)]);
  });

  it('pushes overlapping items down and pulls items back into the 24 columns', () => {
    expect(pos(compact([item('a', 0, 0, 12, 4), item('b', 6, 1, 12, 2), item('c', 20, 0, 8, 1)]))).toEqual([
      ['a', 0, 0, 12, 4],
      ['b', 6, 4, 12, 2],
      ['c', 16, 0, 8, 1],
    ]);
  });

  it('leaves a compact layout as it is, and does not change its input', () => {
    const items = [item('a', 0, 0, 24, 2), item('b', 0, 2, 8, 3), item('c', 8, 2, 16, 5)];
    const copy = structuredClone(items);
    expect(compact(items)).toEqual(items);
    expect(items).toEqual(copy);
  });

  it('property: no overlaps, everything inside the grid, idempotent', () => {
    fc.assert(
      fc.property(layouts, (items) => {
        const once = compact(items);
        expect(overlaps(once)).toEqual([]);
        expect(inGrid(once)).toBe(true);
        expect(once.map((i) => i.id)).toEqual(items.map((i) => i.id));
        expect(compact(once)).toEqual(once);
      }),
    );
  });

  it('property: every compacted item rests on the top or on another item', () => {
    fc.assert(
      fc.property(layouts, (items) => {
        const once = compact(items);
        for (const i of once) expect(i.y === 0 || once.some((o) => collides({ ...i, y: i.y - 1 }, o))).toBe(true);
      }),
    );
  });
});

describe('moveItem', () => {
  it('puts the item where asked and pushes the ones in its way down, and theirs in turn', () => {
    const items = [item('a', 0, 0, 12, 4), item('b', 0, 4, 12, 3), item('c', 0, 7, 24, 2), item('d', 12, 0, 12, 4)];
    expect(pos(moveItem(items, 'd', 0, 2))).toEqual([
      ['a', 0, 6, 12, 4],
      ['b', 0, 10, 12, 3],
      ['c', 0, 13, 24, 2],
      ['d', 0, 2, 12, 4],
    ]);
  });

  it('items out of the way stay; the moved item is kept inside the 24 columns', () => {
    const items = [item('a', 0, 0, 6, 2), item('b', 6, 0, 6, 2)];
    expect(pos(moveItem(items, 'a', 22, 0))).toEqual([
      ['a', 18, 0, 6, 2],
      ['b', 6, 0, 6, 2],
    ]);
    expect(pos(moveItem(items, 'a', -3, -1))).toEqual([
      ['a', 0, 0, 6, 2],
      ['b', 6, 0, 6, 2],
    ]);
  });

  it('an unknown id moves nothing', () => {
    const items = [item('a', 0, 0, 6, 2)];
    expect(moveItem(items, 'zz', 3, 3)).toEqual(items);
  });

  it('property: after any move nothing overlaps, everything is inside the grid, the item is where asked', () => {
    fc.assert(
      fc.property(layouts, fc.nat(), fc.integer({ min: -5, max: 30 }), fc.integer({ min: -5, max: 40 }), (items, pick, x, y) => {
        fc.pre(items.length > 0);
        const id = items[pick % items.length]!.id;
        const moved = moveItem(items, id, x, y);
        expect(overlaps(moved)).toEqual([]);
        expect(inGrid(moved)).toBe(true);
        const target = moved.find((i) => i.id === id)!;
        expect(target.y).toBe(Math.max(0, y));
        expect(target.x).toBe(Math.min(GRID_COLUMNS - target.w, Math.max(0, x)));
        // Moving then compacting gives a compact layout too.
        expect(overlaps(compact(moved))).toEqual([]);
      }),
    );
  });

  it('property: items only move down (the moved item aside), once the input fits the grid', () => {
    fc.assert(
      fc.property(layouts, fc.nat(), fc.nat({ max: 23 }), fc.nat({ max: 40 }), (raw, pick, x, y) => {
        fc.pre(raw.length > 0);
        const items = compact(raw);
        const id = items[pick % items.length]!.id;
        const moved = moveItem(items, id, x, y);
        moved.forEach((m, i) => {
          if (m.id !== id) expect([m.x, m.w, m.h, m.y >= items[i]!.y]).toEqual([items[i]!.x, items[i]!.w, items[i]!.h, true]);
        });
      }),
    );
  });
});
