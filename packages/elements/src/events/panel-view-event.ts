/** Fired when a panel's "view" button is pressed: show this panel alone (press again to go back). */
export class PromPanelViewEvent extends Event {
  static readonly type = 'prom-panel-view';
  constructor(readonly detail: { panelId: number }) {
    super(PromPanelViewEvent.type, { bubbles: true, composed: true });
  }
}
