import type { Panel } from '@promkit/core';

/** Fired by `<prom-panel-editor>` when Apply is pressed: `detail.panel` is the edited panel to keep. */
export class PromPanelApplyEvent extends Event {
  static readonly type = 'prom-panel-apply';
  constructor(readonly detail: { panel: Panel }) {
    super(PromPanelApplyEvent.type, { bubbles: true, composed: true });
  }
}
