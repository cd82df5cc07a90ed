import type { Dashboard } from '@promkit/core';

/**
 * Fired by `<prom-dashboard>` when Save is pressed: `detail.dashboard` is the validated
 * definition. Cancel it (`preventDefault()`) when saving failed: the dashboard stays in edit mode
 * with its changes unsaved (`dirty`).
 */
export class PromDashboardSaveEvent extends Event {
  static readonly type = 'prom-dashboard-save';
  constructor(readonly detail: { dashboard: Dashboard }) {
    super(PromDashboardSaveEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}
