import { PromDashboardEditor } from './dashboard-editor.component.js';

export { PromDashboardEditor };
PromDashboardEditor.define('prom-dashboard-editor');

declare global {
  interface HTMLElementTagNameMap {
    'prom-dashboard-editor': PromDashboardEditor;
  }
}
