import { PromDashboardSettings } from './dashboard-settings.component.js';

export { PromDashboardSettings };
PromDashboardSettings.define('prom-dashboard-settings');

declare global {
  interface HTMLElementTagNameMap {
    'prom-dashboard-settings': PromDashboardSettings;
  }
}
