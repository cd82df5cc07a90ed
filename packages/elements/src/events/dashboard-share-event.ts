/**
 * Fired by `<prom-dashboard shareable>` when Share is pressed: `detail.url` is a link to this page
 * with the dashboard's uid (when a store keeps it), time range, refresh and variables. Unless it
 * is canceled the link is copied to the clipboard; cancel it to share the link your own way.
 */
export class PromDashboardShareEvent extends Event {
  static readonly type = 'prom-dashboard-share';
  constructor(readonly detail: { url: string }) {
    super(PromDashboardShareEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}
