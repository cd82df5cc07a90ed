/** Fired by `<prom-panel-editor>` when Cancel is pressed: the host drops the edits and closes the editor. */
export class PromPanelCancelEvent extends Event {
  static readonly type = 'prom-panel-cancel';
  readonly detail = {};
  constructor() {
    super(PromPanelCancelEvent.type, { bubbles: true, composed: true });
  }
}
