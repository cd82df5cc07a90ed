import { PromQueryExplain } from './query-explain.component.js';

export { PromQueryExplain };
PromQueryExplain.define('prom-query-explain');

declare global {
  interface HTMLElementTagNameMap {
    'prom-query-explain': PromQueryExplain;
  }
}
