import { PromRules } from './rules.component.js';

export { PromRules };
PromRules.define('prom-rules');

declare global {
  interface HTMLElementTagNameMap {
    'prom-rules': PromRules;
  }
}
