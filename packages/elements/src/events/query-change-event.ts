/**
 * Fired by `<prom-query-editor>` on every edit of the query text (as `input` is for a field):
 * `detail.value` is the text as typed, variables and all.
 */
export class PromQueryChangeEvent extends Event {
  static readonly type = 'prom-query-change';
  constructor(readonly detail: { value: string }) {
    super(PromQueryChangeEvent.type, { bubbles: true, composed: true });
  }
}
