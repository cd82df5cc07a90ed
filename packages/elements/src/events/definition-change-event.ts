import type { Dashboard } from '@promkit/core';

/**
 * Fired by the builder's dashboard-part editors (`<prom-dashboard-settings>`,
 * `<prom-variables-editor>`, `<prom-dashboard-json>`) after each edit that leaves a valid
 * dashboard: `detail.dashboard` is the whole edited definition. A draft, not yet the dashboard's:
 * inside edit mode the drawer's Apply makes it one change (then `prom-dashboard-change` follows).
 */
export class PromDefinitionChangeEvent extends Event {
  static readonly type = 'prom-definition-change';
  constructor(readonly detail: { dashboard: Dashboard }) {
    super(PromDefinitionChangeEvent.type, { bubbles: true, composed: true });
  }
}
