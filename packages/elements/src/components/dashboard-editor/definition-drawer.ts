import { PromDefinitionDrawer } from './definition-drawer.component.js';

export { PromDefinitionDrawer };
PromDefinitionDrawer.define('prom-definition-drawer');

declare global {
  interface HTMLElementTagNameMap {
    'prom-definition-drawer': PromDefinitionDrawer;
  }
}
