import { PromDashboardJson } from './dashboard-json.component.js';

export { PromDashboardJson };
PromDashboardJson.define('prom-dashboard-json');

declare global {
  interface HTMLElementTagNameMap {
    'prom-dashboard-json': PromDashboardJson;
  }
}
