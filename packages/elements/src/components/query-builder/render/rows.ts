/** Rows of the query's lists (filters, operations, binary queries) added, removed and moved, with their ids. */
import type { VisualQuery } from '@promkit/core/edit';
import type { BuilderContext, RowList } from './context.js';

/** `items` with the one at `index` moved by `by` places. */
export function moved<T>(items: readonly T[], index: number, by: number): T[] {
  const out = [...items];
  const [item] = out.splice(index, 1);
  out.splice(index + by, 0, item!);
  return out;
}

/** Adds `item` at the end of `list` under a new id, then focuses the field `focus` names for that id. */
export function addRow<L extends RowList>(ctx: BuilderContext, list: L, item: VisualQuery[L][number], focus: (id: number) => string): void {
  const id = ctx.newId();
  ctx.setIds(list, [...ctx.ids(list), id]);
  ctx.commit({ ...ctx.query, [list]: [...ctx.query[list], item] });
  ctx.focusAfter(focus(id));
}

/**
 * Removes row `index` (id `id`) of `list`, then focuses the row now in its place (the field
 * `focus` names for its id), or `empty` when none is left.
 */
export function removeRow(ctx: BuilderContext, list: RowList, index: number, id: number, focus: (id: number) => string, empty: string): void {
  const ids = ctx.ids(list).filter((x) => x !== id);
  ctx.setIds(list, ids);
  ctx.commit({ ...ctx.query, [list]: (ctx.query[list] as readonly unknown[]).filter((_, i) => i !== index) });
  ctx.focusAfter(ids.length ? focus(ids[Math.min(index, ids.length - 1)]!) : empty);
}
