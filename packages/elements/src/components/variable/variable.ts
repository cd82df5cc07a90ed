import { PromVariable } from './variable.component.js';

export { PromVariable };
PromVariable.define('prom-variable');

declare global {
  interface HTMLElementTagNameMap {
    'prom-variable': PromVariable;
  }
}
