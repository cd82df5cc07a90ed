import type { Dashboard } from '@promkit/core';

/**
 * Fired by `<prom-dashboard>` when its `store` has kept a save: `detail.version` is the stored
 * version, `detail.dashboard` the definition as saved (with its `uid`).
 */
export class PromDashboardSavedEvent extends Event {
  static readonly type = 'prom-dashboard-saved';
  constructor(readonly detail: { uid: string; version: number; dashboard: Dashboard }) {
    super(PromDashboardSavedEvent.type, { bubbles: true, composed: true });
  }
}
