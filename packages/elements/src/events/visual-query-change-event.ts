import type { VisualQuery } from '@promkit/core/edit';

/**
 * Fired by `<prom-query-builder>` after each edit: `detail.query` is the whole new visual query
 * (a new object; the one before is never changed) and `detail.expr` the PromQL it prints as.
 * An edit the builder refuses (an invalid duration or number) fires nothing.
 */
export class PromVisualQueryChangeEvent extends Event {
  static readonly type = 'prom-visual-query-change';
  constructor(readonly detail: { query: VisualQuery; expr: string }) {
    super(PromVisualQueryChangeEvent.type, { bubbles: true, composed: true });
  }
}
