import { PromDashboard } from './dashboard.component.js';
// The elements a dashboard renders are registered with it.
import '../panel/panel.js';
import '../time-range/time-range.js';
import '../refresh-picker/refresh-picker.js';
import '../variable/variable.js';

export { PromDashboard };
PromDashboard.define('prom-dashboard');

declare global {
  interface HTMLElementTagNameMap {
    'prom-dashboard': PromDashboard;
  }
}
