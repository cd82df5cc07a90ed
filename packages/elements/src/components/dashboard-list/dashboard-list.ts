import { PromDashboardList } from './dashboard-list.component.js';

export { PromDashboardList };
PromDashboardList.define('prom-dashboard-list');

declare global {
  interface HTMLElementTagNameMap {
    'prom-dashboard-list': PromDashboardList;
  }
}
