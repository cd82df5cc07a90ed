/** Fired when the user picks a time range (a picker, or dragging across a chart to zoom). */
export class PromTimeRangeChangeEvent extends Event {
  static readonly type = 'prom-time-range-change';
  constructor(readonly detail: { from: string; to: string }) {
    super(PromTimeRangeChangeEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}
