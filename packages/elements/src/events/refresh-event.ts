/** Fired when a refresh starts: on the interval, on Retry, or when asked. */
export class PromRefreshEvent extends Event {
  static readonly type = 'prom-refresh';
  constructor(readonly detail: { reason: 'interval' | 'retry' | 'manual' | 'change' }) {
    super(PromRefreshEvent.type, { bubbles: true, composed: true });
  }
}
