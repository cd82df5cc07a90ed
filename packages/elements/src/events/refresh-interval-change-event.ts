/** Fired when the user picks a refresh interval ('' is off). */
export class PromRefreshIntervalChangeEvent extends Event {
  static readonly type = 'prom-refresh-interval-change';
  constructor(readonly detail: { refresh: string }) {
    super(PromRefreshIntervalChangeEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}
