import { PromDashboard } from './dashboard.component.js';

export { PromDashboard };
PromDashboard.define('prom-dashboard');

declare global {
  interface HTMLElementTagNameMap {
    'prom-dashboard': PromDashboard;
  }
}
