import type { Panel } from '@promkit/core';

/**
 * Fired by `<prom-dashboard>` in edit mode when a panel's menu asks to edit it: `detail.panel`
 * is its definition. Cancel it to open an editor of your own; otherwise the dashboard opens its
 * panel editor when one is available.
 */
export class PromPanelEditEvent extends Event {
  static readonly type = 'prom-panel-edit';
  constructor(readonly detail: { panel: Panel }) {
    super(PromPanelEditEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}
