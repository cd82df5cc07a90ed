/**
 * Fired by `<prom-dashboard-list>` when a dashboard's Open is pressed: `detail.uid` names it.
 * The host decides what opening is (a route, a new `<prom-dashboard>`).
 */
export class PromDashboardOpenEvent extends Event {
  static readonly type = 'prom-dashboard-open';
  constructor(readonly detail: { uid: string; title: string }) {
    super(PromDashboardOpenEvent.type, { bubbles: true, composed: true });
  }
}
