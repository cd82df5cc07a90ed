/** Fired when the user selects a variable's value(s); `$__all` stands for All. */
export class PromVariableChangeEvent extends Event {
  static readonly type = 'prom-variable-change';
  constructor(readonly detail: { name: string; value: string | string[] }) {
    super(PromVariableChangeEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}
