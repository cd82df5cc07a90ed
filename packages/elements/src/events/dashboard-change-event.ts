import type { Dashboard } from '@promkit/core';

/** Fired by `<prom-dashboard>` in edit mode after each change (an edit, undo, redo, discard): `detail.dashboard` is the whole current definition. */
export class PromDashboardChangeEvent extends Event {
  static readonly type = 'prom-dashboard-change';
  constructor(readonly detail: { dashboard: Dashboard }) {
    super(PromDashboardChangeEvent.type, { bubbles: true, composed: true });
  }
}
