import { PromPanel } from './panel.component.js';

export { PromPanel };
PromPanel.define('prom-panel');

declare global {
  interface HTMLElementTagNameMap {
    'prom-panel': PromPanel;
  }
}
