/**
 * Fired by `<prom-query-editor>` when the user asks to run the query (Shift+Enter, Ctrl/⌘+Enter,
 * or its Run button): `detail.value` is the text as typed. Hosts apply the query then.
 */
export class PromQueryRunEvent extends Event {
  static readonly type = 'prom-query-run';
  constructor(readonly detail: { value: string }) {
    super(PromQueryRunEvent.type, { bubbles: true, composed: true });
  }
}
