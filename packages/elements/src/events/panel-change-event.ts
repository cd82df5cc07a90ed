import type { Panel } from '@promkit/core';

/** Fired by `<prom-panel-editor>` on every edit: `detail.panel` is the new, schema-valid panel definition. */
export class PromPanelChangeEvent extends Event {
  static readonly type = 'prom-panel-change';
  constructor(readonly detail: { panel: Panel }) {
    super(PromPanelChangeEvent.type, { bubbles: true, composed: true });
  }
}
