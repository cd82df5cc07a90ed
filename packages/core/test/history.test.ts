import { describe, expect, it } from 'vitest';
import { DEFAULT_HISTORY_LIMIT, canRedo, canUndo, isDirty, pushHistory, redo, startHistory, undo } from '@promkit/core/edit';

const d = (title: string, panels: unknown[] = []) => ({ title, panels });

describe('history', () => {
  it('undo and redo walk the definitions; a new edit clears redo', () => {
    const a = d('a'), b = d('b'), c = d('c'), e = d('e');
    let h = pushHistory(pushHistory(startHistory(a), b), c);
    expect([h.current, canUndo(h), canRedo(h)]).toEqual([c, true, false]);
    h = undo(h);
    expect(h.current).toBe(b);
    h = undo(h);
    expect([h.current, canUndo(h), canRedo(h)]).toEqual([a, false, true]);
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(h.current).toBe(b);
    h = pushHistory(h, e);
    expect([h.current, canRedo(h)]).toEqual([e, false]);
    expect(redo(h)).toBe(h);
    expect(undo(h).current).toBe(b);
  });

  it('keeps the initial definition for Discard and never changes a history given', () => {
    const a = d('a');
    const start = startHistory(a);
    const h = pushHistory(start, d('b'));
    expect(h.initial).toBe(a);
    expect(start.current).toBe(a);
    expect(start.past).toEqual([]);
  });

  it('is bounded: the oldest definitions are dropped', () => {
    let h = startHistory(0, 3);
    for (let i = 1; i <= 5; i++) h = pushHistory(h, i);
    expect(h.past).toEqual([2, 3, 4]);
    while (canUndo(h)) h = undo(h);
    expect(h.current).toBe(2);
    expect(startHistory(0).limit).toBe(DEFAULT_HISTORY_LIMIT);
    expect(() => startHistory(0, 0)).toThrow(/at least 1/);
  });

  it('dirty: current differs from the initial definition (deep, so an edit reverted by hand is clean)', () => {
    const a = d('a', [{ id: 1, gridPos: { x: 0, y: 0, w: 12, h: 8 } }]);
    let h = startHistory(a);
    expect(isDirty(h)).toBe(false);
    h = pushHistory(h, d('a', [{ id: 1, gridPos: { x: 0, y: 1, w: 12, h: 8 } }]));
    expect(isDirty(h)).toBe(true);
    h = pushHistory(h, structuredClone(a));
    expect(isDirty(h)).toBe(false);
    expect(isDirty(undo(undo(h)))).toBe(false);
    expect(isDirty(pushHistory(h, d('a', [])))).toBe(true);
  });
});
