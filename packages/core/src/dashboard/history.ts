/**
 * Undo and redo for an editor: a bounded stack of definitions (each edit gives a new, immutable
 * one). Pure: every operation returns a new History and changes none.
 */

/** How many past definitions are kept by default. */
export const DEFAULT_HISTORY_LIMIT = 100;

/** The definitions of an edit session. */
export interface History<T> {
  /** The definition when editing began: what Discard restores. */
  readonly initial: T;
  /** Older definitions, oldest first. */
  readonly past: readonly T[];
  readonly current: T;
  /** Undone definitions, the next to redo last. */
  readonly future: readonly T[];
  /** How many past definitions are kept (the oldest are dropped). */
  readonly limit: number;
}

/** A history starting at `initial`. */
export function startHistory<T>(initial: T, limit = DEFAULT_HISTORY_LIMIT): History<T> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`History limit must be a whole number of at least 1, got ${limit}`);
  return { initial, past: [], current: initial, future: [], limit };
}

/** After an edit: `next` becomes current and redo is cleared. The same definition again changes nothing. */
export function pushHistory<T>(history: History<T>, next: T): History<T> {
  if (next === history.current) return history;
  const past = [...history.past, history.current].slice(-history.limit);
  return { ...history, past, current: next, future: [] };
}

export const canUndo = (history: History<unknown>): boolean => history.past.length > 0;
export const canRedo = (history: History<unknown>): boolean => history.future.length > 0;

/** Back one definition (nothing when there is none). */
export function undo<T>(history: History<T>): History<T> {
  if (!canUndo(history)) return history;
  return { ...history, past: history.past.slice(0, -1), current: history.past.at(-1)!, future: [...history.future, history.current] };
}

/** Forward one undone definition (nothing when there is none). */
export function redo<T>(history: History<T>): History<T> {
  if (!canRedo(history)) return history;
  return { ...history, past: [...history.past, history.current].slice(-history.limit), current: history.future.at(-1)!, future: history.future.slice(0, -1) };
}

/**
 * Whether the current definition differs from the initial one. Exact: identity first (the
 * cheap common case: no edit, or undone back to the start), then a structural comparison of
 * the JSON data (an edit that was reverted by hand is not dirty).
 */
export function isDirty(history: History<unknown>): boolean {
  return history.current !== history.initial && !sameData(history.current, history.initial);
}

/** Deep equality of JSON-like data (objects, arrays, primitives). */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
