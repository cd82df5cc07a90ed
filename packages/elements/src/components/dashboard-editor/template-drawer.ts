import { PromTemplateDrawer } from './template-drawer.component.js';

export { PromTemplateDrawer };
PromTemplateDrawer.define('prom-template-drawer');

declare global {
  interface HTMLElementTagNameMap {
    'prom-template-drawer': PromTemplateDrawer;
  }
}
