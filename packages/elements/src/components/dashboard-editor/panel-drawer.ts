import { PromPanelDrawer } from './panel-drawer.component.js';

export { PromPanelDrawer };
PromPanelDrawer.define('prom-panel-drawer');

declare global {
  interface HTMLElementTagNameMap {
    'prom-panel-drawer': PromPanelDrawer;
  }
}
